"""overrides/hooks/print_page.py: print-site's assets stay on its page, and links on that page reach their targets."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.hooks import load_hook
from tests.support.sites import build_tiny_site, page

print_page = load_hook("print_page")

PRINT_PAGE = (
    '<div id="print-site-page">'
    '<section class="print-page" id="guide"><h1 id="guide-intro">Intro</h1>'
    '<a id="__codelineno-0-1" name="__codelineno-0-1" href="#guide-__codelineno-0-1"></a>'
    '<tr id="row-go"></tr><a href="#guide-intro">up</a><svg aria-labelledby="fig-title"><title id="fig-title">t</title></svg></section>'
    '<section class="print-page" id="faq"><a id="__codelineno-0-1" href="#faq-__codelineno-0-1"></a>'
    '<a href="#guide-row-go">the Go row</a></section></div>'
)


def test_link_targets_get_their_page_key() -> None:
    """An id that a link wants with its page's key in front is renamed, in its own page's section only."""
    html = print_page.mend_links(PRINT_PAGE)
    assert 'id="guide-__codelineno-0-1" name="guide-__codelineno-0-1"' in html
    assert 'id="faq-__codelineno-0-1"' in html
    assert 'id="guide-row-go"' in html


def test_ids_nobody_links_to_are_kept() -> None:
    """Headings the plugin already renamed and ids used by aria-labelledby stay as they are."""
    html = print_page.mend_links(PRINT_PAGE)
    assert 'id="guide-intro"' in html and "guide-guide-intro" not in html
    assert 'id="fig-title"' in html


def test_page_without_broken_links_is_unchanged() -> None:
    """Nothing to mend, nothing changed."""
    html = '<section class="print-page" id="a"><h1 id="a-x"></h1><a href="#a-x"></a></section>'
    assert print_page.mend_links(html) == html


# Each case: an asset path print-site adds, and whether the hook takes it off the site-wide lists.
ASSETS = [
    ("css/print-site.css", True),
    ("css/print-site-material.css", True),
    ("js/print-site.js", True),
    ("assets/stylesheets/print.css", False),
    ("assets/javascripts/tables.js", False),
]


@pytest.mark.parametrize(("path", "removed"), ASSETS)
def test_only_print_sites_own_assets_leave_the_site_wide_lists(path: str, removed: bool) -> None:
    """print-site's files go; the handbook's own print stylesheet and scripts stay."""
    assert (print_page.without_print_site_assets([path]) == []) is removed


# Line numbers that link to themselves, as the handbook's code blocks have.
LINKED_CODE = """```go linenums="1"
package main
func main() {}
```
"""


def _print_page_links(build) -> tuple[set[str], set[str]]:
    soup = BeautifulSoup((build.site / "print_page" / "index.html").read_text(encoding="utf-8"), "lxml")
    wanted = {link["href"][1:] for link in soup.select('a[href^="#"]') if len(link["href"]) > 1}
    return wanted, {tag["id"] for tag in soup.select("[id]")}


def test_print_site_still_leaves_code_line_links_broken(tmp_path: Path) -> None:
    """Upstream check: without the hook, print-site 2.9 still breaks the self-links of code lines on its page.

    When this fails, print-site has fixed it: drop mend_links and report nothing upstream.
    """
    pages = {"index.md": page("Home", "Text."), "guide.md": page("Guide", LINKED_CODE)}
    hooks = ["overrides/hooks/revision_dates.py"]
    build = build_tiny_site(tmp_path, pages, full=True, config={"hooks": hooks, "markdown_extensions": _extensions_with_linenums()})
    assert build.ok, build.log
    wanted, ids = _print_page_links(build)
    assert "guide-__codelineno-0-2" in wanted and "guide-__codelineno-0-2" not in ids


def test_hook_mends_the_code_line_links(tmp_path: Path) -> None:
    """With the hook, every in-page link on the print page has its target."""
    pages = {"index.md": page("Home", "Text."), "guide.md": page("Guide", LINKED_CODE)}
    build = build_tiny_site(tmp_path, pages, full=True, config={"markdown_extensions": _extensions_with_linenums()})
    assert build.ok, build.log
    wanted, ids = _print_page_links(build)
    assert "guide-__codelineno-0-2" in wanted and wanted <= ids


def _extensions_with_linenums() -> list:
    """The handbook's Markdown extensions minus snippets' project paths, with line anchors on code blocks."""
    return [
        "attr_list",
        "md_in_html",
        {"toc": {"permalink": True}},
        {"pymdownx.highlight": {"anchor_linenums": True}},
        "pymdownx.superfences",
    ]


def test_print_assets_load_only_where_they_are_used(handbook) -> None:
    """Ordinary pages skip print-site's CSS and script and load the print stylesheet for print media only."""
    home = handbook.html("index.html")
    whole = handbook.html("print_page/index.html")
    home_assets = [tag.get("href") or tag.get("src") for tag in home.select("link[rel=stylesheet], script[src]")]
    assert not [asset for asset in home_assets if "print-site" in asset]
    assert home.select_one('link[href$="assets/stylesheets/print.css"]')["media"] == "print"
    assert whole.select_one('link[href$="css/print-site.css"]') is not None
    assert whole.select_one('script[src$="js/print-site.js"]') is not None


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
