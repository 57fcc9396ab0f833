"""What must hold for ANY valid data, run on the real data and on a copy with the edits an editor makes
(a new source with its text, a report added to a planned milestone, a new milestone between two others,
a changed date, a new figure). None of these tests names a particular fact, date, count or order of the
real data, so a correct edit can never make them fail."""

from __future__ import annotations

import datetime as dt
import html
import json

import pytest

from coopsite import rules
from coopsite.load import load
from conftest import BUILD_EPOCH, REAL, copy_project, edit, run_build
from test_editing_guide import example, insert_into_list

TODAY = dt.datetime.fromtimestamp(int(BUILD_EPOCH), dt.timezone.utc).date()  # the builds' date

ARTICLE = (
    "Kia launched pilot production at its plant in Kostanai in March 2025.\n\n"
    "Trial assembly of the first cars was held in December 2024.\n\n"
    'The sentence with "more than 700 enterprises" in it.\n'
)
NEW_MILESTONE = """  - id: trial-assembly
    title:
      en: Trial assembly of the first cars
    date: 2024-12
    status: done
    source: kia-2025-report
    quote: >-
      Trial assembly of the first cars was held in December 2024.
"""


def make_edits(project) -> None:
    insert_into_list(project, "sources.yaml", "sources", example("Add a source"))
    (project / "data" / "sources" / "kia-2025-report.txt").write_text(ARTICLE, encoding="utf-8")
    plant = project / "data" / "plant.yaml"
    anchor = "    quote: A pilot launch is scheduled for the first quarter of 2025\n"
    edit(project, "data/plant.yaml", anchor, anchor + example("Record what happened to a plan"))
    # a milestone between two others (the timeline sorts by date, so its place in the list is the end)
    plant.write_text(plant.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + NEW_MILESTONE, encoding="utf-8")
    edit(project, "data/plant.yaml", "    date: 2024\n", "    date: 2024-H2\n")  # a changed date
    insert_into_list(project, "figures.yaml", "figures", example("Add a figure"))


@pytest.fixture(scope="module", params=["real data", "edited copy"])
def valid(request, tmp_path_factory):
    """(project, dataset, built site) for the real data and for the edited copy."""
    project = copy_project(tmp_path_factory.mktemp("valid") / "project", data=REAL)
    if request.param == "edited copy":
        make_edits(project)
    result = load(project / "data", today=TODAY)
    assert [str(p) for p in result.report.errors] == [], request.param
    built = run_build(project)
    assert built.returncode == 0, built.output
    return project, result.dataset, built


def test_every_quote_is_in_its_article_and_every_source_has_its_text(valid):
    _, data, _ = valid
    assert set(data.source_texts) == set(data.sources)
    assert rules.check_quotes_verified(data) == []
    assert rules.check_every_number(data) == []


def test_every_milestone_is_on_the_timeline_in_date_order_and_in_search(valid):
    _, data, built = valid
    page = built.page("kia-plant/")
    search = html.unescape(" ".join(doc["title"] + " " + doc["text"] for doc in built.search_index()["docs"]))
    for milestone in data.milestones:
        assert f'id="milestone-{milestone.id}"' in page, milestone.id
        assert milestone.title.get() in search, milestone.id
    dated = [m.date.sort_key() for m in data.timeline() if m.date]
    assert dated == sorted(dated)


def test_every_figure_and_source_has_its_card(valid):
    _, data, built = valid
    figures, sources = built.page("figures/"), built.page("sources/")
    for figure_id in data.figures:
        assert f'id="figure-{figure_id}"' in figures, figure_id
    for source_id in data.sources:
        assert f'id="source-{source_id}"' in sources, source_id


def test_downloads_hold_every_entry_with_its_latest_report(valid):
    _, data, built = valid
    milestones = json.loads((built.site / "data" / "milestones.json").read_text(encoding="utf-8"))
    assert [row["id"] for row in milestones] == [m.id for m in data.milestones]
    for row, milestone in zip(milestones, data.milestones):
        assert row["status"] == milestone.status and row["source"] == milestone.source_id
        assert len(row["reports"]) == len(milestone.history) >= 1
        assert row["reports"][-1]["quote"] == milestone.quote
    figures = json.loads((built.site / "data" / "figures.json").read_text(encoding="utf-8"))
    assert [row["id"] for row in figures] == list(data.figures)


def test_the_edits_show_as_made(valid, request):
    """The edited copy really holds the edits (so the tests above ran on them)."""
    project, data, built = valid
    if "edited" not in request.node.callspec.id:
        pytest.skip("the real data has no edits")
    pilot = next(m for m in data.milestones if m.id == "pilot-launch")
    assert [r.status for r in pilot.history] == ["planned", "done"]
    order = [m.id for m in data.timeline()]
    assert order.index("construction-launch") < order.index("trial-assembly") < order.index("pilot-launch")
    assert "korean-enterprises-2024" in data.figures
    assert "2024-H2" in (project / "data" / "plant.yaml").read_text(encoding="utf-8")
