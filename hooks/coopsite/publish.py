"""The files that make the site findable and followable, by path under the site's root: one Atom
feed per edition and robots.txt naming the sitemap. (MkDocs writes sitemap.xml itself, from the
theme's `sitemap.xml` template; overrides/sitemap.xml adds each edition's alternates.)"""

from __future__ import annotations

import datetime as dt

from . import feed
from .catalog import N_, translations
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


# The words of the head's meta (overrides/partials/publish-meta.html), in each edition's language.
HEAD_WORDS = {
    "feed_link": N_("%(site)s: Kia plant timeline and key figures (Atom feed)"),
    "card_image_alt": N_("%(site)s: the site's mark, two linked rings, and its name"),
}


def head_words(lang: str, site_name: str) -> dict[str, str]:
    gettext = translations(lang).gettext
    return {key: gettext(message) % {"site": site_name} for key, message in HEAD_WORDS.items()}


def template_globals(editions: tuple[Edition, ...] = EDITIONS) -> dict:
    """What the head and sitemap templates need to name editions, alternates and feeds."""
    return {"editions": editions, "edition_of": lambda url: edition_of(url or "", editions),
            "edition_alternates": lambda url: alternates(url or "", editions), "head_words": head_words}
