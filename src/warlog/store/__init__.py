"""The store: where warlog keeps articles, their analysis, incidents and ingest errors.

Open one with :func:`open_store`; everything else in warlog uses it through the
:class:`~warlog.store.base.Store` protocol, so no SQL lives outside this package. SQLite is the
embedded default (:class:`SQLiteStore`); PostgreSQL is the server store (:class:`PostgresStore`).

    with open_store("warlog.db", settings=load_settings()) as store:
        store.save_article(article, analysis)
        print(store.stats())
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..settings import Settings
from .base import SearchHit, Store
from .sqlite import SQLiteStore
from .target import is_server, sqlite_target

if TYPE_CHECKING:
    from .postgres import PostgresStore

__all__ = ["PostgresStore", "SQLiteStore", "SearchHit", "Store", "open_store"]


def open_store(path: str | Path, *, settings: Settings) -> Store:
    """Open (creating and migrating as needed) the database at ``path``.

    ``path`` is a file path, ``":memory:"``, or a URL: ``sqlite:///relative.db`` or
    ``sqlite:////absolute/path.db`` (SQLAlchemy's convention) for SQLite, or
    ``postgresql://user:password@host:port/dbname`` (also ``postgres://``, and any libpq URL
    parameter) for a database on a PostgreSQL server, which must exist (warlog creates its
    tables). Other URL schemes raise StoreError W203; a server that cannot be reached, W202.
    """
    timeout_ms = settings["store"]["busy_timeout_ms"]
    if is_server(path):
        from .postgres import PostgresStore  # psycopg is imported only for a server store

        return PostgresStore(str(path), lock_timeout_ms=timeout_ms)
    return SQLiteStore(sqlite_target(path), busy_timeout_ms=timeout_ms)


def __getattr__(name: str) -> Any:
    if name == "PostgresStore":
        from .postgres import PostgresStore

        return PostgresStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
