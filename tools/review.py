"""`make review BASE=<ref>`: a Markdown summary of what a change does to the data file and the pages, for a pull request.

    python -m tools.review [--preview NUMBER [--site DIR] | --fork] [BASE]
                                      BASE defaults to origin/main, or HEAD~1 when there is no origin/main

The data file is compared entry by entry (by id) and field by field: an added entry shows every field it
sets, and facts listed under its `unverified` are marked. Every source whose URL or checked date changed is
listed again on its own, with the entries whose facts changed while no source was re-checked. Pages are
listed from `git diff` against BASE, each with its URL on the site and the lines changed; uncommitted and
untracked files count too, and the heading says when they do. The output suits $GITHUB_STEP_SUMMARY.

For a pull request's comment (.github/workflows/preview.yml), --preview NUMBER opens the summary with the
preview's address and links every changed page, and every changed data entry, to where the preview shows it:
the entry's row or column in a table of the tree `make publish PREVIEW=NUMBER` wrote into --site. --fork says
instead that a fork's pull request gets no preview, and why. Both open with MARKER, by which the workflow finds
its comment again.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeGuard

import yaml
from bs4 import BeautifulSoup

from overrides.hooks.git_command import git
from tools.project import CONFIG, DATA, DOCS, REPO, Project, load_project
from tools.publish import PUBLISH_DIR, site_url

# The data file and the pages folder as git names them, relative to the repository root.
DATA_IN_REPO = DATA.relative_to(REPO).as_posix()
DOCS_PREFIX = DOCS.relative_to(REPO).as_posix() + "/"
# Entries are matched by the first of these keys they have; matchups have no id of their own.
_KEYS = ("id", "against")
MARKER = "<!-- make review -->"
FORK_NOTE = (
    "No preview: this pull request comes from a fork. Previews are published at this site's own address, where a "
    "fork's pages could run scripts of their own, so only branches of this repository get one. The CI run's `site` "
    "artifact holds the built site."
)
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
    fields: tuple[FieldChange, ...] = ()  # for an added entry, every field it sets (old is None)
    unverified: tuple[str, ...] = ()  # the entry's `unverified` facts, as it is now


@dataclass(frozen=True)
class FileChange:
    """One file under docs/ that differs from BASE, with its lines added and removed (None for a binary file)."""

    status: str
    path: str
    added: int | None = None
    removed: int | None = None


@dataclass(frozen=True)
class PullRequestPreview:
    """A pull request's preview: where it lives, its pages, and where its tables show each entry."""

    url: str
    project: Project  # what the preview was built from: where each page's URL is
    pages: frozenset[str] = frozenset()  # every page's URL relative to the preview, "" for the home page
    anchors: dict[str, str] = dataclasses.field(default_factory=dict)  # a table header cell's id -> "<page URL>#<id>", first page first

    def page(self, path: str) -> str | None:
        """The preview's URL of the page at `path` (docs/...md), or None when the preview has no such page."""
        url = self.project.page_url(path.removeprefix(DOCS_PREFIX))
        return self.url + url if path.endswith(".md") and url in self.pages else None

    def entry(self, key: str) -> str | None:
        """Where the preview's tables show the entry `key`: the row or column whose id is `<kind>-<key>`."""
        return next((self.url + target for anchor, target in self.anchors.items() if anchor.partition("-")[2] == key), None)


def read_preview(url: str, site: Path, project: Project) -> PullRequestPreview:
    """The preview at `url`, built from `project` into `site`: its pages and its tables' row and column ids (the print
    page left out)."""
    pages: set[str] = set()
    anchors: dict[str, str] = {}
    for path in sorted(site.rglob("index.html")):
        page = path.parent.relative_to(site).as_posix()
        page = "" if page == "." else page + "/"
        if page.startswith("print_page/"):
            continue
        pages.add(page)
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for cell in soup.select("table.gfbs-table th[id]"):
            anchors.setdefault(str(cell["id"]), f"{page}#{cell['id']}")
    return PullRequestPreview(url, project, frozenset(pages), anchors)


def _linked(label: str, url: str | None) -> str:
    return f"[{label}]({url})" if url else label


def diff_ecosystem(old: dict | None, new: dict | None) -> list[EntryChange]:
    """Entries added, removed and changed between two parsed data files, collection by collection, in file order."""
    old, new = old or {}, new or {}
    changes: list[EntryChange] = []
    for collection in [*new, *(name for name in old if name not in new)]:
        before, after = _entries(old.get(collection)), _entries(new.get(collection))
        for key, entry in after.items():
            unverified = _unverified_facts(entry)
            if key not in before:
                # The key that names the entry is in its heading already.
                fields = tuple(field for field in _fields_set(entry) if field.field not in _KEYS)
                changes.append(EntryChange(collection, key, "added", fields, unverified))
            else:
                fields = tuple(_field_changes(before[key], entry))
                if fields:
                    changes.append(EntryChange(collection, key, "changed", fields, unverified))
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


