"""axe-core (pinned in package.json, served from node_modules) finds no WCAG 2.0/2.1 A/AA violation on any built page, in either palette."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tools.audit import SCHEMES, axe_context, axe_violations

pytestmark = pytest.mark.browser

# The 404 page is reached the way a reader reaches it: by a path that does not exist.
MISSING = "no-such-page/"
PRINT_PAGE = "print_page/"


def site_paths(site: Path) -> list[str]:
    """Every page the build wrote, as the path a reader opens (the 404 page through a missing path)."""
    paths = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        if relative == "404.html":
            paths.append(MISSING)
        else:
            paths.append(relative.removesuffix("index.html"))
    return paths


def describe(path: str, violations: list[dict]) -> list[str]:
    lines = []
    for violation in violations:
        lines.append(f"/{path}: {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['failureSummary'].splitlines()[-1].strip()}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    ... and {len(violation['nodes']) - 5} more")
    return lines


class AxeOnEveryPage:
    """Zero axe violations for WCAG 2.0/2.1 A and AA on every built page, in one palette.

    One class per palette: `make test` runs with `--dist loadscope`, so the two palettes run side by side, one on each
    worker, instead of one after the other.
    """

    scheme: str
    checks_print_page = True

    def test_axe_finds_no_violations_on_any_page(self, chromium, handbook, handbook_url: str) -> None:
        """Every page, after tables.js has enhanced it; one browser context and one tab reused for every page, through
        make audit's own axe runner (tools/audit.py): the palette is the reader's system preference, which Material follows.
        """
        paths = site_paths(handbook.site)
        assert len(paths) > 20 and MISSING in paths and PRINT_PAGE in paths
        paths = [path for path in paths if self.checks_print_page or path != PRINT_PAGE]
        context = axe_context(chromium, self.scheme)
        tab = context.new_page()
        found: list[str] = []
        start = time.perf_counter()
        try:
            for path in paths:
                status, violations = axe_violations(tab, handbook_url + path, self.scheme)
                assert status == (404 if path == MISSING else 200), path
                found += describe(path, violations)
        finally:
            context.close()
        elapsed = time.perf_counter() - start
        assert not found, f"{self.scheme} palette, {len(paths)} pages checked in {elapsed:.1f} s:\n" + "\n".join(found)


class TestLightPalette(AxeOnEveryPage):
    scheme = "light"


class TestDarkPalette(AxeOnEveryPage):
    scheme = "dark"
    # The print page repeats every page, and each is checked in this palette on its own; the light palette checks what
    # the print page adds (its contents, the pages' headings and links as it rewrites them). A seventh of the run.
    checks_print_page = False


def test_every_palette_has_its_class() -> None:
    """A palette added to make audit's list is checked here too."""
    assert sorted(cls.scheme for cls in AxeOnEveryPage.__subclasses__()) == sorted(SCHEMES)
