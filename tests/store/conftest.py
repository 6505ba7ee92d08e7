"""Hand-built articles and analyses for the store tests (no spaCy, no corpus), and the two backends.

Tests get the builders through the ``build`` fixture: ``build.article("a1")``, ``build.event(article)``,
``build.analysis(article, *events)``, ``build.incident("i1", *events)``.

Every test that takes ``store`` (or ``backend``) runs twice: on SQLite, and on PostgreSQL in a new
database of the session's real server (see ``postgres_server`` in tests/conftest.py).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from warlog.store import PostgresStore, SQLiteStore, open_store
from warlog.store.schema import POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS, Migration, load_migrations
from warlog.types import Analysis, Article, Event, Incident, Place, PlaceMention, SourceRef, Span

#: The stores every store test runs on.
BACKENDS = ("sqlite", "postgres")

MOSUL = Place(
    "Mosul",
    36.335,
    43.119,
    "IQ",
    geonames_id=99072,
    admin1="Nineveh",
    feature_class="P",
    feature_code="PPLA",
    population=1_739_800,
)


def make_article(article_id: str, text: str | None = None, **fields: object) -> Article:
    text = text or f"Islamic State fighters attacked Mosul on Tuesday, killing 12 people ({article_id})."
    digest = hashlib.sha1(" ".join(text.lower().split()).encode()).hexdigest()
    return Article(article_id=article_id, text=text, content_hash=digest, **fields)  # type: ignore[arg-type]


def make_event(article: Article, n: int = 1, **fields: object) -> Event:
    """An event located in Mosul, attributed to Reuters via a police source."""
    start = max(article.text.find("Mosul"), 0)
    values: dict[str, object] = {
        "actor1": "Islamic State (ISIS)",
        "actor2": "Civilians (Iraq)",
        "location": PlaceMention(start, start + 5, "Mosul", MOSUL, how="ner"),
        "geo_precision": 1,
        "date": "2017-03-07",
        "date_precision": "day",
        "fatalities": 12,
        "injuries": None,
        "sources": [SourceRef("Reuters", "media", None), SourceRef("police", "official", Span(0, 6))],
        "certainty": "attributed",
        "field_spans": {"fatalities": Span(58, 60), "actor1": Span(0, 13)},
    }
    values.update(fields)
    return Event(
        event_id=f"{article.article_id}:e{n}",
        article_id=article.article_id,
        event_type="Violence against civilians",
        sub_event_type="Attack",
        evidence=Span(0, len(article.text)),
        trigger=Span(0, article.text.index(" ")),
        **values,  # type: ignore[arg-type]
    )


def make_analysis(article: Article, *events: Event) -> Analysis:
    events = events or (make_event(article),)
    start = max(article.text.find("Mosul"), 0)
    places = [
        PlaceMention(start, start + 5, "Mosul", MOSUL, how="ner"),
        PlaceMention(0, 7, "Islamic", None, how="gazetteer"),
    ]
    return Analysis(article.article_id, places=places, events=list(events), main_event_id=events[0].event_id)


def make_incident(incident_id: str, *events: Event, **fields: object) -> Incident:
    values: dict[str, object] = {
        "event_type": events[0].event_type,
        "sub_event_type": events[0].sub_event_type,
        "date": events[0].date,
        "location": events[0].location,
        "fatalities_low": 10,
        "fatalities_high": 12,
        "fatalities_best": 12,
        "sources_count": len({e.article_id for e in events}),
        "independent_sources": 1,
        "confidence": 0.75,
        "contradictions": ["fatalities: 10 vs 12"],
        "reasons": ["same sub-event type, day and place"],
    }
    values.update(fields)
    return Incident(
        incident_id=incident_id,
        event_ids=[e.event_id for e in events],
        article_ids=sorted({e.article_id for e in events}),
        **values,  # type: ignore[arg-type]
    )


@pytest.fixture
def build() -> SimpleNamespace:
    return SimpleNamespace(
        article=make_article, event=make_event, analysis=make_analysis, incident=make_incident
    )


class SQLiteBackend:
    """A new SQLite file, and SQL on it through a connection of its own."""

    name = "sqlite"
    migrations_folder = SQLITE_MIGRATIONS

    def __init__(self, path: Path) -> None:
        self.target: str | Path = path

    def open(self, migrations: Sequence[Migration] | None = None) -> Any:
        return SQLiteStore(self.target, migrations=migrations)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with sqlite3.connect(self.target) as conn:
            return [tuple(row) for row in conn.execute(sql, params)]

    def names(self) -> set[str]:
        """The tables and indexes."""
        return {row[0] for row in self.query("SELECT name FROM sqlite_master")}

    def plan(self, sql: str) -> str:
        return " ".join(str(row[-1]) for row in self.query(f"EXPLAIN QUERY PLAN {sql}"))

    def migrations(self) -> list[Migration]:
        return load_migrations(self.migrations_folder)


class PostgresBackend(SQLiteBackend):
    """A new database on the session's PostgreSQL server, and SQL on it through a connection of its own."""

    name = "postgres"
    migrations_folder = POSTGRES_MIGRATIONS

    def __init__(self, url: str) -> None:
        self.target = url

    def open(self, migrations: Sequence[Migration] | None = None) -> Any:
        return PostgresStore(str(self.target), migrations=migrations)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        import psycopg

        with psycopg.connect(str(self.target), autocommit=True) as conn:
            cursor = conn.execute(sql.replace("?", "%s"), params)
            return cursor.fetchall() if cursor.description else []

    def names(self) -> set[str]:
        return {
            row[0]
            for row in self.query("SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace")
        }

    def plan(self, sql: str) -> str:
        """The plan PostgreSQL picks when a sequential scan is its last resort (the test tables are
        too small for an index to pay otherwise)."""
        import psycopg

        with psycopg.connect(str(self.target), autocommit=True) as conn:
            conn.execute("SET enable_seqscan = off")
            return " ".join(row[0] for row in conn.execute(f"EXPLAIN {sql}"))


@pytest.fixture(params=BACKENDS)
def backend(request, tmp_path):
    """One backend with a new, empty database."""
    if request.param == "sqlite":
        return SQLiteBackend(tmp_path / "warlog.db")
    return PostgresBackend(request.getfixturevalue("postgres_url"))


@pytest.fixture
def store(backend, settings):
    with open_store(backend.target, settings=settings) as opened:
        yield opened
