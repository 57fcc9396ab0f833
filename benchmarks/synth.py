"""Synthetic but valid datasets at N times the real one, for the benchmark.

The real data/ is the seed. Copy k (k = 1 .. N-1) of every list entry gets the id suffix `-x<k>`
and its references point into the same copy, so every copy is a complete, consistent dataset of
its own: sources, people, statements, places, figures, milestones, sectors, projects,
discrepancies and trade goods all grow N-fold. Quotes are kept verbatim, so each figure's value
stays inside its quote (the loader checks that). What exists once stays once: the program and
the plant, the units, the figure topics, the program's and the plant's own figure lists, the
turnover figures; only the seed's figures are headline figures. Sector copies get a description
of realistic length, as editors would write for a sector with its own page.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from coopsite.load import DATA_FILES  # noqa: E402
from coopsite.yamlfile import read_file  # noqa: E402

PROJECT_PARTS = ("docs", "hooks", "overrides", "mkdocs.yml")  # what mkdocs.yml refers to

# For list entries: which key refers to which kind of id (a string or a list of strings).
REFERENCES = {
    "source": "source", "person": "person", "statements": "statement", "place": "place",
    "after": "milestone", "sectors": "sector", "figures": "figure",
}
# Lists whose entries are copied, by file; everything else in a file stays as it is.
COPIED = {
    "sources": ["sources"], "people": ["people"], "statements": ["statements"], "places": ["places"],
    "units": [], "figures": ["figures", "left_out"], "plant": ["milestones"],
    "program": ["sectors", "projects", "discrepancies"], "trade": ["goods"],
}
# Kinds of ids that are copied (units and topics are not).
COPIED_KINDS = {"source", "person", "statement", "place", "milestone", "sector", "figure"}
READER_NAMES = ("name", "title", "label")

SECTOR_DESCRIPTION = (
    "Cooperation in this area covers joint ventures, technology transfer and the training of "
    "specialists, with Korean partners bringing equipment and know-how and Kazakh partners "
    "providing sites, raw materials and access to the regional market. Projects are screened by "
    "both governments before they join the program's work package."
)


class _Dumper(yaml.SafeDumper):
    """Writes every value out: the data files refuse anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _suffix(value: str, k: int) -> str:
    return f"{value}-x{k}"


def _copy_entry(entry: dict, k: int) -> dict:
    out: dict[str, Any] = {}
    for key, value in entry.items():
        if key == "id":
            out[key] = _suffix(value, k)
        elif key in REFERENCES and REFERENCES[key] in COPIED_KINDS and value is not None:
            out[key] = [_suffix(v, k) for v in value] if isinstance(value, list) else _suffix(value, k)
        elif key in READER_NAMES and isinstance(value, dict):
            out[key] = {lang: f"{text} ({k + 1})" for lang, text in value.items()}
        elif key == "name" and isinstance(value, str):
            out[key] = f"{value} {k + 1}"
        elif key == "headline" and value is True:
            continue  # only the seed's figures go on the home page
        else:
            out[key] = value
    return out


def _multiply(kind: str, data: dict, n: int) -> dict:
    data = dict(data)
    for list_key in COPIED[kind]:
        if list_key not in data:
            continue
        seed = data[list_key]
        grown = list(seed)
        for k in range(1, n):
            for entry in seed:
                copy = _copy_entry(entry, k)
                if kind == "program" and list_key == "sectors" and "description" not in copy:
                    copy["description"] = {"en": SECTOR_DESCRIPTION}
                grown.append(copy)
        data[list_key] = grown
    return data


def write_data(seed_dir: Path, target_dir: Path, n: int) -> dict[str, int]:
    """Write data at `n` times the seed into `target_dir`; returns entry counts by list."""
    target_dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for kind in DATA_FILES:
        path = seed_dir / f"{kind}.yaml"
        if n == 1:
            shutil.copy2(path, target_dir / path.name)
            data = read_file(path, path.name).data
        else:
            data = _multiply(kind, read_file(path, path.name).data, n)
            if kind == "figures":  # the program exists once: its dates' words in a copied article are left out
                program = read_file(seed_dir / "program.yaml", "program.yaml").data["program"]
                data["left_out"] = data.get("left_out", []) + [
                    {"source": _suffix(program["source"], k), "words": " ".join(program[key].split()),
                     "reason": {"en": "The program's dates, given once, for the seed's article."}}
                    for k in range(1, n) for key in ("period_quote", "signed_quote")]
            header = f"# yaml-language-server: $schema=../hooks/coopsite/schemas/{kind}.schema.json\n"
            text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
            (target_dir / path.name).write_text(header + text, encoding="utf-8")
        for key, value in data.items():
            if isinstance(value, list):
                counts[key] = len(value)
    # The settings, and each source's stored text, copied for every copy of the source.
    if (seed_dir / "settings.yaml").exists():
        shutil.copy2(seed_dir / "settings.yaml", target_dir / "settings.yaml")
    (target_dir / "sources").mkdir(exist_ok=True)
    for text in sorted((seed_dir / "sources").glob("*.txt")):
        shutil.copy2(text, target_dir / "sources" / text.name)
        for k in range(1, n):
            shutil.copy2(text, target_dir / "sources" / f"{_suffix(text.stem, k)}.txt")
    return counts


def make_project(target: Path, n: int, root: Path = ROOT) -> dict[str, int]:
    """A complete project (docs, hooks, mkdocs.yml and data at `n` times) in `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = root / part
        if not source.exists():
            continue
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
        else:
            shutil.copy2(source, target / part)
    return write_data(root / "data", target / "data", n)


if __name__ == "__main__":
    out, factor = Path(sys.argv[1]), int(sys.argv[2])
    print(make_project(out, factor))
