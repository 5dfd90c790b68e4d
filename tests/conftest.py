"""Shared fixtures: the real handbook is built once per test session and reused."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config

from tests.support.browser import CHROMIUM_ARGS, serve
from tests.support.sites import REPO, Build, mkdocs_build


@pytest.fixture(scope="session")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built with --strict exactly as `make build` does."""
    build = mkdocs_build(REPO / "mkdocs.yml", tmp_path_factory.mktemp("handbook") / "site")
    assert build.returncode == 0, f"the handbook does not build:\n{build.log}"
    return build


@pytest.fixture(scope="session")
def handbook_url(handbook: Build):
    """The built handbook served on 127.0.0.1 under its site_url path, with 404.html for unknown paths."""
    with serve(handbook.site, load_config(str(REPO / "mkdocs.yml"))["site_url"]) as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium, headless, driven by Playwright; per module, as Playwright runs one sync session at a time."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
