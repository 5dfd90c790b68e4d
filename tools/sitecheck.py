"""Checks a built site's HTML: every internal link and anchor resolves, including links that macros and the theme make.

MkDocs validates links written in Markdown only; raw HTML from macros and templates is checked here.
Run as `python -m tools.sitecheck SITE_DIR [SITE_URL]`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import html as lxml_html

_SKIPPED_SCHEMES = ("http", "https", "mailto", "tel", "javascript", "data")
_LINK_ATTRIBUTES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"))


@dataclass(frozen=True)
class LinkProblem:
    """A link in the built site that leads nowhere: the page it is on, its href, and what is missing."""

    page: str
    href: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.href}: {self.reason}"


@dataclass(frozen=True)
class _Page:
    """What the check reads of one page: the ids a fragment may name, and the value of every link attribute."""

    ids: set[str]
    links: list[str]


def _read(page: Path) -> _Page:
    # lxml's own tree, not BeautifulSoup's over the same parser: only ids and link attributes are read, and a
    # handbook's worth of pages parses about ten times faster.
    tree = lxml_html.fromstring(page.read_bytes())
    ids = {str(value) for value in tree.xpath("//@id | //a/@name")}
    links = [str(value) for tag, attribute in _LINK_ATTRIBUTES for value in tree.xpath(f"//{tag}/@{attribute}")]
    return _Page(ids, links)


def _target(site: Path, page: Path, path: str) -> Path:
    resolved = (page.parent / unquote(path)).resolve() if not path.startswith("/") else site / unquote(path).lstrip("/")
    return resolved / "index.html" if resolved.is_dir() else resolved


def _internal_path(href: str, prefix: str, site_url: str) -> str | None:
    """The site-root path an absolute link points at inside the site ("/<prefix>/a/" or "<site_url>a/"), or None outside it."""
    if site_url and href.startswith(site_url):
        return "/" + href[len(site_url) :]
    if href.startswith(prefix):
        return "/" + href[len(prefix) :]
    return None


def link_problems(site: Path, *, site_url: str = "") -> list[LinkProblem]:
    """Every broken internal link or anchor, sorted by page.

    With `site_url` (where the site will live, e.g. a preview under https://host/handbook/pr-preview/7/), links
    written as absolute paths or full URLs are checked too: under that path they must resolve in the site, and a path
    outside it is a link that leaves the tree. Without it, such links are taken as written for the site's root.
    """
    site = site.resolve()
    prefix = urlsplit(site_url).path or "/"
    pages = sorted(site.rglob("*.html"))
    read = {page: _read(page) for page in pages}
    problems: list[LinkProblem] = []
    for page, found in read.items():
        label = page.relative_to(site).as_posix()
        # 404.html is served at any depth: its links are absolute under the site's path, checkable only knowing it.
        if label == "404.html" and not site_url:
            continue
        for href in found.links:
            path = href
            if site_url and (href.startswith(site_url) or (href.startswith("/") and not href.startswith("//"))):
                internal = _internal_path(href, prefix, site_url)
                if internal is None:
                    problems.append(LinkProblem(label, href, f"leads outside the site's path {prefix}"))
                    continue
                path = internal
            parts = urlsplit(path)
            if parts.scheme in _SKIPPED_SCHEMES or path.startswith("//") or (label == "404.html" and not path.startswith("/")):
                continue
            target = _target(site, page, parts.path) if parts.path else page
            if not target.exists():
                problems.append(LinkProblem(label, href, "no such file in the built site"))
            elif parts.fragment and target.suffix == ".html":
                fragment = unquote(parts.fragment)
                known = read[target].ids if target in read else None
                if known is not None and fragment not in known:
                    problems.append(LinkProblem(label, href, f"no element with id {fragment!r} on {target.relative_to(site).as_posix()}"))
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    site = Path(args[0] if args else "site")
    problems = link_problems(site, site_url=args[1] if len(args) > 1 else "")
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} broken internal link(s) in {site}", file=sys.stderr if problems else sys.stdout)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
