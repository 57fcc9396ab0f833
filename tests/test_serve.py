"""A real `mkdocs serve`: an edit shows up, a broken file shows its errors in the browser, a fix brings the site back."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from conftest import BUILD_EPOCH, edit, line_of


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(url: str, needle: str, seconds: float = 60) -> str:
    """Poll until the page contains `needle`; bounded in time."""
    deadline = time.monotonic() + seconds
    page = ""
    while time.monotonic() < deadline:
        page = fetch(url)
        if needle in page:
            return page
        time.sleep(0.3)
    raise AssertionError(f"{needle!r} did not appear at {url} within {seconds}s; last page:\n{page[:2000]}")


@pytest.fixture
def server(project):
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=BUILD_EPOCH)
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )
    try:
        yield f"http://127.0.0.1:{port}", proc
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def test_edit_error_page_and_recovery(project, server):
    base, proc = server
    wait_for(f"{base}/figures/", "70,000 cars a year")

    # An edit to a value (and its quote) shows up on the page.
    edit(project, "data/figures.yaml", "    value: 70000\n", "    value: 80000\n")
    edit(project, "data/figures.yaml", "capacity\n      of 70,000 cars.", "capacity\n      of 80,000 cars.", count=2)
    edit(project, "data/sources/kia-kostanai-2023.txt", "of 70,000 cars.", "of 80,000 cars.")  # quotes are checked
    wait_for(f"{base}/figures/", "80,000 cars a year")

    # A broken file: every page, generated ones included, shows the file, line and message.
    edit(project, "data/figures.yaml", "    value: 80000\n", "    value: eighty\n")
    line = line_of(project, "data/figures.yaml", "value: eighty")
    expected = f"data/figures.yaml:{line}:12: figures[1].value</code> expected a number"
    page = wait_for(f"{base}/figures/", expected)
    assert "The data has errors" in page
    # no "Next: The data has errors" (every page is this one): the footer's links are hidden
    assert re.search(r'<nav class="md-footer__inner md-grid" aria-label="[^"]*"\s+hidden\s*>', page)
    assert "in the editing guide" in page
    assert "livereload" in page  # the page keeps listening, so the fix reloads it
    wait_for(f"{base}/program/sectors/tourism/", expected)

    # The fix brings the site back by itself.
    edit(project, "data/figures.yaml", "    value: eighty\n", "    value: 80000\n")
    wait_for(f"{base}/figures/", "80,000 cars a year")
    wait_for(f"{base}/program/sectors/tourism/", "Tourism")
    assert proc.poll() is None, "the preview server must keep running through errors"

    # A saved page of docs/ shows too: the hook's server, which looks for saved files more often than
    # MkDocs's own, watches everything MkDocs watched.
    edit(project, "docs/figures.md", "# Key figures\n", "# Key figures, revised\n")
    wait_for(f"{base}/figures/", "Key figures, revised")


def test_a_broken_template_shows_in_the_preview_and_the_fix_brings_the_page_back(project, server):
    """A designer's override of a template: a missing value and a syntax error each show as the page's
    problem (file:line), the server keeps running, and deleting the override restores the page."""
    base, proc = server
    wait_for(f"{base}/kia-plant/", "kz-timeline")
    override = project / "overrides" / "coopsite" / "timeline.html"
    override.parent.mkdir(parents=True, exist_ok=True)
    own = (project / "hooks" / "coopsite" / "templates" / "timeline.html").read_text(encoding="utf-8")
    line = next(i for i, text in enumerate(own.splitlines(), 1) if "{{ date(m.date) }}" in text)
    override.write_text(own.replace("{{ date(m.date) }}", "{{ m.place.name }}{{ date(m.date) }}", 1), encoding="utf-8")
    page = wait_for(f"{base}/kia-plant/", f"overrides/coopsite/timeline.html:{line}:1")
    assert "has no attribute" in page and "This part of the page could not be made" in page
    assert 'id="timeline"' in page, "the rest of the page, its anchors too, is built as usual"

    override.write_text("{% if true %}\n", encoding="utf-8")
    wait_for(f"{base}/figures/", "overrides/coopsite/timeline.html:1:1")  # every page, until it is fixed
    assert proc.poll() is None, "the preview server must keep running through errors"

    override.unlink()
    wait_for(f"{base}/kia-plant/", "kz-timeline")
