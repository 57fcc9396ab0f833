"""The mistakes an editor makes when pasting an article's words get plain messages, with the fix."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from coopsite.numbers import appears_in, spellings
from coopsite.yamlfile import YamlFileError, parse

MILESTONE = "milestones:\n  - id: pilot\n    quote: {text}\n    status: done\n"


def parse_problem(text: str):
    with pytest.raises(YamlFileError) as caught:
        parse(text, "data/plant.yaml")
    return caught.value.problem


@pytest.mark.parametrize(("typed", "reason"), [
    ("He said: we will build it", "a colon followed by a space"),
    ('"One job," he said.', "begins with a quotation mark"),
    ("'It's done' he said", "begins with a quotation mark"),
    ("“One job,” he said: yes.", "a colon followed by a space"),  # typographic marks are text to YAML
])
def test_a_text_yaml_reads_as_structure_names_the_field_and_gives_the_lines_to_paste(typed, reason):
    problem = parse_problem(MILESTONE.format(text=typed))
    assert str(problem).startswith("data/plant.yaml:3:12: quote: YAML cannot read this text: ")
    assert reason in problem.message
    assert "write the text on its own lines after 'quote: >-'" in problem.message
    assert problem.fix == ("    quote: >-", f"      {typed}")


def test_the_corrected_lines_parse_to_the_text_as_typed():
    typed = '"One job in mechanical engineering will lead to the creation of five to six jobs," he said: yes.'
    problem = parse_problem(MILESTONE.format(text=typed))
    fixed = "milestones:\n  - id: pilot\n" + "\n".join(problem.fix) + "\n    status: done\n"
    assert parse(fixed, "data/plant.yaml").data["milestones"][0]["quote"] == typed


def test_a_translation_on_one_line_gets_the_same_help():
    problem = parse_problem("plant:\n  name:\n    en: Kia: the plant\n")
    assert str(problem).startswith("data/plant.yaml:3:9: en: YAML cannot read this text")
    assert problem.fix == ("    en: >-", "      Kia: the plant")


def test_a_text_cut_short_by_a_hash_is_an_error_not_a_shorter_quote():
    doc = parse(MILESTONE.format(text="Item #1 is done"), "data/plant.yaml")
    [problem] = doc.problems
    assert str(problem).startswith(
        "data/plant.yaml:3:12: milestones[0].quote: the text stops at 'Item': YAML reads ' #' and everything "
        "after it as a comment; write the text on its own lines after 'quote: >-'")
    assert problem.fix == ("    quote: >-", "      Item #1 is done")


def test_a_comment_after_an_id_or_a_date_is_still_a_comment():
    doc = parse("milestones:\n  - id: pilot  # the pilot\n    date: 2025-Q1  # as reported\n", "data/plant.yaml")
    assert doc.problems == []
    assert doc.data["milestones"][0] == {"id": "pilot", "date": "2025-Q1"}


def test_a_block_text_with_a_colon_and_a_hash_reads_as_written():
    doc = parse("milestones:\n  - id: pilot\n    quote: >-\n      He said: item #1 is done\n", "data/plant.yaml")
    assert doc.problems == [] and doc.data["milestones"][0]["quote"] == "He said: item #1 is done"


def test_make_check_prints_the_corrected_lines_under_the_problem(project):
    plant = project / "data" / "plant.yaml"
    plant.write_text(plant.read_text(encoding="utf-8").rstrip("\n") + (
        "\n\n  - id: new-step\n    title: {en: A new step}\n    date: 2026\n    status: planned\n"
        "    source: kia-kostanai-2023\n    quote: Sklyar said: a new step\n"), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "coopsite", "check", str(project)],
                          capture_output=True, text=True, cwd=project,
                          env=dict(os.environ, PYTHONPATH=str(project / "hooks")))
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    [at] = [i for i, line in enumerate(lines) if "YAML cannot read this text" in line]
    assert lines[at].startswith("data/plant.yaml:") and ": quote: " in lines[at]
    assert lines[at + 1:at + 3] == ["    |     quote: >-", "    |       Sklyar said: a new step"]


@pytest.mark.parametrize(("number", "text"), [
    (10_000, "ten thousand cars"),
    (10_000, "10 thousand cars"),
    (5, "five to six jobs"),
    (6, "five to six jobs"),
    (1_500_000, "1.5 million"),
    (250_000_000, "$250 million in foreign investment"),
    (250, "two hundred and fifty"),
    (25, "Twenty-five projects"),
    (70_000, "Seventy thousand cars"),
    (2_000_000_000, "two billion"),
])
def test_numbers_match_as_the_article_writes_them(number, text):
    assert appears_in(number, text), sorted(spellings(number))


@pytest.mark.parametrize(("number", "text"), [
    (10_000, "ten thousands of cars"),
    (10_000, "one hundred thousand"),
    (6, "sixty jobs"),
    (1_500, "15,000"),
    (250, "2,500"),
])
def test_other_numbers_do_not_match(number, text):
    assert not appears_in(number, text)


def test_the_preview_error_page_shows_the_corrected_lines_escaped():
    from coopsite.render.problems import error_page

    problem = parse_problem(MILESTONE.format(text='"<b>One job</b>," he said.'))
    page = error_page([problem])
    assert ('<pre class="kz-problem__fix"><code>    quote: &gt;-&#10;      &#34;&lt;b&gt;One job&lt;/b&gt;,&#34; he said.'
            '</code></pre>') in page


REPORTED_FIGURE = """
  - id: kia-cars-made
    topic: kia-plant
    label: {en: Cars made at the Kia plant}
    value: 70000
    unit: cars-per-year
    qualifier: exact
    outlook: expected
    as_of: 2023-11-13
    source: kia-kostanai-2023
    quote: >-
      The plant is expected to create 1,500 high-paying jobs and have an annual production capacity
      of 70,000 cars.
"""


def test_a_reported_figure_under_derived_is_named_once_with_where_it_belongs(project):
    figures = project / "data/figures.yaml"
    text = figures.read_text(encoding="utf-8")
    assert text.rindex("\nderived:") > text.rindex("\nfigures:")  # the end of the file is the derived list
    figures.write_text(text.rstrip("\n") + "\n" + REPORTED_FIGURE, encoding="utf-8")
    line = next(n for n, row in enumerate(figures.read_text(encoding="utf-8").splitlines(), 1)
                if "id: kia-cars-made" in row)
    result = subprocess.run([sys.executable, "-m", "coopsite", "check", str(project)], capture_output=True,
                            text=True, cwd=project, env=dict(os.environ, PYTHONPATH=str(project / "hooks")))
    assert result.returncode == 1
    errors = [row for row in result.stdout.splitlines() + result.stderr.splitlines()
              if row.startswith("data/") and ": notice: " not in row]
    assert errors == [
        f"data/figures.yaml:{line}:5: derived[2]: this entry is written as an entry of 'figures' (a number a source "
        "gives), but it is listed under 'derived:'; move it into the 'figures:' list, above the line 'derived:', "
        "indented like the entries there"]
