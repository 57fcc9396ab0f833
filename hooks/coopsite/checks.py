"""What a declaration cannot say about one entry alone: checks over all the validated files.

Each check is a small function that takes the loaded files and yields Findings; load.py runs them
all and places each finding in its file. Files that failed validation are not in `files`, and
nothing is judged against them (their own errors come first).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterator, Optional

from . import derived, numbers
from .words import LANGUAGE_NAMES, LANGUAGES
from .errors import Path, did_you_mean
from .model import FILES, Declared, RefersTo, Report, TranslationOf, WithReports, declared_metadata, reader_texts
from .yamlfile import YamlDocument


@dataclass(frozen=True)
class Finding:
    kind: str  # the data file: figures, plant, ...
    path: Path
    message: str
    key: bool = False  # points at the key rather than the value
    severity: str = "error"


@dataclass(frozen=True)
class Loaded:
    """The data files that passed validation, by kind, and every file's positions."""

    files: dict[str, Declared]
    docs: dict[str, YamlDocument] = field(default_factory=dict)
    today: dt.date = field(default_factory=dt.date.today)
    by_kind: dict[str, dict[str, Declared]] = field(init=False, repr=False)  # worked out once, below

    def __post_init__(self) -> None:
        by_kind: dict[str, dict[str, Declared]] = {}
        for _kind, _path, entry in entries(self):
            by_kind.setdefault(entry.id_kind, {}).setdefault(entry.id, entry)
        object.__setattr__(self, "by_kind", by_kind)


Check = Callable[[Loaded], Iterator[Finding]]


# -- walking the declared entries ---------------------------------------------------------------

def walk(loaded: Loaded) -> Iterator[tuple[str, Path, Declared]]:
    """Every declared object of every valid file (the file, its entries, their parts): (file, path, object)."""
    def visit(kind: str, path: Path, item: Declared) -> Iterator[tuple[str, Path, Declared]]:
        yield kind, path, item
        for name, alias in _parts(type(item)):
            value = getattr(item, name)
            if isinstance(value, Declared):
                yield from visit(kind, path + (alias,), value)
            elif isinstance(value, tuple):
                for i, part in enumerate(value):
                    if isinstance(part, Declared):
                        yield from visit(kind, path + (alias, i), part)

    for kind, data in loaded.files.items():
        yield from visit(kind, (), data)


def entries(loaded: Loaded) -> Iterator[tuple[str, Path, Declared]]:
    """Every entry that has an id, in file order."""
    return ((kind, path, item) for kind, path, item in walk(loaded) if item.id_kind)


@lru_cache(maxsize=None)
def _parts(cls: type) -> tuple[tuple[str, str], ...]:
    """The fields of `cls` that hold declared objects which hold ids or references."""
    found = []
    for name, info in cls.model_fields.items():
        classes = declared_metadata(info)[1]
        if any(issubclass(c, Declared) and (c.id_kind or references(c) or _parts(c)) for c in classes):
            found.append((name, info.alias or name))
    return tuple(found)


@lru_cache(maxsize=None)
def references(cls: type) -> tuple[tuple[str, str, str], ...]:
    """(attribute, name in the file, kind of id) of each field of `cls` declared with RefersTo."""
    found = []
    for name, info in cls.model_fields.items():
        for item in declared_metadata(info)[0]:
            if isinstance(item, RefersTo):
                found.append((name, info.alias or name, str(item)))
                break
    return tuple(found)


def _defined_in() -> dict[str, str]:
    homes: dict[str, str] = {}
    seen: set[type] = set()

    def visit(kind: str, cls: type) -> None:
        seen.add(cls)
        for info in cls.model_fields.values():
            for item in declared_metadata(info)[1]:
                if issubclass(item, Declared) and item not in seen:
                    if item.id_kind:
                        homes.setdefault(item.id_kind, kind)
                    visit(kind, item)

    for kind, declaration in FILES.items():
        visit(kind, declaration)
    return homes


DEFINED_IN = _defined_in()  # the file that defines each kind of id: {'figure': 'figures', ...}


def defined(loaded: Loaded, what: str) -> Optional[dict[str, Declared]]:
    """The entries of one kind, the first of each id; None when their file failed validation."""
    if DEFINED_IN.get(what) not in loaded.files:
        return None
    return loaded.by_kind.get(what, {})


