"""Downloads, charts and citations without MkDocs: the engine-free core on its own."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json

from coopsite import export
from coopsite.load import load_or_raise
from coopsite.render import charts, cite
from coopsite.model import Text
from coopsite.site import Site
from conftest import FIXTURE

DATA = load_or_raise(FIXTURE, today=dt.date(2026, 1, 1))


def site() -> Site:
    return Site(DATA, dt.date(2026, 1, 1), site_name="Example site")


def test_csv_and_json_hold_the_same_rows_and_columns():
    for resource in export.RESOURCES:
        rows = list(csv.DictReader(io.StringIO(export.to_csv(DATA, resource))))
        records = json.loads(export.to_json(DATA, resource))
        assert [list(r) for r in rows] == [list(r) for r in records] != []
        assert [r["id"] for r in rows] == [r["id"] for r in records]


def test_only_text_cells_are_neutralised():
    assert export.csv_cell("=1+1", "string") == "'=1+1"
    assert export.csv_cell("-5", "string") == "'-5"
    assert export.csv_cell(-5, "number") == "-5"  # a number is a number, not a formula
    assert export.csv_cell(["=x"], "array") == '["=x"]'
    assert export.csv_cell(None, "string") == ""


def test_every_field_is_described_once():
    for resource in export.RESOURCES:
        names = [f.name for f in resource.fields]
        assert len(names) == len(set(names)), resource.name
        assert all(f.description.strip() for f in resource.fields)


def test_as_of_is_the_latest_source_date():
    assert export.as_of(DATA).label() == "13 November 2023"


def test_citation_names_page_site_date_and_address():
    s = site()
    markdown = s.render_markdown("kia-plant.md", "# Kia plant in Kostanai\n\nText.\n")
    assert "“Kia plant in Kostanai”. Example site. Data as of 13 November 2023 (the latest source). /kia-plant/" in markdown
    s.site_url = "https://example.org/coop/"
    assert "https://example.org/coop/program/sectors/ict/" in s.render_markdown("program/sectors/ict.md", "# ICT\n")
    assert cite.page_title("---\ndescription: x\n---\n\n# A \\*B\\* &amp; C\n") == "A *B* & C"


def test_charts_render_without_mkdocs_and_escape_data_text():
    hostile = DATA.figures["kia-investment"].model_copy(update={"label": Text(en="<script>x</script>")})
    data = dataclasses.replace(DATA, figures={**DATA.figures, "kia-investment": hostile})
    ctx = Site(data, dt.date(2026, 1, 1)).context("figures.md")
    out = charts.sizes(ctx)
    assert "<script>" not in out and "&lt;script&gt;x&lt;/script&gt;" in out


def test_a_chart_whose_figures_are_missing_is_left_out():
    figures = {k: v for k, v in DATA.figures.items() if k != "korean-investment"}
    data = dataclasses.replace(DATA, figures=figures)
    ctx = Site(data, dt.date(2026, 1, 1)).context("figures.md")
    assert charts.sizes(ctx) == ""
    assert charts.plant_schedule(Site(DATA, dt.date(2026, 1, 1)).context("kia-plant.md")).startswith('<figure class="kz-chart"')


def test_json_downloads_keep_markup_out_of_their_bytes_but_not_out_of_the_data():
    good = DATA.goods[0].model_copy(update={"name": Text(en="<b>Oil</b> & gas")})
    data = dataclasses.replace(DATA, goods=(good, *DATA.goods[1:]))
    text = export.to_json(data, export.BY_NAME["trade-goods"])
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)[0]["name_en"] == "<b>Oil</b> & gas"
