"""Files MkDocs reads besides data/: a docs/*.md that is not UTF-8, a broken mkdocs.yml and a broken
template in overrides/ get a located error (FILE:LINE:COL: ...) and a non-zero exit from `make check`,
`make build` and `make serve`, never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coopsite.errors import DataError
from coopsite.site import Site
from conftest import ROOT, run_build

NOT_UTF8 = "docs/sources.md:{line}:{column}: the file is not UTF-8 text; save it with UTF-8 encoding"


def _make(project: Path, target: str, **variables: str) -> subprocess.CompletedProcess:
    """A Makefile target in the project copy, with this interpreter's environment already set up."""
    for name in ("Makefile", "requirements.txt"):
        shutil.copy2(ROOT / name, project / name)
    settings = [f"BIN={Path(sys.executable).parent}", "STAMP=", *(f"{k}={v}" for k, v in variables.items())]
    env = dict(os.environ, PYTHONPATH="hooks", SOURCE_DATE_EPOCH="1767225600")
    return subprocess.run(["make", "-s", target, *settings], cwd=project, env=env, capture_output=True, text=True,
                          timeout=120)


def _spoil_docs(project: Path) -> tuple[int, int]:
    path = project / "docs" / "sources.md"
    text = path.read_bytes()
    path.write_bytes(text + b"Caf\xe9 Kostanai\n")  # Latin-1, as an editor's old tool might save it
    return text.count(b"\n") + 1, 4


def test_a_docs_file_that_is_not_utf8_is_located_in_check_and_build(project):
    line, column = _spoil_docs(project)
    check = _make(project, "check")
    assert check.returncode != 0
    assert NOT_UTF8.format(line=line, column=column) in check.stderr
    build = _make(project, "build")
    assert build.returncode != 0
    assert NOT_UTF8.format(line=line, column=column) in build.stderr
    for output in (check.stdout + check.stderr, build.stdout + build.stderr):
        assert "Traceback" not in output


def test_a_docs_file_that_is_not_utf8_becomes_the_previews_error_page(project):
    line, column = _spoil_docs(project)
    with pytest.raises(DataError) as caught:
        Site.load(project)
    assert [str(p) for p in caught.value.problems] == [NOT_UTF8.format(line=line, column=column)]


@pytest.mark.parametrize("target", ["check", "build", "serve"])
def test_a_broken_mkdocs_yml_is_located(project, target):
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    broken = next(i for i, text in enumerate(lines) if text.startswith("strict:"))
    lines[broken] = "strict: [true\n"
    config.write_text("".join(lines), encoding="utf-8")
    result = _make(project, target, PORT="1")  # serve stops at the check, before it would listen
    assert result.returncode != 0
    where = next(i for i, text in enumerate(lines) if text.startswith("theme:")) + 1  # where the list proves unclosed
    assert f"mkdocs.yml:{where}:6: invalid YAML: expected ',' or ']', but got ':'" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_mkdocs_yml_not_utf8_is_located(project):
    (project / "mkdocs.yml").write_bytes(b"site_name: Caf\xe9\n")
    result = _make(project, "build")
    assert result.returncode != 0
    assert "mkdocs.yml:1:15: the file is not UTF-8 text; save it with UTF-8 encoding" in result.stderr


def test_a_valid_project_builds_through_the_makefile(project):
    result = _make(project, "build")
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "index.html").is_file()


def _override(project: Path, name: str, text: str) -> None:
    path = project / "overrides" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_site_template_override_that_cannot_be_read_is_located_in_check_and_build(project):
    _override(project, "coopsite/timeline.html", "{% for m in milestones %}\n<li>{{ m.title }\n")
    expected = "overrides/coopsite/timeline.html:2:1: the template could not be read: unexpected '}'"
    for target in ("check", "build"):
        result = _make(project, target)
        assert result.returncode != 0, target
        assert expected in result.stderr, (target, result.stderr[-2000:])
        assert "Traceback" not in result.stdout + result.stderr


def test_a_material_partial_override_that_cannot_be_read_is_located_with_the_datas_problems(project):
    """Reported with every other problem of the run (here, one in the data), before anything is built."""
    _override(project, "partials/copyright.html", "{% if config.copyright %}\n{{ config.copyright }\n{% endif %}\n")
    figures = project / "data" / "figures.yaml"
    figures.write_text(figures.read_text(encoding="utf-8").replace("unit: ", "unitt: ", 1), encoding="utf-8")
    result = _make(project, "build")
    assert result.returncode != 0
    assert "overrides/partials/copyright.html:2:1: the template could not be read: unexpected '}'" in result.stderr
    assert "data/figures.yaml:" in result.stderr and "unitt" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_a_template_naming_a_value_that_is_not_there_is_located_at_its_line(project):
    own = (ROOT / "hooks" / "coopsite" / "templates" / "timeline.html").read_text(encoding="utf-8")
    line = next(i for i, text in enumerate(own.splitlines(), 1) if "{{ date(m.date) }}" in text)
    _override(project, "coopsite/timeline.html", own.replace("{{ date(m.date) }}", "{{ m.place.name }}{{ date(m.date) }}", 1))
    result = _make(project, "build")
    assert result.returncode != 0
    assert (f"overrides/coopsite/timeline.html:{line}:1: the template failed: 'dict object' has no attribute 'place'"
            in result.stderr), result.stderr[-2000:]
    assert "Traceback" not in result.stdout + result.stderr


def test_a_template_that_cannot_be_read_becomes_the_previews_error_page(project):
    _override(project, "coopsite/timeline.html", "{% if true %}\n")
    with pytest.raises(DataError) as caught:
        Site.load(project)
    assert [p.file for p in caught.value.problems] == ["overrides/coopsite/timeline.html"]
    message = caught.value.problems[0].message
    assert message.startswith("the template could not be read: Unexpected end of template") and "'endif'" in message
