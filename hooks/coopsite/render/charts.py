"""Charts built at build time: inline SVG, no JavaScript, no request to any server.

Each chart is an accessible image (role="img", <title> and <desc>) with the same numbers as an
HTML table beside it, every number linking to its figure. Python computes the scaled coordinates
and the words; templates/partials/chart.html draws the shapes and each chart-*.html its table and
caption. Colours come from CSS custom properties (site.css), so both palettes work.

SVG text scales with the drawing, so one drawing cannot fill both a phone's column and a desktop's
with legible text. Each chart is drawn twice, NARROW (360 units: 13-unit text is about 12.4 px in a
phone's 343 px column) and WIDE (720 units for columns from 600 px: 15-unit text is 12.5 px and
more); a container query in site.css shows the one that fits the column. The chart, its table and
its data download sit behind tabs (Chart | Table | Data), Material's content tabs, CSS only.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from typing import Sequence

from .. import export
from ..dates import PartialDate
from ..derived import bounds
from ..formats import format_value
from ..model import DerivedFigure, Figure, Milestone
from .. import status
from . import site_map
from .context import RenderContext
from .downloads import dataset_view
from .figures import link_view
from .plant import STATE_WORDS, milestone_state

PAD = 4


@dataclass(frozen=True)
class Layout:
    name: str
    width: int
    font: int  # user units
    line: int
    chars: int  # characters in a wrapped line

    def measure(self, text: str) -> float:
        """The width of a text at the chart's font size, by script, roughly: a Hangul or other wide
        (CJK) character takes a full em, a Latin or Cyrillic letter, digit or space about 0.56."""
        return self.font * _ems(text) / 100

    def wrap(self, text: str) -> list[str]:
        """Lines of whole words that fit the drawing's width (`chars` Latin letters), measured per
        script, so that Korean wraps at about half as many characters as English."""
        room, space = _ems("n" * self.chars), _ems(" ")
        lines: list[str] = []
        used = 0
        for word in text.split():
            width = _ems(word)
            if lines and used + space + width <= room:
                lines[-1] += " " + word
                used += space + width
            else:
                lines.append(word)
                used = width
        return lines


def _ems(text: str) -> int:
    """A text's width in hundredths of an em (whole numbers, so that sums are exact)."""
    return sum(100 if unicodedata.east_asian_width(c) in "WF" else 56 for c in text)


NARROW = Layout("narrow", 360, 13, 16, 48)
WIDE = Layout("wide", 720, 15, 19, 80)
LAYOUTS = (NARROW, WIDE)

# The figures each chart shows, by id (figures.yaml). A chart whose figures are missing is left out.
SIZES = ("kia-investment", "korean-investment", "program-package-value")
NOTE_TURNOVER = "turnover-half-year"


