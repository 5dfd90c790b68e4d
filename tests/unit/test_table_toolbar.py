"""The table toolbar macros/render/html.py writes at build time: in place before any script runs, disabled until tables.js wires it."""

from __future__ import annotations

from bs4 import BeautifulSoup

from macros.render.html import MIN_ROWS_TO_FILTER, Column, Row, Table, render_table


def _table(rows: int, *, classes: tuple[str, ...] = ()) -> Table:
    """A table of `rows` rows: a category column (values a/b, `<b>`-marked), a number column and one with sort keys."""
    columns = (Column("Name"), Column("Kind", "category"), Column("Year", "number"), Column("Licence", "category", anchor="language-go"))
    body = tuple(
        Row(
            f"row-{n}",
            f"Row {n}",
            ("<em>Beta</em>" if n % 2 else "alpha", str(2000 + n), f"<code>MIT</code> (was {n})"),
            ("", "", "MIT" if n % 3 else "BSD"),
        )
        for n in range(rows)
    )
    return Table("things", "Things & more", columns, body, classes=classes)


def _soup(table: Table) -> BeautifulSoup:
    return BeautifulSoup(render_table(table), "lxml")


def test_toolbar_and_count_come_before_the_table_disabled() -> None:
    """Filter box, one select per category column with its distinct values, and the row count, all for this table's id."""
    html = _soup(_table(MIN_ROWS_TO_FILTER))
    toolbar = html.select_one('.gfbs-table-tools[role=group][data-gfbs-for="things"]')
    assert toolbar["aria-label"] == "Filter: Things & more"
    assert toolbar.select_one("input[type=search][disabled]") is not None
    selects = toolbar.select("select[disabled]")
    # The shown text where a cell has no sort key, the sort key where it has one; sorted, "All" first.
    assert [[option.get_text() for option in select.select("option")] for select in selects] == [
        ["All", "alpha", "Beta"],
        ["All", "BSD", "MIT"],
    ]
    assert [select["data-column"] for select in selects] == ["1", "3"]
    assert (
        html.select_one('.gfbs-count[role=status][data-gfbs-for="things"]').get_text()
        == f"{MIN_ROWS_TO_FILTER} of {MIN_ROWS_TO_FILTER} rows shown"
    )
    assert html.select_one(".gfbs-table-wrap .gfbs-empty[hidden]") is not None
    assert [element["class"][0] for element in html.select("body > *")] == ["gfbs-table-tools", "gfbs-count", "gfbs-table-wrap"]


def test_headers_reserve_room_for_the_sort_indicator() -> None:
    """Each header already holds its (empty) indicator, so it keeps its width when it becomes a button."""
    html = _soup(_table(MIN_ROWS_TO_FILTER))
    assert len(html.select('thead th > span.gfbs-sort__icon[aria-hidden="true"]')) == 4
    assert html.select("button") == []


def test_small_tables_get_no_toolbar_and_no_sort() -> None:
    """Below MIN_ROWS_TO_FILTER rows the reader sees every row at once: nothing to narrow or to reorder."""
    assert _soup(_table(MIN_ROWS_TO_FILTER - 1)).select(".gfbs-table-tools, .gfbs-count, .gfbs-empty, .gfbs-sort__icon") == []


def test_language_chooser_has_a_checked_box_per_column() -> None:
    """A comparison table's chooser names each column by its anchor without `language-`, else by its label."""
    boxes = _soup(_table(MIN_ROWS_TO_FILTER, classes=("gfbs-compare",))).select(".gfbs-columns input[type=checkbox]")
    assert [(box["value"], box["data-column"], box.has_attr("checked")) for box in boxes] == [
        ("Kind", "1", True),
        ("Year", "2", True),
        ("go", "3", True),
    ]
    assert boxes[0].find_parent("fieldset").legend.get_text() == "Languages to compare"
