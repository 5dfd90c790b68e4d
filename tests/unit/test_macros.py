"""Macro wiring with a fake mkdocs-macros env: names, data loading, relative links and code sealing."""

import inspect
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

import macros
from macros import render
from tests.support.macros_env import FakeEnv
from tests.support.sites import FIXTURES

FIXTURE = FIXTURES / "ecosystem.yml"


@pytest.fixture
def env(tmp_path: Path) -> FakeEnv:
    (tmp_path / "docs" / "data").mkdir(parents=True)
    shutil.copy(FIXTURE, tmp_path / "docs" / "data" / "ecosystem.yml")
    fake = FakeEnv(tmp_path)
    macros.define_env(fake)
    return fake


def test_every_render_function_is_a_macro_of_the_same_name(env: FakeEnv) -> None:
    """Pages call macros by the name of the render function they wrap, and nothing else is exposed."""
    assert set(env.macros) == set(render.__all__)
    for name, function in env.macros.items():
        wrapped = inspect.signature(getattr(render, name)).parameters
        exposed = inspect.signature(function).parameters
        assert set(exposed) == set(wrapped) - {"eco", "base"}, name


def test_macros_render_the_loaded_data(env: FakeEnv) -> None:
    """A macro returns its render function's output for the build's data."""
    assert 'id="tool-kubernetes"' in env.macros["tool_matrix"]()
    assert env.macros["language_matchup"]("java").count("Java has more enterprise features") == 1


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("", "data/ecosystem.yml"),
        ("real-world/", "../data/ecosystem.yml"),
        ("a/b/", "../../data/ecosystem.yml"),
        ("real-world/index.html", "../data/ecosystem.yml"),
    ],
)
def test_download_links_are_relative_to_the_current_page(env: FakeEnv, url: str, href: str) -> None:
    """With directory URLs or .html files, links climb to the site root from the page's folder."""
    env.page = SimpleNamespace(url=url)
    assert f'href="{href}"' in env.macros["data_downloads"]()


def test_invalid_data_stops_the_build_with_every_problem(tmp_path: Path) -> None:
    """define_env raises PluginError naming the project-relative file and each problem."""
    data = tmp_path / "docs" / "data" / "ecosystem.yml"
    data.parent.mkdir(parents=True)
    data.write_text(FIXTURE.read_text().replace("license: Apache-2.0", "license: 5").replace("https://redis.io", "ftp://redis.io"))
    with pytest.raises(PluginError) as caught:
        macros.define_env(FakeEnv(tmp_path))
    message = str(caught.value)
    assert message.startswith("docs/data/ecosystem.yml: 2 problems")
    assert "tools[0](id=kubernetes).license" in message and "databases[0](id=redis).homepage" in message


def test_source_checked_in_the_future_stops_the_build(tmp_path: Path) -> None:
    """A `checked` date after today is an invented check: define_env refuses the data, naming the source."""
    data = tmp_path / "docs" / "data" / "ecosystem.yml"
    data.parent.mkdir(parents=True)
    data.write_text(FIXTURE.read_text().replace("checked: 2025-06-01", "checked: 2999-01-01"))
    with pytest.raises(PluginError, match=r"tools\[0\]\(id=kubernetes\)\.source\.checked: expected a date no later than today"):
        macros.define_env(FakeEnv(tmp_path))


def test_missing_data_file_is_an_error(tmp_path: Path) -> None:
    """No data file means no tables: the build stops and says which file it wanted."""
    (tmp_path / "docs").mkdir()
    with pytest.raises(PluginError, match=r"ecosystem\.yml: the ecosystem data file is missing"):
        macros.define_env(FakeEnv(tmp_path))


def test_page_hooks_seal_and_restore_code(env: FakeEnv) -> None:
    """The pre hook hides code from Jinja and the post hook restores it unchanged."""
    original = "Text {{ x }}\n\n```go\nm := [][]int{{1, 2}}\n```\n"
    env.markdown = original
    macros.on_pre_page_macros(env)
    assert "{{1, 2}}" not in env.markdown and "{{ x }}" in env.markdown
    macros.on_post_page_macros(env)
    assert env.markdown == original


def test_post_build_writes_every_export(env: FakeEnv) -> None:
    """After the build, CSV and JSON exports of each table sit under data/exports."""
    macros.on_post_build(env)
    site = Path(env.conf["site_dir"])
    written = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.*"))
    assert "data/exports/tools.csv" in written and "data/exports/companies.json" in written
    assert "kubernetes" in (site / "data/exports/tools.csv").read_text()
