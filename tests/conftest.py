"""Shared fixtures: the real handbook is built once per test session and reused."""

from __future__ import annotations

import pytest

from tests.support.sites import REPO, Build, mkdocs_build


@pytest.fixture(scope="session")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built with --strict exactly as `make build` does."""
    build = mkdocs_build(REPO / "mkdocs.yml", tmp_path_factory.mktemp("handbook") / "site")
    assert build.returncode == 0, f"the handbook does not build:\n{build.log}"
    return build
