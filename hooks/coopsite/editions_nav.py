"""What MkDocs builds once and every edition needs its own of: the navigation and the search index.

MkDocs knows one navigation (mkdocs.yml's `nav`, the English pages) and writes one search index.
Each other edition gets the same navigation over its own pages (ru/kia-plant.md for kia-plant.md),
with the section titles in its language; the editors' guides, English only, stay in every edition's
navigation as they are. The search index is split by edition after the build: EDITION/search/
search_index.json holds that edition's pages, addressed from the edition's root, with its stemmer.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.structure.nav import Navigation, _add_parent_links, _add_previous_and_next_links, _data_to_navigation
from mkdocs.structure.pages import Page

from .editions import Edition
from .render import site_map, ui
from .render.ui import N_

# mkdocs.yml's navigation titles, for the catalog (`make messages` does not read mkdocs.yml); a test
# checks each title there is listed here.
NAV_TITLES = (N_("Home"), N_("Kia plant in Kostanai"), N_("Fresh Wind program"), N_("Key figures"), N_("Trade"),
              N_("Who said what"), N_("Sources"), N_("Data"), N_("Editing the data"), N_("Data safety"))


# An editors' guide in another edition's navigation: a link to the English page, titled in the edition's
# language and saying it is English (its page keeps its English title for the English edition).
IN_ENGLISH = N_("%(title)s (in English)")


def _within(item, edition: Edition, gettext, use_directory_urls: bool = True):
    """mkdocs.yml's nav item, pointing at the edition's pages and titled in its language."""
    if isinstance(item, str):
        return item if item in site_map.EDITORS_GUIDES else edition.root + item
    if isinstance(item, list):
        return [_within(child, edition, gettext, use_directory_urls) for child in item]
    if isinstance(item, dict):
        return {(gettext(IN_ENGLISH) % {"title": gettext(title)} if value in site_map.EDITORS_GUIDES else gettext(title)):
                (site_map.page_url(value, use_directory_urls) if value in site_map.EDITORS_GUIDES  # a Link, not the page
                 else _within(value, edition, gettext, use_directory_urls))
                for title, value in item.items()}
    return item


def _title_pages(item, files) -> None:
    """Each of the edition's pages titled as its navigation entry (the catalog's words), as MkDocs titles
    the English pages from mkdocs.yml: the edition's pages exist before its navigation does, untitled."""
    if isinstance(item, list):
        for child in item:
            _title_pages(child, files)
    elif isinstance(item, dict):
        for title, value in item.items():
            file = files.get_file_from_path(value) if isinstance(value, str) else None
            if file is not None and file.page is not None and value not in site_map.EDITORS_GUIDES:
                file.page.title = title
            _title_pages(value, files)


def navigation(config, files, edition: Edition) -> Navigation:
    gettext = ui.translations(edition.lang).gettext
    within = _within(config["nav"], edition, gettext, config["use_directory_urls"])
    _title_pages(within, files)
    items = _data_to_navigation(within, files, config)
    items = items if isinstance(items, list) else [items]
    pages = [page for page in _pages(items)]
    _add_previous_and_next_links(pages)
    _add_parent_links(items)
    nav = Navigation(items, pages)
    home = files.get_file_from_path(edition.root + site_map.HOME)
    nav.homepage = home.page if home else None
    return nav


def _pages(items):
    for item in items:
        if isinstance(item, Page):
            yield item
        if item.children:
            yield from _pages(item.children)


def copy_sitemaps(site_dir: Path, editions: tuple[Edition, ...]) -> None:
    """Material's script reads sitemap.xml at the page's search base (the edition's root) and beside
    each feed: each edition's root has the site's sitemap (every page, with its alternates)."""
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        source = site_dir / name
        for edition in editions:
            if edition.root and source.is_file():
                (site_dir / edition.root / name).write_bytes(source.read_bytes())


def split_search_index(site_dir: Path, editions: tuple[Edition, ...]) -> None:
    index_path = site_dir / "search" / "search_index.json"
    if not index_path.is_file():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    rooted = sorted((e for e in editions if e.root), key=lambda e: -len(e.root))
    docs_of: dict[str, list] = {e.lang: [] for e in editions}
    default = next(e for e in editions if not e.root)
    for doc in index["docs"]:
        edition = next((e for e in rooted if doc["location"].startswith(e.root)), default)
        docs_of[edition.lang].append({**doc, "location": doc["location"][len(edition.root):]})
    for edition in editions:
        path = site_dir / edition.root / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        config = {**index["config"], "lang": list(edition.search_lang), "pipeline": list(edition.search_pipeline)}
        path.write_text(json.dumps({"config": config, "docs": docs_of[edition.lang]}, ensure_ascii=False,
                                   separators=(",", ":")), encoding="utf-8")
