"""The reader's view (issue 16): numbered citations previewed by mouse, keyboard and touch; each
quote once in the References with back-links; charts as wide as the column with legible text; the
menu button only where the drawer is used; the home page's story linked to its facts."""

from __future__ import annotations

from urllib.parse import urldefrag, urljoin

import pytest

from .conftest import DESKTOP, PHONE, artifact, settle

CITING_PAGES = ["", "kia-plant/", "program/", "figures/", "trade/", "people/", "program/sectors/digitalization/"]
CHART_PAGES = {"kia-plant/": "chart-plant-schedule", "figures/": "chart-sizes", "trade/": "chart-trade-turnover"}
PREVIEW = "#kz-ref-preview"


def _first_mark(page):
    mark = page.locator("a.kz-ref__mark").first
    mark.scroll_into_view_if_needed()
    return mark


def _reference_quote(page, mark) -> str:
    return page.locator(mark.get_attribute("href") + " .kz-references__quote").inner_text()


def test_a_marker_previews_its_reference_on_hover(page, site):
    page.goto(site.url("kia-plant/"))
    settle(page)
    mark = _first_mark(page)
    assert page.locator(PREVIEW).is_hidden()
    mark.hover()
    preview = page.locator(PREVIEW)
    preview.wait_for(state="visible")
    text = preview.inner_text()
    assert _reference_quote(page, mark) in text and "13 November 2023" in text
    assert preview.get_attribute("role") == "tooltip"
    assert mark.get_attribute("aria-describedby") == "kz-ref-preview"
    page.locator("h1").hover()
    preview.wait_for(state="hidden")


def test_a_marker_previews_on_focus_and_escape_closes_it(page, site):
    page.goto(site.url("figures/"))
    settle(page)
    mark = _first_mark(page)
    mark.focus()
    preview = page.locator(PREVIEW)
    preview.wait_for(state="visible")
    assert _reference_quote(page, mark) in preview.inner_text()
    page.keyboard.press("Escape")
    preview.wait_for(state="hidden")
    assert mark.get_attribute("aria-describedby") is None
    assert mark.get_attribute("aria-label").startswith("Reference ")
    page.keyboard.press("Enter")  # the marker is a real link to the reference
    assert page.evaluate("location.hash") == mark.get_attribute("href")


def test_on_touch_a_first_tap_previews_and_a_second_goes_to_the_reference(open_context, site):
    context, watch = open_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(site.url("kia-plant/"))
    settle(page)
    mark = _first_mark(page)
    href = mark.get_attribute("href")
    mark.tap()
    preview = page.locator(PREVIEW)
    preview.wait_for(state="visible")
    assert page.evaluate("location.hash") == ""  # the first tap only previews
    box = preview.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]  # the preview fits the screen
    page.screenshot(path=artifact("reader-preview-touch"))
    mark.tap()
    page.wait_for_function("h => location.hash === h", arg=href)


def test_without_javascript_a_marker_is_a_link_to_its_reference(open_context, site):
    context, _ = open_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url("program/"))
    mark = _first_mark(page)
    mark.click()
    assert page.url.endswith(mark.get_attribute("href"))
    assert page.locator(PREVIEW).count() == 0


@pytest.mark.parametrize("path", CITING_PAGES)
def test_each_quote_once_in_the_references_with_back_links_to_every_fact(page, site, path):
    page.goto(site.url(path))
    refs = page.evaluate("""() => [...document.querySelectorAll('.kz-references > li')].map(li => ({
        id: li.id, quote: li.querySelector('.kz-references__quote').textContent,
        source: li.querySelector('.kz-references__source a').getAttribute('href'),
        back: [...li.querySelectorAll('.kz-references__back a')].map(a => a.getAttribute('href'))}))""")
    marks = page.evaluate("""() => [...document.querySelectorAll('a.kz-ref__mark')].map(a => ({
        id: a.id, href: a.getAttribute('href'), text: a.textContent}))""")
    assert refs and marks, path
    keys = [(r["source"], r["quote"]) for r in refs]
    assert len(keys) == len(set(keys)), path  # each quote once
    assert [r["id"] for r in refs] == [f"ref-{n}" for n in range(1, len(refs) + 1)]
    for mark in marks:
        assert page.locator(mark["href"]).count() == 1  # every marker reaches its reference
        assert mark["text"] == "[" + mark["href"].removeprefix("#ref-") + "]"
    back_links = sorted(b for r in refs for b in r["back"])
    assert back_links == sorted("#" + m["id"] for m in marks)  # a back-link to every fact, and only those
    assert page.locator(".md-sidebar--secondary a[href='#references']").count() == 1  # in the table of contents


