"""MkDocs hook: keeps print-site's assets on its own page and mends the in-page links of that page.

print-site (mkdocs-print-site-plugin) adds its stylesheets and script to every page, though only
its whole-handbook page uses them: they are taken out of the site-wide lists here, and
overrides/main.html loads them on that page alone. print-site also points in-page links at
`#<page key>-<anchor>` but renames only the ids of headings, footnotes and list items, so links to
code lines and table rows on its page are broken: `mend_links` renames those targets to match.
That is a local fix for print-site 2.9 (see CONTRIBUTING.md, "Upstream"); another version
stops the build until the fix has been checked against it.
"""

from __future__ import annotations

import logging
import re
from importlib.metadata import version
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.plugins.gfbs.print_page")

# The print-site release whose link renaming mend_links completes.
MENDED_VERSION = "2.9"
# What print-site puts into extra_css and extra_javascript (its plugin.py, on_config).
PRINT_SITE_ASSETS = re.compile(r"^(css/print-site(-[a-z]+)?\.css|js/print-site\.js)$")

_PAGE_START = re.compile(r'<section class="print-page" id="([^"]+)"')
_HREF = re.compile(r'href="#([^"]+)"')
_ID = re.compile(r'\bid="([^"]+)"')
_TARGET = re.compile(r'\b(id|name)="([^"]+)"')


def mend_links(html: str) -> str:
    """Rename `id`/`name` X inside page section KEY to KEY-X wherever a link wants KEY-X and nothing has that id yet."""
    wanted = set(_HREF.findall(html)) - set(_ID.findall(html))
    if not wanted:
        return html
    starts = list(_PAGE_START.finditer(html))
    pieces = [html[: starts[0].start()]] if starts else [html]
    for index, start in enumerate(starts):
        key = start.group(1)
        end = starts[index + 1].start() if index + 1 < len(starts) else len(html)

        def rename(match: re.Match, key: str = key) -> str:
            attribute, value = match.groups()
            return f'{attribute}="{key}-{value}"' if f"{key}-{value}" in wanted else match.group()

        pieces.append(_TARGET.sub(rename, html[start.start() : end]))
    return "".join(pieces)


def without_print_site_assets(paths: list) -> list:
    """The site-wide asset list minus print-site's own files."""
    return [path for path in paths if not PRINT_SITE_ASSETS.match(str(path))]


@event_priority(-100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """After print-site has added its assets to every page: take them back out (main.html adds them to its page)."""
    plugin = config.plugins.get("print-site")
    if plugin is None or not plugin.config.get("enabled"):
        return config
    found = version("mkdocs-print-site-plugin")
    if found != MENDED_VERSION:
        log.warning(
            "print-site %s is installed, but overrides/hooks/print_page.py mends the links of print-site %s: check that "
            "tests/sites/test_print_page.py passes, then set MENDED_VERSION (or drop the fix if upstream fixed it)",
            found,
            MENDED_VERSION,
        )
    config.extra_css = without_print_site_assets(config.extra_css)
    config.extra_javascript = without_print_site_assets(config.extra_javascript)
    return config


@event_priority(-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    """After print-site has written its page: mend the links it left broken."""
    plugin = config.plugins.get("print-site")
    if plugin is None or not plugin.config.get("enabled"):
        return
    path = Path(plugin.print_file.abs_dest_path)
    path.write_text(mend_links(path.read_text(encoding="utf-8")), encoding="utf-8")
