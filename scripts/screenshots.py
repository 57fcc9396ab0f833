"""Screenshots of every page type of every edition at 375 and 1280 px, light and dark, into
test-artifacts/screenshots/ (LANG-PAGE-WIDTH-SCHEME.png; English without LANG), and each chart on
its own (LANG-PAGE-chart-ID-WIDTH-SCHEME.png), so that its labels can be read at full size.

Usage: PYTHONPATH=hooks .venv/bin/python scripts/screenshots.py [SITE_DIR [PAGE ...]]  (default: site/,
built with `make build`; PAGE: only these, such as "plant figures trade"). Serves the site on 127.0.0.1 at a free port and drives Chromium (/usr/bin/chromium,
or $CHROMIUM); Playwright never downloads a browser. Look at the pictures: they are for people.
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from coopsite.editions import EDITIONS  # noqa: E402
PAGES = {"home": "", "plant": "kia-plant/", "program": "program/", "sector": "program/sectors/digitalization/",
         "figures": "figures/", "trade": "trade/", "people": "people/", "sources": "sources/", "data": "data/"}
WIDTHS = {"375": {"width": 375, "height": 812}, "1280": {"width": 1280, "height": 800}}
SCHEMES = ("light", "dark")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main(site_dir: Path, out: Path, only: tuple[str, ...] = ()) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                    args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        for scheme in SCHEMES:
            for width, viewport in WIDTHS.items():
                context = browser.new_context(color_scheme=scheme, viewport=viewport)
                page = context.new_page()
                for edition in EDITIONS:
                    prefix = f"{edition.lang}-" if edition.root else ""
                    for name, path in PAGES.items():
                        if only and name not in only:
                            continue
                        if not (site_dir / edition.root / path / "index.html").exists():
                            continue
                        page.goto(base + edition.root + path)
                        page.wait_for_load_state("load")
                        page.screenshot(path=str(out / f"{prefix}{name}-{width}-{scheme}.png"), full_page=True)
                        for chart in page.locator("figure.kz-chart").all():
                            chart.scroll_into_view_if_needed()
                            chart.screenshot(path=str(out / f"{prefix}{name}-chart-{chart.get_attribute('id')}-{width}-{scheme}.png"))
                context.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site", ROOT / "test-artifacts" / "screenshots",
         tuple(sys.argv[2:]))  # page names after the site: only those pages ("plant figures trade")
