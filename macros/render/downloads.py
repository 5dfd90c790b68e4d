"""The data file, its schema and per-table exports as downloads: the links and the export contents."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Callable, Collection
from typing import Any

from ..loader import DATA_FILE
from ..model import Ecosystem, Source, Tool
from .html import text

# The data file is published where it sits under docs_dir (DATA_FILE), its schema beside it.
SCHEMA_FILE = "data/ecosystem.schema.json"
EXPORT_DIR = "data/exports"
# Spreadsheet programs run cells that start with these characters as formulas.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _source(source: Source | None, prefix: str = "source") -> dict[str, object]:
    """A source as two flat columns, empty when there is none, so every row has the same keys."""
    return {f"{prefix}_url": source.url if source else None, f"{prefix}_checked": source.checked.isoformat() if source else None}


def _fields(record: Any, *, exclude: Collection[str] = ()) -> dict[str, object]:
    """A record's own fields in declaration order, as the start of a row; nested records are flattened by the caller.

    `record` is any of the model's records: mypy does not see through model.py's `_record` that they are dataclasses.
    """
    return {item.name: getattr(record, item.name) for item in dataclasses.fields(record) if item.name not in exclude}


def _tool_row(tool: Tool) -> dict[str, object]:
    row = _fields(tool, exclude={"owned_by", "hosted_by", "license_history", "successors", "source", "unverified"})
    affiliations = {
        key: f"{item.name}{f' since {item.since}' if item.since else ''}" if item else None
        for key, item in (("owned_by", tool.owned_by), ("hosted_by", tool.hosted_by))
    }
    return (
        row
        | affiliations
        | _source(tool.owned_by.source if tool.owned_by else None, "owned_by_source")
        | _source(tool.hosted_by.source if tool.hosted_by else None, "hosted_by_source")
        | {
            "license_history": "; ".join(f"{period.license} from {period.since}" for period in tool.license_history),
            "license_change_sources": "; ".join(period.source.url for period in tool.license_history if period.source),
            "successors": "; ".join(
                f"{item.name} ({item.relation} since {item.since}, {item.license}, {item.maintainer}, {item.homepage}, source {item.source.url})"
                for item in tool.successors
            ),
            **_source(tool.source),
            "unverified": "; ".join(tool.unverified),
        }
    )


def _language_rows(eco: Ecosystem) -> list[dict[str, object]]:
    return [
        {"id": lang.id, "name": lang.name, "homepage": lang.homepage, "summary": lang.summary}
        | _source(lang.source)
        | {f"{cid}": r.value for cid, r in lang.ratings.items()}
        | {f"{cid}_level": r.level for cid, r in lang.ratings.items()}
        | {key: value for cid, r in lang.ratings.items() for key, value in _source(r.source, f"{cid}_source").items()}
        for lang in eco.languages
    ]


# Every exported table: its name (the files' stem) -> its rows, in the order the downloads list them.
_TABLES: dict[str, Callable[[Ecosystem], list[dict[str, object]]]] = {
    "languages": _language_rows,
    "tools": lambda eco: [_tool_row(tool) for tool in eco.tools],
    "companies": lambda eco: [
        _fields(company, exclude={"source"})
        | {"industries": "; ".join(company.industries), "uses": "; ".join(company.uses)}
        | _source(company.source)
        for company in eco.companies
    ],
    "industries": lambda eco: [_fields(item) | {"examples": "; ".join(item.examples)} for item in eco.industries],
    "databases": lambda eco: [
        _fields(item, exclude={"source"}) | {"use_cases": "; ".join(item.use_cases)} | _source(item.source) for item in eco.databases
    ],
    "architectures": lambda eco: [
        _fields(item) | {"advantages": "; ".join(item.advantages), "use_cases": "; ".join(item.use_cases)} for item in eco.architectures
    ],
}
# The tables' names: the download links need them without any rows.
EXPORTS = tuple(_TABLES)


def export_tables(eco: Ecosystem) -> dict[str, list[dict[str, object]]]:
    """One flat table per collection, as rows of plain values, for CSV and JSON exports."""
    return {name: rows(eco) for name, rows in _TABLES.items()}


def _cell(value: object) -> str:
    cell = "" if value is None else str(value)
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def as_csv(rows: list[dict[str, object]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else [], lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: _cell(value) for key, value in row.items()} for row in rows)
    return out.getvalue()


def as_json(rows: list[dict[str, object]]) -> str:
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def export_files(eco: Ecosystem) -> dict[str, str]:
    """Site-relative path -> file content for every export."""
    files: dict[str, str] = {}
    for name, rows in export_tables(eco).items():
        files[f"{EXPORT_DIR}/{name}.csv"] = as_csv(rows)
        files[f"{EXPORT_DIR}/{name}.json"] = as_json(rows)
    return files


def data_downloads(*, base: str) -> str:
    """Links to the data file, its schema and every export; `base` is the page's relative path to the site root."""
    items = [
        f'<li><a href="{text(base + DATA_FILE)}" download><code>ecosystem.yml</code></a>: the source data, edited by pull request</li>',
        f'<li><a href="{text(base + SCHEMA_FILE)}" download><code>ecosystem.schema.json</code></a>: its JSON Schema, for editors and validators</li>',
    ]
    for name in EXPORTS:
        csv_href, json_href = (text(f"{base}{EXPORT_DIR}/{name}.{ext}") for ext in ("csv", "json"))
        items.append(f'<li>{text(name.capitalize())}: <a href="{csv_href}" download>CSV</a> · <a href="{json_href}" download>JSON</a></li>')
    return '<ul class="gfbs-downloads">' + "".join(items) + "</ul>"
