"""What changed in the facts between two versions of data/, in words, for a pull request."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterable

from .dates import PartialDate
from . import articles
from .load import DATA_FILES, SETTINGS_FILE, load
from .model import Dataset, Declared, Figure, Milestone, Range, Text
from .formats import format_value


class DiffError(Exception):
    pass


def data_at_revision(project_dir: Path, revision: str, target: Path) -> Path:
    """Write data/ as it was at `revision` into `target`; files absent there are skipped."""
    target.mkdir(parents=True, exist_ok=True)
    for kind in DATA_FILES:
        result = subprocess.run(
            ["git", "show", f"{revision}:data/{kind}.yaml"], cwd=project_dir, capture_output=True,
        )
        if result.returncode == 0:
            (target / f"{kind}.yaml").write_bytes(result.stdout)
        elif b"does not exist" not in result.stderr and b"exists on disk, but not in" not in result.stderr:
            raise DiffError(f"git cannot read revision '{revision}': {result.stderr.decode(errors='replace').strip()}")
    listing = subprocess.run(["git", "ls-tree", "--name-only", f"{revision}:data/{articles.FOLDER}"],
                             cwd=project_dir, capture_output=True, text=True)
    names = listing.stdout.split() if listing.returncode == 0 else []
    extra = [f"{SETTINGS_FILE}.yaml"] + [f"{articles.FOLDER}/{name}" for name in names]
    for name in extra:  # the articles' texts and the settings, where the revision has them
        result = subprocess.run(["git", "show", f"{revision}:data/{name}"], cwd=project_dir, capture_output=True)
        if result.returncode == 0:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(result.stdout)
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
    reported = isinstance(entry, Milestone) and len(entry.history) > 1
    for attribute, info in type(entry).model_fields.items():
        name = info.alias or attribute
        value = getattr(entry, attribute)
        if name in ("id", "title", "name", "label") or value in (None, (), [], {}):
            continue
        if name == "reports" or (reported and name in ("status", "date", "source", "quote")):
            continue  # a milestone with later reports is listed report by report, below
        if name == "value" and isinstance(entry, Figure):
            shown = format_value(entry)
        elif isinstance(value, Declared) and not hasattr(value, "id") and not isinstance(value, (Text, Range)):
            shown = "; ".join(f"{k} {_shown(getattr(value, k))}" for k in type(value).model_fields)
        else:
            shown = _shown(value)
        lines.append(f"  - {name.replace('_', ' ')}: {shown}")
    if reported:
        lines += [f"  - report: {_report_words(r)}" for r in entry.history]
    return lines


def _compare(kind: str, old: dict, new: dict, describe: Callable[[Any], str],
             special: Callable[[Any, Any], list[str]] | None = None, skip: Iterable[str] = ()) -> list[str]:
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
            changes = (special(old[entry_id], entry) if special else []) + _field_changes(old[entry_id], entry, skip)
            if changes:
                lines.append(f"- {kind} `{entry_id}` ({describe(entry)}): " + "; ".join(changes))
    return lines


def _figure_value_change(old: Figure, new: Figure) -> list[str]:
    if (old.value, old.unit, old.qualifier) != (new.value, new.unit, new.qualifier):
        return [f"value changed from {format_value(old)} to {format_value(new)}"]
    return []


def _report_words(report) -> str:
    date = f", {report.date.label()}" if report.date else ""
    return (f"{report.status}{date} (source `{report.evidence.source_id}`, reported {report.reported.label()}): "
            f"“{report.evidence.quote}”")


def _milestone_changes(old, new) -> list[str]:
    """A report added or removed, in full (the state it brings is then the latest's, so the shown status,
    date, source and quote are not listed again); otherwise each changed field."""
    if len(new.history) == len(old.history):
        return _field_changes(old, new, ("reports",))
    changes = [f"report added: {_report_words(r)}" for r in new.history[len(old.history):]]
    changes += [f"report removed: {_report_words(r)}" for r in old.history[len(new.history):]]
    return changes + _field_changes(old, new, ("reports", "status", "date", "source", "quote"))


def describe_changes(old: Dataset, new: Dataset) -> list[str]:
    """Bullet lines, one per added, removed or changed fact."""
    title = lambda entry: _shown(getattr(entry, "title", None) or getattr(entry, "name", None) or getattr(entry, "label", None))
    lines: list[str] = []
    lines += _compare("Source", old.sources, new.sources, title)
    lines += _compare("Derived figure", old.derived, new.derived, title)
    lines += _compare("Milestone", {m.id: m for m in old.milestones}, {m.id: m for m in new.milestones}, title,
                      _milestone_changes, skip=tuple(f.alias or n for n, f in Milestone.model_fields.items()))
    lines += _compare("Figure", old.figures, new.figures, title, _figure_value_change,
                      skip=("value", "unit", "qualifier"))
    lines += _compare("Sector", old.sectors, new.sectors, title)
    lines += _compare("Project", old.projects, new.projects, title)
    lines += _compare("Trade good", {g.id: g for g in old.goods}, {g.id: g for g in new.goods}, title)
    lines += _compare("Person", old.people, new.people, lambda p: p.name)
    lines += _compare("Statement", old.statements, new.statements, lambda s: _shown(s.summary))
    lines += _compare("Place", old.places, new.places, title)
    lines += _compare("Topic", old.topics, new.topics, title)
    lines += _compare("Unit", old.units, new.units, lambda u: u.id)
    if old.program and new.program and old.program != new.program:
        lines += [f"- Program: {change}" for change in _field_changes(old.program, new.program)]
    if old.program and new.program and old.program.sectors_note != new.program.sectors_note:
        lines.append(f"- Program: sectors note changed from {_shown(old.program.sectors_note)} to "
                     f"{_shown(new.program.sectors_note)}")
    if old.plant and new.plant and old.plant != new.plant:
        lines += [f"- Plant: {change}" for change in _field_changes(old.plant, new.plant)]
    lines += _compare("Note on differing figures", {d.id: d for d in old.discrepancies},
                      {d.id: d for d in new.discrepancies}, lambda d: _shown(d.note))
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
