"""Translated reader pages (docs/LANG/PAGE.md): each edition shows its own text, titles and site name;
a page an edition lacks falls back to the English page, marked, and `make check` lists it as a notice."""

from __future__ import annotations

import html as htmllib
import re

import pytest

from coopsite.editions import ALL_EDITIONS, EDITIONS
from coopsite.render import site_map, ui
from conftest import ROOT, run_build
from test_check import run_check

OTHER_EDITIONS = [e for e in EDITIONS if e.root]


def _h1(page: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    return htmllib.unescape(re.sub(r"<[^>]+>", "", match.group(1))).replace("¶", "").strip()


def _title_of(markdown: str) -> str:
    return re.search(r"^# (.+)$", markdown, re.M).group(1).strip()


@pytest.mark.parametrize("edition", [e for e in ALL_EDITIONS if e.root], ids=lambda e: e.lang)
def test_every_reader_page_is_translated_with_the_english_pages_markers(edition):
    marker = re.compile(r"<!--\s*data:([\w-]+)\s*-->")
    for page in site_map.READER_PAGES:
        english = (ROOT / "docs" / page).read_text(encoding="utf-8")
        translated = ROOT / "docs" / edition.root / page
        assert translated.is_file(), f"docs/{edition.root}{page} is missing"
        text = translated.read_text(encoding="utf-8")
        assert marker.findall(text) == marker.findall(english), page  # same parts, in the same order
        assert _title_of(text) != _title_of(english), page
        assert text.startswith("---\ndescription: "), page  # its own description for search engines and previews
        description = re.search(r"^description: >-\n((?:  .*\n)+)", text, re.M)
        assert description and len(" ".join(description.group(1).split())) > 50, page  # a real one, as in English


@pytest.mark.parametrize("edition", OTHER_EDITIONS, ids=lambda e: e.lang)
def test_each_edition_shows_its_pages_titles_and_site_name_in_its_language(built_site, edition):
    gettext = ui.translations(edition.lang).gettext
    site_name = gettext(ui.SITE_NAME)
    assert site_name != ui.SITE_NAME
    for page in site_map.READER_PAGES:
        url = site_map.page_url(page)
        built = built_site.page(edition.root + url)
        title = _title_of((ROOT / "docs" / edition.root / page).read_text(encoding="utf-8"))
        assert re.search(rf'<html lang="{edition.lang}"', built), url
        assert _h1(built) == title, url
        expected = site_name if page == site_map.HOME else f"{htmllib.escape(title, quote=False)} - {site_name}"
        assert f"<title>{expected}</title>" in built, url  # the home page: the site's name, as in English
        assert 'class="kz-untranslated"' not in built, url  # translated: no "not yet translated" notice
        assert f'<meta property="og:site_name" content="{site_name}">' in built, url
        header = built[built.index('class="md-header__topic"'):][:400]
        assert site_name in header, url
        footer = built[built.index('class="md-copyright"'):]
        assert gettext(ui.COPYRIGHT) in footer and '<span lang="en">Made with' in footer, url
    nav = built_site.page(edition.root + "trade/")
    nav = nav[nav.index('class="md-nav md-nav--primary"'):nav.index('class="md-content"')]
    for title in ("Home", "Key figures", "Who said what", "Sources"):
        assert f">{gettext(title)}<" in nav or f"{gettext(title)}\n" in nav, title
    guide = gettext("%(title)s (in English)") % {"title": gettext("Editing the data")}
    assert re.search(rf'<a href="../../editing/" class="md-nav__link">\s*<span class="md-ellipsis">\s*{re.escape(guide)}',
                     nav), guide  # the editors' guide, English only, says so in the edition's words
    english = built_site.page("trade/")
    assert f"<title>Trade - {ui.SITE_NAME}</title>" in english  # the English edition keeps mkdocs.yml's name
    assert re.search(r'<a href="../editing/" class="md-nav__link">\s*<span class="md-ellipsis">\s*Editing the data\s',
                     english)


def test_the_site_name_and_copyright_in_the_catalog_are_mkdocs_ymls():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(rf"^site_name: {re.escape(ui.SITE_NAME)}$", config, re.M)
    assert re.search(rf"^copyright: {re.escape(ui.COPYRIGHT)}$", config, re.M)


def test_a_page_an_edition_has_not_translated_falls_back_to_english_marked_and_is_a_notice(project, monkeypatch):
    (project / "docs" / "ru" / "trade.md").unlink()
    result = run_check(project)
    assert result.returncode == 0, result.stdout
    assert ("docs/ru/trade.md: notice: page not yet translated into Russian: copy docs/trade.md there and "
            "translate its text") in result.stdout
    monkeypatch.setenv("COOPSITE_EDITIONS", "ru")
    built = run_build(project)
    assert built.returncode == 0, built.output
    page = built.page("ru/trade/")
    assert re.search(r'<html lang="ru"', page)
    assert '<p class="kz-untranslated">Эта страница ещё не переведена и показана на английском языке.</p>' in page
    assert '<div lang="en">' in page and _h1(page) == "Trade"
    assert 'class="kz-untranslated"' not in built.page("ru/figures/")  # the others stay translated
    assert not (built.site / "kk").exists()  # an edition left out of the build: its pages are not built


def test_a_translated_page_that_lost_a_marker_is_a_notice(project):
    path = project / "docs" / "ko" / "kia-plant.md"
    path.write_text(path.read_text(encoding="utf-8").replace("<!-- data:timeline -->", ""), encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 0, result.stdout
    assert ("docs/ko/kia-plant.md: notice: the English page has the marker '<!-- data:timeline -->' and this "
            "translation does not") in result.stdout


def test_a_sources_language_is_named_in_the_editions_words(built_site):
    for url, name in (("sources/", "English"), ("ru/sources/", "английский"), ("kk/sources/", "ағылшын тілі"),
                      ("ko/sources/", "영어")):
        assert re.search(rf'</th>\s*<td>{name}</td>', built_site.page(url)), url
