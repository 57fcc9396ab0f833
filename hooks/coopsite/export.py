"""Downloads: every dataset as CSV and JSON, and a Frictionless Data Package descriptor.

One list of field definitions (RESOURCES) drives the CSV columns, the JSON keys, the descriptor's
table schemas and the field tables on the Data page, so they cannot drift apart. Generated at build
time; nothing here is committed. No MkDocs here.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any, Callable, Optional

from .dates import PartialDate
from . import status
from .model import Dataset, Range, Text
from .render import site_map

DOWNLOAD_DIR = "data"  # under the site root: data/figures.csv, data/datapackage.json
PACKAGE_NAME = "kazakhstan-korea-cooperation"

LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
LICENCE_NOTE = (
    "The compilation (the selection and structure of the facts, ids, labels, dates, status and the "
    "derived figures) is licensed under CC BY 4.0: reuse it freely, naming this site. The quotes "
    "remain the text of the articles they come from; they are short quotations given as evidence, "
    "and their rights stay with the articles' authors and publishers."
)

# Cells a spreadsheet would read as a formula. Neutralised with a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Table Schema type: string, number, integer, boolean, array, object
    description: str
    get: Callable[..., Any]
    with_data: bool = False  # get(entry, data): for states worked out from the whole dataset (status.py)


@dataclass(frozen=True)
class Resource:
    name: str
    title: str
    description: str
    page: str  # the site page this dataset belongs to (site_map path)
    fields: tuple[Field, ...]
    rows: Callable[[Dataset], list]

    @property
    def csv_path(self) -> str:
        return f"{DOWNLOAD_DIR}/{self.name}.csv"

    @property
    def json_path(self) -> str:
        return f"{DOWNLOAD_DIR}/{self.name}.json"


def _en(text: Optional[Text]) -> Optional[str]:
    return text.get("en") if text is not None else None


def _date(date: Optional[PartialDate]) -> Optional[str]:
    return date.iso() if date is not None else None


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _single(value: float | Range) -> Optional[int | float]:
    return None if isinstance(value, Range) else _number(value)


def _low(value: float | Range) -> int | float:
    return _number(value.low if isinstance(value, Range) else value)


def _high(value: float | Range) -> int | float:
    return _number(value.high if isinstance(value, Range) else value)


DATE_NOTE = ("at its true precision: a year (2024), a half (2025-H1), a quarter (2025-Q1), a month "
             "(2023-01) or a day (2023-11-11)")
QUOTE = Field("quote", "string", "The source article's sentence that states this fact, verbatim.",
              lambda e: e.evidence.quote)
SOURCE = Field("source", "string", "The id of the source article (see sources.csv).",
               lambda e: e.evidence.source_id)
INFERRED = Field("inferred", "object",
                 "Fields the source leaves implicit, each with the reasoning that supplies it (a JSON object; "
                 "empty when nothing is inferred).", lambda e: dict(e.inferred))
STATEMENTS = Field("statements", "array", "Ids of the statements (people page) behind this fact (a JSON array).",
                   lambda e: list(e.statement_ids))


def _since_field(state: Callable[[Dataset, Any], "status.Confirmation"]) -> Field:
    return Field("unconfirmed_since", "string",
                 "The date of the report this status rests on, when it is not confirmed since: a planned date has "
                 "passed, an undated step follows a passed one, or the report is older than the horizon in "
                 "data/settings.yaml; empty when it is current.",
                 lambda e, data: _date(state(data, e).unconfirmed_since), with_data=True)


def _reported_field() -> Field:
    return Field("reported", "string", "The publication date of the source the status rests on.",
                 lambda e, data: _date(data.sources[e.evidence.source_id].published), with_data=True)


def _value_fields(what: str) -> tuple[Field, ...]:
    return (
        Field("value", "number", f"The {what} when it is a single number; empty for a range.", lambda f: _single(f.value)),
        Field("value_low", "number", f"The low end of the {what} (the number itself when it is not a range).",
              lambda f: _low(f.value)),
        Field("value_high", "number", f"The high end of the {what} (the number itself when it is not a range).",
              lambda f: _high(f.value)),
        Field("unit", "string", "The id of the unit: usd (US dollars), jobs, projects, percent, and so on.",
              lambda f: f.unit.id),
        Field("qualifier", "string", "How the number is qualified: exact, about, more-than, less-than or up-to.",
              lambda f: f.qualifier),
        Field("outlook", "string", "reported (a fact as of the date) or expected (a plan or forecast).",
              lambda f: f.outlook),
        Field("as_of", "string", f"The date or period the number refers to, {DATE_NOTE}.", lambda f: _date(f.as_of)),
    )


def _formatted(figure) -> str:
    from .render.values import format_value
    return format_value(figure, "en")


def _formula(data: Dataset, figure) -> str:
    from .render.context import RenderContext
    from .render.derived import formula
    return formula(RenderContext(data, lambda page, fragment=None: "", None, "en"), figure)


RESOURCES: tuple[Resource, ...] = (
    Resource(
        "milestones", "Kia plant milestones",
        "The timeline of the Kia car plant in Kostanai: each milestone with its date, status and source.",
        site_map.PLANT,
        (
            Field("id", "string", "The milestone's id; its permalink is kia-plant/#milestone-ID.", lambda m: m.id),
            Field("title", "string", "What happened or is planned (English).", lambda m: _en(m.title)),
            Field("date", "string", f"When, {DATE_NOTE}; empty when the source gives no date.", lambda m: _date(m.date)),
            Field("after", "string", "For an undated milestone: the id of the milestone it follows.", lambda m: m.after_id),
            Field("status", "string", "done, in-progress or planned, as the source reports it on its own date.",
                  lambda m: m.status),
            Field("reported", "string", "The publication date of the source the status rests on.",
                  lambda m: _date(m.reported)),
            _since_field(status.milestone),
            SOURCE, QUOTE, STATEMENTS, INFERRED,
        ),
        lambda data: list(data.milestones),
    ),
    Resource(
        "sectors", "Fresh Wind program sectors",
        "The sectors of the Fresh Wind cooperation program, as the source lists them.",
        site_map.PROGRAM,
        (
            Field("id", "string", "The sector's id; its page is program/sectors/ID/.", lambda s: s.id),
            Field("name", "string", "The sector's name (English).", lambda s: _en(s.name)),
            Field("description", "string", "A short description, when there is one.", lambda s: _en(s.description)),
            _reported_field(), _since_field(status.sector),
            SOURCE, QUOTE, STATEMENTS, INFERRED,
        ),
        lambda data: list(data.sectors.values()),
    ),
    Resource(
        "projects", "Fresh Wind program projects",
        "The projects of the Fresh Wind program that the sources name.",
        site_map.PROGRAM,
        (
            Field("id", "string", "The project's id; its permalink is program/#project-ID.", lambda p: p.id),
            Field("name", "string", "The project's name (English).", lambda p: _en(p.name)),
            Field("description", "string", "A short description, when there is one.", lambda p: _en(p.description)),
            Field("place", "string", "The id of the place, when the source names one.", lambda p: p.place_id),
            Field("status", "string", "implemented, in-progress, planned or not-stated.", lambda p: p.status),
            Field("sectors", "array", "Ids of the sectors the project belongs to (a JSON array).",
                  lambda p: list(p.sector_ids)),
            _reported_field(), _since_field(status.project),
            SOURCE, QUOTE, INFERRED,
        ),
        lambda data: list(data.projects.values()),
    ),
    Resource(
        "figures", "Key figures",
        "Every number the sources give, with its unit, qualifier, date and the sentence it comes from.",
        site_map.FIGURES,
        (
            Field("id", "string", "The figure's id; its permalink is figures/#figure-ID.", lambda f: f.id),
            Field("topic", "string", "The id of the topic the figure belongs to.", lambda f: f.topic_id),
            Field("label", "string", "What the number counts (English).", lambda f: _en(f.label)),
            *_value_fields("number"),
            Field("formatted", "string", "The number as the site writes it, such as 'US$250 million'.", _formatted),
            Field("headline", "boolean", "true when the figure is shown on the home page.", lambda f: f.headline),
            SOURCE, QUOTE, STATEMENTS, INFERRED,
        ),
        lambda data: list(data.figures.values()),
    ),
    Resource(
        "derived-figures", "Derived figures",
        "Numbers computed from the key figures when the site is built; no source states them. Each names "
        "its inputs and operation.",
        site_map.FIGURES,
        (
            Field("id", "string", "The derived figure's id; its permalink is figures/#figure-ID.", lambda f: f.id),
            Field("topic", "string", "The id of the topic the figure belongs to.", lambda f: f.topic_id),
            Field("label", "string", "What the computed number counts (English).", lambda f: _en(f.label)),
            Field("operation", "string", "multiply, divide (first ÷ second) or subtract (first − the others).",
                  lambda f: f.operation),
            Field("inputs", "array", "Ids of the figures it is computed from, in formula order (a JSON array).",
                  lambda f: list(f.input_ids)),
            *_value_fields("computed number, rounded to the precision of its least precise input, as shown"),
            Field("exact_value_low", "number", "The exact result before rounding (its low end for a range).",
                  lambda f: _low(f.exact_value)),
            Field("exact_value_high", "number", "The exact result before rounding (its high end for a range).",
                  lambda f: _high(f.exact_value)),
            Field("decimals", "integer", "Decimal places the result may keep.", lambda f: f.decimals),
            Field("formula", "string", "The computation as the site shows it.", None),
            Field("assumption", "string", "The assumption the computation rests on.", lambda f: _en(f.assumption)),
        ),
        lambda data: list(data.derived.values()),
    ),
    Resource(
        "trade-goods", "Trade goods",
        "What Kazakhstan exports to the Republic of Korea and imports from it, as the source lists it. "
        "The turnover figures are in figures.csv (topic: trade).",
        site_map.TRADE,
        (
            Field("id", "string", "The good's id; its permalink is trade/#good-ID.", lambda g: g.id),
            Field("name", "string", "The good (English).", lambda g: _en(g.name)),
            Field("direction", "string", "export (Kazakhstan to Korea) or import (Korea to Kazakhstan).",
                  lambda g: g.direction),
            SOURCE, QUOTE,
        ),
        lambda data: list(data.goods),
    ),
    Resource(
        "sources", "Sources",
        "The articles every fact comes from.",
        site_map.SOURCES,
        (
            Field("id", "string", "The source's id, used in the source column of the other files.", lambda s: s.id),
            Field("title", "string", "The article's title (ours when it has no headline; English).", lambda s: _en(s.title)),
            Field("headline", "string", "The article's own headline; empty when it has none.", lambda s: s.headline),
            Field("outlet", "string", "The publication; empty when not stated.", lambda s: s.outlet),
            Field("url", "string", "The article's address, when known.", lambda s: s.url),
            Field("published", "string", f"The publication date, {DATE_NOTE}.", lambda s: _date(s.published)),
            Field("language", "string", "The article's language (a language code).", lambda s: s.language),
            Field("summary", "string", "What the article reports.", lambda s: _en(s.summary)),
            Field("notes", "string", "Notes on the article: missing headline, outlet or date.", lambda s: _en(s.notes)),
            INFERRED,
        ),
        lambda data: list(data.sources.values()),
    ),
)

BY_NAME = {r.name: r for r in RESOURCES}


def records(data: Dataset, resource: Resource) -> list[dict[str, Any]]:
    """The rows as typed values: what the JSON download holds."""
    out = []
    for entry in resource.rows(data):
        row = {}
        for f in resource.fields:
            if f.name == "formula" and f.get is None:
                row[f.name] = _formula(data, entry)
            else:
                row[f.name] = f.get(entry, data) if f.with_data else f.get(entry)
        out.append(row)
    return out


def neutralise(cell: str) -> str:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def csv_cell(value: Any, type_: str) -> str:
    if value is None:
        return ""
    if type_ in ("array", "object"):
        return json.dumps(value, ensure_ascii=False)
    if type_ == "boolean":
        return "true" if value else "false"
    if type_ in ("number", "integer"):
        return str(value)
    return neutralise(str(value))


def to_csv(data: Dataset, resource: Resource) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([f.name for f in resource.fields])
    for row in records(data, resource):
        writer.writerow([csv_cell(row[f.name], f.type) for f in resource.fields])
    return buffer.getvalue()


def _json(value: Any) -> str:
    """JSON with <, > and & written as \\u escapes: the same data, and no markup in the file's bytes."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


