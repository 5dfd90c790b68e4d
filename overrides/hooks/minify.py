"""Our own stylesheets and scripts, minified in the built site: on a phone every comment is bytes to download.

The sources in docs/assets/ keep their comments; the copies MkDocs writes into the site lose them and their
spaces (csscompressor, jsmin). Material's own assets come minified and are not in docs/, so they are not touched.
"""

from __future__ import annotations

import logging
from pathlib import Path

import csscompressor
import jsmin
from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.plugins.gfbs.minify")

# Folders under docs_dir whose files are ours, and how each kind is minified.
FOLDERS = ("assets/stylesheets", "assets/javascripts")
MINIFIERS = {
    ".css": csscompressor.compress,
    # Template literals are strings too: keep what is between backticks as written.
    ".js": lambda source: jsmin.jsmin(source, quote_chars="'\"`"),
}


def minify_assets(docs_dir: Path, site_dir: Path) -> list[Path]:
    """Minify, in `site_dir`, the copy of every stylesheet and script under FOLDERS in `docs_dir`; return them."""
    written = []
    for folder in FOLDERS:
        for source in sorted((docs_dir / folder).glob("*")):
            minify = MINIFIERS.get(source.suffix)
            target = site_dir / source.relative_to(docs_dir)
            if minify is None or not target.is_file():
                continue
            target.write_text(minify(source.read_text(encoding="utf-8")), encoding="utf-8")
            written.append(target)
    return written


def on_post_build(config: MkDocsConfig) -> None:
    written = minify_assets(Path(config["docs_dir"]), Path(config["site_dir"]))
    log.debug("minified %d stylesheets and scripts", len(written))
