"""What the macros need from whichever engine runs them, MkDocs or Zensical: the project's folders and how a build stops.

mkdocs-macros (under MkDocs) calls `define_env` once per build with MkDocs' validated configuration: absolute folders
and the config file's path. Zensical's macros extension calls it once per page with its own configuration: folders
relative to `root_dir`, no `config_file_path`, and no build events. Nothing here imports an engine at import time, so
the module loads under either.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar

if TYPE_CHECKING:
    from .loader import Problem
    from .model import Ecosystem

Engine = Literal["mkdocs", "zensical"]
T = TypeVar("T")
Macro = TypeVar("Macro", bound=Callable[..., str])


class PageAt(Protocol):
    """The page being rendered, as either engine describes it: only its URL is read."""

    @property
    def url(self) -> str: ...


class MacrosEnv(Protocol):
    """What define_env and the page events use of the environment either engine's macros plugin passes them."""

    conf: Mapping[str, Any]
    markdown: str
    page: PageAt
    ecosystem: Ecosystem | None
    problems: list[Problem]

    def macro(self, function: Macro) -> Macro: ...


class BuildError(Exception):
    """Stops a Zensical build: its message is what the reader sees, so it carries file, line, field and reason."""


@dataclass(frozen=True)
class BuildContext:
    """The folders of the project being built, absolute, and the engine building it."""

    engine: Engine
    root: Path  # the folder of the configuration file
    docs: Path
    site: Path

    def stop(self, message: str) -> Exception:
        """The exception that stops this engine's build with `message` and no traceback noise of ours."""
        if self.engine == "mkdocs":
            # Imported here, not at the top: under Zensical, mkdocs need not be importable.
            from mkdocs.exceptions import PluginError

            return PluginError(message)
        return BuildError(message)


def read_build_context(conf: Mapping[str, object]) -> BuildContext:
    """The project's folders from either engine's configuration (MkDocs: absolute; Zensical: under `root_dir`)."""
    engine: Engine
    if conf.get("config_file_path"):
        root, engine = Path(str(conf["config_file_path"])).resolve().parent, "mkdocs"
    else:
        root, engine = Path(str(conf.get("root_dir") or ".")).resolve(), "zensical"
    # An absolute folder stays as it is under `/`; a relative one is read from the configuration's folder.
    return BuildContext(engine, root, (root / str(conf["docs_dir"])).resolve(), (root / str(conf["site_dir"])).resolve())


_lock = threading.Lock()
_cache: dict[tuple[Path, int, int], object] = {}


def once_per_version(path: Path, load: Callable[[], T]) -> T:
    """`load()` the first time `path` is seen at its current size and modification time, the cached result after.

    Zensical calls define_env for every page; parsing and validating the data file once per version keeps its
    build as fast as MkDocs', and `zensical serve` still sees an edited file. A failed load is not cached, so
    every page reports the same error until the file is fixed.
    """
    stat = path.stat()
    key = (path, stat.st_mtime_ns, stat.st_size)
    with _lock:
        if key not in _cache:
            _cache.clear()  # one version of one data file per process: an edit replaces the old entry
            _cache[key] = load()
        return _cache[key]  # type: ignore[return-value]
