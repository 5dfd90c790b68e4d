"""`make publish` (tools.publish): the tree the deploy uploads, built here for a pull request's preview under a sub-path.

One tree is built for the module, as `make publish PREVIEW=7` builds it: the site, downloads/ with the offline zip,
the PDF printed by Chromium and their SHA-256 sums, and every internal link resolving under the preview's path.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import pytest
from bs4 import BeautifulSoup

from tests.support.handbook import PROJECT, nav_pages
from tools import bundle, publish

pytestmark = pytest.mark.site

PREVIEW = 7
# A4 in PostScript points, as Chromium writes it (to the nearest point).
A4 = (595, 842)


@dataclass(frozen=True)
class Tree:
    site: Path
    url: str
    problems: list[str]

    def html(self, page: str) -> BeautifulSoup:
        return BeautifulSoup((self.site / page).read_text(encoding="utf-8"), "lxml")

    def download(self, suffix: str) -> Path:
        (found,) = (self.site / "downloads").glob(f"*{suffix}")
        return found


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Tree:
    site = tmp_path_factory.mktemp("publish") / "site"
    url, problems = publish.publish(site, preview=PREVIEW)
    return Tree(site, url, problems)


@pytest.fixture(scope="module")
def pdf_pages(tree: Tree) -> list[str]:
    """The PDF edition's text, page by page, as a reader's tool extracts it (PDFium, as Chromium's viewer reads it)."""
    document = pypdfium2.PdfDocument(tree.download(".pdf"))
    try:
        return [page.get_textpage().get_text_bounded().replace("\r\n", "\n") for page in document]
    finally:
        document.close()


def test_the_tree_lives_under_the_preview_path_and_every_internal_link_resolves(tree: Tree) -> None:
    """Built for pr-preview/7/ of the site's address: canonical URLs say so, and no link leads outside or nowhere."""
    assert tree.url.endswith(f"/{publish.PREVIEW_DIR}/{PREVIEW}/")
    assert tree.problems == []
    canonical = tree.html("language/errors/index.html").select_one('link[rel="canonical"]')["href"]
    assert canonical == f"{tree.url}language/errors/"


def test_downloads_are_named_with_the_version_and_their_sums_match(tree: Tree) -> None:
    """The zip and the PDF carry the last commit's date and short hash; SHA256SUMS lists both, correctly."""
    env = bundle.build_env(bundle.source_date_epoch())
    version = f"{env['GFBS_DATE']}-{env['GFBS_COMMIT']}"
    names = sorted(path.name for path in (tree.site / "downloads").iterdir())
    assert names == [publish.CHECKSUMS, f"{publish.NAME}-{version}.pdf", f"{publish.NAME}-offline-{version}.zip"]
    sums = dict(
        reversed(line.split("  ")) for line in (tree.site / "downloads" / publish.CHECKSUMS).read_text(encoding="utf-8").splitlines()
    )
    assert sums.keys() == set(names) - {publish.CHECKSUMS}
    for name, digest in sums.items():
        assert hashlib.sha256((tree.site / "downloads" / name).read_bytes()).hexdigest() == digest, name


@pytest.mark.parametrize(
    ("page", "where"),
    [("index.html", "article"), ("index.html", "footer"), ("print_page/index.html", "article"), ("language/errors/index.html", "footer")],
)
def test_home_print_page_and_every_footer_link_both_downloads_with_size_and_version(tree: Tree, page: str, where: str) -> None:
    """The home page and the print page (in their content) and each page's footer link the zip, the PDF and the sums."""
    block = tree.html(page).select_one(f"{where} .gfbs-editions")
    assert block is not None, f"no download links in the {where} of {page}"
    text = " ".join(block.get_text().split())
    hrefs = [link["href"].rsplit("/", 1)[-1] for link in block.select("a")]
    assert hrefs == [tree.download(".zip").name, tree.download(".pdf").name, publish.CHECKSUMS]
    assert re.search(r"Offline edition \(ZIP, [\d.]+ [kM]B\), PDF edition \(PDF, [\d.]+ [kM]B\)", text), text
    assert tree.download(".pdf").stem.removeprefix(f"{publish.NAME}-") in text


def test_the_offline_edition_links_back_to_the_site_instead_of_the_downloads(tree: Tree) -> None:
    """In the zip, the footer points readers to the online site the tree was built for, and to no download."""
    with zipfile.ZipFile(tree.download(".zip")) as archive:
        home = BeautifulSoup(archive.read(f"{bundle.ROOT}/index.html").decode("utf-8"), "lxml")
    block = home.select_one("footer .gfbs-editions")
    assert [link["href"] for link in block.select("a")] == [tree.url]
    assert home.select('a[href*="downloads/"]') == []


# The page number, which text extraction may give before the page's text.
_PAGE_NUMBER = re.compile(r"^\s*\d+ / \d+\s*")


def _headings(source: str) -> str:
    """A page's first-level heading, as the print page shows it above the page's section."""
    text = (PROJECT.docs / source).read_text(encoding="utf-8")
    return next(line[2:].strip() for line in text.splitlines() if line.startswith("# "))


def test_pdf_is_a4_with_page_numbers_and_a_plausible_length(tree: Tree, pdf_pages: list[str]) -> None:
    """A4 pages, each numbered "n / total" at its foot, about two hundred pages at most for this handbook."""
    document = pypdfium2.PdfDocument(tree.download(".pdf"))
    try:
        assert tuple(round(side) for side in document[0].get_size()) == A4
    finally:
        document.close()
    assert 60 <= len(pdf_pages) <= 300
    total = len(pdf_pages)
    for number in (1, total // 2, total):
        assert f"{number} / {total}" in pdf_pages[number - 1], f"page {number} has no page number"


def test_pdf_leaves_out_what_only_a_screen_uses(pdf_pages: list[str]) -> None:
    """The tables' filter and column toolbars, and the download links, are not printed."""
    text = "\n".join(pdf_pages)
    for control in ("Filter rows", "Languages to compare", "rows shown", "SHA-256 checksums"):
        assert control not in text, f"the PDF prints {control!r}"


def test_pdf_holds_every_page_in_nav_order(pdf_pages: list[str]) -> None:
    """Each handbook page starts a new PDF page with its heading, in the order of the nav (after the contents)."""
    starts = []
    for source in nav_pages():
        heading = _headings(source)
        found = [index for index, text in enumerate(pdf_pages) if _PAGE_NUMBER.sub("", text).lstrip().startswith(heading)]
        assert found, f"{source}: {heading!r} starts no page of the PDF"
        starts.append(next((index for index in found if not starts or index > starts[-1]), found[-1]))
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


def test_pdf_prints_no_address_for_internal_links_and_each_external_one_once(tree: Tree, pdf_pages: list[str]) -> None:
    """No loopback, file or print-page address is printed; the contents print none; an external link's address follows it once."""
    text = "\n".join(pdf_pages)
    for leak in ("print_page/#", "print_page.html#", "(file:", "(http://127.0.0.1", "(http://localhost"):
        assert leak not in text, f"the PDF prints {leak!r}"
    contents = pdf_pages[0]
    assert "Contents" in contents and "(http" not in contents
    # The shortest address of the print page's external links, so that no line break falls inside it.
    external = min((link["href"] for link in tree.html("print_page/index.html").select('article section a[href^="https://"]')), key=len)
    assert f"({external})" in text.replace("\n", "")
    assert not re.search(r"(https?://\S+)\s*\(\1\)", text), "a link whose text is its address prints it twice"
