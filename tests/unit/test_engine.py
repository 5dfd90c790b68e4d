"""The engine adapter and the Zensical code sealing: either engine's configuration, errors, per-page loading."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import jinja2
import markdown
import pytest
from bs4 import BeautifulSoup
from markdown.preprocessors import Preprocessor
from mkdocs.exceptions import PluginError

import macros
from macros.engine import BuildError, once_per_version, read_build_context
from macros.sealing import MACROS_PRIORITY, SealingExtension
from tests.support.sites import FIXTURES

FIXTURE = FIXTURES / "ecosystem.yml"


class ZensicalEnv:
    """Just enough of Zensical's macros env: its configuration (folders under root_dir), macros and the page."""

    def __init__(self, root: Path):
        self.conf = {"root_dir": str(root), "docs_dir": "docs", "site_dir": "site"}
        self.macros: dict[str, object] = {}
        self.page = SimpleNamespace(url="real-world/comparisons/")

    def macro(self, function):
        self.macros[function.__name__] = function
        return function


def _project(root: Path, data: str) -> Path:
    path = root / "docs" / "data" / "ecosystem.yml"
    path.parent.mkdir(parents=True)
    path.write_text(data, encoding="utf-8")
    return path


def test_mkdocs_configuration_is_read_from_the_config_file_path(tmp_path: Path) -> None:
    """Under MkDocs the project folder is the config file's, the folders are MkDocs' absolute ones, errors are PluginError."""
    conf = {"config_file_path": str(tmp_path / "mkdocs.yml"), "docs_dir": str(tmp_path / "docs"), "site_dir": "/tmp/out"}
    project = read_build_context(conf)
    assert (project.engine, project.root, project.docs, project.site) == ("mkdocs", tmp_path, tmp_path / "docs", Path("/tmp/out"))
    assert isinstance(project.stop("why"), PluginError)


def test_zensical_configuration_is_read_under_root_dir(tmp_path: Path) -> None:
    """Under Zensical the folders are relative to root_dir, and errors are BuildError with the message as given."""
    project = read_build_context({"root_dir": str(tmp_path), "docs_dir": "docs", "site_dir": ".cache/site"})
    assert (project.engine, project.root, project.docs, project.site) == ("zensical", tmp_path, tmp_path / "docs", tmp_path / ".cache/site")
    error = project.stop("docs/data/ecosystem.yml:3: tools: why")
    assert isinstance(error, BuildError) and str(error) == "docs/data/ecosystem.yml:3: tools: why"


def test_data_is_loaded_once_per_version_of_the_file(tmp_path: Path) -> None:
    """Zensical's per-page define_env parses the file once; an edit (as under `zensical serve`) is read again."""
    path = tmp_path / "data.yml"
    path.write_text("one", encoding="utf-8")
    calls: list[str] = []

    def load() -> str:
        calls.append(path.read_text(encoding="utf-8"))
        return calls[-1]

    assert [once_per_version(path, load) for _ in range(3)] == ["one"] * 3
    path.write_text("second", encoding="utf-8")
    assert once_per_version(path, load) == "second"
    assert calls == ["one", "second"]


def test_a_failed_load_is_not_cached(tmp_path: Path) -> None:
    """Every page reports the data error, not only the first one to load it."""
    path = tmp_path / "data.yml"
    path.write_text("bad", encoding="utf-8")

    def load() -> str:
        raise ValueError("bad data")

    for _ in range(2):
        with pytest.raises(ValueError, match="bad data"):
            once_per_version(path, load)


def test_define_env_under_zensical_registers_macros_and_publishes_exports(tmp_path: Path) -> None:
    """With Zensical's configuration, the macros work and the exports are written, as there is no post-build event."""
    _project(tmp_path, FIXTURE.read_text(encoding="utf-8"))
    env = ZensicalEnv(tmp_path)
    macros.define_env(env)
    assert 'href="../../data/exports/tools.csv"' in env.macros["data_downloads"]()
    assert "kubernetes" in (tmp_path / "site" / "data" / "exports" / "tools.csv").read_text(encoding="utf-8")


def test_data_mistake_under_zensical_names_file_line_and_field(tmp_path: Path) -> None:
    """A wrong type stops a Zensical build with BuildError naming the project-relative file, the line and the field."""
    _project(tmp_path, FIXTURE.read_text(encoding="utf-8").replace("license: Apache-2.0", "license: 5", 1))
    with pytest.raises(BuildError, match=r"docs/data/ecosystem\.yml:\d+: tools\[0\]\(id=kubernetes\)\.license: "):
        macros.define_env(ZensicalEnv(tmp_path))


def test_missing_data_file_under_zensical_is_an_error(tmp_path: Path) -> None:
    """No data file stops a Zensical build too, saying which file it wanted."""
    (tmp_path / "docs").mkdir()
    with pytest.raises(BuildError, match=r"ecosystem\.yml: the ecosystem data file is missing"):
        macros.define_env(ZensicalEnv(tmp_path))


class _Jinja(Preprocessor):
    """Stands in for Zensical's macros preprocessor: the whole page through strict Jinja."""

    def run(self, lines: list[str]) -> list[str]:
        template = jinja2.Environment(undefined=jinja2.StrictUndefined).from_string("\n".join(lines))
        return template.render(answer=42).split("\n")


class _FakeMacros(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.register(_Jinja(md), "macros", MACROS_PRIORITY)


PAGE = "The answer is {{ answer }}, and `{{ .Inline }}` stays.\n\n```go\ntmpl := `{{ .Name }}`\nm := [][]int{{1, 2}}\n```\n"


@pytest.mark.parametrize(
    ("extensions", "works"),
    [
        ([_FakeMacros()], False),  # without the sealing, Go's braces reach Jinja and the page fails
        ([_FakeMacros(), SealingExtension()], True),
    ],
)
def test_sealing_keeps_code_away_from_a_macros_preprocessor(extensions: list, works: bool) -> None:
    """Around a Jinja preprocessor at Zensical's priority, prose is rendered and code comes out as written."""
    md = markdown.Markdown(extensions=[*extensions, "pymdownx.superfences"])
    if not works:
        with pytest.raises(jinja2.TemplateError):
            md.convert(PAGE)
        return
    shown = BeautifulSoup(md.convert(PAGE), "lxml").get_text()
    assert "The answer is 42" in shown
    assert "{{ .Inline }}" in shown and "tmpl := `{{ .Name }}`" in shown and "[][]int{{1, 2}}" in shown
