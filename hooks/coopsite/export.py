"""Downloads: every dataset as CSV and JSON, and a Frictionless Data Package descriptor.

One list (RESOURCES) drives the CSV columns, the JSON keys, the descriptor's table schemas and the
field tables on the Data page, so they cannot drift apart; each resource's columns are the declared
fields of its kind of entry (model.py: names, types, descriptions), plus the few it computes. Generated at build
time; nothing here is committed. No MkDocs here.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Optional

from . import formats, pages, status
from .formats import N_  # the datasets' titles, for the catalog: the pages show them in each edition's words
from .dates import DATE_FORMS, PartialDate
from .derived import bounds
from .words import LANGUAGE_NAMES, LANGUAGES
from .model import (
    TRANSLATED_LANGUAGES, Dataset, Declared, DerivedFigure, Figure, Good, Milestone, Project, Range, Report, Sector, Source, Text,
    Translation, declared_metadata,
)

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
    """One column of a download."""

    name: str
    type: str  # Table Schema type: string, number, integer, boolean, array, object
    description: str
    get: Callable[[Any, Dataset], Any]  # (entry, dataset) -> the cell's typed value


Columns = Mapping[str, tuple[Field, ...]]


@dataclass(frozen=True)
class Resource:
    """A download: the declared fields of one kind of entry, in declaration order, plus computed columns."""

    name: str
    title: str
    description: str
    page: str  # the site page this dataset belongs to (pages.py path)
    declaration: type[Declared]
    rows: Callable[[Dataset], list]
    after: Columns = field(default_factory=dict)  # computed columns placed after the named declared field
    instead: Columns = field(default_factory=dict)  # a declared field written as other columns
    fields: tuple[Field, ...] = field(init=False)

    def __post_init__(self) -> None:
        columns: list[Field] = []
        for attribute, info in self.declaration.model_fields.items():
            name = info.alias or attribute
            columns += self.instead.get(name, declared_columns(attribute, info))
            columns += self.after.get(name, ())
        object.__setattr__(self, "fields", tuple(columns))

    @property
    def csv_path(self) -> str:
        return f"{DOWNLOAD_DIR}/{self.name}.csv"

    @property
    def json_path(self) -> str:
        return f"{DOWNLOAD_DIR}/{self.name}.json"


def _written_in(text: Optional[Text | Translation], lang: str) -> Optional[str]:
    """The text in one language as the data gives it: empty where it is not translated yet (no English stand-in)."""
    return getattr(text, lang, None) if text is not None else None


def per_language(name: str, type_: str, description: str, get: Callable[[Any, Dataset, str], Any],
                 translated: bool = False, languages: tuple[str, ...] = LANGUAGES) -> tuple[Field, ...]:
    """One column per language of the data (words.LANGUAGES): title_en, title_ru, title_kk, title_ko;
    `translated`: the other languages' cells are empty until an editor adds the translation."""
    def described(lang: str) -> str:
        text = _noted(description, f" ({LANGUAGE_NAMES[lang]})")
        return text.removesuffix(".") + "; empty where not translated yet." if translated and lang != "en" else text

    return tuple(Field(f"{name}_{lang}", type_, described(lang), lambda e, d, lang=lang: get(e, d, lang))
                 for lang in languages)


def _date(date: Optional[PartialDate]) -> Optional[str]:
    return date.iso() if date is not None else None


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


DATE_NOTE = f"at its true precision: {DATE_FORMS}"


def _noted(description: str, note: str) -> str:
    """'The good.' + ' (English)' -> 'The good (English).'; the note goes before a ';' if there is one."""
    head, semicolon, rest = description.partition(";")
    return head.removesuffix(".") + note + (semicolon + rest if semicolon else ".")


def _cell(value: Any) -> Any:
    """A declared value as a JSON value: a date as ISO text, text by language, a range as {low, high}."""
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, (Text, Translation)):
        return value.values  # by language
    if isinstance(value, Range):
        return {"low": _number(value.low), "high": _number(value.high)}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number(value)
    return value


def _history_column(name: str, kind: type[Report]) -> Field:
    """Every report on an entry, its own fields first: the history behind the state the other columns give."""
    fields = [(attribute, info.alias or attribute) for attribute, info in kind.model_fields.items()]
    listed = ", ".join(written for _, written in fields)
    return Field(name, "array",
                 f"Every report on it, oldest first: the first is the entry's own (what was first reported or "
                 f"planned), the last the one the other columns give. Each: {listed} and the date it was reported "
                 f"(a JSON array).",
                 lambda e, d: [{**{written: _cell(getattr(r, attribute)) for attribute, written in fields},
                                "reported": _date(r.reported)} for r in e.history])


def declared_columns(attribute: str, info: Any) -> tuple[Field, ...]:
    """The columns of a declared field: reader text gives one per language ('title_ru'; empty where
    not translated yet), any other field one column; names, types and descriptions from model.py."""
    name, description = info.alias or attribute, info.description or ""
    _, classes = declared_metadata(info)
    reports = [c for c in classes if issubclass(c, Report)]
    if reports:  # every report on the entry, in one column
        return (_history_column(name, reports[0]),)
    if Translation in classes:  # the site's translation of a quote: quote_translation_ru, _kk, _ko
        return per_language(name, "string", description, lambda e, d, lang: _written_in(getattr(e, attribute), lang),
                            translated=True, languages=TRANSLATED_LANGUAGES)
    if dict in classes and Text in classes:  # an inference's reasoning, by field, each by language
        return (Field(name, "object", _noted(description, " (a JSON object: field name to the reasoning by language)"),
                      lambda e, d: {key: text.values for key, text in getattr(e, attribute).items()}),)
    if Text in classes:
        return per_language(name, "string", description, lambda e, d, lang: _written_in(getattr(e, attribute), lang),
                            translated=True)
    return (declared_column(attribute, info),)


