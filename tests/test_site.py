"""The real site, built by MkDocs: what a reader sees in the HTML and in search."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin

import pytest

from coopsite.load import load_or_raise
from coopsite.formats import format_value
from conftest import FIXTURE, cited_references

DATA = load_or_raise(FIXTURE)


def text_of(page_html: str) -> str:
    """Visible text, tags removed and entities decoded, whitespace folded."""
    without_tags = re.sub(r"<[^>]+>", " ", page_html)
    return " ".join(html.unescape(without_tags).split())


def main_content(page_html: str) -> str:
    start = page_html.index('<article class="md-content__inner')
    return page_html[start: page_html.index("</article>", start)]


def test_timeline_lists_every_milestone_in_date_order_with_its_date_label(built_site):
    page = main_content(built_site.page("kia-plant/"))
    titles = re.findall(r'<h3 class="kz-timeline__title" id="milestone-([a-z0-9-]+)"', page)
    assert titles == [
        "small-scale-production", "construction-launch", "localization-center",
        "construction-complete", "equipment-installation", "pilot-launch", "full-production",
    ]
    dates = [text_of(d) for d in re.findall(r'<p class="kz-timeline__date">(.*?)</p>', page)]
    assert dates == [
        "January 2023 year inferred",
        "11 November 2023 year inferred",
        "Date not reported; after “Official ceremony launches construction of the full-cycle plant”",
        "2024",
        "Date not reported; after “Construction completed”",
        "Q1 2025",
        "Q2 2025 year inferred",
    ]
    assert "1 January 2024" not in text_of(page)


def test_past_plans_read_as_plans_with_no_later_report(built_site):
    text = text_of(main_content(built_site.page("kia-plant/"))).replace(" :", ":")  # a tag ends before the colon
    passed = ("as reported on 13 November 2023. Not confirmed since 13 November 2023: its date ({}) has passed and "
              "no later report is in the data")
    assert "Planned, date passed scheduled for Q1 2025, " + passed.format("Q1 2025") in text
    assert "Planned, date passed scheduled for 2024, " + passed.format("2024") in text
    assert "Done as reported on 13 November 2023" in text  # the ceremony: done stays done
    # The localization center, three years on; equipment installation, after a passed plan.
    assert ("In progress as reported on 13 November 2023. Not confirmed since 13 November 2023: "
            "the latest report is more than 12 months old") in text
    assert ("Planned as reported on 13 November 2023. Not confirmed since 13 November 2023: "
            "it follows a planned step whose date has passed") in text


def test_each_milestone_has_a_permalink(built_site):
    page = built_site.page("kia-plant/")
    for milestone in DATA.milestones:
        anchor = f"milestone-{milestone.id}"
        assert f'id="{anchor}"' in page
        assert f'href="#{anchor}"' in page


def test_plant_summary_card(built_site):
    card = text_of(re.search(r'<div class="kz-card kz-plant-card">.*?</table>', built_site.page("kia-plant/"), re.S).group(0))
    for expected in ("Partner Kia", "Kostanai", "US$250 million", "70,000 cars a year", "1,500 jobs", "Under construction"):
        assert expected in card


def test_one_page_per_sector_linked_from_the_program_and_in_the_nav(built_site):
    program = built_site.page("program/")
    home = built_site.page("")
    for sector in DATA.sectors.values():
        page = built_site.page(f"program/sectors/{sector.id}/")
        assert "<h1" in page and html.escape(sector.name.get()) in page
        assert f'href="sectors/{sector.id}/"' in program
        # The nav, rendered on every page, reaches each sector page.
        assert f'href="program/sectors/{sector.id}/"' in home


def test_program_shows_both_project_counts_with_a_note(built_site):
    text = text_of(main_content(built_site.page("program/")))
    assert "40 projects" in text and "58 projects" in text
    assert "Where the figures differ" in text
    assert "Big Almaty Ring Road" in text and "Joint car assembly plant" in text
    assert "April 2019 year inferred" in text


@pytest.mark.parametrize("expected", [
    "US$250 million", "70,000 cars a year", "1,500 jobs", "more than 500 enterprises",
    "about US$4 billion", "about US$7 billion", "US$2.5 billion", "90%", "58 projects", "10 industries",
    "5 to 6 jobs in related industries per mechanical engineering job",
])
def test_figures_are_formatted_for_people(built_site, expected):
    assert expected in text_of(main_content(built_site.page("figures/")))


def test_every_figure_appears_with_its_value_source_and_permalink(built_site):
    page = built_site.page("figures/")
    for figure in DATA.figures.values():
        block = re.search(rf'<div class="kz-figure" data-figure="{figure.id}".*?</div>', page, re.S)
        assert block, figure.id
        text = text_of(block.group(0))
        assert format_value(figure) in text
        # the quote once, in the References; a figure a later report changed cites the earlier one too
        reference, *earlier = cited_references(page, block.group(0))
        assert figure.evidence.quote.split()[0] in text_of(reference)
        assert len(earlier) == (1 if figure.first_report else 0)
        assert f'id="figure-{figure.id}"' in block.group(0)


def test_trade_page_lists_exports_and_imports(built_site):
    text = text_of(main_content(built_site.page("trade/")))
    export_part = text[text.index("Kazakhstan exports to Korea"): text.index("Kazakhstan imports from Korea")]
    for good in ("Oil", "Uranium", "Copper", "Steel"):
        assert good in export_part
    for good in ("Electronics", "Equipment", "Cars"):
        assert good in text.split("Kazakhstan imports from Korea", 1)[1]
    assert "US$2 billion" in text


def test_people_page_links_statements_to_facts(built_site):
    page = built_site.page("people/")
    assert 'id="statement-aksakalov-related-jobs"' in page
    assert "five to six jobs in related" in page
    assert 'href="../figures/#figure-related-jobs-multiplier"' in page
    figures = built_site.page("figures/")
    assert 'href="../people/#statement-aksakalov-related-jobs"' in figures


def test_sources_page_lists_dates_and_citing_facts(built_site):
    text = text_of(main_content(built_site.page("sources/")))
    assert "13 November 2023 (known to the day)" in text
    assert "H2 2019 (known to the half) inferred" in text
    assert "Figures (" in text and "Milestones (" in text


@pytest.mark.parametrize("query, location_prefix", [
    ("pilot launch", "kia-plant/#milestone-pilot-launch"),
    ("Tourism", "program/sectors/tourism/"),
    ("70,000 cars a year", "figures/"),
    ("uranium", "trade/"),
    ("Kostanay", "kia-plant/"),
    ("Костанай", "kia-plant/"),
])
def test_search_index_finds_generated_content(built_site, query, location_prefix):
    docs = built_site.search_index()["docs"]
    hits = [d["location"] for d in docs if query.lower() in (d["title"] + " " + d["text"]).lower()]
    assert any(h.startswith(location_prefix) for h in hits), hits


class _LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.loads: list[tuple[str, str]] = []  # what the browser fetches to show the page
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if "id" in values:
            self.ids.add(values["id"])
        for name in ("href", "src"):
            if values.get(name):
                self.links.append((tag, values[name]))
                # a canonical or alternate <link> names an address; the browser does not load it
                names_only = tag == "link" and values.get("rel") in ("canonical", "alternate")
                if tag in ("script", "link", "img", "iframe", "source") and not names_only:
                    self.loads.append((tag, values[name]))


def _parse(path: Path) -> _LinkCollector:
    collector = _LinkCollector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def test_no_request_leaves_the_site(built_site):
    for path in built_site.site.rglob("*.html"):
        for tag, url in _parse(path).loads:
            assert not re.match(r"^(https?:)?//", url), f"{path}: {tag} loads {url}"
    for css in built_site.site.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8")


def test_every_internal_link_and_anchor_resolves(built_site):
    site = built_site.site
    parsed = {path: _parse(path) for path in site.rglob("*.html")}
    broken = []
    for path, collector in parsed.items():
        if path.name == "404.html":
            continue  # served at any depth, so its links are root-absolute by design
        base = "file://" + str(path)
        for tag, url in collector.links:
            if tag != "a" or re.match(r"^[a-z]+:", url):
                continue
            target_url, fragment = urldefrag(urljoin(base, url))
            target = Path(unquote(target_url[len("file://"):]))
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(site)} -> {url}")
            elif fragment and target.suffix == ".html" and fragment not in parsed[target].ids:
                broken.append(f"{path.relative_to(site)} -> {url} (no such anchor)")
    assert broken == []


def test_every_page_has_its_own_meta_description(built_site):
    seen = {}
    for path in built_site.site.rglob("index.html"):
        if "assets" in path.parts:
            continue
        match = re.search(r'<meta name="description" content="([^"]*)"', path.read_text(encoding="utf-8"))
        assert match, path
        seen.setdefault(match.group(1), []).append(path)
    assert all(len(paths) == 1 for paths in seen.values()), [p for p in seen.values() if len(p) > 1]


def test_search_text_keeps_words_apart(built_site):
    """Generated blocks are separated, so a result reads 'Uranium Source', never 'UraniumSource'."""
    texts = " ".join(d["text"] for d in built_site.search_index()["docs"])
    for glued in ("UraniumSource", "OilSource", "PartnerKia", "US$250 millionForeign"):
        assert glued not in texts
    assert "Uranium" in texts
