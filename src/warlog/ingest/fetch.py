"""Polite HTTP fetching: timeouts, a size cap, accepted content types, per-host limits and delays.

A :class:`Fetcher` wraps one ``httpx.Client`` (built from the ``[fetch]`` settings, or passed
in) and is safe to share between threads. :meth:`Fetcher.fetch_many` runs requests in a
thread pool of ``fetch.concurrency`` workers, at most ``fetch.per_host`` at a time to one host
and starting at least ``fetch.host_delay`` seconds apart on that host, and yields results in
the order of the URLs given.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Generator, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import httpx

from ..errors import IngestError
from ..settings import Settings


@dataclass(frozen=True)
class Page:
    """A fetched response body with what is needed to decode and parse it."""

    url: str  # the URL asked for
    final_url: str  # after redirects
    content: bytes
    content_type: str  # media type, lower-cased, without parameters
    charset: str | None = None


class Fetcher:
    """Fetch pages and feeds over HTTP(S) under the limits of the ``[fetch]`` settings.

    Use it as a context manager, or call :meth:`close`, which closes the client only if the
    fetcher built it (a client passed in belongs to the caller).
    Requests always carry ``fetch.user_agent`` and ``fetch.timeout``, whatever the client's defaults.
    """

    def __init__(self, *, settings: Settings, client: httpx.Client | None = None) -> None:
        config = settings["fetch"]
        self.timeout = float(config["timeout"])
        self.max_bytes = int(config["max_bytes"])
        self.concurrency = max(1, int(config["concurrency"]))
        self.per_host = max(1, int(config["per_host"]))
        self.host_delay = float(config["host_delay"])
        self.user_agent = str(config["user_agent"])
        self.content_types = frozenset(str(kind).lower() for kind in config["content_types"])
        self.client = client or httpx.Client()
        self._owns_client = client is None
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the client if this fetcher built it."""
        if self._owns_client:
            self.client.close()

    def fetch(self, url: str) -> Page:
        """GET ``url`` politely; raises :class:`IngestError` W109 saying why it failed."""
        try:
            host = self._host(httpx.URL(url).host)
        except httpx.InvalidURL as exc:
            raise IngestError("W109", detail=f"invalid URL: {exc}") from exc
        with host.slots:
            host.wait_turn(self.host_delay)
            try:
                return self._get(url)
            except httpx.TimeoutException as exc:
                raise IngestError("W109", detail=f"timed out after {self.timeout:g} s") from exc
            except httpx.HTTPError as exc:
                raise IngestError("W109", detail=f"{type(exc).__name__}: {exc}") from exc

    def fetch_many(self, urls: Iterable[str]) -> Generator[tuple[str, Page | IngestError], None, None]:
        """Fetch ``urls`` concurrently, yielding ``(url, page or error)`` in the order given."""
        with ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="warlog-fetch") as pool:
            pending: deque[tuple[str, Future[Page]]] = deque()
            for url in urls:
                pending.append((url, pool.submit(self.fetch, url)))
                if len(pending) >= 4 * self.concurrency:
                    yield _result(*pending.popleft())
            while pending:
                yield _result(*pending.popleft())

    def _get(self, url: str) -> Page:
        headers = {"User-Agent": self.user_agent}
        with self.client.stream(
            "GET", url, headers=headers, timeout=self.timeout, follow_redirects=True
        ) as response:
            if response.status_code >= 400:
                raise IngestError("W109", detail=f"HTTP {response.status_code} {response.reason_phrase}")
            content_type, charset = _media_type(response.headers.get("content-type", ""))
            if content_type not in self.content_types:
                raise IngestError(
                    "W109", detail=f"content type {content_type or 'missing'!r} is not accepted"
                )
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise IngestError("W109", detail=f"response is {declared} bytes, over {self.max_bytes}")
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > self.max_bytes:
                    raise IngestError("W109", detail=f"response is over {self.max_bytes} bytes")
            return Page(url, str(response.url), bytes(body), content_type, charset)

    def _host(self, name: str) -> _Host:
        with self._hosts_lock:
            if name not in self._hosts:
                self._hosts[name] = _Host(self.per_host)
            return self._hosts[name]


class _Host:
    """Per-host politeness: a bound on simultaneous requests and the earliest next start."""

    def __init__(self, slots: int) -> None:
        self.slots = threading.BoundedSemaphore(slots)
        self._lock = threading.Lock()
        self._next_start = 0.0

    def wait_turn(self, delay: float) -> None:
        with self._lock:
            start = max(time.monotonic(), self._next_start)
            self._next_start = start + delay
        time.sleep(max(0.0, start - time.monotonic()))


def _result(url: str, future: Future[Page]) -> tuple[str, Page | IngestError]:
    try:
        return url, future.result()
    except IngestError as exc:
        return url, exc


def _media_type(header: str) -> tuple[str, str | None]:
    kind, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return kind.strip().lower(), charset
