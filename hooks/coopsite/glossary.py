"""The glossary at work: translations write names as data/glossary.yaml gives them.

A name (person, place, company, program) that an English text mentions must appear in that text's
Russian, Kazakh and Korean translations in the glossary's form or one of its other spellings. Russian
and Kazakh decline names ("в Костанае", "Қостанайдағы"), so each word is compared by its stem (the
word less its last three letters); Korean attaches particles after the name, which is found as is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from .model import LANGUAGES, Dataset, Term, _TextBase, reader_texts

NAME_KINDS = ("person", "place", "company", "program")


@dataclass(frozen=True)
class Miss:
    path: str  # where the text is, such as 'people.roman-sklyar.role'
    lang: str
    term: Term
    text: str


def texts(data: Dataset) -> Iterator[tuple[str, _TextBase]]:
    """Every reader text of the data, with a path naming where it is ('people[0].role')."""
    for name in ("sources", "people", "statements", "places", "topics", "figures", "derived", "sectors", "projects",
                 "goods", "milestones", "left_out", "discrepancies", "plant", "program"):
        for path, text in reader_texts(getattr(data, name), (name,)):
            yield "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip("."), text


def _written(form: str, text: str, lang: str) -> bool:
    lowered = text.lower()
    return all((word if lang == "ko" else word[:max(3, len(word) - 3)]) in lowered for word in form.lower().split())


def misses(data: Dataset) -> list[Miss]:
    """Each translation that names a glossary name in another form than the glossary's."""
    found = []
    names = [t for t in data.glossary.values() if t.kind in NAME_KINDS]
    for path, text in texts(data):
        for term in names:
            if term.en not in text.en:
                continue
            for lang in LANGUAGES[1:]:
                translated = getattr(text, lang, None)
                if not translated or not getattr(term, lang, None):
                    continue
                forms = (term.form(lang), *term.also_spelled.get(lang))
                if not any(_written(form, translated, lang) for form in forms):
                    found.append(Miss(path, lang, term, translated))
    return found


class OtherSpellings:
    """The glossary's other spellings of the names a page mentions, for the page's hidden search text.

    Made once per build: each form with the set of its characters. A form with a character the page
    does not have cannot be in it, so a page is searched only for forms in its own scripts (an English
    page for no Cyrillic or Hangul form), and each form once."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self._terms = [term.spellings() for term in terms]
        self._characters = {form: frozenset(form) for forms in self._terms for form in forms}

    def missing_from(self, text: str) -> list[str]:
        """Every spelling, in every language, of the names `text` mentions in any form, less those it has."""
        characters = set(text)
        present = {form for form, needs in self._characters.items() if needs <= characters and form in text}
        found: list[str] = []
        for forms in self._terms:
            if any(form in present for form in forms):
                found.extend(form for form in forms if form not in present)
        return list(dict.fromkeys(found))
