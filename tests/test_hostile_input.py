"""Hostile and broken input in data/: never a traceback, never a lost site, never injected markup.

Each test names the case ids it proves with @hostile(...); docs/data-safety.md lists every case
id with what the site does, and test_the_docs_table_lists_every_case keeps the two in step.
Most cases go through the loader in-process (fast); a handful go through a real `mkdocs build`.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import markdown
import pytest

from coopsite.editions import EDITIONS

from coopsite import yamlfile
from coopsite.load import load
from coopsite.site import Site
from conftest import ROOT, edit, line_of, run_build
from hostile import (
    ALL_PAYLOADS, PAYLOADS, TODAY, inject_everywhere, markup_findings, render_site, title_text, visible_text,
)

# `file:line:col: path: message`; a problem about a whole file (missing, too large) has no position.
MESSAGE = re.compile(r"^(?:data|docs)/[\w./-]+(?::\d+:\d+)?: \S.*$")
LOCATED = re.compile(r"^data/[\w.-]+\.yaml:\d+:\d+: ")

CASES: dict[str, list[str]] = {}  # case id -> the tests that prove it


def hostile(*case_ids: str):
    def mark(test):
        for case_id in case_ids:
            CASES.setdefault(case_id, []).append(test.__name__)
        return test
    return mark


def errors_of(project: Path) -> list[str]:
    """The loader's messages for bad data; bad data never yields a dataset."""
    result = load(project / "data", today=TODAY)
    assert result.dataset is None, "bad data must not produce a dataset"
    messages = [str(p) for p in result.report.errors]
    assert messages, "bad data must be reported"
    for message in messages:
        assert MESSAGE.match(message), message
    return messages


