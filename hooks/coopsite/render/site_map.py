"""Where things live on the site: page paths and anchor ids, in one place."""

from __future__ import annotations

import posixpath
from functools import lru_cache
from typing import Optional, Protocol

from ..pages import (  # noqa: F401  (the renderers' page names, from here)
    DATA, EDITORS_GUIDES, FIGURES, HOME, PEOPLE, PLANT, PROGRAM, READER_PAGES, SECTOR_DIR, SOURCES, TRADE,
)


def sector_page(sector_id: str) -> str:
    return f"{SECTOR_DIR}/{sector_id}.md"


# The navigation, rendered into every page, lists each sector page only while there are at most
# this many; beyond it the program page (which lists every sector) is the way in, so that the
# navigation keeps a fixed size and the build time stays linear in the number of pages.
SECTORS_IN_NAV = 30


def sectors_in_nav(sector_count: int) -> bool:
    return sector_count <= SECTORS_IN_NAV


def anchor(kind: str, entry_id: str) -> str:
    """`anchor('milestone', 'pilot-launch')` -> 'milestone-pilot-launch'."""
    return f"{kind}-{entry_id}"


# The page that shows each kind of entry (named as the Dataset's collections) and its anchors' kind.
SHOWN_ON = {"milestones": (PLANT, "milestone"), "figures": (FIGURES, "figure"), "projects": (PROGRAM, "project"),
            "statements": (PEOPLE, "statement"), "goods": (TRADE, "good")}


def shown_at(kind: str, entry_id: str) -> tuple[str, Optional[str]]:
    """The page and anchor where an entry is shown: ('kia-plant.md', 'milestone-pilot-launch'); a sector
    has a page of its own."""
    if kind == "sectors":
        return sector_page(entry_id), None
    page, anchor_kind = SHOWN_ON[kind]
    return page, anchor(anchor_kind, entry_id)


class Linker(Protocol):
    """Turns a page path (and anchor) into a URL relative to the page being rendered."""

    def __call__(self, page: str, fragment: Optional[str] = None) -> str: ...


def page_url(page: str, use_directory_urls: bool = True) -> str:
    """The URL path of a page relative to the site root ('kia-plant/'); other files keep their path."""
    if not page.endswith(".md"):
        return page
    stem = page[:-3]
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


@lru_cache(maxsize=65536)
def _relpath(target: str, start: str) -> str:
    """posixpath.relpath, remembered: it asks the OS for the working directory on every call, and
    every page makes hundreds of links to the same few pages."""
    return posixpath.relpath(target, start)


def static_linker(current_page: str, use_directory_urls: bool = True) -> Linker:
    """A Linker computed from page paths alone, as MkDocs lays them out; a path that is not a
    page (data/figures.csv) links to that file."""
    here = page_url(current_page, use_directory_urls)
    here_dir = here[:here.rfind("/") + 1]  # the folder of the page's URL: '' at the site's root

    def link(page: str, fragment: Optional[str] = None) -> str:
        target = page_url(page, use_directory_urls)
        if target == here and fragment:
            return f"#{fragment}"
        relative = _relpath(target or ".", here_dir or ".")
        if relative == ".":
            relative = "./"
        elif target.endswith("/") or not target:
            relative += "/"
        return relative + (f"#{fragment}" if fragment else "")

    return link


def edition_linker(current_page: str, root: str, use_directory_urls: bool = True) -> Linker:
    """A Linker for a page of the edition at `root`: links to pages stay within the edition (the
    renderers name pages as the English edition has them), except the editors' guides, which are
    English only; downloads (data/*.csv) are shared by every edition."""
    plain = static_linker(current_page, use_directory_urls)
    if not root:
        return plain

    def link(page: str, fragment: Optional[str] = None) -> str:
        within = page.endswith(".md") and page not in EDITORS_GUIDES
        return plain(root + page if within else page, fragment)

    return link
