"""The home page's story: a few sentences generated from the data, each clause linked to its fact
and cited, so that it stays true when the data changes (templates/home-story.html).

What happened (milestones done), what is under way, what was planned and for when, and what has
not been confirmed since the latest report; then the program's period. Only the data's own words
and dates: the sentences' frames are catalog messages with placeholders, so every edition
translates them.
"""

from __future__ import annotations

from .. import status
from ..model import Milestone
from . import evidence, site_map
from .context import RenderContext
from .plant import milestone_state


def _item(ctx: RenderContext, milestone: Milestone) -> dict:
    return {"href": ctx.link(*site_map.shown_at("milestones", milestone.id)),
            "title": ctx.text(milestone.title),
            "date": milestone.date.label(ctx.lang) if milestone.date else None,
            "date_inferred": "date" in milestone.inferred,
            "evidence": evidence.view(ctx, milestone.evidence)}


def home_story(ctx: RenderContext) -> str:
    milestones = ctx.data.timeline()
    unconfirmed = [m for m in milestones if milestone_state(ctx.data, m) in ("overdue", "unconfirmed")
                   or status.milestone(ctx.data, m).unconfirmed]
    latest = ctx.data.as_of
    program = ctx.data.program
    return ctx.render(
        "home-story.html",
        plant={"href": ctx.link(site_map.PLANT), "name": ctx.text(ctx.data.plant.name)},
        done=[_item(ctx, m) for m in milestones if m.status == "done"],
        under_way=[_item(ctx, m) for m in milestones if m.status == "in-progress"],
        planned=[_item(ctx, m) for m in milestones if m.status == "planned"],
        unconfirmed=[_item(ctx, m) for m in unconfirmed],
        latest=latest.label(ctx.lang) if latest else None,
        program={"href": ctx.link(site_map.PROGRAM), "name": ctx.text(program.name),
                 "start": program.period.start.label(ctx.lang), "end": program.period.end.label(ctx.lang),
                 "evidence": evidence.view(ctx, program.signed_evidence)} if program else None,
    )
