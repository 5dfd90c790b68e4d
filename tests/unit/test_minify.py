"""overrides/hooks/minify.py: our stylesheets and scripts lose comments and spaces in the built site, nothing else."""

from __future__ import annotations

from pathlib import Path

from tests.support.hooks import load_hook

minify = load_hook("minify")

CSS = """/* Why this colour. */
.md-typeset .tools :focus-visible {
  outline: 0.1rem solid red;
}
.md-typeset a[href^="http"]::after {
  content: " (" attr(href) ")";
}
"""
JS = """// Why this runs.
(function () {
  var label = `Sort by ${name}`; /* kept as written */
  return "  two  spaces  ";
})();
"""


def _site(tmp_path: Path) -> tuple[Path, Path]:
    docs, site = tmp_path / "docs", tmp_path / "site"
    for root in (docs, site):
        (root / "assets" / "stylesheets").mkdir(parents=True)
        (root / "assets" / "javascripts").mkdir(parents=True)
        (root / "assets" / "stylesheets" / "extra.css").write_text(CSS, encoding="utf-8")
        (root / "assets" / "javascripts" / "tables.js").write_text(JS, encoding="utf-8")
    # Material's own, already minified asset lives only in the site and must stay as it is.
    (site / "assets" / "stylesheets" / "main.min.css").write_text("/* Material */ a { color: red }", encoding="utf-8")
    return docs, site


def test_comments_and_spaces_go_selectors_and_strings_stay(tmp_path: Path) -> None:
    """The descendant `:focus-visible` keeps its space, strings keep theirs, comments are gone."""
    docs, site = _site(tmp_path)
    written = minify.minify_assets(docs, site)
    css = (site / "assets" / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    js = (site / "assets" / "javascripts" / "tables.js").read_text(encoding="utf-8")
    assert len(written) == 2
    assert "/*" not in css and ".md-typeset .tools :focus-visible{" in css and 'content:" (" attr(href) ")"' in css
    assert "//" not in js and "`Sort by ${name}`" in js and '"  two  spaces  "' in js and len(js) < len(JS)


def test_files_that_are_not_ours_are_left_alone(tmp_path: Path) -> None:
    """Only copies of files under docs/assets/ are rewritten."""
    docs, site = _site(tmp_path)
    minify.minify_assets(docs, site)
    assert (site / "assets" / "stylesheets" / "main.min.css").read_text(encoding="utf-8") == "/* Material */ a { color: red }"
