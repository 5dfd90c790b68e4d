"""tools/provision.py: what a target needs from the system is there, installed, or named with its install command."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tools import provision
from tools.project import REPO
from tools.provision import NEEDS, apt_prefix, install_command, missing_line, present

MISSING_BROWSER = "/nonexistent/chromium"
# A newcomer's environment: nothing of this run's virtualenv or make.
PLAIN_ENV = {key: value for key, value in os.environ.items() if not key.startswith(("MAKE", "MFLAGS", "VIRTUAL_ENV", "PYTEST"))}


def run_provision(*needs: str, env: dict[str, str], as_nobody: bool = False) -> tuple[subprocess.CompletedProcess[str], float]:
    """The tool as make runs it, with the system's Python; as user nobody when asked (and when we are root)."""
    command = [sys.executable, "-m", "tools.provision", "--for", "make test", *needs]
    with tempfile.TemporaryDirectory() as readable:
        cwd = REPO
        if as_nobody and os.geteuid() == 0:
            # nobody may not read a clone in a private folder (mktemp -d): run a readable copy of the script, with
            # the Python the virtualenv points at, from a folder nobody may enter.
            cwd = Path(readable)
            cwd.chmod(0o755)
            script = shutil.copy(REPO / "tools" / "provision.py", cwd / "provision.py")
            python = os.path.realpath(sys.executable)
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", python, script, "--for", "make test", *needs]
        start = time.monotonic()
        result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=60, check=False)
    return result, time.monotonic() - start


# Columns: root?, passwordless sudo?, the apt-get prefix this user runs (None: cannot install).
@pytest.mark.parametrize(
    ("is_root", "has_sudo", "prefix"),
    [(True, False, []), (True, True, []), (False, True, ["sudo", "-n"]), (False, False, None)],
)
def test_apt_prefix_installs_only_as_root_or_with_passwordless_sudo(is_root, has_sudo, prefix) -> None:
    """Root runs apt-get as it is, a sudoer through sudo -n, anyone else cannot install."""
    assert apt_prefix(is_root=is_root, has_sudo=has_sudo) == prefix


def test_install_command_names_every_package_and_sudo_for_a_user() -> None:
    """The printed command installs the Debian packages of every need, with sudo unless root."""
    needs = [NEEDS["chromium"], NEEDS["cc"]]
    assert install_command(needs, is_root=True) == "apt-get install -y chromium-headless-shell gcc libc6-dev"
    assert install_command(needs, is_root=False) == "sudo apt-get install -y chromium-headless-shell gcc libc6-dev"


def test_a_browser_expected_elsewhere_is_not_installed_by_apt() -> None:
    """CHROME_PATH pointing elsewhere: the line says to install it there or unset the variable."""
    line = missing_line(NEEDS["chromium"], {"CHROME_PATH": MISSING_BROWSER}, is_root=False, has_apt=True)
    assert line.startswith(f"missing: Chromium ({MISSING_BROWSER}), for the browser tests")
    assert "unset CHROME_PATH" in line and "sudo apt-get install -y chromium-headless-shell" in line


def test_without_apt_the_line_names_the_debian_command_and_the_variable() -> None:
    """On a system without apt-get the line still says what to install and how to point at it."""
    line = missing_line(NEEDS["cc"], {}, is_root=False, has_apt=False)
    assert "your package manager" in line and "sudo apt-get install -y gcc libc6-dev" in line and "set CC" in line


def test_present_finds_commands_on_path_and_executables_by_path() -> None:
    """A name is looked up on PATH, a path must be an executable file."""
    assert present(NEEDS["cc"], {"CC": "sh", "PATH": os.environ["PATH"]})
    assert not present(NEEDS["cc"], {"CC": "no-such-compiler-anywhere", "PATH": os.environ["PATH"]})
    assert present(NEEDS["chromium"], {"CHROME_PATH": shutil.which("sh") or "/bin/sh"})
    assert not present(NEEDS["chromium"], {"CHROME_PATH": MISSING_BROWSER})


def test_missing_browser_stops_with_one_line_and_no_traceback() -> None:
    """The stop path: one line for the missing browser with its install command, exit 1, quickly, no traceback."""
    result, seconds = run_provision("chromium", "cc", env=PLAIN_ENV | {"CHROME_PATH": MISSING_BROWSER})
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert [line for line in lines if line.startswith("missing: ")] == [
        missing_line(NEEDS["chromium"], {"CHROME_PATH": MISSING_BROWSER}, is_root=os.geteuid() == 0, has_apt=bool(shutil.which("apt-get")))
    ]
    assert lines[-1] == "make test stopped before running anything: install the above and run it again."
    assert "Traceback" not in result.stdout + result.stderr
    assert seconds < 10


def test_a_newcomer_without_root_is_told_to_use_sudo() -> None:
    """As user nobody (no root, no sudo), the line gives the sudo command rather than trying to install."""
    if os.geteuid() != 0 and shutil.which("sudo"):
        assert subprocess.run(["sudo", "-n", "true"], capture_output=True, check=False).returncode != 0, "this user has sudo"
    result, _ = run_provision("chromium", env=PLAIN_ENV | {"CHROME_PATH": MISSING_BROWSER}, as_nobody=True)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "(sudo apt-get install -y chromium-headless-shell)" in result.stdout
    assert "installing" not in result.stdout