# -- the checks ---------------------------------------------------------------------------------

def ids_unique(loaded: Loaded) -> Iterator[Finding]:
    seen: dict[tuple[str, str], tuple[str, Path]] = {}
    for kind, path, entry in entries(loaded):
        key = (entry.id_space or entry.id_kind, entry.id)
        if key in seen:
            first_kind, first_path = seen[key]
            line = loaded.docs[first_kind].where(first_path + ("id",))[0] if first_kind in loaded.docs else 0
            yield Finding(kind, path + ("id",),
                          f"duplicate id '{entry.id}' (already used on line {line}); ids must be unique")
        else:
            seen[key] = (kind, path)


def references_resolve(loaded: Loaded) -> Iterator[Finding]:
    """Every field declared as referring to another kind of entry names one that exists."""
    for kind, path, entry in walk(loaded):
        for name, alias, what in references(type(entry)):
            targets = defined(loaded, what)
            if targets is None:  # that file has errors of its own; don't pile on
                continue
            value = getattr(entry, name)
            for where, target in ([((alias, i), t) for i, t in enumerate(value)] if isinstance(value, tuple)
                                  else [((alias,), value)] if value is not None else []):
                if target not in targets:
                    yield Finding(kind, path + where, f"unknown {what} id '{target}'{did_you_mean(target, targets)}")


def _numbers(loaded: Loaded) -> Iterator[tuple[Path, Any, Any]]:
    """(path, figure, the figure or a later report on it) for each number figures.yaml states (none when the file
    failed validation)."""
    for i, figure in enumerate(loaded.files["figures"].figures if "figures" in loaded.files else ()):
        yield ("figures", i), figure, figure
        for j, report in enumerate(figure.reports):
            yield ("figures", i, "reports", j), figure, report


def quotes_contain_values(loaded: Loaded) -> Iterator[Finding]:
    """A figure's quote writes its value, so a typo in a number is caught; so does each later report's."""
    for path, _, stated in _numbers(loaded):
        value = stated.value
        for number in ([value.low, value.high] if hasattr(value, "low") else [value]):
            if not numbers.appears_in(number, stated.quote):
                forms = " or ".join(f"'{f}'" for f in sorted(numbers.spellings(number)))
                yield Finding("figures", path + ("quote",),
                              f"the quote does not contain the value {numbers.plain(number)} (looked for {forms}); "
                              "quote the sentence that states the number, or correct the value")


def ranges_in_order(loaded: Loaded) -> Iterator[Finding]:
    for path, _, stated in _numbers(loaded):
        if hasattr(stated.value, "low") and stated.value.low > stated.value.high:
            yield Finding("figures", path + ("value",), f"the range's low end ({stated.value.low:g}) is above "
                                                        f"its high end ({stated.value.high:g})")


def percentages_at_most_100(loaded: Loaded) -> Iterator[Finding]:
    units = defined(loaded, "unit")
    if units is None:
        return
    for path, figure, stated in _numbers(loaded):
        unit = units.get(figure.unit_id)
        high = stated.value.high if hasattr(stated.value, "high") else stated.value
        if unit is not None and unit.kind == "percent" and high > 100:
            yield Finding("figures", path + ("value",), f"a percentage cannot exceed 100, got {high:g}")


def inferred_fields_exist(loaded: Loaded) -> Iterator[Finding]:
    """An entry marks as inferred only fields it has."""
    for kind, path, entry in entries(loaded):
        reasons = getattr(entry, "inferred", None)
        if not reasons:
            continue
        given = entry.given()
        for name in reasons:
            if name not in given:
                yield Finding(kind, path + ("inferred", name),
                              f"names '{name}' as inferred, but this entry has no '{name}' field"
                              f"{did_you_mean(name, sorted(given - {'inferred'}))}", key=True)


def done_not_after_report(loaded: Loaded) -> Iterator[Finding]:
    """A milestone reported as done cannot be dated after the report it rests on."""
    sources = defined(loaded, "source")
    if "plant" not in loaded.files or sources is None:
        return
    for i, milestone in enumerate(loaded.files["plant"].milestones):
        for path, report in [(("milestones", i), milestone)] + [
                (("milestones", i, "reports", j), r) for j, r in enumerate(milestone.reports)]:
            source = sources.get(report.source_id)
            if source and report.date and report.status == "done" and report.date.start > source.published.end:
                yield Finding("plant", path + ("status",),
                              f"is 'done' but its date ({report.date.label()}) is after the report it rests on "
                              f"({source.published.label()}); use 'planned', or cite a later source")


