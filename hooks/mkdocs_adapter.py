"""MkDocs hook: a thin adapter between MkDocs events and the engine-free `coopsite` package.

MkDocs puts this file's folder on sys.path only while it imports the file, so every import of
`coopsite` happens here, at the top. The data is loaded and validated once per build, in
`on_config`, before MkDocs cleans or writes the site directory.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Optional

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from coopsite.errors import DataError
from coopsite.render import site_map
from coopsite.site import Site

log = logging.getLogger("mkdocs.hooks.coopsite")

_site: Optional[Site] = None


def on_config(config):
    global _site
    project_dir = Path(config.config_file_path).resolve().parent
    try:
        _site = Site.load(project_dir, use_directory_urls=config.use_directory_urls)
    except DataError as err:
        _site = None
        sys.stderr.write(err.render() + "\n")
        sys.stderr.flush()
        raise Abort(f"Aborted: {len(err.problems)} problem(s) in the data; the site directory was not touched.")
    return config


def on_files(files: Files, config) -> Files:
    for page in _site.generated_pages():
        files.append(File.generated(config, page.path, content=page.markdown))
    return files


def on_nav(nav: Navigation, config, files: Files) -> Navigation:
    """Hang each generated sector page under the section whose index is the program page."""
    index_file = files.get_file_from_path(site_map.PROGRAM)
    section = index_file.page.parent if index_file and index_file.page else None
    if not isinstance(section, Section):
        log.warning("The program page is not the index of a nav section; sector pages stay out of the nav.")
        return nav
    generated = [files.get_file_from_path(page.path).page for page in _site.generated_pages()]
    for page in generated:
        page.parent = section
        section.children.append(page)
    position = nav.pages.index(index_file.page) + 1
    nav.pages[position:position] = generated
    _link_neighbours(nav.pages)
    return nav


def _link_neighbours(pages: list[Page]) -> None:
    for before, after in zip([None, *pages], [*pages, None]):
        if before is not None:
            before.next_page = after
        if after is not None:
            after.previous_page = before


def on_page_markdown(markdown: str, *, page: Page, config, files: Files) -> str:
    return _site.render_markdown(page.file.src_uri, markdown)
