"""Trade: what Kazakhstan exports to Korea and imports from it, and the turnover figures."""

from __future__ import annotations

from ..words import DIRECTIONS  # the order of the columns
from . import evidence, site_map
from .context import RenderContext
from .figures import figure_list


def goods(ctx: RenderContext) -> str:
    columns = [{"direction": direction,
                "goods": [{"anchor": site_map.anchor("good", good.id), "name": ctx.text(good.name),
                           "evidence": evidence.view(ctx, good.evidence)}
                          for good in ctx.data.goods if good.direction == direction]}
               for direction in DIRECTIONS]
    return ctx.render("trade-goods.html", columns=[column for column in columns if column["goods"]])


def turnover(ctx: RenderContext) -> str:
    return figure_list(ctx, ctx.data.turnover_figure_ids)
