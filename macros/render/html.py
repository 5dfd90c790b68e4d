"""A small accessible-table builder: every value escaped, captions, scoped headers, row anchors."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape


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
    legend: str = ""  # safe HTML shown after the table
    classes: tuple[str, ...] = field(default=())


def text(value: object) -> str:
    """Escape any value for HTML text or attribute context."""
    return escape(str(value), quote=True)


def link(href: str, label: str, *, external: bool = False) -> str:
    rel = ' rel="noopener"' if external else ""
    return f'<a href="{text(href)}"{rel}>{text(label)}</a>'


def bullet_list(items: tuple[str, ...] | list[str]) -> str:
    return "<ul>" + "".join(f"<li>{text(item)}</li>" for item in items) + "</ul>"


def _header_cell(column: Column) -> str:
    anchor = f' id="{text(column.anchor)}"' if column.anchor else ""
    label = link(column.href, column.label) if column.href else text(column.label)
    return f'<th scope="col"{anchor} data-kind="{text(column.kind)}">{label}</th>'


def render_table(table: Table) -> str:
    """One table as a single HTML block: no blank lines, so Markdown passes it through untouched.

    Each row starts a line, so a diff or a reader of the built HTML sees one row per line.
    """
    head = "".join(_header_cell(column) for column in table.columns)
    body = []
    for row in table.rows:
        cells = []
        for index, cell in enumerate(row.cells):
            sort = f' data-sort="{text(row.sort_keys[index])}"' if index < len(row.sort_keys) and row.sort_keys[index] else ""
            cells.append(f"<td{sort}>{cell}</td>")
        body.append(f'<tr><th scope="row" id="{text(row.anchor)}">{row.header}</th>{"".join(cells)}</tr>')
    classes = " ".join(("gfbs-table", *table.classes))
    legend = f'<p class="gfbs-legend">{table.legend}</p>' if table.legend else ""
    rows = "\n".join(body)
    return (
        f'<div class="gfbs-table-wrap" markdown="0">'
        f'<table class="{classes}" id="{text(table.table_id)}">'
        f"<caption>{text(table.caption)}</caption>"
        f"<thead><tr>{head}</tr></thead>"
        f"<tbody>\n{rows}\n</tbody></table>{legend}</div>"
    )
