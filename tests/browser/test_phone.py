"""A phone, 375 px wide: no page scrolls sideways, and the navigation is within reach."""

from __future__ import annotations

import pytest

from coopsite.editions import EDITIONS

from .conftest import PHONE, SCHEMES, artifact, settle, still
from .test_pages import PAGE_TYPES

# What a person sees: the element is the one on top at its own centre, inside the screen.
IN_VIEW = """e => { const r = e.getBoundingClientRect();
    if (r.width === 0 || r.right <= 0 || r.left >= innerWidth || r.bottom <= 0 || r.top >= innerHeight) return false;
    const hit = document.elementFromPoint(Math.max(r.left, 0) + Math.min(r.width, innerWidth) / 2, r.top + r.height / 2);
    return !!hit && (e === hit || e.contains(hit)); }"""


def phone(open_context, scheme="light"):
    context, watch = open_context(scheme, viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.watch = watch
    return page


def becomes_seen(page, locator, timeout: float = 10_000) -> bool:
    """Whether the element comes into the reader's view (after a slide-in, say)."""
    try:
        page.wait_for_function(f"e => ({IN_VIEW})(e)", arg=locator.element_handle(), timeout=timeout)
        return True
    except Exception:  # playwright's TimeoutError
        return False


def sideways(page) -> dict:
    """How far past the phone's 375 px the page reaches: a mobile browser widens its layout
    viewport (innerWidth) to fit wide content, then the reader pans sideways."""
    return page.evaluate("""(width) => ({
        document: document.documentElement.scrollWidth - width,
        viewport: window.innerWidth - width,
    })""", PHONE["width"])


def test_no_page_scrolls_sideways(open_context, site):
    page = phone(open_context)
    assert page.viewport_size["width"] == 375
    wide = {}
    for path in site.pages():
        page.goto(site.url(path))
        settle(page)
        found = sideways(page)
        if max(found.values()) > 0:
            wide["/" + path] = found
    assert wide == {}


def test_the_sideways_check_sees_a_wide_page(open_context, site):
    page = phone(open_context)
    page.goto(site.url())
    settle(page)
    page.evaluate("""() => { const wide = document.createElement("div");
        wide.style.width = "600px"; wide.textContent = "wide";
        document.querySelector("article").append(wide); }""")
    assert sideways(page)["document"] > 0


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.lang)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_page_types_on_a_phone(open_context, site, scheme, edition):
    """Screenshots for a reviewer, in every edition; each page type still shows its heading, no error,
    and no word longer than the phone's width (Russian and Kazakh words are long)."""
    page = phone(open_context, scheme)
    prefix = f"{edition.lang}-" if edition.root else ""
    for name, path in PAGE_TYPES.items():
        page.goto(site.url(edition.root + path))
        settle(page)
        assert page.locator("article h1").evaluate(IN_VIEW)
        assert sideways(page)["document"] <= 0, f"/{edition.root}{path} scrolls sideways"
        page.screenshot(path=artifact(f"{prefix}{name}-{scheme}-phone"), full_page=True)
    assert page.watch.problems() == []


def test_navigation_is_reachable(open_context, site):
    page = phone(open_context)
    page.goto(site.url())
    settle(page)
    drawer = page.locator(".md-sidebar--primary")
    mining = drawer.locator('a.md-nav__link[href$="sectors/mining/"]')
    assert not mining.is_visible(), "the navigation should start folded away on a phone"

    page.get_by_role("button", name="Navigation").tap()
    program = drawer.locator(".md-nav__container", has=page.get_by_role("link", name="Fresh Wind program"))
    program.locator("label").tap()  # the arrow beside the section opens its pages
    assert becomes_seen(page, mining), "the sector pages should show once their section is opened"
    still(page)
    page.screenshot(path=artifact("navigation-light-phone"))
    mining.tap()
    page.wait_for_url("**/program/sectors/mining/")
    assert page.locator("article h1").inner_text().rstrip("¶") == "Mining"

    page.get_by_role("button", name="Navigation").tap()
    # the drawer opens on the current section; its title leads back to the top level
    back = drawer.locator("label.md-nav__title", has_text="Fresh Wind program")
    assert becomes_seen(page, back)
    back.tap()
    sources = drawer.get_by_role("link", name="Sources", exact=True)
    assert becomes_seen(page, sources)
    still(page)
    sources.tap()
    page.wait_for_url("**/sources/")
    assert page.locator("article h1").inner_text().rstrip("¶") == "Sources"
    assert page.watch.problems() == []


FOCUS_IN_VIEW = """() => { let e = document.activeElement;
    // a visually hidden control (the palette's radio) shows in its container
    while (e && !(e.getBoundingClientRect().width > 0)) e = e.parentElement;
    const r = e.getBoundingClientRect();
    return {name: (document.activeElement.getAttribute("aria-label") || document.activeElement.innerText || "").trim().slice(0, 40),
            seen: r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight}; }"""


def test_the_navigation_by_keyboard_on_a_phone(open_context, site):
    """The menu button is a Tab stop; the closed drawer's links are not (they are off screen)."""
    page = phone(open_context)
    page.goto(site.url("figures/"))
    settle(page)
    stops = []
    for _ in range(12):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUS_IN_VIEW))
    unseen = [stop["name"] for stop in stops if not stop["seen"]]
    assert unseen == [], f"Tab reached what the reader cannot see: {unseen}"

    button = page.get_by_role("button", name="Navigation")
    assert button.get_attribute("aria-expanded") == "false"
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    focused = page.evaluate(FOCUS_IN_VIEW)
    assert page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')"), focused
    still(page)
    assert page.evaluate(FOCUS_IN_VIEW)["seen"]

    page.keyboard.press("Escape")  # closes the drawer and gives focus back to the button
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Navigation"

    page.keyboard.press("Space")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.innerText.trim()") == "Sources":
            break
    still(page)
    assert page.evaluate(FOCUS_IN_VIEW) == {"name": "Sources", "seen": True}
    page.keyboard.press("Enter")
    page.wait_for_url("**/sources/")
    assert page.watch.problems() == []


def test_focus_leaving_the_drawer_closes_it(open_context, site):
    page = phone(open_context)
    page.goto(site.url())
    settle(page)
    button = page.get_by_role("button", name="Navigation")
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Shift+Tab")  # back out of the drawer, towards the header
    page.keyboard.press("Shift+Tab")
    assert button.get_attribute("aria-expanded") == "false"
    still(page)  # the drawer slides away, then leaves the tab order
    assert not page.locator(".md-sidebar--primary").get_by_role("link", name="Sources", exact=True).is_visible()


def test_search_on_a_phone(open_context, site):
    page = phone(open_context)
    page.goto(site.url())
    settle(page)
    page.locator('label.md-header__button[for="__search"]').tap()
    box = page.get_by_role("textbox", name="Search")
    box.wait_for(state="visible")
    page.keyboard.type("uranium")
    first = page.locator(".md-search-result__link").first
    first.wait_for(state="visible")
    still(page)
    assert first.evaluate(IN_VIEW)
    assert max(sideways(page).values()) <= 0
    page.screenshot(path=artifact("search-light-phone"))
