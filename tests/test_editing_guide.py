"""The editors' guide tells the truth: its worked examples load, build and show up."""

from __future__ import annotations

import html
import re

from coopsite.load import load
from conftest import ROOT, edit, run_build

GUIDE = (ROOT / "docs" / "editing.md").read_text(encoding="utf-8")


def example(heading: str) -> str:
    """The first YAML block after a '### heading' of the guide."""
    section = GUIDE.split(f"### {heading}\n", 1)[1]
    return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)


def insert_into_list(project, file: str, list_key: str, snippet: str) -> None:
    path = project / "data" / file
    text = path.read_text(encoding="utf-8")
    marker = f"\n{list_key}:\n"
    assert marker in text
    path.write_text(text.replace(marker, marker + snippet + "\n", 1), encoding="utf-8")


def test_the_worked_examples_build_into_the_site(real_project):
    project = real_project
    insert_into_list(project, "sources.yaml", "sources", example("Add a source"))
    insert_into_list(project, "plant.yaml", "milestones", example("Add a milestone"))
    insert_into_list(project, "program.yaml", "sectors", example("Add a sector"))
    insert_into_list(project, "figures.yaml", "figures", example("Add a figure"))
    # The new article's text, as the guide says to store it (here: just the sentences the examples quote).
    (project / "data" / "sources" / "kia-2025-report.txt").write_text(
        "The exact sentence of the article that reports the launch.\n\n"
        'The sentence with "more than 700 enterprises" in it.\n\n'
        "The sentence that names agriculture as part of the program.\n", encoding="utf-8")
    result = load(project / "data")
    assert [str(p) for p in result.report.errors] == []

    built = run_build(project)
    assert built.returncode == 0, built.output
    assert 'id="milestone-pilot-launch-held"' in built.page("kia-plant/")
    assert "February 2025" in built.page("kia-plant/")
    assert "<h1" in built.page("program/sectors/agriculture/")
    assert "more than 700 enterprises" in built.page("figures/")
    assert 'id="source-kia-2025-report"' in built.page("sources/")



ARTICLE_2025 = "Kia launched pilot production at its plant in Kostanai in March 2025.\n"


def test_recording_what_happened_to_a_plan_shows_planned_versus_actual(real_project):
    """The guide's first worked example, carried out on a copy of the real data: a new source with its
    text, and a report added to the planned pilot launch."""
    project = real_project
    insert_into_list(project, "sources.yaml", "sources", example("Add a source"))
    (project / "data" / "sources" / "kia-2025-report.txt").write_text(ARTICLE_2025, encoding="utf-8")
    plant = project / "data" / "plant.yaml"
    text = plant.read_text(encoding="utf-8")
    anchor = "    quote: A pilot launch is scheduled for the first quarter of 2025\n"
    assert text.count(anchor) == 1
    plant.write_text(text.replace(anchor, anchor + example("Record what happened to a plan")), encoding="utf-8")
    insert_into_list(project, "units.yaml", "units", example("Add a unit"))

    result = load(project / "data")
    assert [str(p) for p in result.report.errors] == []
    assert not [str(p) for p in result.report.notices if "milestones[5].status" in str(p)]  # the update is made
    pilot = next(m for m in result.dataset.milestones if m.id == "pilot-launch")
    assert (pilot.status, pilot.date.label(), pilot.source_id) == ("done", "March 2025", "kia-2025-report")
    assert [r.status for r in pilot.history] == ["planned", "done"]

    built = run_build(project)
    assert built.returncode == 0, built.output
    page = html.unescape(built.page("kia-plant/"))
    item = page[page.index('id="milestone-pilot-launch"'):]
    item = item[:item.index("</li>")]
    assert "Done" in item and "March 2025" in item and "as reported on 20 March 2025" in item
    assert "First reported:</span> Planned for Q1 2025 (reported on 13 November 2023)" in item
    assert "as planned" in item
    assert item.count('class="kz-ref__mark"') >= 2  # the latest report and the first, each cited
    references = page[page.index('id="references"'):] if 'id="references"' in page else page
    assert "Kia launched pilot production at its plant in Kostanai in March 2025." in references
    assert "A pilot launch is scheduled for the first quarter of 2025" in references  # the first report's words
    assert 'id="source-kia-2025-report"' in built.page("sources/")


def test_a_report_later_than_planned_shows_the_slip(project):
    # an article of June 2025 reports the launch in May (a report cannot be 'done' before its own date)
    insert_into_list(project, "sources.yaml", "sources", example("Add a source").replace("2025-03-20", "2025-06-20"))
    (project / "data" / "sources" / "kia-2025-report.txt").write_text(
        ARTICLE_2025.replace("March", "May"), encoding="utf-8")
    plant = project / "data" / "plant.yaml"
    anchor = "    quote: A pilot launch is scheduled for the first quarter of 2025\n"
    plant.write_text(plant.read_text(encoding="utf-8").replace(
        anchor, anchor + example("Record what happened to a plan").replace("2025-03", "2025-05").replace(
            "March", "May")), encoding="utf-8")
    built = run_build(project)
    assert built.returncode == 0, built.output
    assert "2 months later than planned" in html.unescape(built.page("kia-plant/"))


