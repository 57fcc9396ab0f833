"""The trust rules (rules.py, status.py): each shown failing on the mistakes the data used to hold,
and holding on today's data. Dates are pinned: the build's "today" never comes from the clock here."""

from __future__ import annotations

import datetime as dt
import html
import re
from html.parser import HTMLParser

import pytest

from coopsite import articles, rules, status
from coopsite.load import load, load_or_raise
from conftest import FIXTURE, ROOT, edit, line_of

TODAY = dt.date(2026, 1, 1)  # the same date as the builds' SOURCE_DATE_EPOCH (conftest.BUILD_EPOCH)


def errors(project, today=TODAY) -> list[str]:
    result = load(project / "data", today=today)
    assert result.dataset is None, "the mistake must be refused"
    return [str(p) for p in result.report.errors]


@pytest.fixture(scope="module")
def data():
    return load_or_raise(FIXTURE, today=TODAY)


# -- 1. attribution ---------------------------------------------------------------------------


def test_real_links_are_all_made_by_the_article(data):
    assert rules.check_attribution(data) == []


def test_sentences_keep_an_abbreviated_month_inside_its_sentence():
    text = "Sklyar said at a Nov. 11 ceremony. 19 projects were done. “We reached it. It doubled,” he said."
    spans = [text[s:e].strip() for s, e in articles.sentences(text)]
    assert spans == ["Sklyar said at a Nov. 11 ceremony.", "19 projects were done.", "“We reached it.",
                     "It doubled,” he said."]


def test_the_package_credited_to_the_ambassador_is_refused(project):
    # The old data linked "about US$7 billion" to Kim Dae-Sik's statement on sectors.
    edit(project, "data/figures.yaml", "is worth about\n      US$7 billion.\n",
         "is worth about\n      US$7 billion.\n    statements: [kim-program-sectors]\n")
    line = line_of(project, "data/figures.yaml", "statements: [kim-program-sectors]")
    assert errors(project) == [
        f"data/figures.yaml:{line}:18: figures[8].statements[0]: statement 'kim-program-sectors' is not tied to this "
        "fact by the article: its quote and this fact's quote share no sentence; remove the link, or mark it "
        "inferred with the reasoning (inferred: {statements: ...})"]


def test_the_localization_center_credited_to_sklyar_is_refused(project):
    edit(project, "data/plant.yaml", "(SMEs).\n", "(SMEs).\n    statements: [sklyar-high-tech-breakthrough]\n")
    line = line_of(project, "data/plant.yaml", "statements: [sklyar-high-tech-breakthrough]")
    assert errors(project) == [
        f"data/plant.yaml:{line}:18: milestones[2].statements[0]: statement 'sklyar-high-tech-breakthrough' is not "
        "tied to this fact by the article: its quote and this fact's quote share no sentence; remove the link, or "
        "mark it inferred with the reasoning (inferred: {statements: ...})"]


