"""The SQLite implementation of :class:`warlog.store.base.Store`.

One connection in autocommit mode; every write method runs in its own ``BEGIN IMMEDIATE``
transaction, so a process killed mid-ingest leaves each article either fully stored or absent.
The database uses WAL (readers never block the writer), ``busy_timeout`` and foreign keys.
Everything but opening, transactions and search is shared with PostgreSQL in :mod:`.sqlstore`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .base import SearchHit
from .schema import Migration, load_migrations, migrate
from .sqlstore import MARK_CLOSE, MARK_OPEN, SQLStore


class SQLiteStore(SQLStore):
    """A warlog database in one SQLite file (or ``":memory:"``)."""

    def __init__(
        self,
        path: str | Path,
        *,
        busy_timeout_ms: int = 10000,
        migrations: Sequence[Migration] | None = None,
    ) -> None:
        self.path = str(path)
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError("W202", detail=f"{self.path}: {exc}") from exc
        try:
            self._conn.row_factory = sqlite3.Row
            self._conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")  # durable against a killed process in WAL
            self._conn.execute("PRAGMA foreign_keys = ON")
            migrate(self._conn, load_migrations() if migrations is None else migrations, path=self.path)
        except BaseException as exc:
            self._conn.close()
            if isinstance(exc, sqlite3.Error):
                raise StoreError("W202", detail=f"{self.path}: {exc}") from exc
            raise

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed when the block ends, rolled back if it raises."""
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError("W202", detail=exc) from exc
            raise

    def _cursor(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        try:
            return self._conn.execute(sql, params)
        except sqlite3.Error as exc:
            raise StoreError("W202", detail=exc) from exc

    def _in(self, column: str, values: Iterable[Any]) -> tuple[str, Any]:
        return f"{column} IN (SELECT value FROM json_each(?))", json.dumps(list(values))

    # -- search -----------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search (FTS5 syntax), best match (bm25) first; matches are marked «like this»."""
        if not query.strip():
            return []
        sql = (
            "SELECT a.article_id, a.title, snippet(articles_fts, -1, ?, ?, '…', 24)"
            " FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        try:
            hits = self._conn.execute(sql, (MARK_OPEN, MARK_CLOSE, query, limit)).fetchall()
        except sqlite3.OperationalError as exc:
            if "database" in str(exc):  # locked, busy, corrupt: not the query's fault
                raise StoreError("W202", detail=exc) from exc
            raise StoreError("W204", query=query, detail=exc) from exc
        return [(article_id, title, snippet) for article_id, title, snippet in hits]
