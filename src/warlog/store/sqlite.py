"""The SQLite implementation of :class:`warlog.store.base.Store`.

One connection in autocommit mode; every write method runs in its own ``BEGIN IMMEDIATE``
transaction, so a process killed mid-ingest leaves each article either fully stored or absent.
The database uses WAL (readers never block the writer), ``busy_timeout`` and foreign keys.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, fields
from pathlib import Path
from types import TracebackType
from typing import Any

from ..errors import StoreError
from ..types import Analysis, Article, Event, Incident, IngestProblem, PlaceMention, Quote, SourceRef
from . import rows
from .base import SearchHit
from .schema import Migration, load_migrations, migrate, now

#: Marks around matched words in search snippets.
MARK_OPEN, MARK_CLOSE = "«", "»"


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
            row = {f.name: getattr(article, f.name) for f in fields(Article)}
            row.update(
                published=published,
                published_from=published_from,
                main_event_id=analysis.main_event_id if analysis else None,
                analysed=int(analysis is not None),
                ingested_at=now(),
            )
            rows.insert(conn, "articles", [row])
            if analysis is None:
                return
            place_rows = [{"article_id": article.article_id, **rows.location_row(m)} for m in analysis.places]
            rows.insert(conn, "place_mentions", place_rows)
            for event in analysis.events:
                rows.insert(conn, "events", [rows.event_row(event)])
                rows.insert(conn, "sources", rows.source_rows(event))
            rows.insert(conn, "quotes", rows.quote_rows(article.article_id, analysis.quotes))

    def get_article(self, article_id: str) -> Article | None:
        """The stored article, or None."""
        row = self._read("SELECT * FROM articles WHERE article_id = ?", (article_id,)).fetchone()
        return rows.article_from(row) if row else None

    def iter_articles(self) -> Iterator[Article]:
        """Every article, in ingestion order."""
        for row in self._read("SELECT * FROM articles ORDER BY seq"):
            yield rows.article_from(row)

    def main_event_ids(self) -> dict[str, str]:
        """``article_id → main_event_id`` for every article that has a main event."""
        found = self._read("SELECT article_id, main_event_id FROM articles WHERE main_event_id IS NOT NULL")
        return {article_id: event_id for article_id, event_id in found}

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
        while batch := cursor.fetchmany(500):
            chains = self._sources_of([row["event_id"] for row in batch])
            for row in batch:
                yield rows.event_from(row, chains.get(row["event_id"], []))

    def _sources_of(self, event_ids: list[str]) -> dict[str, list[SourceRef]]:
        chains: dict[str, list[SourceRef]] = defaultdict(list)
        found = self._read(
            "SELECT * FROM sources WHERE event_id IN (SELECT value FROM json_each(?))"
            " ORDER BY event_id, position",
            (json.dumps(event_ids),),
        )
        for row in found:
            chains[row["event_id"]].append(rows.source_from(row))
        return chains

    def events_of_article(self, article_id: str) -> list[Event]:
        """The events of one article, in the order the analysis gave them."""
        return list(self.iter_events(article_ids=[article_id]))

    def iter_quotes(self) -> Iterator[tuple[str, Quote]]:
        """Every stored quotation as ``(article_id, quote)``, article by article."""
        for row in self._read("SELECT * FROM quotes ORDER BY id"):
            yield row["article_id"], rows.quote_from(row)

    def iter_place_mentions(self) -> Iterator[tuple[str, PlaceMention]]:
        """Every place mention as ``(article_id, mention)``, article by article."""
        for row in self._read("SELECT * FROM place_mentions ORDER BY id"):
            mention = rows.location_from(row)
            assert mention is not None  # loc_text is NOT NULL in place_mentions
            yield row["article_id"], mention

    # -- incidents --------------------------------------------------------------------------

    def replace_incidents(
        self,
        incidents: list[Incident],
        *,
        event_ids: Iterable[str],
        components: Mapping[str, str] | None = None,
    ) -> None:
        """Replace the incidents around ``event_ids`` (and the new incidents' events) in one transaction.

        Every incident that holds one of those events, or has the id of a new incident, is deleted;
        events it held that no new incident takes are left without an incident. ``components``
        (event id → link component) is written in the same transaction.
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
            rows.insert(conn, "incidents", [rows.incident_row(i) for i in incidents])
            conn.executemany(
                "UPDATE events SET incident_id = ? WHERE event_id = ?",
                [(incident_id, event_id) for event_id, incident_id in claimed.items()],
            )
            if components:
                conn.executemany(
                    "UPDATE events SET link_component = ? WHERE event_id = ?",
                    [(component, event_id) for event_id, component in components.items()],
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
            incident_id = row["incident_id"]
            yield rows.incident_from(
                row, event_ids=events[incident_id], article_ids=sorted(articles[incident_id])
            )

    # -- linking (schema 2) -----------------------------------------------------------------

    def _events(self, where: str, params: Sequence[Any]) -> list[Event]:
        found = self._read(f"SELECT * FROM events WHERE {where} ORDER BY seq", params).fetchall()
        events: list[Event] = []
        for start in range(0, len(found), 500):
            batch = found[start : start + 500]
            chains = self._sources_of([row["event_id"] for row in batch])
            events.extend(rows.event_from(row, chains.get(row["event_id"], [])) for row in batch)
        return events

    def count_events(self) -> int:
        """How many events are stored."""
        return int(self._read("SELECT count(*) FROM events").fetchone()[0])

    def unlinked_events(self) -> list[Event]:
        """Events that belong to no incident yet."""
        return self._events("incident_id IS NULL", ())

    def events_in_window(
        self,
        *,
        country_code: str,
        date_from: str,
        date_to: str,
        date_precisions: Iterable[str] | None = None,
    ) -> list[Event]:
        """Events of one country within the dates (inclusive), via the (country_code, date) index."""
        where = "country_code = ? AND date >= ? AND date <= ?"
        params: list[Any] = [country_code, date_from, date_to]
        if date_precisions is not None:
            where += " AND date_precision IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(list(date_precisions)))
        return self._events(where, params)

    def events_of_incidents(self, incident_ids: Iterable[str]) -> list[Event]:
        """The events of the given incidents."""
        ids = json.dumps(list(incident_ids))
        return self._events("incident_id IN (SELECT value FROM json_each(?))", (ids,))

    def link_components(self, event_ids: Iterable[str]) -> dict[str, str | None]:
        """``event_id → link component`` (None when not recorded) for the given events."""
        found = self._read(
            "SELECT event_id, link_component FROM events WHERE event_id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(event_ids)),),
        )
        return {event_id: component for event_id, component in found}

    def events_of_components(self, component_ids: Iterable[str]) -> list[Event]:
        """The events of the given link components."""
        ids = json.dumps(list(component_ids))
        return self._events("link_component IN (SELECT value FROM json_each(?))", (ids,))

    def evidence_texts(self, event_ids: Iterable[str]) -> dict[str, str]:
        """``event_id → evidence sentence``; SQLite's substr counts characters, as Python does."""
        found = self._read(
            "SELECT e.event_id, substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start)"
            " FROM events e JOIN articles a ON a.article_id = e.article_id"
            " WHERE e.event_id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(event_ids)),),
        )
        return {event_id: text or "" for event_id, text in found}

    def article_outlets(self, article_ids: Iterable[str] | None = None) -> dict[str, str | None]:
        """``article_id → outlet`` for the given articles (every article when None)."""
        if article_ids is None:
            found = self._read("SELECT article_id, outlet FROM articles")
        else:
            found = self._read(
                "SELECT article_id, outlet FROM articles"
                " WHERE article_id IN (SELECT value FROM json_each(?))",
                (json.dumps(list(article_ids)),),
            )
        return {article_id: outlet for article_id, outlet in found}

    def article_texts(self, article_ids: Iterable[str]) -> dict[str, str]:
        """``article_id → text`` for the given articles."""
        found = self._read(
            "SELECT article_id, text FROM articles WHERE article_id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(article_ids)),),
        )
        return {article_id: text for article_id, text in found}

    def article_signatures(self, article_ids: Iterable[str]) -> dict[str, bytes]:
        """``article_id → stored signature`` for the given articles that have one."""
        found = self._read(
            "SELECT article_id, signature FROM article_signatures"
            " WHERE article_id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(article_ids)),),
        )
        return {article_id: bytes(signature) for article_id, signature in found}

    def save_article_signatures(self, signatures: dict[str, bytes]) -> None:
        """Store (or replace) article signatures in one transaction."""
        with self._write() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO article_signatures (article_id, signature) VALUES (?, ?)",
                sorted(signatures.items()),
            )

    # -- problems, search, stats ------------------------------------------------------------

    def record_problem(self, problem: IngestProblem) -> None:
        """Keep an ingest problem in ``ingest_errors``."""
        with self._write() as conn:
            rows.insert(conn, "ingest_errors", [{**asdict(problem), "at": now()}])

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
            hits = self._conn.execute(sql, (MARK_OPEN, MARK_CLOSE, query, limit)).fetchall()
        except sqlite3.OperationalError as exc:
            if "database" in str(exc):  # locked, busy, corrupt: not the query's fault
                raise StoreError("W202", detail=exc) from exc
            raise StoreError("W204", query=query, detail=exc) from exc
        return [(article_id, title, snippet) for article_id, title, snippet in hits]

    def stats(self, *, top: int = 10) -> dict[str, Any]:
        """Counts: articles, analysed, duplicates, non_english, events, events_by_event_type,
        events_by_sub_event_type, top_places (``top`` × (name, country_code, events)), incidents,
        multi_article_incidents, ingest_errors."""

        def count(sql: str) -> int:
            return int(self._read(sql).fetchone()[0] or 0)

        def by(column: str) -> dict[str, int]:
            found = self._read(f"SELECT {column}, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1")
            return {name: n for name, n in found}

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
