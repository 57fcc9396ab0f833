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
    assert not [str(p) for p in result.report.notices if "milestones[5]" in str(p)]  # the update is made
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
    insert_into_list(project, "sources.yaml", "sources", example("Add a source"))
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
