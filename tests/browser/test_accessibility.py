"""axe-core (pinned in package.json, served from node_modules) finds no WCAG 2.0/2.1 A/AA violation on any built page, in either palette."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tools.audit import AXE, SCHEMES, axe_context, axe_violations, run_axe

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
    colour_only = False

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
                status, violations = axe_violations(tab, handbook_url + path, self.scheme, colour_only=self.colour_only)
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
    # A palette changes colours alone, so only axe's colour rules (contrast, links told from text by colour) can find
    # here what the light palette's run did not: less than half the work.
    colour_only = True
    # The print page repeats every page, and each is checked in this palette on its own; the light palette checks what
    # the print page adds (its contents, the pages' headings and links as it rewrites them).
    checks_print_page = False


def test_every_palette_has_its_class() -> None:
    """A palette added to make audit's list is checked here too."""
    assert sorted(cls.scheme for cls in AxeOnEveryPage.__subclasses__()) == sorted(SCHEMES)


# A dark palette's text and link colours that fail contrast on its background, which the colour rules must find, and an
# image without a text alternative, which is no colour's fault.
LOW_CONTRAST = """<!doctype html><html lang="en"><title>t</title><body style="background:#1e2129">
<main><p style="color:#3c4150">Barely there text, <a href="#x" style="color:#3c4150">a link</a>.</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20"></main></body></html>"""


@pytest.mark.parametrize("colour_only", [False, True], ids=["all-rules", "colour-rules"])
def test_the_colour_rules_find_text_that_a_dark_palette_hides(chromium, colour_only: bool) -> None:
    """Low-contrast text is a colour-contrast violation whether axe runs every rule or only its colour rules; an image
    without alt text is found by every rule, not by the colour rules alone."""
    page = chromium.new_page()
    try:
        page.set_content(LOW_CONTRAST)
        page.add_script_tag(path=str(AXE))
        found = {violation["id"] for violation in run_axe(page, "fixture", colour_only=colour_only)}
    finally:
        page.close()
    assert "color-contrast" in found
    assert ("image-alt" in found) is not colour_only
