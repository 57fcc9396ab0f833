"""The import structure of hooks/: which module imports which, and any loop among them.

    python scripts/import_graph.py          # every module's imports inside the package, by layer
    python scripts/import_graph.py --loops  # only the loops (exit 1 when there is one)

Read from the source with `ast`, so that imports inside functions (made late to break a loop, or
to spare start-up time) count as the dependencies they are; those are marked "(late)".
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

HOOKS = Path(__file__).resolve().parent.parent / "hooks"
PACKAGE = "coopsite"


def module_name(path: Path) -> str:
    parts = path.relative_to(HOOKS).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, name: str, known: set[str]) -> dict[str, bool]:
    """The package's modules `path` imports, each with whether only inside a function. Imports
    for type annotations alone (under `if TYPE_CHECKING:`) are no dependency at run time."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    top_level = {id(node) for node in tree.body}
    for block in tree.body:
        if isinstance(block, (ast.If, ast.Try)) and "TYPE_CHECKING" not in ast.unparse(getattr(block, "test", ast.Pass())):
            top_level |= {id(node) for node in ast.walk(block)}  # `try: import x` at the top is still the top
    for_types = {id(node) for block in tree.body
                 if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test) for node in ast.walk(block)}
    found: dict[str, bool] = {}

    def add(target: str, node: ast.AST) -> None:
        while target and target not in known:
            target = target.rpartition(".")[0]
        if target and target != name and id(node) not in for_types:
            found[target] = found.get(target, True) and id(node) not in top_level

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name, node)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                full = f"{base}.{alias.name}"
                add(full if full in known else base, node)
    return found


def graph() -> dict[str, dict[str, bool]]:
    paths = sorted(HOOKS.glob(f"{PACKAGE}/**/*.py")) + [HOOKS / "mkdocs_adapter.py"]
    known = {module_name(p) for p in paths}
    return {module_name(path): imports(path, module_name(path), known) for path in paths}


def loops(edges: dict[str, dict[str, bool]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in edges.get(node, {}):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in edges:
        if node not in index:
            visit(node)
    return found


def layers(edges: dict[str, dict[str, bool]]) -> dict[str, int]:
    """Each module's depth: 0 imports nothing of the package, n imports only modules below n."""
    depth: dict[str, int] = {}

    def of(node: str, seen: tuple = ()) -> int:
        if node in depth:
            return depth[node]
        if node in seen:
            return 0  # a loop: reported apart
        depth_here = 1 + max((of(t, seen + (node,)) for t in edges.get(node, {})), default=-1)
        depth[node] = depth_here
        return depth_here

    for node in edges:
        of(node)
    return depth


def main() -> int:
    edges = graph()
    found = loops(edges)
    if "--loops" not in sys.argv:
        depth = layers(edges)
        for level in range(max(depth.values()) + 1):
            print(f"layer {level}:")
            for name in sorted(n for n in edges if depth[n] == level):
                targets = ", ".join(f"{t.removeprefix(PACKAGE + '.')}{' (late)' if late else ''}"
                                    for t, late in sorted(edges[name].items()))
                print(f"  {name.removeprefix(PACKAGE + '.')}" + (f" -> {targets}" if targets else ""))
    for group in found:
        print("loop: " + " <-> ".join(g.removeprefix(PACKAGE + ".") for g in group))
    if not found:
        print("no import loops")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
