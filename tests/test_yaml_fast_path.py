"""libyaml's C parser (the fast path) reads every text exactly as the Python parser does.

The fast path only swaps the scanner and parser; when libyaml finds a problem the Python parser
reads the text again, so messages are the Python parser's. These tests compare the two paths on
the real data files and on many broken variants of them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coopsite import yamlfile

DATA = Path(__file__).resolve().parent.parent / "data"
FILES = sorted(DATA.glob("*.yaml"))
pytestmark = pytest.mark.skipif(yamlfile.CParser is None, reason="PyYAML without libyaml")


def _read(text: str, fast: bool):
    """Read as `parse` does; fast=False forces the pure Python path."""
    saved = yamlfile._loader
    if not fast:
        yamlfile._loader = yamlfile._StrictLoader
    try:
        doc = yamlfile.parse(text, "data/x.yaml")
        return ("ok", doc.data, doc.value_marks, doc.key_marks, [str(p) for p in doc.problems])
    except yamlfile.YamlFileError as err:
        return ("error", str(err.problem))
    finally:
        yamlfile._loader = saved


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_real_files_read_the_same_on_both_paths(path):
    text = path.read_text(encoding="utf-8")
    loader = yamlfile._loader(text)
    assert isinstance(loader, yamlfile._FastStrictLoader)
    loader.get_single_node()
    assert loader._slow is None, "the real data should not need the Python parser"
    loader.dispose()
    assert _read(text, fast=True) == _read(text, fast=False)


# Characters that matter to YAML, and some that do not.
SIGNIFICANT = list(":-[]{}#'\"|>?,&*!%@`\\ \n") + ["  ", "- ", ": ", "\n  ", "\n- ", "~", "null", "1e3", "0x1F", "é"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    file_index=st.integers(0, len(FILES) - 1),
    edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 3), st.sampled_from(SIGNIFICANT)), min_size=1, max_size=4),
)
def test_broken_variants_read_the_same_on_both_paths(file_index, edits):
    text = FILES[file_index].read_text(encoding="utf-8")
    for where, deleted, inserted in edits:
        at = int(where * len(text))
        text = text[:at] + inserted + text[at + deleted:]
    assert _read(text, fast=True) == _read(text, fast=False)


@pytest.mark.parametrize("text", ["a: >-#\n  text\n", "a: |#x\n  text\n"])
def test_a_comment_glued_to_a_block_scalar_header_is_refused_on_both_paths(text):
    assert _read(text, fast=True) == _read(text, fast=False)
    assert _read(text, fast=True)[0] == "error"
