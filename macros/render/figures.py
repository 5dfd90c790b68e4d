"""Figures: the markup around an inline SVG diagram, so pages never copy it by hand."""

from __future__ import annotations

from .html import text

# Where the SVG files live, relative to docs_dir (snippets resolve it there).
DIAGRAMS = "diagrams"


def diagram(name: str, caption: str) -> str:
    """A captioned figure whose canvas pulls diagrams/<name>.svg in through a snippet line.

    The SVG is inlined, not linked, so it follows the palette through CSS; the canvas takes focus,
    so a keyboard reader can scroll a diagram wider than the screen.
    """
    return (
        f'<figure class="gfbs-diagram" id="figure-{text(name)}">\n'
        f'<div class="gfbs-diagram__canvas" tabindex="0">\n'
        f'--8<-- "{DIAGRAMS}/{name}.svg"\n'
        f"</div>\n"
        f"<figcaption>{text(caption)}</figcaption>\n"
        f"</figure>"
    )
