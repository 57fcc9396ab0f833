"""The page a reviewer sees in `mkdocs serve` while the data has errors (templates/problems.md)."""

from __future__ import annotations

from typing import Optional, Sequence

from ..errors import DataError, Problem
from . import ui


def error_page(problems: Sequence[Problem], overrides: Optional[str] = None, lang: str = "en") -> str:
    """Markdown for every page of the preview until the data is fixed."""
    return _shown("problems.md", problems, overrides, lang) + "\n"


def problems_here(problems: Sequence[Problem], overrides: Optional[str] = None, lang: str = "en") -> str:
    """The preview's box in place of one part of a page whose template failed."""
    return _shown("problems-here.html", problems, overrides, lang)


def _shown(template: str, problems: Sequence[Problem], overrides: Optional[str], lang: str) -> str:
    listed = [{"where": p.place, "message": p.message, "fix": p.fix} for p in problems]
    try:
        return ui.render(ui.environment(overrides, lang), template, {"problems": listed})
    except DataError:  # the broken template is this one, in overrides/: the site's own lists the problems
        return ui.render(ui.environment(None, lang), template, {"problems": listed})

