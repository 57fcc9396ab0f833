"""The site's templates and its words: one Jinja environment per language, built once per process.

Templates live in coopsite/templates/; a file of the same name in the project's
overrides/coopsite/ replaces one, as Material's partials do. Autoescape is on: templates receive
plain values and every one of them is escaped where it lands. The words come from the gettext
catalog of the page's language (catalog.py).
"""

from __future__ import annotations

import re
import traceback
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Optional

import jinja2
import jinja2.bccache
from markupsafe import Markup

from ..catalog import LOCALES, N_, nest_quotes, translations  # noqa: F401  (the renderers' words, from here as before)
from ..errors import DataError, Problem
from .html import md_text

PACKAGE = Path(__file__).resolve().parent.parent
TEMPLATES = PACKAGE / "templates"
OVERRIDES = "overrides/coopsite"  # under the project, next to Material's own overrides


# mkdocs.yml's site_name, for the catalog (`make messages` does not read mkdocs.yml): each edition's
# header, <title>, link previews and "Cite this page" name the site in its language. A test keeps it
# equal to mkdocs.yml's; a site_name the catalog lacks is shown as written.
SITE_NAME = N_("Kazakhstan–Korea Economic Cooperation")


# and mkdocs.yml's copyright line, shown in every page's footer
COPYRIGHT = N_("Facts from the sources named on each page; every figure links to its quote.")


def site_name(name: str, lang: str) -> str:
    """The site's name (or its copyright line) in an edition's language."""
    return translations(lang).gettext(name) if name else name


def md_heading(text: object) -> Markup:
    """Text for a Markdown heading line: no markup, no entity, no attribute list survives."""
    return Markup(md_text(text))


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept on disk in templates/__pycache__/ (as Python keeps .pyc files),
    ours and the theme's: compiling Material's templates alone took a tenth of an English build.
    Jinja compares each template's source with the checksum stored with its code, so an edited
    template (or one in overrides/) is compiled afresh; a folder that cannot be written only
    means compiling every time."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            Path(self.directory).mkdir(exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError):
            bucket.reset()


COMPILED_TEMPLATES = _CompiledTemplates(str(TEMPLATES / "__pycache__"), "%s.jinja")


@lru_cache(maxsize=16)
def environment(overrides: Optional[str], lang: str) -> jinja2.Environment:
    """One environment per overrides folder and language: templates are compiled once and kept.

    `auto_reload` stays on so that `mkdocs serve` picks up an edited template (one stat per use).
    """
    folders = [overrides, str(TEMPLATES)] if overrides else [str(TEMPLATES)]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
        bytecode_cache=COMPILED_TEMPLATES,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)
    _nest_quotes_in_messages(env, lang)
    env.filters["md_heading"] = md_heading
    return env


def _nest_quotes_in_messages(env: jinja2.Environment, lang: str) -> None:
    """`_()` as Jinja's own (translated, escaped, its values filled in), and a quoted title's own
    quotation marks made inner ones. In Jinja's place rather than around it: it runs some 300,000
    times at 100 times today's data."""
    message_of = translations(lang).gettext

    @jinja2.pass_context
    def gettext(context, message: str, **values):
        text = Markup(message_of(message)) if context.eval_ctx.autoescape else message_of(message)
        text = text % values  # always a format string, as Jinja's: "%%" is "%"
        return type(text)(nest_quotes(text, lang)) if values else text

    env.globals["gettext"] = env.globals["_"] = gettext


_BLANK_LINES = re.compile(r"\n{3,}")


def render(env: jinja2.Environment, name: str, values: dict) -> str:
    """A template's output without the indentation that keeps templates readable (an indented
    line in Markdown would be code) and without runs of blank lines left by empty parts."""
    try:
        text = env.get_template(name).render(values)
    except jinja2.TemplateError as err:
        raise DataError([template_problem(err)]) from None
    return _BLANK_LINES.sub("\n\n", "\n".join(line.lstrip() for line in text.split("\n"))).strip("\n")


# -- a template that cannot be used: the file and line a designer opens, never a traceback ---------

def template_problem(err: jinja2.TemplateError) -> Problem:
    """'overrides/coopsite/timeline.html:2:1: the template could not be read: unexpected '}''."""
    file, line = getattr(err, "filename", None), getattr(err, "lineno", None)
    if not file:  # an error while rendering: the innermost template line in the traceback
        for frame in reversed(traceback.extract_tb(err.__traceback__)):
            if frame.filename.endswith((".html", ".md", ".xml")):
                file, line = frame.filename, frame.lineno
                break
    if isinstance(err, jinja2.TemplateNotFound):
        what = f"was not found: no template named '{err.name}'"
    else:
        what = ("could not be read: " if isinstance(err, jinja2.TemplateSyntaxError) else "failed: ") + str(err.message or err)
    return Problem(_project_path(file) if file else "a template", line or 0, 1 if line else 0, "",
                   f"the template {what}")


def _project_path(file: str) -> str:
    """A template's path as the project names it (overrides/..., hooks/...); the theme's own as it is."""
    parts = PurePath(file).parts
    for folder in ("overrides", "hooks"):
        if folder in parts:
            return "/".join(parts[len(parts) - 1 - parts[::-1].index(folder):])
    return file


def template_problems(env: jinja2.Environment, names: list[str]) -> list[Problem]:
    """Each template that cannot be compiled. Cheap when nothing changed: the compiled code is kept
    (COMPILED_TEMPLATES), so this loads what the build would load anyway."""
    problems = []
    for name in names:
        try:
            env.get_template(name)
        except jinja2.TemplateError as err:
            problems.append(template_problem(err))
    return problems


def site_template_problems(overrides: Optional[str]) -> list[Problem]:
    """The site's own templates and those in overrides/coopsite/ that replace them."""
    env = environment(overrides, "en")
    return template_problems(env, env.list_templates(extensions=("html", "md")))
