"""Screenshots of every page type at 375 and 1280 px, light and dark, into test-artifacts/screenshots/.

Usage: PYTHONPATH=hooks .venv/bin/python scripts/screenshots.py [SITE_DIR] [--editions en,ru,kk,ko]
[--pages home,plant,figures]  (default: site/, built with `make build`; every edition, every page type;
files are named EDITION-PAGE-WIDTH-SCHEME.png). Serves the site on 127.0.0.1 at a free port and drives Chromium (/usr/bin/chromium,
or $CHROMIUM); Playwright never downloads a browser. Look at the pictures: they are for people.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"home": "", "plant": "kia-plant/", "program": "program/", "sector": "program/sectors/digitalization/",
         "figures": "figures/", "trade": "trade/", "people": "people/", "sources": "sources/", "data": "data/"}
WIDTHS = {"375": {"width": 375, "height": 812}, "1280": {"width": 1280, "height": 800}}
SCHEMES = ("light", "dark")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main(site_dir: Path, out: Path, roots: dict[str, str], pages: dict[str, str]) -> None:
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
                for lang, root in roots.items():
                    for name, path in pages.items():
                        if not (site_dir / root / path / "index.html").exists():
                            continue
                        page.goto(base + root + path)
                        page.wait_for_load_state("load")
                        page.screenshot(path=str(out / f"{lang}-{name}-{width}-{scheme}.png"), full_page=True)
                context.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    import argparse

    from coopsite.editions import ALL_EDITIONS

    parser = argparse.ArgumentParser(description="Screenshots of each edition's page types.")
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--editions", default=",".join(e.lang for e in ALL_EDITIONS))
    parser.add_argument("--pages", default=",".join(PAGES))
    args = parser.parse_args()
    chosen = args.editions.split(",")
    main(args.site, ROOT / "test-artifacts" / "screenshots", {e.lang: e.root for e in ALL_EDITIONS if e.lang in chosen},
         {name: PAGES[name] for name in args.pages.split(",")})
