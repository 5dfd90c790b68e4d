"""CONTRIBUTING.md's worked examples of data entries, read as tests need them: a section, its code blocks, its entry added to the data."""

from __future__ import annotations

import re

from tools.project import REPO

GUIDE = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")


def guide_section(heading: str) -> str:
    """The text of one `###` section of CONTRIBUTING.md, up to the next heading (a `#` line inside a code block is not one)."""
    lines = GUIDE.splitlines(keepends=True)
    start = lines.index(f"### {heading}\n") + 1
    in_code = False
    for index in range(start, len(lines)):
        if lines[index].startswith("```"):
            in_code = not in_code
        elif lines[index].startswith("#") and not in_code:
            return "".join(lines[start:index])
    return "".join(lines[start:])


def fenced(section: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", section, re.MULTILINE | re.DOTALL)


def with_example(text: str, heading: str, collection: str, mistake: tuple | None = None) -> str:
    """The data file with a section's example appended to `collection` (and its ratings under each language), `mistake` made."""
    blocks = fenced(guide_section(heading), "yaml")
    if mistake:
        old, new = mistake
        blocks = [old.sub(new, block, count=1) if isinstance(old, re.Pattern) else block.replace(old, new, 1) for block in blocks]
    entry, *ratings = blocks
    text = _appended(text, collection, entry)
    for line in "".join(ratings).splitlines():
        rating, language = re.fullmatch(r"(.*?)\s+# under (\S+)", line).groups()
        text = re.sub(rf"(\n  - id: {language}\n(?:    .*\n)*?    ratings:\n)", rf"\g<1>{rating}\n", text, count=1)
    return text


def _appended(text: str, collection: str, entry: str) -> str:
    """`entry` added at the end of `collection`, replacing an entry of the same id should the data file have one already."""
    lines = text.splitlines(keepends=True)
    start = lines.index(f"{collection}:\n")
    end = next((index for index in range(start + 1, len(lines)) if re.match(r"[a-z_]+:", lines[index])), len(lines))
    first = entry.splitlines(keepends=True)[0]
    if first in lines[start:end]:
        same = lines.index(first, start, end)
        after = next((index for index in range(same + 1, end) if lines[index].startswith("  - ")), end)
        del lines[same:after]
        end -= after - same
    while not lines[end - 1].strip():
        end -= 1
    return "".join([*lines[:end], entry, *lines[end:]])
