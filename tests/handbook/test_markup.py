"""The HTML our templates, macros and hooks write is valid where it matters to readers: ids and leaked attributes."""

from __future__ import annotations

from collections import Counter


def test_ids_are_unique_on_every_page(handbook_pages) -> None:
    """No page repeats an id: a link to #id would land on whichever element comes first."""
    assert len(handbook_pages) > 20 and "404.html" in handbook_pages and "print_page/index.html" in handbook_pages
    repeated = []
    for name, soup in handbook_pages.items():
        counts = Counter(element["id"] for element in soup.select("[id]"))
        repeated += [f"{name}: id={element_id!r} {count} times" for element_id, count in sorted(counts.items()) if count > 1]
    assert not repeated, "\n".join(repeated)


def test_no_markdown_attribute_reaches_the_built_html(handbook_pages) -> None:
    """md_in_html's `markdown=` switch is for the Markdown processor, never for the reader's browser."""
    leaked = [
        f"{name}: <{element.name} markdown={element['markdown']!r}>"
        for name, soup in handbook_pages.items()
        for element in soup.find_all(attrs={"markdown": True})
    ]
    assert not leaked, "\n".join(leaked)


def test_table_assets_load_only_where_they_are_used(handbook_pages) -> None:
    """tables.css, tables.js and the gfbs-js class come with a generated table; not elsewhere."""
    wrong = []
    for name, soup in handbook_pages.items():
        tables = soup.select_one("article table.gfbs-table") is not None
        loaded = {
            "tables.css": soup.select_one('link[rel=stylesheet][href$="assets/stylesheets/tables.css"]') is not None,
            "tables.js": soup.select_one('script[src$="assets/javascripts/tables.js"][defer]') is not None,
            "gfbs-js": any("gfbs-js" in script.get_text() for script in soup.select("head script:not([src])")),
        }
        expected = {"tables.css": tables, "tables.js": tables, "gfbs-js": tables}
        wrong += [
            f"{name}: {asset} {'missing' if expected[asset] else 'loaded without use'}"
            for asset in loaded
            if loaded[asset] != expected[asset]
        ]
    assert not wrong, "\n".join(wrong)
    assert handbook_pages["print_page/index.html"].select_one('script[src$="assets/javascripts/tables.js"]') is not None


def test_no_page_waits_for_a_stylesheet_of_ours_it_does_not_use(handbook_pages) -> None:
    """A page's render-blocking stylesheets are Material's two and, where it has a table, tables.css.

    Our CSS for every page is in the head, so the first paint waits for no request plain Material's pages do not make;
    the diagram rules come only with a diagram, the code rules only with code blocks, the print page's column only
    with the print page.
    """
    wrong = []
    for name, soup in handbook_pages.items():
        blocking = sorted(
            link["href"].rsplit("/", 1)[-1] for link in soup.select("head link[rel=stylesheet]") if link.get("media") != "print"
        )
        ours = [stylesheet for stylesheet in blocking if not stylesheet.endswith(".min.css")]
        used = ["tables.css"] if soup.select_one("article table.gfbs-table") is not None else []
        if len(blocking) - len(ours) != 2 or ours != used:
            wrong.append(f"{name}: render-blocking {blocking}, expected Material's two and {used}")
        styles = [style.get_text() for style in soup.select("head style")]
        inline = {
            "every page's rules": any("--md-primary-fg-color:" in css for css in styles),
            "diagram rules": any("--gfbs-diagram-ink:" in css for css in styles),
            "code rules": any("tab-size:" in css for css in styles),
            "print page column": any("max-width: 35.2rem" in css for css in styles),
        }
        expected = {
            "every page's rules": True,
            "diagram rules": soup.select_one("article figure.gfbs-diagram") is not None,
            "code rules": soup.select_one("article pre") is not None,
            "print page column": name == "print_page/index.html",
        }
        wrong += [
            f"{name}: {rules} {'missing' if expected[rules] else 'present without use'}"
            for rules in inline
            if inline[rules] != expected[rules]
        ]
    assert not wrong, "\n".join(wrong)
