"""Markdown extension that keeps code out of Zensical's macros: seals code before its Jinja pass and restores it after.

Under MkDocs, mkdocs-macros renders a page before Markdown runs and calls `on_pre_page_macros` and
`on_post_page_macros` around it (see `macros/__init__.py`). Zensical's macros extension is a Markdown preprocessor
instead, with no such events, so the same two steps run as preprocessors on either side of it. Listed in
`mkdocs.zensical.yml` only: under MkDocs, Jinja has already run when Markdown starts.
"""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from .protect import protect_code, restore_code

# Zensical registers its macros preprocessor at 35, ahead of pymdownx.snippets (32) and superfences (25 and 31.05):
# seal just before it and restore just after it, so snippets and fences see the code as written.
MACROS_PRIORITY = 35


class _Seal(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return protect_code("\n".join(lines)).split("\n")


class _Restore(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return restore_code("\n".join(lines)).split("\n")


class SealingExtension(Extension):
    """Seals fenced and inline code around the macros preprocessor, so Go's braces never reach Jinja."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_Seal(md), "gfbs_seal_code", MACROS_PRIORITY + 1)
        md.preprocessors.register(_Restore(md), "gfbs_restore_code", MACROS_PRIORITY - 1)


def makeExtension(**kwargs: Any) -> SealingExtension:
    return SealingExtension(**kwargs)
