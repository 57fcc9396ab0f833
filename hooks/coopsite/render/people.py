"""Who said what (templates/people.md): each person with their role and statements, each statement with its quote."""

from __future__ import annotations

from .. import rules, status
from ..model import Statement
from . import evidence, site_map
from .as_of import confirmation_view
from .context import RenderContext


def _supported_facts(ctx: RenderContext, statement_id: str) -> list[dict]:
    """The milestones, figures and sectors a statement supports, each linked where it is shown; the link
    is inferred when the fact marks it so and the article does not itself make it."""
    named = {"milestones": "title", "figures": "label", "sectors": "name"}
    return [{"href": ctx.link(*site_map.shown_at(kind, fact.id)), "text": ctx.text(getattr(fact, named[kind])),
             "inferred": "statements" in fact.inferred and not rules.tied_by_article(ctx.data, fact, statement_id)}
            for kind, facts in ctx.data.facts_supported_by(statement_id).items() for fact in facts]


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
