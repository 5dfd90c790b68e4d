"""`make bench`, first-run part: a newcomer's first `make serve` on a fresh clone, timed to the first page served, and
the size of the .venv it leaves.

The clone is of this repository's last commit, in a temporary folder; the clock runs from starting `make serve` there
(creating .venv, installing the build set, the first build) to the first page answered. pip uses this machine's
configuration and cache, as a newcomer's pip would use theirs.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from tools.bench import exit_status
from tools.project import REPO, free_port

SECONDS_TARGET = 20.0
VENV_MB_TARGET = 250.0
TIMEOUT = 300
# Set by the make that runs this bench; the clone's make must start as a newcomer's does.
MAKE_VARIABLES = ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "VIRTUAL_ENV")


def folder_megabytes(folder: Path) -> float:
    """The bytes of every file under `folder`, in MB (10^6), links not followed."""
    total = sum(path.lstat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
    return total / 1e6


def first_page_seconds(clone: Path, port: int) -> float:
    """Seconds from starting `make serve` in `clone` to its first page; the server is stopped before returning."""
    env = {key: value for key, value in os.environ.items() if key not in MAKE_VARIABLES}
    url = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        server = subprocess.Popen(
            ["make", "serve", f"ADDR=127.0.0.1:{port}"], cwd=clone, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            while True:
                if server.poll() is not None:
                    log.seek(0)
                    raise RuntimeError(f"make serve exited with {server.returncode}:\n{log.read().decode('utf-8', 'replace')}")
                with (
                    contextlib.suppress(urllib.error.URLError, ConnectionError, TimeoutError),
                    urllib.request.urlopen(url, timeout=5) as response,
                ):
                    if b"<html" in response.read(4096).lower():
                        return time.perf_counter() - start
                if time.perf_counter() - start > TIMEOUT:
                    raise TimeoutError(f"make serve served no page within {TIMEOUT} s")
                time.sleep(0.1)
        finally:
            # make, mkdocs and its reloader share the session started for them: stop all of them.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGINT)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="gfbs-first-run-") as tmp:
        clone = Path(tmp) / "clone"
        subprocess.run(["git", "clone", "--quiet", str(REPO), str(clone)], check=True)
        seconds = first_page_seconds(clone, free_port())
        megabytes = folder_megabytes(clone / ".venv")
    missed = []
    print("\nFirst `make serve` on a fresh clone of the last commit (venv, build set, first build):")
    for label, value, target, unit in (("first page", seconds, SECONDS_TARGET, "s"), (".venv size", megabytes, VENV_MB_TARGET, "MB")):
        verdict = "ok" if value <= target else "MISSED"
        print(f"  {label}: {value:6.1f} {unit} (target <= {target:.0f} {unit}) {verdict}")
        if verdict != "ok":
            missed.append(label)
    return exit_status(missed)


if __name__ == "__main__":
    sys.exit(main())
