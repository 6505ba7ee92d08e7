"""Saving and reading articles, their analysis and ingest problems."""

from __future__ import annotations

import pytest

import warlog.store.rows
from warlog.errors import StoreError
from warlog.types import IngestProblem, PlaceMention


def _counts(store) -> dict[str, int]:
    tables = ("articles", "events", "sources", "place_mentions")
    return {t: store._conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def test_articles_save_round_trips_article_and_analysis(store, build):
    article = build.article(
        "a1", title="Attack in Mosul", published="2017-03-07", outlet="Reuters", language="en"
    )
    analysis = build.analysis(article, build.event(article, 1), build.event(article, 2, location=None))
    store.save_article(article, analysis)

    assert store.has_article("a1")
    assert store.get_article("a1") == article
    assert list(store.iter_articles()) == [article]
    assert store.events_of_article("a1") == analysis.events
    assert list(store.iter_place_mentions()) == [("a1", m) for m in analysis.places]
    assert store.main_event_ids() == {"a1": "a1:e1"}


def test_articles_unresolved_location_round_trips(store, build):
    article = build.article("a1")
    start = article.text.index("Mosul")
    event = build.event(article, location=PlaceMention(start, start + 5, "Mosul", None, how="ner"))
    store.save_article(article, build.analysis(article, event))
    assert store.events_of_article("a1")[0].location == event.location


def test_articles_save_is_idempotent(store, build):
    article = build.article("a1")
    store.save_article(article, build.analysis(article))
    before = _counts(store)
    store.save_article(article, build.analysis(article))
    store.save_article(article, None)
    assert _counts(store) == before


def test_articles_without_analysis_are_stored_unanalysed(store, build):
    store.save_article(build.article("fr", "Des combattants ont attaqué Mosul mardi.", language="fr"), None)
    assert store.has_article("fr")
    assert store.events_of_article("fr") == []
    assert store.main_event_ids() == {}
    assert store.stats()["analysed"] == 0


def test_articles_dateline_date_fills_a_missing_published(store, build):
    article = build.article("a1")
    analysis = build.analysis(article)
    analysis.published = "2017-03-08"
    store.save_article(article, analysis)
    stored = store.get_article("a1")
    assert (stored.published, stored.published_from) == ("2017-03-08", "dateline")


def test_articles_analysis_of_another_article_is_refused(store, build):
    with pytest.raises(ValueError):
        store.save_article(build.article("a1"), build.analysis(build.article("a2")))


def test_articles_failed_save_rolls_back_everything(store, build):
    article = build.article("a1")
    twins = build.analysis(article, build.event(article, 1), build.event(article, 1))  # same event id twice
    with pytest.raises(StoreError) as caught:
        store.save_article(article, twins)
    assert caught.value.code == "W202"
    assert _counts(store) == dict.fromkeys(("articles", "events", "sources", "place_mentions"), 0)
    assert store.search("Mosul") == []
    store.save_article(article, build.analysis(article))  # and the store is usable afterwards
    assert store.has_article("a1")


def test_articles_exception_mid_save_rolls_back(store, build, monkeypatch):
    article = build.article("a1")
    analysis = build.analysis(article, build.event(article, 1), build.event(article, 2))
    real = warlog.store.rows.event_row
    calls = []

    def fail_on_second(event):
        calls.append(event.event_id)
        if len(calls) == 2:
            raise RuntimeError("killed mid-save")
        return real(event)

    monkeypatch.setattr(warlog.store.rows, "event_row", fail_on_second)
    with pytest.raises(RuntimeError):
        store.save_article(article, analysis)
    assert not store.has_article("a1")
    assert _counts(store)["events"] == 0


def test_articles_main_event_must_exist(store, build):
    article = build.article("a1")
    analysis = build.analysis(article)
    analysis.main_event_id = "nowhere"
    with pytest.raises(StoreError):
        store.save_article(article, analysis)
    assert not store.has_article("a1")


def test_articles_content_hash_finds_the_first_copy(store, build):
    first = build.article("a1")
    copy = build.article("a2", first.text, duplicate_of="a1")
    store.save_article(first, build.analysis(first))
    store.save_article(copy, None)
    assert store.article_id_for_hash(first.content_hash) == "a1"
    assert store.article_id_for_hash("0" * 40) is None
    assert store.stats()["duplicates"] == 1


def test_articles_iter_events_filters_by_article_and_date(store, build):
    for n, date in enumerate(("2017-03-01", "2017-03-05", None), start=1):
        article = build.article(f"a{n}")
        store.save_article(article, build.analysis(article, build.event(article, date=date)))
    ids = lambda **kw: [e.event_id for e in store.iter_events(**kw)]  # noqa: E731
    assert ids() == ["a1:e1", "a2:e1", "a3:e1"]
    assert ids(article_ids=["a3", "a1"]) == ["a1:e1", "a3:e1"]
    assert ids(article_ids=[]) == []
    assert ids(date_from="2017-03-02") == ["a2:e1"]
    assert ids(date_to="2017-03-05") == ["a1:e1", "a2:e1"]
    assert ids(date_from="2017-03-01", date_to="2017-03-01", article_ids=["a1", "a2"]) == ["a1:e1"]


def test_articles_problems_are_recorded_in_order(store, backend):
    problems = [
        IngestProblem("in.jsonl", 3, "W102", "missing or empty text", item_id="x3"),
        IngestProblem("page.html", None, "W103", "binary file, not text"),
    ]
    for problem in problems:
        store.record_problem(problem)
    assert list(store.iter_problems()) == problems
    assert all(at for (at,) in backend.query("SELECT at FROM ingest_errors"))