def test_a_failed_apt_install_says_why_and_still_names_what_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root, an apt-get that fails: its last line is printed as written, then the line for what is still missing."""
    fake = tmp_path / "bin"
    fake.mkdir()
    apt = fake / "apt-get"
    apt.write_text('#!/bin/sh\n[ "$1" = update ] && exit 0\necho "E: Unable to locate package gcc" >&2\nexit 100\n', encoding="utf-8")
    apt.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(provision.os, "geteuid", lambda: 0)  # root may run apt-get: the install is tried
    out = io.StringIO()
    # The compiler is looked for on this PATH alone, where there is none.
    status = provision.provision(["cc"], target="make test", env={"PATH": str(fake)}, out=out)
    lines = out.getvalue().splitlines()
    assert status == 1
    assert lines[1:] == [
        "make test: apt-get failed: E: Unable to locate package gcc",
        missing_line(NEEDS["cc"], {}, is_root=True, has_apt=True),
        "make test stopped before running anything: install the above and run it again.",
    ]


def test_present_things_pass_silently() -> None:
    """Nothing missing: exit 0 and not a word, so every make run is not cluttered."""
    result, _ = run_provision("cc", env=PLAIN_ENV | {"CC": "sh"})
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_make_test_stops_before_any_test_when_the_browser_is_missing() -> None:
    """`make test` with no browser: the system check is its first step, so it stops within 10 s and runs nothing."""
    start = time.monotonic()
    result = subprocess.run(
        ["make", "--no-print-directory", "test", f"CHROME_PATH={MISSING_BROWSER}"],
        cwd=REPO,
        env=PLAIN_ENV | {"CHROME_PATH": MISSING_BROWSER},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    seconds = time.monotonic() - start
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"missing: Chromium ({MISSING_BROWSER})" in output
    assert "test session starts" not in output and "tools.check" not in output and "Traceback" not in output
    assert seconds < 10


def fake_system(folder: Path, apt_get: str) -> dict[str, str]:
    """A PATH of only `folder`, holding an apt-get script and a sudo that runs its command: the install path, whoever
    runs the test. No C compiler is on it until the script makes one."""
    folder.mkdir()
    for name, script in {"apt-get": apt_get, "sudo": '#!/bin/sh\n[ "$1" = -n ] && shift\nexec "$@"\n'}.items():
        (folder / name).write_text(script, encoding="utf-8")
        (folder / name).chmod(0o755)
    return PLAIN_ENV | {"PATH": str(folder)}


def run_cli(*args: str, env: dict[str, str], state: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    start = time.monotonic()
    command = [sys.executable, "-m", "tools.provision", "--for", "make test", "--state", str(state), *args]
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False)
    return result, time.monotonic() - start


def test_a_background_install_lets_make_go_on_and_the_wait_reports_it(tmp_path: Path) -> None:
    """--background returns while apt-get still runs; --wait blocks until it ends, then says what was installed."""
    bin_dir = tmp_path / "bin"
    # Installs "gcc" after a pause that the --background call must not wait for.
    env = fake_system(
        bin_dir,
        f'#!/bin/sh\n[ "$1" = update ] && exit 0\n/bin/sleep 2\nprintf "#!/bin/sh\\n" > {bin_dir}/gcc\n/bin/chmod 755 {bin_dir}/gcc\n',
    )
    started, seconds = run_cli("--background", "cc", env=env, state=tmp_path / "state")
    assert started.returncode == 0, started.stdout + started.stderr
    assert started.stdout.splitlines() == [
        "make test: installing a C compiler (for go test -race (cgo)) with apt-get, once, while the packages install; about a minute."
    ]
    assert seconds < 2 and not (bin_dir / "gcc").exists()
    waited, seconds = run_cli("--wait", env=env, state=tmp_path / "state")
    assert (waited.returncode, waited.stdout, waited.stderr) == (0, "make test: installed a C compiler.\n", "")
    assert (bin_dir / "gcc").exists()
    again, _ = run_cli("--wait", env=env, state=tmp_path / "state")  # nothing left to wait for
    assert (again.returncode, again.stdout) == (0, "")


def test_a_failed_background_install_is_reported_by_the_wait_before_anything_runs(tmp_path: Path) -> None:
    """The wait prints apt-get's last line, the missing line and the stop line, and fails; the install is announced once."""
    env = fake_system(tmp_path / "bin", '#!/bin/sh\n[ "$1" = update ] && exit 0\necho "E: Unable to locate package gcc" >&2\nexit 100\n')
    started, _ = run_cli("--background", "cc", env=env, state=tmp_path / "state")
    waited, _ = run_cli("--wait", env=env, state=tmp_path / "state")
    assert started.returncode == 0 and waited.returncode == 1
    assert waited.stdout.splitlines() == [
        "make test: apt-get failed: E: Unable to locate package gcc",
        missing_line(NEEDS["cc"], {}, is_root=os.geteuid() == 0, has_apt=True),
        "make test stopped before running anything: install the above and run it again.",
    ]


def test_what_cannot_be_installed_stops_the_background_call_at_once(tmp_path: Path) -> None:
    """A browser expected elsewhere cannot come from apt-get: --background stops with its line, and leaves no job."""
    result, seconds = run_cli("--background", "chromium", env=PLAIN_ENV | {"CHROME_PATH": MISSING_BROWSER}, state=tmp_path / "state")
    assert result.returncode == 1 and seconds < 10
    assert f"missing: Chromium ({MISSING_BROWSER})" in result.stdout and "installing" not in result.stdout
    assert not (tmp_path / "state").exists()
