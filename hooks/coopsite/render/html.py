"""The two text steps templates cannot do alone.

Markdown headings (written by templates so that the table of contents lists them) need their text
made plain for Markdown; every generated fragment gets a line break at each block's edge so that
the search index keeps words apart. Everything else is escaped by the templates' autoescape."""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def md_text(text: object) -> str:
    """Text for a Markdown line (a heading): no markup, no entity, no attribute list survives."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(" ".join(str(text).split()), quote=False))


_BLOCKS = "p|div|details|summary|ul|ol|li|table|caption|thead|tbody|tr|th|td|blockquote|h[1-6]|figure|section"
_BLOCK_OPEN = re.compile(rf"(?<!\n)(<(?:{_BLOCKS})[\s>])")
_BLOCK_CLOSE = re.compile(rf"(</(?:{_BLOCKS}|title|desc|text|tspan)>)(?!\n)")  # and an SVG's texts


def block_breaks(fragment: str) -> str:
    """A line break at each block element's edge, so that text extracted for search reads
    'Oil Source', not 'OilSource'. Never a blank line: each fragment stays one HTML block."""
    return _BLOCK_OPEN.sub(r"\n\1", _BLOCK_CLOSE.sub(r"\1\n", fragment)).strip("\n")
