"""Audits the built handbook in Chromium (`make audit`): accessibility, Lighthouse scores and page weight.

    python -m tools.audit [--preset mobile|desktop] [--site SITE_DIR]

Builds the site strictly (unless --site names a built one) and, in the same
run, a plain Material build of the same pages (see plain_material()); serves
both (plain Material twice) on 127.0.0.1 with gzip like a real host. For each
page type it runs axe-core (WCAG 2.1 A and AA) in the light and the dark
palette, Lighthouse (performance, accessibility, best practices, SEO) on ours
and (performance) on plain Material and on a control (plain Material again,
from a second server: how much the scores stray with nothing changed), in
rounds whose order turns, so machine load hits all three alike; and it
measures what the first view of the home page and of a diagram page transfers. It
prints ours and plain Material side by side (performance score, layout shift,
bytes) and one table with every target, and exits 1 if any target is missed.
axe-core and Lighthouse come from node_modules (pinned in package.json); the
browser is CHROME_PATH, Debian's /usr/bin/chromium-headless-shell by default.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Request, ViewportSize

from tools.project import (
    CHROMIUM,
    CHROMIUM_ARGS,
    CONFIG,
    NODE_MODULES,
    REPO,
    config_as_written,
    free_port,
    launch_chromium,
    serve,
    strict_build,
)

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"

# One page of each kind; the 404 page is fetched by name so that Lighthouse sees a 200 and scores its content.
PAGES = {
    "home": "",
    "comparison": "real-world/comparisons/",
    "long article": "language/concurrency/",
    "404": "404.html",
}
# Page types with nothing generated (no table, no diagram): there our page may send at most EXTRA_BYTES_BUDGET more
# than plain Material. The long article's two inline SVG diagrams (and their CSS) are content that plain Material,
# without the macros, does not render at all: its difference is shown side by side but not held to the budget.
PAGES_WITHOUT_TABLES = ("home", "404")
EXTRA_BYTES_BUDGET = 2 * 1024
# First-view budgets in bytes as transferred (gzip): the home page, and a page with diagrams.
WEIGHT_BUDGETS = {"home": 100 * 1024, "long article": 200 * 1024}
# What counts as the first view: the page and what it needs to draw and run, not data fetched for search.
FIRST_VIEW_TYPES = ("document", "stylesheet", "script", "font")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Lighthouse's resource types that make up the first view, as FIRST_VIEW_TYPES does for Playwright.
LIGHTHOUSE_FIRST_VIEW = ("Document", "Stylesheet", "Script", "Font")


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


def lighthouse_checks(page: str, reports: list[dict], *, categories: tuple[str, ...] = LIGHTHOUSE_CATEGORIES) -> list[Check]:
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
        for category in categories
    ]


@dataclass(frozen=True)
class Measure:
    """What one page type costs a reader under Lighthouse: performance score (0-100), layout shift and bytes."""

    performance: float
    cls: float
    first_view: int  # bytes transferred for the document, stylesheets, scripts and fonts
    total: int  # every byte transferred while loading

    @classmethod
    def from_report(cls, report: dict) -> Measure:
        audits = report["audits"]
        requests = audits["network-requests"]["details"]["items"]
        return cls(
            performance=round((report["categories"]["performance"]["score"] or 0) * 100),
            cls=round(audits["cumulative-layout-shift"]["numericValue"], 3),
            first_view=sum(int(item.get("transferSize") or 0) for item in requests if item.get("resourceType") in LIGHTHOUSE_FIRST_VIEW),
            total=int(audits["total-byte-weight"]["numericValue"]),
        )

    @classmethod
    def median(cls, reports: list[dict]) -> Measure:
        """Each field's median over the runs (so one slow run does not decide)."""
        runs = [cls.from_report(report) for report in reports]
        return cls(*(statistics.median(getattr(run, name) for run in runs) for name in ("performance", "cls", "first_view", "total")))


def comparison_checks(
    page: str, ours: Measure, plain: Measure, performance_differences: list[float], control_differences: list[float]
) -> list[Check]:
    """No layout shift; a performance score at least plain Material's; on pages without tables, few extra bytes.

    The score is judged on the median of `performance_differences`, ours minus plain Material's in each round of runs:
    a round runs under one load, where the two medians may come from runs minutes apart on a busy machine. How far
    such a median strays where nothing differs is measured in the same rounds: `control_differences` is a second
    server of plain Material minus plain Material. A shortfall within that stray is "near"; beyond it, missed.
    """
    stray = median_stray(control_differences)
    checks = [
        Check("layout shift (CLS)", page, ours.cls, 0, 0),
        Check(
            "performance minus plain Material's (median of rounds)",
            page,
            statistics.median(performance_differences),
            0,
            -stray,
            higher_is_better=True,
        ),
    ]
    if page in PAGES_WITHOUT_TABLES:
        checks.append(
            Check(
                "first view bytes over plain Material",
                page,
                ours.first_view - plain.first_view,
                EXTRA_BYTES_BUDGET,
                EXTRA_BYTES_BUDGET,
                unit="bytes",
            )
        )
    return checks


