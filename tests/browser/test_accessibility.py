"""axe-core (pinned in package.json, served from node_modules) finds no WCAG 2.0/2.1 A/AA violation on any built page, in either palette."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tools.project import NODE_MODULES

pytestmark = pytest.mark.browser

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Only violations are reported in full: listing every passing node costs more than the checks themselves.
RUN_AXE = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
# Playwright's emulated system preference -> the scheme Material's palette (which follows the system first) applies.
SCHEMES = {"light": "default", "dark": "slate"}
# Material fades tabs and the header in; contrast is measured on the settled page, not mid-transition.
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"
# Tables are checked with their toolbars, sort buttons and live regions in place.
TABLES_READY = "() => [...document.querySelectorAll('table.gfbs-table')].every(t => t.tBodies[0].rows.length < 2 || t.hasAttribute('data-gfbs-enhanced'))"
# The 404 page is reached the way a reader reaches it: by a path that does not exist.
MISSING = "no-such-page/"


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


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violations_on_any_page(chromium, handbook, handbook_url: str, scheme: str) -> None:
    """Zero axe violations for WCAG 2.0/2.1 A and AA on every built page, after tables.js has enhanced it.

    One browser context per palette and one tab reused for every page: the palette is the reader's system
    preference, which Material follows; axe is injected once per page load. The time taken is in the failure message.
    """
    paths = site_paths(handbook.site)
    assert len(paths) > 20 and MISSING in paths and "print_page/" in paths
    context = chromium.new_context(color_scheme=scheme)
    context.set_default_timeout(15000)
    # The browser runs axe's source at the start of every page load, so no test round-trip sends it again.
    context.add_init_script(path=str(AXE))
    tab = context.new_page()
    found: list[str] = []
    checked = 0
    start = time.perf_counter()
    try:
        for path in paths:
            # Stylesheets block scripts, so at DOMContentLoaded the page is styled; images do not change contrast.
            response = tab.goto(handbook_url + path, wait_until="domcontentloaded")
            assert response.status == (404 if path == MISSING else 200), path
            tab.wait_for_function("scheme => document.body.dataset.mdColorScheme === scheme", arg=SCHEMES[scheme])
            tab.wait_for_function(TABLES_READY)
            tab.add_style_tag(content=NO_MOTION)
            result = tab.evaluate(RUN_AXE, WCAG_TAGS)
            assert result["passes"], f"/{path}: axe ran no checks"
            checked += 1
            found += describe(path, result["violations"])
    finally:
        context.close()
    elapsed = time.perf_counter() - start
    assert not found, f"{scheme} palette, {checked} pages checked in {elapsed:.1f} s:\n" + "\n".join(found)
