"""MkDocs hook: what the offline edition (mkdocs.offline.yml) changes beyond its configuration; inert elsewhere.

mkdocs.yml lists this hook for every build, because mkdocs.offline.yml cannot add to a list it inherits. It acts only
when Material's offline plugin is on: it takes out the theme features that need a web server, and vendors the
iframe-worker shim into the site, so search runs its worker without a server and without a CDN.
"""

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
# Instant navigation fetches pages and rewrites the history, which file:// does not allow; its progress bar goes with it.
SERVER_FEATURES = ("navigation.instant", "navigation.instant.progress")


def is_offline(config: MkDocsConfig) -> bool:
    """Whether this build is the offline edition: Material's offline plugin is configured and enabled."""
    plugin = config.plugins.get("material/offline")
    return plugin is not None and plugin.config.enabled


def offline_features(features: list[str]) -> list[str]:
    """The theme features of the online site that work from file://, in their order."""
    return [feature for feature in features if feature not in SERVER_FEATURES]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if is_offline(config):
        config.theme["features"] = offline_features(config.theme["features"])
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the shim to the offline site; fail the build if npm has not installed it."""
    if not is_offline(config):
        return files
    if not SHIM.is_file():
        raise PluginError(f"{SHIM} is missing: run `npm ci` (or `make offline`) first")
    files.append(File.generated(config, DEST, abs_src_path=str(SHIM)))
    return files
