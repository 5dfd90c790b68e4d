"""`make review` (tools.review): data entries diffed by id and field, and changed pages, against a git ref."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.support.guide import fenced, guide_section, with_example
from tests.support.sites import page, write_tiny_site
from tools.project import CONFIG, DATA, OFFLINE_CONFIG, REPO, load_project
from tools.review import (
    EntryChange,
    FieldChange,
    PullRequestPreview,
    diff_ecosystem,
    render_data_changes,
    render_source_changes,
    site_urls,
    summary,
)
from tools.review import main as review_main

GO = {"id": "go", "name": "Go", "homepage": "https://go.dev", "ratings": {"typing": {"value": "Static", "level": "strong"}}}

# Each case: the data before, the data after, and the changes expected between them.
DIFF_CASES = [
    ({"languages": [GO]}, {"languages": [GO]}, []),
    (
        {"languages": []},
        {"languages": [GO]},
        [
            EntryChange(
                "languages",
                "go",
                "added",
                (
                    FieldChange("name", None, "Go"),
                    FieldChange("homepage", None, "https://go.dev"),
                    FieldChange("ratings.typing.value", None, "Static"),
                    FieldChange("ratings.typing.level", None, "strong"),
                ),
            )
        ],
    ),
    ({"languages": [GO]}, {"languages": []}, [EntryChange("languages", "go", "removed")]),
    (
        {"languages": [GO]},
        {"languages": [GO | {"homepage": "https://golang.org"}]},
        [EntryChange("languages", "go", "changed", (FieldChange("homepage", "https://go.dev", "https://golang.org"),))],
    ),
    (
        {"languages": [GO]},
        {"languages": [GO | {"ratings": {"typing": {"value": "Static", "level": "moderate", "note": "New."}}}]},
        [
            EntryChange(
                "languages",
                "go",
                "changed",
                (FieldChange("ratings.typing.level", "strong", "moderate"), FieldChange("ratings.typing.note", None, "New.")),
            )
        ],
    ),
    (
        {"matchups": [{"against": "java", "go_strengths": ["a"]}]},
        {"matchups": [{"against": "java", "go_strengths": ["a", "b"]}]},
        [EntryChange("matchups", "java", "changed", (FieldChange("go_strengths", ["a"], ["a", "b"]),))],
    ),
    (None, {"tools": [{"id": "docker"}]}, [EntryChange("tools", "docker", "added")]),
    ({"tools": [{"id": "docker"}]}, {}, [EntryChange("tools", "docker", "removed")]),
]


@pytest.mark.parametrize(("old", "new", "expected"), DIFF_CASES)
def test_diff_ecosystem(old: dict | None, new: dict, expected: list[EntryChange]) -> None:
    """Entries are matched by id (or `against`), and nested fields are compared one by one."""
    assert diff_ecosystem(old, new) == expected


def test_render_shows_each_field_old_and_new() -> None:
    """The Markdown names the collection, the entry's id and each field with its old and new value."""
    changes = [
        EntryChange("companies", "acme", "added"),
        EntryChange(
            "companies",
            "globex",
            "changed",
            (FieldChange("source", "https://a.example", "https://b.example"), FieldChange("note", "Old", None)),
        ),
    ]
    assert render_data_changes(changes) == [
        "**companies**",
        "",
        "- Added `acme`",
        "- Changed `globex`",
        "    - `source`: `https://a.example` → `https://b.example`",
        "    - `note`: removed (was `Old`)",
    ]


