"""Validate a data file against its declaration (model.py) and say what is wrong in an editor's words.

Pydantic finds the problems; this module places each at the line and column the YAML reader
recorded and words it the way the rest of the site's messages read.
"""

from __future__ import annotations

import re
import types
from typing import Annotated, Any, Literal, Optional, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from .errors import Path, Problem, did_you_mean, shortened
from .model import FILES, OPTIONAL_FILES, Declared, Expected
from .yamlfile import YamlDocument

_TYPE_WORDS = {
    str: "text",
    int: "a whole number",
    float: "a number",
    bool: "true or false",
    dict: "a mapping (indented 'key: value' lines)",
    tuple: "a list (lines starting with '- ')",
    list: "a list (lines starting with '- ')",
}
_BOUNDS = {"greater_than": ("more than", "gt"), "greater_than_equal": ("at least", "ge"),
           "less_than": ("less than", "lt"), "less_than_equal": ("at most", "le")}


def describe(value: Any) -> str:
    """A value as the editor typed it, for 'got ...' in messages."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"'{shortened(value)}'"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    return repr(value)


def check(doc: YamlDocument, kind: str) -> tuple[Optional[Declared], list[Problem]]:
    """The file's entries as declared, or every way the file breaks its declaration, located."""
    if not isinstance(doc.data, dict):
        return None, [doc.problem((), f"expected a mapping at the top of the file (such as '{kind}:'), "
                                      f"got {describe(doc.data)}")]
    declaration = FILES[kind] if kind in FILES else OPTIONAL_FILES[kind]
    try:
        return declaration.model_validate(doc.data), []
    except ValidationError as err:
        problems = []
        misplaced: dict[tuple, str] = {}  # (list, index) -> the list the entry belongs in
        for error in err.errors(include_url=False):
            path, message, at_key = explain(declaration, doc.data, error)
            entry = tuple(path[:2])
            if entry in misplaced:
                continue
            belongs = _belongs_in(declaration, doc.data, entry)
            if belongs:  # one message for the entry, not one per field the other list does not have
                misplaced[entry] = belongs
                problems.append(doc.problem(entry, _misplaced_message(declaration, entry[0], belongs), key=False))
                continue
            problems.append(doc.problem(path, message, key=at_key))
            if error["type"] == "string_too_long" and not _matches_pattern(declaration, path, error["input"]):
                # pydantic stops at the first constraint broken; an id both too long and malformed is told both
                problems.append(doc.problem(path, explain(declaration, doc.data, {**error, "type": "pattern"})[1]))
        return None, problems


