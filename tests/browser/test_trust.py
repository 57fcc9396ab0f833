"""In a real browser, at phone and desktop width, in both palettes: what is not confirmed since its
report says so where readers look (plant page, timeline, schedule chart, home, people), inferred
values carry their mark, and the downloads hold the same columns. The build date is pinned
(conftest.BUILD_EPOCH: 1 January 2026)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from .conftest import DESKTOP, PHONE, artifact, settle

WIDTHS = {"phone": PHONE, "desktop": DESKTOP}
SINCE = "Not confirmed since 13 November 2023"


def visible_texts(page, selector: str) -> list[str]:
    return page.locator(selector).evaluate_all(
        "els => els.filter(e => e.offsetParent !== null || e.getClientRects().length).map(e => e.innerText.trim())")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_unconfirmed_states_and_inferred_marks_show(open_context, site, scheme, width):
    context, watch = open_context(scheme, WIDTHS[width])
    page = context.new_page()

    page.goto(site.url("kia-plant/"))
    settle(page)
    status = page.locator(".kz-plant-card .kz-plant-status")
    assert status.is_visible()
    assert "Under construction, as reported on 13 November 2023" in status.inner_text()
    assert SINCE in status.inner_text() and "the schedule it gave has passed (Q2 2025)" in status.inner_text()
    status.scroll_into_view_if_needed()
    page.locator(".kz-plant-card").screenshot(path=artifact(f"trust-plant-card-{scheme}-{width}"))
    lines = visible_texts(page, ".kz-timeline__status")
    assert len(lines) == 7
    assert sum(SINCE in line for line in lines) == 5  # all but the two done steps
    assert all("as reported on 13 November 2023" in line for line in lines)
    page.locator(".kz-timeline").screenshot(path=artifact(f"trust-timeline-{scheme}-{width}"))
    chart = page.locator("#chart-plant-schedule")
    chart.scroll_into_view_if_needed()
    page.locator("#chart-plant-schedule .tabbed-labels label").nth(1).click()  # the Table tab
    rows = visible_texts(page, "#chart-plant-schedule tbody tr")
    assert sum("not confirmed since 13 November 2023" in row for row in rows) == 5, rows
    page.locator("#chart-plant-schedule .tabbed-labels label").nth(0).click()  # back to the Chart
    # the milestones' bars in the drawing shown at this width (legend swatches are 12 high)
    bars = "#chart-plant-schedule svg.kz-chart__svg:visible rect[height='14']"
    assert page.locator(f"{bars}.kz-chart__bar--overdue").count() == 3  # planned, date passed
    assert page.locator(f"{bars}.kz-chart__bar--unconfirmed").count() == 2  # undated or old report
    chart.screenshot(path=artifact(f"trust-schedule-{scheme}-{width}"))

    page.goto(site.url(""))
    settle(page)
    line = page.locator(".kz-plant-status-line")
    assert line.is_visible() and SINCE in line.inner_text()
    tiles = page.locator(".kz-tile")
    inferred_tiles = [t for t in tiles.all() if "2019" in t.inner_text()]
    assert inferred_tiles and all(t.locator(".kz-badge--inferred").is_visible() for t in inferred_tiles)
    page.screenshot(path=artifact(f"trust-home-{scheme}-{width}"), full_page=True)

    page.goto(site.url("people/"))
    settle(page)
    roles = visible_texts(page, ".kz-role")
    assert len(roles) == 7
    moon = next(r for r in roles if r.startswith("President of South Korea"))
    assert "as reported in H2 2019" in moon and "date inferred" in moon and "Not confirmed since H2 2019" in moon
    page.locator(".kz-person").first.screenshot(path=artifact(f"trust-people-{scheme}-{width}"))
    assert watch.problems() == []


def test_the_downloads_say_what_is_unconfirmed_and_inferred(page, site):
    response = page.request.get(site.url("data/milestones.csv"))
    assert response.ok
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(response.text()))}
    assert rows["pilot-launch"]["unconfirmed_since"] == "2023-11-13"
    assert rows["equipment-installation"]["unconfirmed_since"] == "2023-11-13"
    assert rows["small-scale-production"]["unconfirmed_since"] == ""
    # an inference's reasoning is given by language, as the data writes it
    assert json.loads(rows["full-production"]["inferred"])["date"]["en"].startswith("The article says")
    figures = page.request.get(site.url("data/figures.json")).json()
    package = next(f for f in figures if f["id"] == "program-package-value")
    assert package["as_of"] == "2019-H2" and "as_of" in package["inferred"] and package["statements"] == []
    derived = {d["id"]: d for d in page.request.get(site.url("data/derived-figures.json")).json()}
    assert derived["kia-investment-per-job"]["value"] == 170000
    assert round(derived["kia-investment-per-job"]["exact_value_low"]) == 166667
    assert derived["kia-investment-per-job"]["assumption_en"]
    projects = page.request.get(site.url("data/projects.json")).json()
    # every project's latest report is older than the horizon: not confirmed since that report
    assert all(p["unconfirmed_since"] == p["reported"] for p in projects) and "2019-H2" in {p["reported"] for p in projects}
