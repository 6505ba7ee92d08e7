"""CSV: the flat tables, events with ACLED's column names."""

from __future__ import annotations

import csv
import io

import pytest

from warlog.export import KINDS, export
from warlog.export.tables import COLUMNS

ACLED_COLUMNS = [
    "event_id",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
]
WARLOG_COLUMNS = [
    "article_id",
    "injuries",
    "certainty",
    "sources_json",
    "evidence_start",
    "evidence_end",
    "incident_id",
    "geonames_id",
    "country_code",
]


def _csv(store, kind) -> tuple[list[str], list[dict[str, str]]]:
    buffer = io.StringIO(newline="")
    n = export(store, kind, buffer, fmt="csv")
    reader = csv.DictReader(io.StringIO(buffer.getvalue(), newline=""))
    rows = list(reader)
    assert n == len(rows)
    return list(reader.fieldnames or []), rows


def test_export_csv_events_have_acled_columns_then_warlog_columns(store):
    header, _ = _csv(store, "events")
    assert header == ACLED_COLUMNS + WARLOG_COLUMNS


def test_export_csv_events_values_follow_acled_conventions(store):
    rows = {row["event_id"]: row for row in _csv(store, "events")[1]}
    clash = rows["a1:e1"]
    assert (clash["event_date"], clash["year"], clash["time_precision"]) == ("2017-03-05", "2017", "2")
    assert (clash["country"], clash["admin1"], clash["location"]) == ("Iraq", "Nineveh", "Mosul")
    assert (clash["latitude"], clash["longitude"], clash["geo_precision"]) == ("36.335", "43.119", "2")
    assert clash["source"] == "Daily Mail; ARA News; Ali al-Hussein"  # the outlet is not repeated
    assert clash["notes"].startswith("MOSUL - A foreign jihadi leader opened fire")
    assert (clash["fatalities"], clash["injuries"], clash["incident_id"]) == ("2", "20", "i1")
    assert rows["a2:e1"]["time_precision"] == "3"  # year
    assert rows["a2:e1"]["location"] == "Mosul"  # unresolved: the mention as written
    assert rows["a2:e1"]["country"] == rows["a2:e1"]["latitude"] == ""
    assert rows["a1:e2"]["event_date"] == rows["a1:e2"]["location"] == ""


@pytest.mark.parametrize("kind", KINDS)
def test_export_csv_every_kind_has_its_columns(store, kind):
    header, rows = _csv(store, kind)
    assert header == [name for name, _ in COLUMNS[kind]]
    assert rows


def test_export_csv_incidents_keep_lists_as_json(store):
    rows = {row["incident_id"]: row for row in _csv(store, "incidents")[1]}
    assert rows["i1"]["event_ids_json"] == '["a1:e1", "a2:e1"]'
    assert (rows["i1"]["country"], rows["i1"]["fatalities_best"]) == ("Iraq", "2")
