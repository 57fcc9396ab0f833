"""The Kia plant: its summary card and the visual timeline of its milestones."""

from __future__ import annotations

import datetime as dt

from ..model import Milestone
from . import site_map
from .context import RenderContext
from .evidence import date_html, details, inferred_badge, quote_title
from .html import esc
from .values import format_value

BACKGROUND_BADGE = '<span class="kz-badge kz-badge--background" title="Not from the sources">background, not from the sources</span>'
STATE_WORDS = {"done": "Done", "in-progress": "In progress", "planned": "Planned", "overdue": "Planned, date passed"}


def milestone_state(milestone: Milestone, today: dt.date) -> str:
    """done | in-progress | planned | overdue (planned, its date passed, no later report)."""
    if milestone.status == "planned" and milestone.date and milestone.date.end < today:
        return "overdue"
    return milestone.status


def milestone_status_text(milestone: Milestone, today: dt.date) -> str:
    """The status sentence; a passed plan never reads as done."""
    reported = milestone.reported.label()
    state = milestone_state(milestone, today)
    when = milestone.date.label() if milestone.date else None
    if state == "overdue":
        return f"Scheduled for {when} as reported on {reported}; no later report"
    if state == "planned":
        return f"scheduled for {when}, as reported on {reported}" if when else f"as reported on {reported}"
    return f"as reported on {reported}"


def _date_cell(ctx: RenderContext, milestone: Milestone) -> str:
    if milestone.date is None:
        before = next(m for m in ctx.data.milestones if m.id == milestone.after_id)
        return f'<span class="kz-undated">Date not reported; after “{esc(ctx.text(before.title))}”</span>'
    badge = inferred_badge(milestone.inferred, "date", "year inferred" if milestone.date.precision != "year" else "inferred")
    return date_html(milestone.date) + badge


def timeline(ctx: RenderContext) -> str:
    items = []
    for milestone in ctx.data.timeline():
        state = milestone_state(milestone, ctx.today)
        anchor = site_map.anchor("milestone", milestone.id)
        title = esc(ctx.text(milestone.title))
        items.append(
            f'<li class="kz-timeline__item kz-state--{state}" data-date="{esc(milestone.date.iso() if milestone.date else "")}">'
            f'<p class="kz-timeline__date">{_date_cell(ctx, milestone)}</p>'
            f'<h3 class="kz-timeline__title" id="{esc(anchor)}">{title}'
            f'<a class="headerlink" href="#{esc(anchor)}" title="Permanent link" aria-label="Permanent link to {title}">¶</a></h3>'
            f'<p class="kz-timeline__status"><span class="kz-status kz-status--{state}">{esc(STATE_WORDS[state])}</span> '
            f'{esc(milestone_status_text(milestone, ctx.today))}</p>'
            + details(ctx, milestone.evidence, statement_ids=milestone.statement_ids, inferred=milestone.inferred)
            + "</li>"
        )
    return '<ol class="kz-timeline">' + "".join(items) + "</ol>"


def plant_card(ctx: RenderContext) -> str:
    plant = ctx.data.plant
    place = ctx.data.places[plant.place_id]
    rows = [
        ("Partner", esc(plant.partner)),
        ("Place", esc(ctx.text(place.name)) + (f' <span class="kz-aka">(also spelled {esc(", ".join(place.also_spelled))}; '
                                              f'{BACKGROUND_BADGE})</span>' if place.also_spelled else "")),
        ("Kind", esc(ctx.text(plant.kind))),
    ]
    for figure_id in plant.figure_ids:
        figure = ctx.data.figures[figure_id]
        href = ctx.link(site_map.FIGURES, site_map.anchor("figure", figure_id))
        outlook = " (expected)" if figure.outlook == "expected" else ""
        rows.append((esc(ctx.text(figure.label)), f'<a href="{esc(href)}"{quote_title(ctx, figure.evidence)}>{esc(format_value(figure, ctx.lang))}</a>{esc(outlook)}'))
    source = ctx.data.sources[plant.status_evidence.source_id]
    rows.append(("Status", f'{esc(ctx.text(plant.status_text))}, as reported on {esc(source.published.label())}'))
    body = "".join(f"<tr><th scope=\"row\">{label}</th><td>{value}</td></tr>" for label, value in rows)
    return (
        f'<div class="kz-card kz-plant-card"><table class="kz-summary"><caption>{esc(ctx.text(plant.name))}</caption>'
        f"<tbody>{body}</tbody></table>"
        + details(ctx, plant.status_evidence, summary="Source of the status")
        + "</div>"
    )
