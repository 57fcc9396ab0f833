"""Figures and dates written out as text: "US$250 million", "more than 500 enterprises", "US$250 million ÷ 1,500 jobs
≈ ...", "13 November 2023", "Q1 2025", in each edition's language.

Engine-free and page-free: the renderers, the downloads (export.py) and `make diff` all write
numbers the same way from here. English keeps the site's own forms (numbers.py); the other
languages follow their CLDR conventions through Babel: "250 млн долларов США", "1 500 рабочих мест"
(the plural category from Babel's rules picks the unit's word), "2억 5천만 달러", "13 ноября 2023 г.",
"2025년 1분기". Korean writes large numbers in 만 and 억 (Babel's compact form gives "2.5억", which
a Korean reader would not write), the others in Babel's compact "млн/млрд".
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from . import derived as derived_math
from . import kazakh, numbers, words
from .catalog import N_, translations
from .model import Range

if TYPE_CHECKING:
    from .model import Dataset, DerivedFigure, Figure, Unit

QUALIFIER_WORDS = {"exact": "", "about": "about", "more-than": "more than", "less-than": "less than", "up-to": "up to"}
assert tuple(QUALIFIER_WORDS) == words.QUALIFIERS, "a word for each qualifier of words.Qualifier"


def amount(unit: Unit, value: float | Range, lang: str = "en") -> str:
    """The number with its unit and no qualifier: 'US$250 million', '5 to 6 jobs', '90%'."""
    if lang != "en":
        return _amount_in(unit, value, lang)
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


# The qualifiers in a sentence of the catalog, so that each language puts its word where it goes
# ("500개 이상"); English reads the same as QUALIFIER_WORDS.
QUALIFIED = {"about": N_("about %(value)s"), "more-than": N_("more than %(value)s"),
             "less-than": N_("less than %(value)s"), "up-to": N_("up to %(value)s")}


# Qualifiers that go with the number, before or after the unit's words, in the case the qualifier
# governs: Kazakh "500-ден астам кәсіпорын" (more than 500 enterprises), "жылына 70 000-ға дейін
# автокөлік"; Korean "일자리 약 1,500개", "연간 최대 7만 대" (but "기업 500곳 이상": 이상 and 미만 follow the
# whole phrase). Their catalog's QUALIFIED messages receive the number so declined; any other
# qualifier wraps the whole amount.
QUALIFIES_THE_NUMBER = {"kk": kazakh.QUALIFIER_CASES, "ko": {"about": str, "up-to": str}}


def format_value(figure: Figure | DerivedFigure, lang: str = "en") -> str:
    """The figure's value with its qualifier and unit, as a reader says it."""
    decline = QUALIFIES_THE_NUMBER.get(lang, {}).get(figure.qualifier)
    if decline is not None:
        message = _gettext(lang, QUALIFIED[figure.qualifier])
        return _amount_in(figure.unit, figure.value, lang,
                          qualify=lambda number: message % {"value": decline(number)})
    written = amount(figure.unit, figure.value, lang)
    if lang != "en":
        if figure.qualifier == "exact":
            return written
        return _gettext(lang, QUALIFIED[figure.qualifier]) % {"value": written}
    qualifier = QUALIFIER_WORDS[figure.qualifier]
    return f"{qualifier} {written}" if qualifier else written


# -- other languages, with Babel ------------------------------------------------------------------

def _gettext(lang: str, message: str) -> str:
    return translations(lang).gettext(message)


@lru_cache(maxsize=None)
def _locale(lang: str):
    from babel import Locale

    return Locale.parse(lang)


# Babel's formatting is the slow part of a page in another language; the same numbers and dates
# recur on many pages and editions, so each is written once per process (`typed`: 1500 and 1500.0
# are written differently).
@lru_cache(maxsize=4096, typed=True)
def language_name(code: str, lang: str) -> str:
    """A language's name as the edition writes it (Babel): 'en' is 'English', 'английский', '영어'."""
    return _locale(lang).languages.get(code, code)


