"""Trade: what Kazakhstan exports to Korea and imports from it, and the turnover figures."""

from __future__ import annotations

from ..words import DIRECTIONS  # the order of the columns
from . import evidence, site_map
from .context import RenderContext
from .figures import figure_list


def goods(ctx: RenderContext) -> str:
    columns = []
    for direction in DIRECTIONS:
        listed = [{"anchor": site_map.anchor("good", good.id), "name": ctx.text(good.name),
                   "evidence": evidence.view(ctx, good.evidence)}
                  for good in ctx.data.goods if good.direction == direction]
        if listed:
            columns.append({"direction": direction, "goods": listed})
    return ctx.render("trade-goods.html", columns=columns)


def turnover(ctx: RenderContext) -> str:
    return figure_list(ctx, ctx.data.turnover_figure_ids)
