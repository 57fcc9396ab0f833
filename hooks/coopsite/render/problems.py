"""The page a reviewer sees in `mkdocs serve` while the data has errors (templates/problems.md)."""

from __future__ import annotations

from typing import Optional, Sequence

from ..errors import Problem
from . import ui


def error_page(problems: Sequence[Problem], overrides: Optional[str] = None, lang: str = "en") -> str:
    """Markdown for every page of the preview until the data is fixed."""
    listed = [{"where": _where(p), "message": p.message, "fix": p.fix} for p in problems]
    return ui.render(ui.environment(overrides, lang), "problems.md", {"problems": listed}) + "\n"


def _where(problem: Problem) -> str:
    where = problem.file
    if problem.line:
        where += f":{problem.line}:{problem.column or 1}"
    return f"{where}: {problem.path}" if problem.path else where