def declared_column(attribute: str, info: Any) -> Field:
    """The column of a declared field that is not reader text."""
    name, description = info.alias or attribute, info.description or ""
    _, classes = declared_metadata(info)
    if PartialDate in classes:
        return Field(name, "string", _noted(description, f", {DATE_NOTE}"), lambda e, d: _date(getattr(e, attribute)))
    if tuple in classes:
        return Field(name, "array", _noted(description, " (a JSON array)"), lambda e, d: list(getattr(e, attribute)))
    if dict in classes:
        return Field(name, "object", _noted(description, " (a JSON object)"), lambda e, d: dict(getattr(e, attribute)))
    kind = "boolean" if bool in classes else "integer" if int in classes else "string"
    return Field(name, kind, description, lambda e, d: getattr(e, attribute))


def _value_fields(what: str) -> tuple[Field, ...]:
    """A value that may be a range, as three number columns."""
    return (
        Field("value", "number", f"The {what} when it is a single number; empty for a range.",
              lambda f, d: None if isinstance(f.value, Range) else _number(f.value)),
        Field("value_low", "number", f"The low end of the {what} (the number itself when it is not a range).",
              lambda f, d: _number(bounds(f.value)[0])),
        Field("value_high", "number", f"The high end of the {what} (the number itself when it is not a range).",
              lambda f, d: _number(bounds(f.value)[1])),
    )


REPORTED = Field("reported", "string", "The publication date of the source the status rests on.",
                 lambda e, d: _date(d.sources[e.source_id].published))


def _since(state: Callable[[Dataset, Any], "status.Confirmation"], what: str = "status",
           why: str = "a planned date has passed, an undated step follows a passed one, or the report is older than "
                      "the horizon in data/settings.yaml") -> Field:
    """When the status (or an expected number) is not confirmed since its report (status.py), that report's date."""
    return Field("unconfirmed_since", "string",
                 f"The date of the report this {what} rests on, when it is not confirmed since: {why}; empty when "
                 "it is current.",
                 lambda e, d: _date(state(d, e).unconfirmed_since))


_FIGURE_SINCE = _since(status.figure, "expected number", "the report is older than the horizon in data/settings.yaml "
                                                         "(a reported number is a fact as of its date)")


RESOURCES: tuple[Resource, ...] = (
    Resource(
        "milestones", N_("Kia plant milestones"),
        "The timeline of the Kia car plant in Kostanai: each milestone with its date, status and source.",
        pages.PLANT, Milestone, lambda data: list(data.milestones),
        after={"status": (REPORTED, _since(status.milestone))},
    ),
    Resource(
        "sectors", N_("Fresh Wind program sectors"),
        "The sectors of the Fresh Wind cooperation program, as the source lists them.",
        pages.PROGRAM, Sector, lambda data: list(data.sectors.values()),
        after={"description": (REPORTED, _since(status.sector))},
    ),
    Resource(
        "projects", N_("Fresh Wind program projects"),
        "The projects of the Fresh Wind program that the sources name.",
        pages.PROGRAM, Project, lambda data: list(data.projects.values()),
        after={"sectors": (REPORTED, _since(status.project))},
    ),
    Resource(
        "figures", N_("Key figures"),
        "Every number the sources give, with its unit, qualifier, date and the sentence it comes from.",
        pages.FIGURES, Figure, lambda data: list(data.figures.values()),
        instead={"value": _value_fields("number")},
        after={"as_of": per_language("formatted", "string", "The number as the site writes it, such as 'US$250 million'.",
                                     lambda f, d, lang: formats.format_value(f, lang)) + (_FIGURE_SINCE,)},
    ),
    Resource(
        "derived-figures", N_("Derived figures"),
        "Numbers computed from the key figures when the site is built; no source states them. Each names "
        "its inputs and operation.",
        pages.FIGURES, DerivedFigure, lambda data: list(data.derived.values()),
        after={
            "inputs": _value_fields("computed number, rounded to the precision of its least precise input, as shown") + (
                Field("exact_value_low", "number", "The exact result before rounding (its low end for a range).",
                      lambda f, d: _number(bounds(f.exact_value)[0])),
                Field("exact_value_high", "number", "The exact result before rounding (its high end for a range).",
                      lambda f, d: _number(bounds(f.exact_value)[1]))),
            "unit": tuple(declared_column(name, Figure.model_fields[name]) for name in ("qualifier", "outlook", "as_of")),
            "decimals": per_language("formula", "string", "The computation as the site shows it.",
                                     lambda f, d, lang: formats.formula(d, f, lang)) + (_FIGURE_SINCE,),
        },
    ),
    Resource(
        "trade-goods", N_("Trade goods"),
        "What Kazakhstan exports to the Republic of Korea and imports from it, as the source lists it. "
        "The turnover figures are in figures.csv (topic: trade).",
        pages.TRADE, Good, lambda data: list(data.goods),
    ),
    Resource(
        "sources", N_("Sources"),
        "The articles every fact comes from.",
        pages.SOURCES, Source, lambda data: list(data.sources.values()),
    ),
)

BY_NAME = {r.name: r for r in RESOURCES}


def records(data: Dataset, resource: Resource) -> list[dict[str, Any]]:
    """The rows as typed values: what the JSON download holds."""
    out = []
    for entry in resource.rows(data):
        row = {}
        for f in resource.fields:
            row[f.name] = f.get(entry, data)
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
    """The data's as-of date: the latest publication date among the sources (worked out with the Dataset)."""
    return data.as_of


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
            {"title": s.title.en, **({"path": s.url} if s.url else {})} for s in data.sources.values()
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
