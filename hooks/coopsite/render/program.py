"""The Fresh Wind program: its summary, sector index, projects and one page per sector, as plain
values for their templates (program-summary.html, sector-index.html, projects.html, sector-page.md)."""

from __future__ import annotations

from .. import status
from ..model import Project, Sector
from . import evidence, site_map
from .as_of import confirmation_view
from .context import RenderContext
from .figures import figure_list, link_view
from .ui import N_

PROJECT_STATUS_WORDS = {
    "implemented": N_("Implemented"), "in-progress": N_("In progress"),
    "planned": N_("Planned"), "not-stated": N_("Status not stated"),
}


def program_summary(ctx: RenderContext) -> str:
    program = ctx.data.program
    people = [{"href": ctx.link(site_map.PEOPLE, site_map.anchor("person", pid)),
               "name": ctx.person_name(pid), "role": ctx.text(ctx.data.people[pid].role),
               "confirmation": confirmation_view(ctx.data, status.role(ctx.data, ctx.data.people[pid]), ctx.lang)}
              for pid in program.person_ids]
    return ctx.render("program-summary.html", program={
        "name": ctx.text(program.name),
        "start": evidence.date_view(program.period.start, ctx.lang),
        "end": evidence.date_view(program.period.end, ctx.lang),
        "signed": evidence.date_view(program.signed, ctx.lang),
        "signed_inferred": "signed" in program.inferred,
        "signed_during": ctx.text(program.signed_during),
        "description": ctx.text(program.description),
        "evidence": evidence.view(ctx, program.signed_evidence, inferred=program.inferred),
        "people": people,
    })


def program_figures(ctx: RenderContext) -> str:
    return figure_list(ctx, ctx.data.program.figure_ids)


def discrepancies(ctx: RenderContext) -> str:
    ctx.citations.notes_placed.update(item.id for item in ctx.data.discrepancies)
    notes = [{"anchor": site_map.anchor("note", item.id), "text": ctx.text(item.note),
              "figures": [link_view(ctx, ctx.data.figures[fid]) for fid in item.figure_ids]}
             for item in ctx.data.discrepancies]
    return ctx.render("discrepancies.html", notes=notes)


def sector_index(ctx: RenderContext) -> str:
    note = ctx.data.program.sectors_note
    sectors = [{"href": ctx.link(site_map.sector_page(sector.id)), "name": ctx.text(sector.name),
                "projects": len(ctx.data.projects_in(sector.id))}
               for sector in ctx.data.sectors.values()]
    listed = next(iter(ctx.data.sectors.values()), None)  # the sectors come from one list in one source
    return ctx.render("sector-index.html", note=ctx.text(note) if note else None, sectors=sectors,
                      listed=confirmation_view(ctx.data, status.sector(ctx.data, listed), ctx.lang) if listed else None)


def project_view(ctx: RenderContext, project: Project) -> dict:
    return {
        "anchor": site_map.anchor("project", project.id),
        "title": ctx.text(project.name),
        "description": ctx.text(project.description) if project.description else None,
        "status": ctx.gettext(PROJECT_STATUS_WORDS[project.status]),
        "place": ctx.text(ctx.data.places[project.place_id].name) if project.place_id else None,
        "place_inferred": "place" in project.inferred,
        "confirmation": confirmation_view(ctx.data, status.project(ctx.data, project), ctx.lang),
        "sectors": [{"href": ctx.link(site_map.sector_page(sid)), "text": ctx.text(ctx.data.sectors[sid].name)}
                    for sid in project.sector_ids],
        "sectors_inferred": "sectors" in project.inferred,
        "evidence": evidence.view(ctx, project.evidence, inferred=project.inferred),
        "first": evidence.first_report_view(ctx, project.first_report, status=ctx.gettext(
            PROJECT_STATUS_WORDS[project.first_report.status])) if project.first_report else None,
    }


def projects(ctx: RenderContext) -> str:
    return ctx.render("projects.html", projects=[project_view(ctx, p) for p in ctx.data.projects.values()])


def sector_page(ctx: RenderContext, sector: Sector) -> str:
    """The whole Markdown of a sector's generated page."""
    return ctx.render(
        "sector-page.md",
        sector={"name": ctx.text(sector.name),
                "description": ctx.text(sector.description) if sector.description else None,
                "confirmation": confirmation_view(ctx.data, status.sector(ctx.data, sector), ctx.lang),
                "evidence": evidence.view(ctx, sector.evidence, statement_ids=sector.statement_ids)},
        program={"href": ctx.link(site_map.PROGRAM), "name": ctx.text(ctx.data.program.name)},
        projects=[project_view(ctx, p) for p in ctx.data.projects_in(sector.id)],
        statements=evidence.statement_links(ctx, sector.statement_ids),
    ) + "\n"
