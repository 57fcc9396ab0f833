"""Each edition in the browser: its search finds names in its own script, and the language selector
takes the reader to the same page in another edition."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .conftest import settle

# (edition root, what a reader of that edition types, the page it must offer)
PROBES = [
    pytest.param("ru/", "Костанай", "ru/kia-plant/", id="ru-city"),
    pytest.param("ru/", "Қостанай", "ru/kia-plant/", id="ru-city-kazakh-spelling"),
    pytest.param("ru/", "завод", "ru/kia-plant/", id="ru-inflected"),  # finds "завода"
    pytest.param("kk/", "Қостанай", "kk/kia-plant/", id="kk-city"),
    pytest.param("kk/", "Kia", "kk/kia-plant/", id="kk-company"),
    pytest.param("ko/", "코스타나이", "ko/kia-plant/", id="ko-city"),
    pytest.param("ko/", "기아", "ko/kia-plant/", id="ko-company"),
]


def results_for(page, query: str) -> list[str]:
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    page.locator(".md-search-result__link").first.wait_for(state="attached", timeout=60_000)  # the index loads first
    previous = None
    for _ in range(40):
        current = page.locator(".md-search-result").inner_text()
        if current == previous:
            break
        previous = current
        page.wait_for_timeout(300)
    return [urlsplit(link.get_attribute("href")).path.lstrip("/") for link in page.locator(".md-search-result__link").all()]


@pytest.mark.parametrize("root, query, target", PROBES)
def test_each_edition_searches_its_own_pages_in_its_script(page, site, root, query, target):
    page.goto(site.url(root))
    settle(page)
    found = results_for(page, query)
    assert any(path.startswith(target) for path in found), f"{query!r} offers {found}"
    assert all(path.startswith(root) for path in found), f"results outside the {root} edition: {found}"
    assert page.watch.problems() == []


def test_the_language_selector_opens_the_same_page_in_another_edition(page, site):
    page.goto(site.url("ru/trade/"))
    settle(page)
    page.locator(".md-select__link[hreflang=ko]").click(force=True)
    page.wait_for_load_state()
    assert urlsplit(page.url).path.endswith("/ko/trade/")
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.watch.problems() == []
