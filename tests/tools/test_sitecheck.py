"""The built-HTML link checker finds broken links and anchors that MkDocs' own validation cannot see."""

from pathlib import Path

from tools.sitecheck import link_problems, main


def write(root: Path, name: str, html: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<html><body>{html}</body></html>")


def test_reports_missing_pages_and_anchors_with_page_and_culprit(tmp_path: Path) -> None:
    """Each broken link names the page it is on, the href and what is missing."""
    write(
        tmp_path,
        "index.html",
        '<a href="guide/">ok</a><a href="guide/#intro">ok</a><a href="nope/">bad</a><a href="guide/#gone">bad</a><a href="#top">bad</a>',
    )
    write(
        tmp_path, "guide/index.html", '<h2 id="intro">Intro</h2><a href="../index.html">up</a><a href="https://example.org/x">external</a>'
    )
    assert [str(problem) for problem in link_problems(tmp_path)] == [
        "index.html: nope/: no such file in the built site",
        "index.html: guide/#gone: no element with id 'gone' on guide/index.html",
        "index.html: #top: no element with id 'top' on index.html",
    ]


def test_command_line_exit_status(tmp_path: Path, capsys) -> None:
    """The command fails with a count when anything is broken, and passes on a clean site."""
    write(tmp_path, "index.html", '<img src="missing.png" alt="">')
    assert main([str(tmp_path)]) == 1
    assert "index.html: missing.png: no such file" in capsys.readouterr().err
    write(tmp_path, "index.html", '<p id="x"><a href="#x">self</a></p>')
    assert main([str(tmp_path)]) == 0


def test_links_under_a_sub_path_resolve_inside_the_tree_or_are_reported(tmp_path: Path) -> None:
    """With the site's address, absolute paths and full URLs under it are checked in the tree; a path outside it is reported."""
    site_url = "https://example.org/handbook/pr-preview/7/"
    write(
        tmp_path,
        "index.html",
        '<link rel="canonical" href="https://example.org/handbook/pr-preview/7/">'
        '<a href="/handbook/pr-preview/7/guide/#intro">ok</a><a href="https://example.org/handbook/pr-preview/7/guide/">ok</a>'
        '<a href="/handbook/guide/">outside</a><a href="/handbook/pr-preview/7/gone/">missing</a><a href="https://example.org/other">external</a>',
    )
    write(tmp_path, "guide/index.html", '<h2 id="intro">Intro</h2>')
    write(tmp_path, "404.html", '<a href="/handbook/pr-preview/7/guide/">ok</a><a href="/handbook/pr-preview/7/nope.css">missing</a>')
    assert [str(problem) for problem in link_problems(tmp_path, site_url=site_url)] == [
        "404.html: /handbook/pr-preview/7/nope.css: no such file in the built site",
        "index.html: /handbook/guide/: leads outside the site's path /handbook/pr-preview/7/",
        "index.html: /handbook/pr-preview/7/gone/: no such file in the built site",
    ]
