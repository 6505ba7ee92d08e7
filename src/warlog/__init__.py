"""warlog: conflict news in, a verified, geolocated, source-attributed record of events out.

The public API is small: open a store, ingest into it, export from it.

    >>> from warlog import load_settings, open_store, ingest, export
    >>> settings = load_settings()
    >>> with open_store("events.db", settings=settings) as store:   # doctest: +SKIP
    ...     report = ingest(["articles.jsonl"], store=store, settings=settings)
    ...     export(store, "events", "events.csv", fmt="csv")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "ConfigError",
    "ExportError",
    "IngestError",
    "StoreError",
    "WarlogError",
    "export",
    "ingest",
    "load_settings",
    "open_store",
]

from .errors import ConfigError, ExportError, IngestError, StoreError, WarlogError
from .settings import load_settings

if TYPE_CHECKING:
    from .export import export
    from .pipeline import ingest
    from .store import open_store


def __getattr__(name: str) -> Any:
    # The heavy stages (spaCy, pyarrow) load only when asked for.
    if name == "ingest":
        from .pipeline import ingest

        return ingest
    if name == "open_store":
        from .store import open_store

        return open_store
    if name == "export":
        from .export import export

        return export
    raise AttributeError(f"module 'warlog' has no attribute {name!r}")
