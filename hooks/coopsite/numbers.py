"""How numbers are written: for readers ("US$250 million") and in articles ("five to six")."""

from __future__ import annotations

import re

_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_SCALES = ((1_000_000_000_000, "trillion"), (1_000_000_000, "billion"), (1_000_000, "million"))


def plain(number: float) -> str:
    """1500 -> '1,500'; 2.5 -> '2.5'."""
    if float(number).is_integer():
        return f"{int(number):,}"
    return f"{number:,.2f}".rstrip("0").rstrip(".")


def scaled(number: float) -> str:
    """250000000 -> '250 million'; 2500000000 -> '2.5 billion'; 70000 -> '70,000'."""
    for size, word in _SCALES:
        if abs(number) >= size:
            return f"{plain(round(number / size, 3))} {word}"
    return plain(number)


def spellings(number: float) -> set[str]:
    """The ways an article may write `number`: 1500, 1,500, 250 million, six, Six."""
    forms = {plain(number), plain(number).replace(",", ""), scaled(number)}
    if float(number).is_integer() and 0 <= number < len(_WORDS):
        word = _WORDS[int(number)]
        forms |= {word, word.capitalize()}
    return forms


def appears_in(number: float, text: str) -> bool:
    """True when the text writes the number in one of its usual forms, as a whole token."""
    for form in spellings(number):
        pattern = r"(?<![\w.,])" + re.escape(form) + r"(?![\w]|[.,]\d)"
        if re.search(pattern, text):
            return True
    return False
