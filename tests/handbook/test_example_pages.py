"""The tested Go examples are shown on their topic pages, exactly as tested, in one tab set each with the output their tests check."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.examples import README, README_ROW
from tests.support.handbook import built, nav_pages
from tools.project import DOCS

pytestmark = pytest.mark.site
EXAMPLES = DOCS / "examples"

# Non-test example files that deliberately appear on no page. Empty: every file is shown.
NOT_SHOWN: frozenset[str] = frozenset()
# The label of the tab that shows what an example prints; always the last tab of its set.
OUTPUT_LABEL = "Output"

# Any file of the examples module: the Go sources and the Dockerfile.
INCLUDE = re.compile(r'^[ \t]*--8<--[ \t]+"(examples/[^":]+)(?::(\d*):(\d*))?"[ \t]*$', re.MULTILINE)
# A titled, highlighted code block whose only content is one example file.
HIGHLIGHTED = re.compile(
    r'^[ \t]*```go title="examples/(?P<file>[^"]+)"(?: hl_lines="(?P<hl>[^"]*)")?[ \t]*\n'
    r'[ \t]*--8<--[ \t]+"examples/(?P=file)"[ \t]*$',
    re.MULTILINE,
)
TAB = re.compile(r'^(?P<indent>[ \t]*)=== "(?P<label>[^"]+)"[ \t]*$')
TEXT_BLOCK = re.compile(r"\A```text[ \t]*\n(.*)\n```\Z", re.DOTALL)
OUTPUT = re.compile(r"^[ \t]*// Output:(.*)$")
COMMENT = re.compile(r"^[ \t]*//(?: (.*))?$")
# A listing's length, counted as shown: longer ones are split or cut down to what the text discusses (issue #21).
MAX_LISTING_LINES = 45
HL_LINES = re.compile(r'^[ \t]*```\w+ [^\n]*\bhl_lines="')
# The wording every example used to repeat; the tab set says the same without it.
BOILERPLATE = re.compile(r"^It prints:|\bThis tested\b", re.MULTILINE)


@dataclass(frozen=True)
class Tab:
    """One `=== "label"` tab: its label, its content with the tab's indentation removed, and its 1-based line."""

    label: str
    body: str
    line: int


@dataclass(frozen=True)
class TabSet:
    """Consecutive tabs at one indentation: pymdownx.tabbed renders them as one set."""

    page: str
    line: int
    tabs: tuple[Tab, ...]

    def test_files(self) -> list[str]:
        """The example test files (paths from docs/) included in any tab of this set."""
        return [m.group(1) for tab in self.tabs for m in INCLUDE.finditer(tab.body) if m.group(1).endswith("_test.go")]


def tab_sets(page: str, text: str) -> list[TabSet]:
    """Every set of tabs in a page's Markdown, in order."""
    lines = text.splitlines()
    sets, i = [], 0
    while i < len(lines):
        first = TAB.match(lines[i])
        if not first:
            i += 1
            continue
        indent, start, tabs = first.group("indent"), i + 1, []
        while i < len(lines) and (tab := TAB.match(lines[i])) and tab.group("indent") == indent:
            label_line, body = i + 1, []
            i += 1
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith(indent + "    ")):
                body.append(lines[i][len(indent) + 4 :])
                i += 1
            tabs.append(Tab(tab.group("label"), "\n".join(body).strip("\n"), label_line))
        sets.append(TabSet(page, start, tuple(tabs)))
    return sets


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


def example_tab_sets() -> list[TabSet]:
    """The tab sets on nav pages that show at least one example test file."""
    found = []
    for page in nav_pages():
        found.extend(s for s in tab_sets(page, (DOCS / page).read_text(encoding="utf-8")) if s.test_files())
    return found


def output_tabs() -> list[tuple[TabSet, Tab]]:
    """Each Output tab with the set it belongs to."""
    return [(s, tab) for s in example_tab_sets() for tab in s.tabs if tab.label == OUTPUT_LABEL]


def readme_highlights() -> dict[str, tuple[str, str]]:
    """README table: example file (path from docs/) -> (page, hl column as written)."""
    rows = (README_ROW.match(line) for line in README.read_text(encoding="utf-8").splitlines())
    return {f"examples/{row['file']}": (row["page"], row["hl"]) for row in rows if row}


