"""Builds the offline edition and packs it into a reproducible zip (`make offline`).

    python -m tools.bundle --build ZIP    build mkdocs.offline.yml strictly, then zip it
    python -m tools.bundle SITE_DIR ZIP   zip an already built site

The zip is byte-for-byte reproducible: entries are sorted, every timestamp is
SOURCE_DATE_EPOCH (the last commit's time), permissions are fixed. It is
written to a temporary file next to ZIP and moved into place only when
complete, so a failed run leaves the previous zip untouched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from overrides.hooks.git_command import git
from tools.project import OFFLINE_CONFIG, REPO, strict_build_in_subprocess

# Every entry sits in this folder, so unzipping never scatters files.
ROOT = "go-for-backend-systems-offline"
# The zip format cannot store dates before 1980.
_ZIP_EPOCH = 315532800


def source_date_epoch() -> int:
    """SOURCE_DATE_EPOCH if set, else the last commit's time, else 0 (outside git)."""
    value = os.environ.get("SOURCE_DATE_EPOCH") or git("log", "-1", "--format=%ct", cwd=REPO, check=False)
    return int(value) if value else 0


def build_env(epoch: int) -> dict[str, str]:
    """What the offline build adds to the environment: fixed dates and the footer's commit and day."""
    day = datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d")
    return {
        "SOURCE_DATE_EPOCH": str(epoch),
        "GFBS_COMMIT": os.environ.get("GFBS_COMMIT") or git("rev-parse", "--short", "HEAD", cwd=REPO, check=False) or "unknown",
        "GFBS_DATE": day,
    }


def build_offline_site(site_dir: Path, epoch: int | None = None, *, site_url: str | None = None) -> None:
    """Run `mkdocs build --strict -f mkdocs.offline.yml` into site_dir; raise with the log on failure.

    `site_url` is the online site the edition links back to (default: SITE_URL, else mkdocs.yml's).
    """
    env = build_env(source_date_epoch() if epoch is None else epoch) | ({"SITE_URL": site_url} if site_url else {})
    result = strict_build_in_subprocess(OFFLINE_CONFIG, site_dir, env=env)
    if result.returncode != 0:
        raise RuntimeError(f"the offline build failed:\n{result.stdout}{result.stderr}")


def bundle(site_dir: Path, zip_path: Path, epoch: int | None = None) -> Path:
    """Zip site_dir into zip_path reproducibly and atomically; return zip_path."""
    site_dir, zip_path = Path(site_dir), Path(zip_path)
    if not (site_dir / "index.html").is_file():
        raise FileNotFoundError(f"{site_dir} is not a built site (no index.html)")
    stamp = time.gmtime(max(source_date_epoch() if epoch is None else epoch, _ZIP_EPOCH))[:6]
    files = [p for p in site_dir.rglob("*") if p.is_file()]
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{zip_path.name}.", suffix=".tmp", dir=zip_path.parent)
    try:
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w") as archive:
            for path in sorted(files, key=lambda p: p.relative_to(site_dir).as_posix()):
                info = zipfile.ZipInfo(f"{ROOT}/{path.relative_to(site_dir).as_posix()}", date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3  # Unix, so external_attr holds the mode below
                info.external_attr = 0o100644 << 16
                archive.writestr(info, path.read_bytes(), compresslevel=9)
        os.chmod(tmp, 0o644)
        os.replace(tmp, zip_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return zip_path


def build_bundle(zip_path: Path) -> Path:
    """Build the offline site into a temporary folder and bundle it: what `make offline` does."""
    epoch = source_date_epoch()
    with tempfile.TemporaryDirectory(prefix="gfbs-offline-") as tmp:
        site = Path(tmp) / "site"
        build_offline_site(site, epoch)
        return bundle(site, zip_path, epoch)


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--build":
        zip_path = build_bundle(Path(argv[1]))
    elif len(argv) == 2:
        zip_path = bundle(Path(argv[0]), Path(argv[1]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(f"wrote {zip_path} ({zip_path.stat().st_size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
