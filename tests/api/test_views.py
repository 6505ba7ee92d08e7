"""View helpers: text segments for highlighting, attribution-chain layout, CSV flattening."""

from __future__ import annotations

import csv
import io

from warlog.api.views import chain_graph, flatten, segments, to_csv, to_geojson


def test_views_segments_cover_the_text_exactly():
    text = "Rebels shelled Kessra on Monday."
    marks = [
        {"start": 0, "end": 32, "kind": "evidence"},
        {"start": 7, "end": 14, "kind": "trigger"},
        {"start": 15, "end": 21, "kind": "place"},
    ]
    parts = segments(text, marks)
    assert "".join(p for p, _ in parts) == text
    assert ("shelled", ("evidence", "trigger")) in parts and ("Kessra", ("evidence", "place")) in parts


def test_views_segments_handle_overlaps_and_bad_offsets():
    text = "abcdef"
    parts = segments(
        text,
        [
            {"start": 0, "end": 4, "kind": "a"},
            {"start": 2, "end": 6, "kind": "b"},
            {"start": 5, "end": 99, "kind": "bad"},
            {"start": 3, "end": 3, "kind": "empty"},
        ],
    )
    assert parts == [("ab", ("a",)), ("cd", ("a", "b")), ("ef", ("b",))]


def test_views_segments_without_marks_is_one_piece():
    assert segments("plain", []) == [("plain", ())]
    assert segments("", []) == []


def test_views_chain_graph_lays_boxes_left_to_right():
    g = chain_graph(
        [
            {"name": "Daily Ledger", "kind": "media"},
            {"name": "a very long name of an official body", "kind": "official"},
        ]
    )
    assert [n["x"] for n in g["nodes"]] == [0, 180] and len(g["arrows"]) == 1
    assert g["nodes"][1]["label"].endswith("…") and len(g["nodes"][1]["label"]) == 20
    assert g["width"] == 330


def test_views_flatten_nests_objects_and_encodes_lists():
    row = flatten({"id": "i1", "location": {"lat": 1.5, "name": "X"}, "event_ids": ["a", "b"], "n": None})
    assert row == {
        "id": "i1",
        "location_lat": 1.5,
        "location_name": "X",
        "event_ids_json": '["a", "b"]',
        "n": None,
    }


def test_views_to_csv_writes_a_header_and_rows():
    rows = list(csv.DictReader(io.StringIO(to_csv([{"a": 1, "b": {"c": 2}}, {"a": 3, "b": {"c": 4}}]))))
    assert rows == [{"a": "1", "b_c": "2"}, {"a": "3", "b_c": "4"}]
    assert to_csv([]) == ""


def test_views_to_geojson_skips_unlocated_records():
    fc = to_geojson([{"location": {"lat": 1.0, "lon": 2.0}}, {"location": None}, {"lat": 3.0, "lon": 4.0}])
    assert [f["geometry"]["coordinates"] for f in fc["features"]] == [[2.0, 1.0], [4.0, 3.0]]
