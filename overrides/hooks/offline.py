"""MkDocs hook for mkdocs.offline.yml: vendors the iframe-worker shim into the offline site."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

REPO = Path(__file__).resolve().parents[2]
# Installed by `npm ci` from package-lock.json (the version is pinned exactly).
SHIM = REPO / "node_modules" / "iframe-worker" / "shim" / "index.js"
# Must match extra.polyfills in mkdocs.offline.yml.
DEST = "assets/vendor/iframe-worker/shim.js"


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the shim to the site; fail the build if npm has not installed it."""
    if not SHIM.is_file():
        raise PluginError(f"{SHIM} is missing: run `npm ci` (or `make offline`) first")
    files.append(File.generated(config, DEST, abs_src_path=str(SHIM)))
    return files
