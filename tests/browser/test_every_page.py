"""Every built page, as a reader meets it on a desktop and on a phone: no axe violation, and code, tables and diagrams
that fit, labels that stay.

Each page is opened once per pass: at 1280x900 in the light palette, and at 390x844 in the dark one. In that visit
axe-core (pinned in package.json, served from node_modules) checks WCAG 2.0/2.1 A/AA through make audit's own runner,
after tables.js has enhanced the page, and MEASURE records its layout; each test then asserts one property over every
page, naming each page and element that breaks it. Layout does not depend on the palette, and a palette changes colours
alone, so the dark pass runs axe's colour rules only. Each pass is a class: `make test` runs with `--dist loadscope`, so
the two passes run side by side, one on each worker.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.support.sites import BuiltSite
from tools.audit import AXE, SCHEMES, Palette, axe_context, axe_violations, run_axe

pytestmark = pytest.mark.browser

# The 404 page is reached the way a reader reaches it: by a path that does not exist.
MISSING = "no-such-page/"
PRINT_PAGE = "print_page/"
SEARCH_INDEX = "search/search_index.json"
# Each page's copy on the print page (overrides/hooks/print_page.py).
PRINTED_PAGE = "section.print-page"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
# Sub-pixel rounding: a box may measure up to this much past its container and still fit.
SLACK = 1


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


# One pass over the page as drawn, given SLACK. Hidden tab panels (display: none) have no box and are skipped.
MEASURE = r"""slack => {
    const shown = node => node.getClientRects().length > 0;
    const name = node => (node.id ? '#' + node.id + ' ' : '') + '"' + node.textContent.replace(/\s+/g, ' ').trim().slice(0, 50) + '"';
    const out = {page: {}, code: [], tables: [], diagrams: [], decorated: [], cards: []};
    out.page.overflow = document.documentElement.scrollWidth - window.innerWidth;
    out.page.column = Math.max(0, ...Array.from(document.querySelectorAll('.md-typeset p')).filter(shown).map(p => p.getBoundingClientRect().width));

    for (const code of document.querySelectorAll('.md-typeset pre > code')) {
        if (!shown(code)) continue;
        const item = {name: name(code), tabSize: getComputedStyle(code).tabSize, overflow: code.scrollWidth - code.clientWidth};
        // The copy button sits over the top right corner: no line it covers may run under it.
        const button = code.closest('pre').querySelector('.md-code__nav');
        if (button && shown(button)) {
            const edge = button.getBoundingClientRect();
            const range = document.createRange();
            range.selectNodeContents(code);
            item.underButton = Array.from(range.getClientRects()).some(line =>
                line.width > 0 && line.bottom > edge.top + slack && line.top < edge.bottom - slack && line.right > edge.left + slack && line.left < edge.right);
        }
        out.code.push(item);
    }

    for (const table of document.querySelectorAll('.md-typeset table')) {
        if (!shown(table)) continue;
        const box = table.closest('.gfbs-table-wrap, .md-typeset__scrollwrap') || table.parentElement;
        const item = {name: name(table.caption || table.rows[0]), overflow: box.scrollWidth - box.clientWidth, rows: table.tBodies[0] ? table.tBodies[0].rows.length : 0};
        item.sortable = table.querySelectorAll('.gfbs-sort').length;
        item.toolbar = !!document.querySelector('.gfbs-table-tools[data-gfbs-for="' + table.id + '"]');
        const legend = box.querySelector('.gfbs-legend') || (box.previousElementSibling && box.previousElementSibling.matches('.gfbs-legend') ? box.previousElementSibling : null);
        if (legend) item.legendAbove = legend.getBoundingClientRect().bottom <= table.getBoundingClientRect().top + slack;
        if (table.caption) {
            const range = document.createRange();
            range.selectNodeContents(table.caption);
            item.captionCut = range.getBoundingClientRect().right > box.getBoundingClientRect().right + slack;
        }
        if (item.overflow > slack) {
            // Scrolled sideways, the row labels stay at the left edge, and the box shows that it scrolls.
            const first = table.tBodies[0].rows[0].cells[0];
            box.scrollLeft = 0;
            const before = first.getBoundingClientRect().left - box.getBoundingClientRect().left;
            box.scrollLeft = Math.min(120, item.overflow);
            const after = first.getBoundingClientRect().left - box.getBoundingClientRect().left;
            box.scrollLeft = 0;
            item.labelsStay = Math.abs(after - before) <= slack;
            const style = getComputedStyle(box);
            item.scrollSign = style.backgroundImage.includes('gradient') && style.backgroundAttachment.includes('local');
        }
        out.tables.push(item);
    }

    for (const figure of document.querySelectorAll('.gfbs-diagram')) {
        const canvas = figure.querySelector('.gfbs-diagram__canvas');
        const svg = figure.querySelector('svg');
        const right = canvas.getBoundingClientRect().right;
        out.diagrams.push({name: figure.id, overflow: canvas.scrollWidth - canvas.clientWidth, past: svg.getBoundingClientRect().right - right});
    }

    // Tab labels and the links Material puts in them; links in cards and what is inside them.
    for (const node of document.querySelectorAll('.tabbed-labels label, .tabbed-labels label *, .md-typeset .grid.cards a, .md-typeset .grid.cards a *')) {
        if (shown(node) && getComputedStyle(node).textDecorationLine !== 'none') out.decorated.push(name(node.closest('label, a')));
    }
    for (const card of document.querySelectorAll('.md-typeset .grid.cards > ul > li')) {
        card.scrollIntoView({block: 'center'});
        const rect = card.getBoundingClientRect();
        // The middle of the card's description, not its link: a reader clicks anywhere on a card.
        const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
        out.cards.push({name: name(card), clickable: !!(hit && hit.closest('a'))});
    }
    return out;
}"""


@dataclass(frozen=True)
class Seen:
    """One page as a pass saw it."""

    status: int  # the HTTP status
    violations: list[dict] | None  # axe's, or None where this pass runs no axe
    layout: dict | None  # MEASURE's, or None for the 404 page


def see_every_page(
    browser: Browser,
    site: Path,
    url: str,
    paths: list[str],
    viewport: str,
    palette: Palette,
    *,
    colour_only: bool,
    axe_print_page: bool,
) -> dict[str, Seen]:
    """Open each page once, at `viewport` in `palette`: axe (every rule, or the colour rules), then MEASURE."""
    context = axe_context(browser, palette, viewport=VIEWPORTS[viewport])
    # On every page load Material's search worker builds the index of the whole site from search/search_index.json:
    # about 0.3 CPU-seconds a page here, beside axe on the other core. These passes never search (test_search.py
    # does), so they get the site's own search settings with no documents: the search box looks and behaves the same.
    settings = json.loads((site / SEARCH_INDEX).read_text(encoding="utf-8"))["config"]
    context.route(f"**/{SEARCH_INDEX}", lambda route: route.fulfill(json={"config": settings, "docs": []}))
    # The print page holds every page: on a busy machine it takes a while to load.
    context.set_default_timeout(60000)
    tab = context.new_page()
    seen = {}
    try:
        for path in paths:
            if path == PRINT_PAGE and axe_print_page:
                # The colour rules check each page's copy on that page; here, what the print page adds around them.
                status, violations = axe_violations(tab, url + path, palette, colour_only=colour_only, colour_skips=PRINTED_PAGE)
            elif path != PRINT_PAGE:
                status, violations = axe_violations(tab, url + path, palette, colour_only=colour_only)
            else:
                response = tab.goto(url + path)
                status, violations = (response.status if response else 0), None
            tab.wait_for_load_state("load")
            seen[path] = Seen(status, violations, tab.evaluate(MEASURE, SLACK) if path != MISSING else None)
    finally:
        context.close()
    return seen


def failures(seen: dict[str, Seen], pick) -> list[str]:
    """`pick(layout)` yields what is wrong on one measured page; every page's problems, each prefixed by the page."""
    return [f"/{path}: {problem}" for path, layout in layouts(seen).items() for problem in pick(layout)]


