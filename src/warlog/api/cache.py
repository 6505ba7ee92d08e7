"""Keeping the API's in-memory :class:`~warlog.api.catalog.Catalog` in step with the database file."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from pathlib import Path

from ..store import Store
from .catalog import Catalog


class CatalogCache:
    """One :class:`Catalog` per database, rebuilt when the file (or its WAL) has changed.

    ``open_store`` is called only to (re)build. The file's state is checked at most every
    ``check_every`` seconds, so a burst of requests costs one ``stat``. A database that is not a
    file (PostgreSQL) gives its own ``stamp``: any value that changes when the data does.
    """

    def __init__(
        self,
        path: str | Path,
        open_store: Callable[[], Store],
        *,
        check_every: float = 1.0,
        stamp: Callable[[], Hashable] | None = None,
    ) -> None:
        self.path = path
        self._read_stamp = stamp or self._file_stamp
        self._open = open_store
        self._check_every = check_every
        self._lock = threading.Lock()
        self._catalog: Catalog | None = None
        self._stamp: Hashable = None
        self._checked = 0.0

    def _file_stamp(self) -> tuple[int, ...]:
        """The database file's and its write-ahead log's mtime and size.

        An empty or absent WAL counts as (0, 0): every reader's connection creates an empty one
        and the last to close removes it, which changes no data.
        """
        stamp: list[int] = []
        for suffix in ("", "-wal"):
            try:
                st = Path(f"{self.path}{suffix}").stat()
                stamp += [st.st_mtime_ns, st.st_size] if st.st_size else [0, 0]
            except OSError:
                stamp += [0, 0]
        return tuple(stamp)

    def invalidate(self) -> None:
        with self._lock:
            self._catalog = None

    def get(self) -> Catalog:
        now = time.monotonic()
        catalog = self._catalog
        if catalog is not None and now - self._checked < self._check_every:
            return catalog
        with self._lock:
            stamp = self._read_stamp()
            self._checked = now
            if self._catalog is None or stamp != self._stamp:
                with self._open() as store:
                    self._catalog = Catalog(store)
                self._stamp = stamp
            return self._catalog
