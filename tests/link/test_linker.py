"""Linking a store: incremental, indexed, and the same as re-linking from scratch."""

from __future__ import annotations

import itertools
import random

import pytest
from link_samples import KIRKUK, MOSUL, NINEVEH, TEXT, ZANJILI, report

from warlog.link import incident_id, link_incidents
from warlog.store import open_store


@pytest.fixture
def settings(settings):
    """Settings that always link event by event (a batch share never switches to a rebuild), so
    these tests exercise incremental linking even on their tiny stores."""
    return {**settings, "link": {**settings["link"], "relink_share": float("inf")}}


def incidents(store):
    return sorted((i.incident_id, tuple(i.event_ids)) for i in store.iter_incidents())


def fill(store, order):
    """Five reports: three of one Mosul strike (one a day later), one in Kirkuk, one a week later."""
    specs = {
        "tigris": dict(outlet="Tigris Wire", fatalities=8, actor1="Military Forces of Iraq"),
        "gulf": dict(outlet="Gulf Dispatch", fatalities=8, actor1="Military Forces of Iraq"),
        "nineveh": dict(outlet="Nineveh Today", fatalities=11, date="2017-03-14", place=ZANJILI),
        "kirkuk": dict(outlet="Kirkuk Courier", fatalities=3, place=KIRKUK),
        "later": dict(outlet="Tigris Wire", fatalities=2, date="2017-03-20"),
    }
    for name in order:
        report(store, name, **specs[name])


def test_linker_groups_reports_of_one_incident(store, settings):
    fill(store, ["tigris", "gulf", "nineveh", "kirkuk", "later"])
    assert link_incidents(store, settings=settings) == 3
    groups = sorted(tuple(i.article_ids) for i in store.iter_incidents())
    assert groups == [("gulf", "nineveh", "tigris"), ("kirkuk",), ("later",)]


def test_linker_incremental_equals_relink_from_scratch(store, settings):
    for name in ["tigris", "kirkuk", "nineveh", "later", "gulf"]:
        fill(store, [name])
        link_incidents(store, settings=settings)
    incremental = incidents(store)
    link_incidents(store, settings=settings, relink=True)
    assert incidents(store) == incremental


def test_linker_result_does_not_depend_on_arrival_order(tmp_path, settings):
    names = ["tigris", "gulf", "nineveh", "kirkuk", "later"]
    seen = set()
    for n, order in enumerate(itertools.islice(itertools.permutations(names), 0, 120, 17)):
        with open_store(tmp_path / f"o{n}.db", settings=settings) as store:
            for name in order:
                fill(store, [name])
                link_incidents(store, settings=settings)
            seen.add(str(incidents(store)))
    assert len(seen) == 1


def test_linker_new_article_joins_an_existing_incident(store, settings):
    fill(store, ["tigris", "kirkuk"])
    link_incidents(store, settings=settings)
    kirkuk = next(i.incident_id for i in store.iter_incidents() if i.article_ids == ["kirkuk"])
    fill(store, ["nineveh"])
    assert link_incidents(store, settings=settings) == 1  # only the Mosul incident is rewritten
    after = {tuple(i.article_ids): i.incident_id for i in store.iter_incidents()}
    assert after == {("kirkuk",): kirkuk, ("nineveh", "tigris"): incident_id(["nineveh:e1", "tigris:e1"])}


def test_linker_incremental_uses_indexed_queries_only(store, settings):
    fill(store, ["tigris", "gulf", "kirkuk"])
    link_incidents(store, settings=settings)

    class Watched:
        def __init__(self, inner):
            self.inner, self.calls = inner, []

        def __getattr__(self, name):
            self.calls.append(name)
            return getattr(self.inner, name)

    watched = Watched(store)
    fill(store, ["nineveh"])
    link_incidents(watched, settings=settings)  # type: ignore[arg-type]
    assert "iter_events" not in watched.calls and "iter_incidents" not in watched.calls
    assert "events_in_window" in watched.calls


def test_linker_nothing_new_writes_nothing(store, settings):
    fill(store, ["tigris"])
    assert link_incidents(store, settings=settings) == 1
    assert link_incidents(store, settings=settings) == 0


