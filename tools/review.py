"""`make review BASE=<ref>`: a Markdown summary of what a change does to the data file and the pages, for a pull request.

    python -m tools.review [BASE]    BASE defaults to origin/main, or HEAD~1 when there is no origin/main

The data file is compared entry by entry (by id) and field by field; every source whose URL or checked
date changed is listed again on its own, with the entries whose facts changed while no source was
re-checked. Pages are listed from `git diff` against BASE, including uncommitted and untracked files.
The output suits $GITHUB_STEP_SUMMARY.
"""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from tools.project import DATA, DOCS, REPO

# The data file and the pages folder as git names them, relative to the repository root.
DATA_FILE = DATA.relative_to(REPO).as_posix()
DOCS_PREFIX = DOCS.relative_to(REPO).as_posix() + "/"
# Entries are matched by the first of these keys they have; matchups have no id of their own.
_KEYS = ("id", "against")
_STATUS = {"A": "added", "M": "changed", "D": "removed", "R": "renamed", "C": "copied", "T": "changed type"}


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: object
    new: object


@dataclass(frozen=True)
class EntryChange:
    """One entry of a collection that was added, removed or changed."""

    collection: str
    key: str
    kind: str  # "added", "removed" or "changed"
    fields: tuple[FieldChange, ...] = ()


def diff_ecosystem(old: dict | None, new: dict | None) -> list[EntryChange]:
    """Entries added, removed and changed between two parsed data files, collection by collection, in file order."""
    old, new = old or {}, new or {}
    changes: list[EntryChange] = []
    for collection in [*new, *(name for name in old if name not in new)]:
        before, after = _entries(old.get(collection)), _entries(new.get(collection))
        for key, entry in after.items():
            if key not in before:
                changes.append(EntryChange(collection, key, "added"))
            else:
                fields = tuple(_field_changes(before[key], entry))
                if fields:
                    changes.append(EntryChange(collection, key, "changed", fields))
        changes += [EntryChange(collection, key, "removed") for key in before if key not in after]
    return changes


def _entries(items: object) -> dict[str, object]:
    """A collection as key -> entry; an entry without id or against is keyed by its position."""
    if not isinstance(items, list):
        return {} if items is None else {"(value)": items}
    keyed: dict[str, object] = {}
    for index, item in enumerate(items):
        key = next((str(item[name]) for name in _KEYS if isinstance(item, dict) and name in item), f"#{index + 1}")
        keyed[key] = item
    return keyed


def _field_changes(old: object, new: object, prefix: str = "") -> list[FieldChange]:
    """Nested mappings are compared key by key (`ratings.typing.level`), lists of mappings of one length item by item
    (`license_history[1].since`); anything else as a whole value."""
    if _mappings(old) and _mappings(new) and len(old) == len(new):
        return [
            change
            for index, (before, after) in enumerate(zip(old, new, strict=True))
            for change in _field_changes(before, after, f"{prefix}[{index}]")
        ]
    if isinstance(old, dict) and isinstance(new, dict):
        changes: list[FieldChange] = []
        for key in [*new, *(name for name in old if name not in new)]:
            field = f"{prefix}.{key}" if prefix else str(key)
            if key not in old:
                changes.append(FieldChange(field, None, new[key]))
            elif key not in new:
                changes.append(FieldChange(field, old[key], None))
            else:
                changes += _field_changes(old[key], new[key], field)
        return changes
    return [] if old == new else [FieldChange(prefix or "(value)", old, new)]


def _mappings(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def _value(value: object) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, datetime.date):  # YAML reads `checked: 2026-11-30` as a date
        value = value.isoformat()
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def render_data_changes(changes: list[EntryChange]) -> list[str]:
    """Markdown lines: one bullet per entry, with a sub-bullet per changed field (old -> new)."""
    if not changes:
        return ["No entries changed."]
    lines: list[str] = []
    collection = None
    for change in changes:
        if change.collection != collection:
            collection = change.collection
            lines += ["", f"**{collection}**", ""]
        lines.append(f"- {change.kind.capitalize()} `{change.key}`")
        for field in change.fields:
            if field.old is None:
                lines.append(f"    - `{field.field}`: added {_value(field.new)}")
            elif field.new is None:
                lines.append(f"    - `{field.field}`: removed (was {_value(field.old)})")
            else:
                lines.append(f"    - `{field.field}`: {_value(field.old)} → {_value(field.new)}")
    return lines[1:] if lines[0] == "" else lines


def _is_source_field(field: str) -> bool:
    return any(part.split("[")[0] == "source" for part in field.split("."))


