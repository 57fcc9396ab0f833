""""Cite this page": a plain-text citation with the page's address and the data's as-of date."""

from __future__ import annotations

import html
import re
from typing import Optional

from ..editions import absolute
from . import site_map
from .context import RenderContext

_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


def page_title(markdown: str) -> Optional[str]:
    """The text of the page's first level-1 heading, Markdown escapes removed."""
    match = _H1.search(markdown)
    return html.unescape(re.sub(r"\\(.)", r"\1", match.group(1))) if match else None


def page_address(page: str, site_url: str, use_directory_urls: bool = True) -> str:
    """The full URL when site_url is configured; otherwise the path from the site's root."""
    path = site_map.page_url(page, use_directory_urls)
    return absolute(site_url, path) if site_url else "/" + path


def cite_block(ctx: RenderContext, title: str, site_name: str, address: str) -> str:
    latest = ctx.data.as_of
    return ctx.render("cite.html", title=title, site_name=site_name, address=address,
                      as_of=latest.label(ctx.lang) if latest else None)
