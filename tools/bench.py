"""`make bench`: build time against plain Material, and how data loading and rendering scale.

Timings on a shared machine are noisy, so the targets compare ratios measured in the same run.
"""

from __future__ import annotations

import copy
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

from macros import render
from macros.loader import parse_ecosystem
from tools.project import CONFIG, DATA, config_as_written, strict_build

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
BUILD_RATIO_TARGET = 1.3
ADDED_SECONDS_TARGET = 2.0
SCALES = (1, 10, 100, 1000)
# Collections multiplied for the synthetic files. Criteria, categories and industries are the columns and
# facets of the matrices, so they stay fixed: growth comes from more entries, not more columns.
SCALED = ("languages", "tools", "companies", "databases", "architectures")


def timed_build(site: Path, **overrides: object) -> float:
    """Seconds for one strict build of mkdocs.yml, with `overrides` replacing its keys; a failed build stops the bench."""
    overrides = copy.deepcopy(overrides)  # MkDocs' validation consumes the plugin settings it is given
    start = time.perf_counter()
    build = strict_build(CONFIG, site, **overrides)
    elapsed = time.perf_counter() - start
    if not build.ok:
        raise RuntimeError(f"the benchmarked build failed:\n{build.log}")
    return elapsed


def synthetic(data: dict, factor: int) -> str:
    """The data file with each scaled collection repeated `factor` times under fresh ids; references stay valid."""
    scaled = copy.deepcopy(data)
    for name in SCALED:
        originals = data[name]
        scaled[name] = [dict(item) for item in originals] + [
            dict(item, id=f"{item['id']}-x{copy_number}") for copy_number in range(1, factor) for item in originals
        ]
    return yaml.safe_dump(scaled, sort_keys=False)


def render_everything(text: str) -> int:
    """What a build does with the data: load it once, render every table; returns the characters rendered."""
    eco = parse_ecosystem(text, file="synthetic.yml")
    pages = [
        render.language_comparison(eco),
        *(render.language_matchup(eco, matchup.against) for matchup in eco.matchups),
        render.tool_matrix(eco, by="category"),
        render.company_matrix(eco),
        render.industry_matrix(eco),
        render.database_matrix(eco),
        render.architecture_comparison(eco),
        render.data_downloads(base=""),
    ]
    return sum(map(len, pages))


def variants() -> dict[str, dict[str, object]]:
    """The builds compared: name -> the mkdocs.yml keys each replaces (none for the full build)."""
    hooks = config_as_written()["hooks"]
    return {
        "full": {},
        # Everything but the whole-handbook print page, to show what that one page costs.
        "no-print": {"hooks": [hook for hook in hooks if not hook.endswith("print_page.py")]},
        # Same pages, theme and Markdown extensions, without the project's plugins and hooks.
        "plain": {"plugins": ["search"], "hooks": []},
    }


def time_builds(runs: int, *, warm_up: bool = True) -> dict[str, list[float]]:
    """Seconds per build for each variant, in this process, interleaved so machine load hits all alike.

    With `warm_up`, one untimed round first: the first build in a process also pays for imports, which a
    rebuild under `mkdocs serve` never does.
    """
    builds = variants()
    times: dict[str, list[float]] = {name: [] for name in builds}
    with tempfile.TemporaryDirectory() as tmp:
        for round_number in range(runs + warm_up):
            for name, overrides in builds.items():
                elapsed = timed_build(Path(tmp) / name, **overrides)
                if round_number >= warm_up:
                    times[name].append(elapsed)
    return times


def main() -> int:
    failures = []
    times = {name: statistics.median(samples) for name, samples in time_builds(RUNS).items()}
    full, base = times["full"], times["plain"]
    ratio = full / base
    print(f"Full build (median of {RUNS}):                 {full:6.2f} s")
    print(f"  without the print page:               {times['no-print']:6.2f} s  ({times['no-print'] / base:.2f}x plain)")
    print(f"Plain Material build (median of {RUNS}):       {base:6.2f} s")
    verdict = "ok" if ratio <= BUILD_RATIO_TARGET else "MISSED"
    print(f"Ratio: {ratio:.2f}x (target <= {BUILD_RATIO_TARGET}x) {verdict}")
    if verdict != "ok":
        failures.append("build ratio")

    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    entries = sum(len(data[name]) for name in SCALED)
    print("\nLoad + validate + render all tables (median of 3):")
    results = {}
    for factor in SCALES:
        text = synthetic(data, factor)
        samples = []
        for _ in range(3):
            start = time.perf_counter()
            render_everything(text)
            samples.append(time.perf_counter() - start)
        results[factor] = statistics.median(samples)
        print(
            f"  {factor:5d}x ({entries * factor:6d} entries): {results[factor] * 1000:9.1f} ms  ({results[factor] / (entries * factor) * 1e6:6.1f} us/entry)"
        )
    growth = results[1000] / results[100]
    added = results[1000] - results[1]
    linear = "ok" if growth <= 15 else "MISSED"
    print(f"Scaling 100x -> 1000x: {growth:.1f}x for 10x the data (linear ~10x, target <= 15x) {linear}")
    fast = "ok" if added < ADDED_SECONDS_TARGET else "MISSED"
    print(f"1000x data adds {added:.2f} s (target < {ADDED_SECONDS_TARGET} s) {fast}")
    failures += [name for name, status in (("scaling", linear), ("1000x time", fast)) if status != "ok"]
    return exit_status(failures)


def exit_status(missed: list[str]) -> int:
    """Name the missed targets last, where a reader of the output looks; 1 if any was missed."""
    if missed:
        print(f"\nTargets missed: {', '.join(missed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
