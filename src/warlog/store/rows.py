"""How warlog's records map to table rows (dicts keyed by column name) and back.

A located record (event, incident, place mention) keeps its place mention in the columns
``loc_start, loc_end, loc_text, loc_how`` and the resolved :class:`~warlog.types.Place` in
columns named after its fields (``name`` as ``place_name``); ``lat IS NULL`` means unresolved.
Spans and lists are JSON text.

Both stores read rows that can be indexed by column name (``sqlite3.Row``, and the PostgreSQL
store's :class:`~warlog.store.postgres.PgRow`) and write with :func:`insert`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import Any, Protocol

from ..types import Article, Event, Incident, Place, PlaceMention, Quote, SourceRef, Span

Row = dict[str, Any]


class StoredRow(Protocol):
    """A row read back: its columns by name."""

    def __getitem__(self, column: str, /) -> Any: ...


class Executor(Protocol):
    """What :func:`insert` writes through: a ``sqlite3.Connection``, or the PostgreSQL store's
    transaction (which takes the same ``:name`` parameters)."""

    def executemany(self, sql: str, rows: list[Row], /) -> object: ...


#: Place field → column.
_PLACE_COLUMNS = {f.name: "place_name" if f.name == "name" else f.name for f in fields(Place)}
LOCATION_COLUMNS = ("loc_start", "loc_end", "loc_text", "loc_how", *_PLACE_COLUMNS.values())
#: The columns of ``articles`` that make an :class:`Article` (not its full-text index, say).
ARTICLE_COLUMNS = ", ".join(f.name for f in fields(Article))


def insert(conn: Executor, table: str, rows: list[Row]) -> None:
    """Insert ``rows`` (all with the same keys) into ``table``."""
    if rows:
        columns = list(rows[0])
        placeholders = ", ".join(f":{c}" for c in columns)
        conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})", rows)


def location_row(mention: PlaceMention | None) -> Row:
    row: Row = dict.fromkeys(LOCATION_COLUMNS)
    if mention is not None:
        row.update(loc_start=mention.start, loc_end=mention.end, loc_text=mention.text, loc_how=mention.how)
        if mention.place is not None:
            row.update({_PLACE_COLUMNS[k]: v for k, v in asdict(mention.place).items()})
    return row


def location_from(row: StoredRow) -> PlaceMention | None:
    if row["loc_text"] is None:
        return None
    place = None
    if row["lat"] is not None:
        values = {field: row[column] for field, column in _PLACE_COLUMNS.items()}
        place = Place(**{**values, "population": values["population"] or 0})
    return PlaceMention(row["loc_start"], row["loc_end"], row["loc_text"], place=place, how=row["loc_how"])


def article_from(row: StoredRow) -> Article:
    return Article(**{f.name: row[f.name] for f in fields(Article)})


def event_row(e: Event) -> Row:
    return {
        "event_id": e.event_id,
        "article_id": e.article_id,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1,
        "actor2": e.actor2,
        **location_row(e.location),
        "geo_precision": e.geo_precision,
        "date": e.date,
        "date_precision": e.date_precision,
        "fatalities": e.fatalities,
        "injuries": e.injuries,
        "certainty": e.certainty,
        "evidence_start": e.evidence.start,
        "evidence_end": e.evidence.end,
        "trigger_start": e.trigger.start,
        "trigger_end": e.trigger.end,
        "field_spans": json.dumps({name: [s.start, s.end] for name, s in e.field_spans.items()}),
        "disputed_by": json.dumps(e.disputed_by),
    }


def source_rows(e: Event) -> list[Row]:
    return [
        {
            "event_id": e.event_id,
            "position": position,
            "name": s.name,
            "kind": s.kind,
            "span_start": s.span.start if s.span else None,
            "span_end": s.span.end if s.span else None,
        }
        for position, s in enumerate(e.sources)
    ]


def source_from(row: StoredRow) -> SourceRef:
    span = Span(row["span_start"], row["span_end"]) if row["span_start"] is not None else None
    return SourceRef(name=row["name"], kind=row["kind"], span=span)


def event_from(row: StoredRow, sources: list[SourceRef]) -> Event:
    return Event(
        event_id=row["event_id"],
        article_id=row["article_id"],
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        evidence=Span(row["evidence_start"], row["evidence_end"]),
        trigger=Span(row["trigger_start"], row["trigger_end"]),
        actor1=row["actor1"],
        actor2=row["actor2"],
        location=location_from(row),
        geo_precision=row["geo_precision"],
        date=row["date"],
        date_precision=row["date_precision"],
        fatalities=row["fatalities"],
        injuries=row["injuries"],
        sources=sources,
        certainty=row["certainty"],
        field_spans={name: Span(*span) for name, span in json.loads(row["field_spans"]).items()},
        incident_id=row["incident_id"],
        disputed_by=json.loads(row["disputed_by"]),
    )


def quote_rows(article_id: str, quotes: list[Quote]) -> list[Row]:
    return [
        {
            "article_id": article_id,
            "quote_start": q.span.start,
            "quote_end": q.span.end,
            "speaker": q.speaker,
            "speaker_start": q.speaker_span.start if q.speaker_span else None,
            "speaker_end": q.speaker_span.end if q.speaker_span else None,
            "direct": int(q.direct),
        }
        for q in quotes
    ]


def quote_from(row: StoredRow) -> Quote:
    start, end = row["speaker_start"], row["speaker_end"]
    return Quote(
        speaker=row["speaker"],
        speaker_span=Span(start, end) if start is not None else None,
        span=Span(row["quote_start"], row["quote_end"]),
        direct=bool(row["direct"]),
    )


def incident_row(i: Incident) -> Row:
    return {
        "incident_id": i.incident_id,
        "event_type": i.event_type,
        "sub_event_type": i.sub_event_type,
        "date": i.date,
        **location_row(i.location),
        "fatalities_low": i.fatalities_low,
        "fatalities_high": i.fatalities_high,
        "fatalities_best": i.fatalities_best,
        "sources_count": i.sources_count,
        "independent_sources": i.independent_sources,
        "confidence": i.confidence,
        "contradictions": json.dumps(i.contradictions),
        "reasons": json.dumps(i.reasons),
    }


def incident_from(row: StoredRow, *, event_ids: list[str], article_ids: list[str]) -> Incident:
    return Incident(
        incident_id=row["incident_id"],
        event_ids=event_ids,
        article_ids=article_ids,
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        date=row["date"],
        location=location_from(row),
        fatalities_low=row["fatalities_low"],
        fatalities_high=row["fatalities_high"],
        fatalities_best=row["fatalities_best"],
        sources_count=row["sources_count"],
        independent_sources=row["independent_sources"],
        confidence=row["confidence"],
        contradictions=json.loads(row["contradictions"]),
        reasons=json.loads(row["reasons"]),
    )
