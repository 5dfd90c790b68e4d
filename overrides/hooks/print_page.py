"""MkDocs hook: the whole handbook on one page (print_page/), for paper or a PDF.

Every page of the nav becomes one `<section>` of that page, in nav order. Ids get the page's key in
front, so they stay unique, and every reference follows them: in-page links, labels, ARIA references,
SVG `url(#...)`, and links to other pages of the handbook, which become links within the print page.
Links to files (downloads, images) are rebased on the print page's own URL. The page is rendered once,
after every other page, with the build's own template environment.
"""

from __future__ import annotations

import html
import logging
import posixpath
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import jinja2
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file

log = logging.getLogger("mkdocs.plugins.gfbs.print_page")

SOURCE = "print_page.md"  # the page's name: print_page/ or print_page.html in the built site
TITLE = "The whole handbook"
DESCRIPTION = "Every page of the handbook on one page, to print or to save as a PDF."

# One start tag, its attributes quoted as MkDocs and Python-Markdown write them.
_TAG = re.compile(r"<[a-zA-Z][a-zA-Z0-9-]*(?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*\s*/?>")
_ATTRIBUTE = re.compile(r"(\s)([^\s\"'>/=]+)(\s*=\s*)(\"[^\"]*\"|'[^']*')")
_ID_ATTRIBUTES = {"id", "name", "for"}
_ID_LIST_ATTRIBUTES = {"aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "headers"}
_URL_ATTRIBUTES = {"href", "src", "xlink:href"}
_LOCAL_URL_REF = re.compile(r"url\(#([^)]+)\)")
# A start tag that could hold one of those attributes (or a url() reference); most tags, a table's cells and an
# icon's paths, hold none and are kept as they are without reading their attributes one by one.
_REWRITABLE = re.compile(
    rf"\s(?:{'|'.join(map(re.escape, sorted(_ID_ATTRIBUTES | _ID_LIST_ATTRIBUTES | _URL_ATTRIBUTES)))})\s*=|url\(", re.IGNORECASE
)


@dataclass(frozen=True)
class Section:
    """One page of the handbook as the print page holds it."""

    key: str  # the section's id, and the prefix of every id inside it
    url: str  # the page's own URL, relative to the site root (as MkDocs gives it)
    title: str
    content: str  # the page's rendered Markdown (page.content)
    headings: tuple[tuple[str, str], ...] = ()  # (anchor, title) of its second-level headings, for the contents


def page_key(url: str) -> str:
    """The section id of the page at `url`: "" -> "index", "a/b/" and "a/b.html" -> "a-b"."""
    stem = url.strip("/").removesuffix(".html").removesuffix("/index").replace("/", "-")
    return stem if stem and stem != "index" else "index"


def _folder(page_url: str) -> str:
    """The folder a page's relative links start from: the URL itself for "a/b/", its parent for "a/b.html"."""
    return page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"


def _resolve(url: str, base: str) -> str:
    """`url` relative to the page at `base`, as a path from the site root ("" for the root)."""
    folder = _folder(base)
    joined = posixpath.normpath(posixpath.join(folder, url)) if url else folder.rstrip("/")
    joined = "" if joined == "." else joined
    return joined + "/" if url.endswith("/") and joined else joined


def _relative(path: str, base: str) -> str:
    """The site-root path `path` as seen from the page at `base`."""
    folder = _folder(base)
    relative = posixpath.relpath(path or ".", folder.rstrip("/") or ".")
    return relative + "/" if path.endswith("/") and relative != "." else relative


def rewrite_section(section: Section, *, keys: dict[str, str], print_url: str) -> str:
    """The section's content with its ids prefixed and every reference rewritten to match (see the module docstring).

    `keys` maps each handbook page's URL to its section key; `print_url` is the print page's URL.
    """
    prefix = section.key + "-"

    def link(value: str) -> str:
        if value.startswith("#"):
            return "#" + prefix + value[1:] if len(value) > 1 else "#" + section.key
        parts = urlsplit(value)
        if parts.scheme or parts.netloc or value.startswith("/"):
            return value
        target = _resolve(parts.path, section.url)
        key = keys.get(target, keys.get(target + "/"))
        if key is not None:
            return f"#{key}-{parts.fragment}" if parts.fragment else f"#{key}"
        moved = _relative(target, print_url)
        return moved + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")

    def attribute(match: re.Match[str]) -> str:
        space, name, equals, quoted = match.groups()
        quote, value = quoted[0], html.unescape(quoted[1:-1])
        lowered = name.lower()
        if lowered in _ID_ATTRIBUTES:
            value = prefix + value
        elif lowered in _ID_LIST_ATTRIBUTES:
            value = " ".join(prefix + part for part in value.split())
        elif lowered in _URL_ATTRIBUTES:
            value = link(value)
        elif "url(#" in value:
            value = _LOCAL_URL_REF.sub(lambda ref: f"url(#{prefix}{ref.group(1)})", value)
        else:
            return match.group()
        return f"{space}{name}{equals}{quote}{html.escape(value, quote=True)}{quote}"

    def start_tag(tag: re.Match[str]) -> str:
        text = tag.group()
        return _ATTRIBUTE.sub(attribute, text) if _REWRITABLE.search(text) else text

    return _TAG.sub(start_tag, section.content)


def contents(sections: list[Section]) -> str:
    """The table of contents: every page, with its second-level headings under it."""
    items = []
    for section in sections:
        children = "".join(
            f'<li><a href="#{section.key}-{html.escape(anchor)}">{html.escape(title)}</a></li>' for anchor, title in section.headings
        )
        nested = f"<ol>{children}</ol>" if children else ""
        items.append(f'<li><a href="#{section.key}">{html.escape(section.title)}</a>{nested}</li>')
    return f'<nav class="gfbs-print-contents" aria-labelledby="print-contents"><h2 id="print-contents">Contents</h2><ol>{"".join(items)}</ol></nav>'


def combined(sections: list[Section], *, print_url: str) -> str:
    """The print page's content: the contents, then one section per page."""
    keys = {section.url: section.key for section in sections}
    body = "".join(
        f'<section class="print-page" id="{section.key}">{rewrite_section(section, keys=keys, print_url=print_url)}</section>'
        for section in sections
    )
    return contents(sections) + body


# -- Hook events: the build's nav, files and template environment are kept for on_post_build --------------------

_build: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Tell the templates where the print page is, so the home page can link to it."""
    _build.clear()
    # print_page/ or print_page.html: MkDocs' own rule for where a page goes, as for every other page.
    config.extra["print_page_url"] = File.generated(config, SOURCE, content="").url
    return config


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    _build["nav"], _build["files"] = nav, files
    return nav


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    _build["env"] = env
    return env


@event_priority(-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    """After every page is built: gather them in nav order, render the print page with the theme, write it.

    Not while previewing (`extra.preview`, set by overrides/hooks/preview.py under `mkdocs serve`): it would hold every
    page a second time on every rebuild.
    """
    if config.extra.get("preview"):
        return
    nav: Navigation = _build["nav"]
    page = Page(TITLE, File.generated(config, SOURCE, content=""), config)
    page.meta = {"title": TITLE, "description": DESCRIPTION, "robots": "noindex", "hide": ["navigation", "toc"]}
    sections = [
        Section(
            key=page_key(item.url),
            url=item.url,
            title=item.title,
            content=item.content or "",
            headings=tuple((child.id, child.title) for top in item.toc for child in top.children),
        )
        for item in nav.pages
    ]
    cover = f'<h1 id="print-page-title">{html.escape(TITLE)}</h1><p>{html.escape(config.site_description or "")}</p>'
    context = get_context(nav, _build["files"], config, page)
    # Under the title, where else to read it: the downloadable editions, or the online site from the offline edition.
    cover += _build["env"].get_template("partials/editions.html").render(context)
    page.content = cover + combined(sections, print_url=page.url)
    output = _build["env"].get_template("main.html").render(context)
    write_file(output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)
    log.debug("wrote the print page with %d sections", len(sections))