def test_ceremony_links_without_the_inferred_mark_are_refused(project):
    text = (project / "data/plant.yaml").read_text(encoding="utf-8")
    start = text.index("      statements:\n        en: >-\n          The article names Sklyar")
    end = text.index("    status: done", start)
    (project / "data/plant.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    found = errors(project)
    assert [re.sub(r":\d+:\d+:", ":L:C:", m).split(" is not tied")[0] for m in found] == [
        "data/plant.yaml:L:C: milestones[1].statements[1]: statement 'song-pride-in-contributing'",
        "data/plant.yaml:L:C: milestones[1].statements[2]: statement 'aksakalov-boost-production'",
    ]


# -- 2. as of when ----------------------------------------------------------------------------


def test_everything_reads_as_reported_before_its_dates_pass():
    early = load_or_raise(FIXTURE, today=dt.date(2024, 1, 1))
    assert not status.plant(early).unconfirmed
    assert not any(status.milestone(early, m).unconfirmed for m in early.milestones)
    assert status.sentence(status.plant(early), 12) == "as reported on 13 November 2023"


def test_passed_plans_undated_steps_and_old_reports_are_not_confirmed_since(data):
    reasons = {m.id: status.milestone(data, m).reason for m in data.milestones}
    assert reasons == {
        "small-scale-production": None, "construction-launch": None,  # done stays done
        "localization-center": "old-report", "construction-complete": "date-passed",
        "equipment-installation": "follows-passed", "pilot-launch": "date-passed", "full-production": "date-passed",
    }
    plant = status.plant(data)
    assert plant.reason == "schedule-passed" and plant.unconfirmed_since.label() == "13 November 2023"
    moon = status.role(data, data.people["moon-jae-in"])
    assert status.sentence(moon, 12) == ("as reported in H2 2019 (date inferred); not confirmed since then: "
                                         "the latest report is more than 12 months old")


def test_the_horizon_is_set_in_one_place(project):
    edit(project, "data/settings.yaml", "unconfirmed_after_months: 12", "unconfirmed_after_months: 48")
    later = load_or_raise(project / "data", today=TODAY)
    assert later.horizon_months == 48
    assert not status.role(later, later.people["roman-sklyar"]).unconfirmed  # November 2023 + 48 months
    assert status.role(later, later.people["moon-jae-in"]).unconfirmed  # 2019 + 48 months has passed
    edit(project, "data/settings.yaml", "unconfirmed_after_months: 48", "unconfirmed_after_months: soon")
    line = line_of(project, "data/settings.yaml", "unconfirmed_after_months")
    assert errors(project)[0].startswith(f"data/settings.yaml:{line}:27: unconfirmed_after_months: expected a whole number")


class _Elements(HTMLParser):
    """The inner HTML of every element carrying a given attribute, by that attribute's value."""

    def __init__(self, attribute: str):
        super().__init__(convert_charrefs=False)
        self.attribute, self.open, self.found = attribute, [], []

    def handle_starttag(self, tag, attrs):
        raw = self.get_starttag_text()
        for item in self.open:
            item[2].append(raw)
        if tag in ("br", "img", "input", "meta", "link", "rect", "line"):
            return
        value = dict(attrs).get(self.attribute)
        self.open.append([tag, value, [], 0])
        for item in self.open[:-1]:
            if item[0] == tag:
                item[3] += 1

    def handle_endtag(self, tag):
        for item in self.open:
            item[2].append(f"</{tag}>")
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                item = self.open.pop(index)
                if item[1] is not None:
                    self.found.append((item[1], "".join(item[2])))
                break

    def handle_data(self, data):
        for item in self.open:
            item[2].append(data)


def elements_with(page: str, attribute: str) -> list[tuple[str, str]]:
    parser = _Elements(attribute)
    parser.feed(page)
    return parser.found


def test_every_status_and_role_shows_when_it_was_reported(built_site):
    pages = {"kia-plant/": 8, "": 1, "people/": 7, "program/": 3}  # timeline + card, home, roles, projects + sectors
    for page, least in pages.items():
        marked = elements_with(built_site.page(page), "data-unconfirmed-since")
        assert len(marked) >= least, page
        for since, inner in marked:
            text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inner)).split())
            assert "as reported" in text, (page, text)
            if since:
                assert "Not confirmed since " in text, (page, text)
    home = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", built_site.page(""))).split()).replace(" :", ":")
    assert "Under construction, as reported on 13 November 2023. Not confirmed since 13 November 2023: the schedule " \
           "it gave has passed (Q2 2025)" in home


def test_the_schedule_chart_says_what_is_not_confirmed(built_site):
    chart = re.search(r'<figure class="kz-chart" id="chart-plant-schedule">.*?</figure>', built_site.page("kia-plant/"), re.S).group(0)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", chart)).split())
    assert "Equipment installation not reported Planned; not confirmed since 13 November 2023" in text
    assert "Pilot launch of production Q1 2025 Planned, date passed; not confirmed since 13 November 2023" in text
    assert "Not confirmed since the report" in text  # the legend


# -- 3. inferred everywhere -------------------------------------------------------------------


def test_every_shown_value_the_data_marks_inferred_carries_the_mark(built_site, data):
    # (a later report's date is its own: the mark goes with the figure's own report)
    inferred_as_of = {f.id for f in data.figures.values() if "as_of" in f.inferred and f.as_of == f.history[0].as_of}
    assert inferred_as_of
    seen = 0
    for path in built_site.site.rglob("*.html"):
        for figure_id, inner in elements_with(path.read_text(encoding="utf-8"), "data-figure"):
            if figure_id in inferred_as_of and "as of" in inner.replace("As of", "as of"):
                seen += 1
                assert "kz-badge--inferred" in inner, (path, figure_id)
    assert seen >= len(inferred_as_of) * 2  # a card on Key figures and at least one more place each
    people = built_site.page("people/")
    for statement in data.statements.values():
        block = re.search(rf'<div class="kz-statement" id="statement-{statement.id}">.*?</div>', people, re.S).group(0)
        source = data.sources[statement.evidence.source_id]
        if (statement.date is None and "published" in source.inferred) or "date" in statement.inferred:
            assert "kz-badge--inferred" in block, statement.id
    # A link the article does not make is marked where the people page shows it.
    for name in ("song-pride-in-contributing", "aksakalov-boost-production"):
        block = re.search(rf'<div class="kz-statement" id="statement-{name}">.*?</div>', people, re.S).group(0)
        assert "Official ceremony launches construction" in block and "link inferred" in block, name
    sklyar = re.search(r'<div class="kz-statement" id="statement-sklyar-kia-first-direct-investment">.*?</div>', people, re.S).group(0)
    assert "link inferred" not in sklyar  # the article names him at the ceremony
    timeline = built_site.page("kia-plant/")
    for milestone in data.milestones:
        if "date" in milestone.inferred:
            item = re.search(rf'<li class="kz-timeline__item[^"]*"[^>]*>\s*<p class="kz-timeline__date">.*?'
                             rf'id="milestone-{milestone.id}"', timeline, re.S).group(0)
            assert "kz-badge--inferred" in item[item.rindex("kz-timeline__date"):], milestone.id


