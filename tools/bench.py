"""`make bench`: build time against plain Material, and how data loading and rendering scale.

Timings on a shared machine are noisy, so the targets compare ratios measured in the same run.
"""

from __future__ import annotations

import copy
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from macros import render
from macros.loader import parse_ecosystem, pin_for_build, release_after_build

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "docs" / "data" / "ecosystem.yml"
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
PLAIN_CONFIG = ".mkdocs.plain.yml"  # variants are written for the run as .mkdocs.<name>.yml, removed after
BUILD_RATIO_TARGET = 1.3
ADDED_SECONDS_TARGET = 2.0
SCALES = (1, 10, 100, 1000)
# Collections multiplied for the synthetic files. Criteria, categories and industries are the columns and
# facets of the matrices, so they stay fixed: growth comes from more entries, not more columns.
SCALED = ("languages", "tools", "companies", "databases", "architectures")


def timed_build(config: Path, site: Path) -> float:
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)], cwd=REPO, env=env, check=True)
    return time.perf_counter() - start


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
    """What a build does with the data: load it once, pin it as define_env does, render every table."""
    eco = parse_ecosystem(text, file="synthetic.yml")
    pin_for_build()
    try:
        return _render_tables(eco)
    finally:
        release_after_build()


def _render_tables(eco) -> int:
    pages = [
        render.language_comparison(eco),
        *(render.language_matchup(eco, matchup.against) for matchup in eco.matchups),
        render.tool_matrix(eco, by="category"),
        render.company_matrix(eco),
        render.industry_matrix(eco),
        render.database_matrix(eco),
        render.architecture_comparison(eco),
        render.data_downloads(eco, base=""),
    ]
    return sum(map(len, pages))


class _TagTolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its plugin list, treating MkDocs' own tags (!ENV, !relative, !!python/name) as plain values."""


_TagTolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TagTolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _variants() -> dict[str, str]:
    """Child configs of mkdocs.yml (name -> YAML) for the builds compared with the full one."""
    plugins = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TagTolerantLoader)["plugins"]
    without_print = [plugin for plugin in plugins if not (isinstance(plugin, dict) and "print-site" in plugin)]
    return {
        # Same pages, theme and Markdown extensions, without the project's plugins and hooks.
        "plain": "INHERIT: mkdocs.yml\nplugins:\n  - search\nhooks: []\n",
        # Everything but the whole-handbook print page, to show what that one page costs.
        "no-print": "INHERIT: mkdocs.yml\n" + yaml.safe_dump({"plugins": without_print}, sort_keys=False),
    }


def time_builds(runs: int) -> dict[str, list[float]]:
    """Seconds per build for the full config and each variant, interleaved so machine load hits all alike."""
    # The variants sit beside mkdocs.yml because paths in the config (snippets, overrides) are relative to it.
    configs = {"full": REPO / "mkdocs.yml"}
    for name, text in _variants().items():
        configs[name] = REPO / PLAIN_CONFIG.replace("plain", name)
        configs[name].write_text(text, encoding="utf-8")
    try:
        times: dict[str, list[float]] = {name: [] for name in configs}
        with tempfile.TemporaryDirectory() as tmp:
            for _ in range(runs):
                for name, config in configs.items():
                    times[name].append(timed_build(config, Path(tmp) / name))
    finally:
        for name, config in configs.items():
            if name != "full":
                config.unlink()
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
        print(f"  {factor:5d}x ({entries * factor:6d} entries): {results[factor] * 1000:9.1f} ms  ({results[factor] / (entries * factor) * 1e6:6.1f} us/entry)")
    growth = results[1000] / results[100]
    added = results[1000] - results[1]
    linear = "ok" if growth <= 15 else "MISSED"
    print(f"Scaling 100x -> 1000x: {growth:.1f}x for 10x the data (linear ~10x, target <= 15x) {linear}")
    fast = "ok" if added < ADDED_SECONDS_TARGET else "MISSED"
    print(f"1000x data adds {added:.2f} s (target < {ADDED_SECONDS_TARGET} s) {fast}")
    failures += [name for name, status in (("scaling", linear), ("1000x time", fast)) if status != "ok"]
    if failures:
        print(f"\nTargets missed: {', '.join(failures)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
