"""Loads a MkDocs hook module from overrides/hooks/ by file, as MkDocs' `hooks:` setting does."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from tools.project import REPO

HOOKS = REPO / "overrides" / "hooks"


def load_hook(name: str) -> ModuleType:
    """A fresh copy of overrides/hooks/<name>.py."""
    spec = importlib.util.spec_from_file_location(f"hooks_under_test.{name}", HOOKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # as MkDocs does: dataclasses look their module up while the file runs
    # As MkDocs does too: the hook's folder is on the import path while it loads, so it imports its neighbours.
    saved = sys.path.copy()
    sys.path.insert(0, str(HOOKS))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = saved
    return module
