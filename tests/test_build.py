"""Real `mkdocs build` runs: bad data stops the build before the site is touched; new data shows up."""

from __future__ import annotations

import json

from conftest import edit, line_of, run_build


def test_bad_data_fails_with_located_messages_and_no_traceback(project):
    edit(project, "data/figures.yaml", "value: 250000000", "value: many")
    edit(project, "data/plant.yaml", "date: 2025-Q1", "date: 2025-Q5")
    result = run_build(project)
    assert result.returncode == 1
    figures_line = line_of(project, "data/figures.yaml", "value: many")
    plant_line = line_of(project, "data/plant.yaml", "date: 2025-Q5")
    assert f"data/figures.yaml:{figures_line}:12: figures[0].value: expected a number" in result.stderr
    assert f"data/plant.yaml:{plant_line}:11: milestones[5].date: '2025-Q5' names quarter 5" in result.stderr
    assert "2 problems in the data; nothing was built." in result.stderr
    assert "Traceback" not in result.output
    assert not result.site.exists()


def test_failed_build_leaves_the_previous_site_untouched(project):
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("last good site", encoding="utf-8")
    edit(project, "data/sources.yaml", "published: 2023-11-13", "published: 2023-02-30")
    result = run_build(project, site)
    assert result.returncode == 1
    assert "data/sources.yaml:" in result.stderr and "February 2023 has 28 days" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "last good site"


def test_unknown_marker_in_docs_is_reported_with_its_line(project):
    edit(project, "docs/kia-plant.md", "<!-- data:timeline -->", "<!-- data:timelne -->")
    result = run_build(project)
    line = line_of(project, "docs/kia-plant.md", "data:timelne")
    assert result.returncode == 1
    assert f"docs/kia-plant.md:{line}:1: unknown marker 'data:timelne' (did you mean 'timeline'?)" in result.stderr


def test_markup_in_data_is_shown_as_text(project):
    edit(project, "data/program.yaml", "en: Tourism", "en: <b>Tourism</b> <script>alert(1)</script>")
    edit(project, "data/plant.yaml", "en: Equipment installation", 'en: Equipment <img src=x onerror=alert(1)> "quoted"')
    result = run_build(project)
    assert result.returncode == 0, result.output
    sector = result.page("program/sectors/tourism/")
    assert "&lt;b&gt;Tourism&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;" in sector
    plant = result.page("kia-plant/")
    assert "Equipment &lt;img src=x onerror=alert(1)&gt; &#34;quoted&#34;" in plant  # the templates' escaping
    for path in result.site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in text, path
        assert "<img src=x" not in text, path
        assert "<b>Tourism" not in text, path


def test_new_entries_in_yaml_reach_pages_nav_and_search(project):
    edit(project, "data/plant.yaml", "\n  - id: pilot-launch", """
  - id: trial-assembly
    title:
      en: Trial assembly of the first car bodies
    date: 2024-12
    status: planned
    source: kia-kostanai-2023
    quote: Construction is anticipated to be completed in 2024, followed by equipment installation.

  - id: pilot-launch""")
    edit(project, "data/program.yaml", "\nprojects:", """
  - id: agriculture
    name:
      en: Agriculture and agritech
    source: fresh-wind-2019
    quote: The program includes cooperation in 10 industries

projects:""")
    edit(project, "data/figures.yaml", "\n  - id: korean-enterprises", """
  - id: kia-jobs-engineers
    topic: jobs
    label: {en: Trial figure for the test}
    value: 1500
    unit: jobs
    qualifier: up-to
    outlook: expected
    as_of: 2023-11-13
    source: kia-kostanai-2023
    quote: The plant is expected to create 1,500 high-paying jobs

  - id: korean-enterprises""")
    result = run_build(project)
    assert result.returncode == 0, result.output
    plant = result.page("kia-plant/")
    assert plant.index('id="milestone-construction-complete"') < plant.index('id="milestone-trial-assembly"') < plant.index('id="milestone-pilot-launch"')
    assert "December 2024" in plant
    assert "Agriculture and agritech" in result.page("program/sectors/agriculture/")
    assert 'href="program/sectors/agriculture/"' in result.page("")
    assert "up to 1,500 jobs" in result.page("figures/")
    index = json.dumps(result.search_index())
    assert "Trial assembly of the first car bodies" in index
    assert "Agriculture and agritech" in index
    assert "Trial figure for the test" in index
