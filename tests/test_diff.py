"""`make diff REV=...`: what changed in the facts since a git revision, in words."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT, edit


def git(project, *args):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t")
    subprocess.run(["git", *args], cwd=project, check=True, capture_output=True, env=env)


def run_diff(project, revision="HEAD"):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"))
    return subprocess.run([sys.executable, "-m", "coopsite", "diff", revision, str(project)],
                          capture_output=True, text=True, env=env, timeout=60)


def test_diff_describes_added_removed_and_changed_facts(project):
    git(project, "init", "-q")
    git(project, "add", "data")
    git(project, "commit", "-qm", "base")
    edit(project, "data/plant.yaml", "date: 2025-Q1", "date: 2025-Q3")
    edit(project, "data/program.yaml", "en: Tourism", "en: Tourism and leisure")
    edit(project, "data/figures.yaml", "    value: 70000\n", "    value: 80000\n")
    # a correction of the article's number: the stored text and both quotes of its sentence follow it
    edit(project, "data/figures.yaml", "capacity\n      of 70,000 cars.", "capacity\n      of 80,000 cars.", count=2)
    edit(project, "data/sources/kia-kostanai-2023.txt", "of 70,000 cars.", "of 80,000 cars.")
    edit(project, "data/trade.yaml", """  - id: cars
    name: {en: Cars, ru: Автомобили, kk: Автокөліктер, ko: 자동차}
    direction: import
    source: fresh-wind-2019
    quote: imports electronics, equipment and cars from the country of Morning Freshness
    quote_translation:
      ru: импортирует из Страны утренней свежести электронику, оборудование и автомобили
      kk: Таңғы шық елінен электроника, жабдық және автокөліктер импорттайды
      ko: 고요한 아침의 나라로부터 전자제품, 장비, 자동차를 수입한다
""", "")
    edit(project, "data/plant.yaml", "\n  - id: pilot-launch", """
  - id: trial-assembly
    title:
      en: Trial assembly
    date: 2024-12
    status: planned
    source: kia-kostanai-2023
    quote: followed by equipment installation.

  - id: pilot-launch""")
    result = run_diff(project)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Changes in the facts since HEAD:"
    assert "- Milestone added: “Trial assembly” (`trial-assembly`)" in lines
    assert "- Milestone `pilot-launch` (“Pilot launch of production”): date changed from Q1 2025 to Q3 2025" in lines
    assert any(l.startswith("- Figure `kia-capacity`") and "value changed from 70,000 cars a year to 80,000 cars a year" in l for l in lines)
    assert "- Sector `tourism` (“Tourism and leisure”): renamed from “Tourism” to “Tourism and leisure”" in lines
    assert "- Trade good removed: “Cars” (`cars`)" in lines
    # an added or removed fact is shown in full, ready to paste into a pull request
    added = lines[lines.index("- Milestone added: “Trial assembly” (`trial-assembly`)") + 1:][:4]
    assert added == ["  - date: December 2024", "  - status: “planned”", "  - source: “kia-kostanai-2023”",
                     "  - quote: “followed by equipment installation.”"]
    removed = lines[lines.index("- Trade good removed: “Cars” (`cars`)") + 1:][:3]
    assert removed == ["  - direction: “import”", "  - source: “fresh-wind-2019”",
                       "  - quote: “imports electronics, equipment and cars from the country of Morning Freshness”"]


def test_diff_with_no_change_says_none_and_bad_revision_fails(project):
    git(project, "init", "-q")
    git(project, "add", "data")
    git(project, "commit", "-qm", "base")
    assert run_diff(project).stdout == "Changes in the facts since HEAD:\n- none\n"
    bad = run_diff(project, "no-such-revision")
    assert bad.returncode == 1
    assert "cannot read revision 'no-such-revision'" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_diff_shows_a_report_added_to_a_milestone_in_full(project):
    from test_any_valid_data import make_edits

    git(project, "init", "-q")
    git(project, "add", "data")
    git(project, "commit", "-qm", "base")
    make_edits(project)
    result = run_diff(project)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert ("- Milestone `pilot-launch` (“Pilot launch of production”): report added: done, March 2025 (source "
            "`kia-2025-report`, reported 20 March 2025): “Kia launched pilot production at its plant in Kostanai "
            "in March 2025.”") in lines
    assert "- Milestone `construction-complete` (“Construction completed”): date changed from 2024 to H2 2024" in lines
    assert "  - value: more than 700 enterprises" in lines


def test_diff_shows_reports_on_a_project_and_a_figure_in_full(project):
    """The fixture's figure and project carry a later report; a report added, and one changed, are each shown
    with what they state, their source, report date and quote."""
    git(project, "init", "-q")
    git(project, "add", "data")
    git(project, "commit", "-qm", "base")
    article = "data/sources/fixture-later-report.txt"
    edit(project, article, "By June 2021, 25 projects", "By June 2021, 26 projects")
    edit(project, "data/figures.yaml", "      - value: 25\n", "      - value: 26\n")
    edit(project, "data/figures.yaml", "By June 2021, 25 projects", "By June 2021, 26 projects")
    (project / article).write_text((project / article).read_text(encoding="utf-8")
                                   + "\nThe ring road was completed.\n", encoding="utf-8")
    edit(project, "data/program.yaml", """      Almaty Ring Road.
""", """      Almaty Ring Road.
    reports:
      - status: implemented
        source: fixture-later-report
        quote: The ring road was completed.
""")
    result = run_diff(project)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert ("- Project `big-almaty-ring-road` (“Big Almaty Ring Road”): report added: implemented (source "
            "`fixture-later-report`, reported 18 June 2021): “The ring road was completed.”") in lines
    assert ("- Figure `program-implemented-projects` (“Projects implemented”): report changed from 25 projects, "
            "as of June 2021 (source `fixture-later-report`, reported 18 June 2021): “By June 2021, 25 "
            "projects of the program had been implemented.” to 26 projects, as of June 2021 (source "
            "`fixture-later-report`, reported 18 June 2021): “By June 2021, 26 projects of the program had been "
            "implemented.”") in lines
