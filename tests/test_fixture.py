"""Behaviour tests run on a frozen dataset (tests/fixtures/data/), not on data/: an editor's correct edit to
data/ cannot break them. The fixture itself must stay valid (as `make check` sees it), so it cannot rot."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

from coopsite.site import check_project
from conftest import FIXTURE, REAL, ROOT, copy_project

# The tests whose point is the real data: what holds for any valid data, the editing guide's examples
# carried out on it, the editors' schema pointers and the glossary the catalogs follow.
REAL_DATA_TESTS = {
    "test_any_valid_data.py", "test_editing_guide.py", "test_data_errors.py", "test_check.py",
    "test_glossary.py", "test_translations.py", "test_fixture.py", "conftest.py",
}
READS_DATA = re.compile(r'ROOT\s*/\s*"data"|\bREAL\b|data=REAL')


def _same_tree(left: Path, right: Path) -> bool:
    compared = filecmp.dircmp(left, right)
    if compared.left_only or compared.right_only or compared.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(left, right, compared.common_files, shallow=False)
    return not mismatch and not errors and all(
        _same_tree(left / name, right / name) for name in compared.common_dirs)


def test_a_project_copy_holds_the_fixture_data_unless_the_real_data_is_asked_for(tmp_path):
    assert _same_tree(copy_project(tmp_path / "behaviour") / "data", FIXTURE)
    assert _same_tree(copy_project(tmp_path / "real", data=REAL) / "data", REAL)


def test_the_session_build_is_of_the_fixture(built_site):
    assert _same_tree(built_site.site.parent / "data", FIXTURE)


def test_behaviour_tests_never_read_data_directly():
    readers = sorted(
        path.relative_to(ROOT / "tests").as_posix()
        for path in (ROOT / "tests").rglob("*.py")
        if path.name not in REAL_DATA_TESTS and READS_DATA.search(path.read_text(encoding="utf-8")))
    assert readers == [], "behaviour tests must use the fixture data (conftest.FIXTURE, copy_project())"


def test_the_fixture_passes_make_check(tmp_path):
    report = check_project(copy_project(tmp_path / "project"))
    assert [str(p) for p in report.errors] == []
