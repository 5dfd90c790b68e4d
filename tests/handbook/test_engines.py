"""The handbook built by MkDocs and by Zensical: the same pages, titles, headings, table rows, code and downloads."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.sites import FIXTURES, BuiltSite, build_tiny_site, build_tiny_zensical_site, page
from tools.project import REPO, ZENSICAL_CONFIG, zensical_build

pytestmark = pytest.mark.site

# Pages only one engine builds, each listed in README under "Building with Zensical" with the reason.
MKDOCS_ONLY = {"print_page/index.html"}  # written by a MkDocs hook (overrides/hooks/print_page.py)


@pytest.fixture(scope="module")
def zensical_site() -> Iterator[Path]:
    """The real handbook built by Zensical as `make build ENGINE=zensical` does, into a folder of its own."""
    # Zensical writes only inside the project folder: a fresh folder under .cache/, removed afterwards.
    (REPO / ".cache").mkdir(exist_ok=True)
    site = Path(tempfile.mkdtemp(prefix="zensical-site-", dir=REPO / ".cache"))
    try:
        result = zensical_build(ZENSICAL_CONFIG, {"GFBS_SITE_DIR": site.relative_to(REPO).as_posix()})
        assert result.returncode == 0, f"the handbook does not build with Zensical:\n{result.stdout}\n{result.stderr[-4000:]}"
        yield site
    finally:
        shutil.rmtree(site, ignore_errors=True)


def _pages(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")}


def _article(site: Path, name: str) -> tuple[BeautifulSoup, BeautifulSoup]:
    """The whole page and its article, without the permalink anchors the toc extension adds to headings."""
    soup = BeautifulSoup((site / name).read_text(encoding="utf-8"), "lxml")
    article = soup.select_one("article") or soup
    for anchor in article.select("a.headerlink"):
        anchor.decompose()
    return soup, article


def _shape(site: Path, name: str) -> dict[str, object]:
    """What the comparison holds equal: the title, every heading, every table's rows, every code block's text, every diagram."""
    soup, article = _article(site, name)
    return {
        "title": soup.title.get_text(strip=True) if soup.title else None,
        "headings": [(h.name, h.get("id"), h.get_text(" ", strip=True)) for h in article.select("h1, h2, h3, h4, h5, h6")],
        "tables": [
            [[cell.get_text(" ", strip=True) for cell in row.select("th, td")] for row in table.select("tr")]
            for table in article.select("table")
        ],
        "code": [code.get_text() for code in article.select("pre code")],
        # A diagram is a snippet line inside the diagram() macro's output: each figure must hold its inlined SVG.
        "figures": [(figure.get("id"), len(figure.select("svg"))) for figure in article.select("figure.gfbs-diagram")],
    }


@pytest.fixture(scope="module")
def shapes(handbook: BuiltSite, zensical_site: Path) -> dict[str, dict[str, dict[str, object]]]:
    """Each engine's pages, parsed once for the whole module: engine -> page -> shape."""
    return {
        engine: {name: _shape(site, name) for name in _pages(site) - MKDOCS_ONLY}
        for engine, site in (("mkdocs", handbook.site), ("zensical", zensical_site))
    }


def test_both_engines_build_the_same_pages(handbook: BuiltSite, zensical_site: Path) -> None:
    """Every page MkDocs builds, Zensical builds too, except the ones README lists as MkDocs-only."""
    mkdocs_pages = _pages(handbook.site)
    assert mkdocs_pages >= MKDOCS_ONLY, "a page listed as MkDocs-only is gone: update MKDOCS_ONLY and README"
    assert _pages(zensical_site) == mkdocs_pages - MKDOCS_ONLY


def test_every_page_has_the_same_title_headings_tables_code_and_diagrams(shapes: dict) -> None:
    """Page by page, the title, the headings (ids and text), every table's rows, every code block and diagram are equal."""
    differences = []
    for name in sorted(shapes["zensical"].keys() & shapes["mkdocs"].keys()):
        mkdocs, zensical = shapes["mkdocs"][name], shapes["zensical"][name]
        differences += [
            f"{name}: {part} differs\n  MkDocs:   {mkdocs[part]!r:.300}\n  Zensical: {zensical[part]!r:.300}"
            for part in mkdocs
            if mkdocs[part] != zensical[part]
        ]
    assert not differences, "\n".join(differences)


def test_generated_tables_are_compared(zensical_site: Path) -> None:
    """The comparison covers the data tables: Zensical publishes the generated tables, with rows."""
    _, article = _article(zensical_site, "real-world/comparisons/index.html")
    generated = article.select(".gfbs-table-wrap table")
    assert generated and all(len(table.select("tbody tr")) > 1 for table in generated)


def test_go_braces_stay_literal_under_both_engines(shapes: dict) -> None:
    """Go's `{{ .Name }}` reaches the page as written, never read as a template, in both builds."""
    for engine, pages in shapes.items():
        assert any("{{ .Name }}" in code for shape in pages.values() for code in shape["code"]), engine


def test_diagrams_are_compared(shapes: dict) -> None:
    """The comparison covers the diagrams: Zensical inlines every figure's SVG through the snippet in the macro output."""
    figures = [figure for shape in shapes["zensical"].values() for figure in shape["figures"]]
    assert figures and all(count >= 1 for _, count in figures)


def test_downloads_and_schema_are_published_by_both(handbook: BuiltSite, zensical_site: Path) -> None:
    """The data file, its JSON Schema and every CSV/JSON export are published, byte for byte the same."""

    def downloads(site: Path) -> dict[str, bytes]:
        return {path.relative_to(site).as_posix(): path.read_bytes() for path in (site / "data").rglob("*") if path.is_file()}

    mkdocs = downloads(handbook.site)
    assert {"data/ecosystem.yml", "data/ecosystem.schema.json", "data/exports/tools.csv", "data/exports/tools.json"} <= set(mkdocs)
    assert downloads(zensical_site) == mkdocs


# A problem line as the loader writes it: file:line: field: reason.
PROBLEM = re.compile(r"^\s*(docs/data/ecosystem\.yml:\d+: \S+: .+)$", re.MULTILINE)


def test_data_mistake_stops_zensical_with_the_same_file_line_and_field(tmp_path: Path) -> None:
    """A wrong type in the data file stops both builds with the same file, line, field and reason."""
    bad = (FIXTURES / "ecosystem.yml").read_text(encoding="utf-8").replace("license: Apache-2.0", "license: 5", 1)
    pages = {"index.md": page("Home", "{{ tool_matrix() }}")}
    mkdocs = build_tiny_site(tmp_path / "mkdocs", pages, data=bad)
    zensical = build_tiny_zensical_site(tmp_path / "zensical", pages, data=bad)
    expected = PROBLEM.findall(mkdocs.log)
    assert not mkdocs.ok and expected and "license" in expected[0]
    assert zensical.returncode != 0
    assert PROBLEM.findall(zensical.stderr) == expected