def test_a_note_where_sources_differ_is_shown_once_per_page(page, site):
    page.goto(site.url("program/"))
    note = page.locator(".admonition.warning").first
    note_id = note.get_attribute("id")
    text = note.locator("p").nth(1).inner_text()
    assert page.get_by_text(text, exact=False).count() == 1
    referring = page.locator(f".kz-note a[href='#{note_id}']")
    assert referring.count() >= 1  # referred to where it matters


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
@pytest.mark.parametrize("path", CHART_PAGES)
def test_charts_fill_the_column_with_text_at_least_12px(open_context, site, path, viewport):
    context, _ = open_context(viewport=viewport)
    page = context.new_page()
    page.goto(site.url(path))
    chart = page.locator(f"#{CHART_PAGES[path]}")
    chart.scroll_into_view_if_needed()
    measured = chart.evaluate("""figure => {
        const svg = [...figure.querySelectorAll('svg.kz-chart__svg')].find(s => s.getBoundingClientRect().width > 0);
        const column = figure.closest('.md-content__inner').getBoundingClientRect().width;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const sizes = [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
        return {width: svg.getBoundingClientRect().width, column, smallest: Math.min(...sizes)};
    }""")
    assert measured["width"] >= 0.95 * measured["column"], measured
    assert measured["smallest"] >= 12, measured
    chart.screenshot(path=artifact(f"reader-{CHART_PAGES[path]}-{viewport['width']}"))


def test_chart_table_and_data_are_one_click_away_behind_tabs(page, site):
    page.goto(site.url("kia-plant/"))
    chart = page.locator("#chart-plant-schedule")
    labels = chart.locator(".tabbed-labels label")
    assert labels.all_inner_texts() == ["Chart", "Table", "Data"]
    assert chart.locator("svg.kz-chart__svg").first.is_visible() or chart.locator("svg.kz-chart__svg").nth(1).is_visible()
    assert chart.locator("table").is_hidden()
    labels.nth(1).click()
    assert chart.locator("table").is_visible()
    labels.nth(2).click()
    assert chart.locator("a[href$='milestones.csv']").is_visible()
    # the schedule marks today (the build date) and the latest report
    text = chart.locator("svg").first.text_content()
    assert "Today: " in text and "Latest report: 13 November 2023" in text


@pytest.mark.parametrize("viewport, shown", [(DESKTOP, 0), (PHONE, 1)], ids=["1280", "375"])
def test_the_menu_button_only_where_the_drawer_is_used(open_context, site, viewport, shown):
    context, _ = open_context(viewport=viewport)
    page = context.new_page()
    page.goto(site.url("kia-plant/"))
    buttons = page.locator(".md-header .kz-drawer-button, .md-header label[for='__drawer']")
    assert sum(b.is_visible() for b in buttons.all()) == shown


def test_the_home_story_links_each_clause_to_its_fact_and_citation(page, site):
    page.goto(site.url(""))
    story = page.locator(".kz-story")
    clauses = story.locator("p")
    assert clauses.count() >= 3
    assert "What has happened" in story.inner_text() and "What was planned" in story.inner_text()
    assert "Not confirmed since 13 November 2023" in story.inner_text()
    links = story.evaluate("""s => [...s.querySelectorAll('a:not(.kz-ref__mark)')].map(a => a.href)""")
    assert links
    for link in links:
        url, fragment = urldefrag(link)
        target = page.context.new_page()
        target.goto(url)
        if fragment:
            assert target.locator(f"[id='{fragment}']").count() == 1, link
        target.close()
    for clause in clauses.all():
        assert clause.locator("a.kz-ref__mark").count() >= 1, clause.inner_text()  # each clause cited
