"""Audits the built handbook in Chromium (`make audit`): accessibility, Lighthouse scores and page weight.

    python -m tools.audit [--preset mobile|desktop] [--site SITE_DIR]

Builds the site strictly (unless --site names a built one), serves it on
127.0.0.1 with gzip like a real host, then for each page type runs axe-core
(WCAG 2.1 A and AA) in the light and the dark palette, Lighthouse
(performance, accessibility, best practices, SEO), and measures what the
first view of the home page and of a diagram page transfers. It prints one
table with every target and exits 1 if any target is missed. axe-core and
Lighthouse come from node_modules (pinned in package.json); the browser is
CHROME_PATH, Debian's /usr/bin/chromium by default.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import socket
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tools.project import CHROMIUM, CHROMIUM_ARGS, CONFIG, NODE_MODULES, REPO, launch_chromium, serve, strict_build

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"

# One page of each kind; the 404 page is fetched by name so that Lighthouse sees a 200 and scores its content.
PAGES = {
    "home": "",
    "comparison": "real-world/comparisons/",
    "long article": "language/concurrency/",
    "404": "404.html",
}
# First-view budgets in bytes as transferred (gzip): the home page, and a page with diagrams.
WEIGHT_BUDGETS = {"home": 100 * 1024, "long article": 200 * 1024}
# What counts as the first view: the page and what it needs to draw and run, not data fetched for search.
FIRST_VIEW_TYPES = ("document", "stylesheet", "script", "font")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Text formats worth compressing, as a static host such as GitHub Pages does.

log = logging.getLogger("mkdocs.plugins.gfbs")


# -- Targets and the report ------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    """One measured value against its target; `floor` is the worst value still accepted."""

    what: str
    page: str
    value: float
    target: float
    floor: float
    unit: str = ""
    higher_is_better: bool = False

    def _meets(self, limit: float) -> bool:
        return self.value >= limit if self.higher_is_better else self.value <= limit

    @property
    def status(self) -> str:
        if self._meets(self.target):
            return "ok"
        return "near" if self._meets(self.floor) else "MISSED"


def axe_check(page: str, palette: str, violations: list[dict]) -> Check:
    return Check(f"axe violations ({palette})", page, len(violations), 0, 0)


def lighthouse_checks(page: str, reports: list[dict]) -> list[Check]:
    """Each category's median score over the runs, as 0-100: target 100, never below 98."""
    return [
        Check(
            f"Lighthouse {category}",
            page,
            round(statistics.median((report["categories"][category]["score"] or 0) * 100 for report in reports)),
            100,
            98,
            higher_is_better=True,
        )
        for category in LIGHTHOUSE_CATEGORIES
    ]


def weight_check(page: str, transferred: int, budget: int) -> Check:
    return Check("first view transfer", page, transferred, budget, budget, unit="bytes")


def _shown(value: float, unit: str) -> str:
    return f"{value / 1024:.1f} KiB" if unit == "bytes" else f"{value:g}"


def format_report(checks: list[Check], notes: list[str] = ()) -> str:
    """A plain-text table: page, check, value, target, status; then the notes."""
    rows = [("page", "check", "value", "target", "status")]
    for check in checks:
        target = _shown(check.target, check.unit)
        if check.floor != check.target:
            target += f" (>= {_shown(check.floor, check.unit)})" if check.higher_is_better else f" (<= {_shown(check.floor, check.unit)})"
        rows.append((check.page, check.what, _shown(check.value, check.unit), target, check.status))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    missed = sum(check.status == "MISSED" for check in checks)
    lines.append("")
    lines.extend(notes)
    lines.append(f"{len(checks)} checks, {missed} missed" if missed else f"{len(checks)} checks, every target met or within its floor")
    return "\n".join(lines)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# -- Measuring in Chromium ------------------------------------------------------------------


def build(site: Path, site_url: str) -> None:
    """Strict build of mkdocs.yml into `site`, with URLs (canonical, 404 links) for where it is served."""
    result = strict_build(CONFIG, site, site_url=site_url)
    if not result.ok:
        raise RuntimeError(f"the site does not build:\n{result.log}")


