"""`make bench`, preview part: seconds from saving a page or the data file to `mkdocs serve` serving the new HTML.

The server runs on a copy of the project in a temporary folder, so the real docs/ is never edited. Each edit
writes a marker nobody else writes and polls the page until the marker is in it; the clock runs from the write,
so it counts what an editor waits for: MkDocs noticing the change (it polls every 0.5 s), the rebuild, the reply.
Last, the data file is broken and mended once: the page must show the problems, then come back, by itself.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from macros.loader import DATA_FILE
from tools.bench import exit_status
from tools.project import CONFIG, REPO, fetch, load_project, mkdocs_serve

PAGE_TARGET = 1.0  # seconds, a page edit
DATA_TARGET = 2.0  # seconds, a data edit
EDITS = 5
# A page of prose, and the page whose table shows the edited data field (the first criterion's description).
PAGE = "foundations/why-go.md"
DATA_PAGE = "real-world/comparisons.md"
DATA_FIELD = "    description: How source code is turned into something the machine runs.\n"
# The class of the box that lists a broken data file's problems (macros/preview_problems.py).
PROBLEMS = "gfbs-preview-problems"


def copy_project(into: Path) -> Path:
    """A copy of what `mkdocs serve` reads: the configuration and docs/ copied, the code beside them linked."""
    shutil.copy2(CONFIG, into / CONFIG.name)
    shutil.copytree(REPO / "docs", into / "docs")
    for code in ("macros", "overrides"):
        (into / code).symlink_to(REPO / code)
    return into / CONFIG.name


def page_url(root: str, source: str) -> str:
    """The served URL of a docs/ page."""
    return root + load_project(CONFIG).page_url(source)


def time_until_served(url: str, done: Callable[[str], bool], file: Path, text: str, *, timeout: float = 30) -> float:
    """Seconds from writing `text` into `file` to `url` serving HTML for which `done(html)` holds."""
    file.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    deadline = start + timeout
    while not done(fetch(url)):
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{url} did not change as expected within {timeout:.0f} s of writing {file.name}")
        time.sleep(0.02)
    return time.perf_counter() - start


def measure(edits: int) -> dict[str, list[float]]:
    """Seconds per edit, on a preview of a copy of the project: page and data edits alternating, then breaking the
    data file (until the page shows its problems) and mending it (until the page is back)."""
    times: dict[str, list[float]] = {"page": [], "data": [], "broken": [], "mended": []}
    with tempfile.TemporaryDirectory(prefix="gfbs-preview-bench-") as tmp:
        config = copy_project(Path(tmp))
        page, data = config.parent / "docs" / PAGE, config.parent / "docs" / DATA_FILE
        page_text, data_text = page.read_text(encoding="utf-8"), data.read_text(encoding="utf-8")
        if DATA_FIELD not in data_text:
            raise RuntimeError(f"the bench edits a line that is no longer in the data file: {DATA_FIELD.strip()!r}")
        with mkdocs_serve(config, watch=[config.parent / "macros", config.parent / "overrides"]) as preview:
            page_at, data_page_at = page_url(preview.url, PAGE), page_url(preview.url, DATA_PAGE)
            for _ in range(edits):
                marker = f"page-marker-{uuid.uuid4().hex}"
                times["page"].append(time_until_served(page_at, _showing(marker), page, f"{page_text}\n{marker}\n"))
                marker = f"data-marker-{uuid.uuid4().hex}"
                edited = data_text.replace(DATA_FIELD, DATA_FIELD.replace("runs.", f"runs ({marker})."))
                times["data"].append(time_until_served(data_page_at, _showing(marker), data, edited))
            broken = data_text.replace(DATA_FIELD, DATA_FIELD + "    colour: red\n")
            times["broken"].append(time_until_served(page_at, _showing(PROBLEMS), data, broken))
            times["mended"].append(time_until_served(page_at, lambda html: PROBLEMS not in html, data, data_text))
    return times


def _showing(text: str) -> Callable[[str], bool]:
    return lambda html: text in html


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=EDITS, help=f"edits of each kind (default {EDITS})")
    args = parser.parse_args(argv)
    times = measure(args.edits)
    missed = []
    print(f"\nPreview (make serve), from saving the file to the new HTML served, median of {args.edits}:")
    for kind, target in (("page", PAGE_TARGET), ("data", DATA_TARGET)):
        median = statistics.median(times[kind])
        verdict = "ok" if median < target else "MISSED"
        samples = ", ".join(f"{sample:.2f}" for sample in times[kind])
        print(f"  {kind} edit: {median:5.2f} s (target < {target:.0f} s) {verdict}   [{samples}]")
        if verdict != "ok":
            missed.append(f"{kind} edit preview")
    broken, mended = times["broken"][0], times["mended"][0]
    shown = "ok" if broken < DATA_TARGET and mended < DATA_TARGET else "MISSED"
    print(f"  broken data file: problems on the page after {broken:.2f} s, page back {mended:.2f} s after the fix {shown}")
    if shown != "ok":
        missed.append("broken data preview")
    return exit_status(missed)


if __name__ == "__main__":
    sys.exit(main())
