"""One name, one thing: no two modules, classes or loggers of the project's code share a name (STYLE.md, "Names")."""

from __future__ import annotations

import ast
from collections import defaultdict

import pytest

from tools.project import REPO

# Where the project's own code lives: what mkdocs-macros, MkDocs, make and the tests load.
CODE = ("macros", "overrides", "tools", "tests/support")
SOURCES = sorted(path for folder in CODE for path in (REPO / folder).rglob("*.py") if "__pycache__" not in path.parts)


def _names(kind: str) -> dict[str, list[str]]:
    """name -> the files that define it, for modules (`__init__.py` aside), top-level classes or logger names."""
    found: dict[str, list[str]] = defaultdict(list)
    for path in SOURCES:
        where = path.relative_to(REPO).as_posix()
        if kind == "module":
            if path.name != "__init__.py":
                found[path.stem].append(where)
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=where)
        if kind == "class":
            names = [node.name for node in tree.body if isinstance(node, ast.ClassDef)]
        else:  # logging.getLogger("a.name") with a literal name; the "mkdocs" logger itself is MkDocs', not ours
            names = [
                node.args[0].value
                for node in ast.walk(tree)
                if isinstance(node, ast.Call)
                and getattr(node.func, "attr", None) == "getLogger"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and node.args[0].value != "mkdocs"
            ]
        for name in dict.fromkeys(names):
            found[name].append(where)
    return found


@pytest.mark.parametrize("kind", ["module", "class", "logger"])
def test_no_two_share_a_name(kind: str) -> None:
    """Each module, class and logger name is defined in one file only."""
    shared = {name: files for name, files in _names(kind).items() if len(files) > 1}
    assert shared == {}, f"{kind} names defined more than once: {shared}"
