"""Material's start-up leaves the page's styles alone.

When Material's bundle starts, the page has already been styled. Each change it then makes to an
attribute of <html> or <body> that style rules depend on restyles the whole page, which is most of
the main-thread time a phone spends blocked on a page (Lighthouse's total blocking time). The
template makes those changes before the page has content (overrides/main.html); these tests watch
what the bundle still changes.
"""

from __future__ import annotations

import pytest

from .conftest import SCHEMES, settle

# Recorded from the moment parsing ends, before deferred scripts (Material's bundle) run.
WATCH_START_UP = """
window.__startUp = {changes: []};
document.addEventListener('readystatechange', () => {
  if (document.readyState !== 'interactive') return;
  const state = window.__startUp;
  state.scheme = document.body.getAttribute('data-md-color-scheme');
  const record = mutations => {
    for (const m of mutations) {
      const now = m.target.getAttribute(m.attributeName);
      if (now !== m.oldValue) state.changes.push([m.target.tagName.toLowerCase(), m.attributeName, m.oldValue, now]);
    }
  };
  const observer = new MutationObserver(record);
  for (const element of [document.documentElement, document.body])
    observer.observe(element, {attributes: true, attributeOldValue: true});
  // Material's own work ends with the load event; what it does later is in tasks of its own.
  window.addEventListener('load', () => { record(observer.takeRecords()); observer.disconnect(); });
});
"""

PAGES = ["", "figures/", "program/"]


def start_up(open_context, site, scheme: str, path: str) -> dict:
    context, _ = open_context(scheme)
    context.add_init_script(WATCH_START_UP)
    page = context.new_page()
    page.goto(site.url(path))
    settle(page)
    return page.evaluate("window.__startUp")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_start_up_changes_no_attribute_the_styles_depend_on(open_context, site, scheme):
    for path in PAGES:
        watched = start_up(open_context, site, scheme, path)
        restyling = [
            change for change in watched["changes"]
            # data-md-color-media appears in no style rule, so setting it restyles nothing
            if change[1] != "data-md-color-media"
            # Material lifts the "switching palette" mark after its first frame (and sets it again if
            # the palette is applied again): whether that frame comes before or after the load event is
            # the machine's timing, and the mark only pauses transitions
            and change[1] != "data-md-color-switching"
        ]
        assert restyling == [], f"/{path} ({scheme}): Material's start-up changed {restyling}"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_first_visit_is_in_the_readers_palette_before_scripts_run(open_context, site, scheme):
    """No flash of the light palette for a reader whose device prefers dark, and vice versa."""
    watched = start_up(open_context, site, scheme, "")
    assert watched["scheme"] == SCHEMES[scheme]


def test_the_watch_sees_a_restyling_change(open_context, site):
    """The check above can fail: a class added to <html> after parsing is seen."""
    context, _ = open_context()
    context.add_init_script(WATCH_START_UP)
    context.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => document.documentElement.classList.add('late'))"
    )
    page = context.new_page()
    page.goto(site.url(""))
    settle(page)
    changes = page.evaluate("window.__startUp.changes")
    assert ["html", "class", "js js-focus-visible", "js js-focus-visible late"] in changes
