"""The reader pages each edition has translated (docs/LANG/PAGE.md), as `make check` reports them.

A page an edition lacks is built from the English page, marked as not yet translated
(render/untranslated.py), so a missing translation is a notice, never an error; so is a translated
page that has lost one of the English page's markers (its generated part would be missing).
"""

from __future__ import annotations

from pathlib import Path

from .editions import ALL_EDITIONS
from .errors import Problem
from .markers import MARKER
from .pages import READER_PAGES
from .words import LANGUAGE_NAMES


def notices(docs_dir: Path, display_prefix: str = "docs") -> list[Problem]:
    found = []
    for edition in ALL_EDITIONS:
        if not edition.root:
            continue
        language = LANGUAGE_NAMES.get(edition.lang, edition.lang)
        for page in READER_PAGES:
            english, translated = docs_dir / page, docs_dir / edition.root / page
            if not english.is_file():
                continue
            shown = f"{display_prefix}/{edition.root}{page}"
            if not translated.is_file():
                found.append(Problem(shown, 0, 0, "", f"page not yet translated into {language}: copy "
                                     f"{display_prefix}/{page} there and translate its text, keeping its markers "
                                     f"(the {language} edition shows the English page, marked, until then)",
                                     severity="notice"))
                continue
            lost = _markers(english) - _markers(translated)
            for name in sorted(lost):
                found.append(Problem(shown, 0, 0, "", f"the English page has the marker '<!-- data:{name} -->' "
                                     f"and this translation does not, so the {language} page lacks that part; "
                                     f"add it where it belongs", severity="notice"))
    return found


def _markers(path: Path) -> set[str]:
    try:
        return {match.group(1) for match in MARKER.finditer(path.read_text(encoding="utf-8"))}
    except (OSError, UnicodeDecodeError):
        return set()  # markers.check_docs reports an unreadable page
