"""The site's facts as typed, validated objects. Built only by `load.py`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Mapping, Optional

from .dates import PartialDate

LANGUAGES = ("en", "ru", "kk", "ko")


@dataclass(frozen=True)
class Text:
    """Reader-facing text by language; English is always present."""

    values: Mapping[str, str]

    def get(self, lang: str = "en") -> str:
        return self.values.get(lang) or self.values["en"]

    def __str__(self) -> str:
        return self.get()


@dataclass(frozen=True)
class Evidence:
    """Where a fact comes from: a source and its verbatim words."""

    source_id: str
    quote: str


@dataclass(frozen=True)
class Source:
    id: str
    title: Text
    headline: Optional[str]
    outlet: Optional[str]
    url: Optional[str]
    published: PartialDate
    language: str
    summary: Optional[Text]
    notes: Optional[Text]
    inferred: Mapping[str, str]


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    role: Text
    evidence: Evidence


@dataclass(frozen=True)
class Statement:
    id: str
    person_id: str
    date: Optional[PartialDate]
    direct: bool
    summary: Text
    evidence: Evidence
    inferred: Mapping[str, str]


@dataclass(frozen=True)
class Place:
    id: str
    name: Text
    also_spelled: tuple[str, ...]  # background: not from the sources
    background: Optional[Text]  # what the place is; not from the sources


@dataclass(frozen=True)
class Unit:
    id: str
    kind: str  # money | count | percent
    symbol: str = ""
    one: Optional[Text] = None
    other: Optional[Text] = None


@dataclass(frozen=True)
class Range:
    low: float
    high: float


@dataclass(frozen=True)
class Figure:
    id: str
    topic_id: str
    label: Text
    value: float | Range
    unit: Unit
    qualifier: str
    outlook: str
    as_of: PartialDate
    headline: bool
    evidence: Evidence
    statement_ids: tuple[str, ...]
    inferred: Mapping[str, str]


@dataclass(frozen=True)
class DerivedFigure:
    """A number computed at build time from other figures (see derived.py); never a reported one."""

    id: str
    topic_id: str
    label: Text
    operation: str  # multiply | divide | subtract
    input_ids: tuple[str, ...]
    unit: Unit
    decimals: int
    assumption: Optional[Text]  # what the computation assumes; required (rules.py)
    value: float | Range  # rounded to the inputs' precision (or `decimals`), as shown
    exact_value: float | Range
    qualifier: str  # exact, or about when an input is not exact or the result is rounded
    outlook: str  # expected when any input is
    as_of: PartialDate  # the latest date among the inputs


@dataclass(frozen=True)
class Topic:
    id: str
    name: Text


@dataclass(frozen=True)
class Milestone:
    id: str
    title: Text
    date: Optional[PartialDate]
    after_id: Optional[str]
    status: str  # done | in-progress | planned
    evidence: Evidence
    reported: PartialDate
    statement_ids: tuple[str, ...]
    inferred: Mapping[str, str]


@dataclass(frozen=True)
class Plant:
    id: str
    name: Text
    partner: str
    place_id: str
    kind: Text
    status: str
    status_text: Text
    status_evidence: Evidence
    figure_ids: tuple[str, ...]


@dataclass(frozen=True)
class Sector:
    id: str
    name: Text
    description: Optional[Text]
    evidence: Evidence
    statement_ids: tuple[str, ...]
    inferred: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Project:
    id: str
    name: Text
    description: Optional[Text]
    place_id: Optional[str]
    status: str
    sector_ids: tuple[str, ...]
    evidence: Evidence
    inferred: Mapping[str, str]


@dataclass(frozen=True)
class Discrepancy:
    id: str
    figure_ids: tuple[str, ...]
    note: Text


@dataclass(frozen=True)
class Program:
    id: str
    name: Text
    description: Text
    period_start: PartialDate
    period_end: PartialDate
    period_evidence: Evidence
    signed: PartialDate
    signed_during: Text
    signed_evidence: Evidence
    person_ids: tuple[str, ...]
    figure_ids: tuple[str, ...]
    inferred: Mapping[str, str]
    sectors_note: Optional[Text]


@dataclass(frozen=True)
class Good:
    id: str
    name: Text
    direction: str  # export | import
    evidence: Evidence


@dataclass(frozen=True)
class LeftOut:
    """A number or numeric claim in a source that is deliberately not a figure, and why."""

    source_id: str
    words: str  # the article's words, verbatim
    reason: Text


@dataclass
class Dataset:
    """Everything the site shows, in the order editors wrote it."""

    sources: dict[str, Source] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    derived: dict[str, DerivedFigure] = field(default_factory=dict)
    plant: Optional[Plant] = None
    milestones: list[Milestone] = field(default_factory=list)
    program: Optional[Program] = None
    sectors: dict[str, Sector] = field(default_factory=dict)
    projects: dict[str, Project] = field(default_factory=dict)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    goods: list[Good] = field(default_factory=list)
    turnover_figure_ids: tuple[str, ...] = ()
    left_out: list[LeftOut] = field(default_factory=list)
    source_texts: dict[str, str] = field(default_factory=dict)  # data/sources/<id>.txt, verbatim
    today: dt.date = field(default_factory=dt.date.today)  # the build date (SOURCE_DATE_EPOCH)
    horizon_months: int = 12  # data/settings.yaml: a report older than this is not confirmed since

    def timeline(self) -> list[Milestone]:
        """Milestones in date order; an undated one right after the milestone it follows."""
        dated = sorted((m for m in self.milestones if m.date), key=lambda m: m.date.sort_key())
        followers: dict[str, list[Milestone]] = {}
        for milestone in self.milestones:
            if milestone.after_id:
                followers.setdefault(milestone.after_id, []).append(milestone)
        ordered: list[Milestone] = []

        def place(milestone: Milestone) -> None:
            ordered.append(milestone)
            for follower in followers.get(milestone.id, []):
                place(follower)

        for milestone in dated:
            place(milestone)
        return ordered

    def _index(self) -> dict[str, dict[str, list]]:
        """Every "which X belong to Y" answer, grouped in one pass and kept.

        Pages ask these for each person, sector, figure and source; scanning every list for each
        question would make the build quadratic in the data. Rebuilt if the collections change.
        """
        key = tuple(id(c) for c in self._collections()) + tuple(len(c) for c in self._collections())
        cached = self.__dict__.get("_index_cache")
        if cached is not None and cached[0] == key:
            return cached[1]
        index: dict[str, dict[str, list]] = {name: {} for name in (
            "statements_of", "projects_in", "figures_in", "derived_in", "discrepancies_for", "supported_by")}

        def add(name: str, key: str, item) -> None:
            index[name].setdefault(key, []).append(item)

        for statement in self.statements.values():
            add("statements_of", statement.person_id, statement)
        for project in self.projects.values():
            for sector_id in dict.fromkeys(project.sector_ids):
                add("projects_in", sector_id, project)
        for figure in self.figures.values():
            add("figures_in", figure.topic_id, figure)
        for derived in self.derived.values():
            add("derived_in", derived.topic_id, derived)
        for item in self.discrepancies:
            for figure_id in dict.fromkeys(item.figure_ids):
                add("discrepancies_for", figure_id, item)
        for kind, items in (("milestones", self.milestones), ("figures", self.figures.values()),
                            ("sectors", self.sectors.values())):
            for item in items:
                for statement_id in dict.fromkeys(item.statement_ids):
                    add("supported_by", statement_id, (kind, item))
        citing: dict[str, dict[str, list]] = {}
        for kind, items in (
            ("milestones", self.milestones), ("figures", self.figures.values()), ("sectors", self.sectors.values()),
            ("projects", self.projects.values()), ("statements", self.statements.values()), ("goods", self.goods),
        ):
            for item in items:
                citing.setdefault(item.evidence.source_id, {}).setdefault(kind, []).append(item)
        index["citing"] = citing
        self.__dict__["_index_cache"] = (key, index)
        return index

    def _collections(self) -> tuple:
        return (self.statements, self.projects, self.figures, self.derived, self.discrepancies,
                self.milestones, self.sectors, self.goods)

    def statements_of(self, person_id: str) -> list[Statement]:
        return list(self._index()["statements_of"].get(person_id, ()))

    def projects_in(self, sector_id: str) -> list[Project]:
        return list(self._index()["projects_in"].get(sector_id, ()))

    def figures_in(self, topic_id: str) -> list[Figure]:
        return list(self._index()["figures_in"].get(topic_id, ()))

    def derived_in(self, topic_id: str) -> list[DerivedFigure]:
        return list(self._index()["derived_in"].get(topic_id, ()))

    def facts_supported_by(self, statement_id: str) -> dict[str, list]:
        """The milestones, figures and sectors that name a statement, in that order."""
        found: dict[str, list] = {"milestones": [], "figures": [], "sectors": []}
        for kind, item in self._index()["supported_by"].get(statement_id, ()):
            found[kind].append(item)
        return found

    def any_figure(self, figure_id: str) -> "Figure | DerivedFigure":
        """A reported or a derived figure by id."""
        return self.figures.get(figure_id) or self.derived[figure_id]

    def discrepancies_for(self, figure_id: str) -> list[Discrepancy]:
        return list(self._index()["discrepancies_for"].get(figure_id, ()))

    def facts_citing(self, source_id: str) -> dict[str, list]:
        """What rests on a source, by kind, for the sources page."""
        cited = self._index()["citing"].get(source_id, {})
        return {kind: list(cited.get(kind, ()))
                for kind in ("milestones", "figures", "sectors", "projects", "statements", "goods")}
