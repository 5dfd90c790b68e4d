"""`make bench`: build time against plain Material, and how data loading and rendering scale.

Timings on a shared machine are noisy, so the targets compare ratios measured in the same run.
"""

from __future__ import annotations

import collections
import copy
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from macros import render
from macros.loader import parse_ecosystem
from tools.project import CONFIG, DATA, config_as_written, strict_build

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

RUNS = int(os.environ.get("BENCH_RUNS", "9"))
BUILD_RATIO_TARGET = 1.2
# At 1000x today's entries, loading, validating and rendering every table may take as long as PyYAML's fastest
# reader (libyaml's CSafeLoader) takes merely to read the same text, timed alongside: seconds alone swing by half on
# a shared machine, and what any build with PyYAML must pay is the yardstick.
READ_RATIO_TARGET = 1.0
SCALES = (1, 10, 100, 1000)
# Collections multiplied for the synthetic files. Criteria, categories and industries are the columns and
# facets of the matrices, so they stay fixed: growth comes from more entries, not more columns.
SCALED = ("languages", "tools", "companies", "databases", "architectures")


class StageTimes:
    """Seconds one build spends in each plugin and hook event handler, keyed like `print_page.on_post_build`.

    MkDocs calls handlers from its own per-event lists (`config.plugins.events`); `instrument` puts a timed call of each
    handler in its place there, in the same order, so nothing outside this build changes.
    """

    def __init__(self) -> None:
        self.seconds: dict[str, float] = collections.defaultdict(float)

    def instrument(self, config: MkDocsConfig) -> None:
        for event, handlers in config.plugins.events.items():
            config.plugins.events[event] = [self._timed(handler) for handler in handlers]

    def _timed(self, handler: Callable[..., Any]) -> Callable[..., Any]:
        owner = getattr(handler, "__self__", None)
        # A hook's module is named by its file, `overrides/hooks/print_page.py`; a plugin's by its package.
        name = _plugin_name(type(owner).__module__) if owner is not None else Path(handler.__module__).stem
        stage = f"{name}.{handler.__name__}"

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return handler(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - start

        return timed


def _plugin_name(module: str) -> str:
    """`mkdocs_macros.plugin` -> `macros`, `material.plugins.search.plugin` -> `search`: the name mkdocs.yml uses."""
    parts = module.split(".")
    if "plugins" in parts:
        return parts[parts.index("plugins") + 1]
    return parts[0].removeprefix("mkdocs_")


def timed_build(site: Path, stages: StageTimes | None = None, **overrides: Any) -> float:
    """Seconds for one strict build of mkdocs.yml, with `overrides` replacing its keys; a failed build stops the bench.

    With `stages`, each plugin and hook event handler's seconds are added to it.
    """
    overrides = copy.deepcopy(overrides)  # MkDocs' validation consumes the plugin settings it is given
    start = time.perf_counter()
    build = strict_build(CONFIG, site, prepare=stages.instrument if stages else None, **overrides)
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


def read_with_libyaml(text: str) -> object:
    """The same text read by PyYAML's fastest loader, into plain data, and nothing else: the yardstick."""
    return yaml.load(text, Loader=yaml.CSafeLoader)


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


def time_builds(runs: int, *, warm_up: bool = True, stages: dict[str, list[StageTimes]] | None = None) -> dict[str, list[float]]:
    """Seconds per build for each variant, in this process, interleaved so machine load hits all alike.

    With `warm_up`, one untimed round first: the first build in a process also pays for imports, which a
    rebuild under `mkdocs serve` never does. With `stages`, each timed build's event handler times are appended
    to it under the variant's name.
    """
    builds = variants()
    times: dict[str, list[float]] = {name: [] for name in builds}
    with tempfile.TemporaryDirectory() as tmp:
        for round_number in range(runs + warm_up):
            for name, overrides in builds.items():
                build_stages = StageTimes() if stages is not None else None
                elapsed = timed_build(Path(tmp) / name, build_stages, **overrides)
                if round_number >= warm_up:
                    times[name].append(elapsed)
                    if stages is not None and build_stages is not None:
                        stages.setdefault(name, []).append(build_stages)
    return times


def stage_breakdown(stages: dict[str, list[StageTimes]]) -> list[tuple[str, float, float]]:
    """(handler, median seconds in the full build, in the plain one) for every handler, the costliest extra first."""

    def median(name: str, stage: str) -> float:
        return statistics.median(build.seconds.get(stage, 0.0) for build in stages[name])

    handlers = {stage for build in stages["full"] + stages["plain"] for stage in build.seconds}
    rows = [(stage, median("full", stage), median("plain", stage)) for stage in handlers]
    return sorted(rows, key=lambda row: row[2] - row[1])


def main() -> int:
    failures = []
    stages: dict[str, list[StageTimes]] = {}
    builds = time_builds(RUNS, stages=stages)
    times = {name: statistics.median(runs) for name, runs in builds.items()}
    full, base = times["full"], times["plain"]
    print(f"Full build (median of {RUNS}):                 {full:6.2f} s")
    print(f"  without the print page:               {times['no-print']:6.2f} s  ({times['no-print'] / base:.2f}x plain)")
    print(f"Plain Material build (median of {RUNS}):       {base:6.2f} s  (medians: {full / base:.2f}x)")
    # Each full build against the plain one built moments later: the machine's load drifts less within a pair than
    # across the run, so the target is on the median pair.
    pairs = [mine / theirs for mine, theirs in zip(builds["full"], builds["plain"], strict=True)]
    ratio = statistics.median(pairs)
    verdict = "ok" if ratio <= BUILD_RATIO_TARGET else "MISSED"
    print(f"Ratio, median of {RUNS} alternating pairs: {ratio:.2f}x (target <= {BUILD_RATIO_TARGET}x) {verdict}")
    print(f"  each pair, in build order: {' '.join(f'{pair:.2f}' for pair in pairs)}")
    if verdict != "ok":
        failures.append("build ratio")
    print_breakdown(full - base, stage_breakdown(stages))

    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    entries = sum(len(data[name]) for name in SCALED)
    print("\nLoad + validate + render all tables, and PyYAML's CSafeLoader reading the same text (median of 3, alternating):")
    results, reads = {}, {}
    for factor in SCALES:
        text = synthetic(data, factor)
        samples: dict[Callable[[str], object], list[float]] = {render_everything: [], read_with_libyaml: []}
        for _ in range(3):
            for step, taken in samples.items():
                start = time.perf_counter()
                step(text)
                taken.append(time.perf_counter() - start)
        results[factor], reads[factor] = statistics.median(samples[render_everything]), statistics.median(samples[read_with_libyaml])
        print(
            f"  {factor:5d}x ({entries * factor:6d} entries): {results[factor] * 1000:9.1f} ms  ({results[factor] / (entries * factor) * 1e6:6.1f} us/entry)"
            f"  CSafeLoader alone {reads[factor] * 1000:9.1f} ms"
        )
    growth = results[1000] / results[100]
    linear = "ok" if growth <= 15 else "MISSED"
    print(f"Scaling 100x -> 1000x: {growth:.1f}x for 10x the data (linear ~10x, target <= 15x) {linear}")
    read_ratio = results[1000] / reads[1000]
    fast = "ok" if read_ratio <= READ_RATIO_TARGET else "MISSED"
    print(
        f"1000x data: {results[1000]:.2f} s, {read_ratio:.2f}x the {reads[1000]:.2f} s CSafeLoader takes to read it "
        f"(target <= {READ_RATIO_TARGET}x) {fast}"
    )
    failures += [name for name, status in (("scaling", linear), ("1000x time", fast)) if status != "ok"]
    return exit_status(failures)


def print_breakdown(extra: float, rows: list[tuple[str, float, float]]) -> None:
    """Where the full build's extra time over plain Material goes: each event handler, then what no handler holds."""
    print(f"\nThe full build's extra {extra:.2f} s, by plugin or hook event handler (median seconds per build):")
    print(f"  {'handler':42s} {'full':>7s} {'plain':>7s} {'extra':>7s}")
    shown = 0.0
    for stage, mine, theirs in rows:
        if abs(mine - theirs) >= 0.005:
            print(f"  {stage:42s} {mine:7.3f} {theirs:7.3f} {mine - theirs:+7.3f}")
            shown += mine - theirs
    print(f"  {'outside any handler (Markdown extensions, templates, files)':42s} {'':7s} {'':7s} {extra - shown:+7.3f}")


def exit_status(missed: list[str]) -> int:
    """Name the missed targets last, where a reader of the output looks; 1 if any was missed."""
    if missed:
        print(f"\nTargets missed: {', '.join(missed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
