"""GitHub workflows, issue forms and pre-commit hooks: valid against their schemas, and running the README's commands."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tools.check import check_workflows
from tools.project import REPO, Project
from tools.publish import PREVIEW_DIR
from tools.review import MARKER

GITHUB = REPO / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ISSUE_FORMS = sorted(path for path in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if path.name != "config.yml")


def _schema_check(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def _workflow(name: str) -> dict:
    return yaml.safe_load((GITHUB / "workflows" / name).read_text(encoding="utf-8"))


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


def test_workflows_are_ci_links_and_preview() -> None:
    """CI (tests, publish, deploy), the weekly link check, and pull request previews; nothing else."""
    assert [path.name for path in WORKFLOWS] == ["ci.yml", "links.yml", "preview.yml"]


def _steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def _index(steps: list[dict], predicate) -> int:
    return next(index for index, step in enumerate(steps) if predicate(step))


def test_ci_tests_then_publishes_what_it_uploads() -> None:
    """CI runs `make test` as .ci/run does, then `make publish` (for the preview on a pull request), then uploads dist/site/."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = _workflow("ci.yml")
    steps = _steps(ci["jobs"]["test"])
    assert "make test" in readme and "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
    tests = _index(steps, lambda step: step.get("run") == "bash .ci/run")
    publish = _index(steps, lambda step: step.get("run", "").startswith("make publish"))
    upload = _index(steps, lambda step: step.get("uses", "").startswith("actions/upload-artifact@") and step["with"]["name"] == "site")
    assert tests < publish < upload
    assert steps[publish]["run"] == 'make publish PREVIEW="$PREVIEW"'
    assert steps[publish]["env"]["PREVIEW"] == "${{ github.event.pull_request.number }}"
    assert steps[upload]["with"]["path"] == "dist/site/"
    review = next(step for step in steps if "make review" in step.get("run", ""))
    assert 'make review BASE="origin/$BASE_REF" PREVIEW="$PREVIEW" FORK="$FORK" > review/summary.md' in review["run"]
    assert "$GITHUB_STEP_SUMMARY" in review["run"]
    for command in ("make review", "make build", "make offline", "make check", "make publish", "make links"):
        assert f"`{command}" in readme, f"{command} is not documented in the README"
    assert set(ci[True]) == {"pull_request", "push"}  # PyYAML reads the key `on` as True


