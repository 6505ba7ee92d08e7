"""Full-text search, stats, and the package's public names."""

from __future__ import annotations

import pytest

import warlog.store
from warlog.errors import StoreError
from warlog.store import SQLiteStore, Store
from warlog.types import IngestProblem


@pytest.fixture
def filled(store, build):
    texts = {
        "a1": "Suicide bomber strikes a market in Hasaka, killing 16 people.",
        "a2": "Airstrikes hit Mosul's Old City as Iraqi troops advance on Mosul.",
        "a3": "Talks in Geneva ended without agreement.",
    }
    for article_id, text in texts.items():
        article = build.article(article_id, text, title=f"Title of {article_id}", language="en")
        analysis = build.analysis(article) if "Mosul" in text else None
        store.save_article(article, analysis)
    store.save_article(build.article("fr", "Les frappes ont touché Mossoul.", language="fr"), None)
    return store


def test_search_finds_and_marks_matches(filled):
    [(article_id, title, snippet)] = filled.search("hasaka")
    assert (article_id, title) == ("a1", "Title of a1")
    assert "«Hasaka»" in snippet


def test_search_ranks_by_bm25(filled):
    hits = filled.search("Mosul OR market")
    assert [h[0] for h in hits] == ["a2", "a1"]  # a2 mentions Mosul twice in a shorter text
    assert filled.search("Mosul OR market", limit=1) == hits[:1]


def test_search_phrases_prefixes_and_no_match(filled):
    assert [h[0] for h in filled.search('"Old City"')] == ["a2"]
    assert [h[0] for h in filled.search("airstrike*")] == ["a2"]
    assert filled.search("Kabul") == []
    assert filled.search("   ") == []


@pytest.mark.parametrize("query", ['"unbalanced', "al-Hussein", "AND", "title:"])
def test_search_malformed_query_is_a_store_error(filled, query):
    with pytest.raises(StoreError) as caught:
        filled.search(query)
    assert caught.value.code == "W204"


def test_search_index_follows_title_updates(filled):
    filled._conn.execute("UPDATE articles SET title = 'Renamed headline' WHERE article_id = 'a3'")
    assert [h[0] for h in filled.search("renamed")] == ["a3"]
    assert filled.search('"Title of a3"') == []


def test_stats_counts_everything(filled, build):
    e2 = filled.events_of_article("a2")[0]
    filled.replace_incidents([build.incident("i1", e2)], event_ids=[])
    filled.record_problem(IngestProblem("in.jsonl", 1, "W102", "missing or empty text"))
    assert filled.stats() == {
        "articles": 4,
        "analysed": 1,
        "duplicates": 0,
        "non_english": 1,
        "events": 1,
        "events_by_event_type": {"Violence against civilians": 1},
        "events_by_sub_event_type": {"Attack": 1},
        "top_places": [("Mosul", "IQ", 1)],
        "incidents": 1,
        "multi_article_incidents": 0,
        "ingest_errors": 1,
    }


def test_stats_multi_article_incidents_and_top_places_limit(store, build):
    events = []
    for n in range(3):
        article = build.article(f"a{n}")
        events.append(build.event(article))
        store.save_article(article, build.analysis(article, events[-1]))
    store.replace_incidents(
        [build.incident("i1", events[0], events[1]), build.incident("i2", events[2])], event_ids=[]
    )
    stats = store.stats(top=0)
    assert (stats["incidents"], stats["multi_article_incidents"], stats["top_places"]) == (2, 1, [])


def test_stats_of_an_empty_store(store):
    stats = store.stats()
    assert stats["articles"] == stats["analysed"] == stats["events"] == 0
    assert stats["events_by_sub_event_type"] == {}


def test_store_public_names():
    assert warlog.store.__all__ == ["SQLiteStore", "SearchHit", "Store", "open_store"]
    assert isinstance(SQLiteStore(":memory:"), Store)


def test_store_closes_with_its_context(tmp_path, settings):
    with warlog.store.open_store(tmp_path / "w.db", settings=settings) as store:
        assert store.stats()["articles"] == 0
    with pytest.raises(StoreError):
        store.stats()
