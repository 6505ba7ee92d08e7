"""Incident linking, on events built by hand."""

from warlog.link import build_incident, group_key
from warlog.types import Event, Place, PlaceMention, SourceRef, Span

MOSUL = Place(name="Mosul", lat=36.34, lon=43.13, country_code="IQ", geonames_id=99072, admin1="Nineveh",
              feature_class="P", feature_code="PPLA", population=1_739_800)
NINEVEH = Place(name="Nineveh", lat=36.0, lon=42.5, country_code="IQ", geonames_id=None, admin1="Nineveh",
                feature_class="A", feature_code="ADM1")


def event(eid, *, date="2024-03-05", place=MOSUL, sub="Air/drone strike", fatalities=None, sources=(),
          certainty="asserted", precision=1, actor1=None):
    return Event(
        event_id=eid, article_id=eid.split(":")[0], event_type="Explosions/Remote violence", sub_event_type=sub,
        evidence=Span(0, 10), trigger=Span(0, 3), location=PlaceMention(0, 5, place.name, place),
        geo_precision=precision, date=date, fatalities=fatalities, sources=list(sources), certainty=certainty,
        actor1=actor1,
    )


def test_link_same_type_day_and_place_share_a_key():
    assert group_key(event("a:e1")) == group_key(event("b:e1"))


def test_link_other_day_or_type_or_place_differ():
    base = group_key(event("a:e1"))
    assert group_key(event("b:e1", date="2024-03-06")) != base
    assert group_key(event("b:e1", sub="Shelling/artillery/missile attack")) != base
    assert group_key(event("b:e1", place=NINEVEH, precision=3)) != base


def test_link_undated_event_stands_alone():
    assert group_key(event("a:e1", date=None)) is None


def test_link_incident_lists_fatalities_range_and_contradiction():
    inc = build_incident(
        "inc-x",
        [event("a:e1", fatalities=16), event("b:e1", fatalities=25), event("c:e1", fatalities=20)],
        outlets={"a": "Tigris Wire", "b": "Gulf Dispatch", "c": None},
    )
    assert (inc.fatalities_low, inc.fatalities_high, inc.fatalities_best) == (16, 25, 20)
    assert inc.sources_count == 3 and inc.independent_sources == 3
    assert inc.contradictions == ["fatalities: 16 (Tigris Wire) vs 20 (c) vs 25 (Gulf Dispatch)"]


def test_link_shared_origin_counts_once():
    monitor = SourceRef(name="Syrian Observatory for Human Rights", kind="ngo")
    inc = build_incident(
        "inc-y",
        [event("a:e1", sources=[SourceRef("Tigris Wire"), monitor], certainty="attributed"),
         event("b:e1", sources=[monitor], certainty="attributed")],
    )
    assert inc.sources_count == 2
    assert inc.independent_sources == 1


def test_link_confidence_grows_with_independent_reports():
    one = build_incident("i1", [event("a:e1")])
    two = build_incident("i2", [event("a:e1"), event("b:e1")])
    hedged = build_incident("i3", [event("a:e1", certainty="hedged")])
    assert 0 < hedged.confidence < one.confidence < two.confidence <= 0.99
    assert any("independent" in r for r in two.reasons)
