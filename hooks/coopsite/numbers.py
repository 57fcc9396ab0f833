"""How numbers are written: for readers ("US$250 million") and in articles ("five to six")."""

from __future__ import annotations

import re

_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ((1_000_000_000_000, "trillion"), (1_000_000_000, "billion"), (1_000_000, "million"))
_WORD_SCALES = (*_SCALES, (1_000, "thousand"))


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


def words(number: int) -> set[str]:
    """0 to 999 in English words: 'six', 'twenty-five', 'two hundred and fifty', 'two hundred fifty'."""
    if number < len(_WORDS):
        return {_WORDS[number]}
    if number < 100:
        tens, units = divmod(number, 10)
        return {_TENS[tens - 2] + (f"-{_WORDS[units]}" if units else "")}
    hundreds, rest = divmod(number, 100)
    head = f"{_WORDS[hundreds]} hundred"
    if not rest:
        return {head, "a hundred"} if hundreds == 1 else {head}
    return {f"{head}{joint}{tail}" for tail in words(rest) for joint in (" and ", " ")}


def spellings(number: float) -> set[str]:
    """The ways an article may write `number`: 1500, 1,500, 250 million, 10 thousand, six,
    ten thousand, two hundred and fifty, Six."""
    forms = {plain(number), plain(number).replace(",", ""), scaled(number)}
    if float(number).is_integer() and 0 <= number < 1000:
        forms |= words(int(number))
    for size, scale in _WORD_SCALES:
        count = number / size
        if 1 <= count < 1000 and round(count, 3) == count:
            forms.add(f"{plain(count)} {scale}")
            if float(count).is_integer():
                forms |= {f"{word} {scale}" for word in words(int(count))}
    return forms | {form[0].upper() + form[1:] for form in forms if form[0].isalpha()}


def appears_in(number: float, text: str) -> bool:
    """True when the text writes the number in one of its usual forms, as a whole token."""
    return any(re.search(r"(?<![\w.,])" + re.escape(form) + r"(?![\w]|[.,]\d)", text) for form in spellings(number))
