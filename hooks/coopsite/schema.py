"""Check a data file against its JSON Schema and say what is wrong in an editor's words.

The schemas in `schemas/` are the one statement of the files' shape: editors' tools read the
same files (through the `yaml-language-server` line at the top of each data file).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Any, Iterator

if TYPE_CHECKING:  # imported when a file has errors to explain (fastcheck clears valid ones)
    import jsonschema
    from jsonschema.exceptions import ValidationError
    from referencing import Registry

from . import fastcheck
from .errors import Problem, did_you_mean
from .yamlfile import YamlDocument

SCHEMA_DIR = FsPath(__file__).parent / "schemas"

_TYPE_WORDS = {
    "integer": "a whole number",
    "number": "a number",
    "string": "text",
    "object": "a mapping (indented 'key: value' lines)",
    "array": "a list (lines starting with '- ')",
    "boolean": "true or false",
    "null": "nothing (null)",
}


def schema_path(kind: str) -> FsPath:
    return SCHEMA_DIR / f"{kind}.schema.json"


@lru_cache(maxsize=None)
def _registry() -> Registry:
    from referencing import Registry, Resource

    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.as_uri(), Resource.from_contents(contents)))
    return Registry().with_resources(resources)


@lru_cache(maxsize=None)
def validator_for(kind: str) -> jsonschema.protocols.Validator:
    import jsonschema

    path = schema_path(kind)
    schema = dict(_registry().contents(path.as_uri()))
    schema["$id"] = path.as_uri()
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, registry=_registry())


def describe(value: Any) -> str:
    """A value as the editor typed it, for 'got ...' in messages."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"'{shown}'"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _expected_type(types: Any) -> str:
    if isinstance(types, str):
        types = [types]
    return " or ".join(_TYPE_WORDS.get(t, t) for t in types)


def _wants_text(error: ValidationError) -> bool:
    types = error.validator_value if error.validator == "type" else None
    return types == "string" or (isinstance(types, list) and "string" in types)


def _hint_for(error: ValidationError) -> str:
    value = error.instance
    if isinstance(value, str):
        if value.replace("_", "").replace(",", "").isdigit() and any(c in value for c in "_,"):
            return "; write numbers with digits only, such as 1500"
        if value.lower() in ("yes", "no", "on", "off", "y", "n"):
            return "; write true or false"
        if value.strip().lstrip("-").replace(".", "", 1).isdigit():
            return "; remove the quotes to make it a number"
    elif _wants_text(error) and value is not None and not isinstance(value, (dict, list)):
        # YAML reads an unquoted 2024, 1.5 or true as a number or a truth value, not as text
        written = describe(value).removeprefix("the number ")
        return f"; to mean the text {written}, put it in quotes: \"{written}\""
    return ""


def _messages(error: ValidationError) -> Iterator[tuple[tuple, str, bool]]:
    """Yield (path, message, points_at_key) for one schema error."""
    path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    validator = error.validator

    if validator == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        for key in error.instance:
            if key not in allowed:
                message = f"unknown field '{key}'{did_you_mean(key, allowed)}"
                if allowed:
                    message += f"; expected one of: {', '.join(allowed)}"
                yield path + (key,), message, True
        return
    if validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        yield path, f"missing field '{missing}'", False
        return
    expected = schema.get("x-expected")
    if validator == "type":
        wanted = expected or _expected_type(error.validator_value)
        yield path, f"expected {wanted}, got {describe(error.instance)}{_hint_for(error)}", False
        return
    if validator == "enum":
        choices = [str(c) for c in error.validator_value]
        yield path, (
            f"expected one of: {', '.join(choices)}; got {describe(error.instance)}"
            f"{did_you_mean(str(error.instance), choices)}"
        ), False
        return
    if validator in ("oneOf", "anyOf"):
        if expected:
            yield path, f"expected {expected}, got {describe(error.instance)}{_hint_for(error)}", False
            return
        from jsonschema.exceptions import best_match

        best = best_match(error.context or [])
        if best is not None:
            yield from _messages(best)
            return
    if validator in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        words = {
            "minimum": "at least", "exclusiveMinimum": "more than",
            "maximum": "at most", "exclusiveMaximum": "less than",
        }[validator]
        yield path, f"must be {words} {error.validator_value}, got {error.instance}", False
        return
    if validator == "uniqueItems":
        seen = set()
        for item in error.instance:
            key = json.dumps(item, sort_keys=True)
            if key in seen:
                yield path, f"lists {describe(item)} more than once", False
                return
            seen.add(key)
    if validator in ("minLength", "pattern") and isinstance(error.instance, str) and not error.instance.strip():
        yield path, "must not be empty", False
        return
    if validator == "maxLength":
        yield path, f"is {len(error.instance):,} characters long; at most {error.validator_value:,} allowed", False
        return
    if validator == "minItems":
        yield path, f"needs at least {error.validator_value} entr{'y' if error.validator_value == 1 else 'ies'}", False
        return
    if expected:
        yield path, f"expected {expected}, got {describe(error.instance)}", False
        return
    yield path, error.message, False


def check(doc: YamlDocument, kind: str) -> list[Problem]:
    """Every way `doc` breaks the schema of `kind`, located in the file."""
    if not isinstance(doc.data, dict):
        return [doc.problem((), f"expected a mapping at the top of the file (such as '{kind}:'), got {describe(doc.data)}")]
    if fastcheck.is_valid(SCHEMA_DIR, kind, doc.data):
        return []  # the quick check found the file valid: jsonschema would find nothing to explain
    problems = []
    for error in validator_for(kind).iter_errors(doc.data):
        for path, message, at_key in _messages(error):
            problems.append(doc.problem(path, message, key=at_key))
    return problems
