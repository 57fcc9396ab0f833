"""Real-browser fixtures: the site built once, served on 127.0.0.1, driven by Debian's Chromium.

Playwright never downloads a browser here: it launches /usr/bin/chromium (or $CHROMIUM). Without
Chromium the browser tests are skipped with a message, unless REQUIRE_BROWSER=1 (as in CI), which
makes them fail instead.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ROOT, copy_project, run_build

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(os.environ.get("BROWSER_ARTIFACTS", ROOT / "test-artifacts" / "browser"))
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}
SCHEMES = {"light": "default", "dark": "slate"}  # the browser's preference -> Material's scheme


def _missing(what: str) -> None:
    message = (
        f"{what}. Browser tests are skipped; to run them, apt-get install chromium (and run npm ci "
        "for axe-core), and set REQUIRE_BROWSER=1 to make a missing browser fail instead of skip."
    )
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not CHROMIUM.exists():
        _missing(f"No Chromium at {CHROMIUM}")
    try:
        import playwright  # noqa: F401
    except ImportError:
        _missing("The playwright package is not installed")
    return str(CHROMIUM)


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        _missing(f"axe-core is not installed ({AXE.relative_to(ROOT)} is missing)")
    return AXE.read_text(encoding="utf-8")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@dataclass
class Served:
    root: Path
    base: str  # http://127.0.0.1:PORT/

    def url(self, path: str = "") -> str:
        return self.base + path.lstrip("/")

    def pages(self) -> list[str]:
        """Every HTML page of the build, as URL paths ("", "kia-plant/", ...); the 404 page aside."""
        found = sorted(p.parent.relative_to(self.root).as_posix() for p in self.root.rglob("index.html"))
        return ["" if p == "." else p + "/" for p in found]


@pytest.fixture(scope="session")
def site(chromium_path, tmp_path_factory) -> Served:
    """The real site, built once and served on 127.0.0.1 at a free port."""
    project = copy_project(tmp_path_factory.mktemp("browser") / "project")
    result = run_build(project)
    assert result.returncode == 0, result.output
    with serving(result.site) as base:
        yield Served(result.site, base)


@contextlib.contextmanager
def serving(directory: Path, handler: type = _QuietHandler):
    """Serve `directory` on 127.0.0.1 at a free port; yields the base address, http://127.0.0.1:PORT/."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@dataclass
class Watch:
    """What a page did on the network and in its console."""

    base: str
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def reset(self) -> None:
        self.console_errors.clear()
        self.failed.clear()
        self.foreign.clear()

    def problems(self) -> list[str]:
        return (
            [f"console error: {m}" for m in self.console_errors]
            + [f"failed request: {u}" for u in self.failed]
            + [f"request to another host: {u}" for u in self.foreign]
        )


def _is_local(url: str, base: str) -> bool:
    if url.startswith(("data:", "blob:", "about:")):
        return True
    return urlsplit(url).netloc == urlsplit(base).netloc


@pytest.fixture
def open_context(browser, site):
    """open_context(scheme="light", viewport=DESKTOP, **options) -> (context, watch).

    Every request to another host is recorded and refused, every failed request or response with
    an error status and every console error is recorded.
    """
    contexts = []

    def open_(scheme: str = "light", viewport: dict = DESKTOP, **options):
        context = browser.new_context(color_scheme=scheme, viewport=viewport, **options)
        watch = Watch(site.base)

        def route(route):
            if _is_local(route.request.url, site.base):
                route.continue_()
            else:
                if route.request.url not in watch.foreign:
                    watch.foreign.append(route.request.url)
                route.abort()

        def on_request(request):
            if not _is_local(request.url, site.base) and request.url not in watch.foreign:
                watch.foreign.append(request.url)

        def on_response(response):
            if response.status >= 400:
                watch.failed.append(f"{response.url} ({response.status})")

        def on_failed(request):
            # ERR_ABORTED: the page navigated away while it loaded (a 404 shows as a response)
            if request.url not in watch.foreign and request.failure != "net::ERR_ABORTED":
                watch.failed.append(f"{request.url} ({request.failure})")

        def on_console(message):
            if message.type == "error":
                watch.console_errors.append(message.text)

        context.route("**/*", route)
        context.on("request", on_request)
        context.on("response", on_response)
        context.on("requestfailed", on_failed)
        context.on("console", on_console)
        context.on("weberror", lambda error: watch.console_errors.append(str(error.error)))
        contexts.append(context)
        return context, watch

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_context):
    """A desktop page in the light palette."""
    context, watch = open_context()
    page = context.new_page()
    page.watch = watch
    return page


def scheme_of(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def settle(page) -> None:
    """Wait until the page and everything it loads afterwards (search index, worker) are done."""
    page.wait_for_load_state("networkidle")


def still(page) -> None:
    """Wait until no CSS transition or animation is running (Material animates opening search)."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


def artifact(name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / (re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-") + ".png")
