""""Last update" dates come from git, and a site outside git still builds strictly with the build date."""

from __future__ import annotations

import subprocess
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from tests.support.sites import DOCS, REPO, build_tiny_site, page

PAGE = "language/concurrency.md"


def _shown_date(build, html: str) -> str:
    stamp = build.html(html).select_one(".md-source-file .git-revision-date-localized-plugin-date")
    assert stamp is not None, f"no Last update date on {html}"
    return stamp.get_text(strip=True)


def _long(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def test_site_outside_git_builds_with_the_build_date(tmp_path: Path) -> None:
    """A tiny site in tmp_path has no history: the strict build passes and the page shows today's date (UTC)."""
    before = datetime.now(timezone.utc).date()
    build = build_tiny_site(tmp_path, {"index.md": page("Home", "Text.")})
    after = datetime.now(timezone.utc).date()
    assert build.returncode == 0, build.log
    assert _shown_date(build, "index.html") in {_long(before), _long(after)}


@pytest.mark.site
def test_handbook_page_shows_its_last_commit_date(handbook) -> None:
    """A page's date is the author date of the last commit that touched its file."""
    stamp = subprocess.run(["git", "log", "-1", "--format=%at", "--", str(DOCS / PAGE)], cwd=REPO, capture_output=True, text=True, check=True).stdout
    assert stamp.strip(), f"{PAGE} has no commit: the handbook is tested from a clone, where every page has one"
    committed = datetime.fromtimestamp(int(stamp), timezone.utc).date()
    assert _shown_date(handbook, "language/concurrency/index.html") == _long(committed)
