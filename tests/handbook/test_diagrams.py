"""The inline SVG diagrams: accessible markup, colours from the palette, legible in light and dark, served and offline."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tools.project import DOCS

DIAGRAMS = sorted((DOCS / "diagrams").glob("*.svg"))
# The pages that include a diagram, as served with directory URLs.
DIAGRAM_PAGES = ["architecture/styles/", "language/concurrency/"]
SVG = "{http://www.w3.org/2000/svg}"
PALETTES = {"light": "default", "dark": "slate"}

# Per diagram: size, viewBox, and per text its colour, rendered font size and whether it stays inside the viewBox.
_MEASURE = """() => {
  const fill = el => getComputedStyle(el).fill;
  return [...document.querySelectorAll("figure.gfbs-diagram svg")].map(svg => {
    const box = svg.getBoundingClientRect();
    const view = svg.viewBox.baseVal;
    const scale = box.width / view.width;
    const texts = [...svg.querySelectorAll("text, tspan")].map(text => {
      const b = text.getBBox();
      return {
        text: text.textContent, color: fill(text),
        px: parseFloat(getComputedStyle(text).fontSize) * scale,
        inside: b.x >= 0 && b.y >= 0 && b.x + b.width <= view.width && b.y + b.height <= view.height,
      };
    });
    const boxes = [...svg.querySelectorAll(".d-box")].map(fill);
    return {id: svg.closest("figure").id, width: box.width, height: box.height, texts, boxes};
  });
}"""


def _rgba(css: str) -> tuple[float, float, float, float]:
    parts = [float(x) for x in re.findall(r"[\d.]+", css)]
    return (*parts[:3], parts[3] if len(parts) > 3 else 1.0)


def _over(top: str, bottom: str) -> tuple[float, float, float]:
    """`top` composited over the opaque `bottom`."""
    r, g, b, a = _rgba(top)
    br, bg, bb, _ = _rgba(bottom)
    return (r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a))


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(text: str, background: str) -> float:
    """WCAG contrast ratio of CSS colour `text` (maybe translucent) drawn on the opaque `background`."""
    lighter, darker = sorted((_luminance(_over(text, background)), _luminance(_over(background, background))), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("path", DIAGRAMS, ids=lambda p: p.stem)
def test_diagram_file_is_accessible_and_uncoloured(path: Path) -> None:
    """Each SVG is an img named by its own <title> and <desc>, prefixes its ids with its name, and leaves colour to the site's CSS (overrides/partials/styles/diagrams.html)."""
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.text.strip() and desc.text.strip()
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert all(i.startswith(f"{path.stem}-") for i in ids), f"ids must be unique on the print page: {ids}"
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    styled = [el.tag for el in root.iter() if {"fill", "stroke", "style", "color", "font-size"} & set(el.attrib) or el.tag == f"{SVG}style"]
    assert not styled, f"colours and sizes belong in partials/styles/diagrams.html: {styled}"
    assert all("d-text" in el.get("class", "") for el in root.iter(f"{SVG}text"))


def test_every_diagram_is_on_a_diagram_page(handbook_pages) -> None:
    """Each SVG in docs/diagrams is inlined once, in a figure with a caption, on one of DIAGRAM_PAGES."""
    found = {}
    for url in DIAGRAM_PAGES:
        for figure in handbook_pages[f"{url}index.html"].select("figure.gfbs-diagram"):
            assert figure.select_one("svg[role=img]") and figure.figcaption.get_text(strip=True), figure.get("id")
            found[figure["id"]] = url
    assert sorted(found) == sorted(f"figure-{path.stem}" for path in DIAGRAMS)


