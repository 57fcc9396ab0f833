"""A reader page an edition has no translation of yet: the English page, marked as such.

The page keeps its English text (with lang="en" on it, so that screen readers and search read it as
English) under a notice in the edition's language; overrides/main.html draws both from the front
matter written here. Links to the editors' guides, which exist in English only, climb out of the
edition's folder.
"""

from __future__ import annotations

import re
from typing import Optional

import yaml

from ..editions import Edition
from . import site_map, ui

_GUIDE_LINK = re.compile(r"\]\((?P<path>(?:\.\./)*(?:%s))" % "|".join(re.escape(g) for g in site_map.EDITORS_GUIDES))


def mark(english: str, page: str, edition: Edition, overrides: Optional[str] = None) -> str:
    notice = ui.translations(edition.lang).gettext("This page is not yet translated; it is shown in English.")
    meta, body = {}, english
    if english.startswith("---\n") and "\n---\n" in english[4:]:
        head, body = english[4:].split("\n---\n", 1)
        meta = yaml.safe_load(head) or {}
    meta["untranslated"] = "en"
    meta["untranslated_notice"] = notice
    if meta.get("description"):  # each page's description is its own: the notice names the edition's language
        meta["description"] = f"{notice} {meta['description']}"
    body = _GUIDE_LINK.sub(lambda m: "](../" + m.group("path"), body)
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n" + body
