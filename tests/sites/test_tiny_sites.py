"""Tiny sites built for real in tmp_path: Go braces survive, and every kind of broken input fails the build."""

from pathlib import Path

import pytest

from tests.support.sites import FIXTURES, build_site, build_tiny_site, page

GO_TEMPLATE = 'template.Must(template.New("user").Parse("Hello, {{ .Name }}!"))'
GO_LITERAL = "grid := [][]int{{1, 2}, {3, 4}}"


def code_texts(build, name: str = "index.html") -> list[str]:
    return [code.get_text() for code in build.html(name).select("article code")]


def test_go_braces_render_exactly_on_a_page_that_uses_macros(tmp_path: Path) -> None:
    """Fenced, tabbed and inline Go code keeps `{{ .Name }}` and `{{1, 2}}` while macros on the page still run."""
    body = f"""{{{{ tool_matrix() }}}}

```go
{GO_TEMPLATE}
{GO_LITERAL}
```

=== "In a tab"

    ```go
    {GO_LITERAL}
    ```

Inline: `{{{{ .Name }}}}` and `[][]int{{{{1, 2}}}}`.
"""
    build = build_tiny_site(tmp_path, {"index.md": page("Home", body)})
    assert build.ok, build.log
    codes = code_texts(build)
    assert any(GO_TEMPLATE in code and GO_LITERAL in code for code in codes)
    assert sum(GO_LITERAL in code for code in codes) == 2
    assert "{{ .Name }}" in codes and "[][]int{{1, 2}}" in codes
    assert build.html("index.html").select_one("#tool-kubernetes") is not None


def test_attr_list_ids_are_not_jinja_comments(tmp_path: Path) -> None:
    """`{#id}` after a heading is an anchor, not the start of a template comment."""
    build = build_tiny_site(tmp_path, {"index.md": page("Home", "## Custom {#custom-id}\n\n[jump](#custom-id)")})
    assert build.ok, build.log
    assert build.html("index.html").select_one("h2#custom-id") is not None


# Each case: a page body that must fail the build, and the words the log must contain (the page is index.md).
BROKEN_PAGES = [
    ("broken link", "[missing](missing.md)", ["index.md", "'missing.md'", "not found"]),
    ("missing anchor", "[jump](#nowhere)", ["index.md", "'#nowhere'", "no such anchor"]),
    ("unknown macro", "{{ no_such_macro() }}", ["index.md", "'no_such_macro' is undefined"]),
    ("undefined variable", "{{ no_such_variable }}", ["index.md", "'no_such_variable' is undefined"]),
    ("bad macro argument", '{{ tool_matrix(tools=["nope"]) }}', ["index.md", "unknown tool id 'nope'"]),
]


@pytest.mark.parametrize(("name", "body", "expected"), BROKEN_PAGES, ids=[case[0] for case in BROKEN_PAGES])
def test_broken_page_fails_the_build_naming_the_page(tmp_path: Path, name: str, body: str, expected: list[str]) -> None:
    """Links, anchors and macro calls are checked; a failure names the page and the culprit."""
    build = build_tiny_site(tmp_path, {"index.md": page("Home", body)})
    assert not build.ok, f"{name} did not fail the build"
    for words in expected:
        assert words in build.log, f"{name}: {words!r} missing from:\n{build.log}"


def test_unlisted_page_fails_the_build(tmp_path: Path) -> None:
    """A page left out of the nav is reported, so nothing is published unreachable."""
    pages = {"index.md": page("Home", "Hello"), "orphan.md": page("Orphan", "Alone")}
    build = build_tiny_site(tmp_path, pages, config={"nav": ["index.md"]})
    assert not build.ok
    assert "orphan.md" in build.log and 'not included in the "nav"' in build.log


def test_invalid_data_fails_before_any_page_is_written(tmp_path: Path) -> None:
    """Bad data stops the build with every problem listed; the site folder gets no page."""
    fixture = (FIXTURES / "ecosystem.yml").read_text()
    broken = fixture.replace("first_release: 2014", "first_release: soon", 1).replace(
        "industries: [streaming]", "industries: [gaming]\n    colour: red"
    )
    build = build_tiny_site(tmp_path, {"index.md": page("Home", "{{ company_matrix() }}")}, data=broken)
    assert not build.ok
    assert "docs/data/ecosystem.yml: 3 problems in the ecosystem data" in build.log
    assert "companies[0](id=netflix).industries[0]: unknown industry 'gaming'" in build.log
    assert "tools[0](id=kubernetes).first_release: `first_release` is a year written as a plain number" in build.log
    assert "companies[0](id=netflix).colour: unknown key 'colour'" in build.log
    assert not (tmp_path / "site" / "index.html").exists()


def test_exports_and_data_file_are_published(tmp_path: Path) -> None:
    """The data file, its schema and CSV/JSON exports are downloadable from the built site."""
    build = build_tiny_site(tmp_path, {"index.md": page("Home", "{{ data_downloads() }}")})
    assert build.ok, build.log
    for link in build.html("index.html").select(".gfbs-downloads a"):
        assert (build.site / link["href"]).is_file(), link["href"]


def test_changing_the_data_changes_the_page_on_the_next_build(tmp_path: Path) -> None:
    """Tables are regenerated from ecosystem.yml on every build; nothing is cached between builds."""
    first = build_tiny_site(tmp_path, {"index.md": page("Home", "{{ tool_matrix() }}")})
    assert first.ok, first.log
    assert "Orchestrates containers." in first.html("index.html").select_one("#tool-kubernetes").find_parent("tr").get_text()
    data = tmp_path / "docs" / "data" / "ecosystem.yml"
    data.write_text(data.read_text().replace("Orchestrates containers.", "Schedules containers on a cluster."))
    second = build_site(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert second.ok, second.log
    assert "Schedules containers on a cluster." in second.html("index.html").select_one("#tool-kubernetes").find_parent("tr").get_text()
