"""replace_incidents: what is deleted, inserted and re-pointed."""

from __future__ import annotations

import pytest

from warlog.errors import StoreError


@pytest.fixture
def events(store, build):
    """Four stored events: a1:e1, a2:e1, a3:e1, a4:e1."""
    stored = []
    for n in range(1, 5):
        article = build.article(f"a{n}")
        event = build.event(article)
        store.save_article(article, build.analysis(article, event))
        stored.append(event)
    return stored


def _membership(store) -> dict[str, str | None]:
    return {e.event_id: e.incident_id for e in store.iter_events()}


def test_incidents_insert_and_point_events(store, build, events):
    e1, e2, e3, _ = events
    store.replace_incidents([build.incident("i1", e2, e1), build.incident("i2", e3)], event_ids=[])
    incidents = {i.incident_id: i for i in store.iter_incidents()}
    assert incidents["i1"].event_ids == ["a1:e1", "a2:e1"]
    assert incidents["i1"].article_ids == ["a1", "a2"]
    assert incidents["i1"].contradictions == ["fatalities: 10 vs 12"]
    assert incidents["i1"].location == e1.location
    assert _membership(store) == {"a1:e1": "i1", "a2:e1": "i1", "a3:e1": "i2", "a4:e1": None}


def test_incidents_replace_deletes_the_incidents_of_the_touched_events(store, build, events):
    e1, e2, e3, e4 = events
    store.replace_incidents([build.incident("i1", e1, e2), build.incident("i2", e3)], event_ids=[])
    store.replace_incidents([build.incident("i3", e1, e4)], event_ids=["a1:e1", "a4:e1"])
    assert [i.incident_id for i in store.iter_incidents()] == ["i2", "i3"]
    # a2:e1 lost its incident (i1 was deleted) and no new incident took it
    assert _membership(store) == {"a1:e1": "i3", "a2:e1": None, "a3:e1": "i2", "a4:e1": "i3"}


def test_incidents_touched_event_in_no_new_incident_is_unlinked(store, build, events):
    e1, e2, *_ = events
    store.replace_incidents([build.incident("i1", e1, e2)], event_ids=[])
    store.replace_incidents([], event_ids=["a1:e1"])
    assert list(store.iter_incidents()) == []
    assert set(_membership(store).values()) == {None}


def test_incidents_same_id_replaces_the_old_incident(store, build, events):
    e1, e2, e3, _ = events
    store.replace_incidents([build.incident("i1", e1, e2)], event_ids=[])
    store.replace_incidents([build.incident("i1", e3, confidence=0.5)], event_ids=["a3:e1"])
    [incident] = store.iter_incidents()
    assert (incident.event_ids, incident.confidence) == (["a3:e1"], 0.5)
    assert _membership(store)["a1:e1"] is None


def test_incidents_unknown_event_is_refused_and_nothing_changes(store, build, events):
    e1, *_ = events
    store.replace_incidents([build.incident("i1", e1)], event_ids=[])
    ghost = build.event(build.article("ghost"))
    with pytest.raises(StoreError) as caught:
        store.replace_incidents([build.incident("i2", ghost)], event_ids=["a1:e1"])
    assert caught.value.code == "W205"
    assert [i.incident_id for i in store.iter_incidents()] == ["i1"]


def test_incidents_event_claimed_twice_or_none_is_refused(store, build, events):
    e1, *_ = events
    with pytest.raises(StoreError, match="also in i1"):
        store.replace_incidents([build.incident("i1", e1), build.incident("i2", e1)], event_ids=[])
    empty = build.incident("i3", e1)
    empty.event_ids = []
    with pytest.raises(StoreError, match="no events"):
        store.replace_incidents([empty], event_ids=[])


def test_incidents_are_listed_by_date(store, build, events):
    e1, e2, e3, _ = events
    store.replace_incidents(
        [
            build.incident("late", e1, date="2017-03-09"),
            build.incident("none", e2, date=None),
            build.incident("early", e3, date="2017-03-01"),
        ],
        event_ids=[],
    )
    assert [i.incident_id for i in store.iter_incidents()] == ["early", "late", "none"]