def _list_entries(declaration: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """The file's lists by name, each with the declaration of its entries."""
    lists = {}
    for name, f in declaration.model_fields.items():
        tp = _unwrap(f.annotation, [])[0]
        args = get_args(tp) if get_origin(tp) in (tuple, list) else ()
        if args and isinstance(args[0], type) and issubclass(args[0], BaseModel):
            lists[f.alias or name] = args[0]
    return lists


def _belongs_in(declaration: type[BaseModel], data: Any, entry: tuple) -> Optional[str]:
    """The other list of the same file whose entries this one is written as, if it is not valid where it is
    (a reported figure added at the end of figures.yaml, under `derived:`)."""
    if len(entry) != 2 or not isinstance(entry[1], int) or not isinstance(data, dict):
        return None
    lists = _list_entries(declaration)
    items = data.get(entry[0])
    if entry[0] not in lists or not isinstance(items, list) or entry[1] >= len(items) \
            or not isinstance(items[entry[1]], dict):
        return None
    keys = set(items[entry[1]])
    if keys <= set(_field_names(lists[entry[0]])):
        return None  # written for its own list: its own messages say what is wrong
    # judged by its keys, not by validating it there: a misplaced entry may have a mistake of its own,
    # which its own list's messages name once it is moved
    return next((name for name, cls in lists.items() if name != entry[0] and keys <= set(_field_names(cls))), None)


def _misplaced_message(declaration: type[BaseModel], where: str, belongs: str) -> str:
    what = (_list_entries(declaration)[belongs].__doc__ or belongs).strip().splitlines()[0].rstrip(".")
    names = list(_list_entries(declaration))
    place = (f"above the line '{where}:'" if names.index(belongs) < names.index(where)
             else f"below the line '{belongs}:'")
    return (f"this entry is written as an entry of '{belongs}' ({what[0].lower() + what[1:]}), but it is listed "
            f"under '{where}:'; move it into the '{belongs}:' list, {place}, indented like the entries there")


# -- from pydantic's error to an editor's message -------------------------------------------------

def explain(declaration: type[BaseModel], data: Any, error: dict) -> tuple[Path, str, bool]:
    """(the path in the file, the message, whether it points at a key rather than a value)."""
    kind = error["type"]
    path, complete = _data_path(data, error["loc"], keyed=kind in ("missing", "extra_forbidden"))
    value = _value_at(data, path)
    node, meta = _declared_at(declaration, path)
    expected = _expected(node, meta)
    if not complete:  # inside one of several accepted forms (a number, or a range): judge the whole
        return path, f"expected {expected or 'another form'}, got {describe(value)}{_hint(value, node)}", False
    if kind == "missing" and error["loc"] and path and path[-1] == error["loc"][-1]:
        return path[:-1], f"missing field '{path[-1]}'", False
    if kind == "extra_forbidden":
        parent, _ = _declared_at(declaration, path[:-1])
        allowed = _field_names(parent)
        message = f"unknown field '{path[-1]}'{did_you_mean(str(path[-1]), allowed)}"
        if allowed:
            message += f"; expected one of: {', '.join(allowed)}"
        return path, message, True
    if kind == "literal_error":
        choices = [str(c) for c in get_args(node)]
        return path, (f"expected one of: {', '.join(choices)}; got {describe(value)}"
                      f"{did_you_mean(str(value), choices)}"), False
    if kind == "unique":
        return path, f"lists {describe(error['ctx']['item'])} more than once", False
    if kind in _BOUNDS:
        words, key = _BOUNDS[kind]
        return path, f"must be {words} {error['ctx'][key]}, got {value}", False
    if kind == "too_short" and isinstance(value, (list, tuple)):
        least = error["ctx"]["min_length"]
        return path, f"needs at least {least} entr{'y' if least == 1 else 'ies'}", False
    if kind in ("string_too_short", "string_pattern_mismatch") and isinstance(value, str) and not value.strip():
        return path, "must not be empty", False
    if kind == "string_too_long":
        return path, f"is {len(value):,} characters long; at most {error['ctx']['max_length']:,} allowed", False
    if kind.endswith("_type") or kind in ("model_attributes_type", "is_instance_of"):
        wanted = expected or _TYPE_WORDS.get(_origin(node), "another kind of value")
        return path, f"expected {wanted}, got {describe(value)}{_hint(value, node)}", False
    if kind in ("date", "date_or_after", "needed_for_kind"):  # our own checks, worded where they are declared
        return path, error["msg"], False
    if expected:
        return path, f"expected {expected}, got {describe(value)}", False
    return path, error["msg"], False


def _matches_pattern(declaration: type[BaseModel], path: Path, value: Any) -> bool:
    patterns = [getattr(item, "pattern", None) for item in _declared_at(declaration, path)[1]]
    return not any(pattern and isinstance(value, str) and not re.search(pattern, value) for pattern in patterns)


def _data_path(data: Any, loc: tuple, keyed: bool) -> tuple[Path, bool]:
    """The part of pydantic's location that names places in the file.

    Pydantic adds the name of each form it tried when a field accepts several (a number or a
    range); those names are not in the file, so the path stops at the field (complete=False).
    """
    path: list = []
    current = data
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        elif last and keyed and isinstance(current, dict):
            path.append(part)  # the missing or unknown key itself
            return tuple(path), True
        else:
            return tuple(path), part == "[key]"
        path.append(part)
    return tuple(path), True


def _value_at(data: Any, path: Path) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _unwrap(tp: Any, meta: list) -> tuple[Any, list]:
    """Strip Annotated and Optional, keeping their metadata (descriptions, constraints, Expected)."""
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp, *extra = get_args(tp)
            meta = [*meta, *extra]
        elif origin in (Union, types.UnionType):
            members = [a for a in get_args(tp) if a is not type(None)]
            if len(members) != 1:
                return tp, meta
            tp = members[0]
        else:
            return tp, meta


def _origin(tp: Any) -> Any:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return dict
    origin = get_origin(tp)
    return str if origin is Literal else origin or tp


def _field_names(tp: Any) -> list[str]:
    is_model = isinstance(tp, type) and issubclass(tp, BaseModel)
    return [f.alias or name for name, f in tp.model_fields.items()] if is_model else []


def _child(tp: Any, part: Any) -> Optional[tuple[Any, list]]:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        for name, f in tp.model_fields.items():
            if (f.alias or name) == part:
                return _unwrap(f.annotation, list(f.metadata))
        return None
    origin = get_origin(tp)
    if origin in (tuple, list) and isinstance(part, int):
        return _unwrap(get_args(tp)[0], [])
    if origin is dict and isinstance(part, str):
        return _unwrap(get_args(tp)[1], [])
    return None  # inside a union (a number or a range) the path stops at the field: see _data_path


def _declared_at(declaration: type[BaseModel], path: Path) -> tuple[Any, list]:
    """The declared type (and its metadata) of the value at `path`."""
    node, meta = declaration, []
    for part in path:
        found = _child(node, part)
        if found is None:
            return None, []
        node, meta = found
    return node, meta


def _expected(node: Any, meta: list) -> Optional[str]:
    for item in meta:
        if isinstance(item, Expected):
            return str(item)
    if isinstance(node, type) and issubclass(node, BaseModel):
        extra = node.model_config.get("json_schema_extra")
        if isinstance(extra, dict) and "x-expected" in extra:
            return extra["x-expected"]
    return None


def _hint(value: Any, node: Any) -> str:
    if isinstance(value, str):
        if value.replace("_", "").replace(",", "").isdigit() and any(c in value for c in "_,"):
            return "; write numbers with digits only, such as 1500"
        if value.lower() in ("yes", "no", "on", "off", "y", "n"):
            return "; write true or false"
        if value.strip().lstrip("-").replace(".", "", 1).isdigit():
            return "; remove the quotes to make it a number"
    elif _origin(node) is str and value is not None and not isinstance(value, (dict, list)):
        # YAML reads an unquoted 2024, 1.5 or true as a number or a truth value, not as text
        written = describe(value).removeprefix("the number ")
        return f"; to mean the text {written}, put it in quotes: \"{written}\""
    return ""
