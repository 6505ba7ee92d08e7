"""The PostgreSQL implementation of :class:`warlog.store.base.Store` (psycopg 3).

One connection in autocommit mode with server-side parameters. Every write method runs in its
own transaction that first takes a transaction-level advisory lock, so writers take turns as they
do on SQLite (``BEGIN IMMEDIATE``): a process killed mid-ingest leaves each article either fully
stored or absent, and two processes ingesting the same article store it once. Reads of whole
tables stream through a server-side cursor instead of loading every row into memory.

Everything but opening, transactions and search is shared with SQLite in :mod:`.sqlstore`, whose
``?`` and ``:name`` parameters are rewritten here to psycopg's ``%s`` and ``%(name)s``. Search
takes the same FTS5 syntax (see :mod:`.tsquery`) and runs on a ``tsvector`` column.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import psycopg
from psycopg.rows import RowMaker

from ..errors import StoreError
from .base import SearchHit
from .postgres_schema import advisory_key, migrate
from .schema import POSTGRES_MIGRATIONS, Migration, load_migrations
from .sqlstore import BATCH, MARK_CLOSE, MARK_OPEN, SQLStore
from .target import redact
from .tsquery import QuerySyntaxError, fts5_to_tsquery

#: The transaction-level advisory lock every write transaction holds (writers take turns).
WRITE_LOCK = advisory_key("warlog.write")
#: Seconds to wait for the server to accept a connection before giving up (W202), unless the URL
#: sets connect_timeout itself; libpq's default is to wait forever.
CONNECT_TIMEOUT_S = 10
#: ts_rank's weights of the D, C, B, A lexemes: title (A) and text (B) words count the same, as in
#: FTS5's bm25 with no column weights.
RANK_WEIGHTS = [1.0, 1.0, 1.0, 1.0]
#: ts_rank normalisation 1: divide by 1 + log(document length), so that a short article where the
#: words stand out ranks above a long one that mentions them in passing (bm25 does the same).
RANK_NORMALISATION = 1
#: ts_headline: one fragment of 12 to 24 words (FTS5's snippet gives up to 24 tokens; 12 keeps a
#: fragment readable) around the best match, matched words marked as in the SQLite store. Like
#: FTS5's snippet of column -1, it is taken from the text when the text matches by itself (its
#: lexemes have weight B), else from the title.
HEADLINE = f"StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}, MaxWords=24, MinWords=12, MaxFragments=1"
SEARCH_SQL = """
WITH q AS (SELECT to_tsquery('simple', %(tsquery)s) AS query),
hits AS (
    SELECT a.seq, ts_rank(%(weights)s::real[], a.search, q.query, %(norm)s::integer) AS rank
    FROM articles a, q WHERE a.search @@ q.query
    ORDER BY rank DESC, a.seq LIMIT %(limit)s
)
SELECT a.article_id, a.title,
       CASE WHEN ts_filter(a.search, '{b}') @@ q.query
            THEN ts_headline('simple', a.text, q.query, %(headline)s)
            ELSE ts_headline('simple', coalesce(a.title, ''), q.query, %(headline)s) END
FROM hits JOIN articles a ON a.seq = hits.seq, q
ORDER BY hits.rank DESC, hits.seq
"""

#: A ``?`` or ``:name`` parameter (not the ``::`` of a cast). The shared SQL has neither inside
#: string literals.
_PARAMETER = re.compile(r"(?<![:\w]):(\w+)|\?")
#: Statements (and result shapes) remembered: the store runs a few dozen distinct ones.
_CACHED = 256


@lru_cache(maxsize=_CACHED)
def _pg(sql: str) -> str:
    """sqlite3-style SQL (``?``, ``:name``) in psycopg's style (``%s``, ``%(name)s``, ``%%``)."""
    escaped = sql.replace("%", "%%")
    return _PARAMETER.sub(lambda m: f"%({m[1]})s" if m[1] else "%s", escaped)


class PgRow(tuple[Any, ...]):
    """A row that, like ``sqlite3.Row``, is a tuple and can also be indexed by column name."""

    __slots__ = ()
    _columns: dict[str, int] = {}

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._columns[key])
        return tuple.__getitem__(self, key)


@lru_cache(maxsize=_CACHED)
def _row_class(columns: tuple[str, ...]) -> type[PgRow]:
    index = {name: i for i, name in enumerate(columns)}
    return type("PgRow", (PgRow,), {"__slots__": (), "_columns": index})


def pg_rows(cursor: Any) -> RowMaker[PgRow]:
    """psycopg row factory making :class:`PgRow` rows."""
    description = cursor.description or ()
    return _row_class(tuple(column.name for column in description))


