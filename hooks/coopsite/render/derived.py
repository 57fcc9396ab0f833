"""Derived figures as readers see them: labelled "derived", with the formula and the inputs' sources."""

from __future__ import annotations


from .. import derived as derived_math
from ..model import DerivedFigure, Figure
from . import site_map
from .context import RenderContext
from .evidence import details
from .html import esc
from .values import _amount, format_value, machine_value

BADGE = '<span class="kz-badge kz-badge--derived">derived</span>'


def formula(ctx: RenderContext, figure: DerivedFigure) -> str:
    """Plain text: 'US$250 million ÷ 1,500 jobs ≈ US$166,667'."""
    symbol = derived_math.OPERATIONS[figure.operation][0]
    terms = f" {symbol} ".join(format_value(ctx.data.any_figure(i), ctx.lang) for i in figure.input_ids)
    equals = "≈" if derived_math.bounds(figure.value) != derived_math.bounds(figure.exact_value) else "="
    return f"{terms} {equals} {_amount(figure.unit, figure.value, ctx.lang)}"


ASSUMPTION = "Assumption:"


def derived_hover(ctx: RenderContext, figure: DerivedFigure) -> str:
    """A tooltip: the formula and the assumption it rests on."""
    text = "Derived: " + formula(ctx, figure)
    return text + (f". {ASSUMPTION} {ctx.text(figure.assumption)}" if figure.assumption else "")


def _input_item(ctx: RenderContext, input_id: str) -> str:
    item = ctx.data.any_figure(input_id)
    href = ctx.link(site_map.FIGURES, site_map.anchor("figure", input_id))
    head = (f'<a href="{esc(href)}"><strong>{esc(format_value(item, ctx.lang))}</strong></a> '
            f'{esc(ctx.text(item.label))}')
    if isinstance(item, Figure):
        return "<li>" + head + details(ctx, item.evidence, statement_ids=item.statement_ids,
                                       inferred=item.inferred) + "</li>"
    return f'<li>{head} {BADGE}<p class="kz-formula">{esc(formula(ctx, item))}</p></li>'


def inputs_details(ctx: RenderContext, figure: DerivedFigure) -> str:
    """Like the Source block of a reported figure: each input with its own source and quote."""
    items = "".join(_input_item(ctx, i) for i in figure.input_ids)
    return (f'<details class="kz-evidence kz-evidence--derived"><summary>Inputs and their sources</summary>'
            f'<p>Computed when the site is built; no source states this number.</p>'
            f'<ul class="kz-inputs">{items}</ul></details>')


def _meta(ctx: RenderContext, figure: DerivedFigure) -> str:
    parts = []
    if figure.outlook == "expected":
        parts.append('<span class="kz-badge kz-badge--expected">expected</span>')
    # The date comes from the latest input: inferred there, inferred here.
    inferred = any(isinstance(i, Figure) and i.as_of == figure.as_of and "as_of" in i.inferred
                   for i in map(ctx.data.any_figure, figure.input_ids))
    parts.append(f"as of {esc(figure.as_of.label())} (latest input)"
                 + (' <span class="kz-badge kz-badge--inferred">inferred</span>' if inferred else ""))
    return " · ".join(parts)


def derived_card(ctx: RenderContext, figure: DerivedFigure, heading: str = "h3") -> str:
    anchor = site_map.anchor("figure", figure.id)
    label = esc(ctx.text(figure.label))
    note = (f'<p class="kz-note kz-assumption"><strong>{ASSUMPTION}</strong> {esc(ctx.text(figure.assumption))}</p>'
            if figure.assumption else "")
    return (
        f'<div class="kz-figure kz-figure--derived" data-figure="{esc(figure.id)}" data-derived="true" '
        f'data-value="{esc(machine_value(figure))}" data-unit="{esc(figure.unit.id)}">'
        f'<{heading} class="kz-figure__label" id="{esc(anchor)}">{label}'
        f'<a class="headerlink" href="#{esc(anchor)}" title="Permanent link" aria-label="Permanent link to {label}">¶</a></{heading}>'
        f'<p class="kz-figure__value">{esc(format_value(figure, ctx.lang))} {BADGE}</p>'
        f'<p class="kz-formula"><strong>Derived:</strong> {esc(formula(ctx, figure))}</p>'
        + note + f'<p class="kz-figure__meta">{_meta(ctx, figure)}</p>'
        + inputs_details(ctx, figure) + "</div>"
    )
