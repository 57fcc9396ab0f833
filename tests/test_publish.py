"""The built site is findable and followable: its address, sitemap, robots.txt, canonical links,
Open Graph and Twitter meta, icons and the Atom feed, checked in the built files."""

from __future__ import annotations

import datetime as dt
import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import feedparser
import pytest
from lxml import etree

from conftest import FIXTURE, ROOT, copy_project, edit, run_build
from coopsite.render import ui
from coopsite import feed as feeds, publish
from coopsite.editions import EDITIONS, Edition, alternates, edition_of
from coopsite.load import load_or_raise

SITEMAP_XSD = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "schemas" / "sitemap.xsd")))
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default, when SITE_URL is not set
FORK_SITE_URL = "https://example.org/kz-kr/"


class _Head(HTMLParser):
    """The <link> and <meta> of a page, and the links of its body."""

    def __init__(self):
        super().__init__()
        self.links: list[dict] = []
        self.meta: dict[str, list[str]] = {}
        self.anchors: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "link":
            self.links.append(values)
        elif tag == "meta" and ("property" in values or "name" in values):
            self.meta.setdefault(values.get("property") or values["name"], []).append(values.get("content", ""))
        elif tag == "a" and values.get("href"):
            self.anchors.append(values["href"])

    def link(self, rel: str, **match) -> list[dict]:
        return [l for l in self.links if l.get("rel") == rel and all(l.get(k) == v for k, v in match.items())]

    def one(self, name: str) -> str:
        assert len(self.meta.get(name, [])) == 1, f"expected one {name}, got {self.meta.get(name)}"
        return self.meta[name][0]