class _Transaction:
    """The write transaction handed to the shared code: sqlite3's parameter style, and a note of
    whether anything was written (only then is ``store_changes`` counted up)."""

    def __init__(self, cursor: psycopg.Cursor[PgRow]) -> None:
        self._cursor = cursor
        self.wrote = False

    def execute(self, sql: str, params: Any = (), /) -> psycopg.Cursor[PgRow]:
        self.wrote = self.wrote or not sql.lstrip().upper().startswith("SELECT")
        return self._cursor.execute(_pg(sql), params)

    def executemany(self, sql: str, rows: list[dict[str, Any]], /) -> None:
        if rows:
            self.wrote = True
            self._cursor.executemany(_pg(sql), rows)


class PostgresStore(SQLStore):
    """A warlog database on a PostgreSQL server, given as a ``postgresql://`` (or ``postgres://``) URL."""

    def __init__(
        self,
        url: str,
        *,
        lock_timeout_ms: int = 10000,
        migrations: Sequence[Migration] | None = None,
    ) -> None:
        self.path = redact(url)
        self._names = itertools.count()
        options: dict[str, Any] = {} if "connect_timeout" in url else {"connect_timeout": CONNECT_TIMEOUT_S}
        try:
            self._conn = psycopg.connect(url, autocommit=True, row_factory=pg_rows, **options)
        except psycopg.Error as exc:
            raise StoreError("W202", detail=f"{self.path}: {_without_secrets(exc, url)}") from exc
        try:
            # as long as SQLite's busy timeout: how long a writer waits for another's lock
            self._conn.execute("SELECT set_config('lock_timeout', %s, false)", (f"{int(lock_timeout_ms)}ms",))
            migrate(
                self._conn,
                load_migrations(POSTGRES_MIGRATIONS) if migrations is None else migrations,
                path=self.path,
            )
        except BaseException as exc:
            self._conn.close()
            if isinstance(exc, psycopg.Error):
                raise StoreError("W202", detail=f"{self.path}: {exc}") from exc
            raise

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    @contextmanager
    def _write(self) -> Iterator[_Transaction]:
        """One write transaction, after the other writers': committed when the block ends, rolled
        back if it raises."""
        try:
            with self._conn.transaction(), self._conn.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                tx = _Transaction(cursor)
                yield tx
                if tx.wrote:
                    cursor.execute("UPDATE store_changes SET commits = commits + 1")
        except psycopg.Error as exc:
            raise StoreError("W202", detail=exc) from exc

    def _cursor(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor[PgRow]:
        try:
            return self._conn.execute(_pg(sql), params)
        except psycopg.Error as exc:
            raise StoreError("W202", detail=exc) from exc

    def _in(self, column: str, values: Iterable[Any]) -> tuple[str, Any]:
        return f"{column} = ANY(?)", list(values)

    def _batches(self, sql: str, params: Sequence[Any] = ()) -> Iterator[list[Any]]:
        """A server-side cursor ``WITH HOLD``: it outlives the implicit transaction that declares
        it, so the rows come :data:`BATCH` at a time while other statements (writes included) run."""
        try:
            with self._conn.cursor(f"warlog_{next(self._names)}", withhold=True) as cursor:
                cursor.execute(_pg(sql), params)
                while batch := cursor.fetchmany(BATCH):
                    yield batch
        except psycopg.Error as exc:
            raise StoreError("W202", detail=exc) from exc

    def revision(self) -> int:
        """How many write transactions have been committed: it changes whenever the stored data
        does (the API rebuilds its index when it sees it change)."""
        row = self._cursor("SELECT commits FROM store_changes").fetchone()
        return int(row[0]) if row else 0

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search (FTS5 syntax, see :mod:`.tsquery`), best match first; matches «marked»."""
        if not query.strip():
            return []
        try:
            tsquery = fts5_to_tsquery(query)
        except QuerySyntaxError as exc:
            raise StoreError("W204", query=query, detail=exc) from exc
        params = {
            "tsquery": tsquery,
            "weights": RANK_WEIGHTS,
            "norm": RANK_NORMALISATION,
            "limit": limit,
            "headline": HEADLINE,
        }
        try:
            hits = self._conn.execute(SEARCH_SQL, params).fetchall()
        except psycopg.errors.SyntaxError as exc:  # a tsquery that the translation got wrong
            raise StoreError("W204", query=query, detail=exc) from exc
        except psycopg.Error as exc:
            raise StoreError("W202", detail=exc) from exc
        return [(article_id, title, snippet) for article_id, title, snippet in hits]


def _without_secrets(exc: Exception, url: str) -> str:
    """The text of a connection error, with the URL in it (if any) redacted."""
    return str(exc).replace(url, redact(url))
