"""Dates at their true precision."""

import datetime as dt

import pytest

from coopsite.dates import DateFormError, PartialDate


@pytest.mark.parametrize("written, label, start, end", [
    (2024, "2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
    ("2025-H1", "H1 2025", dt.date(2025, 1, 1), dt.date(2025, 6, 30)),
    ("2025-Q1", "Q1 2025", dt.date(2025, 1, 1), dt.date(2025, 3, 31)),
    ("2025-Q2", "Q2 2025", dt.date(2025, 4, 1), dt.date(2025, 6, 30)),
    ("2023-01", "January 2023", dt.date(2023, 1, 1), dt.date(2023, 1, 31)),
    ("2024-02", "February 2024", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    ("2023-11-11", "11 November 2023", dt.date(2023, 11, 11), dt.date(2023, 11, 11)),
])
def test_labels_and_bounds_keep_the_precision(written, label, start, end):
    date = PartialDate.parse(written)
    assert date.label() == label
    assert (date.start, date.end) == (start, end)


def test_a_year_is_never_shown_as_its_first_day():
    assert PartialDate.parse(2024).label() == "2024"
    assert "January" not in PartialDate.parse("2024").label()


@pytest.mark.parametrize("written, message", [
    ("2023-02-30", "'2023-02-30' does not exist: February 2023 has 28 days"),
    ("2025-Q5", "'2025-Q5' names quarter 5; a year has quarters Q1 to Q4"),
    ("2025-H3", "'2025-H3' names half 3; a year has halves H1 and H2"),
    ("2023-00", "'2023-00' names month 0; months run from 01 to 12"),
    ("13 Nov 2023", "expected a date as a year (2024)"),
    (True, "expected a date as a year (2024)"),
])
def test_impossible_or_malformed_dates_are_explained(written, message):
    with pytest.raises(DateFormError) as err:
        PartialDate.parse(written)
    assert message in str(err.value)


def test_sorting_puts_a_year_before_its_later_quarters_and_after_earlier_days():
    dates = [PartialDate.parse(d) for d in ("2025-Q2", "2024", "2023-11-11", "2025-Q1", "2023-01")]
    ordered = sorted(dates, key=PartialDate.sort_key)
    assert [d.iso() for d in ordered] == ["2023-01", "2023-11-11", "2024", "2025-Q1", "2025-Q2"]
