"""Download links: each section's own datasets, and the Data page's catalogue with licence and fields.

The field tables come from the same definitions as the CSV columns and datapackage.json (export.py).
"""

from __future__ import annotations

from .. import export
from . import site_map
from .context import RenderContext
from .html import esc, md_text


def _file_links(ctx: RenderContext, resource: export.Resource) -> str:
    return (f'<a href="{esc(ctx.link(resource.csv_path))}" download>{esc(resource.name)}.csv</a> · '
            f'<a href="{esc(ctx.link(resource.json_path))}" download>{esc(resource.name)}.json</a>')


def downloads(ctx: RenderContext) -> str:
    """This page's datasets as CSV and JSON, with a link to the Data page."""
    mine = [r for r in export.RESOURCES if r.page == ctx.page]
    if not mine:
        return ""
    items = "".join(f"<li>{esc(r.title)}: {_file_links(ctx, r)}</li>" for r in mine)
    data_page = ctx.link(site_map.DATA)
    return (f'<div class="kz-downloads" data-search-exclude><p><strong>Download this data</strong> '
            f'(<a href="{esc(data_page)}">fields and licence</a>)</p><ul>{items}</ul></div>')


def _field_table(resource: export.Resource) -> str:
    rows = "".join(
        f'<tr><th scope="row"><code>{esc(f.name)}</code></th><td>{esc(f.type)}</td><td>{esc(f.description)}</td></tr>'
        for f in resource.fields
    )
    return (f'<div class="kz-table-wrap"><table><caption>Fields of {esc(resource.name)}.csv and '
            f'{esc(resource.name)}.json</caption><thead><tr><th scope="col">Field</th><th scope="col">Type</th>'
            f'<th scope="col">Description</th></tr></thead><tbody>{rows}</tbody></table></div>')


def catalogue(ctx: RenderContext) -> str:
    """Markdown for the Data page: licence, the package descriptor, then every dataset and its fields."""
    latest = export.as_of(ctx.data)
    package = ctx.link(f"{export.DOWNLOAD_DIR}/datapackage.json")
    licence = export.LICENCE
    blocks = [
        '<div class="kz-card kz-licence">'
        f'<p><strong>Licence:</strong> <a href="{esc(licence["path"])}" rel="license">{esc(licence["title"])}</a> '
        f'({esc(licence["name"])}). {esc(export.LICENCE_NOTE)}</p>'
        f'<p><strong>Data as of:</strong> {esc(latest.label() if latest else "unknown")}, the date of the latest source.</p>'
        f'<p><strong>Everything at once:</strong> <a href="{esc(package)}" download>datapackage.json</a>, a '
        '<a href="https://specs.frictionlessdata.io/data-package/">Frictionless Data Package</a> descriptor that '
        'lists the CSV files with their field types and descriptions.</p></div>',
    ]
    for r in export.RESOURCES:
        rows = len(r.rows(ctx.data))
        page = ctx.link(r.page)
        blocks.append(f"## {md_text(r.title)} {{#{site_map.anchor('dataset', r.name)}}}")
        blocks.append(
            f'<p>{esc(r.description)} {rows} row{"s" if rows != 1 else ""}; see '
            f'<a href="{esc(page)}">{esc(r.title)} on the site</a>.</p>'
            f'<p class="kz-download-links">Download: {_file_links(ctx, r)}</p>'
            + _field_table(r)
        )
    return "\n\n".join(blocks)
