"""GeoJSON: a FeatureCollection of the located records."""

from __future__ import annotations

import json

import pytest

from warlog.export import export


def _geojson(store, kind, tmp_path) -> tuple[int, dict]:
    out = tmp_path / f"{kind}.geojson"
    n = export(store, kind, out, fmt="geojson")
    return n, json.loads(out.read_text(encoding="utf-8"))


def _assert_valid_feature_collection(collection: dict) -> None:
    """The parts of RFC 7946 a reader relies on."""
    assert collection["type"] == "FeatureCollection"
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


@pytest.mark.parametrize(("kind", "schema", "ids"), [
    ("events", "event", ["a1:e1"]),
    ("places", "place", ["MOSUL"]),
    ("incidents", "incident", ["i1"]),
])  # fmt: skip
def test_export_geojson_keeps_only_located_records(store, tmp_path, schema_validator, kind, schema, ids):
    n, collection = _geojson(store, kind, tmp_path)
    _assert_valid_feature_collection(collection)
    assert n == len(collection["features"])
    key = {"events": "event_id", "places": "text", "incidents": "incident_id"}[kind]
    assert [f["properties"][key] for f in collection["features"]] == ids
    validator = schema_validator(schema)
    for feature in collection["features"]:
        assert not list(validator.iter_errors(feature["properties"]))


def test_export_geojson_coordinates_are_lon_lat(store, tmp_path):
    _, collection = _geojson(store, "events", tmp_path)
    assert collection["features"][0]["geometry"]["coordinates"] == [43.119, 36.335]


def test_export_geojson_empty_store_is_an_empty_collection(tmp_path, settings):
    from warlog.store import open_store

    with open_store(":memory:", settings=settings) as empty:
        n, collection = _geojson(empty, "events", tmp_path)
    assert (n, collection) == (0, {"type": "FeatureCollection", "features": []})
