"""Reports over time for a project's status and a figure, on the fixture data: its fictional later report
(sources/fixture-later-report.txt) moves the joint car assembly plant from planned to in progress, and the
projects implemented from 19 to 25. The site, the as-of rule, the downloads, the schemas and the checks all
follow the one declaration of each kind of report (model.py)."""

from __future__ import annotations

import datetime as dt
import html
import json
import re

import pytest

from coopsite import status
from coopsite.load import load, load_or_raise
from coopsite.model import FigureReport, MilestoneReport, PlantStatusReport, ProjectStatusReport
from conftest import FIXTURE, ROOT, edit, line_of

TODAY = dt.date(2026, 1, 1)
PROJECT, FIGURE = "joint-car-assembly-plant", "program-implemented-projects"


@pytest.fixture(scope="module")
def data():
    return load_or_raise(FIXTURE, today=TODAY)


def text(block: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>|\[\d+\]", "", block)))


def test_a_figure_shows_its_latest_value_and_beside_it_the_earlier_one(built_site):
    page = built_site.page("figures/")
    card = page[page.index(f'id="figure-{FIGURE}"'):]
    card = text(card[:card.index('<div class="kz-figure')])
    assert "25 projects" in card and "as of June 2021 · reported on 18 June 2021" in card
    assert "Earlier: 19 projects, as of H2 2019 · reported in H2 2019 date inferred" in card  # the 2019 article's date is inferred
    assert "inferred" not in card.split("Earlier:")[0]  # the inferred date belongs to the first report


def test_a_project_shows_its_latest_status_and_what_was_planned(built_site):
    page = built_site.page("program/")
    item = page[page.index(f'id="project-{PROJECT}"'):]
    item = text(item[:item.index("</div>")])
    assert "In progress, as reported on 18 June 2021. Not confirmed since 18 June 2021" in item
    assert "First reported: Planned (reported in H2 2019)" in item


def test_every_edition_words_the_history(built_site):
    ru = text(built_site.page("ru/figures/"))
    assert "Ранее: 19 проектов" in ru
    ko = text(built_site.page("ko/program/"))
    assert "처음 보도:" in ko


def test_the_as_of_rule_uses_the_latest_report(data):
    project = data.projects[PROJECT]
    assert project.status == "in-progress" and project.source_id == "fixture-later-report"
    confirmation = status.project(data, project)
    assert confirmation.reported.label() == "18 June 2021" and confirmation.reason == "old-report"
    soon = load_or_raise(FIXTURE, today=dt.date(2021, 7, 1))  # the first report (2019) is old by then, the latest not
    assert not status.project(soon, soon.projects[PROJECT]).unconfirmed
    assert status.project(soon, soon.projects["big-almaty-ring-road"]).reason == "old-report"


def test_derived_figures_and_downloads_carry_the_latest_value_and_the_history(built_site, data):
    figure = data.figures[FIGURE]
    assert (figure.value, figure.as_of.label(), [r.value for r in figure.history]) == (25, "June 2021", [19, 25])
    figures = {row["id"]: row for row in json.loads((built_site.site / "data/figures.json").read_text("utf-8"))}
    row = figures[FIGURE]
    assert (row["value"], row["as_of"], row["source"]) == (25, "2021-06", "fixture-later-report")
    assert [(r["value"], r["as_of"], r["outlook"], r["reported"]) for r in row["reports"]] == [
        (19, "2019-H2", "reported", "2019-H2"), (25, "2021-06", "reported", "2021-06-18")]
    projects = {row["id"]: row for row in json.loads((built_site.site / "data/projects.json").read_text("utf-8"))}
    assert [(r["status"], r["source"]) for r in projects[PROJECT]["reports"]] == [
        ("planned", "fresh-wind-2019"), ("in-progress", "fixture-later-report")]
    header = (built_site.site / "data/projects.csv").read_text("utf-8").splitlines()[0].split(",")
    assert "reports" in header
    package = json.loads((built_site.site / "data/datapackage.json").read_text("utf-8"))
    described = {r["name"]: {f["name"]: f["description"] for f in r["schema"]["fields"]} for r in package["resources"]}
    assert "value, as_of, qualifier, outlook, source, quote" in described["figures"]["reports"]


def test_each_kind_of_report_is_declared_once_for_the_schemas():
    for name, kind, fields in (("figures", FigureReport, {"value", "as_of", "source", "quote"}),
                               ("program", ProjectStatusReport, {"status", "source", "quote"}),
                               ("plant", MilestoneReport, {"status", "source", "quote"}),
                               ("plant", PlantStatusReport, {"status", "status_text", "source", "quote"})):
        schema = json.loads((ROOT / f"hooks/coopsite/schemas/{name}.schema.json").read_text("utf-8"))
        declared = schema["$defs"][kind.__name__]
        assert set(declared["required"]) == fields, kind.__name__


def _errors(project) -> list[str]:
    result = load(project / "data", today=TODAY)
    assert result.dataset is None, "the mistake must be refused"
    return [str(p) for p in result.report.errors]


def test_a_figure_reports_quote_must_contain_its_value(project):
    edit(project, "data/figures.yaml", "      - value: 25\n", "      - value: 26\n")
    line = line_of(project, "data/figures.yaml", "By June 2021, 25 projects")
    index = [m for m in _errors(project) if "reports[0].quote" in m]
    assert index == [f"data/figures.yaml:{line - 1}:16: figures[9].reports[0].quote: the quote does not contain the "
                     "value 26 (looked for '26' or 'Twenty-six' or 'twenty-six'); quote the sentence that states the number, or correct the value"]


def test_a_report_quote_not_in_the_article_shows_the_closest_passage(project):
    edit(project, "data/program.yaml", "Work on the joint car assembly plant is under way.",
         "Work on the joint car plant is under way.")
    [error] = _errors(project)
    assert re.match(r"data/program.yaml:\d+:\d+: projects\[1\].reports\[0\].quote: the quote is not in the article's "
                    r"text \(sources/fixture-later-report.txt\)", error)
    assert "“Work on the joint car assembly plant is under way.”" in error


def test_reports_go_oldest_first(project):
    edit(project, "data/sources.yaml", "    published: 2021-06-18\n", "    published: 2018\n")
    errors = _errors(project)
    assert any("projects[1].reports[0].source: this report (fixture-later-report, 2018) is older than the one "
               "before it (fresh-wind-2019, H2 2019); list the reports oldest first, so the last is the latest" in e
               for e in errors), errors


def test_update_notices_say_how_to_add_a_report_of_each_kind(data):
    from coopsite import rules

    notices = {(f.collection, f.entry_id): f.message for f in rules.check_confirmed(data)}
    assert notices[("milestones", "pilot-launch")].endswith(
        "add the new report below them: 'reports:', then '- status: ...', 'date: ...', 'source: ...', 'quote: >-' "
        "(see 'Record what happened to a plan' in the editing guide)")
    assert notices[("plant", None)].endswith(
        "'reports:', then '- status: ...', 'status_text: ...', 'source: ...', 'quote: >-' (see 'The plant's status' "
        "under 'Record what happened to a plan' in the editing guide)")
    assert notices[("projects", "big-almaty-ring-road")].endswith(
        "'reports:', then '- status: ...', 'source: ...', 'quote: >-' (see 'A project's status' under 'Record what "
        "happened to a plan' in the editing guide)")
    assert "update needed: 'in-progress' as reported on 18 June 2021" in notices[("projects", PROJECT)]  # the latest
    guide = (ROOT / "docs" / "editing.md").read_text(encoding="utf-8")
    for lead in ("The plant's status", "A project's status", "A figure updated by a later report"):
        assert f"**{lead}**" in guide
