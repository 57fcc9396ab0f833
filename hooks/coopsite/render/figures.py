"""Key figures as plain values for the templates: cards grouped by topic (figures.md), lists of named
figures (figure-list.html) and the home page's headline tiles (headline-figures.html)."""

from __future__ import annotations

from typing import Iterable

from .. import formats
from ..model import DerivedFigure, Figure
from . import evidence, site_map
from .context import RenderContext


def link_view(ctx: RenderContext, figure: Figure | DerivedFigure) -> dict:
    """What a link to a figure shows (partials/figure-link.html): its value, label, and the quote or
    formula one hover away."""
    derived = isinstance(figure, DerivedFigure)
    formula = formats.formula(ctx.data, figure, ctx.lang) if derived else None
    cited = None if derived else evidence.view(ctx, figure.evidence, statement_ids=figure.statement_ids,
                                               inferred=figure.inferred)
    return {
        "id": figure.id,
        "href": ctx.link(site_map.FIGURES, site_map.anchor("figure", figure.id)),
        "value": formats.format_value(figure, ctx.lang),
        "label": ctx.text(figure.label),
        "as_of": figure.as_of.label(),
        "expected": figure.outlook == "expected",
        "formula": formula,
        "evidence": cited,
        "hover": ctx.gettext("Derived: %(formula)s", formula=formula) if derived else cited["hover"],
    }


def _notes(ctx: RenderContext, figure: Figure) -> list[dict]:
    return [{"text": ctx.text(item.note),
             "others": [link_view(ctx, ctx.data.figures[other]) for other in item.figure_ids if other != figure.id]}
            for item in ctx.data.discrepancies_for(figure.id)]


def figure_view(ctx: RenderContext, figure: Figure | DerivedFigure) -> dict:
    """Everything a figure's card or list item shows (partials/figure-card.html)."""
    view = link_view(ctx, figure)
    view.update(anchor=site_map.anchor("figure", figure.id), machine_value=formats.machine_value(figure),
                unit=figure.unit.id)
    if isinstance(figure, DerivedFigure):
        view.update(note=ctx.text(figure.note) if figure.note else None,
                    inputs=[link_view(ctx, ctx.data.any_figure(i)) for i in figure.input_ids])
    else:
        view.update(as_of_inferred="as_of" in figure.inferred, notes=_notes(ctx, figure))
    return view


def figures_by_topic(ctx: RenderContext) -> str:
    """Markdown: a heading per topic (so the table of contents lists them), then its cards."""
    topics = []
    for topic in ctx.data.topics.values():
        listed = [*ctx.data.figures_in(topic.id), *ctx.data.derived_in(topic.id)]
        if listed:
            topics.append({"name": ctx.text(topic.name), "anchor": site_map.anchor("topic", topic.id),
                           "figures": [figure_view(ctx, f) for f in listed]})
    return ctx.render("figures.md", topics=topics)


def figure_list(ctx: RenderContext, figure_ids: Iterable[str]) -> str:
    """Cards for named figures, as on the program and trade pages; the permalink stays on Key figures."""
    return ctx.render("figure-list.html", figures=[figure_view(ctx, ctx.data.figures[i]) for i in figure_ids])


def headline_figures(ctx: RenderContext) -> str:
    return ctx.render("headline-figures.html",
                      figures=[link_view(ctx, f) for f in ctx.data.figures.values() if f.headline])
