"""Small helpers that make every piece of data text safe where it lands."""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def esc(text: object) -> str:
    """Text for HTML content or a quoted attribute value."""
    return html.escape(str(text), quote=True)


def md_text(text: object) -> str:
    """Text for a Markdown line (a heading): no markup, no entity, no attribute list survives."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(" ".join(str(text).split()), quote=False))


def attrs(**values: object) -> str:
    """` class="a" id="b"` from keyword arguments; None and False are left out, `class_` means class."""
    parts = []
    for name, value in values.items():
        if value is None or value is False:
            continue
        name = name.rstrip("_").replace("_", "-")
        parts.append(f' {name}="{esc(value)}"')
    return "".join(parts)


def element(name: str, content: str = "", **values: object) -> str:
    """An element whose content is already HTML."""
    return f"<{name}{attrs(**values)}>{content}</{name}>"



_BLOCKS = "p|div|details|summary|ul|ol|li|table|caption|thead|tbody|tr|th|td|blockquote|h[1-6]|figure|section"
_BLOCK_OPEN = re.compile(rf"(?<!\n)(<(?:{_BLOCKS})[\s>])")
_BLOCK_CLOSE = re.compile(rf"(</(?:{_BLOCKS}|title|desc|text|tspan)>)(?!\n)")  # and an SVG's texts


def block_breaks(fragment: str) -> str:
    """A line break at each block element's edge, so that text extracted for search reads
    'Oil Source', not 'OilSource'. Never a blank line: each fragment stays one HTML block."""
    return _BLOCK_OPEN.sub(r"\n\1", _BLOCK_CLOSE.sub(r"\1\n", fragment)).strip("\n")
