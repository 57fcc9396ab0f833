"""What every renderer needs: the data, a way to link, the build date, the language and its templates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

import jinja2

from ..model import Dataset
from . import ui
from .citations import Citations
from .site_map import Linker


@dataclass(frozen=True)
class RenderContext:
    data: Dataset
    link: Linker
    today: dt.date
    lang: str = "en"
    page: str = ""  # the page being rendered (docs-relative path), for page-specific parts
    overrides: Optional[str] = None  # the project's overrides/coopsite/ folder, when it has one
    citations: Citations = field(default_factory=Citations)  # the page's numbered references

    def text(self, value) -> str:
        """The reader's language, falling back to English."""
        return value.get(self.lang) if value is not None else ""

    @property
    def env(self) -> jinja2.Environment:
        return ui.environment(self.overrides, self.lang)

    def render(self, template: str, **values) -> str:
        """A template filled with plain values prepared by a renderer; every template also sees the Dataset
        (`dataset`) and the language (`lang`), to show a declared field no renderer prepares yet."""
        return ui.render(self.env, template, {"dataset": self.data, "lang": self.lang, **values})

    def gettext(self, message: str, **values) -> str:
        """A word from the catalog, for the few that Python needs (a chart's legend width)."""
        text = ui.translations(self.lang).gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, count: int, **values) -> str:
        text = ui.translations(self.lang).ngettext(singular, plural, count)
        return text % dict(values, num=count)
