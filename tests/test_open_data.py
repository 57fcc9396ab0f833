"""Open data: downloads that match the YAML, safe CSV, charts, "Cite this page", the Data page."""

from __future__ import annotations

import csv
import html
import io
import json
import re

import markupsafe
import pytest

from coopsite import export
from coopsite.dates import PartialDate
from coopsite.render import ui
from coopsite.editions import EDITIONS
from coopsite.words import LANGUAGES
from coopsite.load import load_or_raise
from coopsite.yamlfile import read_file
from conftest import FIXTURE, edit, run_build

DATA = load_or_raise(FIXTURE)


def raw(kind: str) -> dict:
    """A data file exactly as the YAML says, without the site's model in between."""
    return read_file(FIXTURE / f"{kind}.yaml", f"data/{kind}.yaml", root=FIXTURE).data


def _date(value):
    return None if value is None else str(value)


def _value(value):
    if isinstance(value, dict):
        return {"value": None, "value_low": value["low"], "value_high": value["high"]}
    return {"value": value, "value_low": value, "value_high": value}


def _texts(name, value):
    """A reader text's columns, one per language: empty where the data has no translation."""
    return {f"{name}_{lang}": (value or {}).get(lang) for lang in LANGUAGES}


def _history(entry: dict, restated: tuple[str, ...], sources: dict, cell=lambda key, value: value) -> list[dict]:
    """Every report on an entry, its own fields first; a field a report leaves out carries over."""
    reports = [{key: entry.get(key) for key in restated}]
    for report in entry.get("reports", []):  # the words are each report's own
        reports.append({key: report.get(key, None if key in WORDS else reports[-1][key]) for key in restated})
    return [{**{key: cell(key, value) for key, value in r.items()},
             "reported": _date(sources[r["source"]]["published"])} for r in reports]


def _latest(entry: dict, restated: tuple[str, ...], sources: dict) -> dict:
    """The entry as its latest report gives it."""
    latest = _history(entry, restated, sources)[-1]
    return {**entry, **{key: latest[key] for key in restated}}


def _cell(key, value):
    if key in ("date", "as_of"):
        return _date(value)
    return value.strip() if key == "quote" else value


WORDS = ("source", "quote", "quote_translation")
MILESTONE_REPORT, PROJECT_REPORT = ("status", "date", *WORDS), ("status", *WORDS)
FIGURE_REPORT = ("value", "as_of", "qualifier", "outlook", *WORDS)


def expected_records() -> dict[str, list[dict]]:
    """What each download must hold, computed from the YAML files alone."""
    sources = {s["id"]: s for s in raw("sources")["sources"]}
    plant, program, figures, trade = raw("plant"), raw("program"), raw("figures"), raw("trade")
    plant["milestones"] = [{**_latest(m, MILESTONE_REPORT, sources),
                            "reports": _history(m, MILESTONE_REPORT, sources, _cell)} for m in plant["milestones"]]
    program["projects"] = [{**_latest(p, PROJECT_REPORT, sources),
                            "reports": _history(p, PROJECT_REPORT, sources, _cell)} for p in program["projects"]]
    figures["figures"] = [{**_latest(f, FIGURE_REPORT, sources),
                           "reports": _history(f, FIGURE_REPORT, sources, _cell)} for f in figures["figures"]]
    out = {}
    out["milestones"] = [{
        "id": m["id"], **_texts("title", m["title"]), "date": _date(m.get("date")), "after": m.get("after"),
        "status": m["status"], "reported": _date(sources[m["source"]]["published"]),
        "source": m["source"], "quote": m["quote"].strip(), "statements": m.get("statements", []),
        "inferred": m.get("inferred", {}), "reports": m["reports"],
    } for m in plant["milestones"]]
    out["sectors"] = [{
        "id": s["id"], **_texts("name", s["name"]), **_texts("description", s.get("description")),
        "source": s["source"], "quote": s["quote"].strip(), "statements": s.get("statements", []),
    } for s in program["sectors"]]
    out["projects"] = [{
        "id": p["id"], **_texts("name", p["name"]), **_texts("description", p.get("description")), "place": p.get("place"),
        "status": p["status"], "sectors": p["sectors"], "source": p["source"], "quote": p["quote"].strip(),
        "inferred": p.get("inferred", {}), "reports": p["reports"],
    } for p in program["projects"]]
    out["figures"] = [{
        "id": f["id"], "topic": f["topic"], **_texts("label", f["label"]), **_value(f["value"]), "unit": f["unit"],
        "qualifier": f["qualifier"], "outlook": f["outlook"], "as_of": _date(f["as_of"]),
        "headline": f.get("headline", False), "source": f["source"], "quote": f["quote"].strip(),
        "statements": f.get("statements", []), "inferred": f.get("inferred", {}), "reports": f["reports"],
    } for f in figures["figures"]]
    out["derived-figures"] = [{
        "id": d["id"], "topic": d["topic"], **_texts("label", d["label"]), "operation": d["operation"],
        "inputs": d["inputs"], "unit": d["unit"], "decimals": d.get("decimals", 0), **_texts("assumption", d.get("assumption")),
    } for d in figures.get("derived", [])]
    out["trade-goods"] = [{
        "id": g["id"], **_texts("name", g["name"]), "direction": g["direction"], "source": g["source"],
        "quote": g["quote"].strip(),
    } for g in trade["goods"]]
    out["sources"] = [{
        "id": s["id"], **_texts("title", s["title"]), "headline": s.get("headline"), "outlet": s.get("outlet"),
        "url": s.get("url"), "published": _date(s["published"]), "language": s["language"],
        **_texts("summary", s.get("summary")), **_texts("notes", s.get("notes")), "inferred": s.get("inferred", {}),
    } for s in sources.values()]
    return out


