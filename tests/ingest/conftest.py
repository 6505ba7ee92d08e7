"""Fixtures for the ingest tests: fast settings and a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from ingest_samples import ENTRY, PAGE, rss

from warlog.settings import Settings, load_settings


@dataclass
class LocalServer:
    """The running test server: its base URL and what it has seen."""

    base: str
    agents: list[str] = field(default_factory=list)
    starts: list[tuple[str, float]] = field(default_factory=list)


@pytest.fixture
def fast_settings() -> Settings:
    """Default settings with no politeness delay and short timeouts, so tests stay fast."""
    return load_settings(fetch={"host_delay": 0.0, "timeout": 0.5, "max_bytes": 20000, "concurrency": 2})


@pytest.fixture
def server() -> Iterator[LocalServer]:
    """An HTTP server on 127.0.0.1 serving pages, a feed and the usual failures."""
    state = LocalServer(base="")

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def send(self, status: int, kind: str, body: bytes, *, length: bool = True) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            if length:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(ConnectionError):  # the client gave up (the timeout test)
                self.wfile.write(body)

        def do_GET(self) -> None:
            state.agents.append(self.headers.get("User-Agent", ""))
            state.starts.append((self.path, time.monotonic()))
            path = self.path
            if path == "/page.html":
                self.send(200, "text/html; charset=utf-8", PAGE.encode())
            elif path == "/latin1.html":
                page = PAGE.replace("Velmora", "Vélmorà")
                self.send(200, "text/html; charset=iso-8859-1", page.encode("latin-1"))
            elif path.startswith("/entry"):
                body = "Shells struck the central market of the fictional town of Talsk, witnesses said."
                self.send(200, "text/html", ENTRY.format(title="Market shelled in Talsk", body=body).encode())
            elif path == "/feed.xml":
                self.send(200, "application/rss+xml", rss(state.base).encode())
            elif path == "/notfeed.xml":
                self.send(200, "application/xml", b"<?xml version='1.0'?><inventory><item/></inventory>")
            elif path == "/plain.txt":
                self.send(200, "text/plain", b"Headline here\nA plain text report from Talsk.\n")
            elif path == "/big.html":
                self.send(200, "text/html", b"<p>" + b"x" * 50000 + b"</p>")
            elif path == "/big-stream.html":
                self.send(200, "text/html", b"<p>" + b"y" * 50000 + b"</p>", length=False)
            elif path == "/image.png":
                self.send(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
            elif path == "/moved":
                self.send_response(302)
                self.send_header("Location", "/page.html")
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif path == "/slow":
                time.sleep(2.0)
                self.send(200, "text/html", PAGE.encode())
            else:
                self.send(404, "text/plain", b"not found")

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
