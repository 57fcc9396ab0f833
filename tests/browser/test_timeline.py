"""The timeline reads in date order, and every milestone is reachable by its permalink."""

from __future__ import annotations

import calendar
import datetime as dt
import re

import yaml

from conftest import FIXTURE

from .conftest import settle


def period(iso: str) -> tuple[dt.date, dt.date]:
    """'2024', '2025-H1', '2025-Q1', '2023-01', '2023-11-11' -> (first day, last day)."""
    if m := re.fullmatch(r"(\d{4})", iso):
        y = int(m[1])
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    if m := re.fullmatch(r"(\d{4})-([HQ])([1-4])", iso):
        y, months = int(m[1]), 6 if m[2] == "H" else 3
        first, last = months * (int(m[3]) - 1) + 1, months * int(m[3])
        return dt.date(y, first, 1), dt.date(y, last, calendar.monthrange(y, last)[1])
    if m := re.fullmatch(r"(\d{4})-(\d{2})", iso):
        y, mo = int(m[1]), int(m[2])
        return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
    day = dt.date.fromisoformat(iso)
    return day, day


def read_timeline(page) -> list[dict]:
    return page.locator(".kz-timeline__item").evaluate_all("""items => items.map(item => ({
        id: item.querySelector(".kz-timeline__title").id,
        title: item.querySelector(".kz-timeline__title").firstChild.textContent.trim(),
        datetime: item.querySelector(".kz-timeline__date time")?.getAttribute("datetime") || null,
        date_text: item.querySelector(".kz-timeline__date").innerText.trim(),
        permalink: item.querySelector(".kz-timeline__title a.headerlink")?.getAttribute("href") || null,
    }))""")


def test_the_timeline_reads_in_date_order(page, site):
    page.goto(site.url("kia-plant/"))
    settle(page)
    items = read_timeline(page)
    data = yaml.safe_load((FIXTURE / "plant.yaml").read_text(encoding="utf-8"))
    assert {i["id"] for i in items} == {f"milestone-{m['id']}" for m in data["milestones"]}

    dated = [i for i in items if i["datetime"]]
    assert len(dated) >= 2
    periods = [period(i["datetime"]) for i in dated]
    assert periods == sorted(periods), [i["date_text"] for i in dated]
    for i in dated:  # the reader sees "January 2023" or "Q1 2025", not the code "2023-01"
        assert re.search(r"\d{4}", i["date_text"]) and not re.search(r"\d{4}-\w", i["date_text"]), i["date_text"]

    titles = [i["title"] for i in items]
    for position, item in enumerate(items):
        if item["datetime"] is None:  # "Date not reported; after “X”": X comes before it
            after = re.search(r"after “(.+)”", item["date_text"])
            assert after, item["date_text"]
            assert after[1] in titles[:position], f"{item['title']!r} is not after {after[1]!r}"


def test_every_milestone_is_reachable_by_its_permalink(open_context, site):
    context, watch = open_context()
    page = context.new_page()
    page.goto(site.url("kia-plant/"))
    settle(page)
    items = read_timeline(page)
    assert items
    for item in items:
        assert item["permalink"] == f"#{item['id']}"
        page.goto("about:blank")
        page.goto(site.url("kia-plant/") + item["permalink"])
        settle(page)
        heading = page.locator(f"#{item['id']}")
        assert heading.evaluate("e => e.matches(':target')")
        # in view, and not hidden under the sticky header: the heading is what the reader sees there
        seen = heading.evaluate("""e => { const r = e.getBoundingClientRect();
            if (r.top < 0 || r.bottom > innerHeight) return false;
            const hit = document.elementFromPoint(r.left + 20, r.top + r.height / 2);
            return e.contains(hit); }""")
        assert seen, f"{item['permalink']} does not bring its milestone into view"
    assert watch.problems() == []
