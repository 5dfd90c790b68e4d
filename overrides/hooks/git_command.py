"""Runs git for the hooks and the tools: one way to ask the repository, and one answer when it cannot.

Not a hook (mkdocs.yml does not list it): a module the hooks import. It sits beside them because a hook can import
nothing else of the project: MkDocs puts only the hook's own folder on the import path while it loads the hook, and
`mkdocs build` does not put the project's root there. The tools import it as `overrides.hooks.git_command`.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Literal, overload


class GitError(RuntimeError):
    """git could not answer: it is missing, the folder is outside a repository, or a ref or path is unknown."""


@overload
def git(*args: str, cwd: Path, check: Literal[True] = ...) -> str: ...


@overload
def git(*args: str, cwd: Path, check: Literal[False]) -> str | None: ...


def git(*args: str, cwd: Path, check: bool = True) -> str | None:
    """What `git args` prints in `cwd`, without its final newlines.

    When git cannot answer, raises GitError with git's own message, or with `check=False` returns None: for the
    callers that have an answer of their own (the build date, "unknown", no data file at that commit).
    """
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except OSError as error:  # no git at all, or no such folder
        reason = str(error)
    else:
        if result.returncode == 0:
            return result.stdout.rstrip("\n")
        reason = result.stderr.strip() or f"exit status {result.returncode}"
    if check:
        raise GitError(f"git {' '.join(args)} (in {cwd}): {reason}")
    return None
