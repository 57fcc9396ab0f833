"""Read every data file, check it, and build the typed Dataset, or report every problem at once.

Three passes, each reporting all it finds:
1. each file is read as strict YAML (yamlfile.py);
2. each file is checked against its JSON Schema (schema.py);
3. what a schema cannot say is checked here: ids unique, references resolve, dates exist,
   each figure's value appears in its own quote, inferred fields exist.
"""

from __future__ import annotations

import datetime as dt
import gc
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any, Iterable, Optional

from . import articles, derived, numbers, rules, schema, status
from .dates import DateFormError, PartialDate
from .errors import DataError, Path, Problem, Report, did_you_mean
from .model import (
    Dataset, DerivedFigure, Discrepancy, Evidence, Figure, Good, LeftOut, Milestone, Person, Place, Plant, Program,
    Project, Range, Sector, Source, Statement, Text, Topic, Unit,
)
from .yamlfile import YamlDocument, YamlFileError, read_file

# Each data file, the schema that describes it, in the order they are read.
DATA_FILES = ("sources", "people", "statements", "places", "units", "figures", "plant", "program", "trade")
# Optional settings editors may change (data/settings.yaml); absent, the defaults hold.
SETTINGS_FILE = "settings"
# The file that defines each kind of id that other files refer to.
DEFINED_IN = {
    "source": "sources", "person": "people", "statement": "statements", "place": "places",
    "unit": "units", "topic": "figures", "figure": "figures", "milestone": "plant", "sector": "program",
}


@dataclass
class LoadResult:
    dataset: Optional[Dataset]
    report: Report


def load(data_dir: FsPath, display_prefix: str = "data", today: Optional[dt.date] = None,
         judge: bool = True) -> LoadResult:
    """Load `data_dir`; the dataset is None when there is any error. `judge=False` skips the rules
    (rules.py), for reading an old revision that predates them."""
    # Loading makes tens of thousands of objects at 100 times today's data, none of them garbage;
    # Python's cyclic collector would rescan them again and again (about 40% of the load time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(data_dir, display_prefix, today, judge)
    finally:
        if collecting:
            gc.enable()


def _load(data_dir: FsPath, display_prefix: str, today: Optional[dt.date], judge: bool) -> LoadResult:
    report = Report()
    docs: dict[str, YamlDocument] = {}
    for kind in DATA_FILES:
        path = data_dir / f"{kind}.yaml"
        display = f"{display_prefix}/{kind}.yaml"
        if not path.exists():
            report.add(Problem(display, 0, 0, "", "the file is missing; every data file listed in the README is required"))
            continue
        try:
            doc = read_file(path, display, root=data_dir)
        except YamlFileError as err:
            report.add(err.problem)
            continue
        for problem in doc.problems:
            report.add(problem)
        schema_problems = schema.check(doc, kind)
        for problem in schema_problems:
            report.add(problem)
        if not doc.problems and not schema_problems:
            docs[kind] = doc
    _report_unexpected_files(data_dir, display_prefix, report)
    # Cross-file checks run on every file that passed; references into a broken file are not judged.
    builder = _Builder(docs, report, today or dt.date.today())
    dataset = builder.build()
    dataset.horizon_months = _read_settings(data_dir, display_prefix, report).get(
        "unconfirmed_after_months", status.DEFAULT_HORIZON_MONTHS)
    dataset.source_texts, text_problems = articles.read_texts(
        data_dir, display_prefix, dataset.sources, judge_names="sources" in docs)
    for problem in text_problems:
        report.add(problem)
    if judge and len(docs) == len(DATA_FILES) and not report:  # the rules judge only a dataset with no other error
        for found in rules.run_all(dataset, display_prefix):
            report.add(builder.locate(found))
    return LoadResult(None if report else dataset, report)


