"""Charts built at build time: inline SVG, no JavaScript, no request to any server.

Each chart is an accessible image (role="img", <title> and <desc>) with the same numbers as an
HTML table beside it, every number linking to its figure. Colours come from CSS custom properties
(site.css), so both palettes work; a viewBox 360 units wide keeps the text legible at 375 px.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Optional, Sequence

from ..model import DerivedFigure, Figure, Milestone, Range
from . import site_map
from .context import RenderContext
from .derived import BADGE as DERIVED_BADGE
from .derived import derived_hover
from .evidence import inferred_badge, quote_title
from .html import esc
from .. import status
from .plant import STATE_WORDS, milestone_state
from .values import format_value

WIDTH = 360
PAD = 4
FONT = 13  # user units; about 12 px on a 375 px screen
LINE = 16

# The figures each chart shows, by id (figures.yaml). A chart whose figures are missing is left out.
SIZES = ("kia-investment", "korean-investment", "program-package-value")
NOTE_TURNOVER = "turnover-half-year"


def _high(value: float | Range) -> float:
    return value.high if isinstance(value, Range) else value


def _low(value: float | Range) -> float:
    return value.low if isinstance(value, Range) else value


def _n(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _text(x: float, y: float, content: str, cls: str = "kz-chart__text", anchor: str = "start") -> str:
    return (f'<text x="{_n(x)}" y="{_n(y)}" class="{cls}" text-anchor="{anchor}" '
            f'font-size="{FONT}" fill="currentColor">{esc(content)}</text>')


def _lines(x: float, y: float, content: str, width_chars: int = 50) -> tuple[str, float]:
    """Wrapped text as <tspan> lines; returns the markup and the height used."""
    lines = textwrap.wrap(content, width_chars) or [""]
    spans = "".join(f'<tspan x="{_n(x)}" dy="{0 if i == 0 else LINE}">{esc(line)}</tspan>' for i, line in enumerate(lines))
    return (f'<text x="{_n(x)}" y="{_n(y)}" class="kz-chart__text" font-size="{FONT}" fill="currentColor">{spans}</text>',
            LINE * len(lines))


def _rect(x: float, y: float, w: float, h: float, cls: str, dashed: bool = False) -> str:
    extra = ' stroke-dasharray="3 2"' if dashed else ""
    return (f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(max(w, 0))}" height="{_n(h)}" class="{cls}"{extra}/>')


def _svg(chart_id: str, height: float, title: str, desc: str, body: str) -> str:
    return (
        f'<svg class="kz-chart__svg" viewBox="0 0 {WIDTH} {_n(height)}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg" '
        f'preserveAspectRatio="xMinYMin meet">'
        f'<title id="{chart_id}-title">{esc(title)}</title><desc id="{chart_id}-desc">{esc(desc)}</desc>'
        f"{body}</svg>"
    )


def _figure(chart_id: str, svg: str, table: str, caption: str) -> str:
    return (
        f'<figure class="kz-chart" id="{chart_id}">'
        f'<div class="kz-chart__body"><div class="kz-chart__image">{svg}</div>'
        f'<div class="kz-chart__table kz-table-wrap">{table}</div></div>'
        f'<figcaption class="kz-chart__caption">{caption}</figcaption></figure>'
    )


def _legend(y: float, items: Sequence[tuple[str, str]]) -> tuple[str, float]:
    """Swatches and words, wrapping onto new rows; returns markup and height."""
    parts, x, row = [], PAD, 0
    for cls, word in items:
        width = 18 + len(word) * 7.2 + 14
        if x + width > WIDTH and x > PAD:
            x, row = PAD, row + 1
        top = y + row * LINE
        parts.append(_rect(x, top - 10, 12, 12, cls) + _text(x + 18, top, word))
        x += width
    return "".join(parts), (row + 1) * LINE


def _figure_link(ctx: RenderContext, figure_id: str, text: Optional[str] = None) -> str:
    figure = ctx.data.any_figure(figure_id)
    href = ctx.link(site_map.FIGURES, site_map.anchor("figure", figure_id))
    derived = isinstance(figure, DerivedFigure)
    badge = f" {DERIVED_BADGE}" if derived else ""
    hover = f' title="{esc(derived_hover(ctx, figure))}"' if derived else quote_title(ctx, figure.evidence)
    return f'<a href="{esc(href)}"{hover}>{esc(text or format_value(figure, ctx.lang))}</a>{badge}'


def _have(ctx: RenderContext, ids: Sequence[str]) -> bool:
    return all(i in ctx.data.figures or i in ctx.data.derived for i in ids)


def _note(ctx: RenderContext, note_id: str) -> str:
    for item in ctx.data.discrepancies:
        if item.id == note_id:
            return f" {esc(ctx.text(item.note))}"
    return ""


# -- sizes side by side ---------------------------------------------------------------------


def _bar_chart(ctx: RenderContext, chart_id: str, figures: Sequence[Figure | DerivedFigure], title: str,
               label_of=None) -> tuple[str, str]:
    """Horizontal bars to one linear scale, a label above each; returns (svg, description)."""
    label_of = label_of or (lambda f: ctx.text(f.label))
    biggest = max(_high(f.value) for f in figures)
    value_room = 120
    scale = (WIDTH - 2 * PAD - value_room) / biggest
    body, y, desc = [], 4.0, []
    for figure in figures:
        text, height = _lines(PAD, y + FONT, label_of(figure))
        body.append(text)
        y += height + 2
        low, high = _low(figure.value), _high(figure.value)
        body.append(_rect(PAD, y, max(low * scale, 2), 20, "kz-chart__bar--value"))
        if high > low:
            body.append(_rect(PAD + low * scale, y, (high - low) * scale, 20, "kz-chart__bar--range", dashed=True))
        body.append(_text(PAD + max(high * scale, 2) + 6, y + 15, format_value(figure, ctx.lang)))
        y += 20 + 12
        desc.append(f"{label_of(figure)}: {format_value(figure, ctx.lang)}")
    return _svg(f"{chart_id}-svg", y, title, "Bars to one linear scale. " + "; ".join(desc) + ".", "".join(body)), desc


def _value_table(ctx: RenderContext, caption: str, figures: Sequence[Figure], first_col: str = "Figure",
                 label_of=None) -> str:
    label_of = label_of or (lambda f: ctx.text(f.label))
    rows = "".join(
        f'<tr data-figure="{esc(f.id)}"><th scope="row">{esc(label_of(f))}</th><td>{_figure_link(ctx, f.id)}</td>'
        f"<td>{esc(f.as_of.label())}{inferred_badge(getattr(f, 'inferred', {}), 'as_of')}</td></tr>"
        for f in figures
    )
    return (f'<table><caption>{esc(caption)}</caption><thead><tr><th scope="col">{esc(first_col)}</th>'
            f'<th scope="col">Value</th><th scope="col">As of</th></tr></thead><tbody>{rows}</tbody></table>')


def sizes(ctx: RenderContext) -> str:
    if not _have(ctx, SIZES):
        return ""
    figures = [ctx.data.figures[i] for i in SIZES]
    title = "Sizes side by side: the Kia plant, Korean investment and the program's package"
    svg, _ = _bar_chart(ctx, "chart-sizes", figures, title)
    table = _value_table(ctx, "The amounts compared", figures)
    caption = ("<strong>Sizes side by side.</strong> The bars share one linear scale, so the plant's investment "
               "is drawn to the same scale as the totals. The figures refer to different dates and sources; "
               "see each one's source.")
    return _figure("chart-sizes", svg, table, caption)


# -- trade turnover ------------------------------------------------------------------------


def trade_turnover(ctx: RenderContext) -> str:
    money = [ctx.data.figures[i] for i in ctx.data.turnover_figure_ids
             if i in ctx.data.figures and ctx.data.figures[i].unit.kind == "money"]
    if not money:
        return ""
    others = [ctx.data.figures[i] for i in ctx.data.turnover_figure_ids
              if i in ctx.data.figures and ctx.data.figures[i].unit.kind != "money"]
    label = lambda f: f"{f.as_of.label()}: {ctx.text(f.label)}"  # noqa: E731
    svg, _ = _bar_chart(ctx, "chart-trade-turnover", money, "Trade between Kazakhstan and Korea", label)
    table = _value_table(ctx, "Trade figures", money + others, "Period and figure", label)
    caption = ("<strong>Trade between Kazakhstan and Korea</strong>, as reported; a half year beside a full "
               f"year.{_note(ctx, NOTE_TURNOVER)}")
    return _figure("chart-trade-turnover", svg, table, caption)


# -- the plant's schedule ------------------------------------------------------------------


def _x(day: dt.date, start: dt.date, end: dt.date) -> float:
    span = (end - start).days or 1
    return PAD + (WIDTH - 2 * PAD) * (day - start).days / span


def _state_words(ctx: RenderContext, milestone: Milestone) -> str:
    """'Planned, date passed; not confirmed since 13 November 2023' (status.py decides)."""
    state = milestone_state(ctx.data, milestone)
    confirmation = status.milestone(ctx.data, milestone)
    words = STATE_WORDS[milestone.status if state == "unconfirmed" else state]
    return words + (f"; {status.WORDS['unconfirmed'].replace(' then', '')} {confirmation.reported.label()}"
                    if confirmation.unconfirmed else "")


def plant_schedule(ctx: RenderContext) -> str:
    milestones: list[Milestone] = ctx.data.timeline()
    dated = [m for m in milestones if m.date]
    if not dated:
        return ""
    start = dt.date(min(m.date.start for m in dated).year, 1, 1)
    end = dt.date(max(m.date.end for m in dated).year + 1, 1, 1)
    body, y, desc = [], 4.0, []
    # Year axis
    axis_top = y
    for year in range(start.year, end.year + 1):
        x = _x(dt.date(year, 1, 1), start, end)
        if year < end.year:
            body.append(_text(x + 3, y + FONT, str(year)))
    y += LINE + 4
    period_end: dict[str, dt.date] = {}
    for milestone in milestones:
        state = milestone_state(ctx.data, milestone)
        text, height = _lines(PAD, y + FONT, ctx.text(milestone.title))
        body.append(text)
        y += height + 2
        if milestone.date:
            x0 = _x(milestone.date.start, start, end)
            x1 = _x(milestone.date.end + dt.timedelta(days=1), start, end)
            body.append(_rect(x0, y, max(x1 - x0, 4), 14, f"kz-chart__bar--{state}"))
            period_end[milestone.id] = milestone.date.end
            when = milestone.date.label()
        else:
            after = period_end.get(milestone.after_id)
            x0 = _x(after + dt.timedelta(days=1), start, end) if after else PAD
            body.append(_rect(x0, y, 4 * LINE, 14, f"kz-chart__bar--{state} kz-chart__bar--undated", dashed=True))
            room_right = x0 + 4 * LINE + 4 + 100 < WIDTH
            body.append(_text(x0 + 4 * LINE + 4 if room_right else x0 - 4, y + 12, "date not reported",
                              "kz-chart__text kz-chart__text--small", "start" if room_right else "end"))
            when = "date not reported"
            period_end[milestone.id] = after or start
        y += 14 + 10
        desc.append(f"{ctx.text(milestone.title)}: {when}, {_state_words(ctx, milestone).lower()}")
    lines = "".join(
        f'<line x1="{_n(_x(dt.date(year, 1, 1), start, end))}" y1="{_n(axis_top)}" '
        f'x2="{_n(_x(dt.date(year, 1, 1), start, end))}" y2="{_n(y - 6)}" class="kz-chart__grid"/>'
        for year in range(start.year, end.year + 1)
    )
    states = []
    for m in milestones:
        s = milestone_state(ctx.data, m)
        if s not in [x for x, _ in states]:
            states.append((s, STATE_WORDS[s]))
    items = [(f"kz-chart__bar--{s}", word) for s, word in states]
    if any(m.date is None for m in milestones):
        items.append(("kz-chart__bar--undated", "Date not reported"))
    legend, height = _legend(y + FONT, items)
    y += height + 8
    svg = _svg("chart-plant-schedule-svg", y, "Schedule of the Kia plant in Kostanai",
               f"Milestones on a time line from {start.year} to {end.year - 1}: " + "; ".join(desc) + ".",
               lines + "".join(body) + legend)
    rows = "".join(
        f'<tr><th scope="row"><a href="{esc(ctx.link(site_map.PLANT, site_map.anchor("milestone", m.id)))}">{esc(ctx.text(m.title))}</a></th>'
        f'<td>{esc(m.date.label() if m.date else "not reported")}</td>'
        f'<td>{esc(_state_words(ctx, m))}</td></tr>'
        for m in milestones
    )
    table = ('<table><caption>Milestones</caption><thead><tr><th scope="col">Milestone</th>'
             f'<th scope="col">Date</th><th scope="col">Status</th></tr></thead><tbody>{rows}</tbody></table>')
    caption = ("<strong>Schedule of the plant.</strong> Each bar spans the period the source gives (a day, a month, "
               "a quarter or a year); a dashed bar has no reported date and follows the milestone above it. "
               "Colours show the status as in the timeline below; a step not confirmed since its report is "
               "drawn in the colour of a passed date.")
    return _figure("chart-plant-schedule", svg, table, caption)