def test_at_least_15_example_files_are_included() -> None:
    """At least 15 distinct example .go files are included by --8<-- lines across the nav pages."""
    assert len({path for _, path, _, _ in page_includes()}) >= 15


def test_every_example_source_file_is_shown() -> None:
    """Every non-test .go file in docs/examples is included on some nav page, unless explicitly allow-listed."""
    included = {path for _, path, _, _ in page_includes()}
    sources = {f"examples/{p.relative_to(EXAMPLES).as_posix()}" for p in EXAMPLES.rglob("*.go") if not p.name.endswith("_test.go")}
    assert not NOT_SHOWN - sources, "the allow-list names files that do not exist"
    assert sorted(sources - NOT_SHOWN - included) == []


@pytest.mark.parametrize(("page", "path", "start", "end"), page_includes())
def test_included_file_is_shown_verbatim(handbook_pages, page: str, path: str, start: int | None, end: int | None) -> None:
    """The built page has a code element whose text is exactly the included file (tabs included)."""
    assert (DOCS / path).is_file(), f"{page} includes a missing file {path}"
    want = included_text(path, start, end).rstrip("\n")
    codes = [code.get_text().rstrip("\n") for code in built(handbook_pages, page).select("code")]
    assert want in codes, f"{page}: no code block shows {path} exactly"


@pytest.mark.parametrize(("page", "path", "start", "end"), page_includes())
def test_no_listing_is_much_over_40_lines(page: str, path: str, start: int | None, end: int | None) -> None:
    """Each include shows at most MAX_LISTING_LINES lines: a whole short file, or a line range of a long one."""
    shown = included_text(path, start, end).rstrip("\n").count("\n") + 1
    assert shown <= MAX_LISTING_LINES, f"{page}: {path} shows {shown} lines; include a line range (path:start:end) or split it"


def unexplained_highlights(text: str) -> list[int]:
    """Lines of code blocks with hl_lines whose introducing paragraph never mentions the highlighted lines.

    The introducing paragraph is the last one before the block, or before the first tab of the tab set holding it.
    """
    lines = text.splitlines()
    found = []
    for number, line in enumerate(lines):
        if not HL_LINES.match(line):
            continue
        top = number
        while top > 0 and (not lines[top - 1].strip() or lines[top - 1].startswith((" ", "\t", "===")) or TAB.match(lines[top - 1])):
            top -= 1  # climb over the tab set, to the text above it
        paragraph = []
        while top > 0 and lines[top - 1].strip():
            top -= 1
            paragraph.append(lines[top])
        if "highlight" not in " ".join(paragraph).lower():
            found.append(number + 1)
    return found


def test_highlighted_lines_are_explained() -> None:
    """Every listing with hl_lines follows a paragraph that says what the highlighted lines are (issue #21)."""
    problems = [f"{page}:{line}" for page in nav_pages() for line in unexplained_highlights((DOCS / page).read_text(encoding="utf-8"))]
    assert not problems, "say what the highlighted lines show in the paragraph before the listing, or drop hl_lines:\n" + "\n".join(
        problems
    )


def test_unexplained_highlights_finds_the_paragraph_above_the_tab_set() -> None:
    """The paragraph before a tab set explains every listing in the set; one that does not is reported by line."""
    explained = 'Text; the highlighted lines matter.\n\n=== "a.go"\n\n    ```go hl_lines="2"\n    x\n    ```\n\n=== "b.go"\n\n    ```go hl_lines="1"\n    y\n    ```\n'
    assert unexplained_highlights(explained) == []
    assert unexplained_highlights('Plain text.\n\n```go hl_lines="1"\nx\n```\n') == [3]


def test_no_page_repeats_the_old_example_boilerplate() -> None:
    """No nav page says "It prints:" or "This tested example": the tab set with its Output tab says it."""
    found = []
    for page in nav_pages():
        text = (DOCS / page).read_text(encoding="utf-8")
        found.extend(f"{page}:{text[: m.start()].count(chr(10)) + 1}: {m.group(0)!r}" for m in BOILERPLATE.finditer(text))
    assert not found, "replace with a sentence on what the example does:\n" + "\n".join(found)