def read_csv_cell(cell: str, type_: str):
    """A CSV cell back to its value, the way a careful analyst's script would."""
    if cell == "":
        return None
    if type_ in ("array", "object"):
        return json.loads(cell)
    if type_ == "boolean":
        return {"true": True, "false": False}[cell]
    if type_ in ("number", "integer"):
        number = float(cell)
        return int(number) if number.is_integer() else number
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(export.FORMULA_STARTS) else cell


def test_every_download_matches_the_yaml_exactly(built_site):
    expected = expected_records()
    package = json.loads((built_site.site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == list(expected)
    for resource in package["resources"]:
        name = resource["name"]
        fields = resource["schema"]["fields"]
        types = {f["name"]: f["type"] for f in fields}
        as_json = json.loads((built_site.site / "data" / f"{name}.json").read_text(encoding="utf-8"))
        with open(built_site.site / "data" / resource["path"], encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert list(rows[0]) == [f["name"] for f in fields], name
        as_csv = [{k: read_csv_cell(v, types[k]) for k, v in row.items()} for row in rows]
        assert len(as_json) == len(as_csv) == len(expected[name]), name
        for want, got_json, got_csv in zip(expected[name], as_json, as_csv):
            for key, value in want.items():
                assert got_json[key] == value, (name, want["id"], key)
                assert got_csv[key] == value, (name, want["id"], key)


def test_derived_downloads_carry_the_computed_values(built_site):
    rows = {r["id"]: r for r in json.loads((built_site.site / "data" / "derived-figures.json").read_text(encoding="utf-8"))}
    assert (rows["kia-related-jobs"]["value_low"], rows["kia-related-jobs"]["value_high"]) == (7500, 9000)
    assert rows["kia-related-jobs"]["value"] is None
    assert rows["kia-investment-per-job"]["value"] == 170000  # to the inputs' precision, as shown
    assert rows["kia-investment-per-job"]["exact_value_low"] == pytest.approx(166666.667)  # the exact value stays
    assert rows["kia-investment-per-job"]["formula_en"] == "US$250 million ÷ 1,500 jobs ≈ US$170,000"
    assert rows["kia-investment-per-job"]["formula_ru"].replace("\xa0", " ") == (
        "250 млн долларов США ÷ 1 500 рабочих мест ≈ 170 000 долларов США")
    assert rows["kia-investment-per-job"]["formula_ko"] == "2억 5천만 달러 ÷ 일자리 1,500개 ≈ 17만 달러"
    assert rows["kia-investment-per-job"]["assumption_en"].startswith("Divides the whole foreign investment")
    csv_rows = {r["id"]: r for r in csv.DictReader(io.StringIO((built_site.site / "data" / "derived-figures.csv").read_text(encoding="utf-8")))}
    assert float(csv_rows["kia-investment-per-job"]["exact_value_low"]) == pytest.approx(166666.667)


def test_datapackage_describes_every_field_with_a_type_and_licence(built_site):
    package = json.loads((built_site.site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert "Data as of 13 November 2023" in package["description"]  # the fixture's latest source
    for resource in package["resources"]:
        assert resource["format"] == "csv" and (built_site.site / "data" / resource["path"]).is_file()
        for field in resource["schema"]["fields"]:
            assert field["type"] in ("string", "number", "integer", "boolean", "array", "object")
            assert field["description"]


def test_csv_cells_cannot_run_as_formulas(project):
    edit(project, "data/trade.yaml", "name: {en: Oil, ru: Нефть, kk: Мұнай, ko: 석유}", 'name: {en: "=HYPERLINK(\\"http://evil.example\\",\\"x\\")"}')
    edit(project, "data/trade.yaml", "name: {en: Uranium, ru: Уран, kk: Уран, ko: 우라늄}", 'name: {en: "+1+2"}')
    edit(project, "data/trade.yaml", "name: {en: Copper, ru: Медь, kk: Мыс, ko: 구리}", 'name: {en: "-2+3"}')
    edit(project, "data/trade.yaml", "name: {en: Steel, ru: Сталь, kk: Болат, ko: 철강}", 'name: {en: "@SUM(A1:A2)"}')
    result = run_build(project)
    assert result.returncode == 0, result.output
    text = (result.site / "data" / "trade-goods.csv").read_text(encoding="utf-8")
    names = [row["name_en"] for row in csv.DictReader(io.StringIO(text))][:4]
    assert names == ["'=HYPERLINK(\"http://evil.example\",\"x\")", "'+1+2", "'-2+3", "'@SUM(A1:A2)"]
    # The JSON keeps the text as written; the page shows it as text.
    goods = json.loads((result.site / "data" / "trade-goods.json").read_text(encoding="utf-8"))
    assert goods[0]["name_en"] == '=HYPERLINK("http://evil.example","x")'
    assert export.neutralise("plain") == "plain" and export.neutralise("\t=1") == "'\t=1"


def test_markup_in_data_stays_text_on_the_page(project):
    edit(project, "data/trade.yaml", "name: {en: Oil, ru: Нефть, kk: Мұнай, ko: 석유}", 'name: {en: "<b>Oil</b>"}')
    result = run_build(project)
    assert result.returncode == 0, result.output
    assert "<b>Oil</b>" not in result.page("trade/")
    assert "&lt;b&gt;Oil&lt;/b&gt;" in result.page("trade/")


CHART_PAGES = {
    "figures/": ["chart-sizes"],
    "trade/": ["chart-trade-turnover"],
    "kia-plant/": ["chart-plant-schedule"],
}


@pytest.mark.parametrize("page, charts", CHART_PAGES.items())
def test_charts_are_accessible_svg_with_the_numbers_as_a_table(built_site, page, charts):
    content = built_site.page(page)
    for chart in charts:
        block = re.search(rf'<figure class="kz-chart" id="{chart}">(.*?)</figure>', content, re.S)
        assert block, chart
        figure = block.group(1)
        svg = re.search(r"<svg [^>]*>.*?</svg>", figure, re.S).group(0)
        assert 'role="img"' in svg and 'viewBox="0 0 360 ' in svg
        labelled = re.search(r'aria-labelledby="([^"]+)"', svg).group(1).split()
        for ident in labelled:
            assert re.search(rf'<(title|desc) id="{ident}">[^<]+</(title|desc)>', svg), ident
        assert "<script" not in svg and not re.search(r'(fill|stroke)="#', svg)
        table = re.search(r"<table>.*?</table>", figure, re.S)
        assert table and "<caption>" in table.group(0) and '<th scope="col">' in table.group(0)
        assert "<figcaption" in figure


def test_no_remaining_projects_the_article_does_not_support(built_site):
    # The article ties the 19 implemented and six ongoing projects to the US$7 billion package, not
    # to the 58 or the 40 projects: no subtraction, no "remaining" bar.
    page = built_site.page("program/")
    assert 'id="chart-program-progress"' not in page and "Remaining" not in page
    assert "remaining" not in built_site.page("figures/").lower()


def test_sizes_chart_shows_the_three_amounts(built_site):
    block = re.search(r'<figure class="kz-chart" id="chart-sizes">.*?</figure>', built_site.page("figures/"), re.S).group(0)
    for amount in ("US$250 million", "about US$4 billion", "about US$7 billion"):
        assert amount in block


def test_every_page_has_cite_this_with_address_and_as_of_date(built_site):
    pages = [p for p in built_site.site.rglob("index.html") if "assets" not in p.parts]
    assert len(pages) > 10
    for path in pages:
        content = path.read_text(encoding="utf-8")
        address = re.search(r'<link rel="canonical" href="([^"]+)"', content).group(1)  # the page's full address
        citation = re.search(r'<p class="kz-citation">(.*?)</p>', content)
        assert citation, path
        text = html.unescape(citation.group(1))
        edition = next(e for e in reversed(EDITIONS) if address.startswith("http://127.0.0.1:8000/" + e.root))
        as_of = PartialDate.parse("2023-11-13").label(edition.lang)  # the cited edition's date form
        assert as_of in text and text.endswith(" " + address), text
        assert ui.site_name("Kazakhstan–Korea Economic Cooperation", edition.lang) in text  # in the edition's words


@pytest.mark.parametrize("page, names", [
    ("kia-plant/", ["milestones"]), ("program/", ["sectors", "projects"]),
    ("figures/", ["figures", "derived-figures"]), ("trade/", ["trade-goods"]), ("sources/", ["sources"]),
])
def test_each_section_links_its_own_download(built_site, page, names):
    content = built_site.page(page)
    for name in names:
        assert f'href="../data/{name}.csv"' in content.replace('href="../../data/', 'href="../data/')
        assert f'href="../data/{name}.json"' in content.replace('href="../../data/', 'href="../data/')


def test_data_page_lists_every_download_with_licence_and_fields(built_site):
    content = built_site.page("data/")
    assert "CC BY 4.0" in html.unescape(content) and 'rel="license"' in content
    assert 'href="datapackage.json"' in content
    for resource in export.RESOURCES:
        assert f'href="{resource.name}.csv"' in content and f'href="{resource.name}.json"' in content
        for field in resource.fields:
            assert markupsafe.escape(field.description) in content, (resource.name, field.name)
    assert 'href="data/"' in built_site.page("")  # in the navigation


def test_numbers_show_their_sentence_on_hover(built_site):
    """Home tiles, the plant card and chart tables carry the quote as a tooltip (the browser shows each title on hover)."""
    quote = html.escape(DATA.figures["kia-investment"].evidence.quote)
    assert re.search(rf'class="kz-tile" data-figure="kia-investment" href="figures/#figure-kia-investment" title="“{re.escape(quote)}”', built_site.page(""))
    assert f'title="“{quote}”' in built_site.page("kia-plant/")


def test_citations_and_download_boxes_stay_out_of_search(built_site):
    texts = [d["text"] for d in built_site.search_index()["docs"]]
    assert not any("Cite this page" in t or "Download this data" in t for t in texts)


def test_downloads_carry_every_language_described_in_the_datapackage(built_site):
    """Each reader text is one column per language (title_en ... title_ko), from the one declaration;
    the descriptor names the language and the Data page lists each column."""
    package = json.loads((built_site.site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    fields = {r["name"]: {f["name"]: f["description"] for f in r["schema"]["fields"]} for r in package["resources"]}
    for lang, language in (("en", "English"), ("ru", "Russian"), ("kk", "Kazakh"), ("ko", "Korean")):
        assert f"({language})" in fields["milestones"][f"title_{lang}"]
        assert f"({language})" in fields["sources"][f"summary_{lang}"]
        assert f"formatted_{lang}" in fields["figures"]
    assert "title" not in fields["milestones"] and "empty where not translated" in fields["milestones"]["title_ru"]
    rows = list(csv.DictReader(io.StringIO((built_site.site / "data" / "figures.csv").read_text(encoding="utf-8"))))
    investment = next(r for r in rows if r["id"] == "kia-investment")
    assert investment["label_en"] == DATA.figures["kia-investment"].label.get("en")
    assert (investment["formatted_en"], investment["formatted_ko"]) == ("US$250 million", "2억 5천만 달러")
    assert investment["formatted_ru"].replace("\xa0", " ") == "250 млн долларов США"
    data_page = built_site.page("data/")
    assert "title_ko" in data_page and "formatted_kk" in data_page


def test_a_missing_translation_leaves_its_column_empty_not_english(project):
    edit(project, "data/trade.yaml", "name: {en: Oil, ru: Нефть, kk: Мұнай, ko: 석유}", "name: {en: Oil, ru: Нефть}")
    result = run_build(project)
    assert result.returncode == 0, result.output
    oil = next(r for r in csv.DictReader(io.StringIO((result.site / "data" / "trade-goods.csv").read_text(encoding="utf-8")))
               if r["name_en"] == "Oil")
    assert (oil["name_ru"], oil["name_kk"], oil["name_ko"]) == ("Нефть", "", "")
