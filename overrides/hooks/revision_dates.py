"""MkDocs hook: "Last update" on every page, from the last commit that touched its source file.

One `git log` per build reads the whole history of docs/ at once. A file git does not know
(outside a repository, untracked, or git missing) shows the build date instead, so the site
always builds; a shallow clone shows the dates of the commits it holds.
"""

from __future__ import annotations

import logging
import os
import time
from datetime import UTC, datetime
from pathlib import Path

from git_command import git  # beside this file: see git_command.py
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.gfbs.revision_dates")
_COMMIT = "\x1e"  # starts each commit's line in the log format below

# Last commit time per absolute source path, and the time that stands in for files git does not know;
# both are set once per build in on_config.
_last_commit: dict[Path, int] = {}
_build_time = 0


def last_commit_times(log_output: str, root: Path) -> dict[Path, int]:
    """Parse `git log --format=<RS>%ct --name-only` (newest first) into file -> time of its newest commit."""
    times: dict[Path, int] = {}
    stamp = 0
    for line in log_output.split("\n"):  # not splitlines(): it also splits on the record separator
        if line.startswith(_COMMIT):
            stamp = int(line[1:])
        elif line:
            times.setdefault(root / line, stamp)
    return times


def revision_date(stamp: int) -> str:
    """The date as Material's source-file partial shows it, e.g. `<time datetime="2026-11-29">November 29, 2026</time>`."""
    day = datetime.fromtimestamp(stamp, UTC).date()
    return f'<time datetime="{day.isoformat()}">{day:%B} {day.day}, {day.year}</time>'


def _git_log(docs_dir: Path) -> tuple[str, Path] | None:
    root = git("rev-parse", "--show-toplevel", cwd=docs_dir, check=False)
    if root is None:
        return None
    output = git("log", f"--format={_COMMIT}%ct", "--name-only", "--no-renames", "--", ".", cwd=docs_dir, check=False)
    return None if output is None else (output, Path(root))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read the history of docs/ once for the whole build."""
    global _build_time
    _build_time = int(os.environ.get("SOURCE_DATE_EPOCH") or time.time())
    _last_commit.clear()
    found = _git_log(Path(config.docs_dir))
    if found is None:
        log.info("no git history for %s: pages show the build date as their last update", config.docs_dir)
    else:
        _last_commit.update(last_commit_times(*found))
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give the page its date; Material's source-file partial shows `revision_date`."""
    source = page.file.abs_src_path  # None only for a generated page, which has no commit
    stamp = _last_commit.get(Path(source).resolve(), _build_time) if source else _build_time
    page.meta.setdefault("revision_date", revision_date(stamp))
    return markdown
