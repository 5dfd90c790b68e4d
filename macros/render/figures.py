"""Figures: the markup around an inline SVG diagram, so pages never copy it by hand."""

from __future__ import annotations

from .html import text

# Where the SVG files live, relative to docs_dir (snippets resolve it there).
DIAGRAMS = "diagrams"


def diagram(name: str, caption: str) -> str:
    """A captioned figure whose canvas pulls diagrams/<name>.svg in through a snippet line.

    The SVG is inlined, not linked, so it follows the palette through CSS. It scales to its column
    (overrides/partials/styles/diagrams.html), so nothing scrolls and the canvas takes no keyboard focus.
    """
    return (
        f'<figure class="gfbs-diagram" id="figure-{text(name)}">\n'
        f'<div class="gfbs-diagram__canvas">\n'
        f'--8<-- "{DIAGRAMS}/{name}.svg"\n'
        f"</div>\n"
        f"<figcaption>{text(caption)}</figcaption>\n"
        f"</figure>"
    )
