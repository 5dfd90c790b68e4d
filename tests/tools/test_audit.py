"""`make audit`'s pure parts: the gzip server, target evaluation and the report table (Lighthouse itself is not run here)."""

from __future__ import annotations

import gzip
import http.client
from pathlib import Path

import pytest

from tools.audit import (
    Check,
    Measure,
    axe_check,
    comparison_checks,
    format_comparison,
    format_report,
    lighthouse_checks,
    median_stray,
    plain_material,
    round_order,
    runs_note,
    score_differences,
    serve,
    weight_check,
)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "index.html").write_text("<h1>home</h1>" * 100, encoding="utf-8")
    (tmp_path / "404.html").write_text("<h1>missing</h1>", encoding="utf-8")
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "index.html").write_text("<h1>guide</h1>", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG not really")
    return tmp_path


def _get(url: str, path: str, **headers: str) -> http.client.HTTPResponse:
    host = url.removeprefix("http://").rstrip("/")
    connection = http.client.HTTPConnection(host, timeout=10)
    connection.request("GET", path, headers=headers)
    return connection.getresponse()


def test_server_gzips_text_when_asked(site: Path) -> None:
    """HTML comes gzipped to a client that accepts gzip, and plain to one that does not."""
    with serve(site) as url:
        zipped = _get(url, "/", **{"Accept-Encoding": "gzip, deflate"})
        body = zipped.read()
        plain = _get(url, "/")
        plain_body = plain.read()
    assert url.startswith("http://127.0.0.1:")
    assert zipped.getheader("Content-Encoding") == "gzip"
    assert int(zipped.getheader("Content-Length")) == len(body) < len(plain_body)
    assert gzip.decompress(body) == plain_body == (site / "index.html").read_bytes()
    assert plain.getheader("Content-Encoding") is None


def test_server_leaves_binary_files_alone(site: Path) -> None:
    """Images are sent as they are even to a client that accepts gzip."""
    with serve(site) as url:
        response = _get(url, "/logo.png", **{"Accept-Encoding": "gzip"})
        body = response.read()
    assert response.getheader("Content-Encoding") is None
    assert body == (site / "logo.png").read_bytes()


def test_server_answers_unknown_paths_with_the_404_page(site: Path) -> None:
    """A missing page gets status 404 and the site's 404.html."""
    with serve(site) as url:
        response = _get(url, "/no/such/page/")
        body = response.read()
    assert response.status == 404
    assert body == (site / "404.html").read_bytes()


def test_server_redirects_folders_to_their_slash_url(site: Path) -> None:
    """/guide redirects to /guide/, which serves guide/index.html."""
    with serve(site) as url:
        redirect = _get(url, "/guide")
        redirect.read()
        page = _get(url, "/guide/").read()
    assert redirect.status == 301 and redirect.getheader("Location") == "/guide/"
    assert page == (site / "guide" / "index.html").read_bytes()


# value, target, floor, higher_is_better, expected status
STATUSES = [
    (100, 100, 98, True, "ok"),
    (99, 100, 98, True, "near"),
    (98, 100, 98, True, "near"),
    (97, 100, 98, True, "MISSED"),
    (0, 0, 0, False, "ok"),
    (1, 0, 0, False, "MISSED"),
    (100 * 1024, 100 * 1024, 100 * 1024, False, "ok"),
    (100 * 1024 + 1, 100 * 1024, 100 * 1024, False, "MISSED"),
]


@pytest.mark.parametrize(("value", "target", "floor", "higher", "expected"), STATUSES)
def test_check_status(value: float, target: float, floor: float, higher: bool, expected: str) -> None:
    """A value meeting its target is ok, one between target and floor is near, anything worse is MISSED."""
    assert Check("x", "home", value, target, floor, higher_is_better=higher).status == expected


def test_lighthouse_scores_are_medians_out_of_100() -> None:
    """Each category's score is the median over the runs, scaled to 0-100; a missing score counts as 0."""
    categories = ("performance", "accessibility", "best-practices", "seo")
    runs = [{"categories": {c: {"score": s} for c in categories}} for s in (0.97, 1.0, 0.99)]
    runs[2]["categories"]["seo"]["score"] = None
    checks = {c.what: c for c in lighthouse_checks("home", runs)}
    assert checks["Lighthouse performance"].value == 99
    assert checks["Lighthouse seo"].value == 97
    assert checks["Lighthouse seo"].status == "MISSED"
    assert all(c.target == 100 and c.floor == 98 for c in checks.values())


def test_report_lists_every_check_and_counts_misses() -> None:
    """The table shows value, target and status per check, sizes in KiB, and says how many were missed."""
    checks = [
        axe_check("home", "dark", [{"id": "color-contrast"}]),
        weight_check("home", 80 * 1024, 100 * 1024),
        Check("Lighthouse seo", "404", 99, 100, 98, higher_is_better=True),
    ]
    report = format_report(checks, ["a note"])
    lines = report.splitlines()
    assert lines[0].split() == ["page", "check", "value", "target", "status"]
    assert "axe violations (dark)" in lines[2] and lines[2].split()[-1] == "MISSED"
    assert "80.0 KiB" in lines[3] and "100.0 KiB" in lines[3] and lines[3].split()[-1] == "ok"
    assert "100 (>= 98)" in lines[4] and lines[4].split()[-1] == "near"
    assert "a note" in lines
    assert lines[-1] == "3 checks, 1 missed"


def test_report_without_misses_says_so() -> None:
    """When every check passes, the last line says every target was met."""
    assert format_report([axe_check("home", "light", [])]).endswith("every target met or within its floor")


def _report(score: float, cls: float, requests: list[tuple[str, int]], total: int) -> dict:
    """The parts of a Lighthouse JSON report that Measure reads."""
    return {
        "categories": {"performance": {"score": score}},
        "audits": {
            "cumulative-layout-shift": {"numericValue": cls},
            "total-byte-weight": {"numericValue": total},
            "network-requests": {"details": {"items": [{"resourceType": kind, "transferSize": size} for kind, size in requests]}},
        },
    }


def test_measure_counts_first_view_bytes_and_takes_medians() -> None:
    """First view is document, stylesheets, scripts and fonts (not images or the search index); each field is a median."""
    requests = [("Document", 1000), ("Stylesheet", 200), ("Script", 300), ("Font", 50), ("Image", 4000), ("Fetch", 9000)]
    runs = [_report(0.80, 0.0, requests, 20000), _report(0.86, 0.01, requests, 21000), _report(0.90, 0.2, requests, 22000)]
    measure = Measure.median(runs)
    assert measure == Measure(performance=86, cls=0.01, first_view=1550, total=21000)


def test_runs_note_gives_every_score_in_the_order_run() -> None:
    """The medians hide the spread: the note lists each run's score for every build."""
    runs = {
        who: [_report(score, 0.0, [], 0) for score in scores]
        for who, scores in (("ours", (0.79, 0.67, 0.73)), ("plain Material", (0.57, 0.75, 0.74)), ("control", (0.6, 0.7, 0.8)))
    }
    assert runs_note("home", runs) == "Lighthouse home: performance per run, ours 79 67 73; plain Material 57 75 74; control 60 70 80"


def test_score_differences_pair_runs_of_the_same_round() -> None:
    mine = [_report(score, 0.0, [], 0) for score in (0.79, 0.67)]
    theirs = [_report(score, 0.0, [], 0) for score in (0.57, 0.75)]
    assert score_differences(mine, theirs) == [22, -8]
    with pytest.raises(ValueError):
        score_differences(mine, theirs[:1])


def test_rounds_turn_so_each_build_runs_in_each_place_equally_often() -> None:
    builds = ["ours", "plain", "control"]
    rounds = [round_order(builds, number) for number in range(6)]
    assert rounds[:4] == [builds, ["plain", "control", "ours"], ["control", "ours", "plain"], builds]
    for place in range(3):
        assert sorted(order[place] for order in rounds) == sorted(builds * 2)


# ours, plain, ours minus plain and the control minus plain per round, page -> the statuses of
# (CLS, performance vs plain[, extra bytes])
COMPARISONS = [
    (Measure(90, 0, 10_000, 0), Measure(88, 0, 9_000, 0), [2, 1, 3], [0, 0, 0], "home", ["ok", "ok", "ok"]),
    (Measure(87, 0, 10_000, 0), Measure(88, 0, 9_000, 0), [-1, -2, 1], [0, 0, 0], "home", ["ok", "MISSED", "ok"]),
    (Measure(90, 0.05, 12_000, 0), Measure(88, 0, 9_000, 0), [2, 0, 5], [1, 0, 0], "404", ["MISSED", "ok", "MISSED"]),
    (Measure(90, 0, 30_000, 0), Measure(90, 0, 9_000, 0), [0, 0, 0], [0, 0, 0], "comparison", ["ok", "ok"]),
    # Runs 80 70 75 against 78 76 74: the medians say 1 point behind, but ours led in two of the three pairs.
    (Measure(75, 0, 30_000, 0), Measure(76, 0, 9_000, 0), [2, -6, 1], [0, 0, 0], "comparison", ["ok", "ok"]),
    # 2 points behind where the control's median may stray 2.1 (median_stray): near, either way it strays; 4 is beyond.
    (Measure(88, 0, 30_000, 0), Measure(90, 0, 9_000, 0), [-2, -2, 1], [3, -1, 4], "comparison", ["ok", "near"]),
    (Measure(88, 0, 30_000, 0), Measure(90, 0, 9_000, 0), [-2, -2, 1], [-3, 1, -4], "comparison", ["ok", "near"]),
    (Measure(86, 0, 30_000, 0), Measure(90, 0, 9_000, 0), [-4, -5, 1], [3, -1, 4], "comparison", ["ok", "MISSED"]),
]


# Differences where nothing differs -> how far their median may stray: two standard errors of a median, from a
# robust spread (1.4826 x the median absolute deviation); worked out by hand for each row.
STRAYS = [
    ([0, 0, 0], 0.0),
    ([5], 0.0),  # one round gives no spread to judge by
    ([3, -1, 4], 2.1),  # median 3, deviations 0 4 1 -> 1; 2 x 1.2533 x 1.4826 x 1 / sqrt(3)
    ([3, 3, -6, 9, -4, -3, -5, -2, 0], 3.7),  # median -2, deviations -> 3; 2 x 1.2533 x 1.4826 x 3 / 3
]


@pytest.mark.parametrize(("differences", "stray"), STRAYS)
def test_median_stray_is_two_standard_errors_of_the_median(differences: list[float], stray: float) -> None:
    assert median_stray(differences) == stray


@pytest.mark.parametrize(("ours", "plain", "pairs", "control", "page", "statuses"), COMPARISONS)
def test_comparison_with_plain_material(
    ours: Measure, plain: Measure, pairs: list[float], control: list[float], page: str, statuses: list[str]
) -> None:
    """CLS must be 0; the median round's score at least plain Material's, or behind by no more than the control strays
    (near); and a page without tables at most 2 KiB heavier."""
    assert [check.status for check in comparison_checks(page, ours, plain, pairs, control)] == statuses


def test_comparison_table_shows_both_and_the_difference() -> None:
    """One row per page and measure: ours, plain Material's and the signed difference."""
    table = format_comparison({"home": (Measure(90, 0, 10 * 1024, 20 * 1024), Measure(88, 0.01, 9 * 1024, 19 * 1024))}, "mobile")
    lines = table.splitlines()
    assert lines[0].split() == ["page", "measure", "ours", "plain", "Material", "difference"]
    assert lines[2].split()[-3:] == ["90", "88", "+2"]
    assert lines[4].split()[-6:] == ["10.0", "KiB", "9.0", "KiB", "+1.0", "KiB"]


def test_plain_material_keeps_the_content_and_drops_our_hooks_overrides_and_assets() -> None:
    """The baseline is Material alone with the same content: search and the macros, no hooks, no custom_dir, no CSS or JavaScript of ours."""
    keys = plain_material()
    assert list(keys["plugins"]) == ["search", "macros"]
    assert keys["plugins"]["macros"]["j2_comment_start_string"] == "{##", "the macros keep the handbook's options"
    assert keys["hooks"] == []
    assert keys["extra_css"] == [] and keys["extra_javascript"] == []
    assert keys["theme"]["name"] == "material" and "custom_dir" not in keys["theme"]
