"""The site as the engine sees it: validated data, generated pages, and Markdown with markers expanded.

This is the one entry point an engine adapter (the MkDocs hook today) needs.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path as FsPath
from typing import Callable, Optional, Sequence

from . import export, markers
from .editions import DEFAULT, EDITIONS, Edition, edition_of
from .config_file import check_config
from .errors import DataError, Problem, Report
from .glossary import OtherSpellings
from .load import load, load_unless_unchanged
from .model import Dataset
from .render import cite, citations, program, site_map, ui, untranslated
from .render.context import RenderContext
from .render.html import block_breaks


def build_date() -> dt.date:
    """Today, or the date in SOURCE_DATE_EPOCH for reproducible builds and tests."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


@dataclass(frozen=True)
class GeneratedPage:
    path: str  # relative to docs/, such as program/sectors/ict.md
    title: str
    markdown: str


@dataclass
class Site:
    data: Dataset
    today: dt.date
    use_directory_urls: bool = True
    lang: str = "en"
    site_name: str = ""
    site_url: str = ""  # when set, citations carry full addresses
    site_description: str = ""
    overrides: Optional[str] = None  # overrides/coopsite/: templates that replace the site's own
    _generated: Optional[list[GeneratedPage]] = field(default=None, repr=False)

    @classmethod
    def load(cls, project_dir: FsPath, *, use_directory_urls: bool = True, today: Optional[dt.date] = None,
             problems: Sequence[Problem] = ()) -> "Site":
        """Load data/ and check docs/ markers and the templates; raises DataError with every problem found,
        `problems` (the engine's own findings) included."""
        today = today or build_date()
        result = load_unless_unchanged(project_dir / "data", today)
        report = result.report
        overrides = str(project_dir / ui.OVERRIDES)
        ui.environment.cache_clear()  # a template added to overrides/ since the last build takes its place
        for problem in [*markers.check_docs(project_dir / "docs"), *ui.site_template_problems(overrides), *problems]:
            report.add(problem)
        if report or result.dataset is None:
            raise DataError(report.errors)
        return cls(result.dataset, today, use_directory_urls, overrides=overrides)

    def edition(self, page_path: str) -> Edition:
        """The edition a page (docs-relative path, such as ru/kia-plant.md) belongs to."""
        return edition_of(page_path)

    def context(self, page_path: str) -> RenderContext:
        edition = self.edition(page_path)
        link = site_map.edition_linker(page_path, edition.root, self.use_directory_urls)
        return RenderContext(self.data, link, self.today, edition.lang, page_path, self.overrides)

    def render_markdown(self, page_path: str, markdown: str, on_problem: Optional[Callable[[DataError], str]] = None) -> str:
        """Markers expanded, then the page's References and "Cite this page" (on every page that has a title).
        `on_problem`: what a part whose template fails becomes (markers.expand); without it, DataError."""
        ctx = self.context(page_path)
        expanded = markers.expand(markdown, ctx, on_problem)
        references = citations.references_block(ctx)
        # The other spellings go before the References, which are kept out of search.
        spellings = self.other_spellings.missing_from(expanded + (references or ""))
        if spellings:
            expanded = expanded.rstrip("\n") + "\n\n" + ctx.render("also-spelled.html", spellings=spellings) + "\n"
        if references:
            expanded = expanded.rstrip("\n") + "\n\n" + block_breaks(references) + "\n"
        title = cite.page_title(markdown)
        if title is None:
            return expanded
        address = cite.page_address(page_path, self.site_url, self.use_directory_urls)
        return (expanded.rstrip("\n") + "\n\n"
                + cite.cite_block(ctx, title, ui.site_name(self.site_name, ctx.lang), address) + "\n")

    @cached_property
    def other_spellings(self) -> OtherSpellings:
        """The glossary's names in every spelling, made once per build."""
        return OtherSpellings(self.data.glossary.values())

    def downloads(self) -> dict[str, str]:
        """Every download (CSV, JSON, datapackage.json) by its path under the site root."""
        return export.files(self.data, title=self.site_name, description=self.site_description)

    def generated_pages(self) -> list[GeneratedPage]:
        """One page per sector in every edition; computed once per build."""
        if self._generated is None:
            pages = []
            for edition in EDITIONS:
                for sector in self.data.sectors.values():
                    path = edition.root + site_map.sector_page(sector.id)
                    ctx = self.context(path)
                    markdown = program.sector_page(ctx, sector)
                    references = citations.references_block(ctx)
                    if references:
                        markdown = markdown.rstrip("\n") + "\n\n" + references + "\n"
                    pages.append(GeneratedPage(path, sector.name.get(edition.lang), block_breaks(markdown)))
            self._generated = pages
        return self._generated

    def edition_pages(self, docs_dir: FsPath) -> list[GeneratedPage]:
        """The reader pages each other edition lacks a translation of (docs/LANG/PAGE.md): the English
        page, marked as not yet translated (lang="en" on it), with links to the editors' guides (English
        only) pointing at the English ones."""
        pages = []
        for edition in EDITIONS:
            if edition == DEFAULT:
                continue
            for page in site_map.READER_PAGES:
                if (docs_dir / edition.root / page).is_file():
                    continue
                english = (docs_dir / page).read_text(encoding="utf-8")
                pages.append(GeneratedPage(edition.root + page, "",
                                           untranslated.mark(english, page, edition, self.overrides)))
        return pages


def check_project(project_dir: FsPath, today: Optional[dt.date] = None) -> Report:
    """Everything `make check` reports: errors and notices, without building."""
    today = today or build_date()
    result = load(project_dir / "data", today=today)
    report = result.report
    for problem in check_config(project_dir):
        report.add(problem)
    for problem in markers.check_docs(project_dir / "docs") + markers.check_translations(project_dir / "docs"):
        report.add(problem)
    for problem in ui.site_template_problems(str(project_dir / ui.OVERRIDES)):
        report.add(problem)
    return report
