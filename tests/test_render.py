"""Renderers, tested without MkDocs: formatting, status wording, escaping, links."""

import datetime as dt

import pytest

from coopsite.dates import PartialDate
from coopsite.load import load_or_raise
from coopsite.model import Dataset, Figure, Milestone, Range, Source, Text, Unit
from coopsite.render import ui
from coopsite.render.html import md_text
from coopsite.render.plant import milestone_status_text
from coopsite.render.site_map import static_linker
from coopsite.formats import format_value
from conftest import FIXTURE

MONEY = Unit(id="usd", kind="money", symbol="US$")
CARS = Unit(id="cars", kind="count", one=Text(en="car a year"), other=Text(en="cars a year"))
JOBS = Unit(id="jobs", kind="count", one=Text(en="job"), other=Text(en="jobs"))
PERCENT = Unit(id="percent", kind="percent")


def figure(value, unit, qualifier="exact"):
    made = Figure(id="f", topic="t", label=Text(en="label"), value=value, unit=unit.id, qualifier=qualifier,
                  outlook="reported", as_of=PartialDate.parse(2019), source="s", quote="q q")
    made._unit = unit  # what load.py links when it builds the Dataset
    return made


@pytest.mark.parametrize("value, unit, qualifier, shown", [
    (250_000_000, MONEY, "exact", "US$250 million"),
    (2_500_000_000, MONEY, "exact", "US$2.5 billion"),
    (7_000_000_000, MONEY, "about", "about US$7 billion"),
    (70_000, CARS, "exact", "70,000 cars a year"),
    (1, CARS, "exact", "1 car a year"),
    (500, JOBS, "more-than", "more than 500 jobs"),
    (Range(5, 6), JOBS, "exact", "5 to 6 jobs"),
    (90, PERCENT, "exact", "90%"),
    (1500, JOBS, "up-to", "up to 1,500 jobs"),
])
def test_values_read_as_people_write_them(value, unit, qualifier, shown):
    assert format_value(figure(value, unit, qualifier)) == shown


def milestone(date, status="planned"):
    made = Milestone(id="m", title=Text(en="t"), date=PartialDate.parse(date), status=status, source="s",
                     quote="q q")
    made._reported = PartialDate.parse("2023-11-13")  # its source's date, linked by load.py
    return made


def status_text(item: Milestone, today: dt.date, horizon: int = 12) -> str:
    source = Source(id="s", title=Text(en="t"), published=PartialDate.parse("2023-11-13"), language="en")
    data = Dataset(sources={"s": source}, milestones=(item,), today=today, horizon_months=horizon)
    return milestone_status_text(data, item)


def test_a_plan_before_its_date_reads_as_scheduled():
    text = status_text(milestone("2025-Q1"), dt.date(2024, 6, 1))
    assert text == "scheduled for Q1 2025, as reported on 13 November 2023"


def test_a_plan_past_its_date_never_reads_as_done():
    text = status_text(milestone("2025-Q1"), dt.date(2025, 4, 1))
    assert text == ("scheduled for Q1 2025, as reported on 13 November 2023; not confirmed since then: "
                    "its date (Q1 2025) has passed and no later report is in the data")
    # Still within the quarter: not yet passed, though the report is older than the horizon.
    text = status_text(milestone("2025-Q1"), dt.date(2025, 3, 31))
    assert "has passed" not in text and text.endswith("the latest report is more than 12 months old")
    assert "not confirmed" not in status_text(milestone("2025-Q1"), dt.date(2025, 3, 31), horizon=24)


def test_text_is_escaped_for_html_and_markdown():
    env = ui.environment(None, "en")  # every template escapes what it is given, in text and attributes
    assert env.from_string('<p title="{{ v }}">{{ v }}</p>').render(v='<b>"x"</b> & \'y\'') == (
        '<p title="&lt;b&gt;&#34;x&#34;&lt;/b&gt; &amp; &#39;y&#39;">&lt;b&gt;&#34;x&#34;&lt;/b&gt; &amp; &#39;y&#39;</p>')
    assert env.from_string("{{ v|md_heading }}").render(v="<script> *b*") == r"&lt;script&gt; \*b\*"
    assert md_text("[a](javascript:alert(1)) *b* {#id}") == r"\[a\]\(javascript:alert\(1\)\) \*b\* \{\#id\}"
    assert md_text("<script>") == "&lt;script&gt;"


@pytest.mark.parametrize("page, target, fragment, url", [
    ("index.md", "sources.md", "source-a", "sources/#source-a"),
    ("kia-plant.md", "figures.md", None, "../figures/"),
    ("kia-plant.md", "kia-plant.md", "milestone-x", "#milestone-x"),
    ("program/sectors/ict.md", "index.md", None, "../../../"),
    ("program/sectors/ict.md", "program/index.md", "project-p", "../../#project-p"),
])
def test_links_are_relative_to_the_page(page, target, fragment, url):
    assert static_linker(page)(target, fragment) == url


def test_timeline_places_undated_milestones_after_the_one_they_follow():
    data = load_or_raise(FIXTURE)
    ids = [m.id for m in data.timeline()]
    assert ids.index("equipment-installation") == ids.index("construction-complete") + 1
    assert len(ids) == len(data.milestones)


def test_every_figure_value_appears_in_its_own_quote():
    from coopsite import numbers

    data = load_or_raise(FIXTURE)
    for fig in data.figures.values():
        parts = [fig.value.low, fig.value.high] if isinstance(fig.value, Range) else [fig.value]
        for number in parts:
            assert numbers.appears_in(number, fig.evidence.quote), (fig.id, number)


@pytest.mark.parametrize("today, unconfirmed", [(dt.date(2024, 1, 1), False), (dt.date(2026, 1, 1), True)])
def test_an_expected_figure_says_when_its_report_is_too_old_to_be_current(today, unconfirmed):
    """The planned investment (reported 13 November 2023) is current seven weeks later and not confirmed
    since after the 12 months of data/settings.yaml; a number reported as a fact never gets the notice."""
    from coopsite.render.context import RenderContext
    from coopsite.render.figures import figures_by_topic, headline_figures

    data = load_or_raise(FIXTURE, today=today)
    ctx = RenderContext(data, static_linker("figures.md"), today)
    cards = figures_by_topic(ctx)
    investment = cards[cards.index('data-figure="kia-investment"'):].split('<div class="kz-figure')[0]
    assert ("Not confirmed since 13 November 2023</strong>: the latest report is more than 12 months old"
            in investment) is unconfirmed
    for fact in [f for f in data.figures.values() if f.outlook == "reported"]:
        card = cards[cards.index(f'data-figure="{fact.id}"'):].split('<div class="kz-figure')[0]
        assert "Not confirmed since" not in card, fact.id
    tiles = headline_figures(RenderContext(data, static_linker("index.md"), today))
    assert ("Not confirmed since 13 November 2023" in tiles) is unconfirmed
