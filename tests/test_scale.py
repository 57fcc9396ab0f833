"""The site stays linear as the data grows: bounded navigation, no per-page repeat of per-build work.

No timings here: the benchmark (`make bench`, benchmarks/) measures those.
"""

from __future__ import annotations

import re

from conftest import edit, run_build

from coopsite.render import site_map

NAV_LINK = re.compile(r'class="md-nav__link[^"]*"')


def _add_sectors(project, count: int) -> list[str]:
    ids = [f"extra-sector-{i}" for i in range(count)]
    entries = "".join(
        f"  - id: {sid}\n"
        f"    name:\n      en: Extra sector {i}\n"
        f"    source: fresh-wind-2019\n"
        f"    quote: development of oil and gas sectors, mining, construction and tourism\n"
        for i, sid in enumerate(ids)
    )
    edit(project, "data/program.yaml", "\nprojects:\n", "\n" + entries + "\nprojects:\n")
    return ids


def _nav_links(page_html: str) -> int:
    return len(NAV_LINK.findall(page_html))


def test_with_many_sectors_the_nav_stays_bounded_and_the_program_page_links_every_sector(project, built_site):
    extra = _add_sectors(project, site_map.SECTORS_IN_NAV + 5)
    result = run_build(project)
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output
    program = result.page("program/")
    home = result.page("")
    sector_page = result.page(f"program/sectors/{extra[-1]}/")
    # No sector page in the navigation any more, so every page carries a nav of fixed size:
    # no bigger than the real site's, which lists its few sectors.
    for page in (home, program, sector_page):
        assert _nav_links(page) <= _nav_links(built_site.page(""))
    assert 'href="program/sectors/' not in home
    # ... and every sector page is still one click from the program page, the section's index.
    for sid in extra + ["ict", "education"]:
        assert f'href="sectors/{sid}/"' in program
        assert "<h1" in result.page(f"program/sectors/{sid}/")
    # The sector page still sits in the program's section: the sidebar marks where the reader is.
    assert "md-nav__link--active" in sector_page or "md-nav__item--active" in sector_page


def test_few_sectors_are_listed_in_the_nav(built_site):
    home = built_site.page("")
    assert 'href="program/sectors/ict/"' in home
