"""Pure render functions: accessible structure, escaping, anchors and clear errors for bad arguments."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.sites import FIXTURES
from macros import render
from macros.loader import load_ecosystem, parse_ecosystem
from macros.render.downloads import as_csv, export_files

FIXTURE = FIXTURES / "ecosystem.yml"
ECO = load_ecosystem(FIXTURE)
HOSTILE = parse_ecosystem(
    FIXTURE.read_text(encoding="utf-8")
    .replace("description: Orchestrates containers.", 'description: "<script>alert(1)</script> | a ** b **"')
    .replace("maintainer: CNCF", 'maintainer: "=HYPERLINK(\\"https://evil.example\\")"'),
    file="hostile.yml",
)

# Each table-producing render call, with the id of the table it makes.
TABLES = [
    (lambda eco: render.language_comparison(eco), "language-comparison"),
    (lambda eco: render.language_matchup(eco, "java"), "matchup-java"),
    (lambda eco: render.tool_matrix(eco), "tools"),
    (lambda eco: render.tool_matrix(eco, tools=["kubernetes"]), "tools-kubernetes"),
    (lambda eco: render.company_matrix(eco), "companies"),
    (lambda eco: render.industry_matrix(eco), "industries"),
    (lambda eco: render.database_matrix(eco), "databases"),
    (lambda eco: render.architecture_comparison(eco), "architectures"),
]


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


@pytest.mark.parametrize(("make", "table_id"), TABLES, ids=[case[1] for case in TABLES])
def test_tables_are_accessible(make, table_id: str) -> None:
    """Every table has a caption, scoped header cells and one anchored row header per entry."""
    html = make(ECO)
    assert "\n\n" not in html, "a blank line would end the raw HTML block in Markdown"
    table = soup(html).find("table", id=table_id)
    assert table is not None and table.caption and table.caption.get_text(strip=True)
    assert all(th.get("scope") == "col" for th in table.thead.find_all("th"))
    for row in table.tbody.find_all("tr"):
        header = row.find("th")
        assert header.get("scope") == "row" and header.get("id")


@pytest.mark.parametrize(("make", "table_id"), TABLES, ids=[case[1] for case in TABLES])
def test_tables_carry_what_tables_js_sorts_and_filters_by(make, table_id: str) -> None:
    """Every column header names its kind; number columns hold numbers; each row has as many cells as headers."""
    table = soup(make(ECO)).find("table", id=table_id)
    headers = table.thead.find_all("th")
    assert {th.get("data-kind") for th in headers} <= {"text", "number", "category"}
    for row in table.tbody.find_all("tr"):
        cells = row.find_all(["th", "td"], recursive=False)
        assert len(cells) == len(headers)
        for th, cell in zip(headers, cells):
            if th["data-kind"] == "number":
                float(cell.get("data-sort") or cell.get_text(strip=True))


def test_language_columns_are_named_by_language_id() -> None:
    """The language chooser (and its ?language-comparison.langs=go,java URL) keys columns by language id."""
    headers = soup(render.language_comparison(ECO)).select("table#language-comparison thead th")
    assert [th.get("id") for th in headers[1:]] == [f"language-{lang.id}" for lang in ECO.languages]


def test_language_comparison_has_icons_with_text_and_a_legend() -> None:
    """Levels are icons with a text equivalent, explained by a legend."""
    html = soup(render.language_comparison(ECO))
    icons = html.select("td .gfbs-level")
    assert icons and all(icon.get("role") == "img" and icon.get("aria-label") for icon in icons)
    assert {icon["aria-label"] for icon in icons} == {"Strong", "Moderate", "Neutral"}
    legend = html.select_one(".gfbs-legend").get_text()
    assert all(word in legend for word in ("Strong", "Moderate", "Weak", "Neutral"))
    assert html.select_one("#criterion-compile-speed").find_parent("tr").get_text().count("Even for large projects.") == 1


def test_language_comparison_picks_and_orders_languages() -> None:
    """Readers can ask for a subset of languages, in their order."""
    headers = [th.get_text() for th in soup(render.language_comparison(ECO, languages=["java", "go"])).thead.find_all("th")]
    assert headers == ["Criterion", "Java", "Go"]


def test_markup_in_data_is_shown_as_text() -> None:
    """HTML and Markdown in a value are escaped, and a pipe does not split the cell."""
    html = render.tool_matrix(HOSTILE)
    assert "<script>" not in html
    cell = soup(html).select_one("#tool-kubernetes").find_parent("tr").find_all("td")[1]
    assert cell.get_text() == "<script>alert(1)</script> | a ** b **"


def test_company_matrix_marks_industries_and_links_them() -> None:
    """Each company row marks its industries with text equivalents; headers link to industry anchors."""
    table = soup(render.company_matrix(ECO))
    assert table.select_one('thead a[href="#industry-streaming"]').get_text() == "Streaming platforms"
    mark = table.select_one("#company-netflix").find_parent("tr").select_one("td .gfbs-mark")
    assert mark["aria-label"] == "Yes"


def test_industry_matrix_links_companies() -> None:
    """Industries list their companies as links to the company rows."""
    row = soup(render.industry_matrix(ECO)).select_one("#industry-streaming").find_parent("tr")
    assert row.select_one('a[href="#company-netflix"]').get_text() == "Netflix"
    assert "Real-time data processing" in row.get_text()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: render.tool_matrix(ECO, tools=["nope"]), "unknown tool id 'nope'; expected one of: kubernetes"),
        (lambda: render.tool_matrix(ECO, category="nope"), "unknown category id 'nope'; expected one of: orchestration"),
        (lambda: render.tool_matrix(ECO, by="licence"), "expected by=\"category\""),
        (lambda: render.language_comparison(ECO, languages=["rust"]), "unknown language id 'rust'"),
        (lambda: render.language_matchup(ECO, "python"), "no matchup against 'python'; expected one of: java"),
    ],
)
def test_bad_macro_arguments_name_the_choices(call, message: str) -> None:
    """A wrong id in a macro call fails with the valid choices, never an empty table."""
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        call()


def test_data_downloads_link_relative_to_the_page() -> None:
    """Download links are relative, so they work on any host and from disk."""
    links = [a["href"] for a in soup(render.data_downloads(ECO, base="../")).find_all("a")]
    assert links[:2] == ["../data/ecosystem.yml", "../data/ecosystem.schema.json"]
    assert "../data/exports/tools.csv" in links and "../data/exports/tools.json" in links
    assert {f"../{path}" for path in export_files(ECO)} <= set(links)


def test_csv_export_neutralises_formulas() -> None:
    """A value that a spreadsheet would run as a formula is exported as text."""
    text = export_files(HOSTILE)["data/exports/tools.csv"]
    assert "'=HYPERLINK" in text
    assert as_csv([{"a": "x,y"}]) == 'a\n"x,y"\n'