def test_added_entry_lists_every_field_and_marks_unverified_facts() -> None:
    """A reviewer sees what a new entry says without the raw diff, and which of its facts the source does not confirm."""
    tool = {
        "id": "caddy",
        "name": "Caddy",
        "category": "web-servers",
        "first_release": 2015,
        "license": "Apache-2.0",
        "license_history": [{"license": "MIT", "since": 2015}, {"license": "Apache-2.0", "since": 2016}],
        "source": {"url": "https://caddyserver.com", "checked": datetime.date(2026, 11, 30)},
        "unverified": ["first_release", "license"],
    }
    company = {"id": "monzo", "name": "Monzo", "industries": ["fintech", "banking"], "uses": ["Payments", "Ledgers"]}
    changes = diff_ecosystem({}, {"tools": [tool], "companies": [company]})
    flag = " ⚠ **unverified**: the source does not confirm it"
    assert render_data_changes(changes) == [
        "**tools**",
        "",
        "- Added `caddy`",
        "    - `name`: `Caddy`",
        "    - `category`: `web-servers`",
        f"    - `first_release`: `2015`{flag}",
        f"    - `license`: `Apache-2.0`{flag}",
        "    - `license_history[0].license`: `MIT`",
        "    - `license_history[0].since`: `2015`",
        "    - `license_history[1].license`: `Apache-2.0`",
        "    - `license_history[1].since`: `2016`",
        "    - `source.url`: `https://caddyserver.com`",
        "    - `source.checked`: `2026-11-30`",
        "    - `unverified`: `first_release`, `license`",
        "",
        "**companies**",
        "",
        "- Added `monzo`",
        "    - `name`: `Monzo`",
        "    - `industries`: `fintech`, `banking`",
        "    - `uses`: `Payments`, `Ledgers`",
    ]


def test_changed_fact_that_is_unverified_is_marked() -> None:
    """An edit to a fact the entry lists as unverified carries the same mark as in an added entry."""
    old = {"tools": [{"id": "caddy", "license": "MIT", "unverified": ["license"]}]}
    new = {"tools": [{"id": "caddy", "license": "Apache-2.0", "unverified": ["license"]}]}
    assert render_data_changes(diff_ecosystem(old, new))[-1] == (
        "    - `license`: `MIT` → `Apache-2.0` ⚠ **unverified**: the source does not confirm it"
    )


TERRAFORM = {
    "id": "terraform",
    "license": "BUSL-1.1",
    "license_history": [
        {"license": "MPL-2.0", "since": 2014},
        {"license": "BUSL-1.1", "since": 2023, "source": {"url": "https://a.example/licence", "checked": datetime.date(2025, 1, 1)}},
    ],
    "source": {"url": "https://a.example/terraform", "checked": datetime.date(2025, 1, 1)},
}


def test_licence_history_is_compared_period_by_period_and_dates_print_plainly() -> None:
    """A re-checked licence change shows as one field (`license_history[1].source.checked`), its dates as ISO text."""
    recheck = TERRAFORM | {
        "license_history": [
            TERRAFORM["license_history"][0],
            TERRAFORM["license_history"][1] | {"source": {"url": "https://a.example/licence", "checked": datetime.date(2026, 11, 30)}},
        ]
    }
    [change] = diff_ecosystem({"tools": [TERRAFORM]}, {"tools": [recheck]})
    assert change.fields == (FieldChange("license_history[1].source.checked", datetime.date(2025, 1, 1), datetime.date(2026, 11, 30)),)
    assert render_data_changes([change])[-1] == "    - `license_history[1].source.checked`: `2025-01-01` → `2026-11-30`"


