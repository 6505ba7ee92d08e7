"""The :class:`Store` protocol: the one interface through which warlog reads and writes its database.

Every other module talks to the database only through these methods, with the plain records of
:mod:`warlog.types`, so a second backend (PostgreSQL) only has to implement this protocol.

Write methods are transactional: each call either happens completely or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from types import TracebackType
from typing import Any, Protocol, runtime_checkable

from ..types import Analysis, Article, Event, Incident, IngestProblem, PlaceMention, Quote

#: One full-text search hit: (article_id, title, snippet with the matched words marked «like this»).
SearchHit = tuple[str, str | None, str]


@runtime_checkable
class Store(Protocol):
    """A warlog database."""

    # -- articles ---------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id is stored."""
        ...

    def article_id_for_hash(self, content_hash: str) -> str | None:
        """The id of the first stored article with this content hash, if any."""
        ...

    def save_article(self, article: Article, analysis: Analysis | None) -> None:
        """Store an article with its events, place mentions and sources, in one transaction.

        ``analysis=None`` stores the article unanalysed (not English, or a duplicate). When
        ``article.published`` is empty, the publication date found by the analysis is stored
        (``published_from="dateline"``). Saving an article id that is already stored does nothing.
        """
        ...

    def get_article(self, article_id: str) -> Article | None:
        """The stored article, or None."""
        ...

    def iter_articles(self) -> Iterator[Article]:
        """Every article, in ingestion order."""
        ...

    def main_event_ids(self) -> dict[str, str]:
        """``article_id → main_event_id`` for every article that has a main event."""
        ...

    # -- analysis ---------------------------------------------------------------------------

    def iter_events(
        self,
        *,
        article_ids: Iterable[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> Iterator[Event]:
        """Events in ingestion order, optionally only of ``article_ids`` and dated within
        ``[date_from, date_to]`` (inclusive ISO dates; a date filter skips undated events)."""
        ...

    def events_of_article(self, article_id: str) -> list[Event]:
        """The events of one article, in the order the analysis gave them."""
        ...

    def iter_place_mentions(self) -> Iterator[tuple[str, PlaceMention]]:
        """Every place mention as ``(article_id, mention)``, article by article."""
        ...

    def iter_quotes(self) -> Iterator[tuple[str, Quote]]:
        """Every stored quotation (``Analysis.quotes``) as ``(article_id, quote)``, article by article."""
        ...

    # -- incidents --------------------------------------------------------------------------

    def replace_incidents(
        self,
        incidents: list[Incident],
        *,
        event_ids: Iterable[str],
        components: Mapping[str, str] | None = None,
    ) -> None:
        """Replace the incidents around ``event_ids``, in one transaction.

        ``components`` (``event_id → link component``, see :meth:`link_components`) is stored in
        the same transaction, so incidents and components never disagree.

        Deletes every incident that contains one of ``event_ids`` or of the new incidents' events
        (or shares an id with a new incident), inserts ``incidents`` and points their events at
        them. Events of a deleted incident that no new incident takes are left without one.
        Raises StoreError W205 when an incident names an unknown event, no event, or an event
        another new incident also claims.
        """
        ...

    def iter_incidents(self) -> Iterator[Incident]:
        """Every incident, ordered by date then id, with its event and article ids sorted."""
        ...

    # -- linking (schema 2) -----------------------------------------------------------------

    def count_events(self) -> int:
        """How many events are stored."""
        ...

    def unlinked_events(self) -> list[Event]:
        """Events that belong to no incident yet (the ones linking has still to place)."""
        ...

    def events_in_window(
        self,
        *,
        country_code: str,
        date_from: str,
        date_to: str,
        date_precisions: Iterable[str] | None = None,
    ) -> list[Event]:
        """Events located in ``country_code`` and dated within ``[date_from, date_to]`` (inclusive),
        optionally only those whose date precision is one of ``date_precisions``. Indexed: the cost
        grows with the events returned, not with the store."""
        ...

    def events_of_incidents(self, incident_ids: Iterable[str]) -> list[Event]:
        """The events of the given incidents."""
        ...

    def link_components(self, event_ids: Iterable[str]) -> dict[str, str | None]:
        """``event_id → the linking-graph component it was last linked in`` (None: not recorded)."""
        ...

    def events_of_components(self, component_ids: Iterable[str]) -> list[Event]:
        """The events of the given linking-graph components."""
        ...

    def evidence_texts(self, event_ids: Iterable[str]) -> dict[str, str]:
        """``event_id → its evidence sentence`` (``text[evidence.start:evidence.end]``)."""
        ...

    def article_outlets(self, article_ids: Iterable[str] | None = None) -> dict[str, str | None]:
        """``article_id → outlet`` for the given articles (every article when None)."""
        ...

    def article_texts(self, article_ids: Iterable[str]) -> dict[str, str]:
        """``article_id → text`` for the given articles."""
        ...

    def article_signatures(self, article_ids: Iterable[str]) -> dict[str, bytes]:
        """``article_id → stored text signature`` for those of the given articles that have one."""
        ...

    def save_article_signatures(self, signatures: dict[str, bytes]) -> None:
        """Store (or replace) text signatures of articles, in one transaction."""
        ...

    # -- problems, search, stats ------------------------------------------------------------

    def record_problem(self, problem: IngestProblem) -> None:
        """Keep an ingest problem (table ``ingest_errors``)."""
        ...

    def iter_problems(self) -> Iterator[IngestProblem]:
        """Every recorded ingest problem, oldest first."""
        ...

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search over article titles and texts, best match first.

        ``query`` uses SQLite FTS5 syntax (words, "phrases", AND/OR/NOT, prefix*, column:) on
        every backend (PostgreSQL translates it, see :mod:`warlog.store.tsquery`); a malformed
        query raises StoreError W204.
        """
        ...

    def stats(self, *, top: int = 10) -> dict[str, Any]:
        """Counts describing the database, as one JSON-ready dict.

        Keys: articles, analysed, duplicates, non_english, events, events_by_event_type and
        events_by_sub_event_type (name → count, most frequent first), top_places (up to ``top``
        ``(place name, country code, events)``), incidents, multi_article_incidents (reported by
        more than one article), ingest_errors.
        """
        ...

    # -- lifetime ---------------------------------------------------------------------------

    def close(self) -> None:
        """Release the connection; the store cannot be used afterwards."""
        ...

    def __enter__(self) -> Store: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
