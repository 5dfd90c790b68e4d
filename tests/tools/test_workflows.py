"""GitHub workflows, issue forms and pre-commit hooks: valid against their schemas, and running the README's commands."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tools.project import REPO

GITHUB = REPO / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ISSUE_FORMS = sorted(path for path in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if path.name != "config.yml")
# An action pinned to an exact release (v4.2.2) or a full commit SHA, never a moving major tag (v4).
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$")


def _schema_check(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def _workflow(name: str) -> dict:
    return yaml.safe_load((GITHUB / "workflows" / name).read_text(encoding="utf-8"))


def _run_lines(workflow: dict) -> list[str]:
    return [step["run"] for job in workflow["jobs"].values() for step in job.get("steps", []) if "run" in step]


def _uses(workflow: dict) -> list[str]:
    return [step["uses"] for job in workflow["jobs"].values() for step in job.get("steps", []) if "uses" in step]


@pytest.mark.parametrize(
    ("schema", "files"),
    [
        ("vendor.github-workflows", WORKFLOWS),
        ("custom.github-workflows-require-timeout", WORKFLOWS),
        ("vendor.github-issue-forms", ISSUE_FORMS),
        ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE" / "config.yml"]),
    ],
)
def test_files_match_their_schema(schema: str, files: list[Path]) -> None:
    """check-jsonschema's bundled GitHub schemas accept every workflow and issue form (offline)."""
    assert files, f"no files for {schema}"
    result = _schema_check(schema, *files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    """The schema check can fail: a job without runs-on is rejected."""
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  test:\n    steps:\n      - run: make test\n", encoding="utf-8")
    assert _schema_check("vendor.github-workflows", broken).returncode != 0


def test_workflow_names_are_the_expected_two() -> None:
    """CI for pull requests and deployment to Pages, nothing else."""
    assert [path.name for path in WORKFLOWS] == ["ci.yml", "deploy.yml"]


def test_ci_runs_the_readme_commands() -> None:
    """CI runs `make test` as .ci/run does, summarises with `make review`, and builds what it uploads."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = _workflow("ci.yml")
    runs = _run_lines(ci)
    assert "make test" in readme and "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash .ci/run" in runs
    assert any(run.startswith("make review BASE=") and "$GITHUB_STEP_SUMMARY" in run for run in runs)
    assert "make build" in runs and "make offline" in runs
    for command in ("make review", "make build", "make offline", "make check"):
        assert f"`{command}" in readme, f"{command} is not documented in the README"
    uploads = [step["with"]["path"] for step in ci["jobs"]["test"]["steps"] if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert uploads == ["site/", "dist/go-for-backend-systems-offline.zip"]
    assert set(ci[True]) == {"pull_request", "push"}  # PyYAML reads the key `on` as True


def test_ci_fetches_full_history() -> None:
    """`make review` needs the base branch and page dates need each page's last commit."""
    checkout = next(step for step in _workflow("ci.yml")["jobs"]["test"]["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0


def test_deploy_builds_and_publishes_to_pages_with_least_privilege() -> None:
    """Deploy runs `make build`, uploads site/ as the Pages artifact, and only the deploy job may write to Pages."""
    deploy = _workflow("deploy.yml")
    assert deploy["permissions"] == {}
    build, publish = deploy["jobs"]["build"], deploy["jobs"]["deploy"]
    assert "make build" in _run_lines({"jobs": {"build": build}})
    assert build["permissions"] == {"contents": "read"}
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    assert publish["needs"] == "build" and publish["environment"]["name"] == "github-pages"
    assert any(uses.startswith("actions/upload-pages-artifact@") for uses in _uses(deploy))
    assert any(uses.startswith("actions/deploy-pages@") for uses in _uses(deploy))


def test_ci_token_is_read_only() -> None:
    """The pull request workflow never gets write access."""
    ci = _workflow("ci.yml")
    assert ci["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in ci["jobs"].values())


@pytest.mark.parametrize("name", ["ci.yml", "deploy.yml"])
def test_actions_are_pinned_to_exact_versions(name: str) -> None:
    """Every action is pinned to an exact release or commit, so a moved tag cannot change the build."""
    for uses in _uses(_workflow(name)):
        assert PINNED.match(uses), f"{name}: {uses} is not pinned to an exact version"


def test_pre_commit_config_is_valid_and_runs_the_checks() -> None:
    """pre-commit accepts the config, and its hooks call the same checks module as `make check`."""
    config = REPO / ".pre-commit-config.yaml"
    result = subprocess.run(
        [str(Path(sys.executable).parent / "pre-commit"), "validate-config", str(config)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    hooks = [hook for repo in yaml.safe_load(config.read_text(encoding="utf-8"))["repos"] for hook in repo["hooks"]]
    entries = " ".join(hook["entry"] for hook in hooks)
    for check in ("data", "front-matter", "spelling", "lint", "python", "build links"):
        assert f"tools.check --only {check}" in entries, f"no pre-commit hook runs the {check} check"


def _make_dry_run(*args: str) -> list[str]:
    result = subprocess.run(["make", "--dry-run", "--always-make", *args], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_make_test_runs_the_checks_before_the_suite() -> None:
    """`make test` runs `make check` and the Go checks (`make examples`) before the suite."""
    lines = _make_dry_run("test")
    checks = next(index for index, line in enumerate(lines) if "-m tools.check" in line)
    examples = next(index for index, line in enumerate(lines) if "-m tools.go_examples" in line)
    pytest_run = next(index for index, line in enumerate(lines) if "/pytest " in line or line.endswith("/pytest"))
    assert checks < pytest_run and examples < pytest_run
    assert "--site-dir .cache/check-site" in lines[checks]


def test_make_review_passes_base_through() -> None:
    """`make review BASE=ref` hands the ref to tools.review."""
    assert any(line.endswith("-m tools.review origin/feature") for line in _make_dry_run("review", "BASE=origin/feature"))
