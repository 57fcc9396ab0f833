"""The Kia plant: its summary card (plant-card.html), its status line (plant-status.html) and the
timeline of its milestones (timeline.html), each status "as reported" and "not confirmed since" (status.py)."""

from __future__ import annotations

from typing import Optional

from .. import status
from ..dates import PartialDate
from ..model import Dataset, Milestone
from . import evidence, site_map
from .as_of import confirmation_view
from .context import RenderContext
from .figures import link_view
from .ui import N_

STATE_WORDS = {"done": N_("Done"), "in-progress": N_("In progress"), "planned": N_("Planned"),
               "overdue": N_("Planned, date passed"), "unconfirmed": N_("Not confirmed since the report")}


def milestone_state(data: Dataset, milestone: Milestone) -> str:
    """done | in-progress | planned | overdue (planned, its date passed) | unconfirmed (status.py)."""
    confirmation = status.milestone(data, milestone)
    if confirmation.reason == "date-passed":
        return "overdue"
    return "unconfirmed" if confirmation.unconfirmed else milestone.status


def milestone_status_text(data: Dataset, milestone: Milestone) -> str:
    """The status sentence as plain text; a passed plan never reads as done, nor an old report as current."""
    text = status.sentence(status.milestone(data, milestone), data.horizon_months)
    if milestone.status == "planned" and milestone.date:
        return f"scheduled for {milestone.date.label()}, {text}"
    return text


def slip_months(planned: PartialDate, actual: PartialDate) -> int:
    """Whole months the actual date lies after the planned period (negative: before it; 0: within it)."""
    if actual.start > planned.end:
        return max(1, (actual.end.year - planned.end.year) * 12 + actual.end.month - planned.end.month)
    if actual.end < planned.start:
        return -max(1, (planned.start.year - actual.start.year) * 12 + planned.start.month - actual.start.month)
    return 0


def planned_view(ctx: RenderContext, milestone: Milestone) -> Optional[dict]:
    """Planned versus actual: the first report, when a later one changed the state or date, and the slip."""
    first, latest = milestone.first_report, milestone.history[-1]
    if first is None:
        return None
    slip = slip_months(first.date, latest.date) if first.date and latest.date else None
    return evidence.first_report_view(ctx, first, state_word=ctx.gettext(STATE_WORDS[first.status]), slip=slip,
                                      date=evidence.date_view(first.date, ctx.lang) if first.date else None,
                                      slip_abs=abs(slip) if slip is not None else None)


def timeline(ctx: RenderContext) -> str:
    milestones = []
    for milestone in ctx.data.timeline():
        state = milestone_state(ctx.data, milestone)
        after = ctx.text(ctx.data.index.milestone_by_id[milestone.after_id].title) if milestone.date is None else None
        milestones.append({
            "entry": milestone,  # the declared fields themselves, for a template to show a new one
            "state": state,
            "state_word": ctx.gettext(STATE_WORDS[milestone.status if state == "unconfirmed" else state]),
            "iso": milestone.date.iso() if milestone.date else "",
            "date": evidence.date_view(milestone.date, ctx.lang) if milestone.date else None,
            # an inferred date belongs to the report it was inferred from, the first
            "date_inferred": "date" in milestone.inferred and milestone.date == milestone.history[0].date,
            "year_only": milestone.date is not None and milestone.date.precision == "year",
            "after": after,
            "anchor": site_map.anchor("milestone", milestone.id),
            "title": ctx.text(milestone.title),
            "scheduled": milestone.date.label(ctx.lang) if milestone.status == "planned" and milestone.date else None,
            "confirmation": confirmation_view(ctx.data, status.milestone(ctx.data, milestone), ctx.lang),
            "planned": planned_view(ctx, milestone),
            "evidence": evidence.view(ctx, milestone.evidence, statement_ids=milestone.statement_ids,
                                      inferred=milestone.inferred),
        })
    return ctx.render("timeline.html", milestones=milestones)


def _plant_status(ctx: RenderContext) -> dict:
    return {"text": ctx.text(ctx.data.plant.status_text), "confirmation": confirmation_view(ctx.data, status.plant(ctx.data), ctx.lang)}


def plant_status_line(ctx: RenderContext) -> str:
    """The plant's status for the home page, linking to its page."""
    return ctx.render("plant-status.html", href=ctx.link(site_map.PLANT), name=ctx.text(ctx.data.plant.name),
                      status=_plant_status(ctx))


def plant_card(ctx: RenderContext) -> str:
    plant = ctx.data.plant
    place = ctx.data.places[plant.place_id]
    return ctx.render("plant-card.html", plant={
        "name": ctx.text(plant.name),
        "partner": plant.partner,
        "place": ctx.text(place.name),
        "also_spelled": place.also_spelled,
        "kind": ctx.text(plant.kind),
        "figures": [link_view(ctx, ctx.data.figures[i]) for i in plant.figure_ids],
        "status": _plant_status(ctx),
        "first": evidence.first_report_view(ctx, plant.first_report, text=ctx.text(plant.first_report.status_text))
                 if plant.first_report else None,
        "evidence": evidence.view(ctx, plant.status_evidence),
    })

