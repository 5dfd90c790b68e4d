"""MkDocs hook: what `mkdocs serve` leaves out or keeps between rebuilds, so the preview keeps up with the editor.

Under `mkdocs serve` only (a build, `make build` or `make offline`, is untouched):
- the whole-handbook print page is not built (overrides/hooks/print_page.py reads `extra.preview`): it holds every
  page a second time;
- the search index is not built, and Material hides the search box: indexing parses every page's HTML on every
  rebuild, about half of what remains (Material's documented way to speed up local builds is this `enabled` switch);
- the theme's compiled templates are kept between rebuilds (MkDocs makes a new Jinja environment for each one);
- a page whose Markdown (after the macros ran) and inputs are unchanged is not converted again: its HTML, table of
  contents and anchors from the last rebuild are reused (see PageCache for what counts as an input);
- the macros module is told it is previewing (`extra.preview`), so a broken data file is shown on the page
  instead of stopping the rebuild (see macros/preview_problems.py).
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass, field

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

log = logging.getLogger("mkdocs.plugins.gfbs.preview")

# MkDocs loads a hook module once per process, so this outlives the rebuilds of one `mkdocs serve`.
_command: str | None = None


class TemplateCache(jinja2.BytecodeCache):
    """Compiled templates in memory, by template; Jinja stores the source's checksum with each, so an edit recompiles."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


_templates = TemplateCache()


@dataclass(frozen=True)
class Rendered:
    """What MkDocs' Markdown conversion gives a page, kept to be given back without converting again."""

    key: str
    content: str
    toc: TableOfContents
    anchors: frozenset[str]
    links_to_anchors: dict[str, dict[str, str]]  # linked page's src_uri -> anchor -> the link as written


class WarningCount(logging.Handler):
    """Counts warnings, so a page whose conversion warned (a broken link) is converted, and warns, every time."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass
class PageCache:
    """Each page's last conversion, by src_uri, reused while its key is the same.

    A page's HTML depends on its Markdown after the macros ran (so data it shows is in it), the configuration file,
    which files exist at which URLs (its links), and the snippet sources it may include: the files exclude_docs keeps
    out of the site (includes/, examples/, diagrams/). A change to any of the last three converts every page again.
    """

    pages: dict[str, Rendered] = field(default_factory=dict)
    inputs: str = ""  # fingerprint of what every page depends on, for the current rebuild
    reused: set[str] = field(default_factory=set)  # pages of the current rebuild given back from the cache
    started: dict[str, tuple[str, int]] = field(default_factory=dict)  # page -> (key, warnings before converting)

    def start_build(self, files: Files, config: MkDocsConfig) -> None:
        self.reused.clear()
        self.started.clear()
        self.inputs = inputs_fingerprint(files, config)

    def key(self, page: Page, markdown: str) -> str:
        return hashlib.sha256("\0".join((self.inputs, page.file.src_uri, markdown)).encode("utf-8")).hexdigest()


def inputs_fingerprint(files: Files, config: MkDocsConfig) -> str:
    """What every page's conversion depends on besides its own Markdown (see PageCache)."""
    parts = [config.config_file_path or "", str(_stamp(config.config_file_path))]
    for file in sorted(files, key=lambda file: file.src_uri):
        parts.append(f"{file.src_uri}\t{file.url}")
        if file.inclusion.is_excluded() and file.abs_src_path:
            parts.append(str(_stamp(file.abs_src_path)))
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _stamp(path: str | None) -> tuple[int, int] | None:
    try:
        status = os.stat(path) if path else None
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size) if status else None


_pages = PageCache()
_warnings = WarningCount()


def on_startup(*, command: str, dirty: bool) -> None:
    """Remember which command runs: only `serve` previews. MkDocs calls this once, before the first build."""
    global _command
    _command = command
    if serving():
        logging.getLogger("mkdocs").addHandler(_warnings)


def on_shutdown() -> None:
    """The server stopped: forget the command, the kept pages and templates, and stop counting warnings."""
    global _command
    _command = None
    logging.getLogger("mkdocs").removeHandler(_warnings)
    _pages.pages.clear()
    _templates._compiled.clear()


def serving() -> bool:
    return _command == "serve"


# Before every plugin's on_config: search reads `enabled` there, and the macros plugin copies `extra`.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """While serving: switch search off, and tell the macros module and the print page hook it is previewing."""
    if not serving():
        return config
    skipped = ["the whole-handbook page (print_page/)"]
    search = config.plugins.get("material/search")
    if search is not None and search.config.get("enabled"):
        search.config["enabled"] = False
        skipped.append("the search index")
    log.info("previewing without %s: `make build` builds them", " and ".join(skipped))
    config.extra["preview"] = True
    return config


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """While serving: compile each theme template once, not once per rebuild."""
    if serving():
        env.bytecode_cache = _templates
    return env


# After every other plugin and hook has added or removed files.
@event_priority(-100)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if serving():
        _pages.start_build(files, config)
    return files


# After the macros and every other plugin have written the page's Markdown: this is what gets converted.
@event_priority(-100)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """While serving: leave nothing to convert when the last conversion of the same Markdown can be reused."""
    if not serving() or "title" not in page.meta:  # without a title in its front matter, MkDocs takes it from the HTML
        return markdown
    key = _pages.key(page, markdown)
    cached = _pages.pages.get(page.file.src_uri)
    if cached is not None and cached.key == key:
        _pages.reused.add(page.file.src_uri)
        return ""
    _pages.started[page.file.src_uri] = (key, _warnings.count)
    return markdown


# After every other plugin has changed the HTML: this is what the page shows.
@event_priority(-100)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """While serving: give back a reused page's conversion, or keep a fresh one that converted without a warning."""
    uri = page.file.src_uri
    if uri in _pages.reused:
        cached = _pages.pages[uri]
        page.toc = cached.toc
        page.present_anchor_ids = set(cached.anchors)
        page.links_to_anchors = {
            target: dict(links) for target_uri, links in cached.links_to_anchors.items() if (target := files.get_file_from_path(target_uri))
        }
        return cached.content
    if uri in _pages.started:
        key, warnings_before = _pages.started.pop(uri)
        if _warnings.count == warnings_before:
            links = {target.src_uri: dict(anchors) for target, anchors in (page.links_to_anchors or {}).items()}
            _pages.pages[uri] = Rendered(key, html, page.toc, frozenset(page.present_anchor_ids or ()), links)
        else:
            _pages.pages.pop(uri, None)
    return html
