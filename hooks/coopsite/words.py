"""Every closed word list of the data, declared once: the model validates with these types, the
JSON Schemas list them, the downloads describe them and the renderers look their words up by them."""

from __future__ import annotations

from typing import Literal, get_args

Language = Literal["en", "ru", "kk", "ko"]
MilestoneStatus = Literal["done", "in-progress", "planned"]
ProjectStatus = Literal["implemented", "in-progress", "planned", "not-stated"]
Qualifier = Literal["exact", "about", "more-than", "less-than", "up-to"]
Outlook = Literal["reported", "expected"]
Operation = Literal["multiply", "divide", "subtract"]
Direction = Literal["export", "import"]
UnitKind = Literal["money", "count", "percent"]

LANGUAGES: tuple[str, ...] = get_args(Language)
LANGUAGE_NAMES = {"en": "English", "ru": "Russian", "kk": "Kazakh", "ko": "Korean"}  # in English, for editors
assert tuple(LANGUAGE_NAMES) == LANGUAGES, "an English name for each language of words.Language"
MILESTONE_STATUSES: tuple[str, ...] = get_args(MilestoneStatus)
PROJECT_STATUSES: tuple[str, ...] = get_args(ProjectStatus)
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)
OPERATIONS: tuple[str, ...] = get_args(Operation)
DIRECTIONS: tuple[str, ...] = get_args(Direction)


def listed(words: tuple[str, ...], last: str = "or") -> str:
    """('a', 'b', 'c') -> 'a, b or c', for descriptions and messages."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {last} {words[-1]}"
