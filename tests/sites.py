"""A website on 127.0.0.1 for the harvest tests: pages from a dict, every request logged.

The server answers conditional requests the way static web servers do
(``ETag``/``If-None-Match``, ``Last-Modified``/``If-Modified-Since`` → 304),
is bounded in requests (past ``max_requests`` it answers 503) and in time
(it shuts itself down after ``lifetime`` seconds), and never reaches
anything beyond the loopback interface.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LAST_MODIFIED = 1_704_067_200  # 2024-01-01T00:00:00Z: a year-old page, fresh for weeks by heuristic


@dataclass
class Page:
    """One resource of the site."""

    body: bytes
    content_type: str = "text/html; charset=utf-8"
    last_modified: float = LAST_MODIFIED
    wait: float = 0.0  # seconds before the server answers (a slow site)

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'


@dataclass
class Hit:
    """One request the server received: when, and when it had answered (0 until then)."""

    time: float
    path: str
    status: int
    user_agent: str
    conditional: bool
    done: float = 0.0


@dataclass
class Site:
    """A site served from ``pages`` (keyed by path with query) while used as a context manager."""

    pages: dict[str, Page] = field(default_factory=dict)
    max_requests: int = 400
    lifetime: float = 300.0
    log: list[Hit] = field(default_factory=list)

    def __enter__(self) -> Site:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site._answer(self)

            def log_message(self, format: str, *args: object) -> None:
                """Silent: the test reads ``site.log``."""

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,))
        self._thread.start()
        self._timer = threading.Timer(self.lifetime, self._server.shutdown)
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    @property
    def root(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.root + path

    def hits(self, path: str, status: int | None = None) -> list[Hit]:
        """The requests for ``path`` (answered with ``status``, when given)."""
        return [h for h in self.log if h.path == path and status in (None, h.status)]

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        started = time.monotonic()
        page = self.pages.get(handler.path)
        etag = handler.headers.get("If-None-Match")
        since = handler.headers.get("If-Modified-Since")
        if len(self.log) >= self.max_requests:  # bounded: a runaway crawler gets 503s
            status = 503
        elif page is None:
            status = 404
        elif etag == page.etag or (
            etag is None
            and since
            and parsedate_to_datetime(since).timestamp() >= page.last_modified
        ):
            status = 304
        else:
            status = 200
        hit = Hit(
            started,
            handler.path,
            status,
            handler.headers.get("User-Agent", ""),
            bool(etag or since),
        )
        self.log.append(hit)
        if page is not None and status == 200:
            time.sleep(page.wait)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up
            self._send(handler, page, status)
        hit.done = time.monotonic()

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, page: Page | None, status: int) -> None:
        handler.send_response(status)
        if page is not None and status in (200, 304):
            handler.send_header("ETag", page.etag)
            handler.send_header("Last-Modified", formatdate(page.last_modified, usegmt=True))
        body = page.body if page is not None and status == 200 else b""
        if status == 200:
            handler.send_header("Content-Type", page.content_type)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
        handler.wfile.flush()
