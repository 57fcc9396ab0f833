"""The Kia plant: its summary card (plant-card.html) and the timeline of its milestones (timeline.html)."""

from __future__ import annotations

import datetime as dt

from ..model import Milestone
from . import evidence, site_map, ui
from .context import RenderContext
from .figures import link_view
from .ui import N_

STATE_WORDS = {"done": N_("Done"), "in-progress": N_("In progress"), "planned": N_("Planned"),
               "overdue": N_("Planned, date passed")}


def milestone_state(milestone: Milestone, today: dt.date) -> str:
    """done | in-progress | planned | overdue (planned, its date passed, no later report)."""
    if milestone.status == "planned" and milestone.date and milestone.date.end < today:
        return "overdue"
    return milestone.status


def milestone_status_text(milestone: Milestone, today: dt.date, lang: str = "en") -> str:
    """The status sentence; a passed plan never reads as done."""
    _ = ui.translations(lang).gettext
    reported = milestone.reported.label()
    state = milestone_state(milestone, today)
    when = milestone.date.label() if milestone.date else None
    if state == "overdue":
        return _("Scheduled for %(when)s as reported on %(reported)s; no later report") % {"when": when, "reported": reported}
    if state == "planned" and when:
        return _("scheduled for %(when)s, as reported on %(reported)s") % {"when": when, "reported": reported}
    return _("as reported on %(reported)s") % {"reported": reported}


def timeline(ctx: RenderContext) -> str:
    milestones = []
    for milestone in ctx.data.timeline():
        state = milestone_state(milestone, ctx.today)
        after = None
        if milestone.date is None:
            after = ctx.text(next(m for m in ctx.data.milestones if m.id == milestone.after_id).title)
        milestones.append({
            "state": state,
            "state_word": ctx.gettext(STATE_WORDS[state]),
            "iso": milestone.date.iso() if milestone.date else "",
            "date": evidence.date_view(milestone.date) if milestone.date else None,
            "date_inferred": "date" in milestone.inferred,
            "year_only": milestone.date is not None and milestone.date.precision == "year",
            "after": after,
            "anchor": site_map.anchor("milestone", milestone.id),
            "title": ctx.text(milestone.title),
            "status": milestone_status_text(milestone, ctx.today, ctx.lang),
            "evidence": evidence.view(ctx, milestone.evidence, statement_ids=milestone.statement_ids,
                                      inferred=milestone.inferred),
        })
    return ctx.render("timeline.html", milestones=milestones)


def plant_card(ctx: RenderContext) -> str:
    plant = ctx.data.plant
    place = ctx.data.places[plant.place_id]
    source = ctx.data.sources[plant.status_evidence.source_id]
    return ctx.render("plant-card.html", plant={
        "name": ctx.text(plant.name),
        "partner": plant.partner,
        "place": ctx.text(place.name),
        "also_spelled": place.also_spelled,
        "kind": ctx.text(plant.kind),
        "figures": [link_view(ctx, ctx.data.figures[i]) for i in plant.figure_ids],
        "status": ctx.text(plant.status_text),
        "reported": source.published.label(),
        "evidence": evidence.view(ctx, plant.status_evidence),
    })
