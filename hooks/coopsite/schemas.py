"""The JSON Schemas editors' tools read, generated from the declarations in model.py.

Each data file's first line points its editor at `schemas/<file>.schema.json` (a
`yaml-language-server` modeline), which gives completion, hover help and inline errors. The files
are committed so that editors need no Python; `python -m coopsite schemas` (`make schemas`)
writes them again after a declaration changes, and a test fails while they are stale.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .model import FILES as DATA_FILES, OPTIONAL_FILES

FILES = {**DATA_FILES, **OPTIONAL_FILES}  # a schema for every file editors write, optional ones too

SCHEMA_DIR = Path(__file__).parent / "schemas"


def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one data file."""
    declaration = FILES[kind]
    generated = _tidy(declaration.model_json_schema(by_alias=True, mode="validation"), top=True)
    title, _, description = (declaration.__doc__ or kind).strip().partition(": ")
    description = " ".join(description.split())
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title,
            "description": description[:1].upper() + description[1:],
            **{k: v for k, v in generated.items() if k not in ("title", "description")}}


def _tidy(node: Any, top: bool = False) -> Any:
    """Drop what only clutters an editor's hover: per-field titles and 'default: null'."""
    if isinstance(node, list):
        return [_tidy(item) for item in node]
    if not isinstance(node, dict):
        return node
    tidy = {}
    for key, value in node.items():
        if key == "default" and value is None:
            continue
        if key == "title" and not top and isinstance(value, str) and "properties" not in node:
            continue
        if key == "properties":
            tidy[key] = {name: _tidy(prop) for name, prop in value.items()}
        elif key == "$defs":
            tidy[key] = {name: _tidy(definition, top=True) for name, definition in value.items()}
        else:
            tidy[key] = _tidy(value)
    return tidy


def text(kind: str) -> str:
    return json.dumps(schema(kind), ensure_ascii=False, indent=2) + "\n"


def stale(directory: Path = SCHEMA_DIR) -> list[str]:
    """The schema files that differ from what the declarations generate (or are missing, or extra)."""
    expected = {f"{kind}.schema.json": text(kind) for kind in FILES}
    found = {p.name: p.read_text(encoding="utf-8") for p in directory.glob("*.schema.json")}
    return sorted(name for name in expected.keys() | found.keys() if expected.get(name) != found.get(name))


def write(directory: Path = SCHEMA_DIR) -> list[str]:
    """Write every schema; remove schema files no declaration makes. Returns the files changed."""
    changed = stale(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for path in directory.glob("*.schema.json"):
        if path.name.removesuffix(".schema.json") not in FILES:
            path.unlink()
    for kind in FILES:
        (directory / f"{kind}.schema.json").write_text(text(kind), encoding="utf-8")
    return changed
