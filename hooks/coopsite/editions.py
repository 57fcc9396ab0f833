"""The site's language editions and the addresses each one gives a page.

English is at the site's root; Russian, Kazakh and Korean at `ru/`, `kk/` and `ko/`. A fifth
edition is one more entry in EDITIONS (plus its texts): the pages of every edition, the language
selector, the sitemap's hreflang alternates, the pages' `og:locale:alternate` and
`<link rel="alternate" hreflang>`, each edition's search index and one feed per edition all
follow from this list.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Edition:
    lang: str  # the key of reader text in the data ("en"), and the edition's hreflang
    locale: str  # Open Graph's language_TERRITORY form ("en_GB")
    root: str = ""  # the edition's folder under the site's root: "" for the default, "ru/" for Russian
    name: str = ""  # the language's name in itself, for the language selector
    search_lang: tuple[str, ...] = ("en",)  # the search's lunr languages (ones Material ships, and "stemquery")
    # the lunr functions kept (Material's search removes the others). Material searches each typed
    # word as a prefix ("завод" finds "завода") and skips the stemmer for it; Russian's index holds
    # stems ("костана" for "Костанай"), so its languages end with "stemquery"
    # (overrides/assets/javascripts/lunr/min/lunr.stemquery.min.js), which stems the typed word with
    # the index's own stemmers first: "Костанаю" and "заводы" find "Костанай" and "завода". English
    # words in it ("Kia") are kept by listing "en" too. Kazakh and Korean add their endings to the
    # word, so a prefix finds "Қостанайда" and "코스타나이에" from "Қостанай" and "코스타나이"; they are
    # only split into words (lunr has no Kazakh; its English trimmer would strip Cyrillic letters).
    search_pipeline: tuple[str, ...] = ("stopWordFilter",)

    @property
    def feed_path(self) -> str:
        return self.root + "feed.xml"

    def url(self, site_url: str, page_url: str = "") -> str:
        """The full address of a page of this edition; `page_url` is relative to the edition's root."""
        return absolute(site_url, self.root + page_url)


# English dates are written day-month-year on the site ("13 November 2023"), hence en_GB.
ALL_EDITIONS: tuple[Edition, ...] = (
    Edition("en", "en_GB", "", "English", ("en",), ("stopWordFilter",)),
    Edition("ru", "ru_RU", "ru/", "Русский", ("ru", "en", "stemquery"), ("trimmer", "stopWordFilter", "stemmer")),
    Edition("kk", "kk_KZ", "kk/", "Қазақша", ("en",), ()),
    Edition("ko", "ko_KR", "ko/", "한국어", ("ko",), ()),
)
# COOPSITE_EDITIONS=en (or en,ru) builds only those editions: a quicker preview of one edition (what
# `make serve` builds unless told EDITIONS=all), and the English-only build the benchmark compares the
# four editions with. Unset, empty or `all`: every edition.
_ONLY = [lang for lang in os.environ.get("COOPSITE_EDITIONS", "").split(",") if lang and lang != "all"]
EDITIONS: tuple[Edition, ...] = tuple(e for e in ALL_EDITIONS if not _ONLY or e.lang in _ONLY or not e.root)
DEFAULT = EDITIONS[0]


def absolute(site_url: str, path: str) -> str:
    """`absolute('https://example.org/kz-kr/', 'feed.xml')` -> 'https://example.org/kz-kr/feed.xml'."""
    if not site_url:
        raise ValueError("site_url is not set: full addresses need it (see mkdocs.yml)")
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def not_built(path: str) -> bool:
    """A page of an edition this build leaves out (COOPSITE_EDITIONS): docs/ru/ when only English is built."""
    return any(e.root and e not in EDITIONS and path.startswith(e.root) for e in ALL_EDITIONS)


def edition_of(page_url: str, editions: tuple[Edition, ...] = EDITIONS) -> Edition:
    """The edition a page belongs to: the one whose root is the longest prefix of its URL."""
    matching = [e for e in editions if page_url.startswith(e.root)]
    return max(matching, key=lambda e: len(e.root)) if matching else editions[0]


# Pages only the default edition has (the editors' guides), by their URL's first part.
DEFAULT_ONLY = ("editing", "data-safety")


def alternates(page_url: str, editions: tuple[Edition, ...] = EDITIONS) -> list[tuple[Edition, str]]:
    """The same page in every edition, as (edition, URL relative to the site's root).

    With a single edition there is nothing to alternate with, and the list is empty, so that no
    page claims hreflang alternates of itself alone.
    """
    if len(editions) < 2:
        return []
    own = edition_of(page_url, editions)
    within = page_url[len(own.root):]
    if within.split("/")[0].split(".")[0] in DEFAULT_ONLY:
        return []
    return [(edition, edition.root + within) for edition in editions]
