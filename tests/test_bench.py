"""The benchmark harness itself: its builds run and its synthetic data is valid (timings are for `make bench`)."""

import yaml

from tests import bench


def test_plain_and_full_builds_both_run() -> None:
    """Both configurations the benchmark compares build, and the temporary plain config is removed."""
    full, plain = bench.time_builds(1)
    assert len(full) == len(plain) == 1 and min(full + plain) > 0
    assert not (bench.REPO / bench.PLAIN_CONFIG).exists()


def test_synthetic_data_scales_entries_and_stays_valid() -> None:
    """A 10x file has ten times the scaled entries, unique ids, and renders every table."""
    data = yaml.safe_load(bench.DATA.read_text(encoding="utf-8"))
    scaled = yaml.safe_load(bench.synthetic(data, 10))
    for name in bench.SCALED:
        assert len(scaled[name]) == 10 * len(data[name])
        assert len({item["id"] for item in scaled[name]}) == len(scaled[name])
    assert bench.render_everything(bench.synthetic(data, 10)) > bench.render_everything(bench.synthetic(data, 1))
