"""Plain words for the YAML mistakes an editor makes when pasting an article's text.

A quote such as `quote: He said: yes`, `quote: "One job," he said` or `quote: Item #1` is read by
YAML as structure (a colon and a space, a quoted string that ends early) or cut short (` #` starts
a comment). The cure is always the same: the text on its own lines after `KEY: >-`. These helpers
recognise the line and write the corrected lines for the editor to paste.
"""

from __future__ import annotations

import re
import textwrap
from typing import Optional

# `  - quote: text` or `    en: text`: the key, and the text as typed after it.
_KEY_AND_TEXT = re.compile(r"^(?P<indent>\s*(?:-\s+)?)(?P<key>[A-Za-z_][\w-]*):[ \t]+(?P<text>\S.*?)\s*$")
_YAML_QUOTES = "\"'"  # typographic marks (“ « „) are ordinary text to YAML
_BLOCK_HEADER = re.compile(r"^[|>][-+0-9]*(\s+#.*)?$")
_WRAP = 96  # the width the data files are written at

# Keys whose value is prose from an article or a translation, where a ` #` is text, not a comment.
TEXT_KEYS = frozenset({"quote", "status_quote", "en", "ru", "kk", "ko"})


def block_lines(indent: str, key: str, text: str) -> tuple[str, ...]:
    """`quote: >-` and the text beneath it, indented two spaces more than the key."""
    body_indent = " " * (len(indent) + 2)
    wrapped = textwrap.wrap(text, width=max(_WRAP - len(body_indent), 40), break_long_words=False,
                            break_on_hyphens=False) or [text]
    return (f"{indent}{key}: >-", *(body_indent + line for line in wrapped))


def _reason(text: str) -> Optional[str]:
    if text[0] in _YAML_QUOTES:
        return "it begins with a quotation mark, so YAML takes the text up to the closing mark as the whole value"
    if re.search(r":(\s|$)", text):
        return "it has a colon followed by a space, which YAML reads as the start of a new field"
    if re.search(r"\s#", text):
        return "it has ' #', which YAML reads as the start of a comment"
    return None


def explain_parse_error(lines: list[str], line_index: int) -> Optional[tuple[int, int, str, str, tuple[str, ...]]]:
    """When the parse error at `line_index` (0-based) comes from a text typed on one line after its
    key, return (line and column of the text, from 1; key; message; corrected lines); otherwise None."""
    for index in (line_index, line_index - 1):
        if not 0 <= index < len(lines):
            continue
        match = _KEY_AND_TEXT.match(lines[index])
        if not match or _BLOCK_HEADER.match(match["text"]):
            continue
        reason = _reason(match["text"])
        if reason is None:
            continue
        key, text = match["key"], match["text"]
        fixed = block_lines(match["indent"], key, _unquoted(text))  # a list's "- " stays on the key's line
        message = (f"YAML cannot read this text: {reason}; write the text on its own lines after "
                   f"'{key}: >-', like this:")
        return index + 1, match.start("text") + 1, key, message, fixed
    return None


def comment_cut_text(key: str, value: str, line_text: str, end_column: int) -> Optional[tuple[str, tuple[str, ...]]]:
    """A plain text value that YAML cut at ' #': (message, corrected lines), or None."""
    rest = line_text[end_column:]
    if not (key in TEXT_KEYS or key.endswith("quote")) or not re.match(r"[ \t]+#", rest):
        return None
    match = _KEY_AND_TEXT.match(line_text)
    indent = match["indent"] if match else ""
    full = (value + rest).strip()
    message = (f"the text stops at '{value}': YAML reads ' #' and everything after it as a comment; "
               f"write the text on its own lines after '{key}: >-', like this:")
    return message, block_lines(indent, key, full)


def _unquoted(text: str) -> str:
    """The text as the editor meant it: a value wrapped whole in matching ASCII quotes loses them."""
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        inner = text[1:-1]
        if text[0] not in inner:
            return inner
    return text
