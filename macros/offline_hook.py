"""MkDocs hook for mkdocs.offline.yml: vendors the iframe-worker shim into the offline site."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

REPO = Path(__file__).resolve().parents[1]
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


# Material's header link to the repository asks api.github.com for stars and
# the latest release whenever it finds this component marker. The offline
# edition makes no network requests: keep the plain link, drop the marker.
_SOURCE_MARKER = ' class="md-source" data-md-component="source"'


def on_post_page(output: str, *, page, config: MkDocsConfig) -> str:
    """Keep the repository link but stop Material fetching facts about it from GitHub."""
    return output.replace(_SOURCE_MARKER, ' class="md-source"')


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The same for pages built from templates alone, such as 404.html."""
    return output_content.replace(_SOURCE_MARKER, ' class="md-source"')
