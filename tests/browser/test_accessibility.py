"""axe-core (pinned in package.json, served from node_modules) finds no WCAG 2.1 A/AA violation on any page type, in either palette."""

from __future__ import annotations

import pytest

from tools.project import REPO

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# One page of each kind the handbook has, relative to the site's root.
PAGES = {
    "home": "",
    "section with the tool table": "practice/",
    "comparison tables": "real-world/comparisons/",
    "company and industry matrices": "real-world/",
    "long article with code": "language/concurrency/",
    "not found": "no-such-page/",
}
# Playwright's emulated system preference -> the scheme Material's palette (which follows the system first) applies.
SCHEMES = {"light": "default", "dark": "slate"}
# Material fades tabs and the header in; contrast is measured on the settled page, not mid-transition.
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:10]:
            lines.append(f"    {' '.join(node['target'])}: {node['failureSummary'].splitlines()[-1].strip()}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    ... and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", PAGES)
def test_axe_finds_no_violations(chromium, handbook_url: str, kind: str, scheme: str) -> None:
    """Zero axe violations for WCAG 2.0/2.1 A and AA, after tables.js has enhanced the page."""
    context = chromium.new_context(color_scheme=scheme)
    context.set_default_timeout(15000)
    page = context.new_page()
    response = page.goto(handbook_url + PAGES[kind])
    assert response.status == (404 if kind == "not found" else 200)
    page.wait_for_function("() => document.body.dataset.mdColorScheme === %r" % SCHEMES[scheme])
    # Tables are checked with their toolbars, sort buttons and live regions in place.
    page.wait_for_function("() => [...document.querySelectorAll('table.gfbs-table')].every(t => t.tBodies[0].rows.length < 2 || t.hasAttribute('data-gfbs-enhanced'))")
    page.add_style_tag(content=NO_MOTION)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    context.close()
    assert not result["violations"], f"{kind} page, {scheme} palette:\n{describe(result['violations'])}"
    assert result["passes"], "axe ran no checks"
