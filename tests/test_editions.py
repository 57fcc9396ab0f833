"""The four editions: every reader page in each, the language selector, <html lang>, each edition's
own navigation and search index, and the English text an edition has not translated yet."""

from __future__ import annotations

import json
import posixpath
import re

import pytest

from coopsite.catalog import nest_quotes
from coopsite.editions import EDITIONS
from coopsite.render import site_map

READER_URLS = [site_map.page_url(page) for page in site_map.READER_PAGES]
ROOTS = {e.lang: e.root for e in EDITIONS}


def _sector_urls(site) -> list[str]:
    return sorted(p.parent.name for p in (site / "program" / "sectors").glob("*/index.html"))


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.lang)
def test_every_reader_page_exists_in_every_edition_with_its_html_lang(built_site, edition):
    urls = READER_URLS + [f"program/sectors/{s}/" for s in _sector_urls(built_site.site)]
    assert len(urls) > len(READER_URLS)
    for url in urls:
        html = built_site.page(edition.root + url)
        assert re.search(rf'<html lang="{edition.lang}"', html), (edition.lang, url)


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.lang)
def test_the_language_selector_links_the_same_page_in_every_edition(built_site, edition):
    for url in READER_URLS + ["program/sectors/ict/"]:
        html = built_site.page(edition.root + url)
        links = re.findall(r'<a href="([^"]*)" hreflang="([a-z]+)" lang="[a-z]+" class="md-select__link"', html)
        assert [lang for _, lang in links] == [e.lang for e in EDITIONS], url
        here = posixpath.dirname(edition.root + url + "x")
        for href, lang in links:
            target = posixpath.normpath(posixpath.join(here, href))
            target = "" if target == "." else target + "/"
            assert target == ROOTS[lang] + url, (url, href)
            assert (built_site.site / target / "index.html").is_file(), target


def test_each_edition_shows_its_own_navigation_and_the_english_guides(built_site):
    html = built_site.page("ru/kia-plant/")
    nav = html[html.index('class="md-nav md-nav--primary"'):html.index('class="md-content"')]
    assert 'href="../trade/"' in nav  # the Russian trade page, not the English one
    assert 'href="../../editing/"' in nav  # the editors' guide stays English
    assert "../../kia-plant/" not in nav


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.lang)
def test_each_edition_searches_its_own_pages_with_its_language(built_site, edition):
    index = json.loads((built_site.site / edition.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == list(edition.search_lang)
    assert index["config"]["pipeline"] == list(edition.search_pipeline)
    locations = [doc["location"] for doc in index["docs"]]
    assert "kia-plant/" in locations
    for other in EDITIONS:
        if other.root and other is not edition:
            assert not any(loc.startswith(other.root) for loc in locations)
    assert f'"base": "../../{edition.root}"' in built_site.page(edition.root + "kia-plant/") or not edition.root


@pytest.mark.parametrize("lang, words", [
    ("ru", ["Костанай", "Kia"]), ("kk", ["Қостанай", "Kia"]), ("ko", ["코스타나이", "기아"]), ("en", ["Kostanai", "Kia"]),
])
def test_a_reader_finds_the_plant_by_its_city_and_company_in_the_editions_script(built_site, lang, words):
    index = json.loads((built_site.site / ROOTS[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))
    plant_text = " ".join(doc["text"] + doc["title"] for doc in index["docs"] if doc["location"].startswith("kia-plant/"))
    for word in words:
        assert word in plant_text, (lang, word)


def test_every_navigation_title_is_in_the_catalog():
    import yaml
    from coopsite.editions_nav import NAV_TITLES
    from conftest import ROOT

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)

    def titles(items):
        for item in items:
            if isinstance(item, dict):
                for title, value in item.items():
                    yield title
                    if isinstance(value, list):
                        yield from titles(value)

    assert set(titles(config["nav"])) <= set(NAV_TITLES)
    pot = (ROOT / "hooks/coopsite/locale/messages.pot").read_text(encoding="utf-8")
    for title in NAV_TITLES:
        assert f'msgid "{title}"' in pot


def test_russian_search_stems_both_the_pages_and_the_typed_word(built_site):
    """The Russian index holds stems, and the script that stems the typed word the same way is
    shipped where Material's search worker loads a language from (the browser test types a form
    no page contains, "Костанаю", and finds the plant)."""
    index = json.loads((built_site.site / "ru" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"][-1] == "stemquery" and "ru" in index["config"]["lang"]
    assert "en" in index["config"]["lang"]  # Latin names ("Kia") survive the trimmer
    assert "stemmer" in index["config"]["pipeline"]
    script = built_site.site / "assets" / "javascripts" / "lunr" / "min" / "lunr.stemquery.min.js"
    assert "searchPipeline.runString" in script.read_text(encoding="utf-8")
    for edition in EDITIONS:
        for lang in edition.search_lang:
            assert lang == "en" or (built_site.site / "assets/javascripts/lunr/min" / f"lunr.{lang}.min.js").is_file()


@pytest.mark.parametrize("lang, text, nested", [
    ("ru", "страницу «Проекты программы «Свежий ветер»» на сайте", "страницу «Проекты программы „Свежий ветер“» на сайте"),
    ("kk", "««Жаңа леп» бағдарламасы»", "«„Жаңа леп“ бағдарламасы»"),
    ("en", "the “Fresh “Wind”” page", "the “Fresh ‘Wind’” page"),
    ("ru", "«один» и «другой»", "«один» и «другой»"),  # side by side, not nested: unchanged
    ("en", "““In the first half” (source)", "““In the first half” (source)"),  # a quote cut before its end: as it is
])
def test_a_quote_inside_a_quote_takes_the_languages_inner_marks(lang, text, nested):
    assert nest_quotes(text, lang) == nested


def test_a_quoted_title_with_its_own_quotes_reads_as_the_language_writes_it(built_site):
    """The Russian program page's citation and the data page's links put the title in «», and its own
    «Свежий ветер» becomes „Свежий ветер“ inside them."""
    for page in ("ru/program/", "ru/data/"):
        text = re.sub(r"<[^>]+>", "", built_site.page(page))
        assert "„Свежий ветер“" in text, page
        assert not re.search(r"«[^»]*«[^»]*»[^»]*»", text), page
