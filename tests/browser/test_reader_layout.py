"""What a reader sees on every page, on a desktop and a phone: code, tables and diagrams that fit, labels that stay.

Every built page is opened once per viewport and measured in one pass (MEASURE); each test then asserts one
property over all of them, naming every page and element that breaks it. The tests of each viewport are one
class: `make test` runs with `--dist loadscope`, so the two viewports are measured side by side, one on each worker.
"""

from __future__ import annotations

import pytest

from tests.browser.test_accessibility import MISSING, PRINT_PAGE, site_paths

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

# Sub-pixel rounding: a box may measure up to this much past its container and still fit.
SLACK = 1

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


class Measurements:
    """MEASURE on every page at a viewport, taken when a test first asks for it: {path: measurements}."""

    def __init__(self, browser, url: str, paths: list[str]) -> None:
        self._browser, self._url, self._paths = browser, url, paths
        self._taken: dict[str, dict[str, dict]] = {}

    def __getitem__(self, viewport: str) -> dict[str, dict]:
        if viewport not in self._taken:
            self._taken[viewport] = _measure(self._browser, self._url, self._paths, VIEWPORTS[viewport])
        return self._taken[viewport]


@pytest.fixture(scope="module")
def measured(chromium, handbook, handbook_url: str) -> Measurements:
    """Every page but the 404, measured per viewport on first use: a worker measures only its class's viewport."""
    return Measurements(chromium, handbook_url, [path for path in site_paths(handbook.site) if path != MISSING])


def _measure(chromium, url: str, paths: list[str], size: dict) -> dict[str, dict]:
    results = {}
    context = chromium.new_context(viewport=size, color_scheme="light")
    # The print page holds every page: on a busy machine it takes a while to load.
    context.set_default_timeout(60000)
    tab = context.new_page()
    try:
        for path in paths:
            tab.goto(url + path)
            tab.wait_for_load_state("load")
            results[path] = tab.evaluate(MEASURE, SLACK)
    finally:
        context.close()
    return results


def failures(measured: Measurements, viewport: str, pick) -> list[str]:
    """`pick(page)` yields what is wrong on one page; every page's problems, each prefixed by the page."""
    return [f"/{path}: {problem}" for path, page in measured[viewport].items() for problem in pick(page)]


def report(found: list[str]) -> str:
    return f"{len(found)} problem(s):\n" + "\n".join(found)


def wider_than_the_box(kind: str):
    """The `kind` ("code" or "tables") items of a page that run past their box, for failures()."""
    return lambda page: [f"{item['overflow']} px over: {item['name']}" for item in page[kind] if item["overflow"] > SLACK]


class OnEveryViewport:
    """What holds at any screen width; a subclass per viewport."""

    viewport: str

    def test_no_page_is_wider_than_the_screen(self, measured: Measurements) -> None:
        """Nothing pushes the page sideways: only the boxes meant to scroll do."""
        found = failures(
            measured, self.viewport, lambda page: [f"{page['page']['overflow']} px too wide"] if page["page"]["overflow"] > SLACK else []
        )
        assert not found, report(found)

    def test_a_table_that_scrolls_keeps_its_row_labels_and_says_so(self, measured: Measurements) -> None:
        """Scrolled sideways, a table's first column stays in view, and its box shows it scrolls."""

        def problems(page):
            for table in page["tables"]:
                if table["overflow"] > SLACK and not table["labelsStay"]:
                    yield f"row labels scroll away: {table['name']}"
                if table["overflow"] > SLACK and not table["scrollSign"]:
                    yield f"no sign that it scrolls: {table['name']}"

        found = failures(measured, self.viewport, problems)
        assert not found, report(found)

    def test_table_captions_are_never_cut(self, measured: Measurements) -> None:
        """A caption wraps within the visible box, however wide its table."""
        found = failures(measured, self.viewport, lambda page: [table["name"] for table in page["tables"] if table.get("captionCut")])
        assert not found, report(found)

    def test_every_diagram_fits_the_screen(self, measured: Measurements) -> None:
        """No diagram is cut off or scrolls: it is drawn to fit its column."""

        def problems(page):
            for diagram in page["diagrams"]:
                if diagram["overflow"] > SLACK or diagram["past"] > SLACK:
                    yield f"{max(diagram['overflow'], diagram['past']):.0f} px cut off: {diagram['name']}"

        found = failures(measured, self.viewport, problems)
        assert not found, report(found)

    def test_whole_cards_are_clickable(self, measured: Measurements) -> None:
        """A click anywhere on a card follows its link."""
        found = failures(measured, self.viewport, lambda page: [card["name"] for card in page["cards"] if not card["clickable"]])
        assert not found, report(found)


