"""Property-based fuzzing of the data files (Hypothesis).

Each example takes one real data file and mutates it: keys deleted, duplicated, retyped and
reordered, list entries dropped or copied, hostile strings injected, lines duplicated, deleted or
swapped, odd characters inserted, the file truncated. Whatever comes out, the build either
succeeds, and then no injected string becomes markup on any page, or it fails with every message
in the project's format (`data/file.yaml:LINE:COL: path: message`); never an exception, never a hang.

The default run is short enough for every `make test`. To fuzz longer:

    FUZZ_PROFILE=long make test      # about 2,000 examples in-process and 20 real builds
    make fuzz                        # the same, running only this file
    FUZZ_PROFILE=soak .venv/bin/python -m pytest tests/test_fuzz.py   # 20,000 examples and 100 builds; about 15 minutes

A failure prints the smallest mutation that breaks the property, and Hypothesis replays it first
on the next run (its example database is `.hypothesis/`, which git ignores).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, settings, strategies as st
from hypothesis import event, given

from coopsite.load import DATA_FILES, load
from coopsite.site import Site
from coopsite.yamlfile import parse
from conftest import FIXTURE, ROOT, copy_project, run_build
from hostile import PAYLOADS, TODAY, markup_findings, render_site, walk

# How long each example may take: generous, since CI machines are slow; a hang still fails.
DEADLINE = dt.timedelta(seconds=20)
_COMMON = dict(deadline=DEADLINE, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
               print_blob=True)
settings.register_profile("fuzz-ci", max_examples=60, **_COMMON)
settings.register_profile("fuzz-long", max_examples=2_000, derandomize=False, **_COMMON)
settings.register_profile("fuzz-soak", max_examples=20_000, derandomize=False, **_COMMON)
BUILDS = {"ci": 2, "long": 20, "soak": 100}

PROFILE = os.environ.get("FUZZ_PROFILE", "ci")
if PROFILE not in BUILDS:
    raise pytest.UsageError(f"FUZZ_PROFILE must be one of {', '.join(BUILDS)}, got {PROFILE!r}")
IN_PROCESS = settings.get_profile(f"fuzz-{PROFILE}")

MESSAGE = re.compile(r"^data/(?:sources/)?[\w.-]+(?::\d+:\d+)?: \S.*$")  # data files and the stored articles
ORIGINAL_TEXT = {kind: (FIXTURE / f"{kind}.yaml").read_text(encoding="utf-8") for kind in DATA_FILES}
ORIGINAL_DATA = {kind: parse(text, kind).data for kind, text in ORIGINAL_TEXT.items()}  # as the site reads them

ODD_CHARACTERS = ["\t", "\x00", "\x07", "\x1b", "\x85", "\u2028", "\ufeff", "\ud7ff", "&", "*", "!", "%", "@",
                  "`", "|", ">", "{", "}", "[", "]", "'", '"', "#", ":", "- ", "? ", "---\n", "...\n", "\\"]
SURPRISES = ["no", "yes", "on", "1_500", "0x1F", "1e6", "2023-02-30", "2025-Q5", "2024-01-05", "~", "", " ",
             ".inf", "-1", "0", "-0", "0.0000001", "100.5", 99999, "0000", "0000-01-01", "9999-12-31", "2023-00-10",
             "2023-Q0", "2023-H3", "2023-02-29", "javascript:alert(1)", "https://example.org/\" onmouseover=\"x"]
VALUES = st.one_of(
    st.integers(min_value=-10**20, max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.text(max_size=30),
    st.sampled_from(sorted(PAYLOADS.values())),
    st.sampled_from(SURPRISES),
    st.lists(st.one_of(st.integers(), st.text(max_size=8)), max_size=3),
    st.dictionaries(st.text(max_size=8), st.integers(), max_size=2),
)


DATE_SHAPED = re.compile(r"^\d{4}(?:-.*)?$")
DATES = st.builds(
    lambda year, rest: year + rest,
    st.sampled_from(["0000", "0001", "1969", "2023", "2024", "9999"]),
    st.one_of(st.just(""), st.integers(0, 9).map(lambda n: f"-H{n}"), st.integers(0, 9).map(lambda n: f"-Q{n}"),
              st.tuples(st.integers(0, 13), st.one_of(st.none(), st.integers(0, 32))).map(
                  lambda md: f"-{md[0]:02d}" + (f"-{md[1]:02d}" if md[1] is not None else ""))),
)


def _at(value, path):
    for part in path:
        value = value[part]
    return value


def _mutate_structure(draw, data):
    """One change to the parsed file; returns the new top-level value."""
    everything = list(walk(data))
    mappings = [p for p, v in everything if isinstance(v, dict) and v]
    lists = [p for p, v in everything if isinstance(v, list) and v]
    strings = [p for p, v in everything if isinstance(v, str)]
    # injection is listed thrice: appended to free text it keeps the file valid, so pages get rendered and scanned
    operation = draw(st.sampled_from(["delete-key", "reorder-keys", "retype", "inject", "inject", "inject",
                                      "digits", "date", "drop-item", "copy-item"]))
    if operation == "delete-key" and mappings:
        target = _at(data, draw(st.sampled_from(mappings)))
        del target[draw(st.sampled_from(sorted(target)))]
    elif operation == "reorder-keys" and mappings:
        target = _at(data, draw(st.sampled_from(mappings)))
        order = draw(st.permutations(list(target)))
        items = {key: target.pop(key) for key in list(target)}
        target.update((key, items[key]) for key in order)
    elif operation == "inject" and strings:
        path = draw(st.sampled_from(strings))
        payload = draw(st.sampled_from(sorted(PAYLOADS.values())))
        new = payload if draw(st.integers(0, 3)) == 0 else f"{_at(data, path)} {payload}"
        if not path:
            return new
        _at(data, path[:-1])[path[-1]] = new
    elif operation == "digits" and strings:  # one digit of a date, a quote or an id changed: 2023 -> 0023
        path = draw(st.sampled_from(strings))
        text = _at(data, path)
        places = [i for i, c in enumerate(text) if c.isdigit()]
        if places:
            at = draw(st.sampled_from(places))
            new = text[:at] + draw(st.sampled_from("0123456789")) + text[at + 1:]
            if not path:
                return new
            _at(data, path[:-1])[path[-1]] = new
    elif operation == "date" and any(DATE_SHAPED.match(str(v)) for _, v in everything):
        # any date, made impossible or odd: year 0, month 13, 30 February, quarter 5
        path = draw(st.sampled_from([p for p, v in everything if DATE_SHAPED.match(str(v))]))
        new = draw(DATES)
        if not path:
            return new
        _at(data, path[:-1])[path[-1]] = new
    elif operation == "drop-item" and lists:
        target = _at(data, draw(st.sampled_from(lists)))
        del target[draw(st.integers(0, len(target) - 1))]
    elif operation == "copy-item" and lists:
        target = _at(data, draw(st.sampled_from(lists)))
        target.append(copy.deepcopy(draw(st.sampled_from(target))))
    else:  # retype, or an operation with nothing to act on
        path, _ = draw(st.sampled_from(everything))
        value = draw(VALUES)
        if not path:
            return value
        _at(data, path[:-1])[path[-1]] = value
    return data


def _mutate_text(draw, text):
    lines = text.splitlines(keepends=True) or [""]
    operation = draw(st.sampled_from(["truncate", "duplicate-line", "delete-line", "swap-lines", "insert", "inject"]))
    if operation == "truncate":
        return text[: draw(st.integers(0, len(text)))]
    where = draw(st.integers(0, len(lines) - 1))
    if operation == "duplicate-line":  # most often a duplicate key
        lines.insert(where, lines[where])
    elif operation == "delete-line":
        del lines[where]
    elif operation == "swap-lines":
        other = draw(st.integers(0, len(lines) - 1))
        lines[where], lines[other] = lines[other], lines[where]
    else:
        line = lines[where]
        column = draw(st.integers(0, len(line)))
        piece = draw(st.sampled_from(ODD_CHARACTERS if operation == "insert" else sorted(PAYLOADS.values())))
        lines[where] = line[:column] + piece + line[column:]
    return "".join(lines)


@st.composite
def mutated_files(draw):
    """(kind, text): one data file with one to four mutations."""
    kind = draw(st.sampled_from(DATA_FILES))
    structural = draw(st.integers(0, 3))
    textual = draw(st.sampled_from([0, 0, 1, 2] if structural else [1, 2]))
    if structural:
        data = copy.deepcopy(ORIGINAL_DATA[kind])
        for _ in range(structural):
            data = _mutate_structure(draw, data)
        if draw(st.booleans()):
            text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=draw(st.sampled_from([40, 100, 10_000])))
        else:
            text = json.dumps(data, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 2])))
    else:
        text = ORIGINAL_TEXT[kind]
    for _ in range(textual):
        text = _mutate_text(draw, text)
    return kind, text


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(FIXTURE, target)
    return target


def _check_outcome(messages: list[str], pages: dict[str, str] | None) -> None:
    if pages is None:
        assert messages, "a failed load must say why"
        for message in messages:
            assert MESSAGE.match(message), message
            assert "Traceback" not in message
    else:
        for path, page in pages.items():
            assert markup_findings(page) == [], path


@given(mutated=mutated_files())
@IN_PROCESS
def test_mutated_data_loads_or_fails_in_the_project_format(data_dir, mutated):
    kind, text = mutated
    path = data_dir / f"{kind}.yaml"
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    try:
        result = load(data_dir, today=TODAY)
        pages = None
        if result.dataset is not None:
            pages = render_site(Site(result.dataset, TODAY), ROOT / "docs")
        event("built" if pages is not None else "refused")  # --hypothesis-show-statistics shows the split
        _check_outcome([str(p) for p in result.report.errors], pages)
    finally:
        path.write_text(ORIGINAL_TEXT[kind], encoding="utf-8")


@given(mutated=mutated_files())
@settings(IN_PROCESS, max_examples=BUILDS[PROFILE], deadline=None)
def test_mutated_data_through_a_real_build(tmp_path_factory, mutated):
    """A few examples through `mkdocs build`: exit 0 with clean pages and search index, or exit 1 with messages."""
    kind, text = mutated
    project = copy_project(tmp_path_factory.mktemp("fuzzbuild") / "project")
    (project / "data" / f"{kind}.yaml").write_bytes(text.encode("utf-8", errors="surrogatepass"))
    result = run_build(project)  # a subprocess with a timeout: a hang fails the test
    assert result.returncode in (0, 1), result.output
    assert "Traceback" not in result.output
    if result.returncode == 1:
        problems = [line for line in result.stderr.splitlines() if line.startswith("data/")]
        assert problems, result.stderr
        for line in problems:
            assert MESSAGE.match(line), line
        assert not result.site.exists()
    else:
        for page in result.site.rglob("*.html"):
            assert markup_findings(page.read_text(encoding="utf-8")) == [], page
        for doc in result.search_index()["docs"]:
            assert markup_findings(doc["title"]) == [] and markup_findings(doc["text"]) == [], doc["location"]
