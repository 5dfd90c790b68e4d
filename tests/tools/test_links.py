"""`make links` (tools.links): lychee against a loopback server, each dead link by file and line, and the data file's sources."""

from __future__ import annotations

import contextlib
import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.sites import FIXTURES
from tools import links
from tools.check import Failure

TIMEOUT = 1  # seconds: the least lychee takes; the slow page answers well after it


class _Fixtures(http.server.BaseHTTPRequestHandler):
    """A live page, a missing one, a redirect to the live one, and one that answers after the checker gave up."""

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(TIMEOUT * 3)
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/live")
            self.end_headers()
            return
        status = 200 if self.path in ("/live", "/slow") else 404
        body = b"<html><body>fixture</body></html>"
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_HEAD = do_GET

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """The checker hangs up on the slow page before it answers: that is the point, not an error."""


@contextlib.contextmanager
def _server() -> Iterator[str]:
    server = _Server(("127.0.0.1", 0), _Fixtures)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


PAGE = """---
title: Links
description: A page with one link of each kind.
---

# Links

A [live page]({url}/live) stays quiet.
A [missing page]({url}/missing) is dead.
A [moved page]({url}/moved) redirects to the live one.
A [slow page]({url}/slow) times out.

```text
{url}/in-code is never checked
```
"""


def test_dead_links_are_reported_by_file_and_line(tmp_path: Path, capsys) -> None:
    """The 404 and the timeout are reported with their page and line; the live page, the redirect and code are not."""
    docs = tmp_path / "docs"
    docs.mkdir()
    report = tmp_path / "dead.md"
    with _server() as url:
        (docs / "links.md").write_text(PAGE.format(url=url), encoding="utf-8")
        # No retries: each would wait out the slow page again, and what is reported does not change.
        status = links.main(["--docs", str(docs), "--timeout", str(TIMEOUT), "--retries", "0", "--report", str(report)])
    out = capsys.readouterr().out.splitlines()
    assert status == 1
    assert [line.split(": ", 2)[:2] for line in out] == [
        ["docs/links.md:9", f"{url}/missing"],
        ["docs/links.md:11", f"{url}/slow"],
    ]
    assert out[0].endswith("404 Not Found") and out[1].endswith("Timeout")
    assert report.read_text(encoding="utf-8").startswith("2 dead link(s)")


def test_every_source_of_the_data_file_is_listed_at_its_line() -> None:
    """Each source URL of the fixture data file comes with its entry's field and a line that names it."""
    fixture = FIXTURES / "ecosystem.yml"
    found = links.data_links(fixture, label="ecosystem.yml")
    lines = fixture.read_text(encoding="utf-8").splitlines()
    assert len(found) >= 4
    assert "https://kubernetes.io/docs/concepts/overview/" in [link.url for link in found]
    for link in found:
        assert link.url in lines[link.line - 1], link
        assert link.field.endswith("source"), link


@pytest.mark.parametrize("dead", [[], [Failure("docs/a.md", 3, "https://x.example/", "404 Not Found")]])
def test_report_lists_each_dead_link_or_says_all_answered(dead: list[Failure]) -> None:
    """The weekly issue's body: a bullet per dead link with file and line, or one line when every link answered."""
    text = links.report_markdown(dead)
    assert ("- `docs/a.md:3`: <https://x.example/>: 404 Not Found" in text) if dead else text.startswith("Every external link")