def _head(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _pages(site: Path) -> dict[str, Path]:
    """Every HTML page by its URL path ('', 'kia-plant/', ...); 404.html aside."""
    return {("" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"): p
            for p in site.rglob("index.html")}


@pytest.fixture(scope="module")
def fork_site(tmp_path_factory):
    """The real site built for a fork served under a sub-path, its address set by SITE_URL."""
    project = copy_project(tmp_path_factory.mktemp("fork") / "project")
    result = run_build(project, site_url=FORK_SITE_URL)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module", params=["default", "fork"])
def any_site(request, built_site, fork_site):
    return (built_site, DEFAULT_SITE_URL) if request.param == "default" else (fork_site, FORK_SITE_URL)


# --- sitemap and robots.txt -------------------------------------------------------------------

def test_sitemap_is_valid_against_the_sitemap_schema(any_site):
    result, _ = any_site
    sitemap = etree.parse(str(result.site / "sitemap.xml"))
    assert SITEMAP_XSD.validate(sitemap), SITEMAP_XSD.error_log


def test_the_schema_rejects_a_sitemap_without_pages_or_with_relative_addresses():
    empty = etree.fromstring(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>')
    relative = etree.fromstring(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                b'<url><loc>/kia-plant/</loc></url></urlset>')
    assert not SITEMAP_XSD.validate(empty)
    assert not SITEMAP_XSD.validate(relative)


def test_sitemap_lists_every_page_at_its_full_address_sector_pages_included(any_site):
    result, site_url = any_site
    sitemap = etree.parse(str(result.site / "sitemap.xml"))
    listed = [loc.text for loc in sitemap.iterfind("s:url/s:loc", SITEMAP_NS)]
    expected = [site_url + path for path in _pages(result.site)]
    assert sorted(listed) == sorted(expected)
    assert any("/program/sectors/" in url for url in listed)
    assert len(listed) == len(set(listed))


def test_robots_txt_names_the_sitemap_by_its_full_address(any_site):
    result, site_url = any_site
    robots = (result.site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {site_url}sitemap.xml" in robots.splitlines()
    assert "Disallow: /" not in robots


# --- every page's head ------------------------------------------------------------------------

def test_every_page_has_a_canonical_link_open_graph_and_twitter_meta(any_site):
    result, site_url = any_site
    pages = _pages(result.site)
    assert len(pages) > 15
    for path, file in pages.items():
        head = _head(file)
        canonical = head.link("canonical")
        assert [l["href"] for l in canonical] == [site_url + path], file
        assert head.one("og:url") == site_url + path
        assert head.one("og:type") == ("website" if path == "" else "article")
        assert head.one("og:title") and head.one("twitter:title") == head.one("og:title")
        assert head.one("og:description") and head.one("twitter:description") == head.one("og:description")
        edition = next(e for e in reversed(EDITIONS) if path.startswith(e.root))
        assert head.one("og:locale") == edition.locale
        if file.parent.name not in ("editing", "data-safety"):  # the editors' guides are English only
            assert sorted(head.meta["og:locale:alternate"]) == sorted(e.locale for e in EDITIONS if e != edition)
        assert head.one("og:site_name") == ui.site_name("Kazakhstan–Korea Economic Cooperation", edition.lang)
        assert head.one("twitter:card") == "summary_large_image"
        image = head.one("og:image")
        assert image == head.one("twitter:image") and image.startswith(site_url)
        assert (result.site / image[len(site_url):]).is_file(), image
        assert head.one("og:image:alt") and head.one("og:image:width") == "1200"


def test_the_heads_own_words_are_in_the_editions_language(built_site):
    """The card image's description and the feed link's title come from the catalog, like every word."""
    english = None
    for edition in EDITIONS:
        page = built_site.site / edition.root / "kia-plant" / "index.html"
        head = _head(page)
        site = ui.site_name("Kazakhstan–Korea Economic Cooperation", edition.lang)
        words = publish.head_words(edition.lang, site)
        assert head.one("og:image:alt") == head.one("twitter:image:alt") == words["card_image_alt"]
        assert head.link("alternate", type="application/atom+xml")[0]["title"] == words["feed_link"]
        assert words["card_image_alt"].startswith(site + ":")
        if edition.lang == "en":
            english = words
        else:
            assert english and words["card_image_alt"] != english["card_image_alt"], edition.lang
            assert words["feed_link"] != english["feed_link"], edition.lang


def test_open_graph_text_is_the_page_title_and_description_decoded_once(built_site):
    head = _head(built_site.site / "kia-plant" / "index.html")
    assert head.one("og:title") == "Kia plant in Kostanai"
    assert head.one("og:description").startswith("The Kia car plant in Kostanai, Kazakhstan")
    assert _head(built_site.site / "index.html").one("og:title") == "Kazakhstan–Korea Economic Cooperation"
    sector = _head(built_site.site / "program" / "sectors" / "ict" / "index.html")
    assert "&" not in html.unescape(sector.one("og:title")).replace(" & ", "")


def test_every_page_links_the_feed_and_the_sites_own_icons(any_site):
    result, _ = any_site
    for path in [*_pages(result.site).values(), result.site / "404.html"]:
        head = _head(path)
        for rel, kind in (("alternate", "application/atom+xml"), ("icon", "image/svg+xml")):
            links = head.link(rel, type=kind)
            assert len(links) == 1, (path, rel)
        hrefs = [head.link("alternate", type="application/atom+xml")[0]["href"],
                 head.link("icon", type="image/svg+xml")[0]["href"], head.link("apple-touch-icon")[0]["href"]]
        hrefs += [l["href"] for l in head.link("icon") if "type" not in l]
        for href in hrefs:
            assert _resolve(result, path, href).is_file(), (path, href)
    assert (result.site / "feed.xml").read_bytes().startswith(b"<?xml")


def test_the_favicon_and_logo_are_the_sites_own_not_the_themes(built_site):
    ours = ROOT / "overrides" / "assets" / "images"
    for name in ("favicon.png", "apple-touch-icon.png", "mark.svg", "card.png"):
        assert (built_site.site / "assets/images" / name).read_bytes() == (ours / name).read_bytes(), name
    assert (ours / "apple-touch-icon.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    mark = (ours / "mark.svg").read_text(encoding="utf-8").strip()
    header = built_site.page("").split('<header class="md-header', 1)[1].split("</header>", 1)[0]
    assert mark in header  # the logo is the mark, drawn inline


def _resolve(result, page: Path, href: str) -> Path:
    """The file a link on a page names: relative links from the page's folder, absolute paths
    from the site's root (404.html uses those, under the site's path)."""
    if href.startswith("/"):
        base = urlsplit(_site_url_of(result)).path
        assert href.startswith(base), href
        return result.site / href[len(base):]
    return (page.parent / href.split("#")[0]).resolve()


def _site_url_of(result) -> str:
    return _head(result.site / "index.html").link("canonical")[0]["href"]


def test_the_home_page_links_the_feed(built_site):
    assert "feed.xml" in _head(built_site.site / "index.html").anchors


# --- the feed ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def dataset():
    return load_or_raise(FIXTURE, today=dt.date(2026, 1, 1))


def test_a_feed_reader_parses_the_feed(any_site, dataset):
    result, site_url = any_site
    feed = feedparser.parse((result.site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title.startswith("Kazakhstan–Korea Economic Cooperation")
    assert {l.rel: l.href for l in feed.feed.links} == {"alternate": site_url, "self": site_url + "feed.xml"}
    assert len(feed.entries) == len(dataset.milestones) + len(dataset.figures)


def test_each_feed_entry_links_to_its_permalink_on_the_site(any_site):
    result, site_url = any_site
    feed = feedparser.parse((result.site / "feed.xml").read_bytes())
    ids = {}
    for entry in feed.entries:
        page_url, fragment = urldefrag(entry.link)
        assert page_url.startswith(site_url) and fragment, entry.link
        page = result.site / page_url[len(site_url):] / "index.html"
        if page not in ids:
            ids[page] = _head(page).ids
        assert fragment in ids[page], f"{entry.link}: no #{fragment} on the page"
        assert entry.id == entry.link
    assert len({e.id for e in feed.entries}) == len(feed.entries)


def test_feed_entries_are_dated_by_the_report_that_states_them_newest_first(built_site, dataset):
    feed = feedparser.parse((built_site.site / "feed.xml").read_bytes())
    by_link = {e.link: e for e in feed.entries}
    for milestone in dataset.milestones:
        entry = by_link[f"{DEFAULT_SITE_URL}kia-plant/#milestone-{milestone.id}"]
        assert entry.title == milestone.title.get("en")
        assert entry.updated.startswith(milestone.reported.start.isoformat())
        assert "as reported on " + milestone.reported.label() in entry.summary
        for reasoning in milestone.inferred.values():
            assert reasoning.en.rstrip(".") in entry.summary  # inferred says so, as on the site
    for figure in dataset.figures.values():
        entry = by_link[f"{DEFAULT_SITE_URL}figures/#figure-{figure.id}"]
        reported = dataset.sources[figure.evidence.source_id].published
        assert entry.title.startswith(figure.label.get("en") + ": ")
        assert entry.updated.startswith(reported.start.isoformat())
        assert f"as of {figure.as_of.label()}" in entry.summary
    updated = [e.updated for e in feed.entries]
    assert updated == sorted(updated, reverse=True)
    assert feed.feed.updated == updated[0]  # the newest report, not the build's clock


def test_the_feed_holds_the_newest_reports_only(dataset, monkeypatch):
    """Feed readers fetch the feed again and again: it keeps the newest FEED_ENTRIES reports (today's
    data has fewer, so all of them); the site keeps every one."""
    every = feedparser.parse(feeds.atom(dataset, site_url=FORK_SITE_URL, site_name="Site", today=dt.date(2026, 1, 1)))
    assert len(every.entries) == len(dataset.milestones) + len(dataset.figures) <= feeds.FEED_ENTRIES
    monkeypatch.setattr(feeds, "FEED_ENTRIES", 5)
    newest = feedparser.parse(feeds.atom(dataset, site_url=FORK_SITE_URL, site_name="Site", today=dt.date(2026, 1, 1)))
    assert [e.id for e in newest.entries] == [e.id for e in every.entries][:5]
    assert min(e.updated for e in newest.entries) >= max(e.updated for e in every.entries[5:])


def test_the_feed_does_not_change_with_the_build_date(tmp_path):
    project = copy_project(tmp_path / "project")
    first = run_build(project, site_dir=tmp_path / "a", epoch="1767225600")
    second = run_build(project, site_dir=tmp_path / "b", epoch="1800000000")
    assert first.returncode == second.returncode == 0
    # Planned dates pass between the two build dates, so status wording may change; the dates not.
    dates = [re.findall(r"<(?:updated|published)>[^<]+", (r.site / "feed.xml").read_text()) for r in (first, second)]
    assert dates[0] == dates[1]


# --- editions: one today; the lists that carry them take more -----------------------------------

RUSSIAN = Edition("ru", "ru_RU", "ru/")


def test_one_edition_has_no_alternates_two_editions_alternate_with_each_other():
    assert alternates("kia-plant/", (Edition("en", "en_GB"),)) == []
    assert alternates("editing/") == []  # the editors' guides are English only
    both = (Edition("en", "en_GB"), RUSSIAN)
    assert [(e.lang, url) for e, url in alternates("kia-plant/", both)] == [("en", "kia-plant/"), ("ru", "ru/kia-plant/")]
    assert [(e.lang, url) for e, url in alternates("ru/kia-plant/", both)] == [("en", "kia-plant/"), ("ru", "ru/kia-plant/")]
    assert edition_of("ru/program/", both) == RUSSIAN and edition_of("program/", both).lang == "en"


def test_each_edition_gets_its_own_feed_linking_to_its_own_pages(dataset):
    files = publish.files(dataset, site_url=FORK_SITE_URL, site_name="Site", today=dt.date(2026, 1, 1),
                          editions=(Edition("en", "en_GB"), RUSSIAN))
    assert set(files) == {"robots.txt", "feed.xml", "ru/feed.xml"}
    russian = feedparser.parse(files["ru/feed.xml"].encode())
    assert not russian.bozo and russian.feed.language == "ru"
    assert all(e.link.startswith(FORK_SITE_URL + "ru/") for e in russian.entries)
    assert {l.rel: l.href for l in russian.feed.links}["self"] == FORK_SITE_URL + "ru/feed.xml"


# --- what the Nu HTML checker reported in the theme's templates --------------------------------

def test_no_navigation_label_has_an_empty_tabindex(built_site):
    pages = [*built_site.site.rglob("index.html"), built_site.site / "404.html"]
    for path in pages:
        assert 'tabindex=""' not in path.read_text(encoding="utf-8"), path
    # section labels are still there, and still not Tab stops
    assert re.search(r'<label class="md-nav__link[^"]*" for="__nav_\d+" id="__nav_\d+_label">', built_site.page("program/"))


def test_the_editions_give_alternates_in_heads_and_sitemap_and_their_own_feeds(tmp_path):
    project = copy_project(tmp_path / "project")
    result = run_build(project, site_url=FORK_SITE_URL)
    assert result.returncode == 0, result.output
    head = _head(result.site / "kia-plant" / "index.html")
    assert head.one("og:locale") == "en_GB" and sorted(head.meta["og:locale:alternate"]) == ["kk_KZ", "ko_KR", "ru_RU"]
    assert {l["hreflang"]: l["href"] for l in head.link("alternate") if "hreflang" in l} == {
        e.lang: FORK_SITE_URL + e.root + "kia-plant/" for e in EDITIONS}
    sitemap = etree.parse(str(result.site / "sitemap.xml"))
    assert SITEMAP_XSD.validate(sitemap), SITEMAP_XSD.error_log
    url = next(u for u in sitemap.iterfind("s:url", SITEMAP_NS)
               if u.findtext("s:loc", namespaces=SITEMAP_NS) == FORK_SITE_URL + "kia-plant/")
    assert [(l.get("hreflang"), l.get("href")) for l in url.iterfind("xhtml:link", SITEMAP_NS)] == [
        (e.lang, FORK_SITE_URL + e.root + "kia-plant/") for e in EDITIONS]
    for edition in EDITIONS:
        assert not feedparser.parse((result.site / edition.root / "feed.xml").read_bytes()).bozo