def decimal(number: float, lang: str) -> str:
    """1500 -> '1 500' (ru, kk, with a no-break space), '1,500' (ko); 2.5 -> '2,5' (ru)."""
    from babel.numbers import format_decimal

    return format_decimal(number, locale=lang, decimal_quantization=False) if lang != "en" else numbers.plain(number)


def _man_eok(number: float) -> str:
    """Korean large numbers in 만 (10^4) and 억 (10^8): 250000000 -> '2억 5천만', 70000 -> '7만',
    166667 -> '16만 6,667'."""
    whole = int(round(number))
    eok, rest = divmod(whole, 100_000_000)
    man, ones = divmod(rest, 10_000)
    parts = []
    if eok:
        parts.append(f"{decimal(eok, 'ko')}억")
    if man:
        parts.append(f"{man // 1000}천만" if man >= 1000 and man % 1000 == 0 else f"{decimal(man, 'ko')}만")
    if ones:
        parts.append(decimal(ones, "ko"))
    return " ".join(parts)


@lru_cache(maxsize=4096, typed=True)
def scaled_in(number: float, lang: str) -> tuple[str, bool]:
    """A large number as a reader of `lang` writes it, and whether it was scaled: ('250 млн', True)."""
    if lang == "ko":
        return (_man_eok(number), True) if abs(number) >= 10_000 else (decimal(number, lang), False)
    if abs(number) >= 1_000_000:
        from babel.numbers import format_compact_decimal

        return format_compact_decimal(number, locale=lang, fraction_digits=3), True
    return decimal(number, lang), False


def _noun(unit: Unit, number: float, lang: str, scaled: bool):
    forms = unit.words.get(lang)
    if forms is None:
        return None, None
    if scaled and forms.after_scale:
        return forms.after_scale, forms.pattern
    return forms.noun(_locale(lang).plural_form(number)), forms.pattern


def _with_noun(number_text: str, noun: str | None, pattern: str | None, unit: Unit, lang: str) -> str:
    if pattern:
        if lang == "ko" and number_text[-1:] in "만억":  # '연간 7만 대', '일자리 1,500개'
            pattern = pattern.replace("{n}", "{n} ").replace("{n}  ", "{n} ")
        return pattern.replace("{n}", number_text)
    if noun is None:  # no words in this language yet: the English ones
        fallback = unit.symbol if unit.kind == "money" else (unit.other.get("en") if unit.other else "")
        return f"{fallback}{number_text}" if unit.kind == "money" else f"{number_text} {fallback}".strip()
    if lang == "ko":  # a counter follows a digit closely, and a 만/억 word with a space
        return f"{number_text} {noun}" if number_text[-1:] in "만억" else f"{number_text}{noun}"
    return f"{number_text} {noun}"


def _amount_in(unit: Unit, value: float | Range, lang: str, qualify=lambda number: number) -> str:
    """`qualify` puts a qualifier on the number alone, before the unit's word (QUALIFIES_THE_NUMBER)."""
    if unit.kind == "percent":
        from babel.numbers import format_percent

        if isinstance(value, Range):
            return qualify(f"{format_percent(value.low / 100, locale=lang)}–"
                           f"{format_percent(value.high / 100, locale=lang)}")
        return qualify(format_percent(value / 100, locale=lang, decimal_quantization=False))
    dash = "~" if lang == "ko" else "–"
    if isinstance(value, Range):
        low, _ = scaled_in(value.low, lang) if unit.kind == "money" else (decimal(value.low, lang), False)
        high, scaled = scaled_in(value.high, lang) if unit.kind == "money" else (decimal(value.high, lang), False)
        noun, pattern = _noun(unit, value.high, lang, scaled)  # a range takes the upper number's form
        return _with_noun(qualify(f"{low}{dash}{high}"), noun, pattern, unit, lang)
    text, scaled = scaled_in(value, lang) if unit.kind == "money" else (
        (_man_eok(value), True) if lang == "ko" and value >= 10_000 else (decimal(value, lang), False))
    noun, pattern = _noun(unit, value, lang, scaled)
    return _with_noun(qualify(text), noun, pattern, unit, lang)


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