def render_source_changes(changes: list[EntryChange], new: dict | None) -> list[str]:
    """Markdown lines: every source added, changed or removed, and the entries whose facts changed with no source re-checked.

    A reviewer re-reads exactly these pages; a fact edited under an unchanged `checked` date claims a check nobody made.
    """
    lines: list[str] = []
    unchecked: list[str] = []
    new_entries = {collection: _entries(items) for collection, items in (new or {}).items()}
    for change in changes:
        label = f"`{change.collection}` `{change.key}`"
        if change.kind == "added":
            lines += [
                _added_source(label, path, url, checked) for path, url, checked in _sources_of(new_entries[change.collection][change.key])
            ]
            continue
        rechecked, facts = False, []
        for field in change.fields:
            if _is_source_field(field.field):
                lines.append(_changed_source(label, field))
                # A moved `checked`, or a source that is new or newly dated, is a fresh check.
                rechecked = (
                    rechecked or field.field.endswith("checked") or (isinstance(field.new, dict) and not isinstance(field.old, dict))
                )
                continue
            added = _sources_of(field.new, field.field)
            lines += [_added_source(label, path, url, checked) for path, url, checked in added]
            rechecked = rechecked or bool(added)
            facts.append(field.field)
        if facts and not rechecked:
            unchecked.append(f"- {label}: {', '.join(f'`{fact}`' for fact in facts)}")
    out = lines or ["No sources changed."]
    if unchecked:
        out += ["", "Facts changed while no source's `checked` date moved (re-read the source, or explain why not):", "", *unchecked]
    return out


def _added_source(label: str, path: str, url: object, checked: object) -> str:
    return f"- {label} `{path}`: added {_value(url)}, checked {_value(checked)}"


def _changed_source(label: str, field: FieldChange) -> str:
    if isinstance(field.new, dict) and field.old is None:
        return _added_source(label, field.field, field.new.get("url"), field.new.get("checked"))
    if isinstance(field.new, dict) and not isinstance(field.old, dict):  # a bare URL given its checked date
        return (
            f"- {label} `{field.field}`: {_value(field.old)} → {_value(field.new.get('url'))}, checked {_value(field.new.get('checked'))}"
        )
    if field.old is None:
        return f"- {label} `{field.field}`: added {_value(field.new)}"
    if field.new is None:
        return f"- {label} `{field.field}`: removed (was {_value(field.old)})"
    return f"- {label} `{field.field}`: {_value(field.old)} → {_value(field.new)}"


def _sources_of(node: object, prefix: str = "") -> list[tuple[str, object, object]]:
    """(field path, url, checked) of every `source` mapping inside an entry or a value, in file order."""
    found: list[tuple[str, object, object]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            if key == "source" and isinstance(value, dict):
                found.append((path, value.get("url"), value.get("checked")))
            else:
                found += _sources_of(value, path)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found += _sources_of(item, f"{prefix}[{index}]")
    return found


def render_file_changes(files: list[tuple[str, str]]) -> list[str]:
    """Markdown lines for (status, path) pairs: pages first, then the other files under docs/."""
    pages = [(status, path) for status, path in files if path.endswith(".md")]
    others = [(status, path) for status, path in files if not path.endswith(".md") and path != DATA_FILE]
    lines = ["### Pages", ""]
    lines += [f"- {status}: `{path}`" for status, path in pages] or ["No pages changed."]
    if others:
        lines += ["", "### Other files under docs/", "", *(f"- {status}: `{path}`" for status, path in others)]
    return lines


def summary(base: str, old: dict | None, new: dict | None, files: list[tuple[str, str]]) -> str:
    """The whole Markdown summary."""
    changes = diff_ecosystem(old, new)
    lines = [f"## Changes against `{base}`", "", f"### Data: `{DATA_FILE}`", "", *render_data_changes(changes), ""]
    lines += ["### Sources", "", *render_source_changes(changes, new), ""]
    lines += render_file_changes(files)
    return "\n".join(lines) + "\n"


# --- git --------------------------------------------------------------------------------------------


def _git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=check)


def default_base(repo: Path) -> str:
    """origin/main when the clone has it, else the previous commit."""
    found = _git(repo, "rev-parse", "--verify", "--quiet", "origin/main^{commit}", check=False)
    return "origin/main" if found.returncode == 0 else "HEAD~1"


def data_at(repo: Path, base: str) -> dict | None:
    """The data file as it was at base, parsed; None when it did not exist there."""
    shown = _git(repo, "show", f"{base}:{DATA_FILE}", check=False)
    return yaml.safe_load(shown.stdout) if shown.returncode == 0 else None


def changed_files(repo: Path, base: str) -> list[tuple[str, str]]:
    """(status, path) of every file under docs/ that differs from base, untracked files included."""
    diff = _git(repo, "diff", "--name-status", "-M", base, "--", DOCS_PREFIX).stdout
    files = []
    for line in diff.splitlines():
        status, *paths = line.split("\t")
        label = _STATUS.get(status[0], status)
        files.append((f"{label} from `{paths[0]}`" if status[0] == "R" else label, paths[-1]))
    untracked = _git(repo, "ls-files", "--others", "--exclude-standard", "--", DOCS_PREFIX).stdout
    files += [("added", path) for path in untracked.splitlines()]
    return sorted(files, key=lambda item: item[1])


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    top = _git(Path.cwd(), "rev-parse", "--show-toplevel", check=False)
    if top.returncode != 0:
        print("make review: not inside a git repository", file=sys.stderr)
        return 2
    repo = Path(top.stdout.strip())
    base = args[0] if args and args[0] else default_base(repo)
    if _git(repo, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}", check=False).returncode != 0:
        print(f"make review: unknown git ref {base!r}; pass BASE=<branch, tag or commit>, e.g. BASE=origin/main", file=sys.stderr)
        return 2
    current = repo / DATA_FILE
    new = yaml.safe_load(current.read_text(encoding="utf-8")) if current.is_file() else None
    sys.stdout.write(summary(base, data_at(repo, base), new, changed_files(repo, base)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
