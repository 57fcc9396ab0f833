"""Each edition in the browser: the language selector takes the reader to the same page in another
edition. (Each edition's search index and its probes in every script: tests/test_editions.py and
tests/test_glossary.py.)"""

from __future__ import annotations

from urllib.parse import urlsplit

from .conftest import settle


def test_the_language_selector_opens_the_same_page_in_another_edition(page, site):
    page.goto(site.url("ru/trade/"))
    settle(page)
    page.locator(".md-header__option .md-select").hover()  # the selector opens on hover, as for a reader
    with page.expect_navigation():
        page.locator(".md-select__link[hreflang=ko]").click()
    assert urlsplit(page.url).path.endswith("/ko/trade/")
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.watch.problems() == []
