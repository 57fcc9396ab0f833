"""What changed in the facts between two versions of data/, in words, for a pull request."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterable

from .dates import PartialDate
from . import articles
from .load import DATA_FILES, SETTINGS_FILE, load
from .model import Dataset, Declared, Figure, Range, Report, Text, WithReports
from .formats import format_value


class DiffError(Exception):
    pass


_ABSENT = (b"does not exist", b"exists on disk, but not in")  # what git says of a file the revision lacks


def data_at_revision(project_dir: Path, revision: str, target: Path) -> Path:
    """Write data/ as it was at `revision` into `target`: the data files, and the settings and the articles'
    texts where the revision has them; a data file it lacks is skipped, any other failure of git is an error."""
    target.mkdir(parents=True, exist_ok=True)
    listing = subprocess.run(["git", "ls-tree", "--name-only", f"{revision}:data/{articles.FOLDER}"],
                             cwd=project_dir, capture_output=True, text=True)
    texts = [f"{articles.FOLDER}/{name}" for name in listing.stdout.split()] if listing.returncode == 0 else []
    data_files = [f"{kind}.yaml" for kind in DATA_FILES]
    for name in data_files + [f"{SETTINGS_FILE}.yaml"] + texts:
        result = subprocess.run(["git", "show", f"{revision}:data/{name}"], cwd=project_dir, capture_output=True)
        if result.returncode == 0:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(result.stdout)
        elif name in data_files and not any(words in result.stderr for words in _ABSENT):
            raise DiffError(f"git cannot read revision '{revision}': {result.stderr.decode(errors='replace').strip()}")
    return target


def _shown(value: Any) -> str:
    if isinstance(value, Text):
        return f"“{value.get()}”"
    if isinstance(value, PartialDate):
        return value.label()
    if isinstance(value, Range):
        return f"{value.low:g} to {value.high:g}"
    if isinstance(value, (tuple, list)):
        return ", ".join(str(v) for v in value) or "none"
    if value is None:
        return "none"
    if isinstance(value, Declared):
        return getattr(value, "id", str(value))
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items()) or "none"
    return f"“{value}”" if isinstance(value, str) else str(value)


def _field_changes(old: Declared, new: Declared, skip: Iterable[str] = (), prefix: str = "") -> list[str]:
    """One phrase per declared field that differs, named as editors write it (model.py's aliases)."""
    changes = []
    for attribute, info in type(old).model_fields.items():
        name = info.alias or attribute
        if name in ("id", *skip):
            continue
        before, after = getattr(old, attribute), getattr(new, attribute)
        if before == after:
            continue
        if name in ("name", "title", "label") and not prefix:
            changes.append(f"renamed from {_shown(before)} to {_shown(after)}")
        elif (isinstance(before, Declared) and isinstance(after, Declared) and not hasattr(before, "id")
              and not isinstance(before, (Text, Range))):
            changes += _field_changes(before, after, prefix=f"{prefix}{name} ")
        else:
            changes.append(f"{prefix}{name.replace('_', ' ')} changed from {_shown(before)} to {_shown(after)}")
    return changes


def _every_field(entry: Declared) -> list[str]:
    """An added or removed entry in full, one nested bullet per field that has a value (value, date,
    status, source, quote...), named as editors write them."""
    lines = []
    restated = _restated(entry) if _has_reports(entry) else set()
    for attribute, info in type(entry).model_fields.items():
        name = info.alias or attribute
        value = getattr(entry, attribute)
        if name in ("id", "title", "name", "label") or value in (None, (), [], {}):
            continue
        if name == "reports" or attribute in restated:
            continue  # an entry with later reports is listed report by report, below
        if name == "value" and isinstance(entry, Figure):
            shown = format_value(entry)
        elif isinstance(value, Declared) and not hasattr(value, "id") and not isinstance(value, (Text, Range)):
            shown = "; ".join(f"{k} {_shown(getattr(value, k))}" for k in type(value).model_fields)
        else:
            shown = _shown(value)
        lines.append(f"  - {name.replace('_', ' ')}: {shown}")
    if restated:
        lines += [f"  - report: {_report_words(r)}" for r in entry.history]
    return lines


def _has_reports(entry: Declared) -> bool:
    return isinstance(entry, WithReports) and len(entry.history) > 1


def _restated(entry: WithReports) -> set[str]:
    """The entry's fields its reports restate (status, date, value, source, quote...)."""
    return set(entry.report_kind().restates.values())


def _compare(kind: str, old: dict, new: dict, describe: Callable[[Any], str],
             changes_of: Callable[[Any, Any], list[str]] = _field_changes) -> list[str]:
    lines = []
    for entry_id, entry in new.items():
        if entry_id not in old:
            lines.append(f"- {kind} added: {describe(entry)} (`{entry_id}`)")
            lines += _every_field(entry)
    for entry_id, entry in old.items():
        if entry_id not in new:
            lines.append(f"- {kind} removed: {describe(entry)} (`{entry_id}`)")
            lines += _every_field(entry)
    for entry_id, entry in new.items():
        if entry_id in old and old[entry_id] != entry:
            changes = changes_of(old[entry_id], entry)
            if changes:
                lines.append(f"- {kind} `{entry_id}` ({describe(entry)}): " + "; ".join(changes))
    return lines


def _report_words(report: Report) -> str:
    """'done, March 2025 (source `x`, reported 20 March 2025): “...”', from what the report states."""
    stated = []
    for name, value in report.stated.items():
        if value is None or name == "qualifier" or (name == "outlook" and value != "expected"):
            continue  # the qualifier is written with the value; only a plan or forecast is marked
        if name == "value":
            stated.append(format_value(report))
        elif name == "as_of":
            stated.append(f"as of {value.label()}")
        else:
            stated.append(value.get() if isinstance(value, Text) else value.label() if isinstance(value, PartialDate)
                          else str(value))
    return (f"{', '.join(stated)} (source `{report.evidence.source_id}`, reported {report.reported.label()}): "
            f"“{report.evidence.quote}”")


def _report_changes(old: WithReports, new: WithReports) -> list[str]:
    """For an entry with later reports: each report added, removed or changed, in full (the state the entry
    shows is the latest report's, so its restated fields are not listed again); then its other fields."""
    if not (_has_reports(old) or _has_reports(new)):
        return _field_changes(old, new, ("reports",))
    changes = []
    for position, (before, after) in enumerate(zip(old.history, new.history)):
        if (before.stated, before.evidence, before.reported) != (after.stated, after.evidence, after.reported):
            which = "first report" if position == 0 else "report"
            changes.append(f"{which} changed from {_report_words(before)} to {_report_words(after)}")
    changes += [f"report added: {_report_words(r)}" for r in new.history[len(old.history):]]
    changes += [f"report removed: {_report_words(r)}" for r in old.history[len(new.history):]]
    restated = {info.alias or name for name, info in type(new).model_fields.items() if name in _restated(new)}
    return changes + _field_changes(old, new, ("reports", *restated))


def _figure_changes(old: Figure, new: Figure) -> list[str]:
    if _has_reports(old) or _has_reports(new):
        return _report_changes(old, new)
    changes = _field_changes(old, new, ("value", "unit", "qualifier", "reports"))
    if (old.value, old.unit, old.qualifier) != (new.value, new.unit, new.qualifier):
        changes.insert(0, f"value changed from {format_value(old)} to {format_value(new)}")
    return changes


def describe_changes(old: Dataset, new: Dataset) -> list[str]:
    """Bullet lines, one per added, removed or changed fact."""
    title = lambda entry: _shown(getattr(entry, "title", None) or getattr(entry, "name", None) or getattr(entry, "label", None))
    by_id = lambda entries: entries if isinstance(entries, dict) else {e.id: e for e in entries}  # noqa: E731
    lines: list[str] = []
    for kind, collection, describe, changes_of in (
            ("Source", "sources", title, _field_changes), ("Derived figure", "derived", title, _field_changes),
            ("Milestone", "milestones", title, _report_changes), ("Figure", "figures", title, _figure_changes),
            ("Sector", "sectors", title, _field_changes), ("Project", "projects", title, _report_changes),
            ("Trade good", "goods", title, _field_changes), ("Person", "people", lambda p: p.name, _field_changes),
            ("Statement", "statements", lambda s: _shown(s.summary), _field_changes),
            ("Place", "places", title, _field_changes), ("Topic", "topics", title, _field_changes),
            ("Unit", "units", lambda u: u.id, _field_changes)):
        lines += _compare(kind, by_id(getattr(old, collection)), by_id(getattr(new, collection)), describe, changes_of)
    if old.program and new.program and old.program != new.program:
        lines += [f"- Program: {change}" for change in _field_changes(old.program, new.program)]
    if old.program and new.program and old.program.sectors_note != new.program.sectors_note:
        lines.append(f"- Program: sectors note changed from {_shown(old.program.sectors_note)} to "
                     f"{_shown(new.program.sectors_note)}")
    if old.plant and new.plant and old.plant != new.plant:
        lines += [f"- Plant: {change}" for change in _report_changes(old.plant, new.plant)]
    lines += _compare("Note on differing figures", by_id(old.discrepancies), by_id(new.discrepancies),
                      lambda d: _shown(d.note))
    return lines


def diff_against_revision(project_dir: Path, revision: str) -> str:
    """The report `make diff REV=...` prints."""
    with tempfile.TemporaryDirectory() as tmp:
        old_dir = data_at_revision(project_dir, revision, Path(tmp) / "data")
        old = load(old_dir, display_prefix=f"{revision}:data", judge=False)  # a revision may predate the rules
    new = load(project_dir / "data")
    for label, result in ((f"revision {revision}", old), ("the work tree", new)):
        if result.dataset is None:
            problems = "\n".join(f"  {p}" for p in result.report.errors[:20])
            raise DiffError(f"the data in {label} has errors, so it cannot be compared:\n{problems}")
    lines = describe_changes(old.dataset, new.dataset)
    header = f"Changes in the facts since {revision}:"
    return header + "\n" + ("\n".join(lines) if lines else "- none") + "\n"
