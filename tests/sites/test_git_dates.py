""" "Last update" dates: one git log per build, the last commit per page, and the build date outside git."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.support.hooks import load_hook
from tests.support.sites import build_site, build_tiny_site, page
from tools.project import DOCS, REPO

PAGE = "language/concurrency.md"
revision_dates = load_hook("revision_dates")


def _shown_date(build, html: str) -> str:
    stamp = build.html(html).select_one(".md-source-file time")
    assert stamp is not None, f"no Last update date on {html}"
    return stamp["datetime"]


def test_log_parsing_keeps_each_files_newest_commit(tmp_path: Path) -> None:
    """Newest commit first: a file's first appearance is its last change; later (older) ones are ignored."""
    log = "\x1e200\n\ndocs/a.md\n\n\x1e100\n\ndocs/a.md\ndocs/b.md\n"
    assert revision_dates.last_commit_times(log, tmp_path) == {tmp_path / "docs/a.md": 200, tmp_path / "docs/b.md": 100}


@pytest.mark.parametrize(
    ("stamp", "shown"),
    [(0, '<time datetime="1970-01-01">January 1, 1970</time>'), (1796040000, '<time datetime="2026-11-30">November 30, 2026</time>')],
)
def test_revision_date_is_a_machine_readable_day(stamp: int, shown: str) -> None:
    """Dates are UTC days, written for people and tagged for machines."""
    assert revision_dates.revision_date(stamp) == shown


def test_site_outside_git_builds_with_the_build_date(tmp_path: Path) -> None:
    """A tiny site in tmp_path has no history: the strict build passes and the page shows today's date (UTC)."""
    before = datetime.now(UTC).date()
    build = build_tiny_site(tmp_path, {"index.md": page("Home", "Text.")}, full=True)
    after = datetime.now(UTC).date()
    assert build.ok, build.log
    assert _shown_date(build, "index.html") in {before.isoformat(), after.isoformat()}


def test_each_page_shows_its_own_last_commit(tmp_path: Path) -> None:
    """In a repository, each page's date is the day of the last commit that changed it, not the newest commit."""
    build_tiny_site(tmp_path, {"index.md": page("Home", "One."), "guide.md": page("Guide", "Two.")}, full=True)
    env = os.environ | {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }

    def git(*args: str, when: str | None = None) -> None:
        extra = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when} if when else {}
        subprocess.run(["git", *args], cwd=tmp_path, env=env | extra, check=True, capture_output=True)

    git("init", "-q")
    git("add", "docs")
    git("commit", "-qm", "first", when="2024-03-01T12:00:00Z")
    (tmp_path / "docs" / "guide.md").write_text(page("Guide", "Two, revised."))
    git("commit", "-qam", "second", when="2025-06-15T12:00:00Z")
    build = build_site(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert build.ok, build.log
    assert _shown_date(build, "index.html") == "2024-03-01"
    assert _shown_date(build, "guide/index.html") == "2025-06-15"


@pytest.mark.site
def test_handbook_page_shows_its_last_commit_date(handbook) -> None:
    """On the real site a page's date is the commit date of the last commit that touched its file."""
    stamp = subprocess.run(
        ["git", "log", "-1", "--format=%ct", "--", str(DOCS / PAGE)], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    assert stamp.strip(), f"{PAGE} has no commit: the handbook is tested from a clone, where every page has one"
    committed: date = datetime.fromtimestamp(int(stamp), UTC).date()
    assert _shown_date(handbook, "language/concurrency/index.html") == committed.isoformat()
