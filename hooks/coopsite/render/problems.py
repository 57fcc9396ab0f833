"""The page a reviewer sees in `mkdocs serve` while the data has errors."""

from __future__ import annotations

from typing import Sequence

from ..errors import Problem
from .html import esc


def error_page(problems: Sequence[Problem]) -> str:
    """Markdown for every page of the preview until the data is fixed."""
    count = len(problems)
    items = "".join(
        f'<li><code class="kz-problem__where">{esc(_where(p))}</code> {esc(p.message)}</li>' for p in problems
    )
    return (
        "---\ndescription: The data has errors; the preview comes back once they are fixed.\n---\n\n"
        "# The data has errors\n\n"
        f'<div class="admonition failure kz-problems" role="alert">'
        f'<p class="admonition-title">{count} problem{"s" if count != 1 else ""} found; nothing else was built</p>'
        f'<ul>{items}</ul></div>\n\n'
        "Fix the file and save it: this page reloads by itself and the site comes back. "
        "The terminal running the preview shows the same list.\n"
    )


def _where(problem: Problem) -> str:
    where = problem.file
    if problem.line:
        where += f":{problem.line}:{problem.column or 1}"
    return f"{where}: {problem.path}" if problem.path else where
