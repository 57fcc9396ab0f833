"""Sources (templates/sources.md): each article with its date at its precision, and every fact that cites it."""

from __future__ import annotations

from . import evidence, site_map
from .context import RenderContext
from ..formats import format_value, language_name


def _link(ctx: RenderContext, kind: str, item) -> dict:
    """Where a citing fact lives and how it is named."""
    if kind == "figures":
        text = f"{format_value(item, ctx.lang)}: {ctx.text(item.label)}"
    elif kind == "statements":
        text = f"{ctx.person_name(item.person_id)}: {ctx.text(item.summary)}"
    else:
        text = ctx.text(item.title if kind == "milestones" else item.name)
    return {"href": ctx.link(*site_map.shown_at(kind, item.id)), "text": text}


def sources(ctx: RenderContext) -> str:
    listed = [{
        "title": ctx.text(source.title),
        "anchor": site_map.anchor("source", source.id),
        "summary": ctx.text(source.summary) if source.summary else None,
        "headline": source.headline,
        "headline_translation": evidence.translation_view(ctx, source.headline_translation),
        "outlet": source.outlet,
        "published": evidence.date_view(source.published, ctx.lang),
        "precision": source.published.precision,
        "published_inferred": "published" in source.inferred,
        "language": source.language,
        "language_name": language_name(source.language, ctx.lang),
        "url": source.url,
        "archived": source.archived,
        "notes": ctx.text(source.notes) if source.notes else None,
        "inferred": evidence.inferred_notes(ctx, source.inferred),
        "cited_by": [{"kind": kind, "links": [_link(ctx, kind, item) for item in items]}
                     for kind, items in ctx.data.facts_citing(source.id).items() if items],
    } for source in ctx.data.sources.values()]
    return ctx.render("sources.md", sources=listed)