def _read_settings(data_dir: FsPath, prefix: str, report: Report) -> dict:
    path = data_dir / f"{SETTINGS_FILE}.yaml"
    if not path.exists():
        return {}
    try:
        doc = read_file(path, f"{prefix}/{SETTINGS_FILE}.yaml", root=data_dir)
    except YamlFileError as err:
        report.add(err.problem)
        return {}
    problems = list(doc.problems) + schema.check(doc, SETTINGS_FILE)
    for problem in problems:
        report.add(problem)
    return {} if problems else dict(doc.data)


def load_or_raise(data_dir: FsPath, display_prefix: str = "data", today: Optional[dt.date] = None) -> Dataset:
    result = load(data_dir, display_prefix, today)
    if result.dataset is None:
        raise DataError(result.report.errors)
    return result.dataset


def _report_unexpected_files(data_dir: FsPath, prefix: str, report: Report) -> None:
    known = {f"{kind}.yaml" for kind in (*DATA_FILES, SETTINGS_FILE)}
    for path in sorted(data_dir.iterdir()) if data_dir.is_dir() else []:
        if path.suffix in (".yaml", ".yml") and path.name not in known:
            report.add(Problem(
                f"{prefix}/{path.name}", 0, 0, "",
                f"is not a data file the site reads{did_you_mean(path.name, known)}; expected one of: {', '.join(sorted(known))}",
            ))


