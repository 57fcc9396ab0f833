"""Markers in hand-written Markdown (`<!-- data:timeline -->`) replaced by generated parts.

Prose stays in docs/ where editors write it; each marker names one renderer below.
"""

from __future__ import annotations

import re
from pathlib import Path as FsPath
from typing import Callable

from .editions import ALL_EDITIONS
from .errors import Problem, did_you_mean
from .words import LANGUAGE_NAMES
from .yamlfile import YamlFileError, decode  # UTF-8 only, the error located at the first bad byte
from .render import charts, downloads, figures, people, plant, program, sources, story, trade
from .render.context import RenderContext
from .render.site_map import READER_PAGES
from .render.html import block_breaks

MARKER = re.compile(r"<!--\s*data:([\w-]+)\s*-->")

RENDERERS: dict[str, Callable[[RenderContext], str]] = {
    "home-story": story.home_story,
    "headline-figures": figures.headline_figures,
    "plant-card": plant.plant_card,
    "timeline": plant.timeline,
    "program-summary": program.program_summary,
    "program-figures": program.program_figures,
    "discrepancies": program.discrepancies,
    "sector-index": program.sector_index,
    "projects": program.projects,
    "figures": figures.figures_by_topic,
    "left-out": figures.left_out,
    "plant-status": plant.plant_status_line,
    "trade-goods": trade.goods,
    "trade-turnover": trade.turnover,
    "people": people.people,
    "sources": sources.sources,
    "downloads": downloads.downloads,
    "data-catalogue": downloads.catalogue,
    "chart-sizes": charts.sizes,
    "chart-trade-turnover": charts.trade_turnover,
    "chart-plant-schedule": charts.plant_schedule,
}


def expand(markdown: str, ctx: RenderContext) -> str:
    """Replace every marker; blank lines around each keep raw HTML a block of its own. A page with
    the notes' own section (data:discrepancies) shows each note there, and only refers to it elsewhere."""
    if any(match.group(1) == "discrepancies" for match in MARKER.finditer(markdown)):
        ctx.citations.notes_reserved.update(item.id for item in ctx.data.discrepancies)
    return MARKER.sub(lambda match: "\n\n" + block_breaks(RENDERERS[match.group(1)](ctx)) + "\n\n", markdown)


def check(markdown: str, display_name: str) -> list[Problem]:
    """Unknown marker names, located in the Markdown file."""
    problems = []
    for match in MARKER.finditer(markdown):
        name = match.group(1)
        if name not in RENDERERS:
            line = markdown.count("\n", 0, match.start()) + 1
            column = match.start() - (markdown.rfind("\n", 0, match.start()) + 1) + 1
            problems.append(Problem(
                display_name, line, column, "",
                f"unknown marker 'data:{name}'{did_you_mean(name, RENDERERS)}; known markers: {', '.join(sorted(RENDERERS))}",
            ))
    return problems


def check_docs(docs_dir: FsPath, display_prefix: str = "docs") -> list[Problem]:
    """Every Markdown file's markers; a file that is not UTF-8 or cannot be read is a located problem."""
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        display_name = f"{display_prefix}/{path.relative_to(docs_dir).as_posix()}"
        try:
            text = decode(path.read_bytes(), display_name)
        except YamlFileError as err:
            problems.append(err.problem)
            continue
        except OSError as err:
            problems.append(Problem(display_name, 0, 0, "", f"cannot read the file: {err.strerror}"))
            continue
        problems += check(text, display_name)
    return problems


def check_translations(docs_dir: FsPath, display_prefix: str = "docs") -> list[Problem]:
    """The reader pages each edition has translated (docs/LANG/PAGE.md): a page an edition lacks is built
    from the English page, marked as not yet translated (render/untranslated.py), so a missing
    translation is a notice, never an error; so is a translated page that has lost one of the English
    page's markers (its generated part would be missing)."""
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


def _markers(path: FsPath) -> set[str]:
    try:
        return {match.group(1) for match in MARKER.finditer(path.read_text(encoding="utf-8"))}
    except (OSError, UnicodeDecodeError):
        return set()  # markers.check_docs reports an unreadable page
