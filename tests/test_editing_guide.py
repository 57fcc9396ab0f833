"""The editors' guide tells the truth: its worked examples load, build and show up."""

from __future__ import annotations

import re

from coopsite.load import load
from conftest import ROOT, run_build

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


def test_the_worked_examples_build_into_the_site(project):
    insert_into_list(project, "sources.yaml", "sources", example("Add a source"))
    insert_into_list(project, "plant.yaml", "milestones", example("Add a milestone"))
    insert_into_list(project, "program.yaml", "sectors", example("Add a sector"))
    insert_into_list(project, "figures.yaml", "figures", example("Add a figure"))
    # The new article's text, as the guide says to store it (here: just the sentences the examples quote).
    (project / "data" / "sources" / "kia-2025-report.txt").write_text(
        "The exact sentence of the article that reports the launch.\n\n"
        'The sentence with "more than 700 enterprises" in it.\n', encoding="utf-8")
    result = load(project / "data")
    assert [str(p) for p in result.report.errors] == []

    built = run_build(project)
    assert built.returncode == 0, built.output
    assert 'id="milestone-pilot-launch-held"' in built.page("kia-plant/")
    assert "February 2025" in built.page("kia-plant/")
    assert "<h1" in built.page("program/sectors/agriculture/")
    assert "more than 700 enterprises" in built.page("figures/")
    assert 'id="source-kia-2025-report"' in built.page("sources/")