def reports_oldest_first(loaded: Loaded) -> Iterator[Finding]:
    """Later reports follow the entry's own fields, oldest first: the last one is the state the site shows."""
    sources = defined(loaded, "source")
    if sources is None:
        return
    for kind, path, entry in walk(loaded):
        if not isinstance(entry, WithReports) or not entry.reports:
            continue
        before = sources.get(entry.own_report().source_id)
        for j, report in enumerate(entry.reports):
            source = sources.get(report.source_id)
            if before and source and source.published.end < before.published.start:
                yield Finding(kind, path + ("reports", j, "source"),
                              f"this report ({source.id}, {source.published.label()}) is older than the one before it "
                              f"({before.id}, {before.published.label()}); list the reports oldest first, so the "
                              "last is the latest")
            before = source or before


def after_links_resolve(loaded: Loaded) -> Iterator[Finding]:
    """An undated milestone follows another milestone, not itself."""
    if "plant" not in loaded.files:
        return
    milestones = loaded.files["plant"].milestones
    ids = {m.id for m in milestones}
    for i, milestone in enumerate(milestones):
        if milestone.after_id == milestone.id:
            yield Finding("plant", ("milestones", i, "after"), "a milestone cannot follow itself")
        elif milestone.after_id is not None and milestone.after_id not in ids:
            yield Finding("plant", ("milestones", i, "after"),
                          f"unknown milestone id '{milestone.after_id}'{did_you_mean(milestone.after_id, ids)}")


def after_links_have_no_loop(loaded: Loaded) -> Iterator[Finding]:
    if "plant" not in loaded.files:
        return
    milestones = loaded.files["plant"].milestones
    by_id = {m.id: m for m in reversed(milestones)}  # the first of each id
    for i, milestone in enumerate(milestones):
        seen = {milestone.id}
        current = milestone
        while current.after_id and current.after_id != current.id and current.after_id in by_id:
            current = by_id[current.after_id]
            if current.id in seen:
                yield Finding("plant", ("milestones", i, "after"),
                              "the 'after' links form a loop; one milestone in the chain needs a date")
                break
            seen.add(current.id)


def period_in_order(loaded: Loaded) -> Iterator[Finding]:
    if "program" not in loaded.files:
        return
    period = loaded.files["program"].program.period
    if period.start.start > period.end.end:
        yield Finding("program", ("program", "period"),
                      f"starts ({period.start.label()}) after it ends ({period.end.label()})")


def derived_inputs_resolve(loaded: Loaded) -> Iterator[Finding]:
    """A derived figure's inputs exist, are not itself, and number what its operation takes."""
    if "figures" not in loaded.files:
        return
    doc = loaded.files["figures"]
    known = {f.id for f in doc.figures} | {d.id for d in doc.derived}
    for i, figure in enumerate(doc.derived):
        path = ("derived", i, "inputs")
        most = derived.OPERATIONS[figure.operation][2]
        if most is not None and len(figure.input_ids) > most:
            yield Finding("figures", path, f"'{figure.operation}' takes exactly {most} inputs, "
                                           f"got {len(figure.input_ids)}")
        elif figure.id in figure.input_ids:
            yield Finding("figures", path, "a derived figure cannot be one of its own inputs")
        else:
            for j, input_id in enumerate(figure.input_ids):
                if input_id not in known:
                    yield Finding("figures", path + (j,),
                                  f"unknown figure id '{input_id}'{did_you_mean(input_id, known)}")


def derived_inputs_have_no_loop(loaded: Loaded) -> Iterator[Finding]:
    if "figures" not in loaded.files:
        return
    doc = loaded.files["figures"]
    position = {figure.id: i for i, figure in reversed(list(enumerate(doc.derived)))}  # the first of each id
    _, loops = derived.order({d.id: d.input_ids for d in doc.derived if d.id not in d.input_ids})
    for loop in loops:
        yield Finding("figures", ("derived", position[loop[0]], "inputs"),
                      f"the inputs form a loop ({' -> '.join(loop)}); a derived figure cannot depend on itself")


