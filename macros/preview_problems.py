"""A broken data file under `mkdocs serve`: its problems shown in place of every page, until the file is fixed.

A build stops on a broken data file (macros/__init__.py raises). A preview that stopped the same way would leave
the browser waiting on a rebuild that never ends, with the mistake only in the terminal; so while serving
(overrides/hooks/preview.py sets `extra.preview`) every page shows the problems instead, and the next save that
fixes the file brings the pages back by live reload. Nothing here runs in a build, so nothing broken is published.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .loader import Problem, problems_heading

if TYPE_CHECKING:
    from .engine import MacrosEnv

log = logging.getLogger("mkdocs.plugins.gfbs.preview_problems")


def previewing(conf: Mapping[str, Any]) -> bool:
    """True under `mkdocs serve`: the preview hook marks the configuration."""
    return bool((conf.get("extra") or {}).get("preview"))


def problems_view(problems: Sequence[Problem]) -> str:
    """Every problem (file:line, field, reason) as a Material "failure" admonition; all text escaped."""
    title = problems_heading(problems)
    items = "".join(
        f"<li><code>{html.escape(f'{problem.file}:{problem.line}')}</code> "
        f"<code>{html.escape(problem.path or '(file)')}</code>: {_message_html(problem.message)}</li>"
        for problem in problems
    )
    # One line of raw HTML: Markdown passes a block-level element through untouched, so no character is read as markup.
    return (
        '<div class="admonition failure gfbs-preview-problems" role="alert">'
        f'<p class="admonition-title">{html.escape(title)}</p>'
        f"<ul>{items}</ul>"
        "<p>This preview shows the problems on every page and reloads by itself once the file is fixed; "
        "<code>make build</code> stops on them.</p></div>\n"
    )


def _message_html(message: str) -> str:
    """A message escaped, with its `code` spans (the keys and lines to write) set as code, as Markdown would show them."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(message))


def show_problems(env: MacrosEnv, problems: Sequence[Problem]) -> None:
    """Keep the preview running on broken data: every page will show `problems` in place of its content."""
    env.ecosystem = None
    env.problems = list(problems)
    log.info(
        "previewing every page as the list of data problems until the file is fixed:\n%s",
        "\n".join(f"  {problem}" for problem in problems),
    )


def broken(env: MacrosEnv) -> bool:
    """Whether this preview shows data problems instead of pages (never true in a build)."""
    return bool(getattr(env, "problems", None))


def problems_page(env: MacrosEnv) -> str:
    """The Markdown that replaces a page while the data is broken."""
    return problems_view(env.problems)
