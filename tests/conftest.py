"""Shared fixtures: a throwaway copy of the project, and real MkDocs builds of it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run, so `make test` never fails by chance;
# FUZZ_PROFILE=long or soak (see test_fuzz.py) explore fresh examples instead.
settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.load_profile("repeatable")

ROOT = Path(__file__).resolve().parent.parent
# Behaviour tests run on FIXTURE, a frozen dataset (tests/fixtures/data/), so an editor's correct edit to
# data/ never breaks them; tests whose point is the real data (it holds for any valid data, the editing
# guide's examples apply to it) ask for REAL explicitly.
REAL = ROOT / "data"
FIXTURE = ROOT / "tests" / "fixtures" / "data"
PROJECT_PARTS = ("docs", "hooks", "overrides", "mkdocs.yml")
# A fixed build date keeps "no later report" wording stable: 2026-01-01.
BUILD_EPOCH = "1767225600"


def copy_project(target: Path, data: Path = FIXTURE) -> Path:
    """A copy of the project with `data` (the fixture dataset unless REAL is asked for) as its data/."""
    shutil.copytree(data, target / "data", ignore=shutil.ignore_patterns("__pycache__"))
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


@dataclass
class BuildResult:
    returncode: int
    stdout: str
    stderr: str
    site: Path

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def page(self, url_path: str) -> str:
        path = self.site / url_path
        if url_path.endswith("/") or url_path == "":
            path = path / "index.html"
        return path.read_text(encoding="utf-8")

    def search_index(self) -> dict:
        return json.loads((self.site / "search" / "search_index.json").read_text(encoding="utf-8"))


def run_build(project: Path, site_dir: Path | None = None, epoch: str = BUILD_EPOCH,
              site_url: str | None = None) -> BuildResult:
    """A strict build; the site's address is mkdocs.yml's default unless `site_url` is given (a
    SITE_URL set for the publishing build does not leak into the tests)."""
    site = site_dir or project / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=epoch)
    env.pop("SITE_URL", None)
    if site_url is not None:
        env["SITE_URL"] = site_url
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )
    return BuildResult(proc.returncode, proc.stdout, proc.stderr, site)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A private copy of the project, on the fixture data, that a test may break."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def real_project(tmp_path: Path) -> Path:
    """A private copy of the project with the real data/, for what must hold for any valid data."""
    return copy_project(tmp_path / "project", data=REAL)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuildResult:
    """The site built from the fixture data, once, for every test that only reads it."""
    project = copy_project(tmp_path_factory.mktemp("fixture") / "project")
    result = run_build(project)
    assert result.returncode == 0, result.output
    return result


def edit(project: Path, relative: str, old: str, new: str, count: int = 1) -> None:
    """Replace text in a project file, failing loudly if the text is not there."""
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(project: Path, relative: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line number of the n-th line containing `needle`."""
    seen = 0
    for number, line in enumerate((project / relative).read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not found in {relative}")


def cited_references(page: str, block: str) -> list[str]:
    """The page's reference entries (<li id="ref-N">...</li>) that the markers in `block` link to."""
    import re

    refs = re.findall(r'class="kz-ref__mark"[^>]*href="#(ref-\d+)"', block)
    return [re.search(rf'<li id="{ref}".*?</li>', page, re.S).group(0) for ref in refs]
