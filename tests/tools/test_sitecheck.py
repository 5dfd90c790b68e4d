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
