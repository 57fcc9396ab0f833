"""Each edition in the browser: the language selector takes the reader to the same page in another
edition; each edition's search, by keyboard, in its own script. (Each edition's search index and
its probes in every script: tests/test_editions.py and tests/test_glossary.py.)"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .conftest import settle


def search_typed(page, query: str) -> list[str]:
    """Type into the focused search box; the results' addresses once the pane stops changing."""
    page.keyboard.type(query)
    # Letters not on the test's keyboard are inserted without a key release, on which Material
    # reads the box; a reader's own layout sends one with each letter. End sends one.
    page.keyboard.press("End")
    page.locator(".md-search-result__link").first.wait_for(state="visible", timeout=60_000)
    previous = None
    for _ in range(40):  # each typed letter starts a new search
        current = page.locator(".md-search-result").inner_text()
        if current == previous:
            break
        previous = current
        page.wait_for_timeout(300)
    return [urlsplit(link.get_attribute("href")).path.lstrip("/")
            for link in page.locator(".md-search-result__link").all()]


def test_the_language_selector_opens_the_same_page_in_another_edition(page, site):
    page.goto(site.url("ru/trade/"))
    settle(page)
    page.locator(".md-header__option .md-select").hover()  # the selector opens on hover, as for a reader
    with page.expect_navigation():
        page.locator(".md-select__link[hreflang=ko]").click()
    assert urlsplit(page.url).path.endswith("/ko/trade/")
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.watch.problems() == []


# One probe per edition, in its script, typed and followed by keyboard alone: the Russian one is a
# form the pages do not contain ("Костанаю", to Kostanai), found only through the stemmer; the
# others find the plant by the city in the edition's script, whose endings a prefix covers.
EDITION_PROBES = [
    pytest.param("ru/", "Костанаю", id="ru"),
    pytest.param("kk/", "Қостанай", id="kk"),
    pytest.param("ko/", "코스타나이", id="ko"),
]


@pytest.mark.parametrize("root, query", EDITION_PROBES)
def test_each_edition_finds_the_plant_by_keyboard_in_its_own_script(page, site, root, query):
    page.goto(site.url(root))
    settle(page)
    page.keyboard.press("/")  # Material's shortcut puts the cursor in the search box
    assert page.evaluate("() => document.activeElement.classList.contains('md-search__input')")
    results = search_typed(page, query)
    assert any(r.startswith(root + "kia-plant/") for r in results), f"{query!r} offers {results}"
    assert all(r.startswith(root) for r in results), results  # the edition's own pages only
    for _ in range(20):  # the arrow keys walk the results; Enter follows one
        page.keyboard.press("ArrowDown")
        if f"/{root}kia-plant/" in (page.evaluate("() => document.activeElement.getAttribute('href')") or ""):
            break
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{root}kia-plant/**")
    assert page.locator("html").get_attribute("lang") == root.strip("/")
    assert page.watch.problems() == []