def median_stray(differences: list[float]) -> float:
    """How far the median of `differences`, run-to-run differences where nothing differs, may stray from 0 by chance:
    two standard errors of a median, from the differences' spread (1.4826 x their median absolute deviation estimates
    the standard deviation robustly; the median's standard error is 1.2533 x that / sqrt(n))."""
    centre = statistics.median(differences)
    deviation = 1.4826 * statistics.median(abs(difference - centre) for difference in differences)
    return round(2 * 1.2533 * deviation / math.sqrt(len(differences)), 1)


def runs_note(page: str, runs: dict[str, list[dict]]) -> str:
    """Each run's performance score per build, in the order of the rounds: the spread behind the medians."""
    scores = "; ".join(
        f"{who} {' '.join(f'{Measure.from_report(report).performance:g}' for report in reports)}" for who, reports in runs.items()
    )
    return f"Lighthouse {page}: performance per run, {scores}"


def score_differences(mine: list[dict], theirs: list[dict]) -> list[float]:
    """The performance score of each of `mine` minus that of `theirs` run in the same round."""
    return [Measure.from_report(a).performance - Measure.from_report(b).performance for a, b in zip(mine, theirs, strict=True)]


def round_order(builds: list[str], round_number: int) -> list[str]:
    """The order the builds run in, in round `round_number`: turned by one each round, so that each build runs in each
    place equally often (a run can leave the machine busier, or its caches warmer, for the next one)."""
    turn = round_number % len(builds)
    return builds[turn:] + builds[:turn]


def format_comparison(measures: dict[str, tuple[Measure, Measure]], preset: str) -> str:
    """Ours and plain Material side by side per page type, with the difference."""
    rows = [("page", "measure", "ours", "plain Material", "difference")]
    for page, (ours, plain) in measures.items():
        for label, field, unit in (
            (f"performance ({preset})", "performance", ""),
            ("layout shift (CLS)", "cls", ""),
            ("first view transfer", "first_view", "bytes"),
            ("total transfer", "total", "bytes"),
        ):
            mine, theirs = getattr(ours, field), getattr(plain, field)
            difference = mine - theirs
            shown = f"{difference / 1024:+.1f} KiB" if unit == "bytes" else f"{difference:+g}"
            rows.append((page, label, _shown(mine, unit), _shown(theirs, unit), shown))
    return "\n".join(_columns(rows))


def weight_check(page: str, transferred: int, budget: int) -> Check:
    return Check("first view transfer", page, transferred, budget, budget, unit="bytes")


