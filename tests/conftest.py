"""Shared fixtures: the real handbook and its offline edition are built once per test run and reused."""

from __future__ import annotations

import fcntl
import pickle
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest
from bs4 import BeautifulSoup
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


GO_EXAMPLE_TESTS = Path(__file__).parent / "examples"

Made = TypeVar("Made")


def once_per_run(tmp_path_factory: pytest.TempPathFactory, config: pytest.Config, name: str, make: Callable[[Path], Made]) -> Made:
    """`make(folder)` once per test run, not once per xdist worker: the first worker to ask makes it under a lock, the
    others wait for it and reuse what it returned (pickled beside the folder). What is made there is only read."""
    base = tmp_path_factory.getbasetemp()
    # Under xdist the workers' temporary folders share a parent; without it, the run's own folder is the one.
    root = base.parent if hasattr(config, "workerinput") else base
    made = root / f"{name}.pickle"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not made.exists():
            made.write_bytes(pickle.dumps(make(root / name)))
        return pickle.loads(made.read_bytes())


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The Go examples first: they need no site, so under `--dist loadscope`, which hands out test files in this order,
    one worker checks them while the other builds the handbook that most files wait for."""
    items.sort(key=lambda item: not item.path.is_relative_to(GO_EXAMPLE_TESTS))


@pytest.fixture(scope="session")
def handbook(tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config) -> BuiltSite:
    """The real site, built with --strict exactly as `make build` does."""
    built = once_per_run(tmp_path_factory, pytestconfig, "handbook", lambda folder: build_site(CONFIG, folder / "site"))
    assert built.ok, f"the handbook does not build:\n{built.log}"
    return built


@pytest.fixture(scope="session")
def handbook_pages(handbook: BuiltSite) -> dict[str, BeautifulSoup]:
    """Every page the handbook's build wrote (nav pages, the print page, 404) by its path in the site, parsed once
    per worker for the tests that only read them: a test that changes a tree parses its own page."""
    return {
        page.relative_to(handbook.site).as_posix(): BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for page in sorted(handbook.site.rglob("*.html"))
    }


@pytest.fixture(scope="session")
def handbook_url(handbook: BuiltSite):
    """The built handbook served on 127.0.0.1 under its site_url path, with 404.html for unknown paths."""
    with serve(handbook.site, load_config(str(CONFIG))["site_url"]) as url:
        yield url


@pytest.fixture(scope="session")
def offline_edition(tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config) -> OfflineEdition:
    """The offline edition built once per run through the same code as `make offline`, and unzipped."""
    return once_per_run(tmp_path_factory, pytestconfig, "offline", _offline_edition)


def _offline_edition(root: Path) -> OfflineEdition:
    if not (NODE_MODULES / "iframe-worker" / "shim" / "index.js").is_file():
        # What `make test` installs (its npm set): Lighthouse, make audit's alone, is left out.
        subprocess.run(["npm", "ci", "--omit=optional", "--no-audit", "--no-fund"], cwd=REPO, check=True, timeout=300)
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