def derived_results_computable(loaded: Loaded) -> Iterator[Finding]:
    if "figures" not in loaded.files:
        return
    doc = loaded.files["figures"]
    latest = {f.id: f.as_latest(f.reports_in_full()) for f in doc.figures}  # the values the site computes with
    _, failures = derived.evaluate(doc.derived, latest)
    for i, figure in enumerate(doc.derived):
        if figure.id in failures:
            yield Finding("figures", ("derived", i, "operation"), f"cannot be computed: {failures.pop(figure.id)}")


ERRORS: tuple[Check, ...] = (
    ids_unique, references_resolve, quotes_contain_values, ranges_in_order,
    percentages_at_most_100, inferred_fields_exist, done_not_after_report, reports_oldest_first, after_links_resolve,
    after_links_have_no_loop, period_in_order, derived_inputs_resolve, derived_inputs_have_no_loop,
    derived_results_computable,
)


# -- notices: not errors, things an editor should look at soon ------------------------------------
# (A status not confirmed since its report is a notice of rules.py, worked out by status.py.)

CITING_KINDS = ("milestone", "figure", "sector", "project", "statement", "good")  # the sources page lists these


def sources_cited(loaded: Loaded) -> Iterator[Finding]:
    cited = {item.source_id for _, _, item in walk(loaded)
             if item.id_kind in CITING_KINDS or isinstance(item, Report)}
    for i, source in enumerate(loaded.files["sources"].sources):
        if source.id not in cited:
            yield Finding("sources", ("sources", i, "id"), f"source '{source.id}' is cited by nothing",
                          severity="notice")


@lru_cache(maxsize=None)
def _translation_fields(cls: type) -> tuple[tuple[str, str, str, str], ...]:
    """Each translation field of `cls` (model.TranslationOf): its attribute and name in the file, and those
    of the field it translates."""
    fields = cls.model_fields
    found = []
    for name, info in fields.items():
        original = next((m for m in declared_metadata(info)[0] if isinstance(m, TranslationOf)), None)
        if original is not None:
            found.append((name, info.alias or name, original, fields[original].alias or original))
    return tuple(found)


def translations_missing(loaded: Loaded) -> Iterator[Finding]:
    """Each reader text without a translation, one notice per language: the edition shows the English,
    marked as not yet translated, so this is never an error. An inference's reasoning written as plain
    text is English."""
    for kind, data in loaded.files.items():
        for path, text in reader_texts(data):
            for lang in LANGUAGES[1:]:
                if kind == "units" and loaded.files["units"].units[path[1]].words.get(lang):
                    continue  # a unit's words in that language are under words: (by plural form)
                if not getattr(text, lang, None):
                    how = (f"write the reasoning as 'en:' and add '{lang}:' beside it" if "inferred" in path[-2:-1]
                           and len(text.values) == 1 else f"add '{lang}:' beside 'en:'")
                    yield Finding(kind, path, f"not yet translated into {LANGUAGE_NAMES[lang]}: {how} "
                                              f"(the {LANGUAGE_NAMES[lang]} edition shows the English "
                                              f"until then)", key=True, severity="notice")


def quote_translations_missing(loaded: Loaded) -> Iterator[Finding]:
    """Each quote without the site's translation into a language, one notice per language: the edition
    shows the article's words alone until then. (Whatever quotes a source also names it, so walk() finds it.)"""
    for kind, entry_path, entry in walk(loaded):
        for name, field_name, original, original_name in _translation_fields(type(entry)):
            if not getattr(entry, original, None):
                continue
            path, translation = entry_path + (original_name,), getattr(entry, name)
            for lang in LANGUAGES[1:]:
                if translation is None or not getattr(translation, lang, None):
                    how = (f"add '{field_name}:' after it, with '{lang}:' and the translation indented below"
                           if translation is None else f"add '{lang}:' under '{field_name}:'")
                    yield Finding(kind, path, f"quote not yet translated into {LANGUAGE_NAMES[lang]}: {how} "
                                              f"(the {LANGUAGE_NAMES[lang]} edition shows the article's "
                                              f"words without a translation until then)", key=True, severity="notice")


NOTICES: tuple[Check, ...] = (sources_cited, translations_missing, quote_translations_missing)  # run only when every file is valid
