"""overrides/hooks/git_command.py: the one way the hooks and the tools ask git, and what they get when it cannot answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from overrides.hooks.git_command import GitError, git
from tools.project import REPO


def test_an_answer_comes_without_its_final_newline() -> None:
    """A one-line answer is ready to use as a path or a value."""
    assert Path(git("rev-parse", "--show-toplevel", cwd=REPO)) == REPO


def test_outside_a_repository_it_raises_with_gits_reason_or_gives_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside a repository: GitError naming the command and git's message, or None with check=False."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    with pytest.raises(GitError, match=r"git rev-parse --show-toplevel \(in .*\): .*not a git repository"):
        git("rev-parse", "--show-toplevel", cwd=tmp_path)
    assert git("rev-parse", "--show-toplevel", cwd=tmp_path, check=False) is None


def test_without_git_it_raises_or_gives_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No git on PATH counts as git not answering, not as a crash."""
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(GitError, match="git log"):
        git("log", cwd=REPO)
    assert git("log", cwd=REPO, check=False) is None
