"""A small accessible-table builder: every value escaped, captions, scoped headers, row anchors, and the toolbar.

The toolbar (text filter, one select per category column, the language chooser) and the row count are written here,
at build time, so the page has its final layout before any script runs; tables.js only wires them up. Until it does,
they are disabled, and without JavaScript they stay hidden (tables.css shows them under `html.gfbs-js` only).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape, unescape

# Fewer rows than this get no toolbar and no sort buttons: the reader sees every row at once.
MIN_ROWS_TO_FILTER = 5
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Column:
    label: str
    # "text" sorts alphabetically, "number" numerically, "category" also gets a facet filter.
    kind: str = "text"
    anchor: str = ""  # id of the header cell, so other pages can link to the column
    href: str = ""  # where the header links to, e.g. the anchor of the entity it names


@dataclass(frozen=True)
class Row:
    anchor: str
    header: str  # safe HTML for the row's header cell
    cells: tuple[str, ...]  # safe HTML, one per non-header column
    sort_keys: tuple[str, ...] = ()  # plain text per non-header column, where it differs from the shown text


@dataclass(frozen=True)
class Table:
    table_id: str
    caption: str
    columns: tuple[Column, ...]  # the first column holds the row headers
    rows: tuple[Row, ...]
    legend: str = ""  # safe HTML shown above the table, so the reader meets the key before the cells
    classes: tuple[str, ...] = field(default=())


def text(value: object) -> str:
    """Escape any value for HTML text or attribute context."""
    return escape(str(value), quote=True)


def link(href: str, label: str, *, external: bool = False) -> str:
    rel = ' rel="noopener"' if external else ""
    return f'<a href="{text(href)}"{rel}>{text(label)}</a>'


def bullet_list(items: tuple[str, ...] | list[str]) -> str:
    return "<ul>" + "".join(f"<li>{text(item)}</li>" for item in items) + "</ul>"


def _header_cell(column: Column, *, sortable: bool) -> str:
    anchor = f' id="{text(column.anchor)}"' if column.anchor else ""
    label = link(column.href, column.label) if column.href else text(column.label)
    # The sort indicator's room is taken now, so the header does not widen when tables.js makes it a button.
    icon = '<span class="gfbs-sort__icon" aria-hidden="true"></span>' if sortable else ""
    return f'<th scope="col"{anchor} data-kind="{text(column.kind)}">{label}{icon}</th>'


def _plain(cell: str) -> str:
    """The text a browser shows for a cell's HTML, as tables.js reads it (textContent, spaces collapsed)."""
    return " ".join(unescape(_TAG.sub("", cell)).split())


def _facet_values(table: Table, index: int) -> list[str]:
    """The distinct values of body column `index` (0 = first after the row header), as tables.js filters by them."""
    values = []
    for row in table.rows:
        key = row.sort_keys[index] if index < len(row.sort_keys) and row.sort_keys[index] else _plain(row.cells[index])
        if key and key not in values:
            values.append(key)
    return sorted(values, key=str.casefold)


def _toolbar(table: Table) -> str:
    """The disabled controls tables.js enables, and the live row count it updates."""
    table_id = text(table.table_id)
    controls = [
        '<label class="gfbs-filter"><span>Filter rows</span><input type="search" autocomplete="off" spellcheck="false" disabled></label>'
    ]
    for column_number, column in enumerate(table.columns[1:], start=1):
        values = _facet_values(table, column_number - 1) if column.kind == "category" else []
        if len(values) < 2:
            continue
        options = '<option value="">All</option>' + "".join(f'<option value="{text(value)}">{text(value)}</option>' for value in values)
        controls.append(
            f'<label class="gfbs-facet"><span>{text(column.label)}</span><select data-column="{column_number}" disabled>{options}</select></label>'
        )
    if "gfbs-compare" in table.classes:
        boxes = "".join(
            f'<label><input type="checkbox" value="{text(column.anchor.removeprefix("language-") or column.label)}" data-column="{column_number}" checked disabled> {text(column.label)}</label>'
            for column_number, column in enumerate(table.columns[1:], start=1)
        )
        controls.append(f'<fieldset class="gfbs-columns"><legend>Languages to compare</legend>{boxes}</fieldset>')
    rows = len(table.rows)
    return (
        f'<div class="gfbs-table-tools" role="group" aria-label="Filter: {text(table.caption)}" data-gfbs-for="{table_id}">{"".join(controls)}</div>'
        f'<p class="gfbs-count" role="status" data-gfbs-for="{table_id}">{rows} of {rows} rows shown</p>'
    )


def render_table(table: Table) -> str:
    """One table, with its toolbar and sort buttons when it has enough rows, as a single HTML block (no blank lines, so Markdown passes it through untouched).

    Each row starts a line, so a diff or a reader of the built HTML sees one row per line.
    """
    filterable = len(table.rows) >= MIN_ROWS_TO_FILTER
    head = "".join(_header_cell(column, sortable=filterable) for column in table.columns)
    body = []
    for row in table.rows:
        cells = []
        for index, cell in enumerate(row.cells):
            sort = f' data-sort="{text(row.sort_keys[index])}"' if index < len(row.sort_keys) and row.sort_keys[index] else ""
            cells.append(f"<td{sort}>{cell}</td>")
        body.append(f'<tr><th scope="row" id="{text(row.anchor)}">{row.header}</th>{"".join(cells)}</tr>')
    classes = " ".join(("gfbs-table", *table.classes))
    legend = f'<p class="gfbs-legend">{table.legend}</p>' if table.legend else ""
    toolbar = _toolbar(table) if filterable else ""
    empty = '<p class="gfbs-empty" hidden>No rows match the filter.</p>' if filterable else ""
    rows = "\n".join(body)
    return (
        f"{toolbar}{legend}"
        f'<div class="gfbs-table-wrap">'
        f'<table class="{classes}" id="{text(table.table_id)}">'
        f"<caption>{text(table.caption)}</caption>"
        f"<thead><tr>{head}</tr></thead>"
        f"<tbody>\n{rows}\n</tbody></table>{empty}</div>"
    )
