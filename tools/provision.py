"""What a make target needs from the system (Chromium, a C compiler): installed with apt-get where this user may,
otherwise named, one line each, with the command that installs it, before anything else runs.

    python3 -m tools.provision --for "make test" chromium cc               check, and install now
    python3 -m tools.provision --for "make test" --background chromium cc  check, and install while make goes on
    python3 -m tools.provision --for "make test" --wait                    wait for that install, and report it

It runs with the system's Python before .venv exists, so it uses the standard library only. Exit status 0 when
everything is there (installed now or before), 1 when something is missing and could not be installed. With
--background, what cannot be installed stops at once, as without it; an install runs in a process of its own while
the target installs its packages (they need nothing from the system), and --wait reports it before anything runs.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

# Debian's Chromium headless shell: Playwright drives it (it cannot download its own browser here) and Lighthouse finds
# it through CHROME_PATH. tools/project.py reads the same variable with this default. The tests, the PDF and the
# audit never show a window, and Chromium's engine without the browser around it used a quarter less CPU over the
# browser tests than the full browser (241 against 319 CPU-seconds, same tests, one after the other).
DEFAULT_CHROMIUM = "/usr/bin/chromium-headless-shell"
# cgo (and so `go test -race`) calls $CC, or gcc when CC is unset.
DEFAULT_CC = "gcc"


@dataclass(frozen=True)
class Need:
    """One thing from the system: what it is for, where it is looked for, and the Debian packages that bring it."""

    key: str
    label: str
    purpose: str
    variable: str
    default: str
    packages: tuple[str, ...]

    def location(self, env: Mapping[str, str]) -> str:
        return env.get(self.variable) or self.default

    def custom(self, env: Mapping[str, str]) -> bool:
        """Whether the environment points somewhere else than where the Debian packages install it."""
        return self.location(env) != self.default


NEEDS = {
    need.key: need
    for need in (
        Need(
            "chromium",
            "Chromium",
            "the browser tests, the audit and the PDF",
            "CHROME_PATH",
            DEFAULT_CHROMIUM,
            ("chromium-headless-shell",),
        ),
        Need("cc", "a C compiler", "go test -race (cgo)", "CC", DEFAULT_CC, ("gcc", "libc6-dev")),
    )
}


def present(need: Need, env: Mapping[str, str]) -> bool:
    """Whether the thing is there: an executable at the path, or a command of that name on PATH."""
    where = need.location(env)
    if os.sep in where:
        return os.access(where, os.X_OK) and Path(where).is_file()
    return shutil.which(where, path=env.get("PATH")) is not None


def apt_prefix(*, is_root: bool, has_sudo: bool) -> list[str] | None:
    """How this user runs apt-get without a password prompt, or None when they cannot."""
    if is_root:
        return []
    if has_sudo:
        return ["sudo", "-n"]
    return None


def install_command(needs: Sequence[Need], *, is_root: bool) -> str:
    """The command a person types to install `needs` on Debian or Ubuntu."""
    packages = " ".join(package for need in needs for package in need.packages)
    return f"{'' if is_root else 'sudo '}apt-get install -y {packages}"


def missing_line(need: Need, env: Mapping[str, str], *, is_root: bool, has_apt: bool) -> str:
    """One line: what is missing, what it is for, and how to get it."""
    where = need.location(env)
    command = install_command([need], is_root=is_root)
    if need.custom(env):
        how = f"install it there, or unset {need.variable} to use Debian's ({command})"
    elif has_apt:
        how = command
    else:
        how = f"install it with your package manager (on Debian or Ubuntu: {command}), or set {need.variable} to its path"
    return f"missing: {need.label} ({where}), for {need.purpose}: {how}"


def can_sudo() -> bool:
    if shutil.which("sudo") is None:
        return False
    return subprocess.run(["sudo", "-n", "true"], capture_output=True, check=False).returncode == 0


def apt_install(prefix: list[str], needs: Sequence[Need]) -> subprocess.CompletedProcess[str]:
    packages = [package for need in needs for package in need.packages]
    env = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
    update = subprocess.run([*prefix, "apt-get", "update", "-qq"], env=env, capture_output=True, text=True, check=False)
    if update.returncode != 0:
        return update
    return subprocess.run(
        [*prefix, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@dataclass(frozen=True)
class Plan:
    """What is missing of what a target needs, and what of it apt-get can bring for this user."""

    missing: list[Need]
    fixable: list[Need]  # apt-get can bring only what it installs where we look: not a browser expected elsewhere
    prefix: list[str] | None  # how this user runs apt-get; None when they cannot
    is_root: bool
    has_apt: bool

    @property
    def installs(self) -> bool:
        return bool(self.fixable) and self.prefix is not None


def plan(keys: Sequence[str], env: Mapping[str, str]) -> Plan:
    missing = [NEEDS[key] for key in keys if not present(NEEDS[key], env)]
    is_root = os.geteuid() == 0
    has_apt = shutil.which("apt-get") is not None
    # Only asked when something is missing: sudo -n runs a process.
    prefix = apt_prefix(is_root=is_root, has_sudo=not is_root and can_sudo()) if missing and has_apt else None
    return Plan(missing, [need for need in missing if not need.custom(env)], prefix, is_root, has_apt)


def installing(target: str, needs: Sequence[Need], *, meanwhile: str = "") -> str:
    """The line that says what is being installed, and what goes on `meanwhile`, if anything."""
    names = " and ".join(f"{need.label} (for {need.purpose})" for need in needs)
    return f"{target}: installing {names} with apt-get, once{f', {meanwhile}' if meanwhile else ''}; about a minute."


def provision(keys: Sequence[str], *, target: str, env: Mapping[str, str], out: TextIO = sys.stdout, announce: bool = True) -> int:
    """Install what is missing where this user may; otherwise print one line per missing thing. The exit status.
    `announce`: say what is being installed (start() has said it already for the process it runs this in)."""
    return carry_out(plan(keys, env), target=target, env=env, out=out, announce=announce)


def carry_out(needed: Plan, *, target: str, env: Mapping[str, str], out: TextIO, announce: bool = True) -> int:
    """provision() once the plan is made."""
    missing = needed.missing
    if needed.fixable and needed.prefix is not None:
        if announce:
            print(installing(target, needed.fixable), file=out, flush=True)
        result = apt_install(needed.prefix, needed.fixable)
        if result.returncode != 0:
            said = (result.stderr or result.stdout).strip().splitlines()
            print(f"{target}: apt-get failed: {said[-1] if said else f'exit status {result.returncode}'}", file=out)
        missing = [need for need in missing if not present(need, env)]
    for need in missing:
        print(missing_line(need, env, is_root=needed.is_root, has_apt=needed.has_apt), file=out)
    if missing:
        print(f"{target} stopped before running anything: install the above and run it again.", file=out)
    return 1 if missing else 0


# --- In the background: an install overlaps the target's own installs, and the target waits for it before it runs.

# Git-ignored, inside the project: the lock the installing process holds, what it installs, and what it printed.
STATE = Path(__file__).resolve().parent.parent / ".cache" / "provision"


def start(keys: Sequence[str], *, target: str, env: Mapping[str, str], state: Path = STATE, out: TextIO = sys.stdout) -> int:
    """Like provision(), but an install runs in a process of its own, which holds `state`/lock until it ends."""
    needed = plan(keys, env)
    # Nothing to install, or something apt-get cannot bring: no waiting, it is done (or stops) now.
    if not needed.installs or needed.fixable != needed.missing:
        return carry_out(needed, target=target, env=env, out=out)
    missing = needed.missing
    state.mkdir(parents=True, exist_ok=True)
    lock = os.open(state / "lock", os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(lock, fcntl.LOCK_EX)  # a previous install still running finishes first
    (state / "job.json").write_text(json.dumps({"target": target, "needs": [need.key for need in missing]}), encoding="utf-8")
    print(installing(target, missing, meanwhile="while the packages install"), file=out, flush=True)
    with (state / "log").open("w", encoding="utf-8") as log:
        # The child inherits the locked descriptor, so the lock is held from now until the install ends.
        subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--for", target, "--unannounced", *(need.key for need in missing)],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=dict(env),
            pass_fds=(lock,),
            start_new_session=True,  # an interrupted make does not cut apt-get off halfway
        )
    os.close(lock)
    return 0


def wait(*, env: Mapping[str, str], state: Path = STATE, out: TextIO = sys.stdout) -> int:
    """Wait for the install start() began, if any; 0 when what it installs is there, else its report and 1."""
    if not (state / "job.json").is_file():
        return 0
    lock = os.open(state / "lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        job = json.loads((state / "job.json").read_text(encoding="utf-8"))
        (state / "job.json").unlink()
        needs = [NEEDS[key] for key in job["needs"]]
        if all(present(need, env) for need in needs):
            print(f"{job['target']}: installed {' and '.join(need.label for need in needs)}.", file=out)
            return 0
        out.write((state / "log").read_text(encoding="utf-8"))
        return 1
    finally:
        os.close(lock)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # No `choices`: argparse rejects an empty list against them (--wait takes no needs).
    parser.add_argument("needs", nargs="*", help=f"what the target needs: {', '.join(sorted(NEEDS))}")
    parser.add_argument("--for", dest="target", default="make", help="the target, named in every message")
    when = parser.add_mutually_exclusive_group()
    when.add_argument("--background", action="store_true", help="install in a process of its own; --wait waits for it")
    when.add_argument("--wait", action="store_true", help="wait for the install --background began, and report it")
    parser.add_argument("--state", type=Path, default=STATE, help="where a background install keeps its lock, job and log")
    parser.add_argument("--unannounced", action="store_true", help=argparse.SUPPRESS)  # start()'s own process
    args = parser.parse_args(argv)
    if args.wait:
        return wait(env=os.environ, state=args.state)
    if not args.needs or set(args.needs) - set(NEEDS):
        parser.error(f"name what the target needs, from {', '.join(sorted(NEEDS))}")
    if args.background:
        return start(args.needs, target=args.target, env=os.environ, state=args.state)
    return provision(args.needs, target=args.target, env=os.environ, announce=not args.unannounced)


if __name__ == "__main__":
    sys.exit(main())
