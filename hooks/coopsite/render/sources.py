"""Sources (Markdown: a heading per source): each article with its date at its precision, and every fact that cites it."""

from __future__ import annotations

from . import site_map
from .context import RenderContext
from .evidence import date_html, inferred_badge
from .evidence import inferred_notes_html as inferred_notes
from .html import esc, md_text
from .values import format_value


def _cited_by(ctx: RenderContext, source_id: str) -> str:
    facts = ctx.data.facts_citing(source_id)
    groups = []
    label = {
        "milestones": "Milestones", "figures": "Figures", "sectors": "Sectors",
        "projects": "Projects", "statements": "Statements", "goods": "Trade goods",
    }
    for kind, items in facts.items():
        if not items:
            continue
        links = []
        for item in items:
            if kind == "milestones":
                links.append((ctx.link(site_map.PLANT, site_map.anchor("milestone", item.id)), ctx.text(item.title)))
            elif kind == "figures":
                links.append((ctx.link(site_map.FIGURES, site_map.anchor("figure", item.id)),
                              f"{format_value(item, ctx.lang)}: {ctx.text(item.label)}"))
            elif kind == "sectors":
                links.append((ctx.link(site_map.sector_page(item.id)), ctx.text(item.name)))
            elif kind == "projects":
                links.append((ctx.link(site_map.PROGRAM, site_map.anchor("project", item.id)), ctx.text(item.name)))
            elif kind == "statements":
                person = ctx.data.people[item.person_id]
                links.append((ctx.link(site_map.PEOPLE, site_map.anchor("statement", item.id)),
                              f"{person.name}: {ctx.text(item.summary)}"))
            else:
                links.append((ctx.link(site_map.TRADE, site_map.anchor("good", item.id)), ctx.text(item.name)))
        entries = "".join(f'<li><a href="{esc(href)}">{esc(text)}</a></li>' for href, text in links)
        groups.append(f"<details class=\"kz-cited\"><summary>{label[kind]} ({len(items)})</summary><ul>{entries}</ul></details>")
    return "".join(groups) or '<p class="kz-muted">No fact on the site cites this source yet.</p>'


def sources(ctx: RenderContext) -> str:
    blocks = []
    for source in ctx.data.sources.values():
        anchor = site_map.anchor("source", source.id)
        precision = source.published.precision
        rows = [
            ("Headline", esc(source.headline) if source.headline else "none (the title above is ours)"),
            ("Outlet", esc(source.outlet) if source.outlet else "not stated"),
            ("Published", date_html(source.published) + f" (known to the {precision})"
             + inferred_badge(source.inferred, "published")),
            ("Language", esc(source.language)),
        ]
        if source.url:
            rows.append(("Address", f'<a href="{esc(source.url)}" rel="nofollow noopener">{esc(source.url)}</a>'))
        table = "".join(f'<tr><th scope="row">{k}</th><td>{v}</td></tr>' for k, v in rows)
        summary = f"<p>{esc(ctx.text(source.summary))}</p>" if source.summary else ""
        notes = f'<p class="kz-note">{esc(ctx.text(source.notes))}</p>' if source.notes else ""
        blocks.append(f"## {md_text(ctx.text(source.title))} {{#{anchor}}}")
        blocks.append(
            f'<div class="kz-source">{summary}<table class="kz-summary"><tbody>{table}</tbody></table>{notes}'
            + inferred_notes(source.inferred)
            + "<p><strong>Facts that cite it</strong></p>" + _cited_by(ctx, source.id)
            + "</div>"
        )
    return "\n\n".join(blocks)