def test_linker_wire_copy_counts_as_one_independent_source(store, settings):
    wire = (
        "MOSUL, March 13 (Tigris Wire) - An air strike on a house in the Zanjili district of western "
        "Mosul killed between 8 and 12 civilians on Monday, a member of the Nineveh provincial council "
        "said. Rescue teams were still searching the rubble on Tuesday, and residents said the house "
        "had sheltered three families who had fled the fighting near the old city."
    )
    report(store, "tigris", outlet="Tigris Wire", text=wire, fatalities=8)
    report(store, "gulf", outlet="Gulf Dispatch", text="Gulf Dispatch wire service. " + wire, fatalities=8)
    report(
        store,
        "nineveh",
        outlet="Nineveh Today",
        fatalities=11,
        place=ZANJILI,
        text=TEXT.format(place="Zanjili", n=11, who="the civil defence"),
    )
    link_incidents(store, settings=settings)
    (incident,) = [i for i in store.iter_incidents()]
    assert incident.sources_count == 3 and incident.independent_sources == 2
    assert any("near-identical texts" in r for r in incident.reasons)
    assert incident.contradictions == ["fatalities: 8 (Gulf Dispatch; Tigris Wire) vs 11 (Nineveh Today)"]
    assert MOSUL.geonames_id is not None


def _random_reports(rng, n):
    """``n`` reports crowded into 3 towns of 2 provinces over 6 days: many links, chains and splits."""
    towns = [MOSUL, ZANJILI, KIRKUK]
    subs = ["Air/drone strike", "Shelling/artillery/missile attack", "Suicide bomb"]
    out = []
    for i in range(n):
        place = rng.choice(towns)
        regional = rng.random() < 0.15
        out.append(
            dict(
                article_id=f"r{i:03d}",
                outlet=f"Outlet {rng.randrange(8)}",
                fatalities=rng.choice([None, 2, 3, 5]),
                date=f"2017-03-{rng.randrange(10, 16)}",
                precision=rng.choices(["day", "week", "month"], weights=[8, 1, 1])[0],
                place=NINEVEH if regional and place is not KIRKUK else place,
                geo_precision=3 if regional else rng.choice([1, 2]),
                sub=rng.choice(subs),
                actor1=rng.choice([None, "Islamic State (ISIS)", "Military Forces of Iraq"]),
            )
        )
    return out


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_linker_incremental_equals_relink_on_random_batches(tmp_path, settings, seed):
    rng = random.Random(seed)
    specs = _random_reports(rng, 60)
    with open_store(tmp_path / "r.db", settings=settings) as store:
        while specs:
            batch = specs[: rng.randrange(1, 8)]
            specs = specs[len(batch) :]
            for spec in batch:
                report(store, spec.pop("article_id"), **spec)
            link_incidents(store, settings=settings)
        incremental = incidents(store)
        assert any(len(events) > 2 for _, events in incremental)  # the data does link
        link_incidents(store, settings=settings, relink=True)
        assert incidents(store) == incremental


def test_linker_vague_date_window_stops_at_publication(store, settings):
    # every sample article is published 2017-03-14; "lead" is dated by its publication only
    report(store, "lead", outlet="Tigris Wire", date="2017-03-14", precision="week")
    report(store, "before", outlet="Gulf Dispatch", date="2017-03-11")
    report(store, "after", outlet="Nineveh Today", date="2017-03-16")
    link_incidents(store, settings=settings)
    groups = sorted(tuple(i.article_ids) for i in store.iter_incidents())
    assert groups == [("after",), ("before", "lead")]
    incremental = incidents(store)
    link_incidents(store, settings=settings, relink=True)
    assert incidents(store) == incremental


def test_linker_big_batch_is_rebuilt_with_the_same_result(tmp_path, settings):
    names = ["tigris", "gulf", "nineveh", "kirkuk", "later"]
    batch = {**settings, "link": {**settings["link"], "relink_share": 0.5}}
    found = []
    for n, conf in enumerate([settings, batch]):
        with open_store(tmp_path / f"b{n}.db", settings=conf) as store:
            fill(store, names[:2])
            link_incidents(store, settings=conf)
            fill(store, names[2:])  # 3 new reports of 5: a rebuild under a share of 0.5
            calls: list[int] = []
            store.iter_events = _counting(store.iter_events, calls)
            link_incidents(store, settings=conf)
            found.append((incidents(store), bool(calls)))
    assert found[0][0] == found[1][0]
    assert found[0][1] is False and found[1][1] is True  # event by event, then rebuilt


def _counting(method, calls):
    def wrapped(*args, **kwargs):
        calls.append(1)
        return method(*args, **kwargs)

    return wrapped
