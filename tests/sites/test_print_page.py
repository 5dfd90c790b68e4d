"""overrides/hooks/print_page.py: the whole handbook on one page, with unique ids and every reference following them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.hooks import load_hook
from tests.support.sites import build_tiny_site, page

print_page = load_hook("print_page")
Section = print_page.Section


# Each case: a page URL and its section key.
KEYS = [
    ("", "index"),
    ("index.html", "index"),
    ("language/", "language"),
    ("language/errors/", "language-errors"),
    ("language/errors.html", "language-errors"),
]


@pytest.mark.parametrize(("url", "key"), KEYS)
def test_page_key_is_the_url_as_one_word(url: str, key: str) -> None:
    """Directory URLs and file URLs of the same page give the same key."""
    assert print_page.page_key(url) == key


KEYS_BY_URL = {"": "index", "language/": "language", "language/errors/": "language-errors"}
# Each case: a fragment of the page language/errors/, and what the print page (at print_page/) makes of it.
REWRITES = [
    ('<h2 id="wrap">Wrap</h2>', '<h2 id="language-errors-wrap">Wrap</h2>'),
    ('<a href="#wrap">up</a>', '<a href="#language-errors-wrap">up</a>'),
    ('<a href="../">Language</a>', '<a href="#language">Language</a>'),
    ('<a href="../../#start">Start</a>', '<a href="#index-start">Start</a>'),
    ('<a href="../../data/tools.csv">CSV</a>', '<a href="../data/tools.csv">CSV</a>'),
    ('<img src="../../assets/logo.svg" alt="">', '<img src="../assets/logo.svg" alt="">'),
    ('<a href="https://go.dev/#x">Go</a>', '<a href="https://go.dev/#x">Go</a>'),
    (
        '<input id="__tabbed_1_1" name="__tabbed_1"><label for="__tabbed_1_1">A</label>',
        '<input id="language-errors-__tabbed_1_1" name="language-errors-__tabbed_1"><label for="language-errors-__tabbed_1_1">A</label>',
    ),
    (
        '<svg aria-labelledby="t d"><path marker-end="url(#arrow)"/></svg>',
        '<svg aria-labelledby="language-errors-t language-errors-d"><path marker-end="url(#language-errors-arrow)"/></svg>',
    ),
    ('<p title="a &gt; b">x &lt; y</p>', '<p title="a &gt; b">x &lt; y</p>'),
]


@pytest.mark.parametrize(("content", "expected"), REWRITES)
def test_ids_get_the_page_key_and_references_follow(content: str, expected: str) -> None:
    """Ids, names and labels get the key; in-page, cross-page and file links are rewritten; text and other attributes stay."""
    section = Section(key="language-errors", url="language/errors/", title="Errors", content=content)
    assert print_page.rewrite_section(section, keys=KEYS_BY_URL, print_url="print_page/") == expected


def test_file_links_from_the_offline_edition_stay_relative_to_the_root() -> None:
    """With file URLs (the offline edition) the print page is print_page.html at the root."""
    section = Section(
        key="language-errors",
        url="language/errors.html",
        title="Errors",
        content='<a href="../data/tools.csv">CSV</a><a href="../index.html#s">S</a>',
    )
    keys = {"index.html": "index", "language/errors.html": "language-errors"}
    assert (
        print_page.rewrite_section(section, keys=keys, print_url="print_page.html")
        == '<a href="data/tools.csv">CSV</a><a href="#index-s">S</a>'
    )


def test_contents_list_every_page_and_its_sections() -> None:
    """The contents link each page's section and its second-level headings, escaped."""
    sections = [Section("index", "", "Home", "", (("start", "Start <here>"),)), Section("faq", "faq/", "FAQ", "")]
    soup = BeautifulSoup(print_page.contents(sections), "lxml")
    assert [(a["href"], a.get_text()) for a in soup.select("a")] == [("#index", "Home"), ("#index-start", "Start <here>"), ("#faq", "FAQ")]


LINKED = """## Setup

```go linenums="1"
package main
func main() {}
```

See [the guide's setup](guide.md#setup) and [this setup](#setup).
"""


def _print_page(build) -> BeautifulSoup:
    return BeautifulSoup((build.site / "print_page" / "index.html").read_text(encoding="utf-8"), "lxml")


def test_tiny_site_print_page_has_unique_ids_and_no_broken_link(tmp_path: Path) -> None:
    """Two pages with the same headings and code line anchors: on the print page every id is unique and every link lands."""
    pages = {"index.md": page("Home", LINKED), "guide.md": page("Guide", LINKED.replace("guide.md#setup", "index.md#setup"))}
    build = build_tiny_site(tmp_path, pages, full=True)
    assert build.ok, build.log
    soup = _print_page(build)
    ids = Counter(tag["id"] for tag in soup.select("[id]"))
    assert [name for name, count in ids.items() if count > 1] == []
    wanted = {link["href"][1:] for link in soup.select('article a[href^="#"]') if len(link["href"]) > 1}
    assert {"index-setup", "guide-setup"} <= wanted <= set(ids)
    assert [section["id"] for section in soup.select("section.print-page")] == ["index", "guide"]


def test_print_page_is_rendered_by_the_theme_and_kept_out_of_search(handbook) -> None:
    """The print page has the site's header and stylesheets, a noindex robots tag, and is absent from the sitemap."""
    soup = handbook.html("print_page/index.html")
    assert soup.select_one("header.md-header") is not None
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
    assert soup.select_one('link[href$="assets/stylesheets/print.css"]')["media"] == "print"
    assert "print_page" not in (handbook.site / "sitemap.xml").read_text(encoding="utf-8")


def test_print_stylesheet_is_for_paper_only(handbook) -> None:
    """Ordinary pages load the print stylesheet for print media only, so it never holds up the first paint."""
    home = handbook.html("index.html")
    assert home.select_one('link[href$="assets/stylesheets/print.css"]')["media"] == "print"


def test_logo_has_its_size(handbook) -> None:
    """The header logo states its width and height, so nothing shifts while it loads."""
    logo = handbook.html("index.html").select_one('img[src$="logo.svg"]')
    assert (logo["width"], logo["height"]) == ("24", "24")


def test_no_page_asks_github_for_repository_facts(handbook) -> None:
    """The repository link is plain: without Material's source marker its script never calls api.github.com."""
    for name in ("index.html", "print_page/index.html", "404.html"):
        html = handbook.html(name)
        assert html.select_one("a.md-source") is not None
        assert html.select_one('[data-md-component="source"]') is None


def test_preview_builds_no_print_page(tmp_path: Path) -> None:
    """With `extra.preview` (what overrides/hooks/preview.py sets under `mkdocs serve`), the print page is skipped."""
    build = build_tiny_site(tmp_path, {"index.md": page("Home", "Text.")}, full=True, config={"extra": {"preview": True}})
    assert build.ok, build.log
    assert (build.site / "index.html").is_file() and not (build.site / "print_page").exists()
