"""The Atom feed of an edition: each milestone of the timeline and each reported figure, dated by
the report that states it and linked to its permalink on the site; the newest FEED_ENTRIES of them.

Engine-free: it takes the loaded Dataset and returns the feed's text. Entry dates are the sources'
publication dates, never the build's, so an unchanged dataset gives an unchanged feed, and a newer
report of a milestone or figure moves its entry to the top for feed readers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from feedgen.feed import FeedGenerator
from markupsafe import Markup

from .dates import PartialDate
from .editions import EDITIONS, Edition
from .model import Dataset
from . import status
from .render import site_map, ui
from .render.evidence import INFERRED_FIELD_WORDS
from .render.as_of import confirmation_view
from .render.plant import STATE_WORDS, milestone_state
from .render.ui import N_, translations
from .formats import format_value

# The feed's own words, marked for the message catalog and translated per edition; each entry's
# summary comes from templates/feed-summary.html, in the edition's words and date forms.
WORDS = {
    "title": N_("{site}: Kia plant timeline and key figures"),
    "subtitle": N_("Each milestone of the Kia plant in Kostanai and each key figure, dated by the report that states it."),
    "milestone": N_("Milestone"),
    "figure": N_("Figure"),
}


# A feed says what is new: feed readers fetch it again and again, so it holds the newest reports
# only, as blogs' feeds do; the site has every one. Today's data has 24 entries.
FEED_ENTRIES = 50


@dataclass(frozen=True)
class _Entry:
    url: str
    title: str
    summary: str
    kind: str
    reported: PartialDate


def _moment(day: dt.date) -> dt.datetime:
    """Midnight UTC of a day (Atom wants a full timestamp)."""
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.timezone.utc)


def _entries(data: Dataset, edition: Edition, site_url: str, use_directory_urls: bool) -> list[_Entry]:
    lang = edition.lang
    translate = translations(lang).gettext
    env = ui.environment(None, lang)

    def permalink(page: str, kind: str, entry_id: str) -> str:
        page_url = site_map.page_url(page, use_directory_urls)
        return edition.url(site_url, page_url) + "#" + site_map.anchor(kind, entry_id)

    def summary(**values) -> str:
        """The template's text as a feed reader shows it: no markup, words and dates of the edition."""
        return Markup(ui.render(env, "feed-summary.html", {"e": values})).striptags()

    def common(evidence, inferred) -> dict:
        return {"quote": evidence.quote, "source": data.sources[evidence.source_id].title.get(lang),
                "inferred": [{"field": translate(INFERRED_FIELD_WORDS.get(name, name)), "reason": reason.get(lang)}
                             for name, reason in inferred.items()]}

    def milestone_entry(milestone) -> _Entry:
        state = milestone_state(data, milestone)
        text = summary(kind="milestone", when=milestone.date.label(lang) if milestone.date else None,
                       state_word=translate(STATE_WORDS[state]),
                       scheduled=milestone.date.label(lang) if milestone.status == "planned" and milestone.date else None,
                       confirmation=confirmation_view(data, status.milestone(data, milestone), lang),
                       **common(milestone.evidence, milestone.inferred))
        return _Entry(permalink(site_map.PLANT, "milestone", milestone.id),
                      milestone.title.get(lang), text, translate(WORDS["milestone"]), milestone.reported)

    def figure_entry(figure) -> _Entry:
        reported = data.sources[figure.evidence.source_id].published
        value = format_value(figure, lang)
        text = summary(kind="figure", value=value, expected=figure.outlook == "expected",
                       as_of=figure.as_of.label(lang), reported=reported.label(lang),
                       reported_on=reported.precision == "day",
                       **common(figure.evidence, figure.inferred))
        return _Entry(permalink(site_map.FIGURES, "figure", figure.id),
                      f"{figure.label.get(lang)}: {value}", text, translate(WORDS["figure"]), reported)

    candidates = [(m.reported, milestone_entry, m) for m in data.timeline()]
    candidates += [(data.sources[f.evidence.source_id].published, figure_entry, f) for f in data.figures.values()]
    # Newest report first (the timeline's and the figures' own order among equal dates), the newest
    # FEED_ENTRIES only: each is written out only if it is kept.
    newest = sorted(candidates, key=lambda c: c[0].start, reverse=True)[:FEED_ENTRIES]
    return [make(item) for _, make, item in newest]


def atom(data: Dataset, *, site_url: str, site_name: str, today: dt.date, edition: Edition = EDITIONS[0],
         use_directory_urls: bool = True, updated: Optional[dt.datetime] = None) -> str:
    """The edition's Atom feed as text. `site_url` is the site's full address (it must be set)."""
    translate = translations(edition.lang).gettext
    entries = _entries(data, edition, site_url, use_directory_urls)
    feed = FeedGenerator()
    home = edition.url(site_url)
    feed.id(home)
    feed.title(translate(WORDS["title"]).format(site=site_name))
    feed.subtitle(translate(WORDS["subtitle"]))
    feed.author({"name": site_name, "uri": home})
    feed.link(href=home, rel="alternate", type="text/html")
    feed.link(href=edition.url(site_url, edition.feed_path[len(edition.root):]), rel="self",
              type="application/atom+xml")
    feed.language(edition.lang)
    feed.updated(updated or _moment(max((e.reported.start for e in entries), default=today)))
    for item in entries:
        entry = feed.add_entry(order="append")
        entry.id(item.url)
        entry.title(item.title)
        entry.link(href=item.url, rel="alternate", type="text/html")
        entry.summary(item.summary)
        entry.category(term=item.kind.lower(), label=item.kind)
        entry.published(_moment(item.reported.start))  # the first day the report's date names
        entry.updated(_moment(item.reported.start))
    return feed.atom_str(pretty=True).decode("utf-8")
