"""Linking the demo corpus end to end (spaCy, gazetteer): its multi-outlet incidents, against gold.

The gold (src/warlog/demo/gold) lists, per article, the incidents it reports. Linking is judged on
what the event coder and the geoparser hand it: an incident is linked when one stored incident
holds events from every article that reports it.
"""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

import pytest

from warlog.link import family_of, link_incidents
from warlog.pipeline import ingest
from warlog.store import open_store

pytestmark = pytest.mark.slow


def _fold(name: str | None) -> str:
    return (name or "").casefold().replace("al-", "").replace("ʼ", "'").strip()


def _coded_right(event, gold: dict) -> bool:
    """Whether the coder and geoparser gave ``event`` the gold incident's type family, day (±1),
    country and admin1: what linking needs to be able to link it."""
    place = event.location.place if event.location else None
    if place is None or event.date is None or event.date_precision != "day":
        return False
    apart = abs(date.fromisoformat(event.date[:10]) - date.fromisoformat(gold["date"])).days
    return (
        family_of(event.event_type) == family_of(gold["event_type"])
        and apart <= 1
        and place.country_code == gold["country_code"]
        and _fold(place.admin1) == _fold(gold["admin1"])
    )


def _gold(name: str) -> list[dict]:
    text = (resources.files("warlog") / "demo" / "gold" / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory, settings, analyser, demo_corpus):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with open_store(path, settings=settings) as store:
        paths = [str(p) for p in sorted(demo_corpus.rglob("*")) if p.is_file()]
        ingest(paths, store=store, settings=settings, analyser=analyser)
        yield store


@pytest.fixture(scope="module")
def gold_of(demo_store):
    """stored article id → the gold incidents it reports."""
    by_title = {a.title: a.article_id for a in demo_store.iter_articles()}
    found = {}
    for g in _gold("articles.gold.jsonl"):
        stored = g.get("article_id") if demo_store.has_article(g.get("article_id") or "") else None
        stored = stored or by_title.get(g.get("title"))
        if stored:
            found[stored] = set(g["incidents"])
    return found


def test_link_demo_multi_outlet_incidents_are_linked_when_coded_right(demo_store, gold_of):
    """Every multi-outlet incident of which each report has a rightly coded event is one incident.

    (Incidents with a report the coder or geoparser got wrong — a year-only date, no place, another
    country — are out of linking's reach; the closing note of issue 6 lists them.)
    """
    articles_of = [set(i.article_ids) for i in demo_store.iter_incidents()]
    checked = 0
    for g in _gold("incidents.gold.jsonl"):
        reporters = {a for a, incs in gold_of.items() if g["incident"] in incs}
        if not g["multi_outlet"] or len(reporters) < 2:
            continue
        if all(any(_coded_right(e, g) for e in demo_store.events_of_article(a)) for a in reporters):
            checked += 1
            assert any(reporters <= arts for arts in articles_of), g["incident"]
    assert checked >= 2


def test_link_demo_nothing_is_over_merged(demo_store, gold_of):
    for incident in demo_store.iter_incidents():
        if len(incident.article_ids) > 1:
            shared = set.intersection(*(gold_of[a] for a in incident.article_ids))
            assert shared, f"{incident.incident_id} merges {incident.article_ids}"


def test_link_demo_contradictions_and_copies(demo_store):
    incidents = {tuple(i.article_ids): i for i in demo_store.iter_incidents()}
    hasakah = next(i for a, i in incidents.items() if "demo-nsm-hasakah-market-bomb" in a and len(a) == 3)
    assert any(
        c.startswith("fatalities: 12 (Gulf Dispatch") and "16 (Northern Syria Monitor" in c
        for c in hasakah.contradictions
    )
    mosul = incidents[
        ("demo-gulf-mosul-wire-copy", "demo-ninevehtoday-zanjili-bodies", "demo-tigris-mosul-zanjili-strike")
    ]
    assert mosul.sources_count == 3 and mosul.independent_sources == 2  # the wire copy counts once


def test_link_demo_relink_from_scratch_gives_the_same_incidents(demo_store, settings):
    before = sorted((i.incident_id, tuple(i.event_ids)) for i in demo_store.iter_incidents())
    link_incidents(demo_store, settings=settings, relink=True)
    assert sorted((i.incident_id, tuple(i.event_ids)) for i in demo_store.iter_incidents()) == before
