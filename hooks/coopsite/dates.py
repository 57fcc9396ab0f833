"""Dates known to a year, a half, a quarter, a month or a day, and labels at that precision in each
edition's language (Babel's forms and the catalog's)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .catalog import N_, translations

DATE_FORMS = "a year (2024), a half (2025-H1), a quarter (2025-Q1), a month (2023-01) or a day (2023-11-11)"

_PATTERN = re.compile(
    r"^(?P<year>\d{4})(?:-(?:H(?P<half>\d+)|Q(?P<quarter>\d+)|(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?))?$"
)
# The same grammar for JSON Schema (editors' tools): without the group names, which ECMAScript writes otherwise.
DATE_PATTERN = re.sub(r"\?P<\w+>", "", _PATTERN.pattern)
MONTHS = [calendar.month_name[m] for m in range(1, 13)]
# The years a date may name: far beyond any fact the site could hold, and timelines and charts
# stay a sane size (a milestone in 9999 would draw ten thousand years).
MIN_YEAR, MAX_YEAR = 1900, 2100


class DateFormError(ValueError):
    pass


@dataclass(frozen=True)
class PartialDate:
    """A date at its true precision; `start` and `end` bound the period it names."""

    year: int
    precision: str  # "year" | "half" | "quarter" | "month" | "day"
    part: int = 0  # half (1-2), quarter (1-4) or month (1-12)
    day: int = 0

    @classmethod
    def parse(cls, value: object) -> "PartialDate":
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise DateFormError(f"expected a date as {DATE_FORMS}, got {value!r}")
        text = str(value).strip()
        match = _PATTERN.match(text)
        if not match:
            raise DateFormError(f"expected a date as {DATE_FORMS}, got '{text}'")
        year = int(match["year"])
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise DateFormError(f"'{text}' names the year {year}; dates must fall between {MIN_YEAR} and {MAX_YEAR}")
        for precision, most, rule in (("half", 2, "a year has halves H1 and H2"),
                                      ("quarter", 4, "a year has quarters Q1 to Q4"),
                                      ("month", 12, "months run from 01 to 12")):
            if match[precision] is not None:
                part = int(match[precision])
                if not 1 <= part <= most:
                    raise DateFormError(f"'{text}' names {precision} {part}; {rule}")
                break
        else:
            return cls(year, "year")
        if match["day"] is None:  # only a month has a day
            return cls(year, precision, part)
        day, last = int(match["day"]), calendar.monthrange(year, part)[1]
        if not 1 <= day <= last:
            raise DateFormError(f"'{text}' does not exist: {MONTHS[part - 1]} {year} has {last} days")
        return cls(year, "day", part, day)

    @property
    def _last_month(self) -> tuple[int, int]:
        """The last month of the period, and how many months it spans."""
        months = {"year": 12, "half": 6, "quarter": 3}.get(self.precision, 1)
        return months * (self.part or 1), months

    @property
    def start(self) -> dt.date:
        last, months = self._last_month
        return dt.date(self.year, last - months + 1, self.day or 1)

    @property
    def end(self) -> dt.date:
        last, _ = self._last_month
        return dt.date(self.year, last, self.day or calendar.monthrange(self.year, last)[1])

    def sort_key(self) -> tuple[dt.date, dt.date]:
        return (self.start, self.end)

    def iso(self) -> str:
        """The form an editor writes, also used in machine-readable attributes."""
        if self.precision == "year":
            return f"{self.year}"
        if self.precision == "half":
            return f"{self.year}-H{self.part}"
        if self.precision == "quarter":
            return f"{self.year}-Q{self.part}"
        if self.precision == "month":
            return f"{self.year}-{self.part:02d}"
        return f"{self.year}-{self.part:02d}-{self.day:02d}"

    def label(self, lang: str = "en") -> str:
        """'2024', 'H1 2025', 'Q1 2025', 'January 2023', '11 November 2023'; in another language, its own
        form (label_in)."""
        if lang != "en":
            return label_in(self, lang)
        if self.precision == "year":
            return f"{self.year}"
        if self.precision == "half":
            return f"H{self.part} {self.year}"
        if self.precision == "quarter":
            return f"Q{self.part} {self.year}"
        if self.precision == "month":
            return f"{MONTHS[self.part - 1]} {self.year}"
        return f"{self.day} {MONTHS[self.part - 1]} {self.year}"

    def html_datetime(self) -> str:
        """A valid value for <time datetime>: year, month or day (halves and quarters fall back to the year)."""
        if self.precision in ("year", "half", "quarter"):
            return f"{self.year}"
        return self.iso()

    def __str__(self) -> str:
        return self.label()


# A year, a half and a quarter as each language writes them, from the catalog: a year alone reads
# "2024 г." in Russian and "2024 ж." in Kazakh; halves and quarters have words of their own in
# Korean (상반기, 하반기) and Roman numerals in Russian ("I квартал 2025 г."), as statistics write them.
YEAR = N_("%(year)s")
HALVES = {1: N_("H1 %(year)s"), 2: N_("H2 %(year)s")}
QUARTERS = {1: N_("Q1 %(year)s"), 2: N_("Q2 %(year)s"), 3: N_("Q3 %(year)s"), 4: N_("Q4 %(year)s")}


@lru_cache(maxsize=4096)  # Babel is slow, and the same dates recur on many pages and editions
def label_in(date: PartialDate, lang: str) -> str:
    """A date at its precision in the language's form: '13 ноября 2023 г.', '2023년 11월 13일', 'январь 2023 г.',
    '2023 ж. қаңтар' (days and months from Babel); years, halves and quarters from the catalog:
    '2024 г.', '2024 ж.', '2024년', 'I квартал 2025 г.', '2025 ж. І тоқсан', '2025년 1분기'."""
    if lang == "en":
        return date.label()
    from babel.dates import format_skeleton

    if date.precision == "year":
        return translations(lang).gettext(YEAR) % {"year": date.year}
    if date.precision == "half":
        return translations(lang).gettext(HALVES[date.part]) % {"year": date.year}
    if date.precision == "quarter":
        return translations(lang).gettext(QUARTERS[date.part]) % {"year": date.year}
    if date.precision == "month":
        return format_skeleton("yMMMM", dt.date(date.year, date.part, 1), locale=lang)
    from babel.dates import format_date

    return format_date(dt.date(date.year, date.part, date.day), "long", locale=lang)
