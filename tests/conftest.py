"""Shared fixtures: the real handbook and its offline edition are built once per test session and reused."""

from __future__ import annotations

import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from mkdocs.config import load_config
from playwright.sync_api import sync_playwright

from tests.support.sites import BuiltSite, build_site
from tools import bundle
from tools.project import CONFIG, NODE_MODULES, REPO, launch_chromium, serve


@dataclass(frozen=True)
class OfflineEdition:
    site: Path  # the built site, before zipping
    zip: Path  # the bundle, as `make offline` writes it
    unpacked: Path  # the bundle unzipped, as a reader opens it
    epoch: int  # SOURCE_DATE_EPOCH the build used


@pytest.fixture(scope="session")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real site, built with --strict exactly as `make build` does."""
    built = build_site(CONFIG, tmp_path_factory.mktemp("handbook") / "site")
    assert built.ok, f"the handbook does not build:\n{built.log}"
    return built


@pytest.fixture(scope="session")
def handbook_url(handbook: BuiltSite):
    """The built handbook served on 127.0.0.1 under its site_url path, with 404.html for unknown paths."""
    with serve(handbook.site, load_config(str(CONFIG))["site_url"]) as url:
        yield url


@pytest.fixture(scope="session")
def offline_edition(tmp_path_factory: pytest.TempPathFactory) -> OfflineEdition:
    """The offline edition built once per session through the same code as `make offline`, and unzipped."""
    if not (NODE_MODULES / "iframe-worker" / "shim" / "index.js").is_file():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=REPO, check=True, timeout=300)
    root = tmp_path_factory.mktemp("offline")
    epoch = bundle.source_date_epoch()
    bundle.build_offline_site(root / "site", epoch)
    archive = bundle.bundle(root / "site", root / "dist" / "offline.zip", epoch)
    with zipfile.ZipFile(archive) as unzipped:
        unzipped.extractall(root / "unzipped")
    return OfflineEdition(root / "site", archive, root / "unzipped" / bundle.ROOT, epoch)


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium, headless, driven by Playwright; per module, as Playwright runs one sync session at a time."""
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()
