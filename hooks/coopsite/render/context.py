"""What every renderer needs: the data, a way to link, the build date and the language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Dataset
from .site_map import Linker


@dataclass(frozen=True)
class RenderContext:
    data: Dataset
    link: Linker
    today: dt.date
    lang: str = "en"
    page: str = ""  # the page being rendered (docs-relative path), for page-specific parts

    def text(self, value) -> str:
        """The reader's language, falling back to English."""
        return value.get(self.lang) if value is not None else ""