def check_cli(project: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    """`python -m coopsite check`, as `make check` runs it."""
    env = dict(os.environ, PYTHONPATH=str(project / "hooks"))
    return subprocess.run([sys.executable, "-m", "coopsite", "check", str(project)],
                          env=env, capture_output=True, text=True, timeout=timeout)


def assert_refused(proc, *expected: str) -> None:
    """Exit status 1, every error line in the project's format, no traceback, each expected text present."""
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert "Traceback" not in output, output
    for text in expected:
        assert text in output, output


def write(project: Path, kind: str, content: bytes | str) -> Path:
    path = project / "data" / f"{kind}.yaml"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def data_digest(project: Path) -> dict[str, str]:
    return {p.relative_to(project / "data").as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else os.readlink(p)
            for p in sorted((project / "data").rglob("*")) if not p.is_dir() or p.is_symlink()}


# -- the YAML itself ----------------------------------------------------------------------------

@hostile("invalid-yaml")
def test_invalid_yaml_is_located(project):
    edit(project, "data/plant.yaml", "    status: done\n", "    status: [done\n")
    [message] = errors_of(project)
    assert LOCATED.match(message) and "invalid YAML" in message


@hostile("tab-indent")
def test_tab_in_indentation(project):
    edit(project, "data/trade.yaml", "  - id: copper", "\t- id: copper")
    line = line_of(project, "data/trade.yaml", "\t- id: copper")
    assert errors_of(project) == [f"data/trade.yaml:{line}:1: a tab character is not allowed here; indent with spaces"]


@hostile("not-utf8")
def test_file_that_is_not_utf8(project):
    line = line_of(project, "data/places.yaml", "en: Kostanai")
    column = (project / "data/places.yaml").read_text(encoding="utf-8").splitlines()[line - 1].index("Kostanai") + 8
    raw = (project / "data/places.yaml").read_bytes()
    write(project, "places", raw.replace(b"en: Kostanai", "en: Kostana\u00ef".encode("latin-1"), 1))
    assert errors_of(project) == [f"data/places.yaml:{line}:{column}: the file is not UTF-8 text; save it with UTF-8 encoding"]


@hostile("bom")
def test_byte_order_mark_is_accepted_and_positions_stay_right(project):
    path = project / "data/figures.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load(project / "data", today=TODAY).dataset is not None
    edit(project, "data/figures.yaml", "value: 250000000", "value: many")
    line = line_of(project, "data/figures.yaml", "value: many")
    [message] = errors_of(project)
    assert message.startswith(f"data/figures.yaml:{line}:12: figures[0].value: expected a number")


@hostile("empty-file")
@pytest.mark.parametrize("content", ["", "\n\n", "# only a comment\n", "---\n"])
def test_empty_file(project, content):
    write(project, "people", content)
    [message] = errors_of(project)
    assert message.startswith("data/people.yaml:1:1: ")
    assert "empty" in message or "no data" in message


@hostile("wrong-top-level")
def test_list_where_a_mapping_is_expected(project):
    write(project, "units", "- id: usd\n  kind: money\n")
    assert errors_of(project) == [
        "data/units.yaml:1:1: expected a mapping at the top of the file (such as 'units:'), got a list"]
    write(project, "units", "units:\n  id: usd\n")
    assert errors_of(project) == ["data/units.yaml:2:3: units: expected a list (lines starting with '- '), got a mapping"]
    write(project, "units", "just some text\n")
    assert errors_of(project) == [
        "data/units.yaml:1:1: expected a mapping at the top of the file (such as 'units:'), got 'just some text'"]


@hostile("duplicate-key")
def test_duplicate_key(project):
    edit(project, "data/sources.yaml", "    language: en\n", "    language: en\n    language: ru\n")
    first = line_of(project, "data/sources.yaml", "language: en")
    assert errors_of(project) == [
        f"data/sources.yaml:{first + 1}:5: sources[0].language: duplicate key 'language' (first given on line {first}); keep one"]


@hostile("unknown-key")
def test_unknown_key_suggests_the_right_one(project):
    edit(project, "data/figures.yaml", "    qualifier: exact\n", "    qualifer: exact\n")
    line = line_of(project, "data/figures.yaml", "qualifer:")
    messages = errors_of(project)
    assert any(m.startswith(f"data/figures.yaml:{line}:5: figures[0].qualifer: unknown field 'qualifer' "
                            "(did you mean 'qualifier'?)") for m in messages), messages
    assert any("missing field 'qualifier'" in m for m in messages)


@hostile("wrong-type")
@pytest.mark.parametrize("old, new, expected", [
    ("    direction: export", "    direction: [export]", "goods[0].direction: expected one of: export, import; got a list"),
    ("    language: en\n", "    language: {en: 1}\n", "sources[0].language: expected one of: en, ru, kk, ko; got a mapping"),
    ("value: 250000000", "value: [250000000]", "figures[0].value: expected a number above 0 written in digits"),
])
def test_wrong_type(project, old, new, expected):
    relative = {"direction": "data/trade.yaml", "language": "data/sources.yaml", "value": "data/figures.yaml"}[
        next(k for k in ("direction", "language", "value") if k in old)]
    edit(project, relative, old, new)
    messages = errors_of(project)
    assert any(expected in m for m in messages), messages


@hostile("wrong-type")
def test_a_value_running_onto_the_next_lines_gives_a_one_line_message(project):
    # a lost `quote:` makes the quote's lines part of the source id above it (found by the fuzzer)
    edit(project, "data/plant.yaml", "    source: kia-kostanai-2023\n    quote: >-\n      In January",
         "    source: kia-kostanai-2023\n\n      In January")
    line = line_of(project, "data/plant.yaml", "In January,") - 2  # the source line, then a blank line
    messages = errors_of(project)  # each matches the one-line format
    assert any(m.startswith(f"data/plant.yaml:{line}:13: milestones[0].source: expected an id") and
               "got 'kia-kostanai-2023\\nIn January, Preside...'" in m for m in messages), messages


@hostile("yaml11-no")
def test_no_stays_text_and_is_refused_where_a_truth_value_is_expected(project):
    edit(project, "data/figures.yaml", "    headline: true\n", "    headline: no\n")
    line = line_of(project, "data/figures.yaml", "headline: no")
    assert errors_of(project) == [
        f"data/figures.yaml:{line}:15: figures[0].headline: expected true or false, got 'no'; write true or false"]


@hostile("yaml11-no")
def test_no_as_text_is_shown_as_no(project):
    edit(project, "data/program.yaml", "en: Digitalization", "en: no")
    result = load(project / "data", today=TODAY)
    assert result.dataset is not None
    assert result.dataset.sectors["digitalization"].name.get("en") == "no"


@hostile("yaml11-underscore")
def test_number_with_underscore_is_refused_not_read_as_1500(project):
    edit(project, "data/figures.yaml", "value: 1500", "value: 1_500")
    line = line_of(project, "data/figures.yaml", "value: 1_500")
    assert errors_of(project) == [
        f"data/figures.yaml:{line}:12: figures[2].value: expected a number above 0 written in digits (such as 250000000), "
        "or a range such as {low: 5, high: 6}, got '1_500'; write numbers with digits only, such as 1500"]


@hostile("yaml11-date")
def test_unquoted_date_in_a_text_field_stays_the_text_written(project):
    edit(project, "data/program.yaml", "en: Digitalization", "en: 2023-11-11")
    result = load(project / "data", today=TODAY)
    assert result.dataset is not None
    assert result.dataset.sectors["digitalization"].name.get("en") == "2023-11-11"


@hostile("yaml11-date")
@pytest.mark.parametrize("written", ["2024", "1.5", "true"])
def test_unquoted_number_in_a_text_field_says_to_quote_it(project, written):
    edit(project, "data/program.yaml", "en: Digitalization", f"en: {written}")
    line = line_of(project, "data/program.yaml", f"en: {written}")
    [message] = errors_of(project)
    assert message.startswith(f"data/program.yaml:{line}:11: sectors[1].name.en: expected non-empty text, got ")
    assert message.endswith(f'; to mean the text {written}, put it in quotes: "{written}"')


# -- values out of range ------------------------------------------------------------------------

@hostile("negative-money")
def test_negative_money(project):
    edit(project, "data/figures.yaml", "value: 250000000", "value: -250000000")
    line = line_of(project, "data/figures.yaml", "value: -250000000")
    assert errors_of(project) == [
        f"data/figures.yaml:{line}:12: figures[0].value: expected a number above 0 written in digits (such as 250000000), "
        "or a range such as {low: 5, high: 6}, got the number -250000000"]


@hostile("zero-capacity")
def test_zero_capacity(project):
    edit(project, "data/figures.yaml", "value: 70000", "value: 0")
    line = line_of(project, "data/figures.yaml", "value: 0")
    [message] = errors_of(project)
    assert message.startswith(f"data/figures.yaml:{line}:12: figures[1].value: expected a number above 0")
    assert message.endswith("got the number 0")


@hostile("zero-capacity")
def test_zero_in_a_range_is_refused_by_the_schema(project):
    edit(project, "data/figures.yaml", "value: {low: 5, high: 6}", "value: {low: 0, high: 6}")
    messages = errors_of(project)
    assert any("figures[3].value" in m for m in messages), messages


@hostile("percent-over-100")
def test_percentage_over_100(project):
    edit(project, "data/figures.yaml", "value: 90\n", "value: 190\n")
    edit(project, "data/figures.yaml", "reached 90 percent", "reached 190 percent")
    edit(project, "data/statements.yaml", "reached 90 percent", "reached 190 percent")
    edit(project, "data/sources/fresh-wind-2019.txt", "reached 90 percent", "reached 190 percent")
    line = line_of(project, "data/figures.yaml", "value: 190")
    assert errors_of(project) == [f"data/figures.yaml:{line}:12: figures[14].value: a percentage cannot exceed 100, got 190"]


@hostile("range-reversed")
def test_range_low_above_high(project):
    edit(project, "data/figures.yaml", "value: {low: 5, high: 6}", "value: {low: 6, high: 5}")
    line = line_of(project, "data/figures.yaml", "value: {low: 6, high: 5}")
    messages = errors_of(project)
    assert f"data/figures.yaml:{line}:12: figures[3].value: the range's low end (6) is above its high end (5)" in messages


@hostile("range-reversed")
def test_program_ending_before_it_starts(project):
    edit(project, "data/program.yaml", "    start: 2019\n    end: 2022", "    start: 2023\n    end: 2022")
    messages = errors_of(project)
    assert any("program.period: starts (2023) after it ends (2022)" in m for m in messages), messages


@hostile("done-after-report")
def test_milestone_done_after_its_own_report(project):
    edit(project, "data/plant.yaml", "    date: 2024\n    status: planned", "    date: 2024\n    status: done")
    line = line_of(project, "data/plant.yaml", "date: 2024") + 1
    assert errors_of(project) == [
        f"data/plant.yaml:{line}:13: milestones[3].status: is 'done' but its date (2024) is after the report it rests on "
        "(13 November 2023); use 'planned', or cite a later source"]


@hostile("impossible-date")
@pytest.mark.parametrize("written, explanation", [
    ("0000-01-01", "'0000-01-01' names the year 0; dates must fall between 1900 and 2100"),
    ("9999", "'9999' names the year 9999; dates must fall between 1900 and 2100"),
    ("2023-02-30", "'2023-02-30' does not exist: February 2023 has 28 days"),
    ("2023-H3", "'2023-H3' names half 3; a year has halves H1 and H2"),
    ("99999", "expected a date as a year (2024), a half (2025-H1), a quarter (2025-Q1), a month (2023-01) "
              "or a day (2023-11-11), got '99999'"),
])
def test_impossible_publication_date_is_the_only_problem_reported(project, written, explanation):
    edit(project, "data/sources.yaml", "published: 2023-11-13", f"published: {written}")
    line = line_of(project, "data/sources.yaml", f"published: {written}")
    # the milestones citing this source are not also judged against a date that does not exist
    assert errors_of(project) == [f"data/sources.yaml:{line}:16: sources[0].published: {explanation}"]


@hostile("impossible-date")
def test_dates_at_both_ends_of_the_allowed_years_still_render(project):
    edit(project, "data/plant.yaml", "date: 2025-Q1", "date: 2100-Q4")
    edit(project, "data/plant.yaml", "    date: 2024\n    status: planned", "    date: 1900\n    status: planned")
    result = load(project / "data", today=TODAY)
    assert [str(p) for p in result.report.errors] == []
    pages = render_site(Site(result.dataset, TODAY), project / "docs")
    assert "Q4 2100" in visible_text(pages["kia-plant.md"])
    assert markup_findings(pages["kia-plant.md"]) == []


# -- YAML features that execute or expand ---------------------------------------------------------

UNSAFE_TAGS = [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/apply:subprocess.check_output [['touch', '{marker}']]",
    "!!python/name:os.system",
    "!!binary aGVsbG8=",
    "!custom value",
]


@hostile("unsafe-tag")
@pytest.mark.parametrize("tagged", UNSAFE_TAGS)
def test_unsafe_tag_is_refused_and_never_executed(project, tagged, tmp_path):
    marker = tmp_path / "executed"
    edit(project, "data/trade.yaml", "    direction: export", f"    direction: {tagged.format(marker=marker)}")
    line = line_of(project, "data/trade.yaml", "direction: !")
    tag = tagged.split()[0]
    assert errors_of(project) == [
        f"data/trade.yaml:{line}:16: goods[0].direction: the tag '{tag}' is not allowed in data files; remove it"]
    assert_refused(check_cli(project), f"data/trade.yaml:{line}:16:")
    assert not marker.exists()


BILLION_LAUGHS = "a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n" + "".join(
    f"{chr(c)}: &{chr(c)} [*{chr(c - 1)},*{chr(c - 1)},*{chr(c - 1)},*{chr(c - 1)},*{chr(c - 1)},"
    f"*{chr(c - 1)},*{chr(c - 1)},*{chr(c - 1)},*{chr(c - 1)}]\n" for c in range(ord("b"), ord("j")))


def _limit_memory() -> None:  # runs in the child: 1 GiB of address space is far below what the expansion needs
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@hostile("alias-bomb")
def test_alias_bomb_is_refused_at_once(project):
    write(project, "places", "places:\n" + "".join(f"  {line}\n" for line in BILLION_LAUGHS.splitlines()))
    # in-process: refused at the first anchor, long before any expansion
    started = time.monotonic()
    with pytest.raises(yamlfile.YamlFileError) as err:
        yamlfile.read_file(project / "data/places.yaml", "data/places.yaml")
    assert time.monotonic() - started < 1.0
    assert str(err.value) == ("data/places.yaml:2:6: anchor '&a': anchors and aliases (& and *) are not supported "
                              "in data files; write the value out")
    # the command, with its memory capped: exits 1 with the same message
    env = dict(os.environ, PYTHONPATH=str(project / "hooks"))
    proc = subprocess.run([sys.executable, "-m", "coopsite", "check", str(project)], env=env, capture_output=True,
                          text=True, timeout=30, preexec_fn=_limit_memory)
    assert_refused(proc, "data/places.yaml:2:6: anchor '&a'")


@hostile("alias-bomb")
def test_plain_alias_is_refused_too(project):
    edit(project, "data/trade.yaml", "    direction: export", "    direction: *dir")
    [message] = errors_of(project)
    assert "alias '*dir': anchors and aliases (& and *) are not supported" in message


@hostile("deep-nesting")
def test_deeply_nested_lists_are_refused_without_a_crash(project):
    write(project, "units", "units: " + "[" * 100_000 + "\n")
    [message] = errors_of(project)
    assert message.startswith("data/units.yaml:1:")
    assert f"nested more than {yamlfile.MAX_DEPTH} levels deep" in message


@hostile("control-chars")
@pytest.mark.parametrize("written, code", [("Kia\x07 plant", "0007"), ("Kia\x00", "0000"), ("Kia\u009bx", "009B")])
def test_control_character_in_the_file(project, written, code):
    edit(project, "data/plant.yaml", "en: Kia car plant", f"en: {written}")
    line = line_of(project, "data/plant.yaml", "en: Kia")
    [message] = errors_of(project)
    assert message.startswith(f"data/plant.yaml:{line}:")
    assert f"U+{code}" in message


@hostile("control-chars")
@pytest.mark.parametrize("escape, code", [(r"\u0007", "0007"), (r"\ud800", "D800"), (r"\x1b[31m", "001B")])
def test_control_character_written_as_an_escape(project, escape, code):
    edit(project, "data/plant.yaml", "en: Kia car plant in Kostanai", f'en: "Kia {escape} plant"')
    line = line_of(project, "data/plant.yaml", "en: \"Kia")
    assert errors_of(project) == [
        f"data/plant.yaml:{line}:9: plant.name.en: the text holds the character U+{code} (a control character or "
        "a broken escape), which a page cannot show; delete it"]


@hostile("control-chars")
def test_terminal_escape_in_a_key_is_refused_not_echoed(project):
    edit(project, "data/plant.yaml", "    en: Kia car plant in Kostanai", '    "\\e[2J\\e[31mname": x\n    en: Kia car plant in Kostanai')
    line = line_of(project, "data/plant.yaml", "e[2J")
    assert errors_of(project) == [f"data/plant.yaml:{line}:5: plant.name: a key holds a control character; retype the key"]


@hostile("path-in-id")
@pytest.mark.parametrize("bad_id", ["../../../outside", "/etc/cron.d/x", "tourism/../../x", "TOURISM", "tourism.md"])
def test_an_id_is_never_a_path(project, bad_id):
    edit(project, "data/program.yaml", "  - id: tourism", f"  - id: '{bad_id}'")
    line = line_of(project, "data/program.yaml", f"id: '{bad_id}'")
    messages = errors_of(project)
    assert any(m.startswith(f"data/program.yaml:{line}:9: sectors[") and "expected an id of lowercase letters" in m
               for m in messages), messages


@hostile("markup-in-errors")
def test_messages_about_hostile_input_are_escaped_on_the_preview_error_page(project):
    from coopsite.render.problems import error_page

    edit(project, "data/trade.yaml", "    direction: export", "    direction: <img src=x onerror=alert(1)>")
    edit(project, "data/plant.yaml", "    en: Kia car plant in Kostanai",
         "    en: Kia car plant in Kostanai\n    <script>alert(1)</script>: x")
    result = load(project / "data", today=TODAY)
    page = error_page(result.report.errors)
    body = markdown.markdown(page.split("---\n", 2)[2], extensions=["md_in_html"])
    assert markup_findings(body) == []
    assert "unknown field '<script>alert(1)</script>'" in visible_text(body)
    assert "got '<img src=x onerror=alert(1)>'" in visible_text(body)


@hostile("huge-number")
@pytest.mark.parametrize("written", ["9" * 20, "9" * 5000, "1" * 400 + ".0"])
def test_number_too_large_to_keep_exactly(project, written):
    edit(project, "data/figures.yaml", "value: 70000", f"value: {written}")
    line = line_of(project, "data/figures.yaml", f"value: {written[:10]}")
    [message] = errors_of(project)
    assert message.startswith(f"data/figures.yaml:{line}:12: figures[1].value: '999" if written[0] == "9"
                              else f"data/figures.yaml:{line}:12: figures[1].value: '111")
    assert "is not a number the site can use: too many digits" in message
    assert len(message) < 300


# -- the files themselves -------------------------------------------------------------------------

@hostile("too-large")
def test_file_over_the_size_limit(project):
    path = project / "data/statements.yaml"
    original = path.read_bytes()
    padding = b"# " + b"x" * 1000 + b"\n"
    path.write_bytes(original + padding * (yamlfile.MAX_FILE_BYTES // len(padding) + 1))
    size = path.stat().st_size
    assert errors_of(project) == [
        f"data/statements.yaml: the file is {size:,} bytes; data files may be at most {yamlfile.MAX_FILE_BYTES:,} "
        "bytes; split the file or shorten its texts"]


@hostile("symlink-outside")
def test_symlink_pointing_outside_data(project, tmp_path):
    outside = tmp_path / "elsewhere.yaml"
    shutil.copy(project / "data/people.yaml", outside)
    (project / "data/people.yaml").unlink()
    (project / "data/people.yaml").symlink_to(outside)
    assert errors_of(project) == [
        "data/people.yaml: is a link to a file outside the data folder; copy the file in instead"]


@hostile("symlink-outside")
def test_symlink_to_a_system_file(project):
    (project / "data/people.yaml").unlink()
    (project / "data/people.yaml").symlink_to("/etc/passwd")
    assert errors_of(project) == [
        "data/people.yaml: is a link to a file outside the data folder; copy the file in instead"]


@hostile("symlink-outside")
def test_symlink_inside_data_is_followed(project):
    data = project / "data"
    (data / "people.yaml").rename(data / "people.source")
    (data / "people.yaml").symlink_to("people.source")
    assert load(data, today=TODAY).dataset is not None


@hostile("not-a-file")
def test_named_pipe_or_folder_instead_of_a_file_never_hangs(project):
    (project / "data/people.yaml").unlink()
    os.mkfifo(project / "data/people.yaml")  # reading a pipe nobody writes to would block forever
    (project / "data/places.yaml").unlink()
    (project / "data/places.yaml").mkdir()
    proc = check_cli(project, timeout=30)
    assert_refused(proc,
                   "data/people.yaml: is not a regular file; it should be a YAML text file",
                   "data/places.yaml: is not a regular file; it should be a YAML text file")


# -- markup in text -------------------------------------------------------------------------------

@hostile("javascript-url")
@pytest.mark.parametrize("url", ["javascript:alert(1)", " javascript:alert(1)", "data:text/html,<script>alert(1)</script>"])
def test_javascript_url_is_refused(project, url):
    edit(project, "data/sources.yaml", "    language: en\n", f"    language: en\n    url: '{url}'\n")
    line = line_of(project, "data/sources.yaml", "url: '")
    [message] = errors_of(project)
    assert message.startswith(f"data/sources.yaml:{line}:10: sources[0].url: expected an address starting with http:// or https://")


def _payload_pages(site_pages: dict[str, str]) -> None:
    for path, page in site_pages.items():
        assert markup_findings(page) == [], path


@hostile("markup-in-text", "jinja-in-text", "markdown-in-text")
def test_markup_in_every_text_field_renders_as_text_in_process(project):
    injected = inject_everywhere(project)
    assert sum(len(paths) for paths in injected.values()) > 100  # every free-text field, in every file
    result = load(project / "data", today=TODAY)
    assert [str(p) for p in result.report.errors] == []
    pages = render_site(Site(result.dataset, TODAY), project / "docs")
    _payload_pages(pages)
    for name in ("program/sectors/ict.md", "kia-plant.md", "figures.md", "people.md", "sources.md"):
        assert ALL_PAYLOADS in visible_text(pages[name]), name


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The real site built from data with every hostile string appended to every free-text field."""
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    inject_everywhere(project)
    result = run_build(project)
    assert result.returncode == 0, result.output
    return result


@hostile("markup-in-text", "jinja-in-text", "markdown-in-text")
def test_real_build_shows_markup_only_as_text_in_every_page(hostile_site):
    pages = sorted(hostile_site.site.rglob("*.html"))
    assert len(pages) > 10
    sector_name = f"Information and communication technologies {ALL_PAYLOADS}"
    for path in pages:
        page = path.read_text(encoding="utf-8")
        assert markup_findings(page) == [], path
        in_english = path.relative_to(hostile_site.site).parts[0] not in {e.root.rstrip("/") for e in EDITIONS if e.root}
        if path.name == "index.html" and in_english:  # every page but 404.html carries the full navigation
            # (the other editions name the sector in their language: data/program.yaml's translation)
            assert sector_name in visible_text(page), f"the nav of {path} should name the sector as text"
    sector = hostile_site.page("program/sectors/ict/")
    # the page title, the heading, and the meta description: the hostile text, shown as written
    assert title_text(sector) == f"{sector_name} - Kazakhstan–Korea Economic Cooperation"
    assert sector_name in visible_text(sector[sector.index("<h1"):])
    description = re.search(r'<meta name="description" content="([^"]*)"', sector)
    assert description and ALL_PAYLOADS in html.unescape(description.group(1))


@hostile("markup-in-text")
def test_attributes_hold_the_text_as_written_not_escaped_twice(hostile_site):
    from html.parser import HTMLParser

    twice = []

    class Attributes(HTMLParser):
        def handle_starttag(self, tag, attrs):
            for name, value in attrs:
                # decoded once by the parser, a value must read as the data wrote it: no "&lt;" left
                if value and re.search(r"&(lt|gt|quot|amp|#\d+);", value.replace(PAYLOADS["entity"], "")):
                    twice.append(f"{tag} {name}={value[:80]!r}")

    for path in sorted(hostile_site.site.rglob("*.html")):
        parser = Attributes(convert_charrefs=True)
        parser.feed(path.read_text(encoding="utf-8"))
        assert twice == [], path
    program = hostile_site.page("program/")
    label = re.search(r'class="md-footer__link md-footer__link--next" aria-label="([^"]*)"', program)
    assert label and html.unescape(label.group(1)) == (
        f"Next: Information and communication technologies {ALL_PAYLOADS}")


@hostile("markup-in-text", "jinja-in-text")
def test_jinja_in_data_is_never_evaluated(hostile_site):
    sector = visible_text(hostile_site.page("program/sectors/ict/"))
    assert PAYLOADS["jinja-expression"] in sector
    assert PAYLOADS["jinja-statement"] in sector
    assert "kz7kz7kz7" not in sector


@hostile("markup-in-text")
def test_search_index_holds_markup_only_as_text(hostile_site):
    index = hostile_site.search_index()
    titles = []
    for doc in index["docs"]:
        # Material's search shows `title` and `text` as HTML: they must be escaped there
        assert markup_findings(doc["title"]) == [], doc["location"]
        assert markup_findings(doc["text"]) == [], doc["location"]
        titles.append(visible_text(doc["title"]))
    assert f"Information and communication technologies {ALL_PAYLOADS}" in titles


@hostile("markup-in-text")
def test_downloads_hold_the_text_as_data(hostile_site):
    import csv

    downloads = [p for p in hostile_site.site.rglob("*") if p.suffix in (".csv", ".json")
                 and p.name != "search_index.json" and "assets" not in p.parts]
    if not downloads:
        pytest.skip("this build publishes no downloads")
    cells: set[str] = set()

    def strings(value):
        if isinstance(value, str):
            cells.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                strings(item)
        elif isinstance(value, list):
            for item in value:
                strings(item)

    for path in downloads:  # each parses as what it claims to be, and holds the data's text as written
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            strings(json.loads(text))
        else:
            for row in csv.reader(text.splitlines(keepends=True)):
                cells.update(row)
    assert f"Information and communication technologies {ALL_PAYLOADS}" in cells


# -- guarantees of the build ----------------------------------------------------------------------

BREAKAGES = {
    "tab-indent": ("data/trade.yaml", "  - id: copper", "\t- id: copper"),
    "unsafe-tag": ("data/trade.yaml", "    direction: export", "    direction: !!python/object/apply:os.system ['true']"),
    "alias-bomb": ("data/trade.yaml", "goods:\n", "goods: &g\n"),
    "not-utf8": ("data/places.yaml", "Kostanai", "Kostana\udcff"),
    "negative-money": ("data/figures.yaml", "value: 250000000", "value: -250000000"),
}


def _break(project: Path, case_id: str) -> None:
    relative, old, new = BREAKAGES[case_id]
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_bytes(text.replace(old, new, 1).encode("utf-8", errors="surrogateescape"))


@hostile("build-fails-cleanly")
@pytest.mark.parametrize("case_id", sorted(BREAKAGES))
def test_real_build_exits_1_with_located_messages_and_keeps_the_site(project, case_id):
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("last good site", encoding="utf-8")
    _break(project, case_id)
    before = data_digest(project)
    result = run_build(project, site)
    assert result.returncode == 1
    assert "Traceback" not in result.output
    problems = [line for line in result.stderr.splitlines() if line.startswith("data/")]
    assert problems and all(LOCATED.match(line) for line in problems), result.stderr
    assert "nothing was built" in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "last good site"
    assert data_digest(project) == before


@hostile("build-swaps-on-success")
def test_make_build_replaces_the_site_only_when_the_build_succeeds(project):
    for part in ("Makefile", "requirements.txt"):
        shutil.copy(ROOT / part, project / part)
    stamps = sorted((ROOT / ".venv").glob(".installed-*"))
    if not stamps or shutil.which("make") is None:
        pytest.skip("needs make and the project's .venv")
    # the project's .venv as it is: never reinstalled from inside a test
    make = ["make", "--no-print-directory", "build", f"VENV={ROOT / '.venv'}", f"STAMP={stamps[0]}", "-o", str(stamps[0])]
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("last good site", encoding="utf-8")
    _break(project, "negative-money")
    failed = subprocess.run(make, cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert failed.returncode != 0
    assert "Traceback" not in failed.stdout + failed.stderr
    assert "figures[0].value: expected a number above 0" in failed.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "last good site"
    assert not (project / "site.old").exists()
    edit(project, "data/figures.yaml", "value: -250000000", "value: 250000000")
    done = subprocess.run(make, cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Kazakhstan" in (site / "index.html").read_text(encoding="utf-8")
    assert not (project / "site.new").exists() and not (project / "site.old").exists()


@hostile("data-untouched")
def test_tools_never_modify_data(project):
    before = data_digest(project)
    assert check_cli(project).returncode == 0
    assert run_build(project).returncode == 0
    edit(project, "data/figures.yaml", "value: 250000000", "value: -250000000")
    broken = data_digest(project)
    assert_refused(check_cli(project), "figures[0].value")
    assert run_build(project).returncode == 1
    assert data_digest(project) == broken
    edit(project, "data/figures.yaml", "value: -250000000", "value: 250000000")
    assert data_digest(project) == before


# -- the table in the docs --------------------------------------------------------------------------

DOCS_TABLE = ROOT / "docs" / "data-safety.md"


def _table_case_ids() -> list[str]:
    return re.findall(r"^\| `([a-z0-9-]+)` \|", DOCS_TABLE.read_text(encoding="utf-8"), flags=re.M)


def test_the_docs_table_lists_every_case():
    listed = _table_case_ids()
    fuzz = {"fuzz"}  # proved by tests/test_fuzz.py
    assert len(listed) == len(set(listed)), "a case is listed twice"
    assert sorted(set(listed) - fuzz) == sorted(CASES), "docs/data-safety.md and this module name different cases"
    assert "fuzz" in listed
