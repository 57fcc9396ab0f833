"""Who said what (Markdown: a heading per person): each person with their role and statements, each statement with its quote."""

from __future__ import annotations

from .. import rules, status
from ..model import Statement
from . import site_map
from .context import RenderContext
from .evidence import date_html, details, inferred_badge
from .html import esc, md_text
from .plant import as_of_html, since_attr


def _statement_date(ctx: RenderContext, statement: Statement) -> str:
    if statement.date is None:
        source = ctx.data.sources[statement.evidence.source_id]
        return (f"date not stated; reported {date_html(source.published)}"
                + inferred_badge(source.inferred, "published", "date inferred"))
    return date_html(statement.date) + inferred_badge(statement.inferred, "date", "year inferred")


def _link_mark(ctx: RenderContext, fact, statement_id: str) -> str:
    """'link inferred' when the link is marked inferred and the article does not itself make it."""
    if "statements" not in fact.inferred or rules.tied_by_article(ctx.data, fact, statement_id):
        return ""
    return inferred_badge(fact.inferred, "statements", "link inferred")


def _supported_facts(ctx: RenderContext, statement_id: str) -> str:
    links = []
    supported = ctx.data.facts_supported_by(statement_id)
    for milestone in supported["milestones"]:
        href = ctx.link(site_map.PLANT, site_map.anchor("milestone", milestone.id))
        links.append(f'<a href="{esc(href)}">{esc(ctx.text(milestone.title))}</a>' + _link_mark(ctx, milestone, statement_id))
    for figure in supported["figures"]:
        href = ctx.link(site_map.FIGURES, site_map.anchor("figure", figure.id))
        links.append(f'<a href="{esc(href)}">{esc(ctx.text(figure.label))}</a>' + _link_mark(ctx, figure, statement_id))
    for sector in supported["sectors"]:
        links.append(f'<a href="{esc(ctx.link(site_map.sector_page(sector.id)))}">{esc(ctx.text(sector.name))}</a>'
                     + _link_mark(ctx, sector, statement_id))
    return f'<p class="kz-muted">Supports: {", ".join(links)}</p>' if links else ""


def statement_block(ctx: RenderContext, statement: Statement) -> str:
    anchor = site_map.anchor("statement", statement.id)
    kind = "Quoted" if statement.direct else "Reported speech"
    return (
        f'<div class="kz-statement" id="{esc(anchor)}">'
        f'<p><strong>{esc(ctx.text(statement.summary))}</strong></p>'
        f'<p class="kz-muted">{_statement_date(ctx, statement)} · {kind}</p>'
        + _supported_facts(ctx, statement.id)
        + details(ctx, statement.evidence, inferred=statement.inferred, summary="The article's words")
        + "</div>"
    )


def people(ctx: RenderContext) -> str:
    blocks = []
    for person in ctx.data.people.values():
        anchor = site_map.anchor("person", person.id)
        statements = ctx.data.statements_of(person.id)
        said = "".join(statement_block(ctx, s) for s in statements) or '<p class="kz-muted">Named in the sources; no statement quoted.</p>'
        blocks.append(f"## {md_text(person.name)} {{#{anchor}}}")
        confirmation = status.role(ctx.data, person)
        blocks.append(f'<div class="kz-person"><p class="kz-role" data-unconfirmed-since="{esc(since_attr(confirmation))}">'
                      f'{esc(ctx.text(person.role))} <span class="kz-asof">({as_of_html(ctx.data, confirmation)})'
                      f'</span></p>{said}</div>')
    return "\n\n".join(blocks)
