"""Where a fact comes from, as plain values for the templates: the source, its date, the quoted words.

templates/partials/evidence.html lays them out as a disclosure; partials/figure-link.html uses
them for the hover text of a link to a figure.
"""

from __future__ import annotations

from typing import Iterable, Mapping, Optional

from ..dates import PartialDate
from ..model import Evidence, Text, Translation
from . import site_map
from .context import RenderContext
from .ui import N_

# The fields a source may leave implicit, named as a reader would ("Inferred date:"); a field not
# listed is named as the data spells it.
INFERRED_FIELD_WORDS = {
    "date": N_("date"), "as_of": N_("as of"), "published": N_("published"), "signed": N_("signed"),
    "place": N_("place"), "statements": N_("statements"), "source": N_("source"), "headline": N_("headline"),
    "sectors": N_("sectors"), "status": N_("status"), "role": N_("role"), "value": N_("value"),
}


def date_view(date: PartialDate, lang: str = "en") -> dict:
    return {"iso": date.html_datetime(), "label": date.label(lang)}


def source_view(ctx: RenderContext, source_id: str) -> dict:
    """A source as a citation names it: its title, link and date ("H2 2019 (inferred)")."""
    source = ctx.data.sources[source_id]
    date = source.published.label(ctx.lang)
    if "published" in source.inferred:
        date = ctx.gettext("%(date)s (inferred)", date=date)
    return {"href": ctx.link(site_map.SOURCES, site_map.anchor("source", source_id)),
            "title": ctx.text(source.title), "date": date}


def statement_links(ctx: RenderContext, statement_ids: Iterable[str]) -> list[dict]:
    """Links to statements, each named by the person who made it."""
    return [{"href": ctx.link(*site_map.shown_at("statements", statement_id)),
             "text": ctx.person_name(ctx.data.statements[statement_id].person_id)} for statement_id in statement_ids]


def inferred_notes(ctx: RenderContext, inferred: Optional[Mapping[str, Text]]) -> list[dict]:
    """One note per inferred field: what was inferred (in the edition's words) and why, in the edition's
    language where translated; `place` says whether the page already gave the same reasoning
    (partials/evidence.html then links to it)."""
    def named(field: str) -> str:
        return ctx.gettext(INFERRED_FIELD_WORDS[field]) if field in INFERRED_FIELD_WORDS else field.replace("_", " ")

    return [{"field": named(name), "reason": ctx.text(reason),
             "place": lambda reason=reason: ctx.citations.place_reason(reason.en)}
            for name, reason in (inferred or {}).items()]


def translation_view(ctx: RenderContext, translation: Optional[Translation]) -> Optional[dict]:
    """The site's translation of an article's words into the edition's language: {text, lang}, or None
    (the English edition, or no translation yet)."""
    text = translation.get(ctx.lang) if translation is not None else None
    return {"text": text, "lang": ctx.lang} if text else None


def first_report_view(ctx: RenderContext, first, **shown) -> dict:
    """The first report, shown beside the latest when a later one changed it: what it said (`shown`), when
    it was reported and its words."""
    return {**shown, "reported": first.reported.label(ctx.lang), "reported_on": first.reported.precision == "day",
            "evidence": view(ctx, first.evidence)}


def view(ctx: RenderContext, evidence: Evidence, *, statement_ids: Iterable[str] = (),
         inferred: Optional[Mapping[str, str]] = None) -> dict:
    """Everything partials/evidence.html shows about one piece of evidence, and the hover text
    of a link to what it supports (the sentence one hover away)."""
    source = ctx.data.sources[evidence.source_id]
    cited = source_view(ctx, evidence.source_id)
    verified = evidence.source_id in ctx.data.source_texts  # rules.check_quotes_verified ran on it
    return {
        "quote": evidence.quote,
        "lang": source.language,
        "translation": translation_view(ctx, evidence.translation),
        "verified": verified,
        "source": cited,
        "hover": ctx.gettext("“%(quote)s” (%(source)s, %(date)s)", quote=evidence.quote, source=cited["title"],
                             date=cited["date"]),
        "cite": ctx.citations.citer(evidence.source_id, evidence.quote, source.language, cited, verified,
                                    translation_view(ctx, evidence.translation)),
        "said_by": statement_links(ctx, statement_ids),
        "inferred": inferred_notes(ctx, inferred),
    }