def test_a_later_report_on_the_plants_status_shows_beside_the_first(real_project):
    project = real_project  # the guide's example, on the real data
    insert_into_list(project, "sources.yaml", "sources", example("Add a source"))
    (project / "data" / "sources" / "kia-2025-report.txt").write_text(ARTICLE_2025, encoding="utf-8")
    guide = GUIDE.split("**The plant's status**", 1)[1]
    snippet = re.search(r"```yaml\n(.*?)```", guide, re.S).group(1)
    plant = project / "data" / "plant.yaml"
    text = plant.read_text(encoding="utf-8")
    anchor = "\nmilestones:\n"
    plant.write_text(text.replace(anchor, snippet + anchor, 1), encoding="utf-8")
    # the same article's milestone report, as the guide's first example (it dates the article's "2025")
    quote = "    quote: A pilot launch is scheduled for the first quarter of 2025\n"
    edit(project, "data/plant.yaml", quote, quote + example("Record what happened to a plan"))
    result = load(project / "data")
    assert [str(p) for p in result.report.errors] == []
    assert result.dataset.plant.status == "done" and result.dataset.plant.status_source == "kia-2025-report"
    built = run_build(project)
    assert built.returncode == 0, built.output
    page = html.unescape(built.page("kia-plant/"))
    card = page[page.index("kz-plant-card"):]
    card = card[:card.index("</table>")]
    assert "Producing cars" in card and "as reported on 20 March 2025" in card
    assert "Under construction (reported on 13 November 2023)" in card


def guide_example(lead: str) -> str:
    """The first YAML block after a bold lead ('**A project's status**') of the guide."""
    return re.search(r"```yaml\n(.*?)```", GUIDE.split(f"**{lead}**", 1)[1], re.S).group(1)


def add_below_quote(project, file: str, entry_id: str, snippet: str) -> None:
    """Add `snippet` right below the quote of the entry `entry_id` (a block quote ends at the next key)."""
    path = project / "data" / file
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {entry_id}\n")
    quote = text.index("    quote:", start)
    end = quote + text[quote:].index("\n") + 1
    while text[end:].startswith("      "):  # the lines of a >- block
        end += text[end:].index("\n") + 1
    path.write_text(text[:end] + snippet + text[end:], encoding="utf-8")


ARTICLE_2025_MORE = (ARTICLE_2025 + "\nWork on the joint car assembly plant has begun.\n\n"
                     "The plant already employs 1,800 people.\n")


def test_a_figure_and_a_project_updated_by_later_reports(real_project):
    """The guide's examples for a project's status and a figure, carried out on a copy of the real data."""
    import datetime as dt
    import json

    project = real_project
    insert_into_list(project, "sources.yaml", "sources", example("Add a source"))
    (project / "data" / "sources" / "kia-2025-report.txt").write_text(ARTICLE_2025_MORE, encoding="utf-8")
    add_below_quote(project, "plant.yaml", "pilot-launch", example("Record what happened to a plan"))
    add_below_quote(project, "program.yaml", "joint-car-assembly-plant", guide_example("A project's status"))
    add_below_quote(project, "figures.yaml", "kia-jobs", guide_example("A figure updated by a later report"))
    result = load(project / "data", today=dt.date(2025, 6, 1))
    assert [str(p) for p in result.report.errors] == []
    data = result.dataset
    jobs = data.figures["kia-jobs"]
    assert (jobs.value, jobs.outlook, jobs.as_of.label(), jobs.source_id) == (1800, "reported", "March 2025",
                                                                              "kia-2025-report")
    assert [(r.value, r.outlook, r.reported.label()) for r in jobs.history] == [
        (1500, "expected", "13 November 2023"), (1800, "reported", "20 March 2025")]
    assert data.derived["kia-related-jobs"].value.low == 5 * 1800  # computed from the latest number
    plant = data.projects["joint-car-assembly-plant"]
    assert [r.status for r in plant.history] == ["planned", "in-progress"]
    assert not [p for p in result.report.notices if "projects[1].status" in str(p)]  # the latest report counts

    built = run_build(project)
    assert built.returncode == 0, built.output
    figures = html.unescape(built.page("figures/"))
    card = figures[figures.index('id="figure-kia-jobs"'):]
    card = re.sub(r"<[^>]+>|\[\d+\]", "", card[:card.index('<div class="kz-figure')])
    assert "1,800 jobs" in card and "as of March 2025 · reported on 20 March 2025" in card
    assert "Earlier: 1,500 jobs, as of 13 November 2023 (expected) · reported on 13 November 2023" in card
    program = html.unescape(built.page("program/"))
    item = program[program.index('id="project-joint-car-assembly-plant"'):]
    item = re.sub(r"<[^>]+>|\[\d+\]", "", item[:item.index("</div>")])
    assert "In progress, as reported on 20 March 2025" in item
    assert "First reported: Planned (reported in H2 2019)" in item
    rows = {row["id"]: row for row in json.loads((built.site / "data" / "figures.json").read_text(encoding="utf-8"))}
    assert [r["value"] for r in rows["kia-jobs"]["reports"]] == [1500, 1800]
    assert rows["kia-jobs"]["reports"][-1]["reported"] == "2025-03-20"
