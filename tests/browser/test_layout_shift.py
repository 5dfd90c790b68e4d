"""Nothing moves once a page with tables is drawn: the toolbars are in the HTML, tables.js only wires them up."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# Every layout shift Chromium recorded since the page started loading and not caused by the reader. The buffered
# observer delivers past entries asynchronously, and not at all when there are none: collect for a moment, then read.
SHIFTS = """() => new Promise(resolve => {
    const shifts = [];
    const keep = entries => entries.filter(entry => !entry.hadRecentInput).forEach(entry => shifts.push({
        value: entry.value,
        moved: entry.sources.map(source => source.node ? source.node.nodeName + '.' + source.node.className : '?'),
    }));
    const observer = new PerformanceObserver(list => keep(list.getEntries()));
    observer.observe({type: 'layout-shift', buffered: true});
    setTimeout(() => { keep(observer.takeRecords()); observer.disconnect(); resolve(shifts); }, 300);
})"""
# Pages whose tables have toolbars, as a phone (Lighthouse's mobile viewport) and a desktop show them.
PAGES = ["real-world/comparisons/", "practice/", "real-world/"]
VIEWPORTS = {"phone": {"width": 412, "height": 823}, "desktop": {"width": 1350, "height": 940}}


# A thousandth: on a loaded machine Chromium may paint before tables.js runs, and wrapping the headers in sort buttons
# then moves cells by a fraction of a pixel (0.0004 seen); a toolbar or a row that appears after the first paint moves
# the page by a hundredth or more.
SUB_PIXEL_CLS = 0.001


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_tables_do_not_shift_the_layout(chromium, handbook_url: str, viewport: str) -> None:
    """After tables.js has enhanced every table, the layout shifts Chromium recorded add up to less than a
    thousandth: no move a reader could see."""
    context = chromium.new_context(viewport=VIEWPORTS[viewport], color_scheme="light")
    context.set_default_timeout(15000)
    tab = context.new_page()
    found = {}
    try:
        for path in PAGES:
            tab.goto(handbook_url + path)
            tab.locator("table.gfbs-table[data-gfbs-enhanced]").first.wait_for()
            tab.wait_for_load_state("networkidle")
            shifts = tab.evaluate(SHIFTS)
            if sum(shift["value"] for shift in shifts) >= SUB_PIXEL_CLS:
                found[path] = shifts
    finally:
        context.close()
    assert not found, f"layout shifts on a {viewport}: {found}"