def layouts(seen: dict[str, Seen]) -> dict[str, dict]:
    """MEASURE's results by page, for the pages the pass measured (all but the 404 page)."""
    return {path: page.layout for path, page in seen.items() if page.layout is not None}


def report(found: list[str]) -> str:
    return f"{len(found)} problem(s):\n" + "\n".join(found)


def wider_than_the_box(kind: str):
    """The `kind` ("code" or "tables") items of a page that run past their box, for failures()."""
    return lambda page: [f"{item['overflow']} px over: {item['name']}" for item in page[kind] if item["overflow"] > SLACK]


class EveryPage:
    """One pass over every page: what holds in any pass; a subclass per pass (viewport and palette)."""

    viewport: str
    palette: Palette
    colour_only = False
    axe_print_page = True

    @pytest.fixture(scope="class")
    @classmethod
    def seen(cls, chromium: Browser, handbook: BuiltSite, handbook_url: str) -> dict[str, Seen]:
        """Every page, seen once by this pass."""
        paths = site_paths(handbook.site)
        assert len(paths) > 20 and MISSING in paths and PRINT_PAGE in paths
        return see_every_page(
            chromium,
            handbook.site,
            handbook_url,
            paths,
            cls.viewport,
            cls.palette,
            colour_only=cls.colour_only,
            axe_print_page=cls.axe_print_page,
        )

    def test_axe_finds_no_violations_on_any_page(self, seen: dict[str, Seen]) -> None:
        """Zero axe violations for WCAG 2.0/2.1 A and AA on every page the pass checks, after tables.js enhanced it."""
        found = []
        for path, page in seen.items():
            assert page.status == (404 if path == MISSING else 200), path
            found += describe(path, page.violations or [])
        checked = sum(page.violations is not None for page in seen.values())
        assert not found, f"{self.palette} palette, {checked} pages checked:\n" + "\n".join(found)

    def test_no_page_is_wider_than_the_screen(self, seen: dict[str, Seen]) -> None:
        """Nothing pushes the page sideways: only the boxes meant to scroll do."""
        found = failures(seen, lambda page: [f"{page['page']['overflow']} px too wide"] if page["page"]["overflow"] > SLACK else [])
        assert not found, report(found)

    def test_a_table_that_scrolls_keeps_its_row_labels_and_says_so(self, seen: dict[str, Seen]) -> None:
        """Scrolled sideways, a table's first column stays in view, and its box shows it scrolls."""

        def problems(page):
            for table in page["tables"]:
                if table["overflow"] > SLACK and not table["labelsStay"]:
                    yield f"row labels scroll away: {table['name']}"
                if table["overflow"] > SLACK and not table["scrollSign"]:
                    yield f"no sign that it scrolls: {table['name']}"

        found = failures(seen, problems)
        assert not found, report(found)

    def test_table_captions_are_never_cut(self, seen: dict[str, Seen]) -> None:
        """A caption wraps within the visible box, however wide its table."""
        found = failures(seen, lambda page: [table["name"] for table in page["tables"] if table.get("captionCut")])
        assert not found, report(found)

    def test_every_diagram_fits_the_screen(self, seen: dict[str, Seen]) -> None:
        """No diagram is cut off or scrolls: it is drawn to fit its column."""

        def problems(page):
            for diagram in page["diagrams"]:
                if diagram["overflow"] > SLACK or diagram["past"] > SLACK:
                    yield f"{max(diagram['overflow'], diagram['past']):.0f} px cut off: {diagram['name']}"

        found = failures(seen, problems)
        assert not found, report(found)

    def test_whole_cards_are_clickable(self, seen: dict[str, Seen]) -> None:
        """A click anywhere on a card follows its link."""
        found = failures(seen, lambda page: [card["name"] for card in page["cards"] if not card["clickable"]])
        assert not found, report(found)


