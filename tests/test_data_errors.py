"""Each kind of bad data is reported with its file, line, column, field path and a plain message."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from coopsite.load import load
from conftest import edit, line_of

TODAY = dt.date(2026, 1, 1)


def problems(project: Path) -> list[str]:
    result = load(project / "data", today=TODAY)
    assert result.dataset is None, "bad data must not produce a dataset"
    return [str(p) for p in result.report.errors]


def test_real_data_has_no_errors():
    from conftest import ROOT

    result = load(ROOT / "data", today=TODAY)
    assert [str(p) for p in result.report.errors] == []
    assert result.dataset is not None


def test_wrong_type_names_file_line_column_path_and_value(project):
    edit(project, "data/figures.yaml", "value: 250000000", "value: many")
    line = line_of(project, "data/figures.yaml", "value: many")
    assert problems(project) == [
        f"data/figures.yaml:{line}:12: figures[0].value: expected a number above 0 written in digits "
        "(such as 250000000), or a range such as {low: 5, high: 6}, got 'many'"
    ]


def test_number_with_underscores_is_not_silently_a_number(project):
    edit(project, "data/figures.yaml", "value: 1500", "value: 1_500")
    [message] = problems(project)
    assert "figures[2].value" in message and "got '1_500'" in message and "digits only" in message


def test_yaml_syntax_error(project):
    edit(project, "data/plant.yaml", "    status: done\n", "    status: [done\n")
    [message] = problems(project)
    assert message.startswith("data/plant.yaml:")
    assert "invalid YAML" in message


def test_missing_field(project):
    edit(project, "data/figures.yaml", "    unit: cars-per-year\n", "")
    line = line_of(project, "data/figures.yaml", "- id: kia-capacity")
    assert problems(project) == [f"data/figures.yaml:{line}:5: figures[1]: missing field 'unit'"]


def test_unknown_field_suggests_the_right_name(project):
    edit(project, "data/plant.yaml", "    quote: A pilot launch", "    qoute: A pilot launch")
    line = line_of(project, "data/plant.yaml", "qoute:")
    found = problems(project)
    assert f"data/plant.yaml:{line}:5: milestones[5].qoute: unknown field 'qoute' (did you mean 'quote'?)" in found[0] + found[1]
    assert any("milestones[5]: missing field 'quote'" in m for m in found)


@pytest.mark.parametrize("bad, explanation", [
    ("2023-02-30", "'2023-02-30' does not exist: February 2023 has 28 days"),
    ("2025-Q5", "'2025-Q5' names quarter 5; a year has quarters Q1 to Q4"),
    ("2023-13", "'2023-13' names month 13; months run from 01 to 12"),
])
def test_impossible_dates(project, bad, explanation):
    edit(project, "data/plant.yaml", "date: 2025-Q1", f"date: {bad}")
    line = line_of(project, "data/plant.yaml", f"date: {bad}")
    assert problems(project) == [f"data/plant.yaml:{line}:11: milestones[5].date: {explanation}"]


def test_duplicate_ids(project):
    edit(project, "data/trade.yaml", "  - id: copper", "  - id: uranium")
    first = line_of(project, "data/trade.yaml", "- id: uranium")
    second = line_of(project, "data/trade.yaml", "- id: uranium", occurrence=2)
    assert problems(project) == [
        f"data/trade.yaml:{second}:9: goods[2].id: duplicate id 'uranium' (already used on line {first}); ids must be unique"
    ]


def test_reference_to_unknown_id_suggests_a_close_one(project):
    edit(project, "data/figures.yaml", "    source: kia-kostanai-2023\n    quote: $250", "    source: kia-kostanai-2032\n    quote: $250")
    line = line_of(project, "data/figures.yaml", "kia-kostanai-2032")
    assert problems(project) == [
        f"data/figures.yaml:{line}:13: figures[0].source: unknown source id 'kia-kostanai-2032' (did you mean 'kia-kostanai-2023'?)"
    ]


def test_duplicate_key_in_a_mapping(project):
    edit(project, "data/figures.yaml", "    value: 70000\n", "    value: 70000\n    value: 80000\n")
    first = line_of(project, "data/figures.yaml", "value: 70000")
    assert problems(project) == [
        f"data/figures.yaml:{first + 1}:5: figures[1].value: duplicate key 'value' (first given on line {first}); keep one"
    ]


def test_figure_value_must_appear_in_its_quote(project):
    edit(project, "data/figures.yaml", "value: 70000", "value: 75000")
    start = line_of(project, "data/figures.yaml", "id: kia-capacity")
    quote = start + next(i for i, l in enumerate((project / "data/figures.yaml").read_text().splitlines()[start - 1:]) if "quote:" in l)
    [message] = problems(project)
    assert message.startswith(f"data/figures.yaml:{quote}:12: ")
    assert "figures[1].quote: the quote does not contain the value 75,000" in message


def test_every_problem_of_every_file_is_reported_together(project):
    edit(project, "data/figures.yaml", "value: 250000000", "value: many")
    edit(project, "data/plant.yaml", "date: 2025-Q1", "date: 2025-Q5")
    edit(project, "data/trade.yaml", "    direction: export", "    direction: exprot")
    found = problems(project)
    assert [m.split(":")[0] for m in found] == ["data/figures.yaml", "data/plant.yaml", "data/trade.yaml"]
    assert "did you mean 'export'" in found[2]


def test_milestone_done_after_its_report_is_refused(project):
    edit(project, "data/plant.yaml", "    date: 2024\n    status: planned", "    date: 2024\n    status: done")
    [message] = problems(project)
    assert "milestones[3].status: is 'done' but its date (2024) is after the report it rests on (13 November 2023)" in message


def test_range_low_above_high(project):
    edit(project, "data/figures.yaml", "value: {low: 5, high: 6}", "value: {low: 6, high: 5}")
    found = problems(project)
    assert any("figures[3].value: the range's low end (6) is above its high end (5)" in m for m in found)


def test_a_money_unit_without_its_symbol(project):
    edit(project, "data/units.yaml", "  - id: usd\n    kind: money\n    symbol: US$\n", "  - id: usd\n    kind: money\n")
    line = line_of(project, "data/units.yaml", "- id: usd")
    assert f"data/units.yaml:{line}:5: units[0]: missing field 'symbol'" in problems(project)
