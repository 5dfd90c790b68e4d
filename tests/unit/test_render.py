"""Pure render functions: accessible structure, escaping, anchors and clear errors for bad arguments."""

import pytest
from bs4 import BeautifulSoup

from macros import render
from macros.loader import load_ecosystem, parse_ecosystem
from macros.render.downloads import as_csv, export_files, export_tables
from macros.render.tables import license_text, source_link
from tests.support.sites import FIXTURES

FIXTURE = FIXTURES / "ecosystem.yml"
ECO = load_ecosystem(FIXTURE)
HOSTILE = parse_ecosystem(
    FIXTURE.read_text(encoding="utf-8")
    .replace("description: Orchestrates containers.", 'description: "<script>alert(1)</script> | a ** b **"')
    .replace("maintainer: Kubernetes project community", 'maintainer: "=HYPERLINK(\\"https://evil.example\\")"')
    .replace("name: OpenTofu", 'name: "<b>OpenTofu</b>"')
    .replace("maintainer: OpenTofu community, hosted by the Linux Foundation", 'maintainer: "<img src=x onerror=alert(1)> & co"')
    .replace("https://github.com/opentofu,", 'https://github.com/opentofu?a=1&b="2",')
    .replace("name: CNCF", 'name: "CNCF <script>"'),
    file="hostile.yml",
)

