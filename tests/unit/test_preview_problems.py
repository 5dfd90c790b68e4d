"""macros/preview_problems.py: a broken data file's problems shown in place of the page while serving, never in a build."""

import logging
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

import macros
from macros import preview_problems
from macros.loader import EcosystemError, Problem, parse_ecosystem
from tests.support.macros_env import FakeEnv
from tests.support.sites import FIXTURES

PROBLEMS = [
    Problem("docs/data/ecosystem.yml", 4, "criteria[0](id=typing).name", "Input should be a valid string (got ['<b>bold</b>'])"),
    Problem("docs/data/ecosystem.yml", 5, "criteria[0](id=typing).colour", "unknown key 'colour'"),
    Problem("docs/data/ecosystem.yml", 1, "", "invalid YAML: <script>alert(1)</script> & {{ .Name }}"),
]


def _view(problems: list[Problem]) -> BeautifulSoup:
    return BeautifulSoup(preview_problems.problems_view(problems), "lxml")


def test_problems_view_lists_every_problem_with_file_line_and_field() -> None:
    """One list item per problem, each with file:line, the field path and the reason; the title counts them."""
    view = _view(PROBLEMS)
    assert view.select_one(".admonition-title").get_text() == "docs/data/ecosystem.yml: 3 problems in the ecosystem data"
    items = [item.get_text() for item in view.select("li")]
    assert items[0] == "docs/data/ecosystem.yml:4 criteria[0](id=typing).name: Input should be a valid string (got ['<b>bold</b>'])"
    assert items[1].startswith("docs/data/ecosystem.yml:5 criteria[0](id=typing).colour")
    assert items[2].startswith("docs/data/ecosystem.yml:1 (file)")


def test_problems_view_escapes_markup_in_the_problems() -> None:
    """Markup in a value or message is shown as text: no element comes from the data file."""
    view = _view(PROBLEMS)
    assert view.select(".gfbs-preview-problems b, .gfbs-preview-problems script") == []
    assert "<script>alert(1)</script> & {{ .Name }}" in view.get_text()


def test_problems_view_is_one_block_of_html() -> None:
    """A single line of raw HTML ending in a newline, so Markdown passes it through as one block."""
    html = preview_problems.problems_view(PROBLEMS)
    assert html.startswith("<div ") and html.endswith("</div>\n") and html.count("\n") == 1


def test_plain_words_messages_show_their_examples_as_code() -> None:
    """A loader message keeps every word in the panel, its `code` spans (what to write) set as code, on one line."""
    text = (
        (FIXTURES / "ecosystem.yml")
        .read_text(encoding="utf-8")
        .replace("uses: [Backend systems]", "uses:\n      - Geofencing: a <b> lookup")
    )
    with pytest.raises(EcosystemError) as caught:
        parse_ecosystem(text, file="docs/data/ecosystem.yml")
    [problem] = caught.value.problems
    html = preview_problems.problems_view([problem])
    item = BeautifulSoup(html, "lxml").select_one("li")
    assert [code.get_text() for code in item.select("code")][2:] == [": ", '- "Geofencing: a <b> lookup"']
    assert item.get_text() == f"docs/data/ecosystem.yml:{problem.line} {problem.path}: {problem.message.replace('`', '')}"
    assert html.count("\n") == 1


def _broken_project(tmp_path: Path) -> Path:
    data = tmp_path / "docs" / "data" / "ecosystem.yml"
    data.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "ecosystem.yml", data)
    data.write_text(data.read_text(encoding="utf-8").replace("    name: Typing\n", "    name: [1]\n    colour: red\n", 1), encoding="utf-8")
    return tmp_path


def test_broken_data_still_stops_a_build(tmp_path: Path) -> None:
    """Without the preview mark, define_env raises as before, with every problem."""
    with pytest.raises(PluginError, match=r"docs/data/ecosystem.yml: 2 problems in the ecosystem data"):
        macros.define_env(FakeEnv(_broken_project(tmp_path), previewing=False))


def test_broken_data_while_previewing_replaces_every_page_with_the_problems(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """define_env keeps going and lists the problems in the terminal; pages (and their macros) give way to them; no exports."""
    env = FakeEnv(_broken_project(tmp_path), previewing=True)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.gfbs.preview_problems"):
        macros.define_env(env)
    assert "previewing every page as the list of data problems until the file is fixed" in caplog.text
    assert "docs/data/ecosystem.yml:5: criteria[0](id=typing).colour: unknown key 'colour'" in caplog.text
    assert env.macros == {}
    env.markdown = "# Page\n\n{{ language_comparison() }}\n"
    macros.on_pre_page_macros(env)
    assert env.markdown == ""  # nothing left for Jinja: the macro is not defined
    macros.on_post_page_macros(env)
    assert "docs/data/ecosystem.yml:4" in env.markdown and "criteria[0](id=typing).colour" in env.markdown
    macros.on_post_build(env)
    assert not (tmp_path / "site").exists()


def test_valid_data_while_previewing_renders_pages_as_a_build_does(tmp_path: Path) -> None:
    """With good data the preview mark changes nothing: macros are registered and code is sealed and restored."""
    project = _broken_project(tmp_path)
    shutil.copy(FIXTURES / "ecosystem.yml", project / "docs" / "data" / "ecosystem.yml")
    env = FakeEnv(project, previewing=True)
    macros.define_env(env)
    assert "language_comparison" in env.macros and not preview_problems.broken(env)
    env.markdown = "Use `{{ .Name }}`.\n"
    macros.on_pre_page_macros(env)
    macros.on_post_page_macros(env)
    assert env.markdown == "Use `{{ .Name }}`.\n"
