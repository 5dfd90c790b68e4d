"""The handbook as `make check` sees it: its nav and where each page is built, for tests of the real site."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tools.project import CONFIG, load_project

PROJECT = load_project(CONFIG)


def nav_pages() -> list[str]:
    """Every page in the nav, as a path relative to docs/."""
    return list(PROJECT.nav)


def built(pages: dict[str, BeautifulSoup], source: str) -> BeautifulSoup:
    """The built page whose source is `source`, from the pages parsed once per worker (the `handbook_pages` fixture):
    shared by every test that reads it, so none may change it."""
    return pages[PROJECT.built_page(source)]