def _columns(rows: Sequence[tuple[str, ...]]) -> list[str]:
    """Rows as aligned plain-text columns, the first row a header underlined with dashes."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return lines


def _shown(value: float, unit: str) -> str:
    return f"{value / 1024:.1f} KiB" if unit == "bytes" else f"{value:g}"


def format_report(checks: list[Check], notes: Sequence[str] = ()) -> str:
    """A plain-text table: page, check, value, target, status; then the notes."""
    rows = [("page", "check", "value", "target", "status")]
    for check in checks:
        target = _shown(check.target, check.unit)
        if check.floor != check.target:
            target += f" (>= {_shown(check.floor, check.unit)})" if check.higher_is_better else f" (<= {_shown(check.floor, check.unit)})"
        rows.append((check.page, check.what, _shown(check.value, check.unit), target, check.status))
    lines = _columns(rows)
    missed = sum(check.status == "MISSED" for check in checks)
    lines.append("")
    lines.extend(notes)
    lines.append(f"{len(checks)} checks, {missed} missed" if missed else f"{len(checks)} checks, every target met or within its floor")
    return "\n".join(lines)


# -- Measuring in Chromium ------------------------------------------------------------------


def plain_material() -> dict[str, object]:
    """The mkdocs.yml keys a plain Material build of the same pages replaces.

    The same pages means the same content: the macros still write the tables and figures, so both builds carry the
    same rows and diagrams. Everything else of ours is left out: hooks, theme overrides, our stylesheets and scripts.
    What is measured is what our pages add to what Material alone would send with that content.
    """
    settings = config_as_written()
    theme = dict(settings["theme"])
    theme.pop("custom_dir", None)
    # mkdocs.yml writes its plugins as a mapping from each name to its options.
    content = {name: options for name, options in settings["plugins"].items() if name in ("search", "macros")}
    return {"plugins": content, "hooks": [], "theme": theme, "extra_css": [], "extra_javascript": []}


def build(site: Path, site_url: str, **overrides: Any) -> None:
    """Strict build of mkdocs.yml into `site`, with URLs (canonical, 404 links) for where it is served."""
    result = strict_build(CONFIG, site, site_url=site_url, **overrides)
    if not result.ok:
        raise RuntimeError(f"the site does not build:\n{result.log}")


# axe reports only violations in full: listing every passing node costs more than the checks themselves.
_RUN_AXE = (
    "([tags, rules, skipped]) => axe.run(skipped ? {exclude: [[skipped]]} : document,"
    " {runOnly: rules ? {type: 'rule', values: rules} : {type: 'tag', values: tags}, resultTypes: ['violations']})"
)
# The WCAG 2.0/2.1 A/AA rules in axe's colour category (text contrast, and links told from text by colour alone) when
# `colour` is true, every other one when it is false.
_RULES_BY_COLOUR = (
    "([tags, colour]) => axe.getRules(tags).filter(rule => rule.tags.includes('cat.color') === colour).map(rule => rule.ruleId)"
)
# The reader's system preference -> the scheme Material's palette (which follows the system first) applies.
Palette = Literal["light", "dark"]
SCHEMES: dict[Palette, str] = {"light": "default", "dark": "slate"}
# Material fades tabs and the header in; contrast is measured on the settled page, not mid-transition.
_NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"
# Tables are checked with their toolbars, sort buttons and live regions in place; tables.js leaves alone the small
# tables the build wrote without sort indicators (macros/render/html.py).
_TABLES_READY = "() => [...document.querySelectorAll('table.gfbs-table')].every(t => !t.tHead.querySelector('.gfbs-sort__icon') || t.hasAttribute('data-gfbs-enhanced'))"


def axe_context(browser: Browser, palette: Palette, *, viewport: ViewportSize | None = None) -> BrowserContext:
    """A browser context whose system preference is `palette` (light or dark), with axe-core loaded into every page;
    Playwright's default window unless `viewport` says otherwise."""
    # viewport=None would mean no viewport at all, so the default is left to Playwright unless one is given.
    context = browser.new_context(color_scheme=palette, viewport=viewport) if viewport else browser.new_context(color_scheme=palette)
    context.set_default_timeout(15000)
    context.add_init_script(path=str(AXE))
    return context


def axe_violations(
    tab: Page, url: str, palette: Palette, *, colour_only: bool = False, colour_skips: str | None = None
) -> tuple[int, list[dict]]:
    """Open `url` in a tab of axe_context(palette); return the HTTP status and axe's WCAG 2.0/2.1 A/AA violations.

    The checks run once Material shows the palette the system asked for and tables.js has enhanced the tables.
    `colour_only` runs only the colour rules: enough for a second palette, since a palette changes colours alone.
    `colour_skips` (a CSS selector) keeps the colour rules out of what it selects; the other rules check it all.
    """
    response = tab.goto(url, wait_until="domcontentloaded")
    if response is None:  # goto answers None only for a same-document navigation, which a fresh tab never makes
        raise RuntimeError(f"{url}: no response")
    tab.wait_for_function("scheme => document.body.dataset.mdColorScheme === scheme", arg=SCHEMES[palette])
    tab.wait_for_function(_TABLES_READY)
    tab.add_style_tag(content=_NO_MOTION)
    return response.status, run_axe(tab, url, colour_only=colour_only, colour_skips=colour_skips)


def run_axe(tab: Page, where: str, *, colour_only: bool = False, colour_skips: str | None = None) -> list[dict]:
    """axe's WCAG 2.0/2.1 A/AA violations on the page in `tab` as it stands: all rules, or the colour rules alone; with
    `colour_skips`, the colour rules leave out the elements that selector matches (a second run of axe)."""
    # Each run: the rules (None for every rule) and the selector they skip.
    runs: list[tuple[list[str] | None, str | None]] = [(None, None)]
    if colour_only or colour_skips:
        runs = [(tab.evaluate(_RULES_BY_COLOUR, [AXE_TAGS, True]), colour_skips)]
        if not colour_only:
            runs.append((tab.evaluate(_RULES_BY_COLOUR, [AXE_TAGS, False]), None))
    violations: list[dict] = []
    passed = False
    for rules, skipped in runs:
        result = tab.evaluate(_RUN_AXE, [AXE_TAGS, rules, skipped])
        passed = passed or bool(result["passes"])
        violations += result["violations"]
    if not passed:
        raise RuntimeError(f"{where}: axe ran no checks")
    return violations


