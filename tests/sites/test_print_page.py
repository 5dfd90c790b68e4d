"""macros/print_page.py: links on the whole-handbook print page reach their targets."""

from __future__ import annotations

import pytest

from macros.print_page import mend_links, on_config, on_env, update_anchor_ids

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
    html = mend_links(PRINT_PAGE)
    assert 'id="guide-__codelineno-0-1" name="guide-__codelineno-0-1"' in html
    assert 'id="faq-__codelineno-0-1"' in html
    assert 'id="guide-row-go"' in html


def test_ids_nobody_links_to_are_kept() -> None:
    """Headings the plugin already renamed and ids used by aria-labelledby stay as they are."""
    html = mend_links(PRINT_PAGE)
    assert 'id="guide-intro"' in html and "guide-guide-intro" not in html
    assert 'id="fig-title"' in html


def test_page_without_broken_links_is_unchanged() -> None:
    """Nothing to mend, nothing changed."""
    page = '<section class="print-page" id="a"><h1 id="a-x"></h1><a href="#a-x"></a></section>'
    assert mend_links(page) == page


# Each case: page HTML, and what update_anchor_ids makes of it with the page key "p".
ANCHOR_CASES = [
    ('<h2 id="intro">Intro</h2>', '<h2 id="p-intro">Intro</h2>'),
    ('<h3 class="x" id="a">A</h3>', '<h3 class="x" id="p-a">A</h3>'),
    ('<sup id="fnref:1"><a href="#fn:1">1</a></sup>', '<sup id="p-fnref:1"><a href="#fn:1">1</a></sup>'),
    ('<li id="fn:1">Note</li>', '<li id="p-fn:1">Note</li>'),
    ('<li class="x">item <span id="s">keep</span></li>', '<li class="x">item <span id="s">keep</span></li>'),
    ('<h2>Title</h2><div id="d"></div>', '<h2>Title</h2><div id="d"></div>'),
    ('<table id="t"><tr><th id="tool-go"></th></tr></table>', '<table id="t"><tr><th id="tool-go"></th></tr></table>'),
]


@pytest.mark.parametrize(("html", "expected"), ANCHOR_CASES)
def test_anchor_ids_are_prefixed_one_tag_at_a_time(html: str, expected: str) -> None:
    """Headings, footnote references and list items get the page key; ids of other tags, even after them, do not."""
    assert update_anchor_ids(html, "p") == expected


def test_print_site_uses_the_one_tag_at_a_time_renaming() -> None:
    """The hook swaps print-site's own, much slower, scanner for update_anchor_ids when the config loads."""
    from mkdocs_print_site_plugin import urls

    on_config(object())
    assert urls.update_anchor_ids is update_anchor_ids


def test_print_assets_load_only_where_they_are_used(handbook) -> None:
    """Ordinary pages skip print-site's CSS and script and load the print stylesheet for print media only."""
    home = handbook.html("index.html")
    print_page = handbook.html("print_page/index.html")
    home_assets = [tag.get("href") or tag.get("src") for tag in home.select("link[rel=stylesheet], script[src]")]
    assert not [asset for asset in home_assets if "print-site" in asset]
    assert home.select_one('link[href$="assets/stylesheets/print.css"]')["media"] == "print"
    assert print_page.select_one('link[href$="css/print-site.css"]') is not None
    assert print_page.select_one('script[src$="js/print-site.js"]') is not None


def test_logo_has_its_size(handbook) -> None:
    """The header logo states its width and height, so nothing shifts while it loads."""
    logo = handbook.html("index.html").select_one('img[src$="logo.svg"]')
    assert (logo["width"], logo["height"]) == ("24", "24")


def test_print_site_renders_with_the_builds_own_environment() -> None:
    """After on_env, the theme hands out the build's environment instead of compiling every template again."""
    from types import SimpleNamespace

    built_env = object()
    theme = SimpleNamespace(get_env=lambda: object())
    config = SimpleNamespace(theme=theme)
    assert on_env(built_env, config=config, files=None) is built_env
    assert theme.get_env() is built_env
