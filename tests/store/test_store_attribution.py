"""Attribution in the store (migration 0003): disputed_by on events, and the quotes table."""

from __future__ import annotations

from warlog.types import Quote, Span


def test_store_attribution_disputed_by_round_trips(store, build):
    article = build.article("a1")
    event = build.event(article, disputed_by=["defence ministry"])
    store.save_article(article, build.analysis(article, event))
    (found,) = store.events_of_article("a1")
    assert found.disputed_by == ["defence ministry"]
    assert found.certainty == event.certainty


def test_store_attribution_events_without_disputes_read_an_empty_list(store, build):
    article = build.article("a1")
    store.save_article(article, build.analysis(article, build.event(article)))
    assert store.events_of_article("a1")[0].disputed_by == []


def test_store_attribution_quotes_round_trip(store, build):
    article = build.article("a1")
    analysis = build.analysis(article, build.event(article))
    analysis.quotes = [
        Quote(speaker="Khalid Sabah", speaker_span=Span(0, 12), span=Span(20, 40), direct=True),
        Quote(speaker=None, speaker_span=None, span=Span(50, 60), direct=False),
    ]
    store.save_article(article, analysis)
    assert list(store.iter_quotes()) == [("a1", q) for q in analysis.quotes]
