"""Parquet: the flat tables, typed, read back with pyarrow."""

from __future__ import annotations

import io

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from warlog.export import KINDS, export
from warlog.export.tables import COLUMNS, rows

ARROW = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}


@pytest.mark.parametrize("kind", KINDS)
def test_export_parquet_round_trips(store, tmp_path, kind):
    out = tmp_path / f"{kind}.parquet"
    n = export(store, kind, out, fmt="parquet")
    table = pq.read_table(out)
    assert table.num_rows == n > 0
    assert table.schema == pa.schema([(name, ARROW[t]) for name, t in COLUMNS[kind]])
    assert table.to_pylist() == list(rows(store, kind))


def test_export_parquet_events_are_typed(store, tmp_path):
    out = tmp_path / "events.parquet"
    export(store, "events", out, fmt="parquet")
    events = {row["event_id"]: row for row in pq.read_table(out).to_pylist()}
    assert (events["a1:e1"]["fatalities"], events["a1:e1"]["latitude"]) == (2, 36.335)
    assert events["a1:e2"]["latitude"] is None


def test_export_parquet_to_a_binary_stream(store):
    buffer = io.BytesIO()
    n = export(store, "incidents", buffer, fmt="parquet")
    assert pq.read_table(io.BytesIO(buffer.getvalue())).num_rows == n == 2