def _unverified_facts(entry: object) -> tuple[str, ...]:
    listed = entry.get("unverified") if isinstance(entry, dict) else None
    return tuple(str(item) for item in listed) if isinstance(listed, list) else ()


def _fields_set(node: object, prefix: str = "") -> list[FieldChange]:
    """Every field of a new entry as added (`source.url`, `license_history[1].since`); a list of plain values is one field."""
    if isinstance(node, dict):
        return [change for key, value in node.items() for change in _fields_set(value, f"{prefix}.{key}" if prefix else str(key))]
    if _mappings(node):
        return [change for index, item in enumerate(node) for change in _fields_set(item, f"{prefix}[{index}]")]
    return [FieldChange(prefix or "(value)", None, node)]


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


def _mappings(value: object) -> TypeGuard[list[dict]]:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def _value(value: object) -> str:
    if isinstance(value, list) and value and not any(isinstance(item, dict | list) for item in value):
        return ", ".join(_value(item) for item in value)  # `uses`, `industries`: one code span per item
    if value is None:
        return "(none)"
    if isinstance(value, datetime.date):  # YAML reads `checked: 2026-11-30` as a date
        value = value.isoformat()
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def render_data_changes(changes: list[EntryChange], preview: PullRequestPreview | None = None) -> list[str]:
    """Markdown lines: one bullet per entry, linked to the preview's table where it shows, with a sub-bullet per changed field."""
    if not changes:
        return ["No entries changed."]
    lines: list[str] = []
    collection = None
    for change in changes:
        if change.collection != collection:
            collection = change.collection
            lines += ["", f"**{collection}**", ""]
        where = preview.entry(change.key) if preview and change.kind != "removed" else None
        lines.append(f"- {change.kind.capitalize()} {_linked(f'`{change.key}`', where)}")
        for field in change.fields:
            flag = _UNVERIFIED if field.field.split(".")[0].split("[")[0] in change.unverified else ""
            if change.kind == "added":
                lines.append(f"    - `{field.field}`: {_value(field.new)}{flag}")
            elif field.old is None:
                lines.append(f"    - `{field.field}`: added {_value(field.new)}{flag}")
            elif field.new is None:
                lines.append(f"    - `{field.field}`: removed (was {_value(field.old)})")
            else:
                lines.append(f"    - `{field.field}`: {_value(field.old)} → {_value(field.new)}{flag}")
    return lines[1:] if lines[0] == "" else lines


# A fact the entry lists under `unverified`: the tables mark it, and so does the review.
_UNVERIFIED = " ⚠ **unverified**: the source does not confirm it"


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


def render_file_changes(files: list[FileChange], url_of: Callable[[str], str], preview: PullRequestPreview | None = None) -> list[str]:
    """Markdown lines: pages first, each linked to its preview or else with its URL on the site (`url_of` a path under
    docs/), and the lines changed; then the other files under docs/."""
    pages = [file for file in files if file.path.endswith(".md")]
    others = [file for file in files if not file.path.endswith(".md") and file.path != DATA_IN_REPO]
    lines = ["### Pages", ""]
    lines += [f"- {file.status}: {_page_reference(file, url_of, preview)}{_lines_changed(file)}" for file in pages] or ["No pages changed."]
    if others:
        lines += ["", "### Other files under docs/", "", *(f"- {file.status}: `{file.path}`{_lines_changed(file)}" for file in others)]
    return lines


def _page_reference(file: FileChange, url_of: Callable[[str], str], preview: PullRequestPreview | None) -> str:
    in_preview = preview.page(file.path) if preview and file.status != "removed" else None
    if in_preview:
        return _linked(f"`{file.path}`", in_preview)
    return f"`{file.path}`, {'was ' if file.status == 'removed' else ''}{url_of(file.path.removeprefix(DOCS_PREFIX))}"


def _lines_changed(file: FileChange) -> str:
    if file.added is None or file.removed is None:
        return ""
    count = file.added + file.removed
    return f", {count} line{'s' if count != 1 else ''} changed (+{file.added} −{file.removed})"


def site_urls(project: Project) -> Callable[[str], str]:
    """A page's URL on the project's site (its site_url, which SITE_URL sets), from its path under docs/."""
    root = (project.site_url or "/").rstrip("/") + "/"
    return lambda source: root + project.page_url(source)


