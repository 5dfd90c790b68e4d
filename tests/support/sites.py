"""Builds real MkDocs sites for tests: the handbook itself, or tiny sites that inherit its configuration."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from macros.builds import strict_build

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"
ARTICLE = REPO.parent / "shared" / "article.txt"
# Shared pieces a tiny site borrows from the handbook (relative to the repo root).
_SHARED = ("macros", "overrides", "docs/includes", "docs/assets")


@dataclass(frozen=True)
class Build:
    returncode: int
    log: str
    site: Path

    def html(self, page: str) -> BeautifulSoup:
        return BeautifulSoup((self.site / page).read_text(encoding="utf-8"), "lxml")


def mkdocs_build(config: Path, site: Path, *extra: str) -> Build:
    """Run a real `mkdocs build --strict` in the config's folder and capture everything it says."""
    result = strict_build(config, site, extra=extra)
    return Build(result.returncode, result.stdout + result.stderr, site)


def build_tiny_site(root: Path, pages: dict[str, str], *, data: str | None = None, config: dict | None = None) -> Build:
    """Write `pages` (path -> Markdown) into a site that inherits mkdocs.yml, then build it strictly.

    `data` replaces the ecosystem data file (default: the small complete fixture).
    """
    for shared in _SHARED:
        target = root / shared
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(REPO / shared)
    data_file = root / "docs" / "data" / "ecosystem.yml"
    data_file.parent.mkdir(parents=True, exist_ok=True)
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "ecosystem.yml"
    data_file.write_text(data if data is not None else fixture.read_text(encoding="utf-8"), encoding="utf-8")
    (data_file.parent / "ecosystem.schema.json").symlink_to(DOCS / "data" / "ecosystem.schema.json")
    for name, text in pages.items():
        page = root / "docs" / name
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(text, encoding="utf-8")
    settings = {"INHERIT": str(REPO / "mkdocs.yml"), "nav": list(pages)} | (config or {})
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return mkdocs_build(config_file, root / "site")


def page(title: str, body: str, *, description: str = "A page used by a test.") -> str:
    """A Markdown page with the front matter every handbook page needs."""
    return f"---\ntitle: {title}\ndescription: {description}\n---\n\n# {title}\n\n{body}\n"
