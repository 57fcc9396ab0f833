"""One declaration per kind of fact: the word lists reach every user, and each cross-file check runs alone."""

from __future__ import annotations

import datetime as dt

from coopsite import checks, derived, formats, validate, words
from coopsite.load import DATA_FILES
from coopsite.model import FILES, Milestone
from coopsite.render import plant, program
from coopsite.yamlfile import read_file
from conftest import ROOT, edit


def loaded(project) -> checks.Loaded:
    docs = {kind: read_file(project / "data" / f"{kind}.yaml", f"data/{kind}.yaml") for kind in DATA_FILES}
    files = {kind: validate.check(doc, kind)[0] for kind, doc in docs.items()}
    assert all(files.values()), "the fixture data must pass validation"
    return checks.Loaded(files, docs, dt.date(2026, 1, 1))


def test_every_word_of_a_word_list_has_its_words_where_readers_see_it():
    assert set(words.MILESTONE_STATUSES) <= set(plant.STATE_WORDS)
    assert set(words.PROJECT_STATUSES) <= set(program.PROJECT_STATUS_WORDS)
    assert tuple(formats.QUALIFIER_WORDS) == words.QUALIFIERS
    assert tuple(derived.OPERATIONS) == words.OPERATIONS


def test_a_declared_word_list_is_what_validation_accepts():
    status = Milestone.model_fields["status"]
    assert status.annotation.__args__ == words.MILESTONE_STATUSES
    assert list(FILES) == list(DATA_FILES)


def test_each_check_runs_alone_on_the_validated_files(project):
    assert [f for check in checks.ERRORS for f in check(loaded(project))] == []
    edit(project, "data/program.yaml", "    place: almaty", "    place: almati")
    [found] = checks.references_resolve(loaded(project))
    assert found.kind == "program" and found.path == ("projects", 0, "place")
    assert found.message == "unknown place id 'almati' (did you mean 'almaty'?)"
    assert list(checks.ids_unique(loaded(project))) == []


def test_a_reference_is_checked_because_it_is_declared_as_one():
    refers = {(cls, name): what for cls in (Milestone,) for name, _, what in checks.references(cls)}
    assert refers == {(Milestone, "source_id"): "source", (Milestone, "statement_ids"): "statement"}
