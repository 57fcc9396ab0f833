"""The site's words come from one gettext catalog: messages.pot is current, every language has every
message, templates hold no word outside it, and an edited catalog or template changes the built site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from coopsite.render import ui

from conftest import ROOT, edit, run_build

HOOKS = ROOT / "hooks"
POT = ui.LOCALES / "messages.pot"


def _ids(messages) -> set:
    return {message.id if isinstance(message.id, str) else tuple(message.id) for message in messages if message.id}


def extracted_ids() -> set:
    with open(ROOT / "babel.cfg", encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    ids = set()
    for _file, _line, message, _comments, context in extract_from_dir(str(HOOKS), method_map, options_map):
        ids.add(message if isinstance(message, str) else tuple(message))
    return ids


def test_the_committed_catalog_template_is_current():
    with open(POT, "rb") as pot:
        committed = _ids(read_po(pot))
    extracted = extracted_ids()
    assert extracted - committed == set(), "words missing from messages.pot: run `make messages`"
    assert committed - extracted == set(), "messages.pot has words no longer used: run `make messages`"


@pytest.mark.parametrize("po", sorted(ui.LOCALES.glob("*/LC_MESSAGES/messages.po")), ids=lambda p: p.parts[-3])
def test_every_language_has_every_message(po):
    with open(POT, "rb") as pot:
        wanted = _ids(read_po(pot))
    with open(po, "rb") as source:
        catalog = read_po(source)
    assert _ids(catalog) == wanted, f"{po.name} is out of step with messages.pot: run `make messages`"


_JINJA = re.compile(r"\{%-?\s*trans\b.*?\{%-?\s*endtrans\s*-?%\}|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_SHOWN_ATTRIBUTE = re.compile(r'\b(?:title|aria-label|alt|placeholder)="([^"]*)"')
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"[^\W\d_]{2,}")


def words_outside_catalog(template: str) -> list[str]:
    """Letters a template shows that no `_()`, `{% trans %}` or value brings: words typed into it."""
    text = _JINJA.sub(" ", template)
    found = [value for value in _SHOWN_ATTRIBUTE.findall(text) if _WORD.search(value)]
    text = _TAG.sub(" ", text)
    if text.lstrip().startswith("---"):  # front matter: its keys are not shown
        text = re.sub(r"^\s*---.*?---", " ", text, count=1, flags=re.S)
    found += [line.strip() for line in text.splitlines() if _WORD.search(line)]
    return found


@pytest.mark.parametrize("template", sorted(p.relative_to(ui.TEMPLATES).as_posix()
                                            for p in ui.TEMPLATES.rglob("*") if p.is_file() and "__pycache__" not in p.parts))
def test_templates_show_no_word_outside_the_catalog(template):
    assert words_outside_catalog((ui.TEMPLATES / template).read_text(encoding="utf-8")) == []


def test_the_word_check_can_fail():
    assert words_outside_catalog('<p title="Hello">{{ _("Fine") }}</p>') == ["Hello"]
    assert words_outside_catalog("<li>Done {{ value }}</li>") == ["Done"]
    assert words_outside_catalog('<span class="kz-badge">{% trans %}Done{% endtrans %}</span>') == []


def test_a_template_in_overrides_replaces_the_sites_own(project):
    """A designer restyles a part without Python: a same-named file under overrides/coopsite/ wins."""
    override = project / ui.OVERRIDES / "partials" / "badge.html"
    override.parent.mkdir(parents=True)
    override.write_text('{% macro badge(kind, text, title=none) %}<mark class="my-badge my-badge--{{ kind }}">'
                        '{{ text }}</mark>{% endmacro %}\n', encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.output
    figures = result.page("figures/")
    assert '<mark class="my-badge my-badge--derived">derived</mark>' in figures
    assert "kz-badge--derived" not in figures
    assert not (result.site / "coopsite").exists()  # templates are not copied into the site


def test_the_site_shows_the_catalogs_words(project):
    """A translator's msgstr reaches the pages: labels, plural forms, the citation block."""
    edit(project, "hooks/coopsite/locale/en/LC_MESSAGES/messages.po",
         'msgid "Cite this page"\nmsgstr ""', 'msgid "Cite this page"\nmsgstr "How to cite this page"')
    edit(project, "hooks/coopsite/locale/en/LC_MESSAGES/messages.po",
         'msgid_plural "%(count)s named projects"\nmsgstr[0] ""\nmsgstr[1] ""',
         'msgid_plural "%(count)s named projects"\nmsgstr[0] "one project"\nmsgstr[1] "%(count)s projects"')
    result = run_build(project)
    assert result.returncode == 0, result.output
    assert "<summary>How to cite this page</summary>" in result.page("kia-plant/")
    program = result.page("program/")
    assert "(one project)" in program and "named project" not in program


def test_counts_take_the_languages_plural_forms():
    from coopsite.errors import Problem
    from coopsite.render.problems import error_page

    one = Problem("data/plant.yaml", 3, 5, "milestones[0]", "bad")
    assert "1 problem found; nothing else was built" in error_page([one])
    assert "2 problems found; nothing else was built" in error_page([one, one])
