"""Where a fact comes from, as plain values for the templates: the source, its date, the quoted words.

templates/partials/evidence.html lays them out as a disclosure; partials/figure-link.html uses
them for the hover text of a link to a figure.
"""

from __future__ import annotations

from typing import Iterable, Mapping, Optional

from ..dates import PartialDate
from ..model import Evidence
from . import site_map
from .context import RenderContext


def date_view(date: PartialDate) -> dict:
    return {"iso": date.html_datetime(), "label": date.label()}


def source_view(ctx: RenderContext, source_id: str) -> dict:
    source = ctx.data.sources[source_id]
    return {
        "href": ctx.link(site_map.SOURCES, site_map.anchor("source", source_id)),
        "title": ctx.text(source.title),
        "date": source.published.label(),
        "date_inferred": "published" in source.inferred,
    }


def statement_links(ctx: RenderContext, statement_ids: Iterable[str]) -> list[dict]:
    """Links to statements, each named by the person who made it."""
    links = []
    for statement_id in statement_ids:
        statement = ctx.data.statements[statement_id]
        person = ctx.data.people[statement.person_id]
        links.append({"href": ctx.link(site_map.PEOPLE, site_map.anchor("statement", statement_id)),
                      "text": person.name})
    return links


def inferred_notes(inferred: Optional[Mapping[str, str]]) -> list[dict]:
    """One note per inferred field: what was inferred and why."""
    return [{"field": name.replace("_", " "), "reason": reason} for name, reason in (inferred or {}).items()]


def view(ctx: RenderContext, evidence: Evidence, *, statement_ids: Iterable[str] = (),
         inferred: Optional[Mapping[str, str]] = None) -> dict:
    """Everything partials/evidence.html shows about one piece of evidence."""
    source = ctx.data.sources[evidence.source_id]
    return {
        "quote": evidence.quote,
        "lang": source.language,
        "source": source_view(ctx, evidence.source_id),
        "said_by": statement_links(ctx, statement_ids),
        "inferred": inferred_notes(inferred),
    }


# -- string helpers still used by renderers not yet on templates; removed with the last of them --

from .html import esc  # noqa: E402


def source_date(ctx: RenderContext, source_id: str) -> str:
    source = ctx.data.sources[source_id]
    label = source.published.label()
    return f"{label} (inferred)" if "published" in source.inferred else label


def source_link(ctx: RenderContext, source_id: str) -> str:
    source = ctx.data.sources[source_id]
    href = ctx.link(site_map.SOURCES, site_map.anchor("source", source_id))
    return f'<a href="{esc(href)}">{esc(ctx.text(source.title))}</a>'


def statement_links_html(ctx: RenderContext, statement_ids: Iterable[str]) -> str:
    links = []
    for statement_id in statement_ids:
        statement = ctx.data.statements[statement_id]
        person = ctx.data.people[statement.person_id]
        href = ctx.link(site_map.PEOPLE, site_map.anchor("statement", statement_id))
        links.append(f'<a href="{esc(href)}">{esc(person.name)}</a>')
    return ", ".join(links)


def inferred_notes_html(inferred: Mapping[str, str], labels: Optional[Mapping[str, str]] = None) -> str:
    """One line per inferred field: what was inferred and why."""
    lines = []
    for field_name, reason in inferred.items():
        shown = (labels or {}).get(field_name, field_name.replace("_", " "))
        lines.append(f'<p class="kz-inferred-note"><strong>Inferred {esc(shown)}:</strong> {esc(reason)}</p>')
    return "".join(lines)


def details(ctx: RenderContext, evidence: Evidence, *, statement_ids: Iterable[str] = (),
            inferred: Optional[Mapping[str, str]] = None, summary: str = "Source") -> str:
    """A <details> block: works without JavaScript, on a phone, and with a keyboard."""
    source = ctx.data.sources[evidence.source_id]
    body = [
        f'<blockquote lang="{esc(source.language)}"><p>{esc(evidence.quote)}</p></blockquote>',
        f'<p class="kz-cite">{source_link(ctx, evidence.source_id)}, {esc(source_date(ctx, evidence.source_id))}</p>',
    ]
    said_by = statement_links_html(ctx, statement_ids)
    if said_by:
        body.append(f'<p class="kz-said-by">Statements: {said_by}</p>')
    if inferred:
        body.append(inferred_notes_html(inferred))
    return (f'<details class="kz-evidence"><summary>{esc(summary)}</summary>'
            + "".join(body) + "</details>")


def quote_title(ctx: RenderContext, evidence: Evidence) -> str:
    """A ` title="..."` attribute with the quote and its source: the sentence one hover away."""
    source = ctx.data.sources[evidence.source_id]
    return f' title="{esc(f"“{evidence.quote}” ({ctx.text(source.title)}, {source_date(ctx, evidence.source_id)})")}"'


def inferred_badge(inferred: Mapping[str, str], field_name: str, what: str = "inferred") -> str:
    if field_name not in inferred:
        return ""
    return f' <span class="kz-badge kz-badge--inferred">{esc(what)}</span>'


def date_html(date: PartialDate) -> str:
    return f'<time datetime="{esc(date.html_datetime())}">{esc(date.label())}</time>'
