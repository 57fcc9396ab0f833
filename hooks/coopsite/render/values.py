"""Figures written for people: "US$250 million", "70,000 cars a year", "more than 500 enterprises"."""

from __future__ import annotations

from .. import numbers
from ..model import Figure, Range, Unit

QUALIFIER_WORDS = {"exact": "", "about": "about", "more-than": "more than", "less-than": "less than", "up-to": "up to"}


def _amount(unit: Unit, value: float | Range, lang: str) -> str:
    if unit.kind == "money":
        if isinstance(value, Range):
            return f"{unit.symbol}{numbers.scaled(value.low)} to {unit.symbol}{numbers.scaled(value.high)}"
        return f"{unit.symbol}{numbers.scaled(value)}"
    if unit.kind == "percent":
        if isinstance(value, Range):
            return f"{numbers.plain(value.low)}% to {numbers.plain(value.high)}%"
        return f"{numbers.plain(value)}%"
    if isinstance(value, Range):
        number, noun = f"{numbers.plain(value.low)} to {numbers.plain(value.high)}", unit.other
    else:
        number, noun = numbers.plain(value), unit.one if value == 1 else unit.other
    return f"{number} {noun.get(lang)}" if noun else number


def format_value(figure: Figure, lang: str = "en") -> str:
    """The figure's value with its qualifier and unit, as a reader says it."""
    qualifier = QUALIFIER_WORDS[figure.qualifier]
    amount = _amount(figure.unit, figure.value, lang)
    return f"{qualifier} {amount}" if qualifier else amount


def machine_value(figure: Figure) -> str:
    """The bare number for a `data` attribute: 250000000, or 5-6 for a range."""
    if isinstance(figure.value, Range):
        return f"{figure.value.low:g}-{figure.value.high:g}"
    return f"{figure.value:g}" if isinstance(figure.value, float) else str(figure.value)
