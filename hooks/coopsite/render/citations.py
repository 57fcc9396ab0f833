"""A page's citations: numbered markers after the facts, one "References" list at the end.

Each page has one `Citations` (RenderContext.citations). A template cites a piece of evidence
where it shows the fact (`e.cite()` in partials/evidence.html); the first citation of a quote from
a source gets the next number, later ones the same number and a back-link letter of their own.
The references list (templates/references.html) shows each quote once with back-links to every
fact that cites it. Notes where sources differ are placed the same way: in full once per page,
referred to everywhere else.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Callable, Optional

from . import site_map


def letter(index: int) -> str:
    """a, b, ... z, aa, ab, ...: the back-link of a reference's n-th use (0-based)."""
    letters = string.ascii_lowercase
    return letters[index] if index < 26 else letter(index // 26 - 1) + letters[index % 26]


@dataclass
class Reference:
    number: int
    quote: str
    lang: str
    source: dict  # {href, title, date} (evidence.source_view)
    verified: bool = True  # checked against the article's stored text
    translation: Optional[dict] = None  # the site's translation in the page's language: {text, lang}
    uses: list[dict] = field(default_factory=list)  # {anchor, letter}

    @property
    def anchor(self) -> str:
        return f"ref-{self.number}"


@dataclass
class Citations:
    references: dict[tuple[str, str], Reference] = field(default_factory=dict)
    notes_placed: set[str] = field(default_factory=set)  # notes already shown in full on this page
    notes_reserved: set[str] = field(default_factory=set)  # notes the page shows in a section of their own
    reasons: dict[str, str] = field(default_factory=dict)  # an inference's reasoning -> its anchor on the page

    def cite(self, source_id: str, quote: str, lang: str, source: dict, verified: bool = True,
             translation: Optional[dict] = None) -> dict:
        """A marker for one fact: {number, href (to the reference), anchor (of the marker)}."""
        key = (source_id, " ".join(quote.split()))
        reference = self.references.get(key)
        if reference is None:
            reference = self.references[key] = Reference(len(self.references) + 1, quote, lang, source, verified,
                                                         translation)
        use = {"anchor": f"cite-{reference.number}-{letter(len(reference.uses))}",
               "letter": letter(len(reference.uses))}
        reference.uses.append(use)
        return {"number": reference.number, "href": "#" + reference.anchor, "anchor": use["anchor"]}

    def citer(self, source_id: str, quote: str, lang: str, source: dict, verified: bool = True,
              translation: Optional[dict] = None) -> Callable[[], dict]:
        """What a view carries: called by the template only where the fact is shown."""
        return lambda: self.cite(source_id, quote, lang, source, verified, translation)

    def place_note(self, note_id: str) -> dict:
        """{full: show the note's text here, anchor, href}: full the first time on the page, unless
        the page has a section of its own for the notes; a link to it everywhere else."""
        anchor = site_map.anchor("note", note_id)
        full = note_id not in self.notes_placed and note_id not in self.notes_reserved
        self.notes_placed.add(note_id)
        return {"full": full, "anchor": anchor, "href": "#" + anchor}

    def place_reason(self, reason: str) -> dict:
        """{full, anchor, href}: an inference's reasoning in full the first time the page gives it
        (many figures share one), a link back to it after that."""
        key = " ".join(reason.split())
        full = key not in self.reasons
        anchor = self.reasons.setdefault(key, f"reasoning-{len(self.reasons) + 1}")
        return {"full": full, "anchor": anchor, "href": "#" + anchor}

    def listed(self) -> list[Reference]:
        return sorted(self.references.values(), key=lambda r: r.number)


def references_block(ctx) -> str:
    """The page's "References" section, or nothing when the page cites nothing."""
    listed = ctx.citations.listed()
    if not listed:
        return ""
    return ctx.render("references.md", references=listed)
