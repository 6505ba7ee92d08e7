"""The store: where warlog keeps articles, their analysis, incidents and ingest errors.

Open one with :func:`open_store`; everything else in warlog uses it through the
:class:`~warlog.store.base.Store` protocol, so no SQL lives outside this package.

    with open_store("warlog.db", settings=load_settings()) as store:
        store.save_article(article, analysis)
        print(store.stats())
"""

from __future__ import annotations

from pathlib import Path

from ..errors import StoreError
from ..settings import Settings
from .base import SearchHit, Store
from .sqlite import SQLiteStore

__all__ = ["SQLiteStore", "SearchHit", "Store", "open_store"]


def open_store(path: str | Path, *, settings: Settings) -> Store:
    """Open (creating and migrating as needed) the database at ``path``.

    ``path`` is a file path, ``":memory:"``, or a URL: ``sqlite:///relative.db`` or
    ``sqlite:////absolute/path.db`` (SQLAlchemy's convention). Other URLs, such as
    ``postgresql://``, raise StoreError W203: only SQLite is built so far.
    """
    target = path
    if isinstance(path, str) and "://" in path:
        scheme, _, rest = path.partition("://")
        if scheme.lower() != "sqlite":
            raise StoreError("W203", scheme=scheme)
        target = rest.removeprefix("/") or ":memory:"
    return SQLiteStore(target, busy_timeout_ms=settings["store"]["busy_timeout_ms"])
