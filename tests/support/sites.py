"""Builds real sites for tests: the handbook itself, or tiny sites with a minimal config (MkDocs in this process, Zensical in a child)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from macros.loader import DATA_FILE
from macros.render.downloads import SCHEMA_FILE
from tools.project import CONFIG, DOCS, REPO, ZENSICAL_CONFIG, config_as_written, strict_build, zensical_build

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ARTICLE = FIXTURES / "article.txt"

HANDBOOK_CONFIG = config_as_written(CONFIG)
# The Markdown extensions that touch code, with the options mkdocs.yml gives them.
CODE_EXTENSIONS = (
    "attr_list",
    "md_in_html",
    "toc",
    "pymdownx.highlight",
    "pymdownx.inlinehilite",
    "pymdownx.superfences",
    "pymdownx.tabbed",
)


def _name(extension: str | dict) -> str:
    """An extension as mkdocs.yml lists it: its name, or a one-key mapping from its name to its options."""
    return extension if isinstance(extension, str) else next(iter(extension))


# What a tiny site needs to render macros and code like the handbook, taken from mkdocs.yml: its plugins (search and
# the macros) and link checks as written, and the Markdown extensions that touch code. Hooks, the theme's features
# and the other extensions are left out; a test that exercises them passes `full=True` and inherits the whole
# mkdocs.yml instead.
MINIMAL_CONFIG = {
    "site_name": "Tiny",
    "site_url": "https://example.org/tiny/",
    "theme": {"name": "material", "custom_dir": str(REPO / "overrides")},
    "validation": HANDBOOK_CONFIG["validation"],
    "plugins": HANDBOOK_CONFIG["plugins"],
    "markdown_extensions": [extension for extension in HANDBOOK_CONFIG["markdown_extensions"] if _name(extension) in CODE_EXTENSIONS],
}
# What mkdocs.zensical.yml adds to mkdocs.yml (Zensical appends lists it inherits).
ZENSICAL_EXTENSIONS = config_as_written(ZENSICAL_CONFIG)["markdown_extensions"]


@dataclass(frozen=True)
class BuiltSite:
    """A site built for a test: whether the strict build passed, what it logged, and where its pages are."""

    ok: bool
    log: str
    site: Path

    def html(self, page: str) -> BeautifulSoup:
        return BeautifulSoup((self.site / page).read_text(encoding="utf-8"), "lxml")


def build_site(config: Path, site: Path, **overrides: object) -> BuiltSite:
    """A strict build of `config` into `site`, with everything it logged."""
    result = strict_build(config, site, **overrides)
    return BuiltSite(result.ok, result.log, site)


def build_tiny_site(
    root: Path, pages: dict[str, str], *, data: str | None = None, config: dict | None = None, full: bool = False
) -> BuiltSite:
    """Write `pages` (path -> Markdown) with the macros module and a data file into `root`, then build it strictly.

    `data` replaces the ecosystem data file (default: the small complete fixture); `config` adds or replaces keys;
    `full` inherits the handbook's whole mkdocs.yml (plugins, hooks, theme) instead of the minimal config.
    """
    config_file = write_tiny_site(root, pages, data=data, config=config, full=full)
    return build_site(config_file, root / "site")


def build_tiny_zensical_site(root: Path, pages: dict[str, str], *, data: str | None = None) -> subprocess.CompletedProcess[str]:
    """The same tiny site as build_tiny_site's minimal one, built by Zensical into `root`/site (a child process)."""
    settings = _write_tiny_site(root, pages, data=data, config=None, full=False)
    settings["markdown_extensions"] = [*settings["markdown_extensions"], *ZENSICAL_EXTENSIONS]
    return zensical_build(_write_config(root, settings))


def write_tiny_site(root: Path, pages: dict[str, str], *, data: str | None = None, config: dict | None = None, full: bool = False) -> Path:
    """Write the tiny site build_tiny_site builds, without building it; returns its mkdocs.yml."""
    return _write_config(root, _write_tiny_site(root, pages, data=data, config=config, full=full))


def _write_config(root: Path, settings: dict) -> Path:
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return config_file


def _write_tiny_site(root: Path, pages: dict[str, str], *, data: str | None, config: dict | None, full: bool) -> dict:
    """Write the tiny site's files into `root` and return its configuration."""
    docs = root / "docs"
    data_file = docs / DATA_FILE
    data_file.parent.mkdir(parents=True, exist_ok=True)
    data_file.write_text(data if data is not None else (FIXTURES / "ecosystem.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (docs / SCHEMA_FILE).symlink_to(DOCS / SCHEMA_FILE)
    for shared in ("includes", "assets", "diagrams"):
        (docs / shared).symlink_to(DOCS / shared)
    (root / "macros").symlink_to(REPO / "macros")
    for name, text in pages.items():
        page = docs / name
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(text, encoding="utf-8")
    base = {"INHERIT": str(REPO / "mkdocs.yml")} if full else dict(MINIMAL_CONFIG)
    if full:
        (root / "overrides").symlink_to(REPO / "overrides")
    settings = base | {"nav": list(pages), "exclude_docs": "includes/\ndiagrams/\n"} | (config or {})
    if not full:  # snippets resolve against the tiny site's docs/, wherever the test process runs
        snippets = {"pymdownx.snippets": {"base_path": [str(docs)], "check_paths": True}}
        settings["markdown_extensions"] = [*settings["markdown_extensions"], snippets]
    return settings


def page(title: str, body: str, *, description: str = "A page used by a test.") -> str:
    """A Markdown page with the front matter every handbook page needs."""
    return f"---\ntitle: {title}\ndescription: {description}\n---\n\n# {title}\n\n{body}\n"
