"""Rules that span files: each a small function over the loaded Dataset that returns what it finds.

A Finding names the data file, the entry (by id) and the field; load.py turns it into a located
`data/file.yaml:LINE:COL: field.path: message`. A rule about a stored article's text returns a
Problem located in data/sources/<id>.txt directly. Each rule can be run alone on any Dataset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Union

from . import articles, errors, status
from .errors import Problem
from .model import Dataset


@dataclass(frozen=True)
class Finding:
    kind: str  # the data file without .yaml: plant, figures, program, ...
    collection: str  # the list in that file (milestones, figures, ...), or the single mapping (plant)
    entry_id: Optional[str]  # the entry's id; None for a single mapping such as plant
    field: tuple  # the field path inside the entry
    message: str
    severity: str = "error"


Found = Union[Finding, Problem]


# -- 1. attribution -------------------------------------------------------------------------


def _linked_facts(data: Dataset):
    """(kind, collection, fact) for every fact that may name statements."""
    for item in data.milestones:
        yield "plant", "milestones", item
    for item in data.figures.values():
        yield "figures", "figures", item
    for item in data.sectors.values():
        yield "program", "sectors", item


def _own_evidence(fact):
    """The evidence the fact's statements go with: a milestone's first report (its own fields), since a later
    report carries no statements."""
    history = getattr(fact, "history", ())
    return history[0].evidence if history else fact.evidence


def tied_by_article(data: Dataset, fact, statement_id: str) -> bool:
    """Does the article itself tie the statement to the fact (their quotes share a sentence)?"""
    statement = data.statements.get(statement_id)
    evidence = _own_evidence(fact)
    text = data.source_texts.get(evidence.source_id)
    if statement is None or text is None or statement.evidence.source_id != evidence.source_id:
        return False
    return bool(articles.sentence_indexes(text, evidence.quote) & articles.sentence_indexes(text, statement.evidence.quote))


def check_attribution(data: Dataset) -> list[Finding]:
    """A statement linked to a fact must share a sentence of the article with the fact's quote,
    unless the fact marks the link inferred with its reasoning (`inferred: {statements: ...}`)."""
    found = []
    for kind, collection, fact in _linked_facts(data):
        if not fact.statement_ids or "statements" in fact.inferred:
            continue
        evidence = _own_evidence(fact)
        source_id = evidence.source_id
        text = data.source_texts.get(source_id)
        if text is None:
            continue  # check_texts_stored reports it
        fact_sentences = articles.sentence_indexes(text, evidence.quote)
        for position, statement_id in enumerate(fact.statement_ids):
            statement = data.statements.get(statement_id)
            if statement is None:
                continue
            where = ("statements", position)
            if statement.evidence.source_id != source_id:
                found.append(Finding(kind, collection, fact.id, where,
                                     f"statement '{statement_id}' comes from source '{statement.evidence.source_id}', "
                                     f"this fact from '{source_id}': the article cannot tie them; remove the link, "
                                     "or mark it inferred with the reasoning (inferred: {statements: ...})"))
                continue
            said = articles.sentence_indexes(text, statement.evidence.quote)
            if not fact_sentences or not said:
                missing = "this fact's quote" if not fact_sentences else f"the quote of statement '{statement_id}'"
                found.append(Finding(kind, collection, fact.id, where,
                                     f"cannot check the link: {missing} is not in the article's text "
                                     f"({articles.FOLDER}/{source_id}.txt); copy the quote verbatim"))
            elif not fact_sentences & said:
                found.append(Finding(kind, collection, fact.id, where,
                                     f"statement '{statement_id}' is not tied to this fact by the article: its quote "
                                     "and this fact's quote share no sentence; remove the link, or mark it inferred "
                                     "with the reasoning (inferred: {statements: ...})"))
    return found


def how_to_add_a_report(entry, example: str = "") -> str:
    """The end of an "update needed" notice: how to add a report, with the fields its kind of report declares."""
    kind = entry.report_kind()
    written = [info.alias or name for name, info in kind.model_fields.items() if info.is_required()
               or name in ("date", "qualifier")]
    fields = ", ".join(f"'{name}: >-'" if name == "quote" else f"'{name}: ...'" for name in written[1:])
    section = f"'{example}' under " if example else ""
    return (f". When a newer article reports on it, keep these lines (they show what was first reported) and add the "
            f"new report below them: 'reports:', then '- {written[0]}: ...', {fields} (see {section}'Record what "
            "happened to a plan' in the editing guide)")


# -- 2. as of when ------------------------------------------------------------------------


def check_confirmed(data: Dataset) -> list[Finding]:
    """A notice for every status or role that is not confirmed since its report (status.py)."""
    months = data.horizon_months
    found = []

    def notice(kind: str, collection: str, entry_id: Optional[str], field: tuple, what: str, conf,
               how: str = "") -> None:
        if conf.unconfirmed:
            found.append(Finding(kind, collection, entry_id, field,
                                 f"update needed: {what} {status.as_reported(conf)}, not confirmed since then: "
                                 f"{status.why_unconfirmed(conf, months)}{how}", "notice"))

    for item in data.milestones:
        state = item.status + (f" for {item.date.label()}" if item.date and item.status == "planned" else "")
        notice("plant", "milestones", item.id, ("status",), f"'{state}'", status.milestone(data, item),
               how_to_add_a_report(item))
    if data.plant is not None:
        notice("plant", "plant", None, ("status",), f"'{data.plant.status}'", status.plant(data),
               how_to_add_a_report(data.plant, "The plant's status"))
    for item in data.projects.values():
        notice("program", "projects", item.id, ("status",), f"'{item.status}'", status.project(data, item),
               how_to_add_a_report(item, "A project's status"))
    for item in data.figures.values():
        notice("figures", "figures", item.id, ("outlook",), "'expected' value", status.figure(data, item),
               how_to_add_a_report(item, "A figure updated by a later report"))
    sectors = [s for s in data.sectors.values() if status.sector(data, s).unconfirmed]
    if sectors:  # one notice: they all rest on the same report
        notice("program", "sectors", sectors[0].id, ("source",),
               f"{len(sectors)} sector{'s' if len(sectors) != 1 else ''} of the program,",
               status.sector(data, sectors[0]))
    for person in data.people.values():
        notice("people", "people", person.id, ("role",), "role", status.role(data, person))
    return found


# -- 5. derived figures ---------------------------------------------------------------------


def check_derived_assumptions(data: Dataset) -> list[Finding]:
    """Every derived figure states the assumption it rests on."""
    return [Finding("figures", "derived", d.id, ("id",),
                    "a derived figure needs the assumption it rests on, in one line: add "
                    "'assumption: {en: ...}' (what the computation takes for granted that the article does not say)")
            for d in data.derived.values() if d.assumption is None]


# -- 6. every number ------------------------------------------------------------------------

NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "million billion trillion dozen half double triple twice first second third fourth fifth sixth seventh "
    "eighth ninth tenth"
).split()
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)


def numbers_in(text: str) -> list[tuple[int, int]]:
    """(start, end) of every digit group and number word."""
    return [(m.start(), m.end()) for m in _NUMBER.finditer(text)]


def _covering_quotes(data: Dataset) -> dict[str, list[str]]:
    """By source: the quotes whose numbers the site shows as facts (figures, and the dates of
    milestones, statements and the program), and the words listed as left out."""
    evidence = [r.evidence for f in data.figures.values() for r in f.history]
    evidence += [r.evidence for m in data.milestones for r in m.history if r.date is not None]
    evidence += [s.evidence for s in data.statements.values() if s.date is not None]
    if data.program is not None:
        evidence += [data.program.period_evidence, data.program.signed_evidence]
    quotes: dict[str, list[str]] = {}
    for item in evidence:
        quotes.setdefault(item.source_id, []).append(item.quote)
    for item in data.left_out:
        quotes.setdefault(item.source_id, []).append(item.words)
    return quotes


def check_every_number(data: Dataset, prefix: str = "data") -> list[Found]:
    """Every number in a stored article is inside the quote of a figure or a dated fact, or inside
    words listed in figures.yaml `left_out` with the reason; and every `left_out` entry is in its text."""
    found: list[Found] = []
    for index, item in enumerate(data.left_out):
        text = data.source_texts.get(item.source_id)
        if text is not None and not articles.find_quote(text, item.words):
            found.append(Finding("figures", "left_out", None, (index, "words"),
                                 f"these words are not in the article's text ({articles.FOLDER}/{item.source_id}.txt); "
                                 "copy them verbatim"))
    quotes = _covering_quotes(data)
    # A quote not in its article is check_quotes_verified's error; the numbers it was meant to cover
    # are judged once it is copied right (one message for one mistake).
    miscopied = {evidence.source_id for *_, evidence in quoted(data)
                 if evidence.source_id in data.source_texts
                 and not articles.find_quote(data.source_texts[evidence.source_id], evidence.quote)}
    for source_id, text in data.source_texts.items():
        if source_id in miscopied:
            continue
        covered = [span for quote in dict.fromkeys(quotes.get(source_id, ())) for span in articles.find_quote(text, quote)]
        for start, end in numbers_in(text):
            if any(s <= start and end <= e for s, e in covered):
                continue
            line, column = errors.position(text, start)
            sentence = next((text[s:e].strip() for s, e in articles.sentences(text) if s <= start < e), "")
            found.append(Problem(
                articles.display_path(prefix, source_id), line, column, "",
                f"the number '{text[start:end]}' is neither in a figure's quote nor listed as left out "
                f"(in: “{sentence[:120]}”); add it to figures.yaml as a figure, or under left_out with the reason",
            ))
    return found


def check_texts_stored(data: Dataset) -> list[Finding]:
    """A source that facts cite should have its article's text; without it its quotes cannot be
    checked, which the site says beside each of its facts ("quote not verified")."""
    return [Finding("sources", "sources", source_id, ("id",),
                    f"the article's text is not stored, so its quotes are not verified and the site marks its facts "
                    f"'quote not verified': paste the article as published, as plain text, into "
                    f"data/{articles.FOLDER}/{source_id}.txt", "notice")
            for source_id in data.sources
            if source_id not in data.source_texts and any(data.facts_citing(source_id).values())]


def _reported(kind: str, collection: str, entry_id, own_field: tuple, entry):
    """An entry's own quote (its first report) and each later report's, where each is written."""
    yield kind, collection, entry_id, own_field, _own_evidence(entry)
    for position, report in enumerate(getattr(entry, "reports", ())):
        yield kind, collection, entry_id, ("reports", position, "quote"), report.evidence


# The Dataset's lists whose entries each quote their source: (data file, list).
QUOTING = (("plant", "milestones"), ("figures", "figures"), ("program", "sectors"), ("program", "projects"),
           ("statements", "statements"), ("people", "people"), ("trade", "goods"))


def quoted(data: Dataset):
    """(kind, collection, entry id, field, evidence) for every quote in the data."""
    if data.plant is not None:
        yield from _reported("plant", "plant", None, ("status_quote",), data.plant)
    if data.program is not None:
        yield "program", "program", None, ("period_quote",), data.program.period_evidence
        yield "program", "program", None, ("signed_quote",), data.program.signed_evidence
    for kind, collection in QUOTING:
        entries = getattr(data, collection)
        for item in entries.values() if isinstance(entries, dict) else entries:
            yield from _reported(kind, collection, item.id, ("quote",), item)


def check_quotes_verified(data: Dataset) -> list[Finding]:
    """Every quote is in its source's stored text (spacing and the kind of quotation marks aside);
    a quote that is not shows the passage of the article closest to it."""
    found = []
    for kind, collection, entry_id, field, evidence in quoted(data):
        text = data.source_texts.get(evidence.source_id)
        if text is None or articles.find_quote(text, evidence.quote):
            continue  # a missing text is check_texts_stored's notice
        closest = articles.closest_passage(text, evidence.quote)
        found.append(Finding(kind, collection, entry_id, field,
                             f"the quote is not in the article's text ({articles.FOLDER}/{evidence.source_id}.txt); "
                             f"copy it verbatim from the article. The closest passage there: “{closest}”"))
    return found


RULES = (check_texts_stored, check_quotes_verified, check_attribution, check_derived_assumptions, check_every_number,
         check_confirmed)


def run_all(data: Dataset, prefix: str = "data") -> list[Found]:
    found: list[Found] = []
    for rule in RULES:
        found += rule(data, prefix) if rule is check_every_number else rule(data)
    return found
