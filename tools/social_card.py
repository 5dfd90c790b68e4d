"""Draw the handbook's sharing picture (og:image): tools/social_card.svg as a 1200x630 PNG, through Chromium.

Run `python -m tools.social_card` after editing the SVG and commit the PNG: the build only copies it, so neither
a build nor a reader needs a browser for it.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

from tools.project import DOCS, launch_chromium

SOURCE = Path(__file__).with_suffix(".svg")
CARD = DOCS / "assets" / "images" / "social-card.png"
WIDTH, HEIGHT = 1200, 630


def draw(source: Path = SOURCE, target: Path = CARD) -> Path:
    """Render `source` at exactly WIDTH x HEIGHT CSS pixels (device scale 1) into the PNG `target`."""
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            tab = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT}, device_scale_factor=1)
            tab.set_content(f"<style>html,body{{margin:0}}svg{{display:block}}</style>{source.read_text(encoding='utf-8')}")
            tab.screenshot(path=str(target), clip={"x": 0, "y": 0, "width": WIDTH, "height": HEIGHT})
        finally:
            browser.close()
    return target


if __name__ == "__main__":
    print(draw().relative_to(DOCS.parent))
