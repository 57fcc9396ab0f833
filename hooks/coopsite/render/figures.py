"""Key figures: cards grouped by topic, and the headline figures for the home page."""

from __future__ import annotations

from typing import Iterable

from ..model import Figure
from . import site_map
from .context import RenderContext
from .evidence import details, inferred_badge, quote_title, source_link
from .derived import derived_card
from .html import esc, md_text
from .values import format_value, machine_value


def _meta(ctx: RenderContext, figure: Figure) -> str:
    parts = []
    if figure.outlook == "expected":
        parts.append('<span class="kz-badge kz-badge--expected">expected</span>')
    as_of = f"as of {esc(figure.as_of.label())}" + inferred_badge(figure.inferred, "as_of")
    parts.append(as_of)
    return " · ".join(parts)


def discrepancy_notes(ctx: RenderContext, figure: Figure) -> str:
    notes = []
    for item in ctx.data.discrepancies_for(figure.id):
        others = []
        for other_id in item.figure_ids:
            if other_id == figure.id:
                continue
            other = ctx.data.figures[other_id]
            href = ctx.link(site_map.FIGURES, site_map.anchor("figure", other_id))
            others.append(f'<a href="{esc(href)}">{esc(format_value(other, ctx.lang))}</a>')
        see = f" See also: {', '.join(others)}." if others else ""
        notes.append(f'<p class="kz-note"><strong>Note:</strong> {esc(ctx.text(item.note))}{see}</p>')
    return "".join(notes)


def figure_card(ctx: RenderContext, figure: Figure, heading: str = "h3") -> str:
    anchor = site_map.anchor("figure", figure.id)
    label = esc(ctx.text(figure.label))
    return (
        f'<div class="kz-figure" data-figure="{esc(figure.id)}" data-value="{esc(machine_value(figure))}" data-unit="{esc(figure.unit.id)}">'
        f'<{heading} class="kz-figure__label" id="{esc(anchor)}">{label}'
        f'<a class="headerlink" href="#{esc(anchor)}" title="Permanent link" aria-label="Permanent link to {label}">¶</a></{heading}>'
        f'<p class="kz-figure__value">{esc(format_value(figure, ctx.lang))}</p>'
        f'<p class="kz-figure__meta">{_meta(ctx, figure)}</p>'
        + discrepancy_notes(ctx, figure)
        + details(ctx, figure.evidence, statement_ids=figure.statement_ids, inferred=figure.inferred)
        + "</div>"
    )



def figures_by_topic(ctx: RenderContext) -> str:
    """Markdown: a heading per topic (so the table of contents lists them), then its cards."""
    blocks = []
    for topic in ctx.data.topics.values():
        figures = ctx.data.figures_in(topic.id)
        computed = ctx.data.derived_in(topic.id)
        if not figures and not computed:
            continue
        blocks.append(f"## {md_text(ctx.text(topic.name))} {{#{site_map.anchor('topic', topic.id)}}}")
        cards = "".join(figure_card(ctx, figure) for figure in figures) + "".join(derived_card(ctx, d) for d in computed)
        blocks.append(f'<div class="kz-figures">{cards}</div>')
    return "\n\n".join(blocks)


def figure_list(ctx: RenderContext, figure_ids: Iterable[str]) -> str:
    """Cards for named figures, as on the program and trade pages; the permalink stays on Key figures."""
    items = []
    for figure_id in figure_ids:
        figure = ctx.data.figures[figure_id]
        href = ctx.link(site_map.FIGURES, site_map.anchor("figure", figure_id))
        items.append(
            f'<li data-figure="{esc(figure_id)}"><a href="{esc(href)}"{quote_title(ctx, figure.evidence)}><strong>{esc(format_value(figure, ctx.lang))}</strong></a> '
            f'{esc(ctx.text(figure.label))} ({_meta(ctx, figure)})'
            + discrepancy_notes(ctx, figure)
            + details(ctx, figure.evidence, statement_ids=figure.statement_ids, inferred=figure.inferred)
            + "</li>"
        )
    return f'<ul class="kz-figure-list">{"".join(items)}</ul>' if items else ""


LEFT_OUT_WORDS = {"caption": "Numbers in the sources that are not figures", "words": "The article's words",
                  "reason": "Why it is not a figure", "source": "Source"}


def left_out(ctx: RenderContext) -> str:
    """Every number or numeric claim in the sources deliberately left out, with the reason."""
    rows = "".join(
        f'<tr><td><q>{esc(item.words)}</q></td><td>{esc(ctx.text(item.reason))}</td>'
        f'<td>{source_link(ctx, item.source_id)}</td></tr>'
        for item in ctx.data.left_out
    )
    if not rows:
        return ""
    head = "".join(f'<th scope="col">{esc(LEFT_OUT_WORDS[k])}</th>' for k in ("words", "reason", "source"))
    return (f'<div class="kz-table-wrap"><table class="kz-left-out"><caption>{esc(LEFT_OUT_WORDS["caption"])}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>")


def headline_figures(ctx: RenderContext) -> str:
    tiles = []
    for figure in ctx.data.figures.values():
        if not figure.headline:
            continue
        href = ctx.link(site_map.FIGURES, site_map.anchor("figure", figure.id))
        tiles.append(
            f'<a class="kz-tile" data-figure="{esc(figure.id)}" href="{esc(href)}"{quote_title(ctx, figure.evidence)}>'
            f'<span class="kz-tile__value">{esc(format_value(figure, ctx.lang))}</span> '
            f'<span class="kz-tile__label">{esc(ctx.text(figure.label))}</span> '
            f'<span class="kz-tile__meta">{"expected, " if figure.outlook == "expected" else ""}as of {esc(figure.as_of.label())}'
            f'{inferred_badge(figure.inferred, "as_of")}</span></a>'
        )
    return f'<div class="kz-tiles">{"".join(tiles)}</div>'
