"""What the SQLite and PostgreSQL stores share: every :class:`~warlog.store.base.Store` method whose
SQL both dialects accept, written once over a few primitives that each backend provides.

The SQL here uses ``?`` for positional and ``:name`` for named parameters (sqlite3's styles; the
PostgreSQL store rewrites them for psycopg). A backend supplies :meth:`SQLStore._cursor` (reads),
:meth:`SQLStore._write` (one transaction), :meth:`SQLStore._in` (a column against a list of
values), optionally a streaming :meth:`SQLStore._batches`, and its own :meth:`search`,
:meth:`close` and context-manager methods.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import asdict, fields
from types import TracebackType
from typing import Any, Protocol, Self

from ..errors import StoreError
from ..types import Analysis, Article, Event, Incident, IngestProblem, PlaceMention, Quote, SourceRef
from . import rows
from .base import SearchHit
from .schema import now

#: Rows fetched at a time when streaming a whole table, and events per query of their sources.
BATCH = 500
#: Marks around matched words in search snippets.
MARK_OPEN, MARK_CLOSE = "«", "»"


class Cursor(Protocol):
    """The part of a DB-API cursor the stores use (sqlite3's and psycopg's both fit)."""

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def fetchmany(self, size: int = ..., /) -> list[Any]: ...


class Transaction(rows.Executor, Protocol):
    """A write transaction: ``execute`` and ``executemany`` with ``?``/``:name`` parameters."""

    def execute(self, sql: str, params: Any = ..., /) -> Cursor: ...


class SQLStore(ABC):
    """The shared body of :class:`~warlog.store.sqlite.SQLiteStore` and
    :class:`~warlog.store.postgres.PostgresStore`."""

    #: Where the database is, for messages (never with a password).
    path: str

    # -- what each backend provides -----------------------------------------------------------

    @abstractmethod
    def close(self) -> None:
        """Release the connection; the store cannot be used afterwards."""

    @abstractmethod
    def _cursor(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        """Run one read query (errors become StoreError W202)."""

    @abstractmethod
    def _write(self) -> AbstractContextManager[Transaction]:
        """One write transaction: committed when the block ends, rolled back if it raises."""

    @abstractmethod
    def _in(self, column: str, values: Iterable[Any]) -> tuple[str, Any]:
        """``(condition, parameter)``: the SQL saying ``column`` is one of ``values``."""

    @abstractmethod
    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search, best match first."""

    def _batches(self, sql: str, params: Sequence[Any] = ()) -> Iterator[list[Any]]:
        """The rows of a query, :data:`BATCH` at a time."""
        cursor = self._cursor(sql, params)
        while batch := cursor.fetchmany(BATCH):
            yield batch

    def _stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Any]:
        for batch in self._batches(sql, params):
            yield from batch

    # -- lifetime ---------------------------------------------------------------------------

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.path!r})"

    # -- articles ---------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id is stored."""
        return (
            self._cursor("SELECT 1 FROM articles WHERE article_id = ?", (article_id,)).fetchone() is not None
        )

    def article_id_for_hash(self, content_hash: str) -> str | None:
        """The id of the first stored article with this content hash, if any."""
        row = self._cursor(
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
        with self._write() as tx:
            if tx.execute("SELECT 1 FROM articles WHERE article_id = ?", (article.article_id,)).fetchone():
                return
            row = {f.name: getattr(article, f.name) for f in fields(Article)}
            row.update(
                published=published,
                published_from=published_from,
                main_event_id=analysis.main_event_id if analysis else None,
                analysed=int(analysis is not None),
                ingested_at=now(),
            )
            rows.insert(tx, "articles", [row])
            if analysis is None:
                return
            place_rows = [{"article_id": article.article_id, **rows.location_row(m)} for m in analysis.places]
            rows.insert(tx, "place_mentions", place_rows)
            rows.insert(tx, "events", [rows.event_row(event) for event in analysis.events])
            rows.insert(tx, "sources", [r for event in analysis.events for r in rows.source_rows(event)])
            rows.insert(tx, "quotes", rows.quote_rows(article.article_id, analysis.quotes))

    def get_article(self, article_id: str) -> Article | None:
        """The stored article, or None."""
        row = self._cursor(
            f"SELECT {rows.ARTICLE_COLUMNS} FROM articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return rows.article_from(row) if row else None

    def iter_articles(self) -> Iterator[Article]:
        """Every article, in ingestion order."""
        for row in self._stream(f"SELECT {rows.ARTICLE_COLUMNS} FROM articles ORDER BY seq"):
            yield rows.article_from(row)

    def main_event_ids(self) -> dict[str, str]:
        """``article_id → main_event_id`` for every article that has a main event."""
        found = self._cursor("SELECT article_id, main_event_id FROM articles WHERE main_event_id IS NOT NULL")
        return {article_id: event_id for article_id, event_id in found.fetchall()}

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
            condition, param = self._in("article_id", article_ids)
            where.append(condition)
            params.append(param)
        if date_from is not None:
            where.append("date >= ?")
            params.append(date_from)
        if date_to is not None:
            where.append("date <= ?")
            params.append(date_to)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        for batch in self._batches(f"SELECT * FROM events{clause} ORDER BY seq", params):
            yield from self._with_sources(batch)

    def _with_sources(self, batch: list[Any]) -> list[Event]:
        """The events of a batch of rows of ``events``, each with its attribution chain."""
        chains: dict[str, list[SourceRef]] = defaultdict(list)
        condition, param = self._in("event_id", [row["event_id"] for row in batch])
        found = self._cursor(f"SELECT * FROM sources WHERE {condition} ORDER BY event_id, position", (param,))
        for row in found.fetchall():
            chains[row["event_id"]].append(rows.source_from(row))
        return [rows.event_from(row, chains.get(row["event_id"], [])) for row in batch]

    def events_of_article(self, article_id: str) -> list[Event]:
        """The events of one article, in the order the analysis gave them."""
        return list(self.iter_events(article_ids=[article_id]))

    def iter_quotes(self) -> Iterator[tuple[str, Quote]]:
        """Every stored quotation as ``(article_id, quote)``, article by article."""
        for row in self._stream("SELECT * FROM quotes ORDER BY id"):
            yield row["article_id"], rows.quote_from(row)

    def iter_place_mentions(self) -> Iterator[tuple[str, PlaceMention]]:
        """Every place mention as ``(article_id, mention)``, article by article."""
        for row in self._stream("SELECT * FROM place_mentions ORDER BY id"):
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
        touched = self._in("event_id", [*event_ids, *claimed])
        with self._write() as tx:
            condition, param = self._in("event_id", claimed)
            found = tx.execute(f"SELECT event_id FROM events WHERE {condition}", (param,)).fetchall()
            known = {row[0] for row in found}
            unknown = next((event_id for event_id in claimed if event_id not in known), None)
            if unknown is not None:
                raise StoreError("W205", incident_id=claimed[unknown], detail=f"unknown event {unknown}")
            stale = {i.incident_id for i in incidents}
            found = tx.execute(
                f"SELECT DISTINCT incident_id FROM events WHERE incident_id IS NOT NULL AND {touched[0]}",
                (touched[1],),
            ).fetchall()
            stale.update(row[0] for row in found)
            condition, param = self._in("incident_id", sorted(stale))
            tx.execute(f"UPDATE events SET incident_id = NULL WHERE {condition}", (param,))
            tx.execute(f"DELETE FROM incidents WHERE {condition}", (param,))
            rows.insert(tx, "incidents", [rows.incident_row(i) for i in incidents])
            tx.executemany(
                "UPDATE events SET incident_id = :incident_id WHERE event_id = :event_id",
                [{"incident_id": i, "event_id": e} for e, i in claimed.items()],
            )
            if components:
                tx.executemany(
                    "UPDATE events SET link_component = :component WHERE event_id = :event_id",
                    [{"component": c, "event_id": e} for e, c in components.items()],
                )

    def iter_incidents(self) -> Iterator[Incident]:
        """Every incident, by date then id; its event and article ids sorted (the same whatever the
        order the articles were ingested in)."""
        events: dict[str, list[str]] = defaultdict(list)
        articles: dict[str, set[str]] = defaultdict(set)
        for incident_id, event_id, article_id in self._stream(
            "SELECT incident_id, event_id, article_id FROM events"
            " WHERE incident_id IS NOT NULL ORDER BY event_id"
        ):
            events[incident_id].append(event_id)
            articles[incident_id].add(article_id)
        for row in self._stream("SELECT * FROM incidents ORDER BY date IS NULL, date, incident_id"):
            incident_id = row["incident_id"]
            yield rows.incident_from(
                row, event_ids=events[incident_id], article_ids=sorted(articles[incident_id])
            )

    # -- linking (schema 2) -----------------------------------------------------------------

    def _events(self, where: str, params: Sequence[Any]) -> list[Event]:
        found = self._cursor(f"SELECT * FROM events WHERE {where} ORDER BY seq", params).fetchall()
        events: list[Event] = []
        for start in range(0, len(found), BATCH):
            events.extend(self._with_sources(found[start : start + BATCH]))
        return events

    def count_events(self) -> int:
        """How many events are stored."""
        return int(self._cursor("SELECT count(*) FROM events").fetchone()[0])

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
            condition, param = self._in("date_precision", date_precisions)
            where += f" AND {condition}"
            params.append(param)
        return self._events(where, params)

    def events_of_incidents(self, incident_ids: Iterable[str]) -> list[Event]:
        """The events of the given incidents."""
        condition, param = self._in("incident_id", incident_ids)
        return self._events(condition, (param,))

    def link_components(self, event_ids: Iterable[str]) -> dict[str, str | None]:
        """``event_id → link component`` (None when not recorded) for the given events."""
        condition, param = self._in("event_id", event_ids)
        found = self._cursor(f"SELECT event_id, link_component FROM events WHERE {condition}", (param,))
        return {event_id: component for event_id, component in found.fetchall()}

    def events_of_components(self, component_ids: Iterable[str]) -> list[Event]:
        """The events of the given link components."""
        condition, param = self._in("link_component", component_ids)
        return self._events(condition, (param,))

    def evidence_texts(self, event_ids: Iterable[str]) -> dict[str, str]:
        """``event_id → evidence sentence``; substr counts characters (both dialects), as Python does."""
        condition, param = self._in("e.event_id", event_ids)
        found = self._cursor(
            "SELECT e.event_id, substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start)"
            f" FROM events e JOIN articles a ON a.article_id = e.article_id WHERE {condition}",
            (param,),
        )
        return {event_id: text or "" for event_id, text in found.fetchall()}

    def article_outlets(self, article_ids: Iterable[str] | None = None) -> dict[str, str | None]:
        """``article_id → outlet`` for the given articles (every article when None)."""
        if article_ids is None:
            found = self._cursor("SELECT article_id, outlet FROM articles")
        else:
            condition, param = self._in("article_id", article_ids)
            found = self._cursor(f"SELECT article_id, outlet FROM articles WHERE {condition}", (param,))
        return {article_id: outlet for article_id, outlet in found.fetchall()}

    def article_texts(self, article_ids: Iterable[str]) -> dict[str, str]:
        """``article_id → text`` for the given articles."""
        condition, param = self._in("article_id", article_ids)
        found = self._cursor(f"SELECT article_id, text FROM articles WHERE {condition}", (param,))
        return {article_id: text for article_id, text in found.fetchall()}

    def article_signatures(self, article_ids: Iterable[str]) -> dict[str, bytes]:
        """``article_id → stored signature`` for the given articles that have one."""
        condition, param = self._in("article_id", article_ids)
        found = self._cursor(
            f"SELECT article_id, signature FROM article_signatures WHERE {condition}", (param,)
        )
        return {article_id: bytes(signature) for article_id, signature in found.fetchall()}

    def save_article_signatures(self, signatures: dict[str, bytes]) -> None:
        """Store (or replace) article signatures in one transaction."""
        with self._write() as tx:
            tx.executemany(
                "INSERT INTO article_signatures (article_id, signature) VALUES (:article_id, :signature)"
                " ON CONFLICT (article_id) DO UPDATE SET signature = excluded.signature",
                [{"article_id": a, "signature": s} for a, s in sorted(signatures.items())],
            )

    # -- problems, stats --------------------------------------------------------------------

    def record_problem(self, problem: IngestProblem) -> None:
        """Keep an ingest problem in ``ingest_errors``."""
        with self._write() as tx:
            rows.insert(tx, "ingest_errors", [{**asdict(problem), "at": now()}])

    def iter_problems(self) -> Iterator[IngestProblem]:
        """Every recorded ingest problem, oldest first."""
        for row in self._stream("SELECT * FROM ingest_errors ORDER BY id"):
            yield IngestProblem(
                origin=row["origin"],
                line=row["line"],
                code=row["code"],
                reason=row["reason"],
                item_id=row["item_id"],
            )

    def stats(self, *, top: int = 10) -> dict[str, Any]:
        """Counts: articles, analysed, duplicates, non_english, events, events_by_event_type,
        events_by_sub_event_type, top_places (``top`` × (name, country_code, events)), incidents,
        multi_article_incidents, ingest_errors."""

        def count(sql: str) -> int:
            return int(self._cursor(sql).fetchone()[0] or 0)

        def by(column: str) -> dict[str, int]:
            found = self._cursor(f"SELECT {column}, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1")
            return {name: n for name, n in found.fetchall()}

        places = self._cursor(
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
            "top_places": [(name, country, n) for name, country, n in places.fetchall()],
            "incidents": count("SELECT count(*) FROM incidents"),
            "multi_article_incidents": count(
                "SELECT count(*) FROM (SELECT incident_id FROM events WHERE incident_id IS NOT NULL"
                " GROUP BY incident_id HAVING count(DISTINCT article_id) > 1) AS multi"
            ),
            "ingest_errors": count("SELECT count(*) FROM ingest_errors"),
        }
