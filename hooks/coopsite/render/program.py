"""The Fresh Wind program: its summary, sector index, projects and one page per sector."""

from __future__ import annotations

import json

from .. import status
from ..model import Project, Sector
from . import site_map
from .context import RenderContext
from .evidence import date_html, details, inferred_badge, statement_links
from .figures import figure_list
from .html import esc, md_text
from .plant import as_of_html, since_attr

SECTOR_WORDS = {"listed": "The sectors as the source lists them"}
PROJECT_STATUS_WORDS = {
    "implemented": "Implemented", "in-progress": "In progress",
    "planned": "Planned", "not-stated": "Status not stated",
}


def program_summary(ctx: RenderContext) -> str:
    program = ctx.data.program
    people = "".join(
        f'<li><a href="{esc(ctx.link(site_map.PEOPLE, site_map.anchor("person", pid)))}">{esc(ctx.data.people[pid].name)}</a>, '
        f'{esc(ctx.text(ctx.data.people[pid].role))} <span class="kz-asof">({as_of_html(ctx.data, status.role(ctx.data, ctx.data.people[pid]))})</span></li>'
        for pid in program.person_ids
    )
    rows = [
        ("Program", esc(ctx.text(program.name))),
        ("Period", f"{date_html(program.period_start)} to {date_html(program.period_end)}"),
        ("Signed", date_html(program.signed) + inferred_badge(program.inferred, "signed", "year inferred")
         + f", during {esc(ctx.text(program.signed_during))}"),
    ]
    body = "".join(f'<tr><th scope="row">{label}</th><td>{value}</td></tr>' for label, value in rows)
    return (
        f'<div class="kz-card"><table class="kz-summary"><caption>{esc(ctx.text(program.name))}</caption><tbody>{body}</tbody></table>'
        f'<p>{esc(ctx.text(program.description))}</p>'
        + details(ctx, program.signed_evidence, inferred=program.inferred, summary="Source of the dates")
        + (f'<p>People: </p><ul>{people}</ul>' if people else "")
        + "</div>"
    )


def program_figures(ctx: RenderContext) -> str:
    return figure_list(ctx, ctx.data.program.figure_ids)


def discrepancies(ctx: RenderContext) -> str:
    notes = []
    for item in ctx.data.discrepancies:
        figures = ", ".join(
            f'<a href="{esc(ctx.link(site_map.FIGURES, site_map.anchor("figure", fid)))}">{esc(ctx.text(ctx.data.figures[fid].label))}</a>'
            for fid in item.figure_ids
        )
        notes.append(
            f'<div class="admonition warning" id="{esc(site_map.anchor("note", item.id))}">'
            f'<p class="admonition-title">Where the figures differ</p><p>{esc(ctx.text(item.note))}</p>'
            f"<p>Figures: {figures}</p></div>"
        )
    return "".join(notes)


def sector_index(ctx: RenderContext) -> str:
    note = ctx.data.program.sectors_note
    items = []
    for sector in ctx.data.sectors.values():
        count = len(ctx.data.projects_in(sector.id))
        projects = f"{count} named project{'s' if count != 1 else ''}" if count else "no project named yet"
        href = ctx.link(site_map.sector_page(sector.id))
        items.append(f'<li><a href="{esc(href)}">{esc(ctx.text(sector.name))}</a> <span class="kz-muted">({projects})</span></li>')
    note_html = f'<p class="kz-note">{esc(ctx.text(note))}</p>' if note else ""
    sectors = list(ctx.data.sectors.values())
    if sectors:
        confirmation = status.sector(ctx.data, sectors[0])
        note_html += (f'<p class="kz-muted" data-unconfirmed-since="{esc(since_attr(confirmation))}">'
                      f'{esc(SECTOR_WORDS["listed"])}, {as_of_html(ctx.data, confirmation)}</p>')
    return note_html + f'<ul class="kz-sector-list">{"".join(items)}</ul>'


def _project_item(ctx: RenderContext, project: Project) -> str:
    anchor = site_map.anchor("project", project.id)
    sectors = ", ".join(
        f'<a href="{esc(ctx.link(site_map.sector_page(sid)))}">{esc(ctx.text(ctx.data.sectors[sid].name))}</a>'
        for sid in project.sector_ids
    ) or "not assigned to a listed sector"
    place = ""
    if project.place_id:
        place_obj = ctx.data.places[project.place_id]
        place = f" · Place: {esc(ctx.text(place_obj.name))}" + inferred_badge(project.inferred, "place", "place inferred")
    description = f"<p>{esc(ctx.text(project.description))}</p>" if project.description else ""
    title = esc(ctx.text(project.name))
    confirmation = status.project(ctx.data, project)
    return (
        f'<div class="kz-project">'
        f'<h3 id="{esc(anchor)}">{title}<a class="headerlink" href="#{esc(anchor)}" title="Permanent link" aria-label="Permanent link to {title}">¶</a></h3>'
        f"{description}"
        f'<p class="kz-muted" data-unconfirmed-since="{esc(since_attr(confirmation))}">'
        f'{esc(PROJECT_STATUS_WORDS[project.status])}, {as_of_html(ctx.data, confirmation)}'
        f'{place} · Sectors: {sectors}'
        f'{inferred_badge(project.inferred, "sectors", "sectors assigned by us")}</p>'
        + details(ctx, project.evidence, inferred=project.inferred)
        + "</div>"
    )


def projects(ctx: RenderContext) -> str:
    return "".join(_project_item(ctx, p) for p in ctx.data.projects.values())


def sector_page(ctx: RenderContext, sector: Sector) -> str:
    """The whole Markdown of a sector's generated page."""
    name = ctx.text(sector.name)
    confirmation = status.sector(ctx.data, sector)
    description = f"{name}: a sector of the Fresh Wind program of economic cooperation between Kazakhstan and Korea, with its source and named projects."
    program_href = ctx.link(site_map.PROGRAM)
    front_matter = "---\n" + f"description: {json.dumps(esc(description))}\n" + "---\n\n"
    parts = [
        front_matter + f"# {md_text(name)}",
        (f'<p class="kz-lead">{esc(ctx.text(sector.description))}</p>' if sector.description else "")
        + f'<p>A sector of the <a href="{esc(program_href)}">{esc(ctx.text(ctx.data.program.name))} program</a>, '
        f"as the source lists it, {as_of_html(ctx.data, confirmation)}.</p>"
        + details(ctx, sector.evidence, statement_ids=sector.statement_ids, summary="Source"),
        "## Projects",
    ]
    sector_projects = ctx.data.projects_in(sector.id)
    parts.append("".join(_project_item(ctx, p) for p in sector_projects)
                 or '<p class="kz-muted">The sources name no project in this sector yet.</p>')
    if sector.statement_ids:
        parts.append("## Statements")
        parts.append(f"<p>{statement_links(ctx, sector.statement_ids)}</p>")
    return "\n\n".join(parts) + "\n"
