"""The timeline's planned-versus-actual view in a real browser, on a copy of the fixture data with the editing
guide's worked example carried out: the pilot launch, planned for Q1 2025, reported done in March 2025; and the
fixture's figure that a later report updated, shown beside its earlier value."""

from __future__ import annotations

import contextlib
import re

import pytest

from conftest import copy_project, run_build
from test_editing_guide import ARTICLE_2025, example, insert_into_list

from .conftest import DESKTOP, PHONE, SCHEMES, artifact, scheme_of, serving, settle

PILOT = "#milestone-pilot-launch"


@pytest.fixture(scope="module")
def reported_site(chromium_path, tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("planned") / "project")
    insert_into_list(project, "sources.yaml", "sources", example("Add a source"))
    (project / "data" / "sources" / "kia-2025-report.txt").write_text(ARTICLE_2025, encoding="utf-8")
    plant = project / "data" / "plant.yaml"
    anchor = "    quote: A pilot launch is scheduled for the first quarter of 2025\n"
    plant.write_text(plant.read_text(encoding="utf-8").replace(anchor, anchor + example(
        "Record what happened to a plan")), encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.output
    with serving(result.site) as base:
        yield base


@contextlib.contextmanager
def opened(browser, url: str, scheme: str, viewport: dict):
    """A page of the reported site, loaded and settled in the reader's palette and width."""
    context = browser.new_context(color_scheme=scheme, viewport=viewport)
    try:
        page = context.new_page()
        page.goto(url)
        settle(page)
        assert scheme_of(page) == SCHEMES[scheme]
        yield page
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_the_timeline_shows_the_latest_report_beside_what_was_planned(browser, reported_site, scheme, viewport):
    with opened(browser, reported_site + "kia-plant/", scheme, viewport) as page:
        item = page.locator(".kz-timeline__item", has=page.locator(PILOT))
        status = item.locator(".kz-timeline__status").inner_text()
        assert status.startswith("Done") and "as reported on 20 March 2025" in status
        assert "Not confirmed" not in status  # the latest report counts
        assert item.locator(".kz-timeline__date").inner_text().startswith("March 2025")
        planned = item.locator(".kz-planned")
        assert planned.is_visible()
        was = planned.locator(".kz-planned__was")
        assert re.fullmatch(r"First reported: Planned for Q1 2025 \(reported on 13 November 2023\); as planned"
                            r"\[\d+\]", was.inner_text())  # with its citation marker, like every fact
        assert was.locator(".kz-planned__slip").inner_text() == "as planned"
        box = planned.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]  # nothing runs off a phone
        item.scroll_into_view_if_needed()
        item.screenshot(path=str(artifact(f"planned-versus-actual-{viewport['width']}-{scheme}")))


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_a_figure_shows_its_earlier_value_beside_the_latest(browser, reported_site, scheme, viewport):
    """The fixture's figure updated by a later report: the latest number, and the earlier one with its date."""
    with opened(browser, reported_site + "figures/", scheme, viewport) as page:
        card = page.locator('.kz-figure[data-figure="program-implemented-projects"]')
        assert card.locator(".kz-figure__value").inner_text().startswith("25 projects")
        assert "reported on 18 June 2021" in card.locator(".kz-figure__meta").inner_text()
        earlier = card.locator(".kz-earlier")
        assert earlier.is_visible()
        assert re.match(r"Earlier: 19 projects, as of H2 2019 · reported in H2 2019", earlier.inner_text())
        box = earlier.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
        card.scroll_into_view_if_needed()
        card.screenshot(path=str(artifact(f"figure-history-{viewport['width']}-{scheme}")))
