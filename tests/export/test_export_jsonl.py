"""JSON Lines: every record follows the shared contract."""

from __future__ import annotations

import json

import pytest

from warlog.export import export


def _jsonl(store, kind, tmp_path) -> list[dict]:
    out = tmp_path / f"{kind}.jsonl"
    n = export(store, kind, out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert n == len(lines)
    return [json.loads(line) for line in lines]


@pytest.mark.parametrize(
    ("kind", "schema", "count"),
    [
        ("articles", "article", 3),
        ("events", "event", 3),
        ("places", "place", 3),
        ("incidents", "incident", 2),
    ],
)
def test_export_jsonl_validates_against_the_contract(store, tmp_path, schema_validator, kind, schema, count):
    validator = schema_validator(schema)
    records = _jsonl(store, kind, tmp_path)
    assert len(records) == count
    for record in records:
        errors = [e.message for e in validator.iter_errors(record)]
        assert not errors, (record, errors)


def test_export_jsonl_articles_published_is_an_iso_date_or_null(store, tmp_path):
    articles = {a["article_id"]: a for a in _jsonl(store, "articles", tmp_path)}
    assert articles["a1"]["published"] == "2017-03-07"  # the date part of a datetime
    assert articles["a2"]["published"] is None  # "March 7, 2017" is not ISO: null, not a schema violation
    assert articles["a1"]["main_event_id"] == "a1:e1"
    assert articles["a3"]["main_event_id"] is None
    assert articles["a3"]["language"] == "fr"


def test_export_jsonl_events_carry_location_evidence_sources(store, tmp_path):
    events = {e["event_id"]: e for e in _jsonl(store, "events", tmp_path)}
    text = store.get_article("a1").text
    clash = events["a1:e1"]
    assert clash["location"] == {
        "start": 0, "end": 5, "text": "MOSUL", "name": "Mosul", "geonames_id": 99072, "lat": 36.335,
        "lon": 43.119, "country_code": "IQ", "admin1": "Nineveh", "feature_class": "P", "feature_code": None,
    }  # fmt: skip
    assert text[clash["evidence"]["start"] : clash["evidence"]["end"]] == clash["evidence_text"]
    assert clash["evidence_text"].startswith("MOSUL - A foreign jihadi leader")
    assert [s["name"] for s in clash["sources"]] == ["Daily Mail", "ARA News", "Ali al-Hussein"]
    hussein = clash["sources"][2]
    assert text[hussein["start"] : hussein["end"]] == "Ali al-Hussein"
    assert (clash["fatalities"], clash["injuries"], clash["certainty"]) == (2, 20, "hedged")
    assert text[clash["field_spans"]["injuries"]["start"] : clash["field_spans"]["injuries"]["end"]] == "20"
    assert clash["incident_id"] == "i1"
    assert events["a1:e2"]["location"] is None
    unresolved = events["a2:e1"]["location"]
    assert (unresolved["text"], unresolved["name"], unresolved["lat"]) == ("Mosul", None, None)


def test_export_jsonl_incidents_have_fatality_ranges_and_reasons(store, tmp_path):
    incidents = {i["incident_id"]: i for i in _jsonl(store, "incidents", tmp_path)}
    assert incidents["i1"]["fatalities"] == {"low": 2, "high": 2, "best": 2}
    assert incidents["i1"]["event_ids"] == ["a1:e1", "a2:e1"]
    assert incidents["i1"]["reasons"] == ["same day and place"]
    assert incidents["i2"]["location"] is None
    assert incidents["i2"]["contradictions"] == ["none really"]


def test_export_jsonl_places_are_every_mention(store, tmp_path):
    places = _jsonl(store, "places", tmp_path)
    assert [(p["article_id"], p["text"], p["name"]) for p in places] == [
        ("a1", "MOSUL", "Mosul"),
        ("a1", "province", None),
        ("a2", "Mosul", None),
    ]


def test_export_jsonl_sources_count_events_articles_and_origins(store, tmp_path):
    sources = _jsonl(store, "sources", tmp_path)
    ids = {"event_ids": ["a1:e1"], "article_ids": ["a1"]}
    assert sources == [
        {"name": "ARA News", "kind": "media", "events": 1, "articles": 1, "as_origin": 0, **ids},
        {"name": "Ali al-Hussein", "kind": "activist", "events": 1, "articles": 1, "as_origin": 1, **ids},
        {"name": "Daily Mail", "kind": "media", "events": 1, "articles": 1, "as_origin": 0, **ids},
        {"name": "Reuters", "kind": "media", "events": 1, "articles": 1, "as_origin": 1}
        | {"event_ids": ["a2:e1"], "article_ids": ["a2"]},
    ]


def test_export_jsonl_errors_are_the_recorded_problems(store, tmp_path):
    assert _jsonl(store, "errors", tmp_path) == [
        {
            "origin": "in.jsonl",
            "line": 4,
            "item_id": "x4",
            "code": "W102",
            "reason": "missing or empty text",
            "message": "in.jsonl:4: missing or empty text [W102]",
        }
    ]