@pytest.fixture(scope="module")
def measured(handbook_url: str, chromium) -> dict[str, dict]:
    """Each diagram page measured in both palettes, with every request that left 127.0.0.1."""
    results: dict[str, dict] = {}
    for palette, scheme in PALETTES.items():
        context = chromium.new_context(color_scheme=palette, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        escaped: list[str] = []
        page.on(
            "request",
            lambda request, escaped=escaped: (
                None if request.url.startswith(("http://127.0.0.1:", "data:")) else escaped.append(request.url)
            ),
        )
        for url in DIAGRAM_PAGES:
            page.goto(handbook_url + url, wait_until="networkidle")
            results[f"{palette} {url}"] = {
                "scheme": page.get_attribute("body", "data-md-color-scheme"),
                "expected": scheme,
                "background": page.evaluate("getComputedStyle(document.body).backgroundColor"),
                "diagrams": page.evaluate(_MEASURE),
                "escaped": list(escaped),
            }
        context.close()
    return results


@pytest.mark.browser
def test_diagrams_render_visibly_in_both_palettes(measured: dict[str, dict]) -> None:
    """Every diagram has a size, its text stays inside it and renders at 12px or more, and nothing is fetched from elsewhere."""
    for key, result in measured.items():
        assert result["scheme"] == result["expected"], key
        assert len(result["diagrams"]) >= 2, key
        assert result["escaped"] == [], f"{key}: requests left 127.0.0.1: {result['escaped']}"
        for diagram in result["diagrams"]:
            assert diagram["width"] > 300 and diagram["height"] > 100, f"{key} {diagram['id']}"
            assert diagram["texts"] and diagram["boxes"], f"{key} {diagram['id']}: nothing measured"
            for text in diagram["texts"]:
                assert text["inside"], f"{key} {diagram['id']}: {text['text']!r} is cut off"
                assert text["px"] >= 12, f"{key} {diagram['id']}: {text['text']!r} renders at {text['px']:.1f}px"


@pytest.mark.browser
def test_diagram_text_has_contrast_on_page_and_boxes(measured: dict[str, dict]) -> None:
    """Diagram text reaches 4.5:1 against the page and against the box fill, in both palettes."""
    for key, result in measured.items():
        for diagram in result["diagrams"]:
            for text in diagram["texts"]:
                for background in {result["background"], *diagram["boxes"]}:
                    ratio = contrast(text["color"], background)
                    assert ratio >= 4.5, f"{key} {diagram['id']}: {text['text']!r} {text['color']} on {background} is {ratio:.2f}:1"


@pytest.mark.browser
def test_diagram_colours_follow_the_palette(measured: dict[str, dict]) -> None:
    """The same diagram draws its text and boxes in different colours in light and dark mode."""
    for url in DIAGRAM_PAGES:
        light, dark = measured[f"light {url}"]["diagrams"], measured[f"dark {url}"]["diagrams"]
        for day, night in zip(light, dark, strict=True):
            assert day["texts"][0]["color"] != night["texts"][0]["color"], day["id"]
            assert day["boxes"][0] != night["boxes"][0], day["id"]


def test_contrast_formula() -> None:
    """Black on white is 21:1, white on white 1:1, and a translucent colour is blended before comparing."""
    assert contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)") == pytest.approx(21)
    assert contrast("rgb(255, 255, 255)", "rgb(255, 255, 255)") == pytest.approx(1)
    assert contrast("rgba(0, 0, 0, 0.54)", "rgb(255, 255, 255)") == pytest.approx(4.6, abs=0.1)


@pytest.mark.browser
def test_diagrams_render_in_the_offline_edition(offline_edition, chromium) -> None:
    """Opened from file:// in dark mode, the offline edition draws the diagrams with the palette's colours and asks nothing of the network."""
    site = offline_edition.unpacked
    context = chromium.new_context(color_scheme="dark")
    page = context.new_page()
    escaped: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(("file://", "data:")) else escaped.append(request.url))
    page.goto((site / "architecture" / "styles.html").as_uri(), wait_until="load")
    diagrams = page.evaluate(_MEASURE)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    context.close()
    assert len(diagrams) == 3 and escaped == []
    for diagram in diagrams:
        assert diagram["width"] > 300 and diagram["texts"], diagram["id"]
        assert all(contrast(text["color"], background) >= 4.5 for text in diagram["texts"]), diagram["id"]