def run_axe(browser, url: str, palette: str) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations on `url` with the system palette set to light or dark."""
    context = browser.new_context(color_scheme=palette)
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        scheme = page.get_attribute("body", "data-md-color-scheme")
        expected = "slate" if palette == "dark" else "default"
        if scheme != expected:
            raise RuntimeError(f"{url}: expected the {expected} scheme in {palette} mode, got {scheme}")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
        return result["violations"]
    finally:
        context.close()


def first_view_bytes(browser, url: str) -> tuple[int, int]:
    """Bytes transferred for a fresh load: (HTML + CSS + JS + fonts, everything else)."""
    context = browser.new_context()
    sizes = {"first": 0, "other": 0}

    def count(request) -> None:
        response = request.response()
        transferred = request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"] if response else 0
        sizes["first" if request.resource_type in FIRST_VIEW_TYPES else "other"] += transferred

    try:
        page = context.new_page()
        page.on("requestfinished", count)
        page.goto(url, wait_until="networkidle")
    finally:
        context.close()
    return sizes["first"], sizes["other"]


def run_lighthouse(url: str, preset: str) -> dict:
    """Lighthouse's JSON report for `url`; `preset` is mobile (Lighthouse's default) or desktop."""
    command = [
        "node", str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
        f"--chrome-flags=--headless=new {' '.join(CHROMIUM_ARGS)}",
        f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    result = subprocess.run(command, cwd=REPO, env=os.environ | {"CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stderr}")
    return json.loads(result.stdout)


def audit(base: str, preset: str, runs: int) -> tuple[list[Check], list[str]]:
    """Every check on the site served at `base`, and notes naming what was violated."""
    from playwright.sync_api import sync_playwright

    checks: list[Check] = []
    notes = [f"Lighthouse: {preset} preset, median of {runs} run(s); pages served from {base} with gzip; the 404 page is audited at /404.html"]
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            for name, path in PAGES.items():
                for palette in ("light", "dark"):
                    violations = run_axe(browser, base + path, palette)
                    checks.append(axe_check(name, palette, violations))
                    notes += [f"axe {name} ({palette}): {v['id']} ({v['impact']}) on {len(v['nodes'])} element(s): {v['help']}" for v in violations]
            for name, budget in WEIGHT_BUDGETS.items():
                first, other = first_view_bytes(browser, base + PAGES[name])
                checks.append(weight_check(name, first, budget))
                notes.append(f"{name}: {first / 1024:.1f} KiB first view; {other / 1024:.1f} KiB more fetched after it (search index, sitemap, icons)")
        finally:
            browser.close()
    for name, path in PAGES.items():
        reports = [run_lighthouse(base + path, preset) for _ in range(runs)]
        checks += lighthouse_checks(name, reports)
        report = reports[0]
        weight = report["audits"]["total-byte-weight"]["numericValue"]
        notes.append(f"Lighthouse {name}: total byte weight {weight / 1024:.1f} KiB (first run, as are the findings below)")
        for audit_id, result in report["audits"].items():
            if result.get("score") is not None and result["score"] < 1 and result.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings"):
                notes.append(f"Lighthouse {name}: {audit_id}: {result.get('displayValue') or result['title']}")
    return checks, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.audit", description=__doc__.splitlines()[0])
    parser.add_argument("--preset", choices=("mobile", "desktop"), default="desktop", help="Lighthouse's device and throttling (default: desktop)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page; scores are the median (default: 3)")
    parser.add_argument("--site", type=Path, help="an already built site, served at the root (default: build one)")
    args = parser.parse_args(argv)
    for tool in (AXE, LIGHTHOUSE):
        if not tool.is_file():
            parser.error(f"{tool.relative_to(REPO)} is missing: run `npm ci` (or any make target that needs it)")
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="gfbs-audit-") as scratch:
        site = args.site
        if site is None:
            site = Path(scratch) / "site"
            build(site, f"http://127.0.0.1:{port}/")
        with serve(site, port=port) as base:
            checks, notes = audit(base, args.preset, args.runs)
    print(format_report(checks, notes))
    return 1 if any(check.status == "MISSED" for check in checks) else 0


if __name__ == "__main__":
    sys.exit(main())
