"""Export: write what the store holds as JSON Lines, CSV, GeoJSON or Parquet.

    export(store, "events", "events.csv", fmt="csv")     # ACLED-style columns
    export(store, "incidents", "-")                      # JSON Lines on standard output
    export(store, "outlets", "outlets.csv", fmt="csv")   # per-outlet reliability profile

JSON Lines records follow ``shared/contract/*.schema.json`` (:mod:`.records`); CSV and Parquet
hold the same flat table (:mod:`.tables`); GeoJSON keeps the located records (:mod:`.writers`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..errors import ExportError
from ..store import Store
from .writers import WRITERS

__all__ = ["FORMATS", "KINDS", "export", "formats_for"]

KINDS = ("articles", "events", "places", "incidents", "errors", "sources", "outlets")
FORMATS = ("jsonl", "csv", "geojson", "parquet")
_LOCATED_KINDS = ("events", "places", "incidents")


def formats_for(kind: str) -> tuple[str, ...]:
    """The formats available for ``kind``: GeoJSON only for kinds that have a place."""
    return FORMATS if kind in _LOCATED_KINDS else tuple(f for f in FORMATS if f != "geojson")


def export(store: Store, kind: str, out: str | Path | IO[Any], *, fmt: str = "jsonl") -> int:
    """Write every record of ``kind`` to ``out`` in format ``fmt``; return the number written.

    ``out`` is a path (written to a temporary file beside it, renamed into place when complete),
    ``"-"`` for standard output, or an open file: text mode for jsonl/csv/geojson (CSV wants
    ``newline=""``), binary for parquet. Raises ExportError W401 (unknown kind), W402 (format not
    available for that kind) or W403 (cannot write).
    """
    if kind not in KINDS:
        raise ExportError("W401", kind=kind, kinds=", ".join(KINDS))
    if fmt not in formats_for(kind):
        raise ExportError("W402", fmt=fmt, kind=kind, formats=", ".join(formats_for(kind)))
    try:
        with _opened(out, binary=fmt == "parquet") as stream:
            return WRITERS[fmt](store, kind, stream)
    except OSError as exc:
        raise ExportError("W403", out=_name(out), detail=exc) from exc


def _name(out: str | Path | IO[Any]) -> str:
    if isinstance(out, str | Path):
        return "<stdout>" if out == "-" else str(out)
    return str(getattr(out, "name", "<stream>"))


@contextmanager
def _opened(out: str | Path | IO[Any], *, binary: bool) -> Iterator[IO[Any]]:
    if isinstance(out, str) and out == "-":
        stream: IO[Any] = sys.stdout.buffer if binary else sys.stdout
        yield stream
        stream.flush()
    elif isinstance(out, str | Path):
        path = Path(out)
        part = path.with_name(f".{path.name}.part")
        try:
            with part.open("wb") if binary else part.open("w", encoding="utf-8", newline="") as stream:
                yield stream
            os.replace(part, path)
        finally:
            part.unlink(missing_ok=True)
    else:
        yield out
