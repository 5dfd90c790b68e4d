"""overrides/hooks/preview.py and `mkdocs serve`: what the preview skips and reuses, and a broken data file in the browser."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from tests.support.hooks import HOOKS, load_hook
from tests.support.sites import page, write_tiny_site
from tools.project import CONFIG, Preview, fetch, mkdocs_serve

PREVIEW_HOOK = str(HOOKS / "preview.py")


@pytest.mark.parametrize("command", [None, "build", "gh-deploy"])
def test_a_build_keeps_the_print_page_and_search(command: str | None) -> None:
    """Unless MkDocs started with `serve`, the hook leaves the configuration as it is."""
    hook = load_hook("preview")
    if command:
        hook.on_startup(command=command, dirty=False)
    config = hook.on_config(load_config(str(CONFIG)))
    assert config.plugins["material/search"].config["enabled"]
    assert "preview" not in config.extra


def test_serving_skips_the_print_page_and_search_and_marks_the_preview() -> None:
    """Under `mkdocs serve`: search is off, and `extra.preview` tells the macros module and the print page hook."""
    hook = load_hook("preview")
    hook.on_startup(command="serve", dirty=False)
    try:
        config = hook.on_config(load_config(str(CONFIG)))
    finally:
        hook.on_shutdown()
    assert not config.plugins["material/search"].config["enabled"]
    assert config.extra["preview"] is True


def test_template_cache_recompiles_an_edited_template() -> None:
    """A second environment reuses the compiled template; a changed source is compiled again and replaces it."""
    cache = load_hook("preview").TemplateCache()
    sources = {"page.html": "Hello {{ name }}"}

    def render() -> str:
        env = jinja2.Environment(loader=jinja2.DictLoader(sources), bytecode_cache=cache)
        return env.get_template("page.html").render(name="you")

    assert render() == "Hello you"
    compiled = dict(cache._compiled)
    assert render() == "Hello you" and cache._compiled == compiled
    sources["page.html"] = "Bye {{ name }}"
    assert render() == "Bye you"
    assert cache._compiled.keys() == compiled.keys() and cache._compiled != compiled


def test_page_inputs_change_with_snippet_sources_not_with_pages_or_data(tmp_path: Path) -> None:
    """Editing an included file converts every page again; a page's or the data file's text goes through its Markdown."""
    hook = load_hook("preview")
    config_file = write_tiny_site(tmp_path, {"index.md": page("Home", "Text.")}, config={"hooks": [PREVIEW_HOOK]})
    (tmp_path / "docs" / "diagrams").unlink()  # a folder of our own, to edit
    (tmp_path / "docs" / "diagrams").mkdir()
    snippet = tmp_path / "docs" / "diagrams" / "note.txt"
    snippet.write_text("one", encoding="utf-8")
    config = load_config(str(config_file))

    def fingerprint() -> str:
        return hook.inputs_fingerprint(get_files(config), config)

    before = fingerprint()
    (tmp_path / "docs" / "index.md").write_text(page("Home", "Other text."), encoding="utf-8")
    (tmp_path / "docs" / "data" / "ecosystem.yml").write_text("criteria: []\n", encoding="utf-8")
    assert fingerprint() == before
    snippet.write_text("two, longer", encoding="utf-8")
    assert fingerprint() != before


def test_a_rebuild_that_reuses_every_page_writes_the_same_site(tmp_path: Path) -> None:
    """Reused conversions give byte-identical pages: HTML, table of contents, anchors, links between pages."""
    pages = {
        "index.md": page("Home", "## Section {#section}\n\nSee [the other page](other.md#part).\n\n{{ language_comparison() }}"),
        "other.md": page("Other", "## Part {#part}\n\nBack to [the section](index.md#section)."),
    }
    config_file = write_tiny_site(tmp_path, pages, config={"hooks": [PREVIEW_HOOK]})
    sites = [tmp_path / "first", tmp_path / "second"]
    for number, site in enumerate(sites):
        config = load_config(str(config_file), site_dir=str(site), strict=True)
        if number == 0:
            config.plugins.on_startup(command="serve", dirty=False)
        try:
            build(config, serve_url="http://127.0.0.1:8000/")
        except BaseException:
            config.plugins.on_shutdown()
            raise
    hook = sys.modules[PREVIEW_HOOK]
    reused = set(hook._pages.reused)
    config.plugins.on_shutdown()
    assert reused == set(pages)
    first = {path.relative_to(sites[0]): path.read_bytes() for path in sites[0].rglob("*.html")}
    second = {path.relative_to(sites[1]): path.read_bytes() for path in sites[1].rglob("*.html")}
    assert first == second


def test_a_page_that_warned_warns_again_on_the_next_rebuild(tmp_path: Path) -> None:
    """A broken link is not kept quiet by reuse: every strict rebuild of the preview stops on it."""
    pages = {"index.md": page("Home", "See [nowhere](missing.md).")}
    config_file = write_tiny_site(tmp_path, pages, config={"hooks": [PREVIEW_HOOK]})
    config = None
    try:
        for number in range(2):
            config = load_config(str(config_file), site_dir=str(tmp_path / "site"), strict=True)
            if number == 0:
                config.plugins.on_startup(command="serve", dirty=False)
            with pytest.raises(SystemExit, match="Aborted with 1 warnings in strict mode"):
                build(config, serve_url="http://127.0.0.1:8000/")
    finally:
        if config is not None:
            config.plugins.on_shutdown()


# -- A real `mkdocs serve` --------------------------------------------------------------------------------------

PAGES = {
    "index.md": page("Home", "{{ language_comparison() }}"),
    "other.md": page("Other", "Plain text, no data."),
}
# Two problems on lines 4 and 5 of the fixture: a name that is not a string (with markup in it), an unknown key.
BROKEN = ("    name: Typing\n", "    name: [<b>bold</b>]\n    colour: red\n")


def _served(preview: Preview, url: str, done: Callable[[str], bool], *, timeout: float = 30) -> BeautifulSoup:
    """The page at `url` once `done(html)` holds; fails with the server's log after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not done(html := fetch(url)):
        if time.monotonic() > deadline:
            pytest.fail(f"{url} did not change within {timeout:.0f} s; the server logged:\n{preview.log()}")
        time.sleep(0.05)
    return BeautifulSoup(html, "lxml")


