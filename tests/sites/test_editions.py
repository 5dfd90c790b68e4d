"""overrides/hooks/editions.py: the offline zip, the PDF and their sums in downloads/, linked from the footer, or nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from tests.support.hooks import load_hook
from tests.support.sites import build_tiny_site, page

editions = load_hook("editions")

# Each case: a size in bytes, and how the links show it.
SIZES = [(0, "1 kB"), (1_400, "1 kB"), (812_345, "812 kB"), (1_351_702, "1.4 MB"), (4_362_603, "4.4 MB")]


@pytest.mark.parametrize(("size", "shown"), SIZES)
def test_sizes_are_shown_as_a_reader_reads_them(size: int, shown: str) -> None:
    """Decimal kilobytes below a megabyte, megabytes with one decimal above."""
    assert editions.human_size(size) == shown


def _folder(root: Path, *, missing: str = "") -> Path:
    """A folder as tools/publish.py writes it: a zip, a PDF, their sums and the manifest."""
    root.mkdir(parents=True, exist_ok=True)
    names = {"zip": "hb-offline-v1.zip", "pdf": "hb-v1.pdf"}
    for name in (*names.values(), "SHA256SUMS"):
        if name != missing:
            (root / name).write_bytes(b"x" * 2_500_000)
    manifest = {
        "version": "2026-12-01-abc1234",
        "files": [{"name": names["zip"], "title": "Offline edition"}, {"name": names["pdf"], "title": "PDF edition"}],
        "checksums": "SHA256SUMS",
    }
    (root / editions.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return root


def test_a_missing_file_stops_the_build_naming_it(tmp_path: Path) -> None:
    """The manifest names a file that is not there: the build stops and says which."""
    with pytest.raises(PluginError, match=r"hb-v1\.pdf"):
        editions.read_editions(_folder(tmp_path / "editions", missing="hb-v1.pdf"))


def test_editions_are_published_and_linked_from_the_footer(tmp_path: Path) -> None:
    """With extra.editions, each file lands in downloads/ and every footer links it with format, size and version."""
    folder = _folder(tmp_path / "editions")
    pages = {"index.md": page("Home", "Hello."), "guide.md": page("Guide", "Text.")}
    build = build_tiny_site(tmp_path / "site-root", pages, full=True, config={"extra": {"editions": str(folder)}})
    assert build.ok, build.log
    for name in ("hb-offline-v1.zip", "hb-v1.pdf", "SHA256SUMS"):
        assert (build.site / "downloads" / name).is_file(), name
    block = build.html("guide/index.html").select_one("footer .gfbs-editions")
    assert [link["href"] for link in block.select("a")] == [
        "../downloads/hb-offline-v1.zip",
        "../downloads/hb-v1.pdf",
        "../downloads/SHA256SUMS",
    ]
    text = " ".join(block.get_text().split())
    assert "version 2026-12-01-abc1234" in text and "Offline edition (ZIP, 2.5 MB), PDF edition (PDF, 2.5 MB)" in text


def test_without_editions_no_page_links_any(tmp_path: Path) -> None:
    """A build that `make publish` did not set up (make build, make serve) shows no download links and no downloads/."""
    build = build_tiny_site(tmp_path, {"index.md": page("Home", "Hello.")}, full=True)
    assert build.ok, build.log
    assert build.html("index.html").select(".gfbs-editions") == []
    assert not (build.site / "downloads").exists()