def test_ci_fetches_full_history() -> None:
    """`make review` needs the base branch and page dates need each page's last commit."""
    checkout = next(step for step in _workflow("ci.yml")["jobs"]["test"]["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0


def test_deploy_publishes_the_tested_tree_and_builds_nothing() -> None:
    """On a push to main, deploy needs the tests, downloads their `site` artifact and pushes it to gh-pages, running nothing."""
    ci = _workflow("ci.yml")
    deploy = ci["jobs"]["deploy"]
    assert deploy["needs"] == "test"
    assert deploy["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert deploy["permissions"] == {"contents": "write"}
    assert [step for step in _steps(deploy) if "run" in step] == []  # no make, no build
    download = next(step for step in _steps(deploy) if step.get("uses", "").startswith("actions/download-artifact@"))
    publish = next(step for step in _steps(deploy) if step.get("uses", "").startswith("JamesIves/github-pages-deploy-action@"))
    assert download["with"]["name"] == "site" and "run-id" not in download["with"]  # this run's artifact, not another's
    assert publish["with"]["folder"] == download["with"]["path"]
    assert publish["with"]["branch"] == "gh-pages" and publish["with"]["clean-exclude"] == f"{PREVIEW_DIR}/"
    # Nothing else in CI may write: the tests, and a fork's pull request, run with a read-only token.
    assert ci["permissions"] == {"contents": "read"}
    assert [name for name, job in ci["jobs"].items() if "permissions" in job] == ["deploy"]


def test_previews_come_from_ci_artifacts_of_passing_runs_and_leave_with_the_pull_request() -> None:
    """preview.yml publishes CI's tree of a passing pull request under pr-preview/<number>/, for this repository's branches
    only; keeps one comment found by `make review`'s marker; removes the preview when the pull request closes; runs no code."""
    preview = _workflow("preview.yml")
    text = (GITHUB / "workflows" / "preview.yml").read_text(encoding="utf-8")
    assert preview[True]["workflow_run"] == {"workflows": ["CI"], "types": ["completed"]}
    assert preview[True]["pull_request"] == {"types": ["closed"]}
    assert preview["permissions"] == {}
    publish, remove = preview["jobs"]["publish"], preview["jobs"]["remove"]
    assert "github.event.workflow_run.conclusion == 'success'" in publish["if"]
    assert publish["env"]["SAME_REPO"] == "${{ github.event.workflow_run.head_repository.full_name == github.repository }}"
    deploy = next(step for step in _steps(publish) if step.get("uses", "").startswith("JamesIves/"))
    assert deploy["if"] == "env.SAME_REPO == 'true'"
    assert deploy["with"]["target-folder"] == f"{PREVIEW_DIR}/${{{{ steps.pr.outputs.number }}}}"
    downloads = [step for step in _steps(publish) if step.get("uses", "").startswith("actions/download-artifact@")]
    assert {step["with"]["run-id"] for step in downloads} == {"${{ github.event.workflow_run.id }}"}
    assert f"marker='{MARKER}'" in text
    commands = [line.strip() for job in preview["jobs"].values() for step in _steps(job) for line in step.get("run", "").splitlines()]
    assert not [command for command in commands if command.startswith(("make", "bash", "python"))]
    assert not [step for job in preview["jobs"].values() for step in _steps(job) if "ref" in step.get("with", {})]
    assert "github.event.pull_request.head.repo.full_name == github.repository" in remove["if"]
    removal = next(step for step in _steps(remove) if step.get("uses", "").startswith("JamesIves/"))
    assert removal["with"]["target-folder"] == f"{PREVIEW_DIR}/${{{{ github.event.pull_request.number }}}}"


def test_links_runs_weekly_and_keeps_one_issue() -> None:
    """links.yml runs `make links` every week and writes its report into one issue, with no more rights than that."""
    links = _workflow("links.yml")
    assert "schedule" in links[True] and "workflow_dispatch" in links[True]
    check, report = links["jobs"]["check"], links["jobs"]["report"]
    assert any("make links LINKS_REPORT=dead-links.md" in step.get("run", "") for step in _steps(check))
    assert check["permissions"] == {"contents": "read"} and report["permissions"] == {"issues": "write"}
    assert links["permissions"] == {}


# An action pinned to a full commit SHA, with its release tag in a comment for people and Dependabot.
PINNED_LINE = re.compile(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_actions_are_pinned_to_commit_shas_with_their_release(path: Path) -> None:
    """Every action is pinned to a full commit SHA, so a moved tag cannot change the build, and names its release."""
    lines = [line.strip().removeprefix("- ") for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines
    for line in lines:
        assert PINNED_LINE.match(line), f"{path.name}: {line!r} is not pinned to a commit SHA with its release tag"
    assert len(lines) == len(_uses(_workflow(path.name)))


def test_dependabot_watches_every_lock_where_it_lives() -> None:
    """Dependabot updates pip, npm and the workflows' actions, each in the folder that holds its files."""
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    folders = {update["package-ecosystem"]: update["directory"] for update in config["updates"]}
    assert folders == {"pip": "/", "npm": "/", "github-actions": "/"}
    assert (REPO / "pyproject.toml").is_file() and (REPO / "package-lock.json").is_file()
    result = _schema_check("vendor.dependabot", GITHUB / "dependabot.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def _project(root: Path) -> Project:
    return Project(root=root, config=root / "mkdocs.yml", docs=root / "docs", nav=(), use_directory_urls=True)


def test_make_check_runs_actionlint_over_the_workflows(tmp_path: Path) -> None:
    """The workflows check passes on ours and names the file, line and rule of a mistake actionlint finds."""
    assert check_workflows(_project(REPO)) == []
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "broken.yml").write_text(
        "on: push\njobs:\n  deploy:\n    needs: tests\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.nope }}\n",
        encoding="utf-8",
    )
    failures = check_workflows(_project(tmp_path))
    assert {(failure.file, failure.line, failure.culprit) for failure in failures} == {
        (".github/workflows/broken.yml", 3, "job-needs"),
        (".github/workflows/broken.yml", 7, "expression"),
    }


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


def test_make_test_is_the_suite_alone() -> None:
    """`make test` runs pytest once; the checks of `make check` and `make examples` are tests in it
    (tests/tools/test_check.py, tests/examples/test_go_examples.py), not runs of their own before it."""
    lines = _make_dry_run("test")
    runs = [line for line in lines if "/pytest " in line or line.endswith("/pytest")]
    assert len(runs) == 1 and "--dist loadscope" in runs[0]
    assert not [line for line in lines if "-m tools.check" in line or "-m tools.go_examples" in line]


def test_make_review_passes_base_through() -> None:
    """`make review BASE=ref` hands the ref to tools.review."""
    assert any(line.endswith("-m tools.review origin/feature") for line in _make_dry_run("review", "BASE=origin/feature"))


def test_make_review_and_publish_pass_the_preview_through() -> None:
    """`make review PREVIEW=7 FORK=yes` and `make publish PREVIEW=7` hand the number (and the fork) to the tools."""
    review = _make_dry_run("review", "BASE=origin/main", "PREVIEW=7", "FORK=yes")
    assert any(line.endswith("-m tools.review --preview 7 --fork origin/main") for line in review)
    assert any(line.endswith("-m tools.publish --preview 7 dist/site") for line in _make_dry_run("publish", "PREVIEW=7"))
