"""The handbook as `make check` sees it: its nav and where each page is built, for tests of the real site."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tools.project import CONFIG, load_project

PROJECT = load_project(CONFIG)


def nav_pages() -> list[str]:
    """Every page in the nav, as a path relative to docs/."""
    return list(PROJECT.nav)


def built(handbook, source: str) -> BeautifulSoup:
    """The built HTML of the page whose source is `source`."""
    return handbook.html(PROJECT.built_page(source))
