"""`make check` (python -m coopsite check) and the JSON Schemas that drive it and editors' tools."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from coopsite.load import DATA_FILES
from conftest import ROOT, edit, line_of


def run_check(project, epoch="1767225600"):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"), SOURCE_DATE_EPOCH=epoch)
    return subprocess.run([sys.executable, "-m", "coopsite", "check", str(project)],
                          capture_output=True, text=True, env=env, timeout=60)


def test_check_passes_and_lists_update_notices(project):
    result = run_check(project)
    assert result.returncode == 0, result.stderr
    line = line_of(project, "data/plant.yaml", "status: planned", occurrence=3)
    assert re.search(rf"data/plant.yaml:{line}:13: milestones\[5\].status: notice: update needed: 'planned for Q1 2025' "
                     "as reported on 13 November 2023, not confirmed since then: its date \\(Q1 2025\\) has passed", result.stdout)
    # an expected number whose report is old, too (a reported one is a fact as of its date)
    outlook = line_of(project, "data/figures.yaml", "outlook: expected")
    assert re.search(rf"data/figures.yaml:{outlook}:\d+: figures\[0\].outlook: notice: update needed: 'expected' value "
                     "as reported on 13 November 2023, not confirmed since then: the latest report is more than 12 months "
                     "old. When a newer article reports on it.*'A figure updated by a later report'", result.stdout)
    assert result.stdout.strip().endswith("OK: 0 errors, 22 notices")


def test_no_update_notice_before_the_planned_date(project):
    result = run_check(project, epoch="1704067200")  # 2024-01-01: the plant's report is seven weeks old
    assert "data/plant.yaml" not in result.stdout
    assert "figures[0].outlook" not in result.stdout  # the expected investment, reported seven weeks before
    assert "data/people.yaml:7:" not in result.stdout  # Sklyar's role, reported in November 2023
    assert re.search(r"data/people.yaml:\d+:7: people\[5\]\.role: notice: update needed", result.stdout)  # in 2019


def test_unused_source_is_a_notice_not_an_error(project):
    edit(project, "data/sources.yaml", "sources:\n", """sources:
  - id: spare-article
    title: {en: An article nothing cites yet}
    published: 2024-05
    language: en
""")
    result = run_check(project)
    assert result.returncode == 0
    assert "sources[0].id: notice: source 'spare-article' is cited by nothing" in result.stdout


def test_check_fails_with_every_error_in_compiler_format(project):
    edit(project, "data/figures.yaml", "value: 250000000", "value: many")
    edit(project, "docs/trade.md", "<!-- data:trade-goods -->", "<!-- data:trade-good -->")
    result = run_check(project)
    assert result.returncode == 1
    errors = [l for l in result.stderr.splitlines() if not l.startswith("FAILED")]
    assert len(errors) == 2
    assert all(re.match(r"^(data|docs)/[\w./-]+:\d+:\d+: ", l) for l in errors), errors
    assert "FAILED: 2 errors" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("kind", DATA_FILES)
def test_each_data_file_names_its_schema_for_editors(kind):
    first_line = (ROOT / "data" / f"{kind}.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=../hooks/coopsite/schemas/{kind}.schema.json"
    schema = json.loads((ROOT / "hooks" / "coopsite" / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    assert schema["description"]


def test_one_declaration_drives_the_check_and_the_editors_schema(project):
    """One source of truth: widen a word list in its declaration and the loader accepts the new value;
    the editors' schema is stale until regenerated, and `python -m coopsite schemas` regenerates it."""
    edit(project, "data/trade.yaml", "    direction: import\n", "    direction: transit\n")
    assert "expected one of: export, import; got 'transit'" in run_check(project).stderr
    edit(project, "hooks/coopsite/words.py", 'Direction = Literal["export", "import"]',
         'Direction = Literal["export", "import", "transit"]')
    env = dict(os.environ, PYTHONPATH=str(project / "hooks"), SOURCE_DATE_EPOCH="1767225600")
    result = subprocess.run([sys.executable, "-m", "coopsite", "check", str(project)], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    stale = subprocess.run([sys.executable, "-m", "coopsite", "schemas", "--check"], capture_output=True, text=True, env=env)
    assert stale.returncode == 1 and "trade.schema.json" in stale.stderr
    subprocess.run([sys.executable, "-m", "coopsite", "schemas"], check=True, capture_output=True, env=env)
    schema = json.loads((project / "hooks/coopsite/schemas/trade.schema.json").read_text(encoding="utf-8"))
    assert schema["$defs"]["Good"]["properties"]["direction"]["enum"] == ["export", "import", "transit"]


def test_the_committed_schemas_are_generated_from_the_declarations():
    from coopsite import schemas

    assert schemas.stale() == [], "run `make schemas` and commit hooks/coopsite/schemas/"


def test_a_missing_translation_is_a_notice_with_its_line_and_the_build_shows_the_english(project):
    from conftest import run_build

    edit(project, "data/trade.yaml", "name: {en: Oil, ru: Нефть, kk: Мұнай, ko: 석유}", "name: {en: Oil, ru: Нефть}")
    result = run_check(project)
    assert result.returncode == 0, result.stdout + result.stderr
    line = line_of(project, "data/trade.yaml", "name: {en: Oil")
    for lang in ("Kazakh", "Korean"):
        assert re.search(rf"data/trade.yaml:{line}:\d+: goods\[0\]\.name: notice: not yet translated into {lang}",
                         result.stdout), result.stdout
    assert "into Russian" not in result.stdout
    built = run_build(project)
    assert built.returncode == 0, built.output
    assert ">Oil<" in built.page("kk/trade/")  # the English, in the Kazakh edition