# Each case: the entry after the edit, then the lines the Sources section must show for it.
SOURCE_CASES = [
    (
        TERRAFORM | {"source": {"url": "https://b.example/terraform", "checked": datetime.date(2026, 11, 30)}},
        [
            "- `tools` `terraform` `source.url`: `https://a.example/terraform` → `https://b.example/terraform`",
            "- `tools` `terraform` `source.checked`: `2025-01-01` → `2026-11-30`",
        ],
    ),
    (
        TERRAFORM | {"license": "MPL-2.0"},
        [
            "No sources changed.",
            "",
            "Facts changed while no source's `checked` date moved (re-read the source, or explain why not):",
            "",
            "- `tools` `terraform`: `license`",
        ],
    ),
    (
        TERRAFORM | {"license": "MPL-2.0", "source": TERRAFORM["source"] | {"checked": datetime.date(2026, 11, 30)}},
        ["- `tools` `terraform` `source.checked`: `2025-01-01` → `2026-11-30`"],
    ),
    (
        TERRAFORM
        | {"owned_by": {"name": "IBM", "since": 2025, "source": {"url": "https://c.example/ibm", "checked": datetime.date(2026, 11, 30)}}},
        ["- `tools` `terraform` `owned_by.source`: added `https://c.example/ibm`, checked `2026-11-30`"],
    ),
    (
        TERRAFORM | {"source": "https://a.example/terraform"},
        [
            '- `tools` `terraform` `source`: `{"url": "https://a.example/terraform", "checked": "2025-01-01"}` → `https://a.example/terraform`'
        ],
    ),
    (
        {key: value for key, value in TERRAFORM.items() if key != "source"},
        ['- `tools` `terraform` `source`: removed (was `{"url": "https://a.example/terraform", "checked": "2025-01-01"}`)'],
    ),
]


@pytest.mark.parametrize(("after", "expected"), SOURCE_CASES)
def test_sources_section_lists_each_changed_source_and_unchecked_facts(after: dict, expected: list[str]) -> None:
    """Reviewers see which pages to re-read, and which edited facts claim a check nobody made."""
    new = {"tools": [after]}
    assert render_source_changes(diff_ecosystem({"tools": [TERRAFORM]}, new), new) == expected


def _git(repo: Path, *args: str) -> str:
    env = os.environ | {
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True).stdout


REVIEWED_SITE_URL = "https://handbook.example/"


def _review(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m tools.review` in `repo`, as `make review` runs it."""
    env = os.environ | {"PYTHONPATH": str(REPO), "SITE_URL": REVIEWED_SITE_URL}
    return subprocess.run([sys.executable, "-m", "tools.review", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=60)


@pytest.fixture
def review(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Callable[..., subprocess.CompletedProcess[str]]:
    """What _review returns, from tools.review's main() in this process: the command line is proven once (the first test
    below), and each further Python start would only import MkDocs again."""

    def run(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
        monkeypatch.chdir(repo)
        monkeypatch.setenv("SITE_URL", REVIEWED_SITE_URL)
        capsys.readouterr()
        returncode = review_main(list(args))
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(["tools.review", *args], returncode, out, err)

    return run


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with a data file and two pages, committed once."""
    (tmp_path / "docs" / "data").mkdir(parents=True)
    (tmp_path / "docs" / "data" / "ecosystem.yml").write_text(
        "tools:\n  - id: docker\n    name: Docker\n    license: Apache-2.0\n    source: {url: https://github.com/moby/moby, checked: 2025-01-10}\n"
        "  - id: hugo\n    name: Hugo\n",
        encoding="utf-8",
    )
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "docs" / "old.md").write_text("# Old\n", encoding="utf-8")
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "base")
    return tmp_path


def test_command_line_names_changed_entry_field_and_pages(repo: Path) -> None:
    """Against a base commit, the summary names the changed entry's id and field, and every changed page."""
    data = repo / "docs" / "data" / "ecosystem.yml"
    data.write_text(
        data.read_text(encoding="utf-8")
        .replace("Apache-2.0", "MIT")
        .replace("checked: 2025-01-10", "checked: 2026-11-30")
        .replace(
            "  - id: hugo\n    name: Hugo\n",
            "  - id: caddy\n    name: Caddy\n    source: {url: https://caddyserver.com, checked: 2026-11-30}\n",
        ),
        encoding="utf-8",
    )
    (repo / "docs" / "index.md").write_text("# Home\n\nMore.\n", encoding="utf-8")
    (repo / "docs" / "old.md").unlink()
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "change")
    (repo / "docs" / "new.md").write_text("# New\n", encoding="utf-8")  # untracked still counts
    result = _review(repo, "HEAD~1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "## Changes against `HEAD~1`, uncommitted edits included",
        "",
        "### Data: `docs/data/ecosystem.yml`",
        "",
        "**tools**",
        "",
        "- Changed `docker`",
        "    - `license`: `Apache-2.0` → `MIT`",
        "    - `source.checked`: `2025-01-10` → `2026-11-30`",
        "- Added `caddy`",
        "    - `name`: `Caddy`",
        "    - `source.url`: `https://caddyserver.com`",
        "    - `source.checked`: `2026-11-30`",
        "- Removed `hugo`",
        "",
        "### Sources",
        "",
        "- `tools` `docker` `source.checked`: `2025-01-10` → `2026-11-30`",
        "- `tools` `caddy` `source`: added `https://caddyserver.com`, checked `2026-11-30`",
        "",
        "### Pages",
        "",
        "- changed: `docs/index.md`, https://handbook.example/, 2 lines changed (+2 −0)",
        "- added: `docs/new.md`, https://handbook.example/new/, 1 line changed (+1 −0)",
        "- removed: `docs/old.md`, was https://handbook.example/old/, 1 line changed (+0 −1)",
    ]


