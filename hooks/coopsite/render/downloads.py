"""Download links: each section's own datasets, and the Data page's catalogue with licence and fields.

The field tables come from the same definitions as the CSV columns and datapackage.json (export.py).
"""

from __future__ import annotations

from .. import export
from . import site_map
from .context import RenderContext


def dataset_view(ctx: RenderContext, resource: export.Resource) -> dict:
    return {"name": resource.name, "title": ctx.gettext(resource.title),
            "csv": {"href": ctx.link(resource.csv_path), "name": f"{resource.name}.csv"},
            "json": {"href": ctx.link(resource.json_path), "name": f"{resource.name}.json"}}


def downloads(ctx: RenderContext) -> str:
    """This page's datasets as CSV and JSON, with a link to the Data page."""
    mine = [dataset_view(ctx, r) for r in export.RESOURCES if r.page == ctx.page]
    return ctx.render("downloads.html", datasets=mine, data_page=ctx.link(site_map.DATA))


def catalogue(ctx: RenderContext) -> str:
    """Markdown for the Data page: licence, the package descriptor, then every dataset and its fields."""
    latest = ctx.data.as_of
    datasets = [dict(dataset_view(ctx, r), description=r.description, anchor=site_map.anchor("dataset", r.name),
                     rows=len(r.rows(ctx.data)), page=ctx.link(r.page),
                     fields=[{"name": f.name, "type": f.type, "description": f.description} for f in r.fields])
                for r in export.RESOURCES]
    return ctx.render("data-catalogue.md", licence=dict(export.LICENCE, note=export.LICENCE_NOTE),
                      as_of=latest.label(ctx.lang) if latest else None,
                      package={"href": ctx.link(f"{export.DOWNLOAD_DIR}/datapackage.json"), "name": "datapackage.json"}, datasets=datasets)
