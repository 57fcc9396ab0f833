"""A fork's site: built with site_url https://example.org/kz-kr/ and served from /kz-kr/, as GitHub
Pages serves a project site. Pages, search and the 404 page (which links its assets by absolute
paths) all load everything they need from under /kz-kr/ and nothing from elsewhere."""

from __future__ import annotations

import http.server
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import copy_project, run_build

from .conftest import artifact, serving, settle
from .test_search import search

PREFIX = "/kz-kr/"


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """The site's files under PREFIX only; anything else, or a missing file, is the site's 404.html
    with status 404, as GitHub Pages answers."""

    def send_head(self):
        if not self.path.startswith(PREFIX):
            return self._not_found()
        self.path = "/" + self.path[len(PREFIX):]
        path = Path(self.translate_path(self.path))
        if not (path.is_file() or (path / "index.html").is_file()):
            return self._not_found()
        return super().send_head()

    def _not_found(self):
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def sub_path_site(chromium_path, tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("sub-path") / "project")
    result = run_build(project, site_url="https://example.org" + PREFIX)
    assert result.returncode == 0, result.output
    with serving(result.site, _SubPathHandler) as base:
        yield base.rstrip("/")


@dataclass
class _Watch:
    origin: str
    problems: list[str] = field(default_factory=list)
    loaded: list[str] = field(default_factory=list)


@pytest.fixture
def sub_path_page(browser, sub_path_site):
    """A page whose every request is recorded; other hosts are refused and reported."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    watch = _Watch(sub_path_site)

    def route(route):
        if urlsplit(route.request.url).netloc == urlsplit(sub_path_site).netloc or \
                route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            watch.problems.append(f"request to another host: {route.request.url}")
            route.abort()

    def on_response(response):
        watch.loaded.append(response.url)
        if response.status >= 400 and response.request.resource_type != "document":
            watch.problems.append(f"failed: {response.url} ({response.status})")

    context.route("**/*", route)
    page.on("response", on_response)
    page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED" and watch.problems.append(
        f"failed: {r.url} ({r.failure})"))
    page.on("console", lambda m: m.type == "error" and "404" not in m.text and watch.problems.append(m.text))
    page.on("pageerror", lambda e: watch.problems.append(str(e)))
    page.watch = watch
    yield page
    context.close()


def _styled_and_branded(page) -> None:
    """Material's stylesheet and ours applied, and the site's own logo drawn."""
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).position")
    assert header in ("sticky", "fixed"), "Material's stylesheet did not load"
    logo = page.locator(".md-header .md-logo svg")
    assert logo.get_attribute("aria-label") == "Kazakhstan–Korea Economic Cooperation"
    assert logo.bounding_box()["height"] > 16, "the logo is not drawn"
    icon = page.locator('link[rel=icon][type="image/svg+xml"]').evaluate("l => fetch(l.href).then(r => r.status)")
    assert icon == 200, "the icon does not load"


def test_pages_work_under_the_sub_path(sub_path_page, sub_path_site):
    page = sub_path_page
    response = page.goto(sub_path_site + PREFIX)
    assert response.status == 200
    settle(page)
    _styled_and_branded(page)
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Kia plant in Kostanai").first.click()
    page.wait_for_url(sub_path_site + PREFIX + "kia-plant/")
    settle(page)
    _styled_and_branded(page)
    assert page.locator("#milestone-small-scale-production").count() == 1
    page.screenshot(path=str(artifact("sub-path-kia-plant")))
    assert page.watch.problems == []


@pytest.mark.parametrize("missing", ["no-such-page/", "program/sectors/no-such-sector/", "a/b/c/d.html"])
def test_the_404_page_works_under_the_sub_path(sub_path_page, sub_path_site, missing):
    page = sub_path_page
    response = page.goto(sub_path_site + PREFIX + missing)
    assert response.status == 404
    settle(page)
    assert page.get_by_role("heading", level=1).inner_text() == "404 - Not found"
    _styled_and_branded(page)
    assert any(url.startswith(sub_path_site + PREFIX + "assets/") for url in page.watch.loaded)
    page.screenshot(path=str(artifact(f"sub-path-404-{missing}")))
    # search runs from the 404 page too, and its results lead back into the site
    results = search(page, "Kostanay")
    assert any(r["target"] == PREFIX.lstrip("/") + "kia-plant/#summary" for r in results), results
    page.keyboard.press("Escape")
    page.locator(".md-header .md-logo").click()
    page.wait_for_url(sub_path_site + PREFIX)
    assert page.watch.problems == []
