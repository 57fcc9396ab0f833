"""The files that make the site findable and followable, by path under the site's root: one Atom
feed per edition and robots.txt naming the sitemap. (MkDocs writes sitemap.xml itself, from the
theme's `sitemap.xml` template; overrides/sitemap.xml adds each edition's alternates.)"""

from __future__ import annotations

import datetime as dt

from . import feed
from .editions import EDITIONS, Edition, absolute, alternates, edition_of
from .model import Dataset


def robots_txt(site_url: str) -> str:
    """Every page may be crawled; the sitemap is named by its full address, as the protocol asks."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {absolute(site_url, 'sitemap.xml')}\n"


def files(data: Dataset, *, site_url: str, site_name: str, today: dt.date, use_directory_urls: bool = True,
          editions: tuple[Edition, ...] = EDITIONS) -> dict[str, str]:
    found = {"robots.txt": robots_txt(site_url)}
    for edition in editions:
        found[edition.feed_path] = feed.atom(data, site_url=site_url, site_name=site_name, today=today,
                                             edition=edition, use_directory_urls=use_directory_urls)
    return found


def template_globals(editions: tuple[Edition, ...] = EDITIONS) -> dict:
    """What the head and sitemap templates need to name editions, alternates and feeds."""
    return {"editions": editions, "edition_of": lambda url: edition_of(url or "", editions),
            "edition_alternates": lambda url: alternates(url or "", editions)}
