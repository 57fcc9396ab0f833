"""The glossary: translations use its names, and search finds each name by every spelling in every edition."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import ROOT, copy_project, edit
from coopsite import glossary
from coopsite.editions import EDITIONS
from coopsite.load import load_or_raise


def _data(project):
    return load_or_raise(project / "data", today=dt.date(2026, 1, 1))


def test_translations_write_names_as_the_glossary_does():
    data = _data(ROOT)
    assert data.glossary, "data/glossary.yaml is read"
    assert [f"{m.path} ({m.lang}): {m.term.id}: {m.text}" for m in glossary.misses(data)] == []


def test_a_translation_with_another_spelling_of_a_name_is_found(tmp_path):
    project = copy_project(tmp_path / "project")
    edit(project, "data/plant.yaml", "코스타나이", "쿠스타나이", count=2)  # not a spelling the glossary lists
    misses = glossary.misses(_data(project))
    assert any(m.lang == "ko" and m.term.id == "kostanai" for m in misses)


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.lang)
@pytest.mark.parametrize("typed", ["Костанай", "Қостанай", "코스타나이", "Kostanay", "기아", "Kia"])
def test_every_edition_finds_the_plant_page_by_every_spelling_of_its_city_and_company(built_site, edition, typed):
    index = json.loads((built_site.site / edition.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"] if doc["location"].startswith("kia-plant/"))
    assert typed in text


def test_the_other_spellings_are_hidden_from_view(built_site):
    html = built_site.page("ru/kia-plant/")
    assert '<p class="kz-also-spelled" hidden>' in html
