"""macros/print_page.py: links on the whole-handbook print page reach their targets."""

from __future__ import annotations

from macros.print_page import mend_links

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