def test_preview_shows_a_broken_data_file_on_the_page_and_recovers(tmp_path: Path) -> None:
    """Page edits show; a broken data file's problems replace the page (escaped, with file:line and field); fixing it brings the pages back."""
    config = write_tiny_site(tmp_path, PAGES, config={"hooks": [PREVIEW_HOOK]})
    other, data = tmp_path / "docs" / "other.md", tmp_path / "docs" / "data" / "ecosystem.yml"
    good = data.read_text(encoding="utf-8")
    with mkdocs_serve(config, timeout=60) as preview:
        home_url, other_url = preview.url, preview.url + "other/"
        assert "Plain text, no data." in fetch(other_url)
        assert "Typing" in fetch(home_url)

        other.write_text(page("Other", "Edited text."), encoding="utf-8")
        _served(preview, other_url, lambda html: "Edited text." in html)
        assert BeautifulSoup(fetch(home_url), "lxml").select("table"), "the unchanged page lost its table"

        data.write_text(good.replace(*BROKEN, 1), encoding="utf-8")
        shown = _served(preview, other_url, lambda html: "gfbs-preview-problems" in html)
        problems = [item.get_text() for item in shown.select(".gfbs-preview-problems li")]
        assert len(problems) == 2
        assert problems[0].startswith("docs/data/ecosystem.yml:4 criteria[0](id=typing).name: ")
        assert "<b>bold</b>" in problems[0] and not shown.select(".gfbs-preview-problems b")
        assert problems[1].startswith("docs/data/ecosystem.yml:5 criteria[0](id=typing).colour: unknown key 'colour'")
        assert "gfbs-preview-problems" in fetch(home_url)

        data.write_text(good, encoding="utf-8")
        recovered = _served(preview, other_url, lambda html: "gfbs-preview-problems" not in html)
        assert "Edited text." in recovered.get_text()
        assert BeautifulSoup(fetch(home_url), "lxml").select("table")
