"""The hooks' modules import one another one way (read -> validate -> model -> render -> adapter):
no module imports, even late inside a function, one that imports it back."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import import_graph  # noqa: E402


def test_no_import_loops():
    assert import_graph.loops(import_graph.graph()) == []


def test_the_loop_finder_finds_a_loop():
    assert import_graph.loops({"a": {"b": False}, "b": {"c": True}, "c": {"a": False}, "d": {"a": False}}) == [["a", "b", "c"]]


def test_the_core_imports_no_renderer():
    edges = import_graph.graph()
    core = [name for name in edges if not name.startswith(("coopsite.render", "coopsite.feed", "coopsite.markers",
                                                           "coopsite.site", "coopsite.publish", "coopsite.editions_nav",
                                                           "coopsite.__main__", "mkdocs_adapter"))]
    assert {name: [t for t in edges[name] if t.startswith("coopsite.render")] for name in core
            if any(t.startswith("coopsite.render") for t in edges[name])} == {}
