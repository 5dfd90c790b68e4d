"""Site search: each reader query in tests/fixtures/search-queries.yml puts its page first, served and offline."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin, urlsplit, urlunsplit

import pytest
import yaml

from tests.support.handbook import PROJECT
from tests.support.sites import FIXTURES
from tools.project import DOCS, OFFLINE_CONFIG, load_project

pytestmark = pytest.mark.browser

QUERIES = FIXTURES / "search-queries.yml"
NONE = "(no result)"


@dataclass(frozen=True)
class Query:
    text: str  # what the reader types
    page: str  # the Markdown source, under docs/, of the page that must come first


def load_queries() -> list[Query]:
    return [Query(str(row["query"]), row["page"]) for row in yaml.safe_load(QUERIES.read_text(encoding="utf-8"))]


def page_of(href: str) -> str:
    """A result link without its section anchor and the `?h=` highlight query."""
    scheme, netloc, path, _, _ = urlsplit(urldefrag(href).url)
    return urlunsplit((scheme, netloc, path, "", ""))


# Types one query as a reader does and returns the href of the first result, or null. All of it runs in the page: a
# round trip to the browser per step cost more than the searches did. Material shows its placeholder ("Type to start
# searching", from the page's own translations) once the worker has answered an empty box: until then the index is not
# ready. So the box is emptied and the placeholder awaited first; the next change of the line above the results is the
# answer to this query, not a late one to an earlier query, which Material would show under the text now in the box.
FIRST_RESULT = """async text => {
    const placeholder = JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder'];
    const box = document.querySelector('input.md-search__input');
    const meta = document.querySelector('.md-search-result__meta');
    const list = document.querySelector('.md-search-result__list');
    const type = value => { box.value = value; box.dispatchEvent(new KeyboardEvent('keyup', {key: 'End', bubbles: true})); };
    const until = holds => new Promise((resolve, reject) => {
        if (holds()) return resolve();
        const observer = new MutationObserver(() => { if (holds()) { observer.disconnect(); resolve(); } });
        observer.observe(meta.parentElement, {subtree: true, childList: true, characterData: true});
        setTimeout(() => { observer.disconnect(); reject(new Error('search did not answer ' + JSON.stringify(text))); }, 15000);
    });
    type('');
    await until(() => meta.textContent === placeholder);
    type(text);
    await until(() => meta.textContent !== placeholder);
    const first = list.querySelector(':scope > .md-search-result__item a');
    return first ? first.href : null;
}"""


def first_results(browser, start: str, queries: list[Query]) -> dict[str, str]:
    """Type each query into the search box of the page at `start`; return the page of each query's first result."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(start)
        page.locator("input.md-search__input").click()
        found: dict[str, str] = {}
        for query in queries:
            href = page.evaluate(FIRST_RESULT, query.text)
            found[query.text] = page_of(href) if href else NONE
    finally:
        context.close()
    return found


def misses(found: dict[str, str], expected: dict[str, str], base: str) -> list[str]:
    """One line per query whose first result is not its page, with URLs relative to the site's `base`."""
    return [
        f"{query!r}: expected {want.removeprefix(base)}, first result {found[query].removeprefix(base)}"
        for query, want in expected.items()
        if found[query] != want
    ]


def test_query_table_has_40_distinct_queries_on_existing_pages() -> None:
    """The query table has at least 40 distinct queries, each naming a page that exists."""
    queries = load_queries()
    assert len({q.text.lower() for q in queries}) == len(queries) >= 40
    assert [q.page for q in queries if not (DOCS / q.page).is_file()] == []


def test_search_served(handbook_url, chromium) -> None:
    """On the served site, every query's first result is its page."""
    queries = load_queries()
    found = first_results(chromium, handbook_url, queries)
    expected = {q.text: urljoin(handbook_url, PROJECT.page_url(q.page)) for q in queries}
    wrong = misses(found, expected, handbook_url)
    assert not wrong, f"{len(wrong)} of {len(queries)} queries miss their page:\n" + "\n".join(wrong)


def test_search_offline(offline_edition, chromium) -> None:
    """In the offline edition opened from file://, every query's first result is its page."""
    queries = load_queries()
    site = offline_edition.unpacked
    found = first_results(chromium, (site / "index.html").as_uri(), queries)
    offline = load_project(OFFLINE_CONFIG)
    expected = {q.text: (site / offline.built_page(q.page)).as_uri() for q in queries}
    wrong = misses(found, expected, site.as_uri() + "/")
    assert not wrong, f"{len(wrong)} of {len(queries)} queries miss their page:\n" + "\n".join(wrong)
