"""Full-text search, stats, and the package's public names."""

from __future__ import annotations

import pytest

import warlog.store
from warlog.errors import StoreError
from warlog.store import SQLiteStore, Store, open_store
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
    assert warlog.store.__all__ == ["PostgresStore", "SQLiteStore", "SearchHit", "Store", "open_store"]
    assert isinstance(SQLiteStore(":memory:"), Store)


def test_store_every_backend_is_a_store(store):
    assert isinstance(store, Store)


def test_store_closes_with_its_context(backend, settings):
    with warlog.store.open_store(backend.target, settings=settings) as store:
        assert store.stats()["articles"] == 0
    with pytest.raises(StoreError):
        store.stats()


#: Titles and texts on which the two stores' search must agree.
AGREEMENT_CORPUS = {
    "s1": ("Mosul offensive", "Iraqi troops advanced into the Old City of Mosul on Tuesday."),
    "s2": ("Market bombing", "A suicide bomber struck a crowded market in Hasaka, killing 16."),
    "s3": ("Airstrikes on Raqqa", "Coalition airstrikes hit Raqqa; activists said 12 civilians died."),
    "s4": ("Talks in Geneva", "Negotiators met in Geneva but the city of Mosul was not discussed."),
    "s5": (None, "Shelling of Aleppo's eastern districts killed 7 people, the Première brigade said."),
    "s6": ("Old City fighting", "Street fighting continued; the old market burned."),
}
#: FTS5 queries of every kind the PostgreSQL store translates (NEAR and ^ excepted).
AGREEMENT_QUERIES = [
    "mosul",
    "MOSUL",
    "mosul geneva",
    "mosul AND geneva",
    "mosul OR raqqa",
    "mosul NOT geneva",
    "market OR mosul NOT geneva",
    "market NOT old city",
    '"old city"',
    '"city old"',
    '"old city" OR hasaka',
    "air*",
    "airstrike*",
    '"old c"*',
    "title:mosul",
    "text:mosul",
    "-title:market",
    "{title text}:market",
    "title:(mosul OR geneva)",
    "old + city",
    "première",
    '"Aleppo\'s"',
    "(mosul OR raqqa) AND (city OR civilians)",
    "mosul NOT geneva NOT old",
    '""',
    "kabul",
    "NOT mosul",
    "mosul AND",
    "(mosul",
    "mosul)",
    "title:",
    "nowhere:mosul",
    "al-Hussein",
    "Aleppo's",
    '"unbalanced',
    "(mosul) raqqa",
]


def test_search_postgres_agrees_with_sqlite_fts5(tmp_path, postgres_url, settings, build):
    stores = [open_store(tmp_path / "w.db", settings=settings), open_store(postgres_url, settings=settings)]
    for store in stores:
        for article_id, (title, text) in AGREEMENT_CORPUS.items():
            store.save_article(build.article(article_id, text, title=title), None)

    def found(store, query):
        try:
            return sorted(hit[0] for hit in store.search(query))
        except StoreError as exc:
            return exc.code

    try:
        disagree = {q: [found(s, q) for s in stores] for q in AGREEMENT_QUERIES}
        disagree = {q: results for q, results in disagree.items() if results[0] != results[1]}
    finally:
        for store in stores:
            store.close()
    assert not disagree, f"query: [SQLite, PostgreSQL] results differ: {disagree}"


@pytest.mark.parametrize("query", ["NEAR(mosul city)", "^mosul"])
def test_search_postgres_refuses_what_tsquery_cannot_express(postgres_url, settings, query):
    with open_store(postgres_url, settings=settings) as store, pytest.raises(StoreError) as caught:
        store.search(query)
    assert caught.value.code == "W204"
    assert "not supported" in str(caught.value)
