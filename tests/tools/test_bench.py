"""The benchmark harness itself: its builds run and its synthetic data is valid (timings are for `make bench`)."""

import subprocess

import pytest
import yaml

from tests.support.handbook import built
from tools import bench, bench_preview
from tools.project import DATA, DOCS, REPO


def test_every_compared_build_runs_and_writes_nothing_into_the_repository() -> None:
    """The full, no-print-page and plain builds all succeed, and the bench leaves the working tree as it was."""
    before = _untracked()
    stages: dict[str, list[bench.StageTimes]] = {}
    times = bench.time_builds(1, warm_up=False, stages=stages)
    assert set(times) == {"full", "plain", "no-print"}
    assert all(len(samples) == 1 and samples[0] > 0 for samples in times.values())
    assert _untracked() == before
    # Each build's time is broken down by the plugin and hook event handlers it ran, named as mkdocs.yml names them.
    full, plain = stages["full"][0].seconds, stages["plain"][0].seconds
    assert {"macros.on_config", "macros.on_page_markdown", "print_page.on_post_build", "search.on_page_context"} <= set(full)
    assert "search.on_page_context" in plain and not any(stage.startswith(("macros.", "print_page.")) for stage in plain)
    assert sum(full.values()) < times["full"][0]
    rows = bench.stage_breakdown(stages)
    assert rows[0][1] - rows[0][2] == max(mine - theirs for _, mine, theirs in rows)


def _untracked() -> str:
    return subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=REPO, capture_output=True, text=True).stdout


def test_variants_drop_only_what_they_name() -> None:
    """The no-print variant keeps every hook but the print page's; the plain one keeps only search and no hooks."""
    variants = bench.variants()
    assert variants["full"] == {}
    assert variants["plain"] == {"plugins": ["search"], "hooks": []}
    kept = variants["no-print"]["hooks"]
    assert "overrides/hooks/print_page.py" not in kept and "overrides/hooks/revision_dates.py" in kept


def test_synthetic_data_scales_entries_and_stays_valid() -> None:
    """A 10x file has ten times the scaled entries, unique ids, and renders every table."""
    data = yaml.safe_load(bench.DATA.read_text(encoding="utf-8"))
    scaled = yaml.safe_load(bench.synthetic(data, 10))
    for name in bench.SCALED:
        assert len(scaled[name]) == 10 * len(data[name])
        assert len({item["id"] for item in scaled[name]}) == len(scaled[name])
    assert bench.render_everything(bench.synthetic(data, 10)) > bench.render_everything(bench.synthetic(data, 1))


# Each case: a docs/ page and the URL `mkdocs serve` serves it at, under a root URL.
PAGE_URLS = [
    ("index.md", "http://h/"),
    ("foundations/index.md", "http://h/foundations/"),
    ("foundations/why-go.md", "http://h/foundations/why-go/"),
]


@pytest.mark.parametrize(("source", "url"), PAGE_URLS)
def test_preview_bench_finds_pages_at_their_directory_urls(source: str, url: str) -> None:
    """The preview bench polls the URL MkDocs gives the page (use_directory_urls)."""
    assert bench_preview.page_url("http://h/", source) == url


def test_preview_bench_edits_text_that_its_pages_show(handbook_pages) -> None:
    """The edited data line is in the data file and its text is on the data page; the edited page exists."""
    assert bench_preview.DATA_FIELD in DATA.read_text(encoding="utf-8")
    description = bench_preview.DATA_FIELD.split(": ", 1)[1].strip()
    assert description in built(handbook_pages, bench_preview.DATA_PAGE).get_text()
    assert (DOCS / bench_preview.PAGE).is_file()
