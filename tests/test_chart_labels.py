"""Chart labels fit in every edition's script: no word runs off the drawing or into the next one.

SVG text does not wrap or shrink, so the chart code lays words out by their width (charts.py
`Layout.measure`); Hangul takes about twice the room of Latin letters. Checked here on the built
pages with a lower bound of each text's width, independent of the code's own estimate: a full em
for a wide (Hangul, CJK) character and half an em for any other.
"""

from __future__ import annotations

import html
import re
import unicodedata

import pytest

from coopsite.editions import EDITIONS

CHART_PAGES = ("kia-plant/", "figures/", "trade/")


def least_width(text: str, font: float) -> float:
    return font * sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def svgs(page: str):
    for match in re.finditer(r'<svg class="kz-chart__svg[^"]*" viewBox="0 0 ([\d.]+) [\d.]+".*?</svg>', page, re.S):
        yield float(match.group(1)), match.group(0)


def texts(svg: str):
    """(x, y, anchor, font, words) of every line of text; anchor is None for wrapped lines."""
    for match in re.finditer(r'<text x="([\d.]+)" y="([\d.]+)"([^>]*)>(.*?)</text>', svg, re.S):
        x, y, attributes, body = float(match.group(1)), float(match.group(2)), match.group(3), match.group(4)
        font = float(re.search(r'font-size="([\d.]+)"', attributes).group(1))
        anchor = re.search(r'text-anchor="(\w+)"', attributes)
        anchor = anchor.group(1) if anchor else None
        lines = re.findall(r"<tspan[^>]*>(.*?)</tspan>", body) or [body]
        for line in lines:
            yield x, y, anchor, font, html.unescape(line)


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.lang)
def test_chart_words_stay_inside_the_drawing_and_apart(built_site, edition):
    for page_url in CHART_PAGES:
        page = built_site.page(edition.root + page_url)
        found = list(svgs(page))
        assert found, page_url
        for width, svg in found:
            rows: dict[float, list[tuple[float, float]]] = {}
            for x, y, anchor, font, words in texts(svg):
                span = least_width(words, font)
                left, right = (x - span, x) if anchor == "end" else (x, x + span)
                assert left >= 0 and right <= width, (edition.lang, page_url, width, words, left, right)
                if anchor == "start":  # a single word or phrase, such as a legend's
                    rows.setdefault(y, []).append((left, right))
            for y, spans in rows.items():  # words on one row (a legend) do not run into each other
                spans.sort()
                for (_, end), (start, _) in zip(spans, spans[1:]):
                    assert end <= start, (edition.lang, page_url, width, y, spans)