class TestDesktopLight(EveryPage):
    """At 1280x900 in the light palette, every axe rule; and what only a desktop's width can show."""

    viewport = "desktop"
    palette = "light"

    def test_go_code_shows_tabs_four_columns_wide(self, seen: dict[str, Seen]) -> None:
        """gofmt indents with tabs; the browser's default of 8 columns pushes nested code past the box."""
        found = failures(
            seen,
            lambda page: [f"tab-size {code['tabSize']}: {code['name']}" for code in page["code"] if code["tabSize"] != "4"],
        )
        assert not found, report(found)

    def test_no_code_block_is_wider_than_its_box_on_a_desktop(self, seen: dict[str, Seen]) -> None:
        """At 1280 px every line of code shows whole, without scrolling sideways."""
        found = failures(seen, wider_than_the_box("code"))
        assert not found, report(found)

    def test_no_code_runs_under_the_copy_button(self, seen: dict[str, Seen]) -> None:
        """The copy button covers the top right of a block: the first lines leave room for it."""
        found = failures(seen, lambda page: [code["name"] for code in page["code"] if code.get("underButton")])
        assert not found, report(found)

    def test_no_table_is_wider_than_its_box_on_a_desktop(self, seen: dict[str, Seen]) -> None:
        """At 1280 px every table fits its column: nothing hides off the right edge."""
        found = failures(seen, wider_than_the_box("tables"))
        assert not found, report(found)

    def test_small_tables_have_no_controls_and_legends_stand_above(self, seen: dict[str, Seen]) -> None:
        """Three or four rows need no sorting or filtering; a legend is read before the table it explains."""

        def problems(page):
            for table in page["tables"]:
                if 0 < table["rows"] <= 4 and (table["sortable"] or table["toolbar"]):
                    yield f"{table['rows']} rows with sort or filter controls: {table['name']}"
                if table.get("legendAbove") is False:
                    yield f"legend below the table: {table['name']}"

        found = failures(seen, problems)
        assert not found, report(found)

    def test_the_print_page_column_is_no_wider_than_the_sites(self, seen: dict[str, Seen]) -> None:
        """On screen, the whole handbook on one page reads in the same column width as any other page."""
        columns = {path: layout["page"]["column"] for path, layout in layouts(seen).items()}
        widest = max(width for path, width in columns.items() if path != PRINT_PAGE)
        assert columns[PRINT_PAGE] <= widest + SLACK, (
            f"/{PRINT_PAGE}: {columns[PRINT_PAGE]:.0f} px of text, the other pages at most {widest:.0f} px"
        )

    def test_tab_labels_and_card_icons_are_not_underlined(self, seen: dict[str, Seen]) -> None:
        """The link rule for running text leaves content tab labels and the icons in cards alone."""
        found = failures(seen, lambda page: page["decorated"])
        assert not found, report(found)