def summary(
    base: str,
    old: dict | None,
    new: dict | None,
    files: list[FileChange],
    *,
    url_of: Callable[[str], str],
    uncommitted: bool = False,
    preview: PullRequestPreview | None = None,
    fork: bool = False,
) -> str:
    """The whole Markdown summary; `uncommitted` says that edits not yet committed are part of it. For a pull request's
    comment it opens with MARKER and the preview's address, or why there is none."""
    changes = diff_ecosystem(old, new)
    lines = [MARKER, f"**Preview:** {preview.url}", ""] if preview else [MARKER, FORK_NOTE, ""] if fork else []
    lines += [f"## Changes against `{base}`" + (", uncommitted edits included" if uncommitted else "")]
    lines += ["", f"### Data: `{DATA_IN_REPO}`", "", *render_data_changes(changes, preview), ""]
    lines += ["### Sources", "", *render_source_changes(changes, new), ""]
    lines += render_file_changes(files, url_of, preview)
    return "\n".join(lines) + "\n"


# --- git --------------------------------------------------------------------------------------------


def _commit_exists(repo: Path, ref: str) -> bool:
    return git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", cwd=repo, check=False) is not None


def default_base(repo: Path) -> str:
    """origin/main when the clone has it, else the previous commit."""
    return "origin/main" if _commit_exists(repo, "origin/main") else "HEAD~1"


def data_at(repo: Path, base: str) -> dict | None:
    """The data file as it was at base, parsed; None when it did not exist there."""
    shown = git("show", f"{base}:{DATA_IN_REPO}", cwd=repo, check=False)
    return yaml.safe_load(shown) if shown is not None else None


def changed_files(repo: Path, base: str) -> list[FileChange]:
    """Every file under docs/ that differs from base, untracked files included, with the lines added and removed."""
    diff = git("diff", "--name-status", "-M", base, "--", DOCS_PREFIX, cwd=repo)
    counts = _line_counts(git("diff", "--numstat", "-z", "-M", base, "--", DOCS_PREFIX, cwd=repo))
    files = []
    for line in diff.splitlines():
        status, *paths = line.split("\t")
        label = _STATUS.get(status[0], status)
        files.append(
            FileChange(f"{label} from `{paths[0]}`" if status[0] == "R" else label, paths[-1], *counts.get(paths[-1], (None, None)))
        )
    untracked = git("ls-files", "--others", "--exclude-standard", "--", DOCS_PREFIX, cwd=repo)
    for path in untracked.splitlines():
        try:
            added = len((repo / path).read_text(encoding="utf-8").splitlines())
        except UnicodeDecodeError:  # a new image or other binary file has no lines
            added = None
        files.append(FileChange("added", path, added, None if added is None else 0))
    return sorted(files, key=lambda item: item.path)


def _line_counts(numstat: str) -> dict[str, tuple[int | None, int | None]]:
    """path -> (lines added, lines removed) from `git diff --numstat -z`; a rename is keyed by its new path, a binary file by (None, None)."""
    counts: dict[str, tuple[int | None, int | None]] = {}
    fields = numstat.split("\0")
    index = 0
    while index < len(fields) - 1:
        added, removed, path = fields[index].split("\t")
        index += 1
        if not path:  # a rename: the old path, then the new one, follow as fields of their own
            path = fields[index + 1]
            index += 2
        counts[path] = (int(added), int(removed)) if added != "-" else (None, None)
    return counts


def uncommitted_edits(repo: Path) -> bool:
    """Whether anything under docs/ differs from the last commit, untracked files included."""
    return bool(git("status", "--porcelain", "--untracked-files=all", "--", DOCS_PREFIX, cwd=repo).strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.review", description=__doc__.split("\n")[0])
    parser.add_argument("base", nargs="?", default="", help="the git ref to compare against (default: origin/main, else HEAD~1)")
    parser.add_argument("--preview", type=int, metavar="NUMBER", help="link the changes to pull request NUMBER's preview")
    parser.add_argument("--site", type=Path, default=PUBLISH_DIR, help="the preview's tree, as make publish wrote it (default: dist/site)")
    parser.add_argument("--fork", action="store_true", help="say that this pull request, from a fork, has no preview")
    args = parser.parse_args(argv)
    top = git("rev-parse", "--show-toplevel", cwd=Path.cwd(), check=False)
    if top is None:
        print("make review: not inside a git repository", file=sys.stderr)
        return 2
    repo = Path(top)
    base = args.base or default_base(repo)
    if not _commit_exists(repo, base):
        print(f"make review: unknown git ref {base!r}; pass BASE=<branch, tag or commit>, e.g. BASE=origin/main", file=sys.stderr)
        return 2
    current = repo / DATA_IN_REPO
    new = yaml.safe_load(current.read_text(encoding="utf-8")) if current.is_file() else None
    project = load_project(CONFIG)
    preview = read_preview(site_url(args.preview), args.site, project) if args.preview is not None and not args.fork else None
    files = changed_files(repo, base)
    uncommitted = uncommitted_edits(repo)
    sys.stdout.write(
        summary(base, data_at(repo, base), new, files, url_of=site_urls(project), uncommitted=uncommitted, preview=preview, fork=args.fork)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
