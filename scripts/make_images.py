"""Render the site's PNG images from its SVG mark with Debian's Chromium; run once after changing
the mark or the card, and commit the PNGs (the build only copies them).

    .venv/bin/python scripts/make_images.py [--chromium /usr/bin/chromium]

Writes overrides/assets/images/favicon.png (48 px), apple-touch-icon.png (180 px, no transparency)
and card.png (1200 x 630, the Open Graph and Twitter image of every page).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "overrides" / "assets" / "images"
PAGES = Path(__file__).resolve().parent / "images"
# name: (page, query, width, height, transparent background)
OUTPUTS = {
    "favicon.png": ("icon.html", "", 48, 48, True),
    "apple-touch-icon.png": ("icon.html", "?bleed", 180, 180, False),
    "card.png": ("card.html", "", 1200, 630, False),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=["--no-sandbox", "--disable-gpu",
                                                                           "--allow-file-access-from-files"])
        for name, (page_name, query, width, height, transparent) in OUTPUTS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto((PAGES / page_name).as_uri() + query)
            page.wait_for_load_state("load")
            page.screenshot(path=str(IMAGES / name), omit_background=transparent)
            page.close()
            print(f"wrote {(IMAGES / name).relative_to(ROOT)}")
        browser.close()


if __name__ == "__main__":
    main()
