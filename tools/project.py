"""What every tool shares: the project's paths, the strict build, the loopback server and the browser launch."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from playwright.sync_api import Browser, Playwright

import contextlib
import functools
import gzip
import http.server
import io
import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.config import load_config
from mkdocs.structure.files import File

from macros.loader import DATA_FILE
from tools.provision import DEFAULT_CHROMIUM

REPO = Path(__file__).resolve().parents[1]
CONFIG = REPO / "mkdocs.yml"
OFFLINE_CONFIG = REPO / "mkdocs.offline.yml"
ZENSICAL_CONFIG = REPO / "mkdocs.zensical.yml"
DOCS = REPO / "docs"
DATA = DOCS / DATA_FILE
NODE_MODULES = REPO / "node_modules"

# Debian's Chromium headless shell (`make` installs it through tools/provision.py), as root, on a machine whose only network is
# loopback: without these flags it refuses to start or keeps trying to reach Google's hosts.
CHROMIUM = os.environ.get("CHROME_PATH", DEFAULT_CHROMIUM)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Material's end-of-life banner is known; every build here runs without it.
QUIET = {"NO_MKDOCS_2_WARNING": "1"}


class _TagTolerantLoader(yaml.SafeLoader):
    """Reads a MkDocs configuration as data, taking MkDocs' own tags (!ENV, !relative, !!python/name) as None."""


_TagTolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TagTolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def config_as_written(config: Path = CONFIG) -> dict:
    """`config` as its YAML says, before MkDocs validates it: lists of plugins and hooks as written, to vary them."""
    written: dict = yaml.load(config.read_text(encoding="utf-8"), Loader=_TagTolerantLoader)
    return written


# -- The project as MkDocs reads it ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Project:
    """A MkDocs project as its configuration (with INHERIT) gives it: its folders, its nav, and where each page goes."""

    root: Path
    config: Path
    docs: Path
    nav: tuple[str, ...]
    use_directory_urls: bool
    site_url: str | None = None  # optional in MkDocs too

    def label(self, path: Path) -> str:
        """A path as the editor sees it, relative to the project root."""
        path = Path(path)
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def pages(self) -> list[Path]:
        """Every Markdown file under docs/, sorted."""
        return sorted(self.docs.rglob("*.md"))

    def _file(self, source: str) -> File:
        return File(source, src_dir=None, dest_dir="", use_directory_urls=self.use_directory_urls)

    def built_page(self, source: str) -> str:
        """The file MkDocs writes for the page `source` (relative to docs/), relative to the site: MkDocs' own rule."""
        return self._file(source).dest_uri

    def page_url(self, source: str) -> str:
        """The page's URL relative to the site root, as MkDocs links it: "" for the home page (as MkDocs' Page.url)."""
        url = self._file(source).url
        return "" if url == "./" else url


def load_project(config: Path = CONFIG) -> Project:
    """Read the MkDocs configuration (with INHERIT, and !ENV such as SITE_URL) for its folders, nav and URLs."""
    config = Path(config).resolve()
    settings = load_config(str(config))
    return Project(
        root=config.parent,
        config=config,
        docs=Path(settings["docs_dir"]),
        nav=tuple(_nav_files(settings["nav"] or [])),
        use_directory_urls=settings["use_directory_urls"],
        site_url=settings["site_url"],
    )


def _nav_files(items: list) -> list[str]:
    found: list[str] = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            found += _nav_files(value)
        elif isinstance(value, str) and value.endswith(".md"):
            found.append(value)
    return found


# -- Building -------------------------------------------------------------------------------------------------


@dataclass
class BuildOutcome:
    """One strict build: whether it succeeded, the warnings and errors it logged, and the error that stopped it."""

    site: Path
    records: list[logging.LogRecord] = field(default_factory=list)
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def log(self) -> str:
        """Every record as MkDocs prints it, and the stopping error's message."""
        lines = [f"{record.levelname:<8}-  {record.getMessage()}" for record in self.records]
        return "\n".join([*lines, *([str(self.error)] if self.error else [])])

    @property
    def cause(self) -> BaseException | None:
        """The plugin or configuration error behind MkDocs' "Aborted" (MkDocs raises Abort from inside its handler)."""
        error = self.error
        while error is not None and error.__context__ is not None and type(error).__name__ == "Abort":
            error = error.__context__
        return error


class _Collect(logging.Handler):
    def __init__(self, records: list[logging.LogRecord]):
        super().__init__(logging.WARNING)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def strict_build(config: Path, site_dir: Path, *, prepare: Callable[[MkDocsConfig], None] | None = None, **overrides: Any) -> BuildOutcome:
    """`mkdocs build --strict` of `config` into `site_dir` in this process; `overrides` replace config keys.

    `prepare` sees the loaded configuration before the build starts (the bench times its plugins' events there).

    In-process, a build costs what MkDocs does and not a Python start-up and import; its warnings and the error that
    stopped it come back as objects, not as text to parse.
    """
    from mkdocs.commands.build import build

    result = BuildOutcome(Path(site_dir))
    handler = _Collect(result.records)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        settings = load_config(str(config), strict=True, site_dir=str(site_dir), **overrides)
        if prepare:
            prepare(settings)
        build(settings)
    except (Exception, SystemExit) as error:  # MkDocs' Abort is a SystemExit
        result.error = error
    finally:
        logger.removeHandler(handler)
    return result