def first_view_bytes(browser: Browser, url: str) -> tuple[int, int]:
    """Bytes transferred for a fresh load: (HTML + CSS + JS + fonts, everything else)."""
    context = browser.new_context()
    sizes = {"first": 0, "other": 0}

    def count(request: Request) -> None:
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
        "node",
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--chrome-flags=--headless=new {' '.join(CHROMIUM_ARGS)}",
        f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    result = subprocess.run(command, cwd=REPO, env=os.environ | {"CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stderr}")
    report: dict = json.loads(result.stdout)
    return report


def audit(bases: dict[str, str], preset: str, runs: int) -> tuple[list[Check], list[str], dict[str, tuple[Measure, Measure]]]:
    """Every check on our site against plain Material, notes naming what was violated, and per page type the two
    measures side by side. `bases` are the URLs of ours, plain Material and plain Material's control, in that order."""
    base, plain_base, control_base = bases.values()
    from playwright.sync_api import sync_playwright

    checks: list[Check] = []
    notes = [
        f"Lighthouse: {preset} preset, median of {runs} run(s), ours, plain Material and its control in rounds, each round in a"
        f" turned order; pages served from {base} (plain Material from {plain_base}, the control from {control_base}) with"
        " gzip; the 404 page is audited at /404.html"
    ]
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            for palette in SCHEMES:
                context = axe_context(browser, palette)
                tab = context.new_page()
                for name, path in PAGES.items():
                    _, violations = axe_violations(tab, base + path, palette)
                    checks.append(axe_check(name, palette, violations))
                    notes += [
                        f"axe {name} ({palette}): {v['id']} ({v['impact']}) on {len(v['nodes'])} element(s): {v['help']}"
                        for v in violations
                    ]
                context.close()
            for name, budget in WEIGHT_BUDGETS.items():
                first, other = first_view_bytes(browser, base + PAGES[name])
                checks.append(weight_check(name, first, budget))
                notes.append(
                    f"{name}: {first / 1024:.1f} KiB first view; {other / 1024:.1f} KiB more fetched after it (search index, sitemap, icons)"
                )
        finally:
            browser.close()
    # Phone scores depend on simulated throttling and this machine; the target there is plain Material's score.
    categories = LIGHTHOUSE_CATEGORIES if preset == "desktop" else tuple(c for c in LIGHTHOUSE_CATEGORIES if c != "performance")
    measures: dict[str, tuple[Measure, Measure]] = {}
    for name, path in PAGES.items():
        runs_by_build: dict[str, list[dict]] = {who: [] for who in bases}
        for round_number in range(runs):
            for who in round_order(list(bases), round_number):
                runs_by_build[who].append(run_lighthouse(bases[who] + path, preset))
        ours, plain, control = runs_by_build.values()
        checks += lighthouse_checks(name, ours, categories=categories)
        measures[name] = (Measure.median(ours), Measure.median(plain))
        checks += comparison_checks(name, *measures[name], score_differences(ours, plain), score_differences(control, plain))
        notes.append(runs_note(name, runs_by_build))
        report = ours[0]
        notes.append(
            f"Lighthouse {name}: total byte weight {report['audits']['total-byte-weight']['numericValue'] / 1024:.1f} KiB (first run, as are the findings below)"
        )
        for audit_id, result in report["audits"].items():
            if (
                result.get("score") is not None
                and result["score"] < 1
                and result.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
            ):
                notes.append(f"Lighthouse {name}: {audit_id}: {result.get('displayValue') or result['title']}")
    return checks, notes, measures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.audit", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--preset", choices=("mobile", "desktop"), default="desktop", help="Lighthouse's device and throttling (default: desktop)"
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="Lighthouse rounds per page, each running every build once; scores are the median (default: 3)"
    )
    parser.add_argument("--site", type=Path, help="an already built site, served at the root (default: build one)")
    args = parser.parse_args(argv)
    for tool in (AXE, LIGHTHOUSE):
        if not tool.is_file():
            parser.error(f"{tool.relative_to(REPO)} is missing: run `npm ci` (or any make target that needs it)")
    port, plain_port, control_port = free_port(), free_port(), free_port()
    with tempfile.TemporaryDirectory(prefix="gfbs-audit-") as scratch:
        site = args.site
        if site is None:
            site = Path(scratch) / "site"
            build(site, f"http://127.0.0.1:{port}/")
        plain_site = Path(scratch) / "plain"
        build(plain_site, f"http://127.0.0.1:{plain_port}/", **plain_material())
        # The control is the same plain build from a second server: what differs between the two is the measuring.
        with (
            serve(site, port=port) as base,
            serve(plain_site, port=plain_port) as plain_base,
            serve(plain_site, port=control_port) as control_base,
        ):
            bases = {"ours": base, "plain Material": plain_base, "plain Material's control": control_base}
            checks, notes, measures = audit(bases, args.preset, args.runs)
    print(format_comparison(measures, args.preset))
    print()
    print(format_report(checks, notes))
    return 1 if any(check.status == "MISSED" for check in checks) else 0


if __name__ == "__main__":
    sys.exit(main())
