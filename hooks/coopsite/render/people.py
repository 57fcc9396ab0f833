"""Who said what (templates/people.md): each person with their role and statements, each statement with its quote."""

from __future__ import annotations

from .. import rules, status
from ..model import Statement
from . import evidence, site_map
from .context import RenderContext
from .plant import confirmation_view


def _link_inferred(ctx: RenderContext, fact, statement_id: str) -> bool:
    """The link is marked inferred and the article does not itself make it."""
    return "statements" in fact.inferred and not rules.tied_by_article(ctx.data, fact, statement_id)


def _supported_facts(ctx: RenderContext, statement_id: str) -> list[dict]:
    links = []
    supported = ctx.data.facts_supported_by(statement_id)
    for milestone in supported["milestones"]:
        links.append({"href": ctx.link(site_map.PLANT, site_map.anchor("milestone", milestone.id)),
                      "text": ctx.text(milestone.title), "inferred": _link_inferred(ctx, milestone, statement_id)})
    for figure in supported["figures"]:
        links.append({"href": ctx.link(site_map.FIGURES, site_map.anchor("figure", figure.id)),
                      "text": ctx.text(figure.label), "inferred": _link_inferred(ctx, figure, statement_id)})
    for sector in supported["sectors"]:
        links.append({"href": ctx.link(site_map.sector_page(sector.id)), "text": ctx.text(sector.name),
                      "inferred": _link_inferred(ctx, sector, statement_id)})
    return links


def statement_view(ctx: RenderContext, statement: Statement) -> dict:
    source = ctx.data.sources[statement.evidence.source_id]
    return {
        "anchor": site_map.anchor("statement", statement.id),
        "summary": ctx.text(statement.summary),
        "date": evidence.date_view(statement.date, ctx.lang) if statement.date else None,
        "date_inferred": "date" in statement.inferred,
        "reported": evidence.date_view(source.published, ctx.lang),
        "reported_inferred": "published" in source.inferred,
        "direct": statement.direct,
        "supports": _supported_facts(ctx, statement.id),
        "evidence": evidence.view(ctx, statement.evidence, inferred=statement.inferred),
    }


def people(ctx: RenderContext) -> str:
    listed = [{
        "name": ctx.person_name(person.id),
        "anchor": site_map.anchor("person", person.id),
        "role": ctx.text(person.role),
        "confirmation": confirmation_view(ctx.data, status.role(ctx.data, person), ctx.lang),
        "statements": [statement_view(ctx, s) for s in ctx.data.statements_of(person.id)],
    } for person in ctx.data.people.values()]
    return ctx.render("people.md", people=listed)