def to_json(data: Dataset, resource: Resource) -> str:
    return _json(records(data, resource))


def as_of(data: Dataset) -> Optional[PartialDate]:
    """The data's as-of date: the latest publication date among the sources.

    Worked out once per dataset: every page's citation asks for it, and a scan of the sources
    per page would make the build quadratic in the data.
    """
    key = (id(data.sources), len(data.sources))
    cached = data.__dict__.get("_as_of")
    if cached is not None and cached[0] == key:
        return cached[1]
    dates = [s.published for s in data.sources.values()]
    latest = max(dates, key=lambda d: d.sort_key()) if dates else None
    data.__dict__["_as_of"] = (key, latest)
    return latest


def datapackage(data: Dataset, *, title: str, description: str = "") -> dict[str, Any]:
    latest = as_of(data)
    return {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": title,
        "description": (description + " " if description else "") + f"Data as of {latest.label() if latest else 'unknown'}. "
                       + LICENCE_NOTE,
        "licenses": [LICENCE],
        "sources": [
            {"title": _en(s.title), **({"path": s.url} if s.url else {})} for s in data.sources.values()
        ],
        "resources": [
            {
                "name": r.name,
                "path": f"{r.name}.csv",
                "profile": "tabular-data-resource",
                "title": r.title,
                "description": r.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [{"name": f.name, "type": f.type, "description": f.description} for f in r.fields],
                    "primaryKey": ["id"],
                    "missingValues": [""],
                    **({"foreignKeys": [{"fields": ["source"], "reference": {"resource": "sources", "fields": ["id"]}}]}
                       if any(f.name == "source" for f in r.fields) else {}),
                },
            }
            for r in RESOURCES
        ],
    }


def files(data: Dataset, *, title: str, description: str = "") -> dict[str, str]:
    """Every download, by its path under the site root."""
    out: dict[str, str] = {}
    for r in RESOURCES:
        out[r.csv_path] = to_csv(data, r)
        out[r.json_path] = to_json(data, r)
    out[f"{DOWNLOAD_DIR}/datapackage.json"] = _json(datapackage(data, title=title, description=description))
    return out