class _Builder:
    """Turns schema-valid documents into the Dataset, checking what the schemas cannot."""

    def __init__(self, docs: dict[str, YamlDocument], report: Report, today: dt.date):
        self.docs = docs
        self.report = report
        self.today = today
        self.data = Dataset(today=today)
        self._seen_ids: dict[tuple[str, str], Path] = {}
        self.built: set[str] = set()  # files whose entries are in self.data
        self._undated_sources: set[str] = set()  # sources whose publication date did not parse

    # -- helpers -------------------------------------------------------------------------

    def problem(self, kind: str, path: Path, message: str, *, key: bool = False, severity: str = "error") -> None:
        self.report.add(self.docs[kind].problem(path, message, key=key, severity=severity))

    def locate(self, found: "rules.Found") -> Problem:
        """A rule's finding, located at its entry's line and column."""
        if isinstance(found, Problem):
            return found
        if found.entry_id is None:
            path = (found.collection,) + found.field
        else:
            entries = self.docs[found.kind].data.get(found.collection) or []
            index = next((i for i, e in enumerate(entries) if isinstance(e, dict) and e.get("id") == found.entry_id), 0)
            path = (found.collection, index) + found.field
        return self.docs[found.kind].problem(path, found.message, severity=found.severity)

    def unique(self, kind: str, namespace: str, path: Path, entry_id: str) -> bool:
        earlier = self._seen_ids.get((namespace, entry_id))
        if earlier is not None:
            line = self.docs[kind].where(earlier)[0]
            self.problem(kind, path + ("id",), f"duplicate id '{entry_id}' (already used on line {line}); ids must be unique")
            return False
        self._seen_ids[(namespace, entry_id)] = path + ("id",)
        return True

    def date(self, kind: str, path: Path, value: Any) -> Optional[PartialDate]:
        if value is None:
            return None
        try:
            return PartialDate.parse(value)
        except DateFormError as err:
            self.problem(kind, path, str(err))
            return None

    def ref(self, kind: str, path: Path, target: str, known: Iterable[str], what: str) -> bool:
        if not isinstance(known, (dict, set, frozenset)):
            known = dict.fromkeys(known)  # looked up by hash: a list search per reference is quadratic
        if target in known:
            return True
        if DEFINED_IN[what] not in self.built:
            return False  # that file has errors of its own; don't pile on
        self.problem(kind, path, f"unknown {what} id '{target}'{did_you_mean(target, list(known))}")
        return False

    def refs(self, kind: str, path: Path, targets: Iterable[str], known: Iterable[str], what: str) -> tuple[str, ...]:
        if not isinstance(known, (dict, set, frozenset)):
            known = dict.fromkeys(known)
        return tuple(t for i, t in enumerate(targets) if self.ref(kind, path + (i,), t, known, what))

    def inferred(self, kind: str, path: Path, entry: dict) -> dict[str, str]:
        reasons = dict(entry.get("inferred") or {})
        for field_name in reasons:
            if field_name not in entry:
                self.problem(kind, path + ("inferred", field_name),
                             f"names '{field_name}' as inferred, but this entry has no '{field_name}' field"
                             f"{did_you_mean(field_name, [k for k in entry if k != 'inferred'])}", key=True)
        return reasons

    def evidence(self, kind: str, path: Path, entry: dict, source_key: str = "source", quote_key: str = "quote") -> Evidence:
        self.ref(kind, path + (source_key,), entry[source_key], self.data.sources, "source")
        return Evidence(entry[source_key], entry[quote_key].strip())

    @staticmethod
    def text(value: Optional[dict]) -> Optional[Text]:
        return Text(dict(value)) if value else None

    # -- files ----------------------------------------------------------------------------

    def build(self) -> Dataset:
        steps = [
            (("sources",), self.sources),
            (("people", "statements"), self.people_and_statements),
            (("places",), self.places),
            (("units",), self.units),
            (("figures",), self.figures),
            (("plant",), self.plant),
            (("program",), self.program),
            (("trade",), self.trade),
        ]
        for kinds, step in steps:
            if all(kind in self.docs for kind in kinds):
                self.built.update(kinds)
                step()
        if len(self.docs) == len(DATA_FILES):
            self.notices()
        return self.data

    def notices(self) -> None:
        """Not errors: things an editor should look at soon."""
        for i, source_id in enumerate(self.data.sources):
            if not any(self.data.facts_citing(source_id).values()):
                self.problem("sources", ("sources", i, "id"), f"source '{source_id}' is cited by nothing", severity="notice")

    def sources(self) -> None:
        for i, entry in enumerate(self.docs["sources"].data["sources"]):
            path = ("sources", i)
            if not self.unique("sources", "source", path, entry["id"]):
                continue
            published = self.date("sources", path + ("published",), entry["published"])
            if published is None:
                self._undated_sources.add(entry["id"])  # reported already; judge nothing against it
            self.data.sources[entry["id"]] = Source(
                id=entry["id"], title=self.text(entry["title"]), headline=entry.get("headline"),
                outlet=entry.get("outlet"), url=entry.get("url"),
                published=published or PartialDate(1, "year"), language=entry["language"],
                summary=self.text(entry.get("summary")), notes=self.text(entry.get("notes")),
                inferred=self.inferred("sources", path, entry),
            )

    def people_and_statements(self) -> None:
        for i, entry in enumerate(self.docs["people"].data["people"]):
            path = ("people", i)
            if self.unique("people", "person", path, entry["id"]):
                self.data.people[entry["id"]] = Person(
                    entry["id"], entry["name"], self.text(entry["role"]), self.evidence("people", path, entry))
        for i, entry in enumerate(self.docs["statements"].data["statements"]):
            path = ("statements", i)
            if not self.unique("statements", "statement", path, entry["id"]):
                continue
            self.ref("statements", path + ("person",), entry["person"], self.data.people, "person")
            self.data.statements[entry["id"]] = Statement(
                id=entry["id"], person_id=entry["person"],
                date=self.date("statements", path + ("date",), entry.get("date")),
                direct=entry["direct"], summary=self.text(entry["summary"]),
                evidence=self.evidence("statements", path, entry),
                inferred=self.inferred("statements", path, entry),
            )

    def places(self) -> None:
        for i, entry in enumerate(self.docs["places"].data["places"]):
            path = ("places", i)
            if self.unique("places", "place", path, entry["id"]):
                self.data.places[entry["id"]] = Place(
                    entry["id"], self.text(entry["name"]), tuple(entry.get("also_spelled", [])),
                    self.text(entry.get("background")))

    def units(self) -> None:
        for i, entry in enumerate(self.docs["units"].data["units"]):
            path = ("units", i)
            if self.unique("units", "unit", path, entry["id"]):
                self.data.units[entry["id"]] = Unit(
                    entry["id"], entry["kind"], entry.get("symbol", ""),
                    self.text(entry.get("one")), self.text(entry.get("other")))

    def figures(self) -> None:
        doc = self.docs["figures"].data
        for i, entry in enumerate(doc["topics"]):
            if self.unique("figures", "topic", ("topics", i), entry["id"]):
                self.data.topics[entry["id"]] = Topic(entry["id"], self.text(entry["name"]))
        for i, entry in enumerate(doc["figures"]):
            path = ("figures", i)
            if not self.unique("figures", "figure", path, entry["id"]):
                continue
            self.ref("figures", path + ("topic",), entry["topic"], self.data.topics, "topic")
            unit_ok = self.ref("figures", path + ("unit",), entry["unit"], self.data.units, "unit")
            value = self.figure_value(path, entry)
            evidence = self.evidence("figures", path, entry)
            self.check_value_in_quote(path, value, evidence.quote)
            if unit_ok and self.data.units[entry["unit"]].kind == "percent":
                high = value.high if isinstance(value, Range) else value
                if high > 100:
                    self.problem("figures", path + ("value",), f"a percentage cannot exceed 100, got {high:g}")
            self.data.figures[entry["id"]] = Figure(
                id=entry["id"], topic_id=entry["topic"], label=self.text(entry["label"]), value=value,
                unit=self.data.units.get(entry["unit"], Unit(entry["unit"], "count")),
                qualifier=entry["qualifier"], outlook=entry["outlook"],
                as_of=self.date("figures", path + ("as_of",), entry["as_of"]) or PartialDate(1, "year"),
                headline=entry.get("headline", False), evidence=evidence,
                statement_ids=self.refs("figures", path + ("statements",), entry.get("statements", []),
                                        self.data.statements, "statement"),
                inferred=self.inferred("figures", path, entry),
            )
        self.derived_figures(doc.get("derived", []))
        self.data.left_out = [LeftOut(e["source"], " ".join(e["words"].split()), self.text(e["reason"]))
                              for e in doc.get("left_out", [])]

    def derived_figures(self, entries: list) -> None:
        """Check the declarations (ids, inputs, loops), then compute each after the ones it uses."""
        declared: dict[str, tuple[int, dict]] = {}
        for i, entry in enumerate(entries):
            path = ("derived", i)
            if not self.unique("figures", "figure", path, entry["id"]):
                continue
            self.ref("figures", path + ("topic",), entry["topic"], self.data.topics, "topic")
            self.ref("figures", path + ("unit",), entry["unit"], self.data.units, "unit")
            low, high = derived.OPERATIONS[entry["operation"]][1:]
            if high is not None and len(entry["inputs"]) > high:
                self.problem("figures", path + ("inputs",),
                             f"'{entry['operation']}' takes exactly {high} inputs, got {len(entry['inputs'])}")
                continue
            declared[entry["id"]] = (i, entry)
        known = [*self.data.figures, *declared]
        ok = {}
        for derived_id, (i, entry) in declared.items():
            path = ("derived", i)
            if entry["id"] in entry["inputs"]:
                self.problem("figures", path + ("inputs",), "a derived figure cannot be one of its own inputs")
                continue
            if len(self.refs("figures", path + ("inputs",), entry["inputs"], known, "figure")) == len(entry["inputs"]):
                ok[derived_id] = entry["inputs"]
        ordered, loops = derived.order(ok)
        in_loop = {node for loop in loops for node in loop}
        for loop in loops:
            self.problem("figures", ("derived", declared[loop[0]][0], "inputs"),
                         f"the inputs form a loop ({' -> '.join(loop)}); a derived figure cannot depend on itself")
        for derived_id in ordered:
            i, entry = declared[derived_id]
            if derived_id in in_loop or any(d not in self.data.figures and d not in self.data.derived for d in entry["inputs"]):
                continue
            inputs = [self.data.any_figure(d) for d in entry["inputs"]]
            try:
                exact = derived.compute(entry["operation"], [f.value for f in inputs])
            except (ValueError, ZeroDivisionError) as err:
                self.problem("figures", ("derived", i, "operation"), f"cannot be computed: {err}")
                continue
            decimals = entry.get("decimals", 0)
            shown = derived.to_precision(exact, [f.value for f in inputs], decimals)
            rounded = derived.bounds(shown) != derived.bounds(exact)
            self.data.derived[derived_id] = DerivedFigure(
                id=derived_id, topic_id=entry["topic"], label=self.text(entry["label"]),
                operation=entry["operation"], input_ids=tuple(entry["inputs"]),
                unit=self.data.units.get(entry["unit"], Unit(entry["unit"], "count")),
                decimals=decimals, assumption=self.text(entry.get("assumption")),
                value=shown, exact_value=exact,
                qualifier="about" if rounded or any(f.qualifier != "exact" for f in inputs) else "exact",
                outlook="expected" if any(f.outlook == "expected" for f in inputs) else "reported",
                as_of=max((f.as_of for f in inputs), key=lambda d: d.sort_key()),
            )

    def figure_value(self, path: Path, entry: dict) -> float | Range:
        value = entry["value"]
        if isinstance(value, dict):
            if value["low"] > value["high"]:
                self.problem("figures", path + ("value",),
                             f"the range's low end ({value['low']:g}) is above its high end ({value['high']:g})")
            return Range(value["low"], value["high"])
        return value

    def check_value_in_quote(self, path: Path, value: float | Range, quote: str) -> None:
        parts = [value.low, value.high] if isinstance(value, Range) else [value]
        for number in parts:
            if not numbers.appears_in(number, quote):
                forms = " or ".join(f"'{f}'" for f in sorted(numbers.spellings(number)))
                self.problem("figures", path + ("quote",),
                             f"the quote does not contain the value {numbers.plain(number)} (looked for {forms}); "
                             "quote the sentence that states the number, or correct the value")

    def plant(self) -> None:
        doc = self.docs["plant"].data
        entry = doc["plant"]
        path = ("plant",)
        self.ref("plant", path + ("place",), entry["place"], self.data.places, "place")
        self.ref("plant", path + ("status_source",), entry["status_source"], self.data.sources, "source")
        self.data.plant = Plant(
            id=entry["id"], name=self.text(entry["name"]), partner=entry["partner"], place_id=entry["place"],
            kind=self.text(entry["kind"]), status=entry["status"], status_text=self.text(entry["status_text"]),
            status_evidence=Evidence(entry["status_source"], entry["status_quote"].strip()),
            figure_ids=self.refs("plant", path + ("figures",), entry["figures"], self.data.figures, "figure"),
        )
        milestone_ids = dict.fromkeys(m["id"] for m in doc["milestones"])
        for i, entry in enumerate(doc["milestones"]):
            path = ("milestones", i)
            if not self.unique("plant", "milestone", path, entry["id"]):
                continue
            evidence = self.evidence("plant", path, entry)
            source = self.data.sources.get(evidence.source_id)
            if evidence.source_id in self._undated_sources:
                source = None
            reported = source.published if source else PartialDate(1, "year")
            date = self.date("plant", path + ("date",), entry.get("date"))
            after = entry.get("after")
            if after is not None:
                if after == entry["id"]:
                    self.problem("plant", path + ("after",), "a milestone cannot follow itself")
                else:
                    self.ref("plant", path + ("after",), after, milestone_ids, "milestone")
            if source and date and entry["status"] == "done" and date.start > reported.end:  # no source, no report date
                self.problem("plant", path + ("status",),
                             f"is 'done' but its date ({date.label()}) is after the report it rests on "
                             f"({reported.label()}); use 'planned', or cite a later source")
            self.data.milestones.append(Milestone(
                id=entry["id"], title=self.text(entry["title"]), date=date, after_id=after,
                status=entry["status"], evidence=evidence, reported=reported,
                statement_ids=self.refs("plant", path + ("statements",), entry.get("statements", []),
                                        self.data.statements, "statement"),
                inferred=self.inferred("plant", path, entry),
            ))
        self.check_after_cycles()

    def check_after_cycles(self) -> None:
        by_id = {m.id: m for m in self.data.milestones}
        for index, milestone in enumerate(self.data.milestones):
            seen = {milestone.id}
            current = milestone
            while current.after_id and current.after_id in by_id:
                current = by_id[current.after_id]
                if current.id in seen:
                    self.problem("plant", ("milestones", index, "after"),
                                 "the 'after' links form a loop; one milestone in the chain needs a date")
                    break
                seen.add(current.id)

    def program(self) -> None:
        doc = self.docs["program"].data
        entry = doc["program"]
        path = ("program",)
        start = self.date("program", path + ("period", "start"), entry["period"]["start"])
        end = self.date("program", path + ("period", "end"), entry["period"]["end"])
        if start and end and start.start > end.end:
            self.problem("program", path + ("period",), f"starts ({start.label()}) after it ends ({end.label()})")
        self.data.program = Program(
            id=entry["id"], name=self.text(entry["name"]), description=self.text(entry["description"]),
            period_start=start or PartialDate(1, "year"), period_end=end or PartialDate(1, "year"),
            period_evidence=Evidence(entry["source"], entry["period_quote"].strip()),
            signed=self.date("program", path + ("signed",), entry["signed"]) or PartialDate(1, "year"),
            signed_during=self.text(entry["signed_during"]),
            signed_evidence=self.evidence("program", path, entry, quote_key="signed_quote"),
            person_ids=self.refs("program", path + ("people",), entry.get("people", []), self.data.people, "person"),
            figure_ids=self.refs("program", path + ("figures",), entry["figures"], self.data.figures, "figure"),
            inferred=self.inferred("program", path, entry),
            sectors_note=self.text(doc.get("sectors_note")),
        )
        for i, sector in enumerate(doc["sectors"]):
            path = ("sectors", i)
            if self.unique("program", "sector", path, sector["id"]):
                self.data.sectors[sector["id"]] = Sector(
                    sector["id"], self.text(sector["name"]), self.text(sector.get("description")),
                    self.evidence("program", path, sector),
                    self.refs("program", path + ("statements",), sector.get("statements", []),
                              self.data.statements, "statement"),
                    self.inferred("program", path, sector))
        for i, project in enumerate(doc["projects"]):
            path = ("projects", i)
            if not self.unique("program", "project", path, project["id"]):
                continue
            if project.get("place") is not None:
                self.ref("program", path + ("place",), project["place"], self.data.places, "place")
            self.data.projects[project["id"]] = Project(
                id=project["id"], name=self.text(project["name"]), description=self.text(project.get("description")),
                place_id=project.get("place"), status=project["status"],
                sector_ids=self.refs("program", path + ("sectors",), project["sectors"], self.data.sectors, "sector"),
                evidence=self.evidence("program", path, project), inferred=self.inferred("program", path, project),
            )
        for i, item in enumerate(doc.get("discrepancies", [])):
            path = ("discrepancies", i)
            if self.unique("program", "discrepancy", path, item["id"]):
                self.data.discrepancies.append(Discrepancy(
                    item["id"],
                    self.refs("program", path + ("figures",), item["figures"], self.data.figures, "figure"),
                    self.text(item["note"])))

    def trade(self) -> None:
        doc = self.docs["trade"].data
        for i, entry in enumerate(doc["goods"]):
            path = ("goods", i)
            if self.unique("trade", "good", path, entry["id"]):
                self.data.goods.append(Good(entry["id"], self.text(entry["name"]), entry["direction"],
                                            self.evidence("trade", path, entry)))
        self.data.turnover_figure_ids = self.refs(
            "trade", ("turnover_figures",), doc["turnover_figures"], self.data.figures, "figure")