class TestPhoneDark(EveryPage):
    """At 390x844 in the dark palette."""

    viewport = "phone"
    palette = "dark"
    # A palette changes colours alone, so only axe's colour rules (contrast, links told from text by colour) can find
    # here what the light pass did not: less than half the work.
    colour_only = True
    # The print page repeats every page, and each is checked in this palette on its own; the light pass checks what
    # the print page adds (its contents, the pages' headings and links as it rewrites them).
    axe_print_page = False


def test_the_passes_cover_every_viewport_and_palette() -> None:
    """A viewport added to VIEWPORTS, or a palette added to make audit's list, gets a pass of its own."""
    passes = EveryPage.__subclasses__()
    assert sorted(cls.viewport for cls in passes) == sorted(VIEWPORTS)
    assert sorted(cls.palette for cls in passes) == sorted(SCHEMES)


def test_code_rules_follow_instant_navigation(chromium, handbook_url: str) -> None:
    """Code rules come only with pages that have code: a reader who arrives by instant navigation gets them, and a
    page without code, reached the same way, no longer carries them."""
    context = chromium.new_context(viewport=VIEWPORTS["desktop"], color_scheme="light")
    context.set_default_timeout(15000)
    tab = context.new_page()
    # Any stylesheet of the page, linked or in the head, with a rule that sets tab-size (Material's have none).
    code_rules = (
        "Array.from(document.styleSheets).some(sheet => Array.from(sheet.cssRules).some(rule => rule.cssText.includes('tab-size')))"
    )
    try:
        tab.goto(handbook_url)
        tab.evaluate("window.gfbsSameDocument = true")
        assert not tab.evaluate(code_rules), "the home page has no code, yet carries the code rules"
        tab.locator("a.md-tabs__link", has_text="Language").click()
        tab.locator('.md-sidebar--primary a.md-nav__link[href$="concurrency/"]').click()
        tab.wait_for_function("() => document.querySelector('.md-typeset pre > code') !== null")
        tab_size = tab.evaluate("getComputedStyle(document.querySelector('.md-typeset pre > code')).tabSize")
        tab.locator("a.md-tabs__link", has_text="Home").click()
        tab.wait_for_function("() => document.querySelector('.md-typeset pre') === null")
        left_behind = tab.evaluate(code_rules)
        same_document = tab.evaluate("window.gfbsSameDocument === true")
    finally:
        context.close()
    assert same_document, "a click reloaded the page: instant navigation is off"
    assert tab_size == "4", f"after instant navigation, Go code shows tabs {tab_size} columns wide"
    assert not left_behind, "the code rules stayed on a page without code"


# A dark palette's text and link colours that fail contrast on its background, which the colour rules must find, and an
# image without a text alternative, which is no colour's fault.
LOW_CONTRAST = """<!doctype html><html lang="en"><title>t</title><body style="background:#1e2129">
<main><p style="color:#3c4150">Barely there text, <a href="#x" style="color:#3c4150">a link</a>.</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20"></main></body></html>"""


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        pytest.param({}, {"color-contrast", "image-alt"}, id="all-rules"),
        pytest.param({"colour_only": True}, {"color-contrast"}, id="colour-rules"),
        pytest.param({"colour_skips": "p"}, {"image-alt"}, id="colour-skips-the-text"),
        pytest.param({"colour_skips": "img"}, {"color-contrast", "image-alt"}, id="colour-skips-only-the-image"),
    ],
)
def test_the_colour_rules_find_text_that_a_dark_palette_hides(chromium, options: dict, expected: set[str]) -> None:
    """Low-contrast text is a colour-contrast violation whether axe runs every rule or only its colour rules; an image
    without alt text is found by every rule, not by the colour rules alone. With `colour_skips`, as the print page's
    copies of pages are checked, the colour rules leave out what the selector matches and every other rule checks it."""
    page = chromium.new_page()
    try:
        page.set_content(LOW_CONTRAST)
        page.add_script_tag(path=str(AXE))
        found = {violation["id"] for violation in run_axe(page, "fixture", **options)}
    finally:
        page.close()
    assert found == expected
