"""The Kia plant: its summary card and the visual timeline of its milestones."""

from __future__ import annotations

from .. import status
from ..model import Dataset, Milestone
from . import site_map
from .context import RenderContext
from .evidence import date_html, details, inferred_badge, quote_title
from .html import esc
from .values import format_value

BACKGROUND_BADGE = '<span class="kz-badge kz-badge--background" title="Not from the sources">background, not from the sources</span>'
STATE_WORDS = {"done": "Done", "in-progress": "In progress", "planned": "Planned",
               "overdue": "Planned, date passed", "unconfirmed": "Not confirmed since the report"}
UNCONFIRMED_MARK = '<strong class="kz-unconfirmed">Not confirmed since {date}</strong>'


def milestone_state(data: Dataset, milestone: Milestone) -> str:
    """done | in-progress | planned | overdue (planned, its date passed) | unconfirmed (status.py)."""
    confirmation = status.milestone(data, milestone)
    if confirmation.reason == "date-passed":
        return "overdue"
    return "unconfirmed" if confirmation.unconfirmed else milestone.status


def milestone_status_text(data: Dataset, milestone: Milestone) -> str:
    """The status sentence; a passed plan never reads as done, nor an old report as current."""
    text = status.sentence(status.milestone(data, milestone), data.horizon_months)
    if milestone.status == "planned" and milestone.date:
        return f"scheduled for {milestone.date.label()}, {text}"
    return text


def unconfirmed_mark(confirmation: status.Confirmation) -> str:
    """A visible 'Not confirmed since DATE' beside a status or role; '' when confirmed."""
    return (" " + UNCONFIRMED_MARK.format(date=esc(confirmation.reported.label()))) if confirmation.unconfirmed else ""


def as_of_html(data: Dataset, confirmation: status.Confirmation) -> str:
    """'as reported on DATE' (with the inferred mark when the date is), then why it is not confirmed since."""
    key = "reported_on" if confirmation.reported.precision == "day" else "reported_in"
    text = esc(status.WORDS[key].format(date=confirmation.reported.label()))
    if confirmation.reported_inferred:
        text += ' <span class="kz-badge kz-badge--inferred">date inferred</span>'
    if confirmation.unconfirmed:
        text += (f".{unconfirmed_mark(confirmation)}: "
                 f"{esc(status.why_unconfirmed(confirmation, data.horizon_months))}")
    return text


def since_attr(confirmation: status.Confirmation) -> str:
    since = confirmation.unconfirmed_since
    return since.iso() if since else ""


def _date_cell(ctx: RenderContext, milestone: Milestone) -> str:
    if milestone.date is None:
        before = next(m for m in ctx.data.milestones if m.id == milestone.after_id)
        return f'<span class="kz-undated">Date not reported; after “{esc(ctx.text(before.title))}”</span>'
    badge = inferred_badge(milestone.inferred, "date", "year inferred" if milestone.date.precision != "year" else "inferred")
    return date_html(milestone.date) + badge


def timeline(ctx: RenderContext) -> str:
    items = []
    for milestone in ctx.data.timeline():
        state = milestone_state(ctx.data, milestone)
        confirmation = status.milestone(ctx.data, milestone)
        anchor = site_map.anchor("milestone", milestone.id)
        title = esc(ctx.text(milestone.title))
        items.append(
            f'<li class="kz-timeline__item kz-state--{state}" data-date="{esc(milestone.date.iso() if milestone.date else "")}">'
            f'<p class="kz-timeline__date">{_date_cell(ctx, milestone)}</p>'
            f'<h3 class="kz-timeline__title" id="{esc(anchor)}">{title}'
            f'<a class="headerlink" href="#{esc(anchor)}" title="Permanent link" aria-label="Permanent link to {title}">¶</a></h3>'
            f'<p class="kz-timeline__status" data-unconfirmed-since="{esc(since_attr(confirmation))}">'
            f'<span class="kz-status kz-status--{state}">{esc(STATE_WORDS[milestone.status if state == "unconfirmed" else state])}</span> '
            + (f'scheduled for {esc(milestone.date.label())}, ' if milestone.status == "planned" and milestone.date else "")
            + f'{as_of_html(ctx.data, confirmation)}</p>'
            + details(ctx, milestone.evidence, statement_ids=milestone.statement_ids, inferred=milestone.inferred)
            + "</li>"
        )
    return '<ol class="kz-timeline">' + "".join(items) + "</ol>"


def plant_status(ctx: RenderContext) -> str:
    """'Under construction, as reported on 13 November 2023; not confirmed since then: ...'."""
    confirmation = status.plant(ctx.data)
    return (f'<span class="kz-plant-status" data-unconfirmed-since="{esc(since_attr(confirmation))}">'
            f'{esc(ctx.text(ctx.data.plant.status_text))}, {as_of_html(ctx.data, confirmation)}</span>')


def plant_status_line(ctx: RenderContext) -> str:
    """The plant's status for the home page, linking to its page."""
    plant = ctx.data.plant
    href = ctx.link(site_map.PLANT)
    return (f'<p class="kz-card kz-plant-status-line"><a href="{esc(href)}"><strong>{esc(ctx.text(plant.name))}</strong></a>: '
            f'{plant_status(ctx)}</p>')


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
    rows.append(("Status", plant_status(ctx)))
    body = "".join(f"<tr><th scope=\"row\">{label}</th><td>{value}</td></tr>" for label, value in rows)
    return (
        f'<div class="kz-card kz-plant-card"><table class="kz-summary"><caption>{esc(ctx.text(plant.name))}</caption>'
        f"<tbody>{body}</tbody></table>"
        + details(ctx, plant.status_evidence, summary="Source of the status")
        + "</div>"
    )
