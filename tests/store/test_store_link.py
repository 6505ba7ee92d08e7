"""Schema 2: the indexed queries and signature table that incremental linking uses."""

from __future__ import annotations

from warlog.types import Place, PlaceMention, Span


def _fill(store, build):
    a1, a2 = build.article("a1", outlet="Tigris Wire"), build.article("a2", outlet=None)
    e1 = build.event(a1)
    e2 = build.event(a2, date="2017-03-09", date_precision="week")
    store.save_article(a1, build.analysis(a1, e1))
    store.save_article(a2, build.analysis(a2, e2))
    kirkuk = Place("Kirkuk", 35.47, 44.39, "IQ", geonames_id=94787, admin1="Kirkuk", feature_class="P")
    a3 = build.article("a3")
    e3 = build.event(a3, location=PlaceMention(0, 6, "Kirkuk", kirkuk), date="2017-03-07")
    store.save_article(a3, build.analysis(a3, e3))
    syria = Place("Hasakah", 36.5, 40.7, "SY", admin1="Al-Hasakah", feature_class="P")
    a4 = build.article("a4")
    store.save_article(a4, build.analysis(a4, build.event(a4, location=PlaceMention(0, 7, "Hasakah", syria))))
    return e1, e2, e3


def test_store_link_migration_adds_index_and_signature_table(store, backend):
    assert {"events_country_date", "article_signatures"} <= backend.names()


def test_store_link_events_in_window_filters_country_dates_and_precision(store, build):
    e1, e2, e3 = _fill(store, build)
    found = store.events_in_window(country_code="IQ", date_from="2017-03-06", date_to="2017-03-09")
    assert [e.event_id for e in found] == [e1.event_id, e2.event_id, e3.event_id]
    week = store.events_in_window(
        country_code="IQ", date_from="2017-03-01", date_to="2017-03-31", date_precisions=["week"]
    )
    assert [e.event_id for e in week] == [e2.event_id]
    assert store.events_in_window(country_code="IQ", date_from="2017-03-08", date_to="2017-03-08") == []
    assert found[0].sources == e1.sources


def test_store_link_window_query_uses_the_index(store, backend):
    plan = backend.plan(
        "SELECT * FROM events WHERE country_code = 'IQ' AND date >= '2017-01-01' AND date <= '2017-01-05'"
    )
    assert "events_country_date" in plan


def test_store_link_unlinked_events_and_events_of_incidents(store, build):
    e1, e2, e3 = _fill(store, build)
    assert len(store.unlinked_events()) == 4
    store.replace_incidents([build.incident("i1", e1, e2)], event_ids=[e1.event_id, e2.event_id])
    assert {e.event_id for e in store.unlinked_events()} == {e3.event_id, "a4:e1"}
    assert [e.event_id for e in store.events_of_incidents(["i1"])] == [e1.event_id, e2.event_id]


def test_store_link_evidence_texts_and_article_lookups(store, build):
    a = build.article(
        "ax", text="Première phrase. Islamic State fighters attacked Mosul.", outlet="Gulf Dispatch"
    )
    start = a.text.index("Islamic")
    ev = build.event(a)
    ev.evidence = Span(start, len(a.text))
    store.save_article(a, build.analysis(a, ev))
    assert store.evidence_texts([ev.event_id]) == {ev.event_id: "Islamic State fighters attacked Mosul."}
    assert store.article_outlets(["ax"]) == {"ax": "Gulf Dispatch"}
    assert store.article_outlets() == {"ax": "Gulf Dispatch"}
    assert store.article_texts(["ax", "nope"]) == {"ax": a.text}


def test_store_link_signatures_round_trip_and_replace(store, build):
    store.save_article(build.article("a1"), None)
    assert store.article_signatures(["a1"]) == {}
    store.save_article_signatures({"a1": b"\x01\x02"})
    store.save_article_signatures({"a1": b"\x03"})
    assert store.article_signatures(["a1", "a2"]) == {"a1": b"\x03"}
