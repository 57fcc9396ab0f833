"""Every page, in both palettes: nothing broken, nothing fetched from elsewhere, no axe violation."""

from __future__ import annotations

import unicodedata
from pprint import pformat

import pytest

from coopsite.editions import EDITIONS

from .conftest import DESKTOP, SCHEMES, artifact, scheme_of, settle

# One page of each type, for the screenshots a reviewer looks at.
PAGE_TYPES = {
    "home": "",
    "timeline": "kia-plant/",
    "program": "program/",
    "sector": "program/sectors/mining/",
    "figures": "figures/",
    "trade": "trade/",
    "people": "people/",
    "sources": "sources/",
}


def test_the_page_types_exist(site):
    pages = site.pages()
    assert len(pages) > len(PAGE_TYPES)
    for edition in EDITIONS:  # every page below runs in every edition
        assert {edition.root + path for path in PAGE_TYPES.values()} <= set(pages)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_loads_cleanly_and_locally(open_context, site, scheme):
    """No console error, no failed request, no request to any other host: the site works offline."""
    context, watch = open_context(scheme)
    page = context.new_page()
    problems = {}
    for path in site.pages():
        page.goto(site.url(path))
        settle(page)
        assert scheme_of(page) == SCHEMES[scheme], f"/{path} is not in the {scheme} palette"
        assert page.locator("h1").first.is_visible(), f"/{path} shows no heading"
        if watch.problems():
            problems[path] = watch.problems()
            watch.reset()
        for edition in EDITIONS:  # the page types of every edition, for a reviewer
            for name, type_path in PAGE_TYPES.items():
                if edition.root + type_path == path:
                    prefix = f"{edition.lang}-" if edition.root else ""
                    page.screenshot(path=artifact(f"{prefix}{name}-{scheme}-desktop"), full_page=True)
    assert problems == {}, pformat(problems)


AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + (n.failureSummary || "").split("\\n")[1]),
  }));
}"""


def axe_violations(page, axe_source) -> list[dict]:
    page.add_script_tag(content=axe_source)
    return page.evaluate(AXE_RUN)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violation_on_any_page(open_context, site, axe_source, scheme):
    context, _ = open_context(scheme)
    page = context.new_page()
    found = {}
    for path in site.pages():
        page.goto(site.url(path))
        settle(page)
        assert scheme_of(page) == SCHEMES[scheme]
        violations = axe_violations(page, axe_source)
        if violations:
            found["/" + path] = violations
    assert found == {}, pformat(found, width=150)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violation_in_open_search(open_context, site, axe_source, scheme):
    """The search dialog with results showing, which the page scan above sees closed."""
    context, _ = open_context(scheme)
    page = context.new_page()
    page.goto(site.url("kia-plant/"))
    settle(page)
    page.get_by_role("textbox", name="Search").click()
    page.keyboard.type("production")
    page.locator(".md-search-result__item").first.wait_for()
    page.screenshot(path=artifact(f"search-{scheme}-desktop"))
    violations = axe_violations(page, axe_source)
    assert violations == [], pformat(violations, width=150)


def test_axe_catches_a_real_violation(page, site, axe_source):
    """The scan is live: an image without alternative text on a served page is reported."""
    page.goto(site.url())
    settle(page)
    page.evaluate("""() => { const img = document.createElement("img");
        img.src = "assets/images/favicon.png"; document.querySelector("article").append(img); }""")
    assert "image-alt" in [v["id"] for v in axe_violations(page, axe_source)]


def test_a_request_to_another_host_is_caught(page, site):
    """The watch is live: a page that reaches for a third party is reported and the request refused."""
    page.goto(site.url())
    settle(page)
    loaded = page.evaluate("""() => new Promise(done => { const img = document.createElement("img");
        img.onload = () => done(true); img.onerror = () => done(false);
        img.src = "https://example.com/pixel.png"; document.body.append(img); })""")
    assert loaded is False
    assert page.watch.foreign == ["https://example.com/pixel.png"]


def test_every_page_has_its_own_description_in_the_browser(page, site):
    seen = {}
    for path in site.pages():
        page.goto(site.url(path))
        description = page.locator('meta[name="description"]').get_attribute("content") or ""
        # a Hangul syllable says about what two Latin letters do, and takes their room in a result
        width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in description)
        assert width > 50, f"/{path} has no real meta description"
        seen.setdefault(description, []).append("/" + path)
    assert [paths for paths in seen.values() if len(paths) > 1] == []


def test_console_errors_and_failed_requests_are_caught(page, site):
    page.goto(site.url())
    settle(page)
    assert page.watch.problems() == []
    status = page.evaluate("""async () => { console.error("broken on purpose");
        return (await fetch("no-such-page/")).status; }""")
    assert status == 404
    assert any("broken on purpose" in m for m in page.watch.console_errors)
    assert any("no-such-page/" in f and "404" in f for f in page.watch.failed)
