"""Serving a built site on 127.0.0.1 the way a static host does, for tests that drive Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit



class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under `prefix` and answers unknown paths with its 404.html, like GitHub Pages.

    sitemap.xml names pages by the configured site_url; it is served with this server's URL instead,
    as on the real host, because Material's instant navigation only follows links its sitemap lists.
    """

    prefix = "/"
    site_url = ""
    served_url = ""

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_head(self):
        path = urlsplit(self.path).path
        local = Path(self.translate_path(path))
        if path.startswith(self.prefix) and (local.is_file() or (local / "index.html").is_file()):
            if self.site_url and path == self.prefix + "sitemap.xml":
                text = local.read_text(encoding="utf-8").replace(self.site_url, self.served_url)
                return self._send(200, "application/xml", text.encode("utf-8"))
            return super().send_head()
        return self._send(404, "text/html; charset=utf-8", (Path(self.directory) / "404.html").read_bytes())

    def _send(self, status: int, content_type: str, body: bytes) -> io.BytesIO:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        """Keep the test output quiet."""


@contextlib.contextmanager
def serve(site: Path, site_url: str = "") -> Iterator[str]:
    """Serve `site`, built for `site_url`, at http://127.0.0.1:<free port><its path> in a thread; yield that URL."""
    prefix = urlsplit(site_url).path or "/"
    handler = type("Handler", (_SiteHandler,), {"prefix": prefix, "site_url": site_url})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    handler.served_url = f"http://127.0.0.1:{server.server_port}{prefix}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield handler.served_url
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