def test_downloads_carry_the_inferred_and_unconfirmed_columns(built_site):
    import csv
    import io
    import json

    for name in ("milestones", "projects", "sectors", "figures", "sources"):
        rows = json.loads((built_site.site / "data" / f"{name}.json").read_text(encoding="utf-8"))
        assert all("inferred" in row for row in rows), name
    milestones = {r["id"]: r for r in csv.DictReader(io.StringIO(
        (built_site.site / "data" / "milestones.csv").read_text(encoding="utf-8")))}
    assert milestones["pilot-launch"]["unconfirmed_since"] == "2023-11-13"
    assert milestones["construction-launch"]["unconfirmed_since"] == ""
    sectors = json.loads((built_site.site / "data" / "sectors.json").read_text(encoding="utf-8"))
    assert {s["unconfirmed_since"] for s in sectors} == {"2019-H2"}


# -- 4. background ---------------------------------------------------------------------------


def test_place_background_is_labelled_and_a_place_from_a_name_is_inferred(built_site, project):
    card = re.search(r'<div class="kz-card kz-plant-card">.*?</table>', built_site.page("kia-plant/"), re.S).group(0)
    assert "Kostanay" in card and "background, not from the sources" in card
    project_block = re.search(r'<div class="kz-project">.*?</div>', built_site.page("program/"), re.S).group(0)
    assert "Place: Almaty" in project_block and "place inferred" in project_block
    # The old field name, with no mark of what it is, is refused.
    edit(project, "data/places.yaml", "    background:\n      en: capital", "    kind:\n      en: capital")
    assert any("places[1].kind: unknown field 'kind'" in m for m in errors(project))


# -- 6. every number -------------------------------------------------------------------------


def test_every_number_in_the_sources_is_a_figure_or_left_out_with_a_reason(data):
    assert rules.check_every_number(data) == []
    counted = sum(len(rules.numbers_in(text)) for text in data.source_texts.values())
    assert counted > 40  # digit groups and number words, both articles
    assert all(item.reason.get() for item in data.left_out)


def test_a_number_neither_a_figure_nor_left_out_is_located_in_the_article(project):
    text = (project / "data/figures.yaml").read_text(encoding="utf-8")
    start = text.index("  - source: fresh-wind-2019\n    words: By the end of the year")
    end = text.index("  - source: fresh-wind-2019\n    words: Korea is actively")
    (project / "data/figures.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    assert errors(project) == [
        "data/sources/fresh-wind-2019.txt:25:166: the number 'double' is neither in a figure's quote nor listed as "
        "left out (in: “By the end of the year, the figure is expected to double,” ambassador, Kim said.”); add it "
        "to figures.yaml as a figure, or under left_out with the reason"]


def test_left_out_numbers_are_listed_on_key_figures(built_site, data):
    page = html.unescape(built_site.page("figures/"))
    assert 'id="numbers-left-out"' in page
    for item in data.left_out:
        assert item.words in page and item.reason.get() in " ".join(page.split())


# -- 7. dates at the precision the text allows ----------------------------------------------


def test_the_2019_article_is_dated_to_its_second_half_with_the_reasoning(data):
    source = data.sources["fresh-wind-2019"]
    assert source.published.iso() == "2019-H2"
    assert "the first half of this year" in source.inferred["published"].en


# -- 8. prose -------------------------------------------------------------------------------


@pytest.mark.parametrize("claim", ["being built", "in the words of", "the officials the articles quote",
                                   "officials the sources quote", "planned for 2025"])
def test_the_pages_claim_no_more_than_the_sources(claim):
    for path in (ROOT / "docs").rglob("*.md"):
        assert claim not in path.read_text(encoding="utf-8"), (path.name, claim)


def test_a_derived_figure_dated_by_an_inferred_input_carries_the_mark(project):
    from conftest import run_build

    edit(project, "data/figures.yaml", "inputs: [kia-investment, kia-jobs]", "inputs: [program-package-value, program-projects]")
    built = run_build(project)
    assert built.returncode == 0, built.output
    card = re.search(r'<div class="kz-figure kz-figure--derived" data-figure="kia-investment-per-job".*?</details>',
                     built.page("figures/"), re.S).group(0)
    meta = re.search(r'<p class="kz-figure__meta">.*?</p>', card, re.S).group(0)
    assert "as of H2 2019 (latest input)" in meta and "kz-badge--inferred" in meta
