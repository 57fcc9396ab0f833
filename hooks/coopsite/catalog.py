"""The site's words in each language: the gettext message catalogs, read once per process.

One catalog per language (locale/LANG/LC_MESSAGES/messages.po); a language without one reads as
the English the words are written in. Below every part that shows words (dates, numbers, pages,
feeds), so that each can import it without importing the renderers.
"""

from __future__ import annotations

import gettext
import hashlib
import io
from functools import lru_cache
from pathlib import Path

LOCALES = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"


def N_(message: str) -> str:
    """Marks a word for the catalog where it is declared; it is translated where it is shown."""
    return message


@lru_cache(maxsize=None)
def translations(lang: str) -> gettext.NullTranslations:
    """The language's catalog. Compiling a .po with Babel (import included) takes about 20 ms, so
    the compiled .mo is kept in __pycache__/ beside it, named by the .po's checksum, and reading
    that takes a fraction of a millisecond; an edited .po is compiled afresh."""
    po = LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    try:
        source = po.read_bytes()
    except OSError:
        return gettext.NullTranslations()
    compiled = po.parent / "__pycache__" / f"{DOMAIN}-{hashlib.sha1(source).hexdigest()[:16]}.mo"
    try:
        return gettext.GNUTranslations(io.BytesIO(compiled.read_bytes()))
    except (OSError, ValueError):
        pass
    from babel.messages.mofile import write_mo  # only when the .po changed
    from babel.messages.pofile import read_po

    buffer = io.BytesIO()
    write_mo(buffer, read_po(io.BytesIO(source), locale=lang))
    try:
        compiled.parent.mkdir(exist_ok=True)
        for stale in compiled.parent.glob(f"{DOMAIN}-*.mo"):
            stale.unlink()
        compiled.write_bytes(buffer.getvalue())
    except OSError:
        pass  # a folder that cannot be written only means compiling every time
    return gettext.GNUTranslations(io.BytesIO(buffer.getvalue()))


# Quotation marks by language: (open, close) around a quote, and (open, close) around a quote inside it.
QUOTE_MARKS = {"ru": ("«", "»", "„", "“"), "kk": ("«", "»", "„", "“"), "en": ("“", "”", "‘", "’"), "ko": ("“", "”", "‘", "’")}


def nest_quotes(text: str, lang: str) -> str:
    """A quote inside a quote takes the language's inner marks: a message that puts a title in
    quotation marks ("the «%(title)s» page") around a title that has its own gives
    «Проекты программы „Свежий ветер“», not «Проекты программы «Свежий ветер»»."""
    outer_open, outer_close, inner_open, inner_close = QUOTE_MARKS.get(lang, QUOTE_MARKS["en"])
    if text.count(outer_open) < 2 or text.count(outer_open) != text.count(outer_close):
        return text  # nothing nested, or marks that do not pair up (a quote cut before its closing mark)
    depth, out = 0, []
    for char in text:
        if char == outer_open:
            out.append(inner_open if depth else char)
            depth += 1
        elif char == outer_close and depth:
            depth -= 1
            out.append(inner_close if depth else char)
        else:
            out.append(char)
    return "".join(out)