def _n(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


# -- shapes: plain values that partials/chart.html draws ----------------------------------------

def _text(x: float, y: float, content: str, cls: str = "kz-chart__text", anchor: str = "start") -> dict:
    return {"kind": "text", "x": _n(x), "y": _n(y), "class": cls, "anchor": anchor, "text": content}


def _lines(lay: Layout, x: float, y: float, content: str) -> tuple[dict, float]:
    """Wrapped text, a line each; returns the shape and the height used."""
    lines = lay.wrap(content) or [""]
    # reader text the edition has not translated yet (render/context.py Untranslated) keeps its language
    return ({"kind": "lines", "x": _n(x), "y": _n(y), "lines": lines, "lang": getattr(content, "lang", None)},
            lay.line * len(lines))


def _rect(x: float, y: float, w: float, h: float, cls: str, dashed: bool = False) -> dict:
    return {"kind": "rect", "x": _n(x), "y": _n(y), "width": _n(max(w, 0)), "height": _n(h), "class": cls,
            "dashed": dashed}


def _line(x1: float, y1: float, x2: float, y2: float, cls: str) -> dict:
    return {"kind": "line", "x1": _n(x1), "y1": _n(y1), "x2": _n(x2), "y2": _n(y2), "class": cls}


def _svg(lay: Layout, chart_id: str, height: float, title: str, desc: str, shapes: list[dict]) -> dict:
    return {"id": f"{chart_id}-{lay.name}", "layout": lay.name, "width": lay.width, "height": _n(height),
            "font": lay.font, "line": lay.line, "title": title, "desc": desc, "shapes": shapes}


def _legend(lay: Layout, y: float, items: Sequence[tuple[str, str]]) -> tuple[list[dict], float]:
    """Swatches and words, wrapping onto new rows; returns shapes and height."""
    shapes, x, row = [], PAD, 0
    for cls, word in items:
        width = 18 + lay.measure(word) + 14
        if x + width > lay.width and x > PAD:
            x, row = PAD, row + 1
        top = y + row * lay.line
        shapes += [_rect(x, top - 10, 12, 12, cls), _text(x + 18, top, word)]
        x += width
    return shapes, (row + 1) * lay.line


# -- sizes side by side ---------------------------------------------------------------------


def _bar_chart(ctx: RenderContext, lay: Layout, chart_id: str, figures: Sequence[Figure | DerivedFigure], title: str,
               label_of=None) -> dict:
    """Horizontal bars to one linear scale, a label above each."""
    label_of = label_of or (lambda f: ctx.text(f.label))
    biggest = max(bounds(f.value)[1] for f in figures)
    value_room = max(lay.measure(format_value(f, ctx.lang)) for f in figures) + 10
    scale = (lay.width - 2 * PAD - value_room) / biggest
    shapes, y, desc = [], 4.0, []
    for figure in figures:
        text, height = _lines(lay, PAD, y + lay.font, label_of(figure))
        shapes.append(text)
        y += height + 2
        low, high = bounds(figure.value)
        shapes.append(_rect(PAD, y, max(low * scale, 2), 20, "kz-chart__bar--value"))
        if high > low:
            shapes.append(_rect(PAD + low * scale, y, (high - low) * scale, 20, "kz-chart__bar--range", dashed=True))
        shapes.append(_text(PAD + max(high * scale, 2) + 6, y + 15, format_value(figure, ctx.lang)))
        y += 20 + 12
        desc.append(ctx.gettext("%(label)s: %(value)s", label=label_of(figure), value=format_value(figure, ctx.lang)))
    return _svg(lay, f"{chart_id}-svg", y, title, ctx.gettext("Bars to one linear scale. %(bars)s.", bars="; ".join(desc)),
                shapes)


def _value_rows(ctx: RenderContext, figures: Sequence[Figure], label_of=None) -> list[dict]:
    label_of = label_of or (lambda f: ctx.text(f.label))
    return [{"label": label_of(f), "figure": link_view(ctx, f), "as_of": f.as_of.label(ctx.lang),
             "as_of_inferred": isinstance(f, Figure) and "as_of" in f.inferred} for f in figures]


def sizes(ctx: RenderContext) -> str:
    if not all(i in ctx.data.figures or i in ctx.data.derived for i in SIZES):
        return ""
    figures = [ctx.data.figures[i] for i in SIZES]
    title = ctx.gettext("Sizes side by side: the Kia plant, Korean investment and the program's package")
    return ctx.render("chart-sizes.html", chart_id="chart-sizes",
                      svgs=[_bar_chart(ctx, lay, "chart-sizes", figures, title) for lay in LAYOUTS],
                      rows=_value_rows(ctx, figures), datasets=_datasets(ctx, "figures"))


# -- trade turnover ------------------------------------------------------------------------


def trade_turnover(ctx: RenderContext) -> str:
    listed = [ctx.data.figures[i] for i in ctx.data.turnover_figure_ids if i in ctx.data.figures]
    money = [f for f in listed if f.unit.kind == "money"]
    if not money:
        return ""
    label = lambda f: ctx.gettext("%(date)s: %(label)s", date=f.as_of.label(ctx.lang), label=ctx.text(f.label))  # noqa: E731
    svgs = [_bar_chart(ctx, lay, "chart-trade-turnover", money, ctx.gettext("Trade between Kazakhstan and Korea"), label)
            for lay in LAYOUTS]
    note = next((ctx.text(d.note) for d in ctx.data.discrepancies if d.id == NOTE_TURNOVER), None)
    return ctx.render("chart-trade-turnover.html", chart_id="chart-trade-turnover", svgs=svgs, note=note,
                      rows=_value_rows(ctx, money + [f for f in listed if f.unit.kind != "money"], label),
                      datasets=_datasets(ctx, "figures"))


# -- the plant's schedule ------------------------------------------------------------------


def _datasets(ctx: RenderContext, *names: str) -> list[dict]:
    """The downloads behind a chart's Data tab."""
    return [dataset_view(ctx, r) for r in export.RESOURCES if r.name in names]


def _state_words(ctx: RenderContext, milestone: Milestone) -> str:
    """'Planned, date passed; not confirmed since 13 November 2023' (status.py decides)."""
    state = milestone_state(ctx.data, milestone)
    confirmation = status.milestone(ctx.data, milestone)
    words = ctx.gettext(STATE_WORDS[milestone.status if state == "unconfirmed" else state])
    if not confirmation.unconfirmed:
        return words
    return ctx.gettext("%(state)s; not confirmed since %(date)s", state=words, date=confirmation.reported.label(ctx.lang))


def plant_schedule(ctx: RenderContext) -> str:
    milestones: list[Milestone] = ctx.data.timeline()
    dated = [m for m in milestones if m.date]
    if not dated:
        return ""
    latest = ctx.data.as_of  # the latest source's date
    svgs = [_schedule_svg(ctx, lay, milestones, dated, latest) for lay in LAYOUTS]
    rows = [{"href": ctx.link(*site_map.shown_at("milestones", m.id)), "title": ctx.text(m.title),
             "date": m.date.label(ctx.lang) if m.date else None, "state": _state_words(ctx, m)}
            for m in milestones]
    return ctx.render("chart-plant-schedule.html", chart_id="chart-plant-schedule", svgs=svgs, rows=rows,
                      today_label=_day(ctx.today, ctx.lang), latest=latest.label(ctx.lang) if latest else None,
                      datasets=_datasets(ctx, "milestones"))


def _schedule_svg(ctx: RenderContext, lay: Layout, milestones: list[Milestone], dated: list[Milestone], latest) -> dict:
    """The milestones' bars on a time line of whole years, with today (the build date) and the
    latest report marked, so that what is overdue shows at a glance."""
    _ = ctx.gettext
    first = min(m.date.start for m in dated)
    last = max([m.date.end for m in dated] + [ctx.today] + ([latest.end] if latest else []))
    start, end = dt.date(first.year, 1, 1), dt.date(last.year + 1, 1, 1)
    x = lambda day: PAD + (lay.width - 2 * PAD) * (day - start).days / (end - start).days  # noqa: E731
    shapes, y, desc = [], 4.0, []
    # Year axis
    axis_top = y
    for year in range(start.year, end.year):
        shapes.append(_text(x(dt.date(year, 1, 1)) + 3, y + lay.font, str(year)))
    y += lay.line + 4
    period_end: dict[str, dt.date] = {}
    not_reported = _("date not reported")
    for milestone in milestones:
        state = milestone_state(ctx.data, milestone)
        text, height = _lines(lay, PAD, y + lay.font, ctx.text(milestone.title))
        shapes.append(text)
        y += height + 2
        if milestone.date:
            x0 = x(milestone.date.start)
            x1 = x(milestone.date.end + dt.timedelta(days=1))
            shapes.append(_rect(x0, y, max(x1 - x0, 4), 14, f"kz-chart__bar--{state}"))
            period_end[milestone.id] = milestone.date.end
            when = milestone.date.label(ctx.lang)
        else:
            after = period_end.get(milestone.after_id)
            x0 = x(after + dt.timedelta(days=1)) if after else PAD
            shapes.append(_rect(x0, y, 4 * lay.line, 14, f"kz-chart__bar--{state} kz-chart__bar--undated", dashed=True))
            room_right = x0 + 4 * lay.line + 4 + lay.measure(not_reported) < lay.width
            shapes.append(_text(x0 + 4 * lay.line + 4 if room_right else x0 - 4, y + 12, not_reported,
                                "kz-chart__text", "start" if room_right else "end"))
            when = not_reported
            period_end[milestone.id] = after or start
        y += 14 + 10
        desc.append(_("%(title)s: %(when)s, %(state)s", title=ctx.text(milestone.title), when=when,
                      state=_state_words(ctx, milestone).lower()))
    grid = [_line(x(dt.date(year, 1, 1)), axis_top, x(dt.date(year, 1, 1)), y - 6, "kz-chart__grid")
            for year in range(start.year, end.year + 1)]
    # Today and the latest report: a line each down the chart, named under it
    marks = []
    if latest:
        marks.append((x(latest.end), _("Latest report: %(date)s", date=latest.label(ctx.lang)), "kz-chart__mark--latest"))
    marks.append((x(ctx.today), _("Today: %(date)s", date=_day(ctx.today, ctx.lang)), "kz-chart__mark--today"))
    for position, (mark_x, words, cls) in enumerate(marks):  # the lines behind the words, the words below
        grid.append(_line(mark_x, axis_top + lay.line, mark_x, y - 6 + position * lay.line, f"kz-chart__mark {cls}"))
        anchor = "end" if mark_x > lay.width / 2 else "start"
        shapes.append(_text(mark_x + (-4 if anchor == "end" else 4), y + position * lay.line + 4, words,
                            f"kz-chart__text {cls}", anchor))
    y += len(marks) * lay.line + 8
    states = list(dict.fromkeys(milestone_state(ctx.data, m) for m in milestones))
    items = [(f"kz-chart__bar--{s}", _(STATE_WORDS[s])) for s in states]
    if any(m.date is None for m in milestones):
        items.append(("kz-chart__bar--undated", _("Date not reported")))
    legend, height = _legend(lay, y + lay.font, items)
    y += height + 8
    desc.append(_("Today is %(today)s; the latest report is from %(latest)s",
                  today=_day(ctx.today, ctx.lang), latest=latest.label(ctx.lang) if latest else "—"))
    return _svg(lay, "chart-plant-schedule-svg", y, _("Schedule of the Kia plant in Kostanai"),
                _("Milestones on a time line from %(start)s to %(end)s: %(milestones)s.", start=start.year,
                  end=end.year - 1, milestones="; ".join(desc)),
                grid + shapes + legend)


def _day(day: dt.date, lang: str) -> str:
    return PartialDate.parse(day.isoformat()).label(lang)
