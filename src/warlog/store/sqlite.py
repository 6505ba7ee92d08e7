"""The SQLite implementation of :class:`warlog.store.base.Store`.

One connection in autocommit mode; every write method runs in its own ``BEGIN IMMEDIATE``
transaction, so a process killed mid-ingest leaves each article either fully stored or absent.
The database uses WAL (readers never block the writer), ``busy_timeout`` and foreign keys.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from ..errors import StoreError
from ..types import Analysis, Article, Event, Incident, IngestProblem, Place, PlaceMention, SourceRef, Span
from .base import SearchHit
from .schema import Migration, load_migrations, migrate, now

#: Columns holding a place mention and its resolved place, the same in every located table.
LOCATION_COLUMNS = (
    "loc_start",
    "loc_end",
    "loc_text",
    "loc_how",
    "place_name",
    "geonames_id",
    "lat",
    "lon",
    "country_code",
    "admin1",
    "feature_class",
    "feature_code",
    "population",
)
_ARTICLE_COLUMNS = (
    "article_id",
    "title",
    "text",
    "published",
    "published_from",
    "outlet",
    "url",
    "origin",
    "language",
    "content_hash",
    "duplicate_of",
    "main_event_id",
    "analysed",
    "ingested_at",
)
_EVENT_COLUMNS = (
    "event_id",
    "article_id",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    *LOCATION_COLUMNS,
    "geo_precision",
    "date",
    "date_precision",
    "fatalities",
    "injuries",
    "certainty",
    "evidence_start",
    "evidence_end",
    "trigger_start",
    "trigger_end",
    "field_spans",
)
_INCIDENT_COLUMNS = (
    "incident_id",
    "event_type",
    "sub_event_type",
    "date",
    *LOCATION_COLUMNS,
    "fatalities_low",
    "fatalities_high",
    "fatalities_best",
    "sources_count",
    "independent_sources",
    "confidence",
    "contradictions",
    "reasons",
)
#: Marks around matched words in search snippets.
MARK_OPEN, MARK_CLOSE = "«", "»"


def _insert(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


class SQLiteStore:
    """A warlog database in one SQLite file (or ``":memory:"``)."""

    def __init__(
        self,
        path: str | Path,
        *,
        busy_timeout_ms: int = 10000,
        migrations: Sequence[Migration] | None = None,
    ) -> None:
        self.path = str(path)
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError("W202", detail=f"{self.path}: {exc}") from exc
        try:
            self._conn.row_factory = sqlite3.Row
            self._conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")  # durable against a killed process in WAL
            self._conn.execute("PRAGMA foreign_keys = ON")
            migrate(self._conn, load_migrations() if migrations is None else migrations, path=self.path)
        except BaseException as exc:
            self._conn.close()
            if isinstance(exc, sqlite3.Error):
                raise StoreError("W202", detail=f"{self.path}: {exc}") from exc
            raise

    # -- lifetime ---------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SQLiteStore({self.path!r})"

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed when the block ends, rolled back if it raises."""
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError("W202", detail=exc) from exc
            raise

    def _read(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        try:
            return self._conn.execute(sql, params)
        except sqlite3.Error as exc:
            raise StoreError("W202", detail=exc) from exc

    # -- articles ---------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id is stored."""
        return self._read("SELECT 1 FROM articles WHERE article_id = ?", (article_id,)).fetchone() is not None

    def article_id_for_hash(self, content_hash: str) -> str | None:
        """The id of the first stored article with this content hash, if any."""
        row = self._read(
            "SELECT article_id FROM articles WHERE content_hash = ? ORDER BY seq LIMIT 1", (content_hash,)
        ).fetchone()
        return row[0] if row else None

    def save_article(self, article: Article, analysis: Analysis | None) -> None:
        """Store an article and its analysis in one transaction; an id already stored is left as is."""
        if analysis is not None and analysis.article_id != article.article_id:
            raise ValueError(f"analysis of {analysis.article_id!r} given for article {article.article_id!r}")
        published, published_from = article.published, article.published_from
        if not published and analysis is not None and analysis.published:
            published, published_from = analysis.published, "dateline"
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM articles WHERE article_id = ?", (article.article_id,)).fetchone():
                return
            conn.execute(
                _insert("articles", _ARTICLE_COLUMNS),
                (
                    article.article_id,
                    article.title,
                    article.text,
                    published,
                    published_from,
                    article.outlet,
                    article.url,
                    article.origin,
                    article.language,
                    article.content_hash,
                    article.duplicate_of,
                    analysis.main_event_id if analysis else None,
                    int(analysis is not None),
                    now(),
                ),
            )
            if analysis is None:
                return
            conn.executemany(
                _insert("place_mentions", ("article_id", *LOCATION_COLUMNS)),
                [(article.article_id, *_location_values(m)) for m in analysis.places],
            )
            for event in analysis.events:
                conn.execute(_insert("events", _EVENT_COLUMNS), _event_values(event))
                conn.executemany(
                    _insert("sources", ("event_id", "position", "name", "kind", "span_start", "span_end")),
                    [
                        (
                            event.event_id,
                            i,
                            s.name,
                            s.kind,
                            *((s.span.start, s.span.end) if s.span else (None, None)),
                        )
                        for i, s in enumerate(event.sources)
                    ],
                )

    def get_article(self, article_id: str) -> Article | None:
        """The stored article, or None."""
        row = self._read("SELECT * FROM articles WHERE article_id = ?", (article_id,)).fetchone()
        return _article_from(row) if row else None

    def iter_articles(self) -> Iterator[Article]:
        """Every article, in ingestion order."""
        for row in self._read("SELECT * FROM articles ORDER BY seq"):
            yield _article_from(row)

    def main_event_ids(self) -> dict[str, str]:
        """``article_id → main_event_id`` for every article that has a main event."""
        rows = self._read("SELECT article_id, main_event_id FROM articles WHERE main_event_id IS NOT NULL")
        return {article_id: event_id for article_id, event_id in rows}

    # -- analysis ---------------------------------------------------------------------------

    def iter_events(
        self,
        *,
        article_ids: Iterable[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> Iterator[Event]:
        """Events in ingestion order, optionally only of ``article_ids`` and within the dates (inclusive)."""
        where, params = [], []
        if article_ids is not None:
            where.append("article_id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(article_ids)))
        if date_from is not None:
            where.append("date >= ?")
            params.append(date_from)
        if date_to is not None:
            where.append("date <= ?")
            params.append(date_to)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        cursor = self._read(f"SELECT * FROM events{clause} ORDER BY seq", params)
        while rows := cursor.fetchmany(500):
            chains = self._sources_of([row["event_id"] for row in rows])
            for row in rows:
                yield _event_from(row, chains.get(row["event_id"], []))

    def _sources_of(self, event_ids: list[str]) -> dict[str, list[SourceRef]]:
        chains: dict[str, list[SourceRef]] = defaultdict(list)
        rows = self._read(
            "SELECT * FROM sources WHERE event_id IN (SELECT value FROM json_each(?))"
            " ORDER BY event_id, position",
            (json.dumps(event_ids),),
        )
        for row in rows:
            span = Span(row["span_start"], row["span_end"]) if row["span_start"] is not None else None
            chains[row["event_id"]].append(SourceRef(name=row["name"], kind=row["kind"], span=span))
        return chains

    def events_of_article(self, article_id: str) -> list[Event]:
        """The events of one article, in the order the analysis gave them."""
        return list(self.iter_events(article_ids=[article_id]))

    def iter_place_mentions(self) -> Iterator[tuple[str, PlaceMention]]:
        """Every place mention as ``(article_id, mention)``, article by article."""
        for row in self._read("SELECT * FROM place_mentions ORDER BY id"):
            mention = _location_from(row)
            assert mention is not None  # loc_text is NOT NULL in place_mentions
            yield row["article_id"], mention

    # -- incidents --------------------------------------------------------------------------

    def replace_incidents(self, incidents: list[Incident], *, event_ids: Iterable[str]) -> None:
        """Replace the incidents around ``event_ids`` (and the new incidents' events) in one transaction.

        Every incident that holds one of those events, or has the id of a new incident, is deleted;
        events it held that no new incident takes are left without an incident.
        """
        claimed: dict[str, str] = {}
        for incident in incidents:
            if not incident.event_ids:
                raise StoreError("W205", incident_id=incident.incident_id, detail="it has no events")
            for event_id in incident.event_ids:
                other = claimed.setdefault(event_id, incident.incident_id)
                if other != incident.incident_id:
                    raise StoreError(
                        "W205",
                        incident_id=incident.incident_id,
                        detail=f"event {event_id} is also in {other}",
                    )
        touched = json.dumps([*event_ids, *claimed])
        with self._write() as conn:
            unknown = conn.execute(
                "SELECT value FROM json_each(?) WHERE value NOT IN (SELECT event_id FROM events)",
                (json.dumps(list(claimed)),),
            ).fetchone()
            if unknown:
                raise StoreError(
                    "W205", incident_id=claimed[unknown[0]], detail=f"unknown event {unknown[0]}"
                )
            stale = {i.incident_id for i in incidents}
            stale.update(
                row[0]
                for row in conn.execute(
                    "SELECT DISTINCT incident_id FROM events"
                    " WHERE incident_id IS NOT NULL AND event_id IN (SELECT value FROM json_each(?))",
                    (touched,),
                )
            )
            stale_json = json.dumps(sorted(stale))
            conn.execute(
                "UPDATE events SET incident_id = NULL WHERE incident_id IN (SELECT value FROM json_each(?))",
                (stale_json,),
            )
            conn.execute(
                "DELETE FROM incidents WHERE incident_id IN (SELECT value FROM json_each(?))", (stale_json,)
            )
            conn.executemany(
                _insert("incidents", _INCIDENT_COLUMNS), [_incident_values(i) for i in incidents]
            )
            conn.executemany(
                "UPDATE events SET incident_id = ? WHERE event_id = ?",
                [(incident_id, event_id) for event_id, incident_id in claimed.items()],
            )

    def iter_incidents(self) -> Iterator[Incident]:
        """Every incident, by date then id; its event and article ids sorted (the same whatever the
        order the articles were ingested in)."""
        events: dict[str, list[str]] = defaultdict(list)
        articles: dict[str, set[str]] = defaultdict(set)
        for incident_id, event_id, article_id in self._read(
            "SELECT incident_id, event_id, article_id FROM events"
            " WHERE incident_id IS NOT NULL ORDER BY event_id"
        ):
            events[incident_id].append(event_id)
            articles[incident_id].add(article_id)
        for row in self._read("SELECT * FROM incidents ORDER BY date IS NULL, date, incident_id"):
            yield Incident(
                incident_id=row["incident_id"],
                event_ids=events[row["incident_id"]],
                article_ids=sorted(articles[row["incident_id"]]),
                event_type=row["event_type"],
                sub_event_type=row["sub_event_type"],
                date=row["date"],
                location=_location_from(row),
                fatalities_low=row["fatalities_low"],
                fatalities_high=row["fatalities_high"],
                fatalities_best=row["fatalities_best"],
                sources_count=row["sources_count"],
                independent_sources=row["independent_sources"],
                confidence=row["confidence"],
                contradictions=json.loads(row["contradictions"]),
                reasons=json.loads(row["reasons"]),
            )

    # -- problems, search, stats ------------------------------------------------------------

    def record_problem(self, problem: IngestProblem) -> None:
        """Keep an ingest problem in ``ingest_errors``."""
        with self._write() as conn:
            conn.execute(
                _insert("ingest_errors", ("origin", "line", "item_id", "code", "reason", "at")),
                (problem.origin, problem.line, problem.item_id, problem.code, problem.reason, now()),
            )

    def iter_problems(self) -> Iterator[IngestProblem]:
        """Every recorded ingest problem, oldest first."""
        for row in self._read("SELECT * FROM ingest_errors ORDER BY id"):
            yield IngestProblem(
                origin=row["origin"],
                line=row["line"],
                code=row["code"],
                reason=row["reason"],
                item_id=row["item_id"],
            )

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search (FTS5 syntax), best match (bm25) first; matches are marked «like this»."""
        if not query.strip():
            return []
        sql = (
            "SELECT a.article_id, a.title, snippet(articles_fts, -1, ?, ?, '…', 24)"
            " FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        try:
            rows = self._conn.execute(sql, (MARK_OPEN, MARK_CLOSE, query, limit)).fetchall()
        except sqlite3.OperationalError as exc:
            if "database" in str(exc):  # locked, busy, corrupt: not the query's fault
                raise StoreError("W202", detail=exc) from exc
            raise StoreError("W204", query=query, detail=exc) from exc
        return [(row[0], row[1], row[2]) for row in rows]

    def stats(self, *, top: int = 10) -> dict[str, Any]:
        """Counts: articles, analysed, duplicates, non_english, events, events_by_event_type,
        events_by_sub_event_type, top_places (``top`` × (name, country_code, events)), incidents,
        multi_article_incidents, ingest_errors."""

        def count(sql: str) -> int:
            return int(self._read(sql).fetchone()[0] or 0)

        def by(column: str) -> dict[str, int]:
            rows = self._read(f"SELECT {column}, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1")
            return {name: n for name, n in rows}

        places = self._read(
            "SELECT place_name, country_code, count(*) FROM events WHERE place_name IS NOT NULL"
            " GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT ?",
            (top,),
        )
        return {
            "articles": count("SELECT count(*) FROM articles"),
            "analysed": count("SELECT sum(analysed) FROM articles"),
            "duplicates": count("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
            "non_english": count(
                "SELECT count(*) FROM articles WHERE language IS NOT NULL AND language <> 'en'"
            ),
            "events": count("SELECT count(*) FROM events"),
            "events_by_event_type": by("event_type"),
            "events_by_sub_event_type": by("sub_event_type"),
            "top_places": [(name, country, n) for name, country, n in places],
            "incidents": count("SELECT count(*) FROM incidents"),
            "multi_article_incidents": count(
                "SELECT count(*) FROM (SELECT incident_id FROM events WHERE incident_id IS NOT NULL"
                " GROUP BY incident_id HAVING count(DISTINCT article_id) > 1)"
            ),
            "ingest_errors": count("SELECT count(*) FROM ingest_errors"),
        }


# -- rows ↔ records ---------------------------------------------------------------------------


def _location_values(mention: PlaceMention | None) -> tuple[Any, ...]:
    if mention is None:
        return (None,) * len(LOCATION_COLUMNS)
    p = mention.place
    place = (
        (
            p.name,
            p.geonames_id,
            p.lat,
            p.lon,
            p.country_code,
            p.admin1,
            p.feature_class,
            p.feature_code,
            p.population,
        )
        if p
        else (None,) * 9
    )
    return (mention.start, mention.end, mention.text, mention.how, *place)


def _location_from(row: sqlite3.Row) -> PlaceMention | None:
    if row["loc_text"] is None:
        return None
    place = None
    if row["lat"] is not None:
        place = Place(
            name=row["place_name"],
            lat=row["lat"],
            lon=row["lon"],
            country_code=row["country_code"],
            geonames_id=row["geonames_id"],
            admin1=row["admin1"],
            feature_class=row["feature_class"],
            feature_code=row["feature_code"],
            population=row["population"] or 0,
        )
    return PlaceMention(
        start=row["loc_start"], end=row["loc_end"], text=row["loc_text"], place=place, how=row["loc_how"]
    )


def _article_from(row: sqlite3.Row) -> Article:
    return Article(
        article_id=row["article_id"],
        text=row["text"],
        content_hash=row["content_hash"],
        title=row["title"],
        published=row["published"],
        published_from=row["published_from"],
        outlet=row["outlet"],
        url=row["url"],
        origin=row["origin"],
        language=row["language"],
        duplicate_of=row["duplicate_of"],
    )


def _event_values(e: Event) -> tuple[Any, ...]:
    spans = {name: [span.start, span.end] for name, span in e.field_spans.items()}
    return (
        e.event_id,
        e.article_id,
        e.event_type,
        e.sub_event_type,
        e.actor1,
        e.actor2,
        *_location_values(e.location),
        e.geo_precision,
        e.date,
        e.date_precision,
        e.fatalities,
        e.injuries,
        e.certainty,
        e.evidence.start,
        e.evidence.end,
        e.trigger.start,
        e.trigger.end,
        json.dumps(spans),
    )


def _event_from(row: sqlite3.Row, sources: list[SourceRef]) -> Event:
    return Event(
        event_id=row["event_id"],
        article_id=row["article_id"],
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        evidence=Span(row["evidence_start"], row["evidence_end"]),
        trigger=Span(row["trigger_start"], row["trigger_end"]),
        actor1=row["actor1"],
        actor2=row["actor2"],
        location=_location_from(row),
        geo_precision=row["geo_precision"],
        date=row["date"],
        date_precision=row["date_precision"],
        fatalities=row["fatalities"],
        injuries=row["injuries"],
        sources=sources,
        certainty=row["certainty"],
        field_spans={name: Span(*span) for name, span in json.loads(row["field_spans"]).items()},
        incident_id=row["incident_id"],
    )


def _incident_values(i: Incident) -> tuple[Any, ...]:
    return (
        i.incident_id,
        i.event_type,
        i.sub_event_type,
        i.date,
        *_location_values(i.location),
        i.fatalities_low,
        i.fatalities_high,
        i.fatalities_best,
        i.sources_count,
        i.independent_sources,
        i.confidence,
        json.dumps(i.contradictions),
        json.dumps(i.reasons),
    )
