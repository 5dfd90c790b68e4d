"""Generated tables in Chromium: sorting, filtering, URL state, the language chooser, instant navigation, no-JS and offline."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def page(chromium, handbook_url: str):
    """A fresh page whose every request is recorded; the test fails if any leaves the local server."""
    context = chromium.new_context(color_scheme="light")
    context.set_default_timeout(10000)
    tab = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    origin = handbook_url.split("/", 3)[:3]
    outside = [url for url in requests if url.split("/", 3)[:3] != origin and not url.startswith(("data:", "blob:"))]
    assert outside == [], f"requests left 127.0.0.1: {outside}"
    assert errors == [], f"page errors: {errors}"


def open_table(page, url: str, table_id: str):
    page.goto(url)
    table = page.locator(f"table#{table_id}[data-gfbs-enhanced]")
    table.wait_for()
    return table


def release_years(table) -> list[int]:
    """The tool table's first-release column as numbers; a year may carry a mark such as "\u2020" (unverified)."""
    return [int(re.match(r"\d+", year).group()) for year in column(table, 3)]


def column(table, index: int, *, visible_only: bool = True) -> list[str]:
    """Text of one column (0 = the row headers), top to bottom."""
    return table.evaluate(
        """(table, [index, visibleOnly]) => Array.from(table.tBodies[0].rows)
            .filter(row => !visibleOnly || !row.hidden)
            .map(row => row.cells[index].textContent.trim())""",
        [index, visible_only],
    )


def header(table, label: str):
    return table.locator("thead th", has_text=label)


