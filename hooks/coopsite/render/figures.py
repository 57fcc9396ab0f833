"""Key figures as plain values for the templates: cards grouped by topic (figures.md), lists of named
figures (figure-list.html), the home page's headline tiles (headline-figures.html) and the numbers
left out of the figures (left-out.html)."""

from __future__ import annotations

from typing import Iterable

from .. import formats, status
from ..model import DerivedFigure, Figure
from . import evidence, site_map
from .as_of import confirmation_view
from .context import RenderContext


def link_view(ctx: RenderContext, figure: Figure | DerivedFigure) -> dict:
    """What a link to a figure shows (partials/figure-link.html): its value, label, and the quote or
    formula one hover away."""
    derived = isinstance(figure, DerivedFigure)
    formula = formats.formula(ctx.data, figure, ctx.lang) if derived else None
    cited = None if derived else _cited(ctx, figure, figure.history[-1] if figure.history else None)
    return {
        "id": figure.id,
        "href": ctx.link(*site_map.shown_at("figures", figure.id)),
        "value": formats.format_value(figure, ctx.lang),
        "label": ctx.text(figure.label),
        "as_of": figure.as_of.label(ctx.lang),
        "expected": figure.outlook == "expected",
        "formula": formula,
        "evidence": cited,
        "hover": _derived_hover(ctx, figure, formula) if derived else cited["hover"],
        "as_of_inferred": _as_of_inferred(ctx, figure),
        "confirmation": confirmation_view(ctx.data, status.figure(ctx.data, figure), ctx.lang),
    }


def _derived_hover(ctx: RenderContext, figure: DerivedFigure, formula: str) -> str:
    """The formula, and the assumption it rests on."""
    text = ctx.gettext("Derived: %(formula)s", formula=formula)
    if figure.assumption:
        text = ctx.gettext("%(text)s. Assumption: %(assumption)s", text=text, assumption=ctx.text(figure.assumption))
    return text


def _as_of_inferred(ctx: RenderContext, figure: Figure | DerivedFigure) -> bool:
    """A reported figure's date marked inferred; a derived figure's date comes from its latest input,
    so it is inferred when that input's is."""
    if isinstance(figure, Figure):  # what is inferred belongs to the figure's own (first) report
        return "as_of" in figure.inferred and (not figure.history or figure.as_of == figure.history[0].as_of)
    return any(isinstance(i, Figure) and i.as_of == figure.as_of and "as_of" in i.inferred
               for i in map(ctx.data.any_figure, figure.input_ids))


def _notes(ctx: RenderContext, figure: Figure) -> list[dict]:
    return [{"text": ctx.text(item.note), "place": lambda note_id=item.id: ctx.citations.place_note(note_id),
             "others": [link_view(ctx, ctx.data.figures[other]) for other in item.figure_ids if other != figure.id]}
            for item in ctx.data.discrepancies_for(figure.id)]


def figure_view(ctx: RenderContext, figure: Figure | DerivedFigure) -> dict:
    """Everything a figure's card or list item shows (partials/figure-card.html)."""
    view = link_view(ctx, figure)
    view.update(anchor=site_map.anchor("figure", figure.id), machine_value=formats.machine_value(figure),
                unit=figure.unit.id)
    if isinstance(figure, DerivedFigure):
        view.update(assumption=ctx.text(figure.assumption) if figure.assumption else None,
                    inputs=[link_view(ctx, ctx.data.any_figure(i)) for i in figure.input_ids])
    else:
        view.update(notes=_notes(ctx, figure), **_history_view(ctx, figure))
    return view


def _history_view(ctx: RenderContext, figure: Figure) -> dict:
    """When later reports changed the number: the latest report's date, and each earlier number that differs
    with the date it was reported (oldest first), each cited."""
    if figure.first_report is None:
        return {"reported": None, "earlier": []}
    latest = figure.history[-1]
    return {
        "reported": _reported_view(ctx, latest),
        "earlier": [{"value": formats.format_value(report, ctx.lang), "as_of": report.as_of.label(ctx.lang),
                     "expected": report.outlook == "expected", **_reported_view(ctx, report),
                     "evidence": _cited(ctx, figure, report)}
                    for report in figure.history[:-1] if report.stated != latest.stated],
    }


def _cited(ctx: RenderContext, figure: Figure, report) -> dict:
    """A report's evidence; the statements and inferences the entry names go with its own (first) report."""
    if report is None or report is figure.history[0]:
        return evidence.view(ctx, figure.evidence if report is None else report.evidence,
                             statement_ids=figure.statement_ids, inferred=figure.inferred)
    return evidence.view(ctx, report.evidence)


def _reported_view(ctx: RenderContext, report) -> dict:
    """When a report was published (partials/figure-meta.html reported_on), its date marked when inferred."""
    return {"date": report.reported.label(ctx.lang), "on": report.reported.precision == "day",
            "inferred": "published" in ctx.data.sources[report.source_id].inferred}


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


def left_out(ctx: RenderContext) -> str:
    """Every number or numeric claim in the sources deliberately left out, with the reason."""
    rows = [{"words": item.words, "lang": ctx.data.sources[item.source_id].language,
             "translation": evidence.translation_view(ctx, item.words_translation), "reason": ctx.text(item.reason),
             "source": evidence.source_view(ctx, item.source_id)}
            for item in ctx.data.left_out]
    return ctx.render("left-out.html", rows=rows)


def headline_figures(ctx: RenderContext) -> str:
    return ctx.render("headline-figures.html",
                      figures=[link_view(ctx, f) for f in ctx.data.figures.values() if f.headline])