# Each table-producing render call, with the id of the table it makes.
TABLES = [
    (lambda eco: render.language_comparison(eco), "language-comparison"),
    (lambda eco: render.tool_matrix(eco), "tools"),
    (lambda eco: render.tool_matrix(eco, tools=["kubernetes"]), "tools-kubernetes"),
    (lambda eco: render.company_matrix(eco), "company-matrix"),
    (lambda eco: render.industry_matrix(eco), "industry-matrix"),
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
        for th, cell in zip(headers, cells, strict=True):
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


def test_company_matrix_names_industries_and_links_them() -> None:
    """Each company row names its industries, each linked to the industry's row; no column per industry."""
    table = soup(render.company_matrix(ECO))
    assert [th.get_text() for th in table.thead.find_all("th")] == ["Company", "Industries", "Uses Go for"]
    industries = table.select_one("#company-netflix").find_parent("tr").find_all("td")[0]
    assert industries.select_one('a[href="#industry-streaming"]').get_text() == "Streaming platforms"


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
        (lambda: render.tool_matrix(ECO, by="licence"), 'expected by="category"'),
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
    links = [a["href"] for a in soup(render.data_downloads(base="../")).find_all("a")]
    assert links[:2] == ["../data/ecosystem.yml", "../data/ecosystem.schema.json"]
    assert "../data/exports/tools.csv" in links and "../data/exports/tools.json" in links
    assert [f"../{path}" for path in export_files(ECO)] == links[2:], "one CSV and one JSON link per export, in order"


def test_csv_export_neutralises_formulas() -> None:
    """A value that a spreadsheet would run as a formula is exported as text."""
    text = export_files(HOSTILE)["data/exports/tools.csv"]
    assert "'=HYPERLINK" in text
    assert as_csv([{"a": "x,y"}]) == 'a\n"x,y"\n'


def tool_row(html: str, tool_id: str):
    return soup(html).select_one(f"#tool-{tool_id}").find_parent("tr")


def test_licence_change_is_shown_with_its_source_and_filters_by_the_current_licence() -> None:
    """A changed licence reads `BUSL-1.1 (MPL-2.0 until 2023)` and links the change; sorting and facets use BUSL-1.1."""
    cell = tool_row(render.tool_matrix(ECO), "terraform").find_all("td")[4]
    assert cell.code.get_text() == "BUSL-1.1 (MPL-2.0 until 2023)"
    assert cell["data-sort"] == "BUSL-1.1"
    change = cell.select_one("a.gfbs-source")
    assert (change.get_text(), change["href"], change["title"]) == (
        "Licence change",
        "https://www.hashicorp.com/license-faq",
        "Checked on 2026-11-30",
    )
    assert tool_row(render.tool_matrix(ECO), "kubernetes").find_all("td")[4].get_text(strip=True) == "Apache-2.0"


def test_license_text_names_every_earlier_licence_newest_first() -> None:
    """Three periods read back from the present: the licence before last is named last."""
    eco = parse_ecosystem(
        FIXTURE.read_text(encoding="utf-8").replace(
            "      - {license: MPL-2.0, since: 2014}\n",
            "      - {license: MIT, since: 2014}\n      - license: MPL-2.0\n        since: 2016\n        source: {url: https://example.org/mpl, checked: 2026-11-30}\n",
        ),
        file="f.yml",
    )
    assert license_text(eco.tools[1]) == "BUSL-1.1 (MPL-2.0 until 2023, MIT until 2016)"
    assert license_text(eco.tools[0]) == "Apache-2.0"


def test_every_tool_company_and_database_links_its_source_with_the_checked_date() -> None:
    """Each row links where its facts come from, the day it was checked as the link's tooltip; the legend above gives the days."""
    tables = {
        "tool-kubernetes": (render.tool_matrix(ECO), "https://kubernetes.io/docs/concepts/overview/", "2025-06-01"),
        "company-netflix": (render.company_matrix(ECO), "https://netflixtechblog.com/", "2026-11-30"),
        "database-redis": (render.database_matrix(ECO), "https://github.com/redis/go-redis", "2026-11-30"),
    }
    for anchor, (html, url, checked) in tables.items():
        row = soup(html).select_one(f"#{anchor}").find_parent("tr")
        link = row.find("a", string="Source")
        assert link is not None and link["href"] == url, anchor
        assert link["title"] == f"Checked on {checked}", anchor
        assert "(checked" not in row.get_text(), anchor
        assert checked in soup(html).select_one(".gfbs-legend").get_text(), anchor


def test_tool_matrix_drops_a_column_that_is_the_same_in_every_row() -> None:
    """Every tool is written in Go: no "Written in" column, until one is not; no column of links either."""
    headers = [th.get_text() for th in soup(render.tool_matrix(ECO)).thead.find_all("th")]
    assert headers == ["Tool", "Category", "What it does", "First release", "Maintainer", "Licence"]
    mixed = parse_ecosystem(FIXTURE.read_text(encoding="utf-8").replace("written_in: go", "written_in: java", 1), file="f.yml")
    table = soup(render.tool_matrix(mixed))
    assert "Written in" in [th.get_text() for th in table.thead.find_all("th")]
    assert all(len(row.find_all(["th", "td"])) == 7 for row in table.tbody.find_all("tr"))


def test_matchup_lists_each_side_without_a_table() -> None:
    """A head-to-head is two lists side by side: a table would pair strengths that have nothing to do with each other."""
    matchup = soup(render.language_matchup(ECO, "java")).select_one("div.gfbs-matchup#matchup-java")
    assert matchup.find("table") is None
    sides = [
        (side.select_one(".gfbs-matchup__title").get_text(), len(side.find_all("li"))) for side in matchup.select(".gfbs-matchup__side")
    ]
    assert [title for title, _ in sides] == ["Where Go is stronger", "Where Java is stronger"]
    assert all(count > 0 for _, count in sides)


def test_rating_source_is_linked_beside_its_note() -> None:
    """A rating that is not common knowledge shows its source in the cell."""
    row = soup(render.language_comparison(ECO)).select_one("#criterion-compile-speed").find_parent("tr")
    java = row.find_all("td")[1]
    assert java.select_one("a.gfbs-source")["href"] == "https://openjdk.org/jeps/330"
    assert not row.find_all("td")[0].select("a.gfbs-source")


def test_fork_host_and_owner_are_named_with_their_sources() -> None:
    """A reader choosing Terraform sees OpenTofu; a foundation-hosted project says who hosts it, with evidence."""
    terraform = tool_row(render.tool_matrix(ECO), "terraform")
    fork = terraform.find_all("td")[1]
    assert "Forked in 2023 as OpenTofu (MPL-2.0; OpenTofu community, hosted by the Linux Foundation)." in fork.get_text()
    assert fork.find("a", string="OpenTofu")["href"] == "https://opentofu.org"
    successor = parse_ecosystem(FIXTURE.read_text(encoding="utf-8").replace("relation: fork", "relation: successor"), file="f.yml")
    assert "Replaced in 2023 by OpenTofu (MPL-2.0;" in tool_row(render.tool_matrix(successor), "terraform").find_all("td")[1].get_text()
    maintainer = tool_row(render.tool_matrix(ECO), "kubernetes").find_all("td")[3]
    assert maintainer.get_text(" ", strip=True).startswith("Kubernetes project community; hosted by CNCF")
    assert maintainer.find("a", string="Hosting")["href"] == "https://github.com/kubernetes/kubernetes"


def test_unverified_facts_are_marked() -> None:
    """A fact listed under `unverified` is shown with a visible mark, not silently as fact."""
    eco = parse_ecosystem(
        FIXTURE.read_text(encoding="utf-8").replace(
            "    source: {url: https://kubernetes.io/docs/concepts/overview/, checked: 2025-06-01}\n",
            "    source: {url: https://kubernetes.io/docs/concepts/overview/, checked: 2025-06-01}\n    unverified: [first_release]\n",
        ),
        file="f.yml",
    )
    html = render.tool_matrix(eco)
    cells = tool_row(html, "kubernetes").find_all("td")
    mark = cells[2].select_one("sup.gfbs-unverified")
    assert (mark.get_text(), mark["aria-label"]) == ("\u2020", "Not yet confirmed by the cited source")
    assert cells[2]["data-sort"] == "2014"
    assert not cells[3].select("sup.gfbs-unverified")
    assert "\u2020 not yet confirmed by the cited source." in soup(html).select_one(".gfbs-legend").get_text()
    assert "\u2020" not in soup(render.tool_matrix(ECO)).select_one(".gfbs-legend").get_text()


def test_markup_in_provenance_fields_is_shown_as_text() -> None:
    """Fork names, maintainers, hosts and source URLs from the data are escaped, never markup (licences are SPDX ids)."""
    html = render.tool_matrix(HOSTILE)
    assert "<b>" not in html and "<img" not in html and "<script>" not in html
    terraform = tool_row(html, "terraform")
    assert "<b>OpenTofu</b>" in terraform.find_all("td")[1].get_text()
    assert "<img src=x onerror=alert(1)> & co" in terraform.find_all("td")[1].get_text()
    assert terraform.find("a", string="Source", href=lambda href: "opentofu?" in href)["href"] == 'https://github.com/opentofu?a=1&b="2"'
    assert "CNCF <script>" in tool_row(html, "kubernetes").find_all("td")[3].get_text()


def test_source_link_is_pure_and_escapes() -> None:
    """The same source always gives the same HTML, with the URL escaped in its attribute."""
    source = HOSTILE.tools[1].successors[0].source
    assert source_link(source) == source_link(source)
    assert 'href="https://github.com/opentofu?a=1&amp;b=&quot;2&quot;"' in source_link(source)


def test_exports_carry_sources_and_licence_history() -> None:
    """CSV and JSON rows include every source with its checked date, the licence history and forks."""
    tables = export_tables(ECO)
    terraform = next(row for row in tables["tools"] if row["id"] == "terraform")
    assert terraform["license"] == "BUSL-1.1"
    assert terraform["license_history"] == "MPL-2.0 from 2014; BUSL-1.1 from 2023"
    assert terraform["license_change_sources"] == "https://www.hashicorp.com/license-faq"
    assert terraform["successors"].startswith("OpenTofu (fork since 2023, MPL-2.0,")
    assert (terraform["source_url"], terraform["source_checked"]) == ("https://github.com/hashicorp/terraform", "2026-11-30")
    kubernetes = next(row for row in tables["tools"] if row["id"] == "kubernetes")
    assert (kubernetes["hosted_by"], kubernetes["hosted_by_source_url"]) == ("CNCF", "https://github.com/kubernetes/kubernetes")
    assert tables["companies"][0]["source_checked"] == "2026-11-30"
    assert tables["databases"][0]["source_url"] == "https://github.com/redis/go-redis"
    java = next(row for row in tables["languages"] if row["id"] == "java")
    assert java["compile-speed_source_url"] == "https://openjdk.org/jeps/330" and java["typing_source_url"] is None
    files = export_files(ECO)
    assert "source_checked" in files["data/exports/tools.csv"].splitlines()[0]
    assert '"license_history": "MPL-2.0 from 2014; BUSL-1.1 from 2023"' in files["data/exports/tools.json"]
    for name, rows in tables.items():
        assert len({tuple(row) for row in rows}) == 1, f"{name}: every row needs the same columns for CSV"
