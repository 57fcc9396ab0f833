"""Read every data file, check it, and build the Dataset, or report every problem at once.

read (yamlfile.py: strict YAML, a position for every value) -> validate (validate.py: each file
against its declaration in model.py) -> checks (checks.py: what spans entries and files) -> the
Dataset (below: references linked, derived figures computed) -> the rules over the whole Dataset
(rules.py, with the articles' stored texts). Each step reports all it finds.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Optional

from . import articles, checks, derived, rules, validate
from .errors import DataError, Problem, Report, did_you_mean
from .model import FILES, OPTIONAL_FILES, Dataset, Declared, SettingsFile, WithReports
from .yamlfile import YamlDocument, YamlFileError, read_file

DATA_FILES = tuple(FILES)  # each data file, in the order they are read
SETTINGS_FILE = "settings"  # data/settings.yaml: optional settings editors may change


@dataclass
class LoadResult:
    dataset: Optional[Dataset]
    report: Report


def load(data_dir: FsPath, display_prefix: str = "data", today: Optional[dt.date] = None,
         judge: bool = True, notices: bool = True) -> LoadResult:
    """Load `data_dir`; the dataset is None when there is any error. `judge=False` skips the rules
    over the whole Dataset (rules.py), for reading an old revision that predates them; `notices=False`
    skips the checks that only give notices (checks.NOTICES), which a build does not show."""
    # Loading makes tens of thousands of objects at 100 times today's data, none of them garbage;
    # Python's cyclic collector would rescan them again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(data_dir, display_prefix, today or dt.date.today(), judge, notices)
    finally:
        if collecting:
            gc.enable()


def _load(data_dir: FsPath, display_prefix: str, today: dt.date, judge: bool, notices: bool) -> LoadResult:
    report = Report()
    docs: dict[str, YamlDocument] = {}
    files: dict[str, Declared] = {}
    for kind in (*DATA_FILES, *OPTIONAL_FILES):
        path = data_dir / f"{kind}.yaml"
        display = f"{display_prefix}/{kind}.yaml"
        if not path.exists():
            if kind not in OPTIONAL_FILES:  # without an optional file, its declared defaults hold
                report.add(Problem(display, 0, 0, "", "the file is missing; every data file listed in the README is required"))
            continue
        try:
            doc = read_file(path, display, root=data_dir)
        except YamlFileError as err:
            report.add(err.problem)
            continue
        docs[kind] = doc
        declared, problems = validate.check(doc, kind)
        report.add(*doc.problems, *problems)  # such as a duplicate key, with what validation finds
        if declared is not None and not doc.problems:
            files[kind] = declared
    _report_unexpected_files(data_dir, display_prefix, report)
    settings = files.pop(SETTINGS_FILE, None) or SettingsFile()
    # The checks run on every file that passed; references into a broken file are not judged.
    loaded = checks.Loaded(files, docs, today)
    for check in checks.ERRORS + (checks.NOTICES if notices and all(kind in files for kind in DATA_FILES) else ()):
        for finding in check(loaded):
            report.add(docs[finding.kind].problem(finding.path, finding.message, key=finding.key,
                                                  severity=finding.severity))
    source_ids = [s.id for s in files["sources"].sources] if "sources" in files else []
    texts, text_problems = articles.read_texts(data_dir, display_prefix, source_ids, judge_names="sources" in files)
    report.add(*text_problems)
    if report:
        return LoadResult(None, report)
    dataset = build(loaded, texts, settings.unconfirmed_after_months)
    if judge:  # the rules judge only a dataset with no other error
        positions: dict = {}
        for found in rules.run_all(dataset, display_prefix):
            report.add(_locate(found, docs, positions))
    return LoadResult(None if report else dataset, report)


_last: Optional[tuple[tuple, LoadResult]] = None  # the last load_unless_unchanged: its key and result


def load_unless_unchanged(data_dir: FsPath, today: dt.date) -> LoadResult:
    """load() for a build (without the notices it does not show), or the last call's result again
    when every file under `data_dir` is byte for byte the same and the build date too: `mkdocs serve`
    rebuilds on every saved page, template or hook, and only a change under data/ needs the data read
    and judged again. The files are compared by their contents (a hash of them all), not their times,
    which a quick second edit may leave unchanged."""
    global _last
    digest = hashlib.blake2b()
    for path in sorted(data_dir.rglob("*")) if data_dir.is_dir() else []:
        if path.is_file():
            digest.update(path.relative_to(data_dir).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    key = (str(data_dir.resolve()), today, digest.digest())
    if _last is None or _last[0] != key:
        _last = (key, load(data_dir, today=today, notices=False))
    result = _last[1]
    return LoadResult(result.dataset, Report(list(result.report.problems)))  # a report of its own to add to


def _locate(found: "rules.Found", docs: dict[str, YamlDocument], positions: dict) -> Problem:
    """A rule's finding, located at its entry's line and column."""
    if isinstance(found, Problem):
        return found
    if found.entry_id is None:
        path = (found.collection,) + found.field
    else:
        key = (found.kind, found.collection)
        if key not in positions:  # each list's ids by position, once (a scan per finding would be quadratic)
            entries = list(enumerate(docs[found.kind].data.get(found.collection) or []))
            positions[key] = {e.get("id"): i for i, e in reversed(entries) if isinstance(e, dict)}  # the first of each
        path = (found.collection, positions[key].get(found.entry_id, 0)) + found.field
    return docs[found.kind].problem(path, found.message, severity=found.severity)


def load_or_raise(data_dir: FsPath, display_prefix: str = "data", today: Optional[dt.date] = None) -> Dataset:
    result = load(data_dir, display_prefix, today)
    if result.dataset is None:
        raise DataError(result.report.errors)
    return result.dataset


def _report_unexpected_files(data_dir: FsPath, prefix: str, report: Report) -> None:
    known = {f"{kind}.yaml" for kind in (*DATA_FILES, *OPTIONAL_FILES)}
    for path in sorted(data_dir.iterdir()) if data_dir.is_dir() else []:
        if path.suffix in (".yaml", ".yml") and path.name not in known:
            report.add(Problem(
                f"{prefix}/{path.name}", 0, 0, "",
                f"is not a data file the site reads{did_you_mean(path.name, known)}; expected one of: {', '.join(sorted(known))}",
            ))


def with_history(entry: WithReports, sources: dict) -> WithReports:
    """The entry as its latest report gives it, with every report kept, oldest first: the first is the entry's
    own fields, the later ones its `reports:`. A field a report leaves out stays as the report before gave it."""
    history = entry.reports_in_full()
    for report in history:
        report._reported = sources[report.source_id].published
    current = entry.as_latest(history)
    current._history = tuple(history)
    return current


def build(loaded: checks.Loaded, source_texts: Optional[dict[str, str]] = None,
          horizon_months: int = SettingsFile().unconfirmed_after_months) -> Dataset:
    """The Dataset from valid files that pass the checks: each entry linked to what it names, once."""
    f = loaded.files
    sources = {s.id: s for s in f["sources"].sources}
    units = {u.id: u for u in f["units"].units}
    figures = {x.id: with_history(x, sources) for x in f["figures"].figures}
    for figure in figures.values():
        figure._unit = units[figure.unit_id]
        for report in figure.history:
            report._unit = figure._unit
    computed, _ = derived.evaluate(f["figures"].derived, figures)
    for item in f["figures"].derived:
        item._unit, item._computed = units[item.unit_id], computed[item.id]
    milestones = tuple(with_history(m, sources) for m in f["plant"].milestones)
    program = f["program"]
    program.program._sectors_note = program.sectors_note
    return Dataset(
        sources=sources,
        people={p.id: p for p in f["people"].people},
        statements={s.id: s for s in f["statements"].statements},
        places={p.id: p for p in f["places"].places},
        units=units,
        topics={t.id: t for t in f["figures"].topics},
        figures=figures,
        derived={d.id: d for d in f["figures"].derived},
        plant=with_history(f["plant"].plant, sources),
        milestones=milestones,
        program=program.program,
        sectors={s.id: s for s in program.sectors},
        projects={p.id: with_history(p, sources) for p in program.projects},
        discrepancies=program.discrepancies,
        goods=f["trade"].goods,
        turnover_figure_ids=f["trade"].turnover_figures,
        left_out=f["figures"].left_out,
        glossary={t.id: t for t in f["glossary"].terms} if f.get("glossary") else {},
        source_texts=source_texts or {},
        today=loaded.today,
        horizon_months=horizon_months,
    )
