"""The export entry point: kinds, formats, outputs and errors."""

from __future__ import annotations

import io

import pytest

import warlog.export
from warlog.errors import ExportError
from warlog.export import FORMATS, KINDS, export, formats_for


def test_export_public_names():
    assert warlog.export.__all__ == ["FORMATS", "KINDS", "export", "formats_for"]
    assert KINDS == ("articles", "events", "places", "incidents", "errors", "sources", "outlets")
    assert FORMATS == ("jsonl", "csv", "geojson", "parquet")


def test_export_formats_for_kinds():
    assert formats_for("events") == FORMATS
    assert formats_for("articles") == ("jsonl", "csv", "parquet")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_export_every_kind_and_format_writes_a_file(store, tmp_path, kind, fmt):
    out = tmp_path / f"{kind}.{fmt}"
    if fmt not in formats_for(kind):
        with pytest.raises(ExportError) as caught:
            export(store, kind, out, fmt=fmt)
        assert caught.value.code == "W402"
        assert not out.exists()
        return
    n = export(store, kind, out, fmt=fmt)
    assert n > 0
    assert out.stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_export_unknown_kind_is_refused(store, tmp_path):
    with pytest.raises(ExportError) as caught:
        export(store, "actors", tmp_path / "x.jsonl")
    assert caught.value.code == "W401"
    assert "articles, events" in str(caught.value)


def test_export_dash_writes_to_stdout(store, capsys):
    n = export(store, "errors", "-")
    assert n == 1
    assert capsys.readouterr().out.startswith('{"origin": "in.jsonl"')


def test_export_to_an_open_text_stream(store):
    buffer = io.StringIO()
    assert export(store, "sources", buffer) == len(buffer.getvalue().splitlines()) == 4


def test_export_unwritable_path_is_an_export_error(store, tmp_path):
    with pytest.raises(ExportError) as caught:
        export(store, "events", tmp_path / "missing" / "events.jsonl")
    assert caught.value.code == "W403"


def test_export_failure_leaves_an_existing_file_untouched(store, tmp_path, monkeypatch):
    out = tmp_path / "events.jsonl"
    out.write_text("previous\n", encoding="utf-8")

    def broken(_store):
        yield {"event_id": "half"}
        raise OSError("disk full")

    monkeypatch.setitem(warlog.export.records.RECORDS, "events", broken)
    with pytest.raises(ExportError):
        export(store, "events", out)
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "events.jsonl",
        "warlog.db",
        "warlog.db-shm",
        "warlog.db-wal",
    ]
