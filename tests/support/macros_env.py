"""A stand-in for mkdocs-macros' env, for testing define_env and the page hooks without a build."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace


class FakeEnv:
    """Just enough of mkdocs-macros' env: MkDocs' config, a macro registry, the current page and its Markdown."""

    def __init__(self, project: Path, *, previewing: bool = False):
        self.conf = {
            "docs_dir": str(project / "docs"),
            "config_file_path": str(project / "mkdocs.yml"),
            "site_dir": str(project / "site"),
            "extra": {"preview": True} if previewing else {},
        }
        self.macros: dict[str, object] = {}
        self.page = SimpleNamespace(url="")
        self.markdown = ""

    def macro(self, function):
        self.macros[function.__name__] = function
        return function
