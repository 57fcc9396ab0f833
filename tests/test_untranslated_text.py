"""Reader text an edition has not translated yet is shown in English, marked lang="en" wherever it
appears (screen readers and hyphenation read it as English) and titled as not yet translated."""

from __future__ import annotations

import re

from lxml import html as lxml_html

from conftest import edit, run_build

MISSING = {  # English texts whose Russian translation the test removes, and the pages that show them
    "Small-scale production of Kia cars launched in Kostanai": ["ru/kia-plant/", "ru/", "ru/sources/"],
    "Business presence": ["ru/figures/"],
    "Uranium": ["ru/trade/"],
}


def _unmarked(page: str, english: str) -> list[str]:
    """Each element whose own text holds `english` with no lang="en" on it or an ancestor."""
    found = []
    article = lxml_html.fromstring(page).xpath('//article')[0]  # the page's content (the theme's table of
    for element in article.iter():  # contents and navigation repeat headings as plain text: not marked yet)
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "desc", "title"):
            continue  # a chart's description for screen readers is one composed sentence of the edition
        if element.text and english in element.text:
            langs = [element.get("lang")] + [a.get("lang") for a in element.iterancestors()]
            if next((lang for lang in langs if lang), None) != "en":
                found.append(lxml_html.tostring(element, encoding="unicode")[:200])
    return found


def test_english_standing_in_for_a_missing_translation_is_marked_lang_en_everywhere(project, monkeypatch):
    edit(project, "data/plant.yaml", "      ru: В Костанае запущено мелкосерийное производство автомобилей Kia\n", "")
    edit(project, "data/figures.yaml", "{en: Business presence, ru: Деловое присутствие, ", "{en: Business presence, ")
    edit(project, "data/trade.yaml", "{en: Uranium, ru: Уран, ", "{en: Uranium, ")
    monkeypatch.setenv("COOPSITE_EDITIONS", "ru")
    result = run_build(project)
    assert result.returncode == 0, result.output
    for english, urls in MISSING.items():
        for url in urls:
            page = result.page(url)
            assert english in page, (english, url)
            assert _unmarked(page, english) == [], (english, url)
            marks = re.findall(r'<span class="kz-untranslated-text" lang="en" title="Ещё не переведено">([^<]*)</span>',
                               page)
            assert english in marks or re.search(rf'<h[23][^>]*lang="en"[^>]*>{re.escape(english)}', page), (english, url)
    timeline = result.page("ru/kia-plant/")
    assert 'id="milestone-small-scale-production"><span class="kz-untranslated-text" lang="en"' in timeline
    figures = result.page("ru/figures/")
    assert re.search(r'<h2 id="topic-business" lang="en">Business presence', figures)
    for url in ("kia-plant/", "figures/", "trade/"):  # English is the English edition's own language: no mark
        assert "kz-untranslated-text" not in result.page(url)
    assert "kz-untranslated-text" not in result.page("ru/program/")  # translated texts stay unmarked
