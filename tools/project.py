"""How the project's tools run MkDocs and Chromium: one strict build command, one set of browser flags."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

# Debian's Chromium, as root, on a machine whose only network is loopback: without these flags it
# refuses to start or keeps trying to reach Google's hosts.
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def strict_build(
    config: Path, site_dir: Path, *, env: Mapping[str, str] | None = None, extra: Sequence[str] = ()
) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` for `config` into `site_dir` from the config's folder; return what it said.

    Material's end-of-life banner is silenced; `env` adds or overrides variables of this process's environment.
    """
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir), *extra],
        cwd=Path(config).parent,
        env=os.environ | {"NO_MKDOCS_2_WARNING": "1"} | dict(env or {}),
        capture_output=True,
        text=True,
        timeout=600,
    )
