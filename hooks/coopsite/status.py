"""As of when: every status and role is "as reported on DATE", and says when it is not confirmed since.

One mechanism for milestones, the plant, projects, sectors, expected figures and people's roles. A state is not
confirmed since its report when:
- a planned date has passed (and it is not reported done);
- an undated step follows a planned step whose date has passed (or one that follows such a step);
- the latest report is older than the horizon (data/settings.yaml, default 12 months).
Something reported done stays done. Renderers, exports and `make check` all call these functions;
none of them works the state out again. No MkDocs here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from .dates import PartialDate
from .model import Dataset, DerivedFigure, Figure, Milestone, Person, Project, Sector

# Words shown to readers (kept together: they move to the message catalog).
WORDS = {
    "reported_on": "as reported on {date}",
    "reported_in": "as reported in {date}",
    "inferred": " (date inferred)",
    "unconfirmed": "not confirmed since then",
    "date-passed": "its date ({date}) has passed and no later report is in the data",
    "follows-passed": "it follows a planned step whose date has passed, and no later report is in the data",
    "old-report": "the latest report is more than {months} months old",
    "schedule-passed": "the schedule it gave has passed ({date}) and no later report is in the data",
}


@dataclass(frozen=True)
class Confirmation:
    """How current a state or role is: the report it rests on, and whether it is confirmed since."""

    reported: PartialDate
    reported_inferred: bool
    reason: Optional[str] = None  # when not confirmed since the report: "date-passed", "follows-passed", "old-report" or "schedule-passed"
    detail: Optional[PartialDate] = None  # the passed date, for date-passed and schedule-passed

    @property
    def unconfirmed(self) -> bool:
        return self.reason is not None

    @property
    def unconfirmed_since(self) -> Optional[PartialDate]:
        return self.reported if self.unconfirmed else None


def report_is_old(reported: PartialDate, today: dt.date, months: int) -> bool:
    """`months` after the report's last day (on the 28th at most) is before today."""
    last, month = reported.end, reported.end.month - 1 + months
    return dt.date(last.year + month // 12, month % 12 + 1, min(last.day, 28)) < today


def _current(data: Dataset, reported: PartialDate, inferred: bool) -> Confirmation:
    """Confirmed, unless the report is older than the horizon."""
    if report_is_old(reported, data.today, data.horizon_months):
        return Confirmation(reported, inferred, "old-report")
    return Confirmation(reported, inferred)


def _report(data: Dataset, source_id: str) -> tuple[PartialDate, bool]:
    source = data.sources.get(source_id)
    if source is None:
        return PartialDate(1900, "year"), False
    return source.published, "published" in source.inferred


def _plain(data: Dataset, source_id: str, can_change: bool = True) -> Confirmation:
    reported, inferred = _report(data, source_id)
    return _current(data, reported, inferred) if can_change else Confirmation(reported, inferred)


def milestone(data: Dataset, item: Milestone, _seen: Optional[set] = None) -> Confirmation:
    reported, inferred = _report(data, item.evidence.source_id)
    if item.status == "done":
        return Confirmation(reported, inferred)
    if item.date is not None and item.date.end < data.today:
        return Confirmation(reported, inferred, "date-passed", item.date)
    if item.date is None and item.after_id:
        seen = (_seen or set()) | {item.id}
        before = data.index.milestone_by_id.get(item.after_id)
        if before is not None and before.id not in seen and milestone(data, before, seen).reason in (
                "date-passed", "follows-passed"):
            return Confirmation(reported, inferred, "follows-passed")
    return _current(data, reported, inferred)


def plant(data: Dataset) -> Confirmation:
    """The plant's status: not confirmed once any step of its reported schedule is."""
    reported, inferred = _report(data, data.plant.status_evidence.source_id)
    passed = [m.date for m in data.milestones if milestone(data, m).reason == "date-passed"]
    if passed:
        return Confirmation(reported, inferred, "schedule-passed", max(passed, key=lambda d: d.sort_key()))
    if any(milestone(data, m).unconfirmed for m in data.milestones):
        return Confirmation(reported, inferred, "old-report")
    return _current(data, reported, inferred)


def project(data: Dataset, item: Project) -> Confirmation:
    return _plain(data, item.evidence.source_id, can_change=item.status != "implemented")


def figure(data: Dataset, item: Figure | DerivedFigure) -> Confirmation:
    """An expected number (a plan or a forecast) is not confirmed once its latest report is old; a
    reported one is a fact as of its date, which the figure always shows. A derived figure is as
    confirmed as its inputs: the first unconfirmed one, else the latest."""
    if isinstance(item, DerivedFigure):
        inputs = [figure(data, data.any_figure(i)) for i in item.input_ids]
        unconfirmed = [c for c in inputs if c.unconfirmed]
        if unconfirmed:
            return unconfirmed[0]
        return sorted(inputs, key=lambda c: c.reported.sort_key())[-1]
    return _plain(data, item.source_id, can_change=item.outlook == "expected")


def sector(data: Dataset, item: Sector) -> Confirmation:
    return _plain(data, item.evidence.source_id)


def role(data: Dataset, person: Person) -> Confirmation:
    return _plain(data, person.evidence.source_id)


def as_reported(confirmation: Confirmation) -> str:
    """'as reported on 13 November 2023', 'as reported in H2 2019 (date inferred)'."""
    key = "reported_on" if confirmation.reported.precision == "day" else "reported_in"
    text = WORDS[key].format(date=confirmation.reported.label())
    return text + (WORDS["inferred"] if confirmation.reported_inferred else "")


def why_unconfirmed(confirmation: Confirmation, months: int) -> str:
    """'its date (2024) has passed and no later report is in the data'; '' when confirmed."""
    if not confirmation.unconfirmed:
        return ""
    detail = confirmation.detail.label() if confirmation.detail else ""
    return WORDS[confirmation.reason].format(date=detail, months=months)


def sentence(confirmation: Confirmation, months: int) -> str:
    """The whole line: 'as reported on 13 November 2023; not confirmed since: its date ... has passed'."""
    text = as_reported(confirmation)
    if confirmation.unconfirmed:
        text += f"; {WORDS['unconfirmed']}: {why_unconfirmed(confirmation, months)}"
    return text