class TestDesktop(OnEveryViewport):
    """At 1280x900, and what only a desktop's width can show."""

    viewport = "desktop"

    def test_go_code_shows_tabs_four_columns_wide(self, measured: Measurements) -> None:
        """gofmt indents with tabs; the browser's default of 8 columns pushes nested code past the box."""
        found = failures(
            measured,
            "desktop",
            lambda page: [f"tab-size {code['tabSize']}: {code['name']}" for code in page["code"] if code["tabSize"] != "4"],
        )
        assert not found, report(found)

    def test_no_code_block_is_wider_than_its_box_on_a_desktop(self, measured: Measurements) -> None:
        """At 1280 px every line of code shows whole, without scrolling sideways."""
        found = failures(measured, "desktop", wider_than_the_box("code"))
        assert not found, report(found)

    def test_no_code_runs_under_the_copy_button(self, measured: Measurements) -> None:
        """The copy button covers the top right of a block: the first lines leave room for it."""
        found = failures(measured, "desktop", lambda page: [code["name"] for code in page["code"] if code.get("underButton")])
        assert not found, report(found)

    def test_no_table_is_wider_than_its_box_on_a_desktop(self, measured: Measurements) -> None:
        """At 1280 px every table fits its column: nothing hides off the right edge."""
        found = failures(measured, "desktop", wider_than_the_box("tables"))
        assert not found, report(found)

    def test_small_tables_have_no_controls_and_legends_stand_above(self, measured: Measurements) -> None:
        """Three or four rows need no sorting or filtering; a legend is read before the table it explains."""

        def problems(page):
            for table in page["tables"]:
                if 0 < table["rows"] <= 4 and (table["sortable"] or table["toolbar"]):
                    yield f"{table['rows']} rows with sort or filter controls: {table['name']}"
                if table.get("legendAbove") is False:
                    yield f"legend below the table: {table['name']}"

        found = failures(measured, "desktop", problems)
        assert not found, report(found)

    def test_the_print_page_column_is_no_wider_than_the_sites(self, measured: Measurements) -> None:
        """On screen, the whole handbook on one page reads in the same column width as any other page."""
        columns = {path: page["page"]["column"] for path, page in measured["desktop"].items()}
        widest = max(width for path, width in columns.items() if path != PRINT_PAGE)
        assert columns[PRINT_PAGE] <= widest + SLACK, (
            f"/{PRINT_PAGE}: {columns[PRINT_PAGE]:.0f} px of text, the other pages at most {widest:.0f} px"
        )

    def test_tab_labels_and_card_icons_are_not_underlined(self, measured: Measurements) -> None:
        """The link rule for running text leaves content tab labels and the icons in cards alone."""
        found = failures(measured, "desktop", lambda page: page["decorated"])
        assert not found, report(found)


class TestPhone(OnEveryViewport):
    """At 390x844."""

    viewport = "phone"


def test_every_viewport_has_its_class() -> None:
    """A viewport added to VIEWPORTS is measured and checked too."""
    assert sorted(cls.viewport for cls in OnEveryViewport.__subclasses__()) == sorted(VIEWPORTS)


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
