"""The HTML our templates, macros and hooks write is valid where it matters to readers: ids and leaked attributes."""

from __future__ import annotations

from collections import Counter

import pytest
from bs4 import BeautifulSoup


@pytest.fixture(scope="module")
def pages(handbook) -> dict[str, BeautifulSoup]:
    """Every page the build wrote (nav pages, the print page, 404), parsed once for this module."""
    return {
        page.relative_to(handbook.site).as_posix(): BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for page in sorted(handbook.site.rglob("*.html"))
    }


def test_ids_are_unique_on_every_page(pages) -> None:
    """No page repeats an id: a link to #id would land on whichever element comes first."""
    assert len(pages) > 20 and "404.html" in pages and "print_page/index.html" in pages
    repeated = []
    for name, soup in pages.items():
        counts = Counter(element["id"] for element in soup.select("[id]"))
        repeated += [f"{name}: id={element_id!r} {count} times" for element_id, count in sorted(counts.items()) if count > 1]
    assert not repeated, "\n".join(repeated)


def test_no_markdown_attribute_reaches_the_built_html(pages) -> None:
    """md_in_html's `markdown=` switch is for the Markdown processor, never for the reader's browser."""
    leaked = [
        f"{name}: <{element.name} markdown={element['markdown']!r}>"
        for name, soup in pages.items()
        for element in soup.find_all(attrs={"markdown": True})
    ]
    assert not leaked, "\n".join(leaked)
