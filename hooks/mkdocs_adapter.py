"""MkDocs hook: a thin adapter between MkDocs events and the engine-free `coopsite` package.

MkDocs puts this file's folder on sys.path only while it imports the file, so every import of
`coopsite` happens here, at the top. The data is loaded and validated once per build, in
`on_config`, before MkDocs cleans or writes the site directory.

Bad data aborts `mkdocs build`. Under `mkdocs serve` it instead turns every page into a page that
lists the problems, so the browser shows them and reloads by itself once the data is fixed.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Optional

import jinja2
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from coopsite import editions, editions_nav, publish
from coopsite.editions import DEFAULT, EDITIONS
from coopsite.errors import DataError, Problem
from coopsite.render import site_map, ui
from coopsite.render.problems import error_page, problems_here
from coopsite.site import Site

log = logging.getLogger("mkdocs.hooks.coopsite")

_serving = False
_site: Optional[Site] = None
_problems: list[Problem] = []
_overrides: Optional[str] = None  # overrides/coopsite/, for the error page's template
_edition_navs: dict[str, Navigation] = {}  # the other editions' navigation, by language
_copyright = ""  # mkdocs.yml's, which each edition's pages show in its language
_last_generated_paths: list[str] = []  # so that a sector page open in the browser shows the errors too


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config):
    global _site, _problems, _last_generated_paths, _overrides
    project_dir = Path(config.config_file_path).resolve().parent
    _overrides = str(project_dir / ui.OVERRIDES)
    try:
        _site = Site.load(project_dir, use_directory_urls=config.use_directory_urls,
                          problems=_theme_override_problems(config))
        _problems = []
        _last_generated_paths = [page.path for page in _site.generated_pages() + _site.edition_pages(Path(config.docs_dir))]
    except DataError as err:
        _site, _problems = None, err.problems
        _tell(err.render())
        if not _serving:
            raise Abort(f"Aborted: {len(err.problems)} problem(s) in the data; the site directory was not touched.")
    return config


def _theme_override_problems(config) -> list[Problem]:
    """Material's templates that overrides/ replaces, compiled before anything is built (from the kept
    compiled code when unchanged), so that a mistake in one reads as file:line, not a traceback."""
    folder = Path(config.theme.custom_dir or "")
    if not config.theme.custom_dir or not folder.is_dir():
        return []
    env = config.theme.get_env()
    env.bytecode_cache = ui.COMPILED_TEMPLATES
    ours = Path(ui.OVERRIDES).name  # overrides/coopsite/: the site's own templates, checked by Site.load
    names = [name.as_posix() for name in sorted(path.relative_to(folder) for path in folder.rglob("*"))
             if name.suffix in (".html", ".xml") and name.parts[0] != ours]
    return ui.template_problems(env, names)


def _tell(text: str) -> None:
    """Problems on the terminal, located, as `make check` prints them."""
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def _stop(err: DataError) -> None:
    """A template that fails while pages are made (its code compiled, but a value it names is missing):
    the located problems on the terminal, and the build stops."""
    _tell("\n".join(line for problem in err.problems for line in problem.lines()))
    raise Abort(f"Aborted: {len(err.problems)} problem(s) in a template.")


def on_files(files: Files, config) -> Files:
    if _problems:
        return _error_files(files, config)
    try:
        return _add_files(files, config)
    except DataError as err:
        _stop(err)


def _add_files(files: Files, config) -> Files:
    global _copyright
    for file in [f for f in files.documentation_pages() if editions.not_built(f.src_uri)]:
        files.remove(file)  # docs/ru/ when the Russian edition is not built (COOPSITE_EDITIONS)
    for page in _site.generated_pages() + _site.edition_pages(Path(config.docs_dir)):
        files.append(File.generated(config, page.path, content=page.markdown))
    _site.site_name, _site.site_url = config.site_name, config.site_url or ""
    _copyright = config.copyright or ""
    _site.site_description = config.site_description or ""
    for path, content in _site.downloads().items():  # data/*.csv, *.json, datapackage.json
        files.append(File.generated(config, path, content=content))
    for path, content in publish.files(_site.data, site_url=config.site_url, site_name=config.site_name,  # feeds, robots.txt
                                       today=_site.today, use_directory_urls=config.use_directory_urls).items():
        files.append(File.generated(config, path, content=content))
    return files


def _error_files(files: Files, config) -> Files:
    """Every page, hand-written or generated last time, becomes the error page."""
    content = error_page(_problems, _overrides)
    paths = [f.src_uri for f in files.documentation_pages()] + _last_generated_paths
    for path in paths:
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, path, content=content))
    return files


def on_nav(nav: Navigation, config, files: Files) -> Navigation:
    """Hang the generated sector pages under the section whose index is the program page.

    Material renders the whole navigation into every page, so N pages in it cost O(N) on each of
    N pages. Up to `site_map.SECTORS_IN_NAV` sectors, each sector page is in the nav; beyond that
    they stay out of it (the navigation keeps a fixed size and the build stays linear), and the
    program page, the section's index, links every sector. Either way each sector page belongs
    to the section, so the sidebar shows where the reader is.
    """
    if _problems:
        return nav
    global _edition_navs
    _edition_navs = {}
    for edition in EDITIONS:
        if edition is not DEFAULT:
            _edition_navs[edition.lang] = _hang_sectors(
                editions_nav.navigation(config, files, edition), files, edition)
    return _hang_sectors(nav, files, DEFAULT)


def on_page_context(context, *, page: Page, config, nav: Navigation):
    """Each edition's pages show that edition's navigation, and the site's name in its language (the
    theme reads config.site_name as it renders the page; on_post_build puts mkdocs.yml's back)."""
    if _problems:
        return context
    edition = _site.edition(page.file.src_uri)
    if edition.lang in _edition_navs:
        context["nav"] = _edition_navs[edition.lang]
    config["site_name"] = ui.site_name(_site.site_name, edition.lang)
    config["copyright"] = ui.site_name(_copyright, edition.lang)
    return context


