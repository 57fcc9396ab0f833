"""Shared by the hostile-input and fuzz tests: hostile strings, data mutation, and output scanners.

A scanner parses HTML the way a browser would tokenise it and reports anything an injected
string could have turned into markup: an `on...` attribute, a `javascript:` link, an `<img>`
or `<script>` from the data. Text that merely *shows* the hostile strings is fine, and expected.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterator

import markdown
import yaml

from coopsite import validate
from coopsite.model import FILES
from pydantic import ValidationError
from coopsite.load import DATA_FILES
from coopsite.site import Site
from coopsite.yamlfile import read_file

TODAY = dt.date(2026, 1, 1)

# Each is harmless as text and harmful as markup; the id names it in docs/data-safety.md.
PAYLOADS = {
    "script": "</title><script>alert('kz1')</script>",
    "img-onerror": "<img src=x onerror=alert('kz2')>",
    "attr-double": '" onmouseover="alert(\'kz3\')" x="',
    "attr-single": "' onmouseover='alert(\"kz4\")' x='",
    "md-js-link": "[click me](javascript:alert('kz5'))",
    "md-autolink": "<javascript:alert('kz6')>",
    "jinja-expression": "{{ 7*7 }}{{ config.site_name }}",
    "jinja-statement": "{% for x in range(3) %}kz7{% endfor %}",
    "entity": "&lt;b&gt;kz8&amp;",
    "md-html-attr": "{: onclick=\"alert('kz9')\" }",
}
ALL_PAYLOADS = " ".join(PAYLOADS.values())

# What a page may never contain where the data is shown: signs that text became markup.
ALERT = re.compile(r"alert\(")


class MarkupScanner(HTMLParser):
    """Collects every place where data-borne text became markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self._open: list[str] = []
        self.title = ""
        self._in_title = False
        self._titles = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"<{tag}> has an event attribute {name}={value!r}")
            if value and name in ("href", "src", "action", "formaction", "xlink:href"):
                if re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith(("javascript:", "vbscript:", "data:text/html")):
                    self.findings.append(f"<{tag} {name}={value!r}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.findings.append("an <img src=x> from the data")
        if tag == "script":
            self._open.append("script")
        if tag == "title":
            self._titles += 1
            self._in_title = self._titles == 1  # the document's; an inline SVG may have its own

    def handle_startendtag(self, tag, attrs):  # noqa: ANN001
        self.handle_starttag(tag, attrs)
        if tag == "script" and self._open:
            self._open.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open:
            self._open.pop()
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._open and ALERT.search(data):
            self.findings.append(f"a <script> from the data: {data[:80]!r}")
        if self._in_title:
            self.title += data


def markup_findings(page_html: str) -> list[str]:
    scanner = MarkupScanner()
    scanner.feed(page_html)
    scanner.close()
    return scanner.findings


def title_text(page_html: str) -> str:
    scanner = MarkupScanner()
    scanner.feed(page_html)
    scanner.close()
    return " ".join(scanner.title.split())


def visible_text(page_html: str) -> str:
    """Text nodes, entities decoded, whitespace folded (markup stripped by a parser, not a regex)."""
    parts: list[str] = []

    class _Text(HTMLParser):
        def handle_data(self, data: str) -> None:
            parts.append(data)

    parser = _Text(convert_charrefs=True)
    parser.feed(page_html)
    parser.close()
    return " ".join(" ".join(parts).split())


# -- mutating data files ------------------------------------------------------------------------

def read_data(project: Path, kind: str) -> Any:
    return read_file(project / "data" / f"{kind}.yaml", f"data/{kind}.yaml").data


def write_data(project: Path, kind: str, data: Any) -> None:
    """Write `data` back as block YAML (PyYAML quotes anything YAML would read as another type)."""
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100_000)
    (project / "data" / f"{kind}.yaml").write_text(text, encoding="utf-8")


def walk(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every (path, value) in a loaded data file, the file itself first."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, path + (index,))


def string_leaves(value: Any) -> Iterator[tuple]:
    return (path for path, item in walk(value) if isinstance(item, str))


def get_in(value: Any, path: tuple) -> Any:
    for part in path:
        value = value[part]
    return value


def set_in(value: Any, path: tuple, new: Any) -> None:
    for part in path[:-1]:
        value = value[part]
    value[path[-1]] = new


def _refused(kind: str, data: Any) -> set[tuple]:
    """The paths the file's declaration refuses."""
    try:
        FILES[kind].model_validate(data)
    except ValidationError as err:
        return {validate.explain(FILES[kind], data, error)[0] for error in err.errors()}
    return set()


def inject_everywhere(project: Path, payload: str = ALL_PAYLOADS) -> dict[str, list[tuple]]:
    """Append `payload` to every string field whose schema accepts free text.

    Fields with a pattern or a list of choices (ids, dates, enums) refuse the payload, which
    is itself the defence there; those are left as they were. Every quote must be in its article's
    stored text, so the texts are removed first (a notice: "quote not verified") and every quote takes
    the payload too. Returns the injected paths by file.
    """
    for text in (project / "data" / "sources").glob("*.txt"):
        text.unlink()
    injected: dict[str, list[tuple]] = {}
    for kind in DATA_FILES:
        original = read_data(project, kind)
        data = copy.deepcopy(original)
        leaves = set(string_leaves(data))
        for path in leaves:
            set_in(data, path, f"{get_in(data, path)} {payload}")
        while True:
            refused = _refused(kind, data)
            # an error may sit on the leaf or on the field of several forms that holds it
            reverted = {leaf for leaf in leaves if any(leaf[: len(r)] == r for r in refused)}
            if not reverted:
                break
            for path in reverted:
                set_in(data, path, get_in(original, path))
            leaves -= reverted
        write_data(project, kind, data)
        injected[kind] = sorted(leaves, key=str)
    return injected


# -- rendering in-process -------------------------------------------------------------------

MARKDOWN_EXTENSIONS = ["attr_list", "md_in_html", "admonition", "toc"]
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def render_site(site: Site, docs_dir: Path) -> dict[str, str]:
    """Every page's HTML body as MkDocs would convert it, plus each page's meta description tag."""
    sources: dict[str, str] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir).as_posix()
        sources[relative] = site.render_markdown(relative, path.read_text(encoding="utf-8"))
    for page in site.generated_pages():
        sources[page.path] = site.render_markdown(page.path, page.markdown)
    pages = {}
    for relative, text in sources.items():
        head = ""
        match = FRONT_MATTER.match(text)
        if match:
            meta = yaml.safe_load(match.group(1)) or {}
            text = text[match.end():]
            if "description" in meta:
                # Material writes the description into the attribute as it is, unescaped
                head = f'<meta name="description" content="{meta["description"]}">'
        body = markdown.markdown(text, extensions=MARKDOWN_EXTENSIONS, extension_configs={"toc": {"permalink": "¶"}})
        pages[relative] = head + body
    return pages


def dump_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
