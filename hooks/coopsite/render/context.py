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


class Untranslated(str):
    """Reader text shown in English in an edition whose translation of it is missing: `lang` is what it is
    written in, so that a template marks it (partials/shown.html); composed into a longer string, it is
    plain text again."""

    lang = "en"


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
        """The reader's language, falling back to English: a stand-in (`Untranslated`, which templates mark
        lang="en" through partials/shown.html) where the edition's translation is missing."""
        if value is None:
            return ""
        shown = value.get(self.lang)
        return Untranslated(shown) if self.lang != "en" and not getattr(value, self.lang, None) else shown

    def person_name(self, person_id: str) -> str:
        """A person's name as the edition writes it: the glossary's form (data/glossary.yaml, the same id)
        in the other editions, the source's spelling in English."""
        person = self.data.people[person_id]
        term = self.data.glossary.get(person_id)
        return term.form(self.lang) if term is not None and term.kind == "person" and self.lang != "en" else person.name

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
        return ui.nest_quotes(text % values, self.lang) if values else text