def test_renamed_page_gets_its_new_url_and_lines_changed(repo: Path, review: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    """A committed rename is listed under its new path and URL, with the lines that changed in it."""
    text = "# Old\n\n" + "".join(f"Line {number}.\n" for number in range(10))
    (repo / "docs" / "old.md").write_text(text, encoding="utf-8")
    _git(repo, "commit", "-qam", "longer")
    _git(repo, "mv", "docs/old.md", "docs/moved.md")
    (repo / "docs" / "moved.md").write_text(text + "Moved.\n", encoding="utf-8")
    _git(repo, "commit", "-qam", "move")
    result = review(repo, "HEAD~1")
    assert result.stdout.startswith("## Changes against `HEAD~1`\n")  # a clean tree: nothing uncommitted to announce
    assert "- renamed from `docs/old.md`: `docs/moved.md`, https://handbook.example/moved/, 1 line changed (+1 −0)" in result.stdout


def test_no_changes_says_so(repo: Path, review: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    """Against HEAD with a clean tree, both sections say nothing changed."""
    result = review(repo, "HEAD")
    assert "No entries changed." in result.stdout and "No pages changed." in result.stdout
    assert "No sources changed." in result.stdout


def test_default_base_is_the_previous_commit_without_origin(repo: Path, review: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    """With no origin/main, BASE defaults to HEAD~1."""
    (repo / "docs" / "index.md").write_text("# Home\n\nEdited.\n", encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "edit")
    result = review(repo)
    assert result.stdout.startswith("## Changes against `HEAD~1`\n") and "- changed: `docs/index.md`" in result.stdout


def test_unknown_base_fails_with_a_hint(repo: Path, review: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    """A ref that does not exist fails with exit 2 and says how to pass BASE."""
    result = review(repo, "no-such-branch")
    assert result.returncode == 2
    assert "unknown git ref 'no-such-branch'" in result.stderr and "BASE=" in result.stderr


def test_bare_url_given_a_checked_date_counts_as_a_fresh_check() -> None:
    """Moving a source from a bare URL to {url, checked} shows the new date, and the facts beside it are not flagged."""
    old = {"companies": [{"id": "uber", "uses": ["a", "b"], "source": "https://u.example"}]}
    new = {"companies": [{"id": "uber", "uses": ["a"], "source": {"url": "https://u.example", "checked": datetime.date(2026, 11, 30)}}]}
    assert render_source_changes(diff_ecosystem(old, new), new) == [
        "- `companies` `uber` `source`: `https://u.example` → `https://u.example`, checked `2026-11-30`"
    ]


def test_contributing_shows_the_summary_of_its_own_examples() -> None:
    """The review pasted in CONTRIBUTING.md is what make review prints for the company, category and tool it adds."""
    before = DATA.read_text(encoding="utf-8")
    after = before
    for heading, collection in [("Add a company", "companies"), ("Add a category", "categories"), ("Add a tool", "tools")]:
        after = with_example(after, heading, collection)
    [shown] = fenced(guide_section("See what a reviewer will see"), "text")
    printed = summary("origin/main", yaml.safe_load(before), yaml.safe_load(after), [], url_of=str, uncommitted=True)
    assert printed == shown


def _tree(root: Path, pages: dict[str, str]) -> Path:
    """A built tree as `make publish` writes it: page URL -> the HTML of its content."""
    for url, body in pages.items():
        path = root / url / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    return root


def test_preview_links_each_changed_page_and_entry_and_opens_with_the_marker(
    repo: Path, review: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    """With --preview, the summary starts with the marker and the preview's address, and links pages and entries to it."""
    data = repo / "docs" / "data" / "ecosystem.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("Apache-2.0", "MIT"), encoding="utf-8")
    (repo / "docs" / "index.md").write_text("# Home\n\nMore.\n", encoding="utf-8")
    (repo / "docs" / "old.md").unlink()
    table = '<table class="gfbs-table"><tr><th scope="row" id="tool-docker">Docker</th></tr></table>'
    site = _tree(tmp_path / "site", {"": "<p>Home</p>", "tools/": table, "print_page/": table.replace("tool-", "x-tool-")})
    result = review(repo, "--preview", "7", "--site", str(site), "HEAD")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    preview = "https://handbook.example/pr-preview/7/"  # _review sets SITE_URL
    assert lines[:2] == ["<!-- make review -->", f"**Preview:** {preview}"]
    assert f"- Changed [`docker`]({preview}tools/#tool-docker)" in lines
    assert [line for line in lines if line.startswith("- changed: [`docs/index.md`]")] == [
        f"- changed: [`docs/index.md`]({preview}), 2 lines changed (+2 −0)"
    ]
    assert [line for line in lines if line.startswith("- removed: `docs/old.md`")] == [
        "- removed: `docs/old.md`, was https://handbook.example/old/, 1 line changed (+0 −1)"
    ]  # nothing to preview


def test_fork_says_why_there_is_no_preview(repo: Path, review: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    """With --fork, the summary starts with the marker and the reason, and links nothing."""
    result = review(repo, "--fork", "--preview", "7", "HEAD")
    lines = result.stdout.splitlines()
    assert lines[0] == "<!-- make review -->" and lines[1].startswith("No preview: this pull request comes from a fork.")
    assert "](" not in result.stdout


def test_page_urls_are_on_the_configurations_own_site(tmp_path: Path) -> None:
    """A page's URL starts with the site_url of the configuration it is read from, not always mkdocs.yml's."""
    config = write_tiny_site(tmp_path, {"index.md": page("Home", "Text."), "guide.md": page("Guide", "Text.")})
    url_of = site_urls(load_project(config))
    assert (url_of("index.md"), url_of("guide.md")) == ("https://example.org/tiny/", "https://example.org/tiny/guide/")


@pytest.mark.parametrize(
    ("config", "home", "concurrency"),
    [(CONFIG, "", "language/concurrency/"), (OFFLINE_CONFIG, "index.html", "language/concurrency.html")],
)
def test_preview_finds_each_page_where_its_configuration_writes_it(config: Path, home: str, concurrency: str) -> None:
    """The preview links a page at the URL MkDocs gives it under the configuration, directory URLs or not."""
    preview = PullRequestPreview("https://preview.example/", load_project(config), frozenset({home, concurrency}))
    assert preview.page("docs/index.md") == f"https://preview.example/{home}"
    assert preview.page("docs/language/concurrency.md") == f"https://preview.example/{concurrency}"
    assert preview.page("docs/language/errors.md") is None, "a page the preview does not have is not linked"