def params(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_click_sorts_and_clicking_again_reverses(page, handbook_url: str) -> None:
    """A header click sorts numerically with aria-sort ascending; a second click reverses it."""
    table = open_table(page, handbook_url + "practice/", "tools")
    release = header(table, "First release")
    assert release.get_attribute("aria-sort") is None
    release.locator("button").click()
    years = release_years(table)
    assert years == sorted(years) and years != list(reversed(years))
    assert release.get_attribute("aria-sort") == "ascending"
    assert table.locator("thead th[aria-sort]").count() == 1
    release.locator("button").click()
    assert release_years(table) == sorted(years, reverse=True)
    assert release.get_attribute("aria-sort") == "descending"
    assert params(page)["tools.sort"] == ["First release"] and params(page)["tools.dir"] == ["desc"]


def test_keyboard_sorts(page, handbook_url: str) -> None:
    """Tab focus on a header button and Enter (or Space) sorts by that column."""
    table = open_table(page, handbook_url + "practice/", "tools")
    button = header(table, "Tool").locator("button")
    button.focus()
    page.keyboard.press("Enter")
    names = column(table, 0)
    assert names == sorted(names, key=str.casefold)
    assert header(table, "Tool").get_attribute("aria-sort") == "ascending"
    page.keyboard.press("Space")
    assert column(table, 0) == sorted(names, key=str.casefold, reverse=True)


def test_text_filter_hides_rows_and_counts_them(page, handbook_url: str) -> None:
    """Typing keeps only matching rows, announces how many are shown, and says when none match."""
    table = open_table(page, handbook_url + "practice/", "tools")
    total = len(column(table, 0))
    search = page.get_by_role("searchbox", name="Filter rows")
    # Typed key by key: "p" and "s" are also Material's shortcuts (previous page, search), which must not fire here.
    search.press_sequentially("grpc s")
    search.press("Backspace")
    search.press("Backspace")
    rows = table.locator("tbody tr:visible")
    assert 0 < rows.count() < total
    assert all("grpc" in text.lower() for text in rows.all_inner_texts())
    status = page.locator(".gfbs-count[role=status]")
    assert status.inner_text() == f"{rows.count()} of {total} rows shown"
    assert page.locator(".gfbs-empty").is_hidden()
    search.fill("no tool is called this")
    assert rows.count() == 0
    assert status.inner_text() == f"0 of {total} rows shown"
    assert page.locator(".gfbs-empty").is_visible()


def test_facet_select_filters_a_category_column(page, handbook_url: str) -> None:
    """A select per category column keeps the rows with the chosen value."""
    table = open_table(page, handbook_url + "practice/", "tools")
    select = page.get_by_role("combobox", name="Category")
    choice = select.locator("option").nth(1).inner_text()
    select.select_option(choice)
    categories = column(table, 1)
    assert categories and set(categories) == {choice}
    assert len(categories) < len(column(table, 1, visible_only=False))
    assert params(page)["tools.f.Category"] == [choice]


def test_url_restores_the_view(page, handbook_url: str) -> None:
    """Opening a shared URL restores the sort, the text filter and the facet."""
    url = handbook_url + "practice/?tools.sort=First%20release&tools.dir=desc&tools.q=cloud%20native&tools.f.Licence=Apache-2.0"
    table = open_table(page, url, "tools")
    assert header(table, "First release").get_attribute("aria-sort") == "descending"
    assert page.get_by_role("searchbox", name="Filter rows").input_value() == "cloud native"
    assert page.get_by_role("combobox", name="Licence").input_value() == "Apache-2.0"
    years = release_years(table)
    assert years and years == sorted(years, reverse=True)
    # A changed licence reads "Apache-2.0 (BSD-3-Clause until 2017) ...": the current one comes first.
    assert {text.split()[0] for text in column(table, 5)} == {"Apache-2.0"}
    assert all("cloud native" in text.lower() for text in table.locator("tbody tr:visible").all_inner_texts())
    assert len(years) < len(column(table, 0, visible_only=False))


# Records every change to the tools table's rows and to its row count from the end of parsing ("interactive" comes
# before deferred scripts run), so the parser's own insertions are not counted.
_RECORD_ROW_CHANGES = """
window.gfbsChanges = [];
const recorder = new MutationObserver(records => records.forEach(record => {
  const node = record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement;
  if (node && node.closest('#tools tbody, .gfbs-count[data-gfbs-for="tools"]') && !(record.attributeName || '').startsWith('data-gfbs')) {
    window.gfbsChanges.push(`${record.type} ${record.attributeName || ''} on ${node.tagName}`);
  }
}));
document.addEventListener('readystatechange', () => {
  if (document.readyState === 'interactive') {
    recorder.observe(document, {childList: true, subtree: true, attributes: true, characterData: true});
  }
});
"""


def test_enhancing_an_unsorted_table_leaves_its_rows_and_count_alone(page, handbook_url: str) -> None:
    """Opened without a view in its URL, the table is enhanced without touching a row or the row count the build wrote.

    Each change there makes the browser lay the whole table out again while the page loads, time a phone's reader
    waits through (make audit's Total Blocking Time); only the table's own data-gfbs-* markers may be set.
    """
    page.add_init_script(_RECORD_ROW_CHANGES)
    open_table(page, handbook_url + "practice/", "tools")
    assert page.evaluate("window.gfbsChanges") == []
    # The same recorder sees the changes a sort makes, so the empty list above is not a recorder that sees nothing.
    header(page.locator("table#tools"), "Tool").locator("button").click()
    assert any(change.startswith("childList") for change in page.evaluate("window.gfbsChanges"))


def test_state_survives_a_reload(page, handbook_url: str) -> None:
    """What the reader sets is written to the URL, and reloading that URL shows the same rows."""
    table = open_table(page, handbook_url + "practice/", "tools")
    header(table, "Tool").locator("button").click()
    header(table, "Tool").locator("button").click()
    page.get_by_role("searchbox", name="Filter rows").fill("http")
    shown = column(table, 0)
    assert params(page)["tools.q"] == ["http"]
    page.reload()
    table.wait_for()
    assert column(table, 0) == shown
    assert header(table, "Tool").get_attribute("aria-sort") == "descending"


def test_language_chooser_hides_and_restores_columns(page, handbook_url: str) -> None:
    """Unchecking a language hides its column; the URL keeps the choice; the last language cannot be removed."""
    table = open_table(page, handbook_url + "real-world/comparisons/", "language-comparison")
    chooser = page.get_by_role("group", name="Languages to compare")
    chooser.get_by_label("Java").uncheck()
    assert page.locator("th#language-java").is_hidden()
    assert table.locator("tbody tr").first.locator("td").nth(1).is_hidden()
    assert params(page)["language-comparison.langs"] == ["go,python,nodejs"]
    page.goto(handbook_url + "real-world/comparisons/?language-comparison.langs=go,java")
    table.wait_for()
    visible = [th.inner_text() for th in table.locator("thead th:visible").all()]
    assert visible == ["Criterion", "Go", "Java"]
    chooser.get_by_label("Java").uncheck()
    assert chooser.get_by_label("Go").is_disabled()
    assert page.locator("th#language-go").is_visible()


def test_row_anchor_still_scrolls_to_the_row(page, handbook_url: str) -> None:
    """A link to a row (#tool-kubernetes) lands on that row, also after a sort from the URL."""
    table = open_table(page, handbook_url + "practice/?tools.sort=Tool&tools.dir=desc#tool-kubernetes", "tools")
    row = table.locator("#tool-kubernetes")
    page.wait_for_function(
        "() => { const r = document.getElementById('tool-kubernetes').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
    )
    assert row.is_visible()
    assert urlsplit(page.url).fragment == "tool-kubernetes"


def test_tables_enhance_after_instant_navigation(page, handbook_url: str) -> None:
    """Following a link with Material's instant navigation (no page load) still enhances the new page's tables."""
    page.goto(handbook_url)
    page.evaluate("window.gfbsSameDocument = true")
    page.locator("a.md-tabs__link", has_text="Real world").click()
    page.locator("table#company-matrix[data-gfbs-enhanced]").wait_for()
    page.locator('.md-sidebar--primary a.md-nav__link[href$="comparisons/"]').click()
    table = page.locator("table#language-comparison[data-gfbs-enhanced]")
    table.wait_for()
    assert page.evaluate("window.gfbsSameDocument === true"), "the click reloaded the page: instant navigation is off"
    header(table, "Criterion").locator("button").click()
    assert header(table, "Criterion").get_attribute("aria-sort") == "ascending"
    assert "language-comparison.sort=Criterion" in page.url


def test_without_javascript_the_table_is_plain_and_complete(chromium, handbook_url: str, handbook) -> None:
    """With JavaScript off, a filtered URL still shows every row and column, and no controls (the build-time toolbar stays hidden)."""
    context = chromium.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(handbook_url + "practice/?tools.q=grpc&tools.f.Category=RPC")
    rows = tab.locator("table#tools tbody tr")
    expected = len(handbook.html("practice/index.html").select("table#tools tbody tr"))
    assert rows.count() == expected > 1
    assert tab.locator("table#tools tbody tr:visible").count() == expected
    assert tab.locator("table#tools button").count() == 0
    assert tab.locator(".gfbs-table-tools").count() == 1
    assert tab.locator(".gfbs-table-tools:visible, .gfbs-count:visible").count() == 0
    context.close()


def test_tables_sort_and_filter_offline(chromium, offline_edition) -> None:
    """From file://, with the network blocked, tables sort, filter and keep their state in the URL."""
    offline_site = offline_edition.unpacked
    context = chromium.new_context()
    tab = context.new_page()
    blocked: list[str] = []

    def guard(route) -> None:
        if route.request.url.startswith(("file://", "data:")):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    tab.route("**/*", guard)
    table = open_table(tab, (offline_site / "practice" / "index.html").as_uri(), "tools")
    header(table, "First release").locator("button").click()
    years = release_years(table)
    assert years == sorted(years)
    tab.get_by_role("searchbox", name="Filter rows").fill("grpc")
    assert 0 < table.locator("tbody tr:visible").count() < len(years)
    assert tab.url.startswith("file://") and re.search(r"tools\.q=grpc", tab.url)

    table = open_table(
        tab, (offline_site / "real-world" / "comparisons.html").as_uri() + "?language-comparison.langs=go,python", "language-comparison"
    )
    assert [th.inner_text() for th in table.locator("thead th:visible").all()] == ["Criterion", "Go", "Python"]
    header(table, "Criterion").locator("button").focus()
    tab.keyboard.press("Enter")
    assert header(table, "Criterion").get_attribute("aria-sort") == "ascending"
    context.close()
    assert blocked == [], f"requests left file://: {blocked}"
