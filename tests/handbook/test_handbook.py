"""The real handbook, built once with --strict: pages, metadata, article coverage, Go code and no external requests."""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data

from tests.support.article_coverage import article_units, find_misses
from tests.support.handbook import PROJECT, built, nav_pages
from tests.support.sites import ARTICLE
from tools.check import check_front_matter
from tools.project import DOCS

pytestmark = pytest.mark.site
BLOCKS = "p, li, td, th, h1, h2, h3, h4, h5, h6, dt, dd, summary, figcaption"
TEMPLATE_MARKERS = ("{{", "}}", "{%", "%}", "{##", "Macro Rendering Error")


def prose_text(soup: BeautifulSoup) -> str:
    """Text of the page's article with code left out; the page is shared by the tests, so it is read, not changed."""
    return " ".join(text for text in soup.select_one("article").strings if text.find_parent(("pre", "code")) is None)


def test_handbook_has_at_least_15_pages_in_the_nav() -> None:
    """The article is restructured into a navigable handbook, not dumped on one page."""
    pages = nav_pages()
    assert len(pages) >= 15
    assert len({page.split("/")[0] for page in pages if "/" in page}) >= 6, "pages are grouped into sections"
    assert all((DOCS / page).is_file() for page in pages)


@pytest.mark.parametrize("source", nav_pages())
def test_every_page_has_title_and_one_sentence_description(handbook_pages, source: str) -> None:
    """Front matter passes make check's rule (a title, one sentence of description), rendered as the meta description."""
    assert check_front_matter(PROJECT, only=(source,)) == []
    _, meta = get_data((DOCS / source).read_text(encoding="utf-8"))
    title, description = meta["title"], meta["description"]
    soup = built(handbook_pages, source)
    assert soup.find("meta", attrs={"name": "description"})["content"] == description
    assert soup.title.get_text().startswith(title)


@pytest.mark.parametrize("source", nav_pages())
def test_no_template_syntax_leaks_into_page_text(handbook_pages, source: str) -> None:
    """Outside code, no page shows Jinja delimiters or a macro error."""
    text = prose_text(built(handbook_pages, source))
    leaked = [marker for marker in TEMPLATE_MARKERS if marker in text]
    assert not leaked, f"{source}: {leaked} in page text"


def test_no_asset_is_loaded_from_another_host(handbook, handbook_pages) -> None:
    """Scripts, styles, fonts, images and frames all come from the site itself."""
    offenders = []
    for page, soup in handbook_pages.items():
        for tag, attribute in (
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("iframe", "src"),
            ("source", "src"),
            ("video", "src"),
            ("audio", "src"),
        ):
            for element in soup.find_all(tag, attrs={attribute: True}):
                value = element[attribute]
                if tag == "link" and not set(element.get("rel", [])) & {
                    "stylesheet",
                    "icon",
                    "preload",
                    "modulepreload",
                    "manifest",
                    "prefetch",
                }:
                    continue
                if re.match(r"^(https?:)?//", value):
                    offenders.append(f"{page}: <{tag} {attribute}={value}>")
        # Material's source component would make the browser ask api.github.com for repository facts.
        if soup.select('[data-md-component="source"]'):
            offenders.append(f"{page}: repository facts fetched from GitHub")
    for stylesheet in handbook.site.rglob("*.css"):
        for url in re.findall(r"(?:url\(|@import\s+)['\"]?((?:https?:)?//[^'\")\s]+)", stylesheet.read_text(encoding="utf-8")):
            offenders.append(f"{stylesheet.relative_to(handbook.site)}: {url}")
    assert not offenders, "\n".join(offenders)


def test_article_is_kept_whole(handbook_pages) -> None:
    """Every heading, bullet and claim of the source article appears on some page (see tests/support/article_coverage.py)."""
    pages = {}
    for source in nav_pages():
        article = built(handbook_pages, source).select_one("article")
        pages[source] = [block.get_text(" ") for block in article.select(BLOCKS)]
    misses = find_misses(article_units(ARTICLE.read_text(encoding="utf-8")), pages)
    report = "\n".join(f"- {m.unit.kind}: {m.unit.text!r} (closest: {m.best_page or 'none'}, missing {m.missing})" for m in misses)
    assert not misses, f"{len(misses)} parts of the article are missing:\n{report}"


def test_go_code_renders_exactly_as_written(handbook_pages) -> None:
    """Every code block or inline code containing braces in the sources shows up verbatim in its built page."""
    checked = 0
    for source in nav_pages():
        markdown = get_data((DOCS / source).read_text(encoding="utf-8"))[0]
        codes = [code.get_text() for code in built(handbook_pages, source).select("article code")]
        for block in re.findall(r"^```go[^\n]*\n(.*?)^```", markdown, flags=re.MULTILINE | re.DOTALL):
            if "{{" in block:
                checked += 1
                assert any(block in code for code in codes), f"{source}: Go block changed in rendering:\n{block}"
        for inline in re.findall(r"(?<!`)`([^`\n]*\{\{[^`\n]*)`(?!`)", markdown):
            checked += 1
            assert inline in codes, f"{source}: inline code {inline!r} changed in rendering"
    all_code = "\n".join(code.get_text() for soup in handbook_pages.values() for code in soup.select("code"))
    assert "{{ .Name }}" in all_code and "{{1, 2}" in all_code, "the handbook shows a Go template and a composite literal"
    assert checked >= 2


def test_palette_toggle_follows_the_system_preference(handbook_pages) -> None:
    """Readers get light, dark and automatic schemes; the first one follows the operating system."""
    soup = handbook_pages["index.html"]
    inputs = soup.select("form[data-md-component=palette] input")
    media = [item.get("data-md-color-media") for item in inputs]
    assert media == ["(prefers-color-scheme)", "(prefers-color-scheme: light)", "(prefers-color-scheme: dark)"]
    assert {item.get("data-md-color-scheme") for item in inputs} >= {"default", "slate"}


def test_data_tables_come_from_the_data_file(handbook, handbook_pages) -> None:
    """Each data-driven table is on the site, generated from ecosystem.yml, with every entry anchored."""
    data = yaml.safe_load((DOCS / "data" / "ecosystem.yml").read_text(encoding="utf-8"))
    ids = set()
    for soup in handbook_pages.values():
        ids |= {tag["id"] for tag in soup.select(".gfbs-table [id]")}
    for collection, prefix in [
        ("tools", "tool"),
        ("companies", "company"),
        ("industries", "industry"),
        ("databases", "database"),
        ("architectures", "arch"),
        ("criteria", "criterion"),
        ("languages", "language"),
    ]:
        for entry in data[collection]:
            assert f"{prefix}-{entry['id']}" in ids, f"{collection} entry {entry['id']!r} is on no page"
    assert (handbook.site / "data" / "ecosystem.yml").is_file()
    assert (handbook.site / "data" / "ecosystem.schema.json").is_file()
    assert (handbook.site / "404.html").is_file()
