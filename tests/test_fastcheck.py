"""The quick schema check (fastcheck.py) agrees with jsonschema: valid exactly when it finds no error.

If the quick check ever called broken data valid, its errors would go unreported; these tests
compare the two on the real data and on many broken variants of it.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coopsite import fastcheck, schema
from coopsite.load import DATA_FILES
from coopsite.yamlfile import read_file
from hostile import walk

DATA = Path(__file__).resolve().parent.parent / "data"
DOCS = {kind: read_file(DATA / f"{kind}.yaml", f"data/{kind}.yaml").data for kind in DATA_FILES}


def _jsonschema_valid(kind, data) -> bool:
    return next(iter(schema.validator_for(kind).iter_errors(data)), None) is None


@pytest.mark.parametrize("kind", DATA_FILES)
def test_every_schema_is_judged_and_the_real_data_is_valid(kind):
    assert fastcheck.checker(schema.SCHEMA_DIR, kind) is not None
    assert fastcheck.is_valid(schema.SCHEMA_DIR, kind, DOCS[kind]) is True
    assert _jsonschema_valid(kind, DOCS[kind])


REPLACEMENTS = [
    None, True, False, 0, 1, -3, 1.5, 2.0, 10**20, "", " ", "x", "Has Upper", "has space", "2024", "2024-13",
    "2025-Q5", "a" * 90, "a" * 5001, [], ["x"], ["x", "x"], [1, True], {}, {"en": "x"}, {"en": ""},
    {"low": 5, "high": 6}, {"low": "5"}, "usd", "exact", "done", "kia-kostanai-2023",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_broken_variants_are_judged_as_jsonschema_judges_them(data):
    kind = data.draw(st.sampled_from(DATA_FILES))
    doc = copy.deepcopy(DOCS[kind])
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from([path for path, _ in walk(doc)]))
        if not path:
            continue
        parent = doc
        for part in path[:-1]:
            parent = parent[part]
        action = data.draw(st.sampled_from(["replace", "delete", "add", "duplicate"]))
        if action == "replace":
            parent[path[-1]] = copy.deepcopy(data.draw(st.sampled_from(REPLACEMENTS)))
        elif action == "delete":
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[data.draw(st.sampled_from(["zzz", "id", "inferred", "en", "ru", "value", "note"]))] = \
                copy.deepcopy(data.draw(st.sampled_from(REPLACEMENTS)))
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
    assert fastcheck.is_valid(schema.SCHEMA_DIR, kind, doc) == _jsonschema_valid(kind, doc)