def strict_build_in_subprocess(config: Path, site_dir: Path, env: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    """The same strict build in a child process, for builds whose configuration reads environment variables (!ENV)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config), "-d", str(site_dir)],
        cwd=Path(config).parent,
        env=os.environ | QUIET | dict(env),
        capture_output=True,
        text=True,
        timeout=600,
    )


def zensical_build(config: Path, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`zensical build --strict` of `config` in a child process, as `make build ENGINE=zensical` runs it.

    A child process, because Zensical keeps its configuration in module globals and registers YAML tags on PyYAML's
    shared Loader. It writes into the config's `site_dir`, which must lie inside the config's folder, and its page
    cache into that folder's .cache/ (never pass --clean: it deletes all of .cache/, the Go build cache included).
    PYTHONPATH lets the macros package's relative imports resolve.
    """
    return subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict", "--config-file", str(config)],
        cwd=Path(config).parent,
        env=os.environ | {"PYTHONPATH": str(REPO)} | dict(env or {}),
        capture_output=True,
        text=True,
        timeout=600,
    )


# -- Serving on loopback --------------------------------------------------------------------------------------

_COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site the way GitHub Pages does: under its site_url path, gzipped, with 404.html for unknown paths.

    sitemap.xml names pages by the configured site_url; it is served with this server's URL instead, as on the real
    host, because Material's instant navigation only follows links its sitemap lists.
    """

    prefix = "/"
    site_url = ""
    served_url = ""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        logging.getLogger("mkdocs.plugins.gfbs.serve").debug(format, *args)

    def send_head(self) -> io.BytesIO | None:
        path = urlsplit(self.path).path
        local = Path(self.translate_path("/" + path[len(self.prefix) :])) if path.startswith(self.prefix) else None
        if local is not None and local.is_dir():
            if not path.endswith("/"):
                self._redirect(path + "/")
                return None
            local = local / "index.html"
        if local is None or not local.is_file():
            return self._send(404, Path(self.directory) / "404.html")
        if self.site_url and path == self.prefix + "sitemap.xml":
            text = local.read_text(encoding="utf-8").replace(self.site_url, self.served_url)
            return self._send(200, local, text.encode("utf-8"))
        return self._send(200, local)

    def _redirect(self, location: str) -> None:
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: int, path: Path, body: bytes | None = None) -> io.BytesIO:
        body = path.read_bytes() if body is None else body
        content_type = self.guess_type(str(path))
        compress = content_type.startswith(_COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", "")
        if compress:
            body = gzip.compress(body, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Vary", "Accept-Encoding")
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(site: Path, site_url: str = "", *, port: int = 0) -> Iterator[str]:
    """Serve `site`, built for `site_url`, at http://127.0.0.1:<port><its path> in a thread; yield that URL."""
    prefix = urlsplit(site_url).path or "/"
    handler: type[_SiteHandler] = type("Handler", (_SiteHandler,), {"prefix": prefix, "site_url": site_url})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(site)))
    handler.served_url = f"http://127.0.0.1:{server.server_port}{prefix}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield handler.served_url
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# -- Previewing ----------------------------------------------------------------------------------------------


def free_port() -> int:
    """A loopback port nobody listens on now (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fetch(url: str, *, timeout: float = 30) -> str:
    """The body of `url` as text; MkDocs' server holds a request while it rebuilds, hence the generous timeout."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        body: bytes = response.read()
        return body.decode("utf-8")


def _default_interrupt() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@dataclass
class Preview:
    """A running `mkdocs serve`: the URL of the site's root, and what the server has logged so far."""

    url: str
    log: Callable[[], str]


@contextlib.contextmanager
def mkdocs_serve(config: Path, *, watch: Sequence[Path] = (), timeout: float = 120) -> Iterator[Preview]:
    """`mkdocs serve --strict` of `config` in a child process on a free loopback port, as `make serve` runs it.

    Yields once the first build is served; stops the server on leaving (Ctrl-C, so MkDocs removes its temporary
    site) and raises with the server's log if it dies or does not start within `timeout`.
    """
    port = free_port()
    root = f"http://127.0.0.1:{port}/"
    args = [sys.executable, "-m", "mkdocs", "serve", "--strict", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"]
    args += [option for path in watch for option in ("--watch", str(path))]
    # The log goes to a file, not a pipe: nobody reads it while serving, and a full pipe would block the server.
    with tempfile.TemporaryFile() as log_file:
        server = subprocess.Popen(
            args,
            cwd=config.parent,
            env=os.environ | QUIET | {"SITE_URL": root},
            stdout=log_file,
            stderr=subprocess.STDOUT,
            # A job started in the background ignores Ctrl-C, and so would the server: it is stopped with Ctrl-C.
            preexec_fn=_default_interrupt,
        )

        def server_log() -> str:
            log_file.seek(0)
            return log_file.read().decode("utf-8", "replace")

        try:
            deadline = time.monotonic() + timeout
            while True:
                if server.poll() is not None:
                    raise RuntimeError(f"mkdocs serve exited with {server.returncode}:\n{server_log()}")
                try:
                    # The root redirects to the site's own path, so the final URL is where the pages are.
                    with urllib.request.urlopen(root, timeout=5) as response:
                        url = response.geturl()
                    break
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"mkdocs serve did not answer within {timeout:.0f} s:\n{server_log()}") from None
                    time.sleep(0.1)
            yield Preview(url, server_log)
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


# -- The browser ----------------------------------------------------------------------------------------------


def launch_chromium(playwright: Playwright) -> Browser:
    """Debian's Chromium, headless, through Playwright (which cannot download a browser of its own here)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