def test_pages_show_some_example_output() -> None:
    """The pages show what the examples print in Output tabs."""
    assert len(output_tabs()) >= 5


@pytest.mark.parametrize(("tab_set", "tab"), [pytest.param(s, t, id=f"{s.page}:{t.line}") for s, t in output_tabs()])
def test_output_tab_matches_example_output(tab_set: TabSet, tab: Tab) -> None:
    """Each Output tab is the last of its set and holds one text block equal to an `// Output:` of a test file in the set."""
    where = f"{tab_set.page}:{tab.line}"
    assert tab is tab_set.tabs[-1], f'{where}: the "{OUTPUT_LABEL}" tab must be the last of its set'
    block = TEXT_BLOCK.match(tab.body)
    assert block, f'{where}: the "{OUTPUT_LABEL}" tab must hold exactly one ```text block'
    outputs = {path: output_blocks(DOCS / path) for path in tab_set.test_files()}
    assert any(block.group(1) in found for found in outputs.values()), (
        f"{where}: the Output tab does not match any // Output: comment in {', '.join(outputs)}"
    )


@pytest.mark.parametrize("tab_set", [pytest.param(s, id=f"{s.page}:{s.line}") for s in example_tab_sets()])
def test_example_with_output_has_an_output_tab(tab_set: TabSet) -> None:
    """A tab set that shows a test with an `// Output:` comment ends with an Output tab, so every page presents it alike."""
    with_output = [path for path in tab_set.test_files() if output_blocks(DOCS / path)]
    labels = [tab.label for tab in tab_set.tabs]
    assert not with_output or labels[-1] == OUTPUT_LABEL, (
        f'{tab_set.page}:{tab_set.line}: {with_output[0]} has an // Output: comment; add a last tab "{OUTPUT_LABEL}" with it'
    )


def test_page_highlights_match_the_readme() -> None:
    """Each example code block on a page uses the page and hl_lines that docs/examples/README.md lists for its file."""
    table = readme_highlights()
    problems = []
    for page in nav_pages():
        text = (DOCS / page).read_text(encoding="utf-8")
        for block in HIGHLIGHTED.finditer(text):
            path = f"examples/{block['file']}"
            line = text[: block.start()].count("\n") + 1
            shown = f"`{block['hl']}`" if block["hl"] else "—"
            if path not in table:
                problems.append(f"{page}:{line}: {path} has no row in {README.name}")
            elif table[path] != (page, shown):
                problems.append(f"{page}:{line}: {path} shows hl_lines {shown}; {README.name} says {table[path][1]} on {table[path][0]}")
    assert not problems, "\n".join(problems)


def test_files_marked_not_shown_are_on_no_page() -> None:
    """A README row that says `not shown` names a file that no page includes."""
    included = {path for _, path, _, _ in page_includes()}
    wrong = sorted(path for path, (_, hl) in readme_highlights().items() if hl == "not shown" and path in included)
    assert not wrong, f"{README.name} says these are not shown, but a page includes them: {wrong}"


def test_files_marked_in_parts_are_shown_as_line_ranges() -> None:
    """A README row that says `in parts` names a file that pages include, and only as line ranges."""
    includes = page_includes()
    wrong = []
    for path, (_, hl) in readme_highlights().items():
        starts = [start for _, included, start, _ in includes if included == path]
        if hl == "in parts" and (not starts or None in starts):
            wrong.append(path)
    assert not wrong, f"{README.name} says these are shown in parts, but no page shows them or a page shows them whole: {wrong}"


def test_tab_sets_are_parsed_with_their_lines() -> None:
    """tab_sets finds consecutive tabs as one set, strips their indentation and ends the set at unindented text."""
    text = '=== "a.go"\n\n    code a\n\n=== "Output"\n\n    ```text\n    hi\n    ```\n\nAfter.\n\n=== "b"\n\n    b\n'
    sets = tab_sets("p.md", text)
    assert [[t.label for t in s.tabs] for s in sets] == [["a.go", "Output"], ["b"]]
    assert sets[0].tabs[1] == Tab("Output", "```text\nhi\n```", 5)
    assert sets[1].line == 13
