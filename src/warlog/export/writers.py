"""One writer per format: ``write(store, kind, out) -> records written``.

- ``jsonl``: one JSON record per line (:mod:`.records`, the contract's shapes), UTF-8.
- ``csv``: the flat table of :mod:`.tables` with a header row (RFC 4180, CRLF line ends).
- ``geojson``: a FeatureCollection of Point features whose ``properties`` are the JSONL record.
  Records without coordinates (unresolved or no location) are left out, so every feature has a
  geometry; the count returned is the number of features. The JSONL export has every record.
- ``parquet``: the flat table of :mod:`.tables` with typed columns (string, int64, float64);
  nested values are JSON strings, as in the CSV.
"""

from __future__ import annotations

import csv as csv_module
import json
from collections.abc import Callable, Iterator
from itertools import islice
from typing import IO, Any

from ..store import Store
from . import records, tables
from .records import Record

#: Rows per Parquet row group (and per batch held in memory).
PARQUET_BATCH_ROWS = 10_000


def jsonl(store: Store, kind: str, out: IO[str]) -> int:
    """Write ``kind`` as JSON Lines; return the number of records."""
    n = 0
    for record in records.RECORDS[kind](store):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def csv(store: Store, kind: str, out: IO[str]) -> int:
    """Write ``kind``'s flat table as CSV with a header; return the number of rows."""
    writer = csv_module.DictWriter(out, fieldnames=[name for name, _ in tables.COLUMNS[kind]])
    writer.writeheader()
    n = 0
    for row in tables.rows(store, kind):
        writer.writerow(row)
        n += 1
    return n


def _point(kind: str, record: Record) -> tuple[float, float] | None:
    """(lon, lat) of a record, or None when it has no coordinates."""
    where = record if kind == "places" else record.get("location") or {}
    lat, lon = where.get("lat"), where.get("lon")
    return None if lat is None or lon is None else (lon, lat)


def geojson(store: Store, kind: str, out: IO[str]) -> int:
    """Write the located records of ``kind`` as a GeoJSON FeatureCollection; return the features."""
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for record in records.RECORDS[kind](store):
        point = _point(kind, record)
        if point is None:
            continue
        feature = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": list(point)},
            "properties": record,
        }
        out.write(("\n" if n == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def parquet(store: Store, kind: str, out: IO[bytes]) -> int:
    """Write ``kind``'s flat table as Parquet; return the number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
    schema = pa.schema([(name, types[kind_]) for name, kind_ in tables.COLUMNS[kind]])
    # Written to memory first: Parquet needs to know its position, which a pipe cannot tell.
    sink = pa.BufferOutputStream()
    n = 0
    with pq.ParquetWriter(sink, schema) as writer:
        for batch in _batches(tables.rows(store, kind), PARQUET_BATCH_ROWS):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    out.write(sink.getvalue().to_pybytes())
    return n


def _batches(rows: Iterator[Record], size: int) -> Iterator[list[Record]]:
    while batch := list(islice(rows, size)):
        yield batch


#: format → writer
WRITERS: dict[str, Callable[[Store, str, IO[Any]], int]] = {
    "jsonl": jsonl,
    "csv": csv,
    "geojson": geojson,
    "parquet": parquet,
}
