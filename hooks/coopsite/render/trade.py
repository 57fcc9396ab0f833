"""Trade: what Kazakhstan exports to Korea and imports from it, and the turnover figures."""

from __future__ import annotations

from . import site_map
from .context import RenderContext
from .evidence import details
from .figures import figure_list
from .html import esc

DIRECTIONS = {
    "export": ("Kazakhstan exports to Korea", "export"),
    "import": ("Kazakhstan imports from Korea", "import"),
}


def goods(ctx: RenderContext) -> str:
    columns = []
    for direction, (heading, css) in DIRECTIONS.items():
        items = "".join(
            f'<li id="{esc(site_map.anchor("good", good.id))}"><strong>{esc(ctx.text(good.name))}</strong>'
            + details(ctx, good.evidence) + "</li>"
            for good in ctx.data.goods if good.direction == direction
        )
        if items:
            columns.append(f'<div class="kz-card kz-trade kz-trade--{css}"><h3>{esc(heading)}</h3><ul>{items}</ul></div>')
    return f'<div class="kz-columns">{"".join(columns)}</div>'


def turnover(ctx: RenderContext) -> str:
    return figure_list(ctx, ctx.data.turnover_figure_ids)
