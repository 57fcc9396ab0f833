"""A number in the case a Kazakh qualifier governs: "500-ден астам" (more than 500), "500-ге дейін"
(up to 500), "250 млн-нан астам", "70 000-нан астам".

A Kazakh case ending follows the sound of the last word said, so the ending of "500" is that of
"жүз" (hundred): -ден; of "70 000", "мың" (thousand): -нан; of "250 млн", "миллион": -нан. Each
word a number can end on is listed with its endings; written after digits with a hyphen.
"""

from __future__ import annotations

import re

# The last word said -> (ablative ending, dative ending), by vowel harmony and the final sound.
_ENDINGS = {
    "нөл": ("ден", "ге"), "бір": ("ден", "ге"), "екі": ("ден", "ге"), "үш": ("тен", "ке"), "төрт": ("тен", "ке"),
    "бес": ("тен", "ке"), "алты": ("дан", "ға"), "жеті": ("ден", "ге"), "сегіз": ("ден", "ге"),
    "тоғыз": ("дан", "ға"), "он": ("нан", "ға"), "жиырма": ("дан", "ға"), "отыз": ("дан", "ға"),
    "қырық": ("тан", "қа"), "елу": ("ден", "ге"), "алпыс": ("тан", "қа"), "жетпіс": ("тен", "ке"),
    "сексен": ("нен", "ге"), "тоқсан": ("нан", "ға"), "жүз": ("ден", "ге"), "мың": ("нан", "ға"),
    "миллион": ("нан", "ға"), "миллиард": ("тан", "қа"), "пайыз": ("дан", "ға"),
}
_ONES = ("нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз")
_TENS = ("", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан")
_SCALE_WORDS = {"млн": "миллион", "млрд": "миллиард", "мың": "мың", "%": "пайыз"}


def last_word(written: str) -> str:
    """The word a written number ends on when read aloud: '500' -> 'жүз', '70 000' -> 'мың',
    '2,5' -> 'бес', '250 млн' -> 'миллион', '90 %' -> 'пайыз'."""
    written = written.strip()
    for abbreviation, word in _SCALE_WORDS.items():
        if written.endswith(abbreviation):
            return word
    digits = re.sub(r"[^\d,]", "", written)
    whole, _, fraction = digits.partition(",")
    if fraction.strip("0"):
        return last_word(fraction.rstrip("0"))
    n = int(whole or 0)
    if n == 0:
        return "нөл"
    for power, word in ((10 ** 9, "миллиард"), (10 ** 6, "миллион"), (10 ** 3, "мың")):
        if n % power == 0:
            return word
    n %= 1000
    if n % 10:
        return _ONES[n % 10]
    if n % 100:
        return _TENS[n % 100 // 10]
    return "жүз"


def ablative(written: str) -> str:
    """'500' -> '500-ден' (from 500: what "астам", more than, and "кем", less than, take)."""
    return f"{written}-{_ENDINGS[last_word(written)][0]}"


def dative(written: str) -> str:
    """'500' -> '500-ге' (to 500: what "дейін", up to, takes)."""
    return f"{written}-{_ENDINGS[last_word(written)][1]}"


# The case each qualifier of words.QUALIFIERS governs ("шамамен", about, takes the bare number).
QUALIFIER_CASES = {"about": lambda written: written, "more-than": ablative, "less-than": ablative, "up-to": dative}
