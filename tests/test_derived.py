"""Derived figures: computed from their inputs at build time, labelled "derived", with the formula."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from coopsite import derived
from coopsite.load import load, load_or_raise
from coopsite.model import Range
from conftest import FIXTURE, ROOT, edit, line_of, run_build

TODAY = dt.date(2026, 1, 1)


def test_range_arithmetic():
    assert derived.compute("multiply", [Range(5, 6), 1500]) == Range(7500, 9000)
    assert derived.compute("divide", [250_000_000, 1500]) == pytest.approx(166666.666, rel=1e-6)
    assert derived.compute("divide", [Range(10, 20), Range(2, 5)]) == Range(2, 10)
    assert derived.compute("subtract", [58, 19, 6]) == 33
    assert derived.compute("subtract", [Range(50, 60), Range(1, 2)]) == Range(48, 59)
    with pytest.raises(ValueError):
        derived.compute("subtract", [6, 19])


def test_rounding_is_marked():
    assert derived.rounded(166666.666, 0) == 166667
    assert derived.is_rounded(166666.666, 0)
    assert not derived.is_rounded(Range(7500, 9000), 0)


def test_the_real_derived_figures():
    data = load_or_raise(FIXTURE, today=TODAY)
    assert data.derived["kia-related-jobs"].value == Range(7500, 9000)
    # Rounded to the precision of its inputs (US$250 million, 1,500 jobs: two significant digits).
    assert data.derived["kia-investment-per-job"].value == 170000
    assert data.derived["kia-investment-per-job"].exact_value == pytest.approx(166666.667)
    assert data.derived["kia-investment-per-job"].qualifier == "about"
    assert "program-projects-remaining" not in data.derived  # the article does not support the subtraction


def test_rounding_keeps_the_inputs_precision():
    assert derived.significant_digits(250_000_000) == 2
    assert derived.significant_digits(1500) == 2
    assert derived.significant_digits(2.5) == 2
    assert derived.significant_digits(6) is None  # a small count such as 'six' is exact
    assert derived.to_precision(166666.667, [250_000_000, 1500]) == 170000
    assert derived.to_precision(Range(7500, 9000), [Range(5, 6), 1500]) == Range(7500, 9000)
    assert derived.to_precision(3571.43, [250_000_000, 70_000]) == 4000


def test_a_derived_figure_without_its_assumption_is_an_error(project):
    figures = project / "data" / "figures.yaml"
    text = figures.read_text(encoding="utf-8")
    start = text.index("    assumption:\n      en: >-\n        Divides the whole")
    end = text.index("\n\n", start) + 1  # the assumption in every language, up to the next entry
    figures.write_text(text[:start] + text[end:], encoding="utf-8")
    line = line_of(project, "data/figures.yaml", "- id: kia-investment-per-job")
    assert errors(project) == [
        f"data/figures.yaml:{line}:9: derived[0].id: a derived figure needs the assumption it rests on, in one line: "
        "add 'assumption: {en: ...}' (what the computation takes for granted that the article does not say)"]


def test_changing_an_input_changes_every_derived_figure(project):
    edit(project, "data/figures.yaml", "value: 1500", "value: 1600")
    edit(project, "data/figures.yaml", "create 1,500 high-paying", "create 1,600 high-paying", count=2)
    edit(project, "data/sources/kia-kostanai-2023.txt", "create 1,500 high-paying", "create 1,600 high-paying")
    data = load_or_raise(project / "data", today=TODAY)
    assert data.derived["kia-related-jobs"].value == Range(8000, 9600)
    assert data.derived["kia-investment-per-job"].value == 160000
    result = run_build(project)
    assert result.returncode == 0, result.output
    page = result.page("figures/")
    assert "5 to 6 jobs in related industries per mechanical engineering job × 1,600 jobs = 8,000 to 9,600 jobs" in page
    assert "US$250 million ÷ 1,600 jobs ≈ US$160,000" in page
    assert "7,500" not in page


def errors(project) -> list[str]:
    result = load(project / "data", today=TODAY)
    assert result.dataset is None
    return [str(p) for p in result.report.errors]


def test_unknown_input_is_located(project):
    edit(project, "data/figures.yaml", "inputs: [kia-investment, kia-jobs]", "inputs: [kia-investment, kia-job]")
    line = line_of(project, "data/figures.yaml", "inputs: [kia-investment, kia-job]")
    assert errors(project) == [
        f"data/figures.yaml:{line}:30: derived[0].inputs[1]: unknown figure id 'kia-job' (did you mean 'kia-jobs'?)"
    ]


def test_loop_is_reported(project):
    edit(project, "data/figures.yaml", "inputs: [kia-investment, kia-jobs]", "inputs: [kia-investment, kia-related-jobs]")
    edit(project, "data/figures.yaml", "inputs: [related-jobs-multiplier, kia-jobs]",
         "inputs: [related-jobs-multiplier, kia-investment-per-job]")
    found = errors(project)
    assert len(found) == 1 and "the inputs form a loop" in found[0]
    assert re.match(r"data/figures\.yaml:\d+:\d+: derived\[\d\]\.inputs: ", found[0])


def test_divide_takes_two_inputs(project):
    edit(project, "data/figures.yaml", "inputs: [kia-investment, kia-jobs]", "inputs: [kia-investment, kia-jobs, kia-capacity]")
    found = errors(project)
    assert len(found) == 1 and "derived[0].inputs: 'divide' takes exactly 2 inputs, got 3" in found[0]


def test_unknown_operation_names_the_known_ones(project):
    edit(project, "data/figures.yaml", "operation: multiply\n", "operation: power\n")
    found = errors(project)
    assert len(found) == 1 and "derived[1].operation: " in found[0] and "multiply, divide, subtract" in found[0], found


def test_a_result_below_zero_is_an_error(project):
    edit(project, "data/figures.yaml", "operation: divide\n    inputs: [kia-investment, kia-jobs]",
         "operation: subtract\n    inputs: [kia-jobs, kia-investment]")
    found = errors(project)
    assert len(found) == 1 and "derived[0].operation: cannot be computed: the result" in found[0]


def test_derived_figures_are_labelled_with_formula_and_inputs(built_site):
    page = built_site.page("figures/")
    for figure_id in ("kia-investment-per-job", "kia-related-jobs"):
        block = re.search(rf'<div class="kz-figure kz-figure--derived" data-figure="{figure_id}".*?</details>\s*</div>', page, re.S)
        assert block, figure_id
        text = block.group(0)
        assert 'class="kz-badge kz-badge--derived">derived<' in text
        assert "<strong>Derived:</strong>" in text
        assert f'id="figure-{figure_id}"' in text
        assert "Inputs and their sources" in text and "kz-ref__mark" in text  # each input's reference
        assert "<strong>Assumption:</strong>" in text  # the assumption, one line beside the figure
    assert "US$250 million ÷ 1,500 jobs ≈ US$170,000" in page
    assert "× 1,500 jobs = 7,500 to 9,000 jobs" in page


def test_the_editing_guide_example_computes_and_shows(project):
    guide = (ROOT / "docs" / "editing.md").read_text(encoding="utf-8")
    section = guide.split("### Add a derived figure\n", 1)[1]
    snippet = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    path = project / "data" / "figures.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("\nderived:\n", "\nderived:\n" + snippet + "\n", 1), encoding="utf-8")
    data = load_or_raise(project / "data", today=TODAY)
    assert data.derived["kia-investment-per-car"].value == 4000  # 70,000: one significant digit
    result = run_build(project)
    assert result.returncode == 0, result.output
    assert "US$250 million ÷ 70,000 cars a year ≈ US$4,000" in result.page("figures/")


def test_a_result_too_large_is_an_error_not_a_crash():
    with pytest.raises(ValueError, match="too large"):
        derived.compute("multiply", [1e300, 1e300])