def on_post_build(*, config) -> None:
    """Each edition searches its own pages, with its language's stemmer (search_index.json split)."""
    if _problems:
        return
    config["site_name"], config["copyright"] = _site.site_name, _copyright
    editions_nav.split_search_index(Path(config.site_dir), EDITIONS)
    editions_nav.copy_sitemaps(Path(config.site_dir), EDITIONS)


def _hang_sectors(nav: Navigation, files: Files, edition) -> Navigation:
    index_file = files.get_file_from_path(edition.root + site_map.PROGRAM)
    section = index_file.page.parent if index_file and index_file.page else None
    if not isinstance(section, Section):
        log.warning("The program page is not the index of a nav section; sector pages stay out of the nav.")
        return nav
    generated = [files.get_file_from_path(page.path).page for page in _site.generated_pages()
                 if _site.edition(page.path) == edition]
    for page in generated:
        page.parent = section
    if not site_map.sectors_in_nav(len(generated)):
        return nav
    section.children.extend(generated)
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


# How often `mkdocs serve` looks for saved files. MkDocs looks every 0.5 s, a quarter of a second on
# average before a saved edit is even noticed (then 0.1 s for more saves, then the rebuild); listing
# docs/, data/ and hooks/ takes about a millisecond, so looking five times as often costs little.
POLL_SECONDS = 0.1


def on_serve(server, *, config, builder):
    """The preview server, looking for saved files every POLL_SECONDS. MkDocs's server takes the
    interval only when it is made, so an equal one takes its place, watching what it watched
    (docs/, mkdocs.yml; MkDocs then adds the `watch:` folders of mkdocs.yml to it)."""
    from mkdocs.livereload import LiveReloadServer

    host, port = config.dev_addr
    quicker = LiveReloadServer(builder=server.builder, host=host, port=port, root=server.root,
                               mount_path=server.mount_path, polling_interval=POLL_SECONDS)
    quicker.error_handler = server.error_handler
    for path in getattr(server, "_watched_paths", None) or [config.docs_dir, config.config_file_path]:
        quicker.watch(path)
    return quicker


def on_env(env: jinja2.Environment, *, config, files: Files) -> jinja2.Environment:
    env.bytecode_cache = ui.COMPILED_TEMPLATES  # Material's templates too: compiled once, not every build
    env.globals.update(publish.template_globals())  # editions, for the head meta and the sitemap
    return env


def on_page_markdown(markdown: str, *, page: Page, config, files: Files) -> str:
    if _problems:
        return markdown
    try:
        return _site.render_markdown(page.file.src_uri, markdown, _shown_in_preview if _serving else None)
    except DataError as err:
        _stop(err)


def _shown_in_preview(err: DataError) -> str:
    """A part of a page whose template failed, in the preview: the problem on the terminal and in its
    place on the page; the rest of the page, its headings and anchors, is built as usual."""
    _tell("\n".join(line for problem in err.problems for line in problem.lines()))
    return problems_here(err.problems, _overrides)
