"""Search and sharing on the real handbook: canonical URLs, titles, Open Graph and Twitter cards, sitemap, robots.txt, print page."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from tests.support.handbook import PROJECT, built, nav_pages
from tools.project import DOCS, REPO

pytestmark = pytest.mark.site
CONFIG = load_config(str(REPO / "mkdocs.yml"))
SITE_URL = CONFIG["site_url"]
SITE_NAME = CONFIG["site_name"]


def page_url(source: str) -> str:
    """The page's address under site_url, by MkDocs' own rule (directory URLs: a/b.md -> a/b/, a/index.md -> a/)."""
    return SITE_URL + PROJECT.page_url(source)


def section_titles() -> dict[str, str]:
    """Each nav page's section title; top-level pages have none."""
    found = {}
    for item in CONFIG["nav"]:
        ((title, value),) = item.items()
        for page in value if isinstance(value, list) else []:
            found[page if isinstance(page, str) else next(iter(page.values()))] = title
    return found


def front_matter(source: str) -> dict:
    return get_data((DOCS / source).read_text(encoding="utf-8"))[1]


@pytest.mark.parametrize("source", nav_pages())
def test_canonical_url_is_site_url_plus_page_url(handbook_pages, source: str) -> None:
    """Every page names its canonical address, and og:url repeats it."""
    soup = built(handbook_pages, source)
    canonical = soup.find("link", rel="canonical")["href"]
    assert canonical == page_url(source)
    assert soup.find("meta", property="og:url")["content"] == canonical


@pytest.mark.parametrize("source", nav_pages())
def test_sharing_cards_repeat_the_front_matter(handbook_pages, source: str) -> None:
    """Open Graph titles and descriptions are the page's own, from its front matter; Twitter reads them from there."""
    soup = built(handbook_pages, source)
    meta = front_matter(source)
    for name, expected in (("title", meta["title"]), ("description", meta["description"])):
        assert soup.find("meta", property=f"og:{name}")["content"] == expected, f"{source}: og:{name}"
        assert soup.find("meta", attrs={"name": f"twitter:{name}"}) is None, f"{source}: twitter:{name} repeats og:{name}"
    assert soup.find("meta", property="og:site_name")["content"] == SITE_NAME
    assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"


@pytest.mark.parametrize("source", nav_pages())
def test_titles_say_where_a_page_sits(handbook_pages, source: str) -> None:
    """Titles read 'Page - Section - Site'; section landing pages and top-level pages skip the section; home is the site name."""
    title = built(handbook_pages, source).title.get_text()
    section = section_titles().get(source)
    if source == "index.md":
        expected = SITE_NAME
    elif section and not source.endswith("/index.md"):
        expected = f"{front_matter(source)['title']} - {section} - {SITE_NAME}"
    else:
        expected = f"{front_matter(source)['title']} - {SITE_NAME}"
    assert title == expected


def test_404_page_has_its_own_title(handbook_pages) -> None:
    """The page for unknown addresses says so in its title."""
    assert handbook_pages["404.html"].title.get_text() == f"Page not found - {SITE_NAME}"


def test_sitemap_lists_every_nav_page_and_nothing_else(handbook) -> None:
    """sitemap.xml has one <loc> per nav page, at its canonical address; the print page is not in it."""
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(handbook.site / "sitemap.xml").getroot()
    locations = [loc.text for loc in root.findall("s:url/s:loc", namespace)]
    assert sorted(locations) == sorted(page_url(source) for source in nav_pages())


def test_robots_txt_allows_all_and_points_at_the_sitemap(handbook) -> None:
    """robots.txt is published, blocks nothing, and names the sitemap by its full address."""
    lines = [line.strip() for line in (handbook.site / "robots.txt").read_text(encoding="utf-8").splitlines()]
    assert "User-agent: *" in lines
    assert not [line for line in lines if line.startswith("Disallow:") and line != "Disallow:"]
    assert f"Sitemap: {SITE_URL}sitemap.xml" in lines


def test_print_page_holds_every_page_and_stays_out_of_search(handbook_pages) -> None:
    """The home page links to the print page, which has every nav page's heading, and asks not to be indexed."""
    home = handbook_pages["index.html"]
    link = home.select_one(".gfbs-print-link a")
    assert link is not None and link["href"] == "print_page/"
    soup = handbook_pages["print_page/index.html"]
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    headings = {h1.get_text(" ", strip=True) for h1 in soup.select("section.print-page h1")}
    missing = [source for source in nav_pages() if built(handbook_pages, source).h1.get_text(" ", strip=True) not in headings]
    assert not missing, f"not on the print page: {missing}"
    assert len(soup.select("figure.gfbs-diagram svg")) == len(list((DOCS / "diagrams").glob("*.svg")))
    assert 'data-md-component="source"' not in str(soup)
    for source in nav_pages():
        assert built(handbook_pages, source).find("meta", attrs={"name": "robots"}) is None, f"{source} must stay indexable"
