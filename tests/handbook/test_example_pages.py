"""The tested Go examples are shown on their topic pages, exactly as tested, with the output their tests check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tools.project import DOCS
from tests.support.handbook import built, nav_pages

pytestmark = pytest.mark.site
EXAMPLES = DOCS / "examples"

# Non-test example files that deliberately appear on no page. Empty: every file is shown.
NOT_SHOWN: frozenset[str] = frozenset()

INCLUDE = re.compile(r'^[ \t]*--8<--[ \t]+"(examples/[^"]+?\.go)(?::(\d*):(\d*))?"[ \t]*$', re.MULTILINE)
PRINTS = re.compile(r"^([ \t]*)It prints:[ \t]*\n[ \t]*\n\1```text[ \t]*\n(.*?)\n\1```[ \t]*$", re.MULTILINE | re.DOTALL)
OUTPUT = re.compile(r"^[ \t]*// Output:(.*)$")
COMMENT = re.compile(r"^[ \t]*//(?: (.*))?$")


def page_includes() -> list[tuple[str, str, int | None, int | None]]:
    """Every `--8<--` include of a Go example on a nav page: (page, path from docs/, start, end)."""
    found = []
    for page in nav_pages():
        for match in INCLUDE.finditer((DOCS / page).read_text(encoding="utf-8")):
            start, end = (int(n) if n else None for n in match.group(2, 3))
            found.append((page, match.group(1), start, end))
    return found


def included_text(path: str, start: int | None, end: int | None) -> str:
    """What the snippet extension inserts for a path with an optional 1-based, inclusive line range."""
    lines = (DOCS / path).read_text(encoding="utf-8").splitlines()
    return "\n".join(lines[(start or 1) - 1 : end or len(lines)])


def output_blocks(test_file: Path) -> list[str]:
    """The expected output of each `// Output:` comment in a Go test file, one string per Example function."""
    lines = test_file.read_text(encoding="utf-8").splitlines()
    blocks = []
    for i, line in enumerate(lines):
        match = OUTPUT.match(line)
        if not match:
            continue
        out = [match.group(1).strip()] if match.group(1).strip() else []
        for following in lines[i + 1 :]:
            comment = COMMENT.match(following)
            if not comment:
                break
            out.append(comment.group(1) or "")
        blocks.append("\n".join(out))
    return blocks


def prints_blocks() -> list[tuple[str, str, str | None]]:
    """Each "It prints:" text block on a nav page, with the last example test file with `// Output:` included before it."""
    found = []
    for page in nav_pages():
        source = (DOCS / page).read_text(encoding="utf-8")
        for match in PRINTS.finditer(source):
            before = [
                m.group(1)
                for m in INCLUDE.finditer(source, 0, match.start())
                if m.group(1).endswith("_test.go") and output_blocks(DOCS / m.group(1))
            ]
            body = "\n".join(line.removeprefix(match.group(1)) for line in match.group(2).splitlines())
            found.append((page, body, before[-1] if before else None))
    return found


def test_at_least_15_example_files_are_included() -> None:
    """At least 15 distinct example .go files are included by --8<-- lines across the nav pages."""
    assert len({path for _, path, _, _ in page_includes()}) >= 15


def test_every_example_source_file_is_shown() -> None:
    """Every non-test .go file in docs/examples is included on some nav page, unless explicitly allow-listed."""
    included = {path for _, path, _, _ in page_includes()}
    sources = {
        f"examples/{p.relative_to(EXAMPLES).as_posix()}"
        for p in EXAMPLES.rglob("*.go")
        if not p.name.endswith("_test.go")
    }
    assert not NOT_SHOWN - sources, "the allow-list names files that do not exist"
    assert sorted(sources - NOT_SHOWN - included) == []


@pytest.mark.parametrize(("page", "path", "start", "end"), page_includes())
def test_included_file_is_shown_verbatim(handbook, page: str, path: str, start: int | None, end: int | None) -> None:
    """The built page has a code element whose text is exactly the included file (tabs included)."""
    assert (DOCS / path).is_file(), f"{page} includes a missing file {path}"
    want = included_text(path, start, end).rstrip("\n")
    codes = [code.get_text().rstrip("\n") for code in built(handbook, page).select("code")]
    assert want in codes, f"{page}: no code block shows {path} exactly"


def test_pages_show_some_example_output() -> None:
    """The pages show what the examples print in "It prints:" blocks."""
    assert len(prints_blocks()) >= 5


@pytest.mark.parametrize(("page", "body", "test_file"), prints_blocks())
def test_it_prints_block_matches_example_output(page: str, body: str, test_file: str | None) -> None:
    """Each "It prints:" block equals an `// Output:` comment of the example test included just before it."""
    assert test_file, f"{page}: an 'It prints:' block follows no included *_test.go file"
    outputs = output_blocks(DOCS / test_file)
    assert body in outputs, f"{page}: 'It prints:' block does not match any // Output: in {test_file}"
