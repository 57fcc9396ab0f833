"""A quick yes/no: does a document satisfy its JSON Schema? For the common case, valid data.

jsonschema finds and explains every error (schema.py), but walks each value through its generic
machinery: at 100 times today's data that is most of our build time. This module turns each
schema, once, into plain Python closures for the keywords our schemas use, and answers only
whether the document is valid. When it says valid, there is nothing to report; otherwise
jsonschema runs as before and words the messages. A schema with a keyword not handled here is
never judged here (jsonschema does all the work), so a new keyword cannot slip through.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path as FsPath
from typing import Any, Callable, Optional

Check = Callable[[Any], bool]

# Keywords that can make a document invalid (JSON Schema 2020-12, as jsonschema applies them);
# any other keyword only annotates, and jsonschema ignores it too. "format" asserts nothing
# unless a format checker is given, and schema.py gives none.
_VALIDATING = {
    "$ref", "$dynamicRef", "additionalProperties", "allOf", "anyOf", "const", "contains",
    "dependentRequired", "dependentSchemas", "enum", "exclusiveMaximum", "exclusiveMinimum", "if",
    "items", "maxContains", "maxItems", "maxLength", "maxProperties", "maximum", "minContains",
    "minItems", "minLength", "minProperties", "minimum", "multipleOf", "not", "oneOf", "pattern",
    "patternProperties", "prefixItems", "properties", "propertyNames", "required", "type",
    "unevaluatedItems", "unevaluatedProperties", "uniqueItems", "then", "else",
}


class Unsupported(Exception):
    """The schema uses a keyword this module does not judge."""


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


_TYPES: dict[str, Callable[[Any], bool]] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "number": _is_number,
    "integer": lambda v: _is_number(v) and (isinstance(v, int) or float(v).is_integer()),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def _key(value: Any) -> Any:
    """Equality as JSON Schema means it: true is not 1, 1.0 is 1; None when not a plain scalar."""
    if isinstance(value, bool):
        return ("bool", value)
    if _is_number(value):
        return ("number", value)
    if isinstance(value, str) or value is None:
        return ("other", value)
    raise Unsupported("enum, const or uniqueItems over lists or mappings")


class _Compiler:
    def __init__(self, documents: dict[str, Any]):
        self.documents = documents  # schema file name -> its JSON
        self.cache: dict[tuple[str, str], Check] = {}

    def ref(self, ref: str, base: str) -> Check:
        file_name, _, pointer = ref.partition("#")
        file_name = file_name or base
        key = (file_name, pointer)
        if key not in self.cache:
            target = self.documents.get(file_name)
            if target is None:
                raise Unsupported(f"reference to {ref}")
            for part in [p for p in pointer.split("/") if p]:
                target = target[part.replace("~1", "/").replace("~0", "~")]
            slot: list[Check] = []
            self.cache[key] = lambda value: slot[0](value)  # recursive references resolve late
            slot.append(self.compile(target, file_name))
        return self.cache[key]

    def compile(self, schema: Any, base: str) -> Check:
        if schema is True:
            return lambda value: True
        if schema is False:
            return lambda value: False
        if not isinstance(schema, dict):
            raise Unsupported(f"schema {schema!r}")
        checks: list[Check] = []
        for keyword, arg in schema.items():
            if keyword not in _VALIDATING:
                continue
            maker = getattr(self, "k_" + keyword.replace("$", "_"), None)
            if maker is None:
                raise Unsupported(keyword)
            checks.append(maker(arg, schema, base))
        if len(checks) == 1:
            return checks[0]

        def every(value: Any) -> bool:  # loops, not all(genexpr): this runs for every value
            for check in checks:
                if not check(value):
                    return False
            return True
        return every

    # -- keywords ------------------------------------------------------------------------------

    def k__ref(self, arg, schema, base):
        return self.ref(arg, base)

    def k_type(self, arg, schema, base):
        tests = [_TYPES[t] for t in ([arg] if isinstance(arg, str) else arg)]
        return lambda value: any(test(value) for test in tests)

    def k_enum(self, arg, schema, base):
        allowed = {_key(item) for item in arg}
        return lambda value: _safe_key(value) in allowed

    def k_const(self, arg, schema, base):
        expected = _key(arg)
        return lambda value: _safe_key(value) == expected

    def k_properties(self, arg, schema, base):
        props = [(name, self.compile(sub, base)) for name, sub in arg.items()]

        def properties(value: Any) -> bool:
            if not isinstance(value, dict):
                return True
            for name, check in props:
                if name in value and not check(value[name]):
                    return False
            return True
        return properties

    def k_required(self, arg, schema, base):
        return lambda value: not isinstance(value, dict) or all(name in value for name in arg)

    def k_additionalProperties(self, arg, schema, base):
        if "patternProperties" in schema:
            raise Unsupported("patternProperties")
        known = set(schema.get("properties", {}))
        check = self.compile(arg, base)
        return lambda value: not isinstance(value, dict) or all(
            check(item) for name, item in value.items() if name not in known)

    def k_items(self, arg, schema, base):
        if "prefixItems" in schema or not isinstance(arg, (dict, bool)):
            raise Unsupported("prefixItems or a list of item schemas")
        check = self.compile(arg, base)

        def items(value: Any) -> bool:
            if not isinstance(value, list):
                return True
            for item in value:
                if not check(item):
                    return False
            return True
        return items

    def k_minItems(self, arg, schema, base):
        return lambda value: not isinstance(value, list) or len(value) >= arg

    def k_maxItems(self, arg, schema, base):
        return lambda value: not isinstance(value, list) or len(value) <= arg

    def k_uniqueItems(self, arg, schema, base):
        if not arg:
            return lambda value: True

        def unique(value):
            if not isinstance(value, list):
                return True
            try:
                keys = [_key(item) for item in value]
            except Unsupported:
                return False  # let jsonschema decide
            return len(set(keys)) == len(keys)
        return unique

    def k_minLength(self, arg, schema, base):
        return lambda value: not isinstance(value, str) or len(value) >= arg

    def k_maxLength(self, arg, schema, base):
        return lambda value: not isinstance(value, str) or len(value) <= arg

    def k_pattern(self, arg, schema, base):
        search = re.compile(arg).search
        return lambda value: not isinstance(value, str) or search(value) is not None

    def k_minimum(self, arg, schema, base):
        return lambda value: not _is_number(value) or value >= arg

    def k_maximum(self, arg, schema, base):
        return lambda value: not _is_number(value) or value <= arg

    def k_exclusiveMinimum(self, arg, schema, base):
        return lambda value: not _is_number(value) or value > arg

    def k_exclusiveMaximum(self, arg, schema, base):
        return lambda value: not _is_number(value) or value < arg

    def k_minProperties(self, arg, schema, base):
        return lambda value: not isinstance(value, dict) or len(value) >= arg

    def k_allOf(self, arg, schema, base):
        subs = [self.compile(sub, base) for sub in arg]
        return lambda value: all(sub(value) for sub in subs)

    def k_anyOf(self, arg, schema, base):
        subs = [self.compile(sub, base) for sub in arg]
        return lambda value: any(sub(value) for sub in subs)

    def k_oneOf(self, arg, schema, base):
        subs = [self.compile(sub, base) for sub in arg]
        return lambda value: sum(1 for sub in subs if sub(value)) == 1

    def k_not(self, arg, schema, base):
        sub = self.compile(arg, base)
        return lambda value: not sub(value)

    def k_if(self, arg, schema, base):
        test = self.compile(arg, base)
        then = self.compile(schema.get("then", True), base)
        otherwise = self.compile(schema.get("else", True), base)
        return lambda value: then(value) if test(value) else otherwise(value)

    def k_then(self, arg, schema, base):
        return lambda value: True  # judged with "if"

    k_else = k_then


def _safe_key(value: Any) -> Any:
    try:
        return _key(value)
    except Unsupported:
        return ("unhashable", id(value))


@lru_cache(maxsize=None)
def _documents(schema_dir: FsPath) -> dict[str, Any]:
    return {path.name: json.loads(path.read_text(encoding="utf-8")) for path in sorted(schema_dir.glob("*.schema.json"))}


@lru_cache(maxsize=None)
def checker(schema_dir: FsPath, kind: str) -> Optional[Check]:
    """The yes/no check of a data file's schema, or None when only jsonschema can judge it."""
    name = f"{kind}.schema.json"
    documents = _documents(schema_dir)
    if name not in documents:
        return None
    try:
        return _Compiler(documents).compile(documents[name], name)
    except (Unsupported, KeyError, TypeError, re.error):
        return None


def is_valid(schema_dir: FsPath, kind: str, data: Any) -> bool:
    """True only when the document surely satisfies the schema."""
    check = checker(schema_dir, kind)
    if check is None:
        return False
    try:
        return bool(check(data))
    except Exception:  # noqa: BLE001 - any surprise: let jsonschema judge and explain
        return False
