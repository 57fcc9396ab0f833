"""Figures written out as text: "US$250 million", "more than 500 enterprises", "US$250 million ÷ 1,500 jobs ≈ ...".

Engine-free and page-free: the renderers, the downloads (export.py) and `make diff` all write
numbers the same way from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import derived as derived_math
from . import numbers, words
from .model import Range

if TYPE_CHECKING:
    from .model import Dataset, DerivedFigure, Figure, Unit

QUALIFIER_WORDS = {"exact": "", "about": "about", "more-than": "more than", "less-than": "less than", "up-to": "up to"}
assert tuple(QUALIFIER_WORDS) == words.QUALIFIERS, "a word for each qualifier of words.Qualifier"


def amount(unit: Unit, value: float | Range, lang: str = "en") -> str:
    """The number with its unit and no qualifier: 'US$250 million', '5 to 6 jobs', '90%'."""
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


def format_value(figure: Figure | DerivedFigure, lang: str = "en") -> str:
    """The figure's value with its qualifier and unit, as a reader says it."""
    qualifier = QUALIFIER_WORDS[figure.qualifier]
    written = amount(figure.unit, figure.value, lang)
    return f"{qualifier} {written}" if qualifier else written


def machine_value(figure: Figure | DerivedFigure) -> str:
    """The bare number for a `data` attribute: 250000000, or 5-6 for a range."""
    if isinstance(figure.value, Range):
        return f"{figure.value.low:g}-{figure.value.high:g}"
    return f"{figure.value:g}" if isinstance(figure.value, float) else str(figure.value)


def formula(data: Dataset, figure: DerivedFigure, lang: str = "en") -> str:
    """A derived figure's computation in words: 'US$250 million ÷ 1,500 jobs ≈ US$166,667'."""
    symbol = derived_math.OPERATIONS[figure.operation][0]
    terms = f" {symbol} ".join(format_value(data.any_figure(i), lang) for i in figure.input_ids)
    equals = "≈" if derived_math.bounds(figure.value) != derived_math.bounds(figure.exact_value) else "="
    return f"{terms} {equals} {amount(figure.unit, figure.value, lang)}"
