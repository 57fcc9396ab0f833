"""A reader page an edition has no translation of yet: the English page, marked as such.

The page keeps its English text (with lang="en" on it, so that screen readers and search read it as
English) under a notice in the edition's language; overrides/main.html draws both from the front
matter written here. Links to the editors' guides, which exist in English only, climb out of the
edition's folder.
"""

from __future__ import annotations

import json
import re
from typing import Optional

from ..editions import Edition
from . import site_map, ui

_GUIDE_LINK = re.compile(r"\]\((?P<path>(?:\.\./)*(?:%s))" % "|".join(re.escape(g) for g in site_map.EDITORS_GUIDES))


def mark(english: str, page: str, edition: Edition, overrides: Optional[str] = None) -> str:
    notice = ui.translations(edition.lang).gettext("This page is not yet translated; it is shown in English.")
    meta = f"untranslated: en\nuntranslated_notice: {json.dumps(notice, ensure_ascii=False)}\n"
    body = _GUIDE_LINK.sub(lambda m: "](../" + m.group("path"), english)
    if body.startswith("---\n"):
        return "---\n" + meta + body[len("---\n"):]
    return "---\n" + meta + "---\n\n" + body
