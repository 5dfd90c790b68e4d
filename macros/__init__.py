"""mkdocs-macros entry point: loads the ecosystem data once per build and registers one-line macros.

Every macro has the name of the pure render function it wraps (see `render/`). The same module runs under Zensical's
macros extension; `engine` reads either engine's configuration.
"""

from __future__ import annotations

import logging
from pathlib import Path

from . import preview_problems, render
from .engine import MacrosEnv, once_per_version, read_build_context
from .loader import DATA_FILE, EcosystemError, load_ecosystem
from .model import Ecosystem
from .protect import protect_code, restore_code
from .render.downloads import export_files
from .render.figures import DIAGRAMS

log = logging.getLogger("mkdocs.plugins.gfbs.macros")


def define_env(env: MacrosEnv) -> None:
    """Load and validate the data (any problem stops the build before a page is written), then register macros."""
    project = read_build_context(env.conf)
    docs = project.docs
    path = docs / DATA_FILE

    def load() -> Ecosystem:
        eco = load_ecosystem(path, display_name=path.relative_to(project.root).as_posix())
        if project.engine == "zensical":
            # Zensical has no post-build event: the page that first loads this version of the data publishes them.
            _write_exports(project.site, eco)
        return eco

    try:
        # Zensical calls define_env once per page: there, parse and validate once per version of the file.
        # MkDocs calls it once per build, so each build (a `mkdocs serve` reload, a bench run) reads the file anew.
        eco = once_per_version(path, load) if project.engine == "zensical" else load()
    except FileNotFoundError:
        raise project.stop(f"{path}: the ecosystem data file is missing; every data table is generated from it") from None
    except EcosystemError as error:
        if not preview_problems.previewing(env.conf):
            raise project.stop(str(error)) from None
        preview_problems.show_problems(env, error.problems)
        return
    env.ecosystem = eco
    diagrams = {svg.stem for svg in (docs / DIAGRAMS).glob("*.svg")}

    def site_root() -> str:
        """Relative path from the current page to the site root, for links in generated HTML."""
        # A page URL is "", "a/", "a/b/" or "a/b.html": each slash is one folder below the root.
        return "../" * env.page.url.count("/")

    @env.macro
    def language_comparison(languages: list[str] | None = None) -> str:
        return render.language_comparison(eco, languages=languages)

    @env.macro
    def language_matchup(against: str) -> str:
        return render.language_matchup(eco, against)

    @env.macro
    def tool_matrix(tools: list[str] | None = None, category: str | None = None, by: str | None = None) -> str:
        return render.tool_matrix(eco, tools=tools, category=category, by=by)

    @env.macro
    def company_matrix() -> str:
        return render.company_matrix(eco)

    @env.macro
    def industry_matrix() -> str:
        return render.industry_matrix(eco)

    @env.macro
    def database_matrix() -> str:
        return render.database_matrix(eco)

    @env.macro
    def architecture_comparison() -> str:
        return render.architecture_comparison(eco)

    @env.macro
    def data_downloads() -> str:
        return render.data_downloads(base=site_root())

    @env.macro
    def diagram(name: str, caption: str) -> str:
        if name not in diagrams:
            known = ", ".join(sorted(diagrams)) or "none"
            raise ValueError(f"diagram({name!r}): there is no {DIAGRAMS}/{name}.svg; known diagrams: {known}")
        return render.diagram(name, caption)


def on_pre_page_macros(env: MacrosEnv) -> None:
    """Seal code before Jinja runs, so Go's braces are never read as template syntax.

    A preview on broken data leaves Jinja nothing: the page's macros have no data to run on.
    """
    env.markdown = "" if preview_problems.broken(env) else protect_code(env.markdown)


def on_post_page_macros(env: MacrosEnv) -> None:
    env.markdown = preview_problems.problems_page(env) if preview_problems.broken(env) else restore_code(env.markdown)


def on_post_build(env: MacrosEnv) -> None:
    """Publish the CSV and JSON exports of every table next to the data file (MkDocs; see define_env for Zensical)."""
    if env.ecosystem is not None:  # None while a preview shows the data's problems
        _write_exports(Path(env.conf["site_dir"]), env.ecosystem)


def _write_exports(site_dir: Path, eco: Ecosystem) -> None:
    for relative, content in export_files(eco).items():
        target = site_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    log.debug("wrote data exports to %s", site_dir)
