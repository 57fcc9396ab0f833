"""Problems found in the data, reported the way a compiler reports them."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Iterable, Sequence

PathPart = str | int
Path = tuple[PathPart, ...]


def format_path(path: Sequence[PathPart]) -> str:
    """`('figures', 3, 'value')` -> `figures[3].value`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def shortened(text: str, limit: int = 40) -> str:
    """A value quoted in a message, cut to `limit` characters."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ` (did you mean 'x'?)` suffix when a close choice exists, else ''."""
    close = difflib.get_close_matches(str(word), sorted(set(choices)), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


_ONE_LINE = str.maketrans({"\n": "\\n", "\r": "\\r", "\u2028": "\\u2028", "\u2029": "\\u2029"})


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at one place. `line` and `column` count from 1; 0 means unknown."""

    file: str
    line: int
    column: int
    path: str
    message: str
    severity: str = "error"
    fix: tuple[str, ...] = field(default=(), compare=False)  # corrected lines to paste, shown beneath

    @property
    def place(self) -> str:
        """`data/figures.yaml:25:12: figures[0].value`, as far as it is known."""
        where = self.file + (f":{self.line}:{self.column or 1}" if self.line else "")
        return f"{where}: {self.path}" if self.path else where

    def __str__(self) -> str:
        severity = f"{self.severity}: " if self.severity != "error" else ""
        # One problem, one line: a value quoted from the data may span lines ('got 'a\nb'').
        return f"{self.place}: {severity}{self.message}".translate(_ONE_LINE)

    def lines(self) -> list[str]:
        """The problem's line, then any corrected lines, indented and marked so they read as its part."""
        return [str(self), *(f"    | {line}".translate(_ONE_LINE) for line in self.fix)]


@dataclass
class Report:
    """Collects every problem of a run so that all are shown together."""

    problems: list[Problem] = field(default_factory=list)
    _seen: set = field(default_factory=set, repr=False, compare=False)

    def add(self, *problems: Problem) -> None:
        if len(self._seen) != len(self.problems):  # the list was filled or changed directly
            self._seen = set(self.problems)
        for problem in problems:
            if problem not in self._seen:  # a set: a list search per problem is quadratic
                self._seen.add(problem)
                self.problems.append(problem)

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.problems if p.severity == "error")

    @property
    def notices(self) -> list[Problem]:
        return sorted(p for p in self.problems if p.severity != "error")

    def __bool__(self) -> bool:
        return bool(self.errors)


class DataError(Exception):
    """Raised once, after all problems of a run are collected."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__(self.render())

    def render(self) -> str:
        lines = [line for p in self.problems for line in p.lines()]
        count = len(self.problems)
        lines.append(f"{count} problem{'s' if count != 1 else ''} in the data; nothing was built.")
        return "\n".join(lines)
