"""MkDocs hook: finishes the whole-handbook print page that mkdocs-print-site-plugin writes.

The plugin renders its page after the build, so the page skips every
`on_post_page` event (such as the one in macros/local_only.py); this hook runs
them. The plugin also points in-page links at `#<page key>-<anchor>` but
renames only the ids of headings, footnotes and list items; this hook renames
the other link targets (code line anchors, table rows) to match, so no link on
the print page is broken.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs_print_site_plugin import urls as print_site_urls

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


# print-site's own update_anchor_ids scans with `<tag.*?id="..."`, which runs past the end of each tag (slow on
# long lines, and it renames ids of whatever tag follows a heading or list item). This keeps its rule, prefixing
# the ids of headings, footnote references and list items with the page key, but reads one tag at a time.
_ANCHORED_TAG = re.compile(r'<(h[1-6]|sup|li)\b([^>]*?)\bid="([^"]*)"', flags=re.IGNORECASE)


def update_anchor_ids(page_html: str, page_key: str) -> str:
    """Prefix the ids of headings, footnote references and list items with the page key."""
    return _ANCHORED_TAG.sub(lambda m: f'<{m.group(1)}{m.group(2)}id="{page_key}-{m.group(3)}"', page_html)


# print-site adds its stylesheets and script to every page; only the print page uses them.
# (The pattern starts with a literal so the regex engine can skip ahead: this runs on every page.)
_PRINT_SITE_ASSET = re.compile(r'<(?:link rel="stylesheet" href|script src)="[^"]*(?:css/print-site[^"]*\.css|js/print-site\.js)"[^>]*>(?:</script>)?')
# The print stylesheet matters on paper only, so it need not hold up the first paint on screen.
_PRINT_STYLESHEET = re.compile(r'(<link rel="stylesheet" href="[^"]*assets/stylesheets/print\.css")(>)')


def on_post_page(output: str, *, page, config: MkDocsConfig) -> str:
    """Keep print-site's assets off ordinary pages, and load the print stylesheet for print media only."""
    output = _PRINT_STYLESHEET.sub(r'\1 media="print"\2', output)
    plugin = config.plugins.get("print-site")
    if plugin is not None and page is getattr(plugin, "print_page", None):
        return output
    return _PRINT_SITE_ASSET.sub("", output)


def on_env(env, *, config: MkDocsConfig, files):
    """Lend print-site the build's template environment.

    print-site renders its page with `theme.get_env()`, which makes a fresh environment and
    compiles every theme template a second time: most of the print page's cost.
    """
    config.theme.get_env = lambda: env
    return env


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Swap in the tag-by-tag anchor renaming before print-site renders its page."""
    print_site_urls.update_anchor_ids = update_anchor_ids
    return config


@event_priority(-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    """After print-site has written its page: run the page events it skipped, then mend its links."""
    plugin = config.plugins.get("print-site")
    if plugin is None or not plugin.config.get("enabled"):
        return
    path = Path(plugin.print_file.abs_dest_path)
    html = config.plugins.on_post_page(path.read_text(encoding="utf-8"), page=plugin.print_page, config=config)
    path.write_text(mend_links(html), encoding="utf-8")
