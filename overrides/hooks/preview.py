"""MkDocs hook: what `mkdocs serve` leaves out or keeps between rebuilds, so the preview keeps up with the editor.

Under `mkdocs serve` only (a build, `make build` or `make offline`, is untouched):
- print-site's whole-handbook page is not built: it renders every page a second time and was most of a rebuild;
- the theme's compiled templates are kept between rebuilds (MkDocs makes a new Jinja environment for each one);
- the macros module is told it is previewing (`extra.preview`), so a broken data file is shown on the page
  instead of stopping the rebuild (see macros/preview.py).
"""

from __future__ import annotations

import logging

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.plugins.gfbs.preview")

# MkDocs loads a hook module once per process, so this outlives the rebuilds of one `mkdocs serve`.
_command: str | None = None


class TemplateCache(jinja2.BytecodeCache):
    """Compiled templates in memory, keyed by Jinja on each template's name and source: an edited template recompiles."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


_templates = TemplateCache()


def on_startup(*, command: str, dirty: bool) -> None:
    """Remember which command runs: only `serve` previews. MkDocs calls this once, before the first build."""
    global _command
    _command = command


def previewing() -> bool:
    return _command == "serve"


# Before every plugin's on_config: print-site reads `enabled` there, and the macros plugin copies `extra`.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """While serving: switch print-site off and tell the macros module it is previewing."""
    if not previewing():
        return config
    print_site = config.plugins.get("print-site")
    if print_site is not None and print_site.config.get("enabled"):
        print_site.config["enabled"] = False
        log.info("previewing without the whole-handbook page (print_page/): `make build` builds it")
    config.extra["preview"] = True
    return config


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files) -> jinja2.Environment:
    """While serving: compile each theme template once, not once per rebuild."""
    if previewing():
        env.bytecode_cache = _templates
    return env
