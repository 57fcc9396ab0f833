"""Without a mouse: search and navigation by keyboard, with visible focus. The palette toggle."""

from __future__ import annotations

import pytest

from .conftest import artifact, scheme_of, settle, still

FOCUSED = """() => { const e = document.activeElement;
    return {tag: e.tagName, name: (e.getAttribute("aria-label") || e.innerText || "").trim(),
            href: e.getAttribute("href") || ""}; }"""


def tab_to(page, predicate, limit: int = 80) -> list[dict]:
    """Press Tab until the focused element satisfies predicate; return the stops passed."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        stops.append(focused)
        if predicate(focused):
            return stops
    raise AssertionError(f"never reached by Tab; passed {[s['name'][:30] for s in stops]}")


def focus_shows(page, clip: dict) -> bool:
    """Whether the screen inside clip changes when the focused element loses focus."""
    with_focus = page.screenshot(clip=clip)
    page.evaluate("() => document.activeElement.blur()")
    still(page)
    return page.screenshot(clip=clip) != with_focus


def test_search_by_keyboard(page, site):
    page.goto(site.url())
    settle(page)
    tab_to(page, lambda f: f["tag"] == "INPUT" and f["name"] == "Search")
    page.keyboard.type("uranium")
    page.locator(".md-search-result__link").first.wait_for(state="visible")
    for _ in range(10):  # the arrow keys walk the results; Enter follows one
        page.keyboard.press("ArrowDown")
        if "trade/" in page.evaluate(FOCUSED)["href"]:
            break
    focused = page.evaluate(FOCUSED)
    assert "trade/" in focused["href"], focused
    page.keyboard.press("Enter")
    page.wait_for_url("**/trade/**")
    assert page.locator("article h1").inner_text().rstrip("¶") == "Trade"
    assert page.watch.problems() == []


def test_search_shortcut_and_escape(page, site):
    page.goto(site.url("figures/"))
    settle(page)
    page.keyboard.press("/")  # Material's shortcut puts the cursor in the search box
    assert page.evaluate(FOCUSED)["name"] == "Search"
    page.keyboard.type("Kostanay")
    page.locator(".md-search-result__link").first.wait_for(state="visible")
    page.keyboard.press("Escape")
    page.locator(".md-search-result__link").first.wait_for(state="hidden")


def test_navigation_by_keyboard(page, site):
    page.goto(site.url())
    settle(page)
    stops = tab_to(page, lambda f: f["tag"] == "A" and f["name"] == "Skip to content", limit=1)
    page.keyboard.press("Enter")  # the first stop skips the header and navigation
    assert page.evaluate("() => location.hash").startswith("#")
    page.goto(site.url())
    settle(page)
    stops = tab_to(page, lambda f: f["tag"] == "A" and f["name"] == "Mining")
    assert len(stops) > 3
    page.keyboard.press("Enter")
    page.wait_for_url("**/program/sectors/mining/")
    tab_to(page, lambda f: f["tag"] == "A" and f["name"] == "Sources")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sources/")
    assert page.watch.problems() == []


@pytest.mark.parametrize("path", ["", "program/sectors/mining/"])
def test_focus_is_visible_at_every_stop(page, site, path):
    """At each Tab stop the screen around the focused element changes when focus leaves it."""
    page.goto(site.url(path))
    settle(page)
    invisible = []
    for _ in range(30):
        page.keyboard.press("Tab")
        still(page)
        box = page.evaluate("""() => { const e = document.activeElement;
            let shown = e;  // a visually hidden control (the palette's radio) shows in its container
            while (shown && !(shown.getBoundingClientRect().width > 0 && shown.getBoundingClientRect().height > 0))
                shown = shown.parentElement;
            if (!shown) return null;
            const rs = [shown.getBoundingClientRect()];
            const x = Math.min(...rs.map(r => r.left)) - 8, y = Math.min(...rs.map(r => r.top)) - 8;
            return {x: Math.max(x, 0), y: Math.max(y, 0),
                    width: Math.max(...rs.map(r => r.right)) - x + 16, height: Math.max(...rs.map(r => r.bottom)) - y + 16}; }""")
        focused = page.evaluate(FOCUSED)
        if box is None:
            invisible.append(f"{focused['tag']} {focused['name'][:40]!r} (no box on screen)")
            continue
        if not focus_shows(page, {k: max(v, 1) for k, v in box.items()}):
            invisible.append(f"{focused['tag']} {focused['name'][:40]!r}")
    assert invisible == [], invisible


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_focus_on_the_search_field_shows_before_any_script(open_context, site, scheme):
    """Material's script shows search focus only by opening the search, which lags on a busy device
    and stays open when focus moves on; the field's own ring shows focus at once and goes with it.
    Here the script is replaced by an empty one."""
    context, watch = open_context(scheme)
    page = context.new_page()
    page.route("**/assets/javascripts/bundle.*.min.js",
               lambda route: route.fulfill(body="", content_type="text/javascript"))
    page.goto(site.url())
    settle(page)
    tab_to(page, lambda f: f["tag"] == "INPUT" and f["name"] == "Search")
    assert not page.locator("#__search").is_checked(), "no script here should have opened the search"
    form = page.locator(".md-search__form").bounding_box()
    around = {"x": form["x"] - 6, "y": max(form["y"] - 6, 0), "width": form["width"] + 12, "height": form["height"] + 12}
    assert focus_shows(page, around), "focus on the search field does not show"
    assert watch.problems() == []


@pytest.mark.parametrize("start, other", [("light", "dark"), ("dark", "light")])
def test_the_palette_toggle_switches_and_is_remembered(open_context, site, start, other):
    names = {"light": "default", "dark": "slate"}
    context, watch = open_context(start)
    page = context.new_page()
    page.goto(site.url("kia-plant/"))
    settle(page)
    assert scheme_of(page) == names[start]
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")

    toggle = page.locator(f'label.md-header__button[title="Switch to {other} mode"]')
    toggle.click()
    assert scheme_of(page) == names[other]
    still(page)
    assert page.evaluate("() => getComputedStyle(document.body).backgroundColor") != background
    page.reload()
    settle(page)
    assert scheme_of(page) == names[other], "the choice is lost on reload"
    page.goto(site.url("program/sectors/mining/"))
    settle(page)
    assert scheme_of(page) == names[other], "the choice does not carry to other pages"
    page.locator(f'label.md-header__button[title="Switch to {start} mode"]').click()
    page.reload()
    settle(page)
    assert scheme_of(page) == names[start]
    assert watch.problems() == []
