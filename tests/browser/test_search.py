"""Search as a person uses it: open the search box, type, read the results, follow one."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .conftest import settle

# (query, a page#anchor the results must offer, words its result must show)
FINDS = [
    pytest.param("small-scale production", "kia-plant/#milestone-small-scale-production",
                 "Small-scale production of Kia cars", id="milestone"),
    pytest.param("mining", "program/sectors/mining/", "Mining", id="sector"),
    pytest.param("70,000", "figures/#figure-kia-capacity", "Annual production capacity", id="figure"),
    pytest.param("uranium", "trade/#goods", "uranium", id="export"),
    pytest.param("Kostanay", "kia-plant/#summary", "Kostanai", id="place-name-variant"),
]


def search(page, query: str) -> list[dict]:
    """Click the search box, type the query, and read what the results pane shows."""
    page.get_by_role("textbox", name="Search").click()
    page.keyboard.press("Control+A")
    page.keyboard.type(query)
    meta = page.locator(".md-search-result__meta")
    meta.filter(has_text="matching").wait_for(timeout=60_000)  # the index loads in a worker first
    # Each typed letter starts a new search; read the pane once it has stopped changing.
    previous = None
    for _ in range(40):
        current = page.locator(".md-search-result").inner_text()
        if current == previous:
            break
        previous = current
        page.wait_for_timeout(300)
    results = []
    for link in page.locator(".md-search-result__link").all():
        url = urlsplit(link.get_attribute("href"))
        results.append({
            "target": url.path.lstrip("/") + (f"#{url.fragment}" if url.fragment else ""),
            "title": link.locator("h1, h2").first.inner_text(),
            "text": link.inner_text(),
            "marked": [m.lower() for m in link.locator("mark").all_inner_texts()],
        })
    return results


@pytest.mark.parametrize("query, target, words", FINDS)
def test_search_finds(page, site, query, target, words):
    page.goto(site.url())
    settle(page)
    results = search(page, query)
    meta = page.locator(".md-search-result__meta").inner_text()
    assert "No matching" not in meta
    hits = [r for r in results if r["target"] == target]
    assert hits, f"{query!r} does not offer /{target}; it offers {[r['target'] for r in results]}"
    assert words.lower() in hits[0]["text"].lower()
    assert page.watch.problems() == []


def test_a_sector_is_the_first_result_for_its_name(page, site):
    page.goto(site.url())
    settle(page)
    results = search(page, "mining")
    assert results[0]["target"] == "program/sectors/mining/"
    assert results[0]["title"] == "Mining"


def test_an_export_result_highlights_the_word(page, site):
    page.goto(site.url())
    settle(page)
    goods = [r for r in search(page, "uranium") if r["target"] == "trade/#goods"]
    assert goods and any(m.startswith("uranium") for m in goods[0]["marked"])


def test_a_query_with_no_result_says_so(page, site):
    page.goto(site.url())
    settle(page)
    results = search(page, "xylophonequartz")
    assert results == []
    assert page.locator(".md-search-result__meta").inner_text().strip() == "No matching documents"
    assert page.locator(".md-search-result__meta").is_visible()


def test_following_a_result_opens_the_milestone(page, site):
    page.goto(site.url("sources/"))
    settle(page)
    search(page, "small-scale production")
    page.locator('.md-search-result__link[href*="#milestone-small-scale-production"]').click()
    page.wait_for_url("**/kia-plant/**#milestone-small-scale-production")
    heading = page.locator("#milestone-small-scale-production")
    assert heading.is_visible()
    assert heading.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight }")
    # search.highlight marks the words on the page it opens
    assert "production" in [m.lower() for m in page.locator("article mark").all_inner_texts()]
    assert page.watch.problems() == []
