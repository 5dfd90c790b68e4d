"""Keeps code out of Jinja's reach: fenced blocks and inline code are sealed before rendering and restored after.

Go is full of `{{ .Name }}` and `[][]int{{1, 2}}`; sealing means authors never need `{% raw %}`.
A sealed piece is base64 between two private-use characters, so no state is kept between the two steps.
"""

from __future__ import annotations

import base64
import re

_OPEN, _CLOSE = "\ue000", "\ue001"
_FENCE = re.compile(r"^[ \t]*(?:[>*+-][ \t]*|\d+[.)][ \t]*)*(?P<fence>`{3,}|~{3,})")
_INLINE = re.compile(r"(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)", re.DOTALL)
_SEALED = re.compile(f"{_OPEN}([A-Za-z0-9_=-]*){_CLOSE}")


def _seal(code: str) -> str:
    return _OPEN + base64.urlsafe_b64encode(code.encode("utf-8")).decode("ascii") + _CLOSE


def protect_code(markdown: str) -> str:
    """Seal every fenced code block and inline code span so the template engine sees no braces in code."""
    out: list[str] = []
    prose: list[str] = []
    block: list[str] = []
    fence = ""
    for line in markdown.splitlines(keepends=True):
        if fence:
            block.append(line)
            closing = line.strip()
            if closing.startswith(fence[0] * len(fence)) and set(closing) == {fence[0]}:
                out.append(_seal("".join(block)))
                block, fence = [], ""
            continue
        match = _FENCE.match(line)
        if match:
            out.append(_INLINE.sub(lambda m: _seal(m.group(0)), "".join(prose)))
            prose = []
            fence = match.group("fence")
            block = [line]
        else:
            prose.append(line)
    out.append(_INLINE.sub(lambda m: _seal(m.group(0)), "".join(prose)))
    if block:  # an unclosed fence runs to the end of the page, as in Markdown
        out.append(_seal("".join(block)))
    return "".join(out)


def restore_code(markdown: str) -> str:
    """Undo protect_code: put every sealed piece back exactly as written."""
    return _SEALED.sub(lambda m: base64.urlsafe_b64decode(m.group(1)).decode("utf-8"), markdown)
