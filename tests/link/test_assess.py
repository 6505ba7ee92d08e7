"""Summarising an incident: fatalities, contradictions, independence, confidence and reasons."""

from __future__ import annotations

from link_samples import event

from warlog.assess import build_incident, is_named_source
from warlog.assess.text import signature_similarity, signatures
from warlog.types import SourceRef

SOHR = SourceRef(name="Syrian Observatory for Human Rights", kind="ngo")


def test_assess_fatalities_range_best_and_contradiction():
    inc = build_incident(
        "inc-x",
        [event("a:e1", fatalities=16), event("b:e1", fatalities=25), event("c:e1", fatalities=20)],
        outlets={"a": "Tigris Wire", "b": "Gulf Dispatch", "c": None},
    )
    assert (inc.fatalities_low, inc.fatalities_high, inc.fatalities_best) == (16, 25, 20)
    assert inc.sources_count == 3 and inc.independent_sources == 3
    assert inc.contradictions == ["fatalities: 16 (Tigris Wire) vs 20 (c) vs 25 (Gulf Dispatch)"]


def test_assess_contradiction_names_outlet_and_cited_source():
    inc = build_incident(
        "inc-x",
        [event("a:e1", fatalities=16, sources=(SOHR,), certainty="attributed"), event("b:e1", fatalities=25)],
        outlets={"a": "Reuters", "b": "SANA"},
    )
    assert inc.contradictions == [
        "fatalities: 16 (Reuters, citing Syrian Observatory for Human Rights) vs 25 (SANA)"
    ]


def test_assess_best_figure_follows_independent_certain_reports():
    # two copies of one hedged claim (one origin) against one asserted report
    hedged = SourceRef(name="Rojava Info Network", kind="media")
    inc = build_incident(
        "inc-x",
        [
            event("a:e1", fatalities=40, sources=(hedged,), certainty="hedged"),
            event("b:e1", fatalities=40, sources=(hedged,), certainty="hedged"),
            event("c:e1", fatalities=12),
        ],
        outlets={"a": "A", "b": "B", "c": "C"},
    )
    assert inc.independent_sources == 2
    assert inc.fatalities_best == 12


def test_assess_shared_named_origin_counts_once_generic_sources_do_not():
    shared = build_incident("i", [event("a:e1", sources=(SOHR,)), event("b:e1", sources=(SOHR,))])
    assert shared.independent_sources == 1
    residents = SourceRef(name="residents", kind="witness")
    generic = build_incident("i", [event("a:e1", sources=(residents,)), event("b:e1", sources=(residents,))])
    assert generic.independent_sources == 2


def test_assess_citing_another_outlet_or_same_outlet_is_one_origin():
    cites = build_incident(
        "i",
        [event("a:e1"), event("b:e1", sources=(SourceRef("Tigris Wire", "media"),))],
        outlets={"a": "Tigris Wire", "b": "Gulf Dispatch"},
    )
    assert cites.independent_sources == 1
    assert any("Gulf Dispatch cites Tigris Wire" in r for r in cites.reasons)
    same = build_incident(
        "i", [event("a:e1"), event("b:e1")], outlets={"a": "Tigris Wire", "b": "Tigris Wire"}
    )
    assert same.independent_sources == 1


def test_assess_named_source_detection():
    assert is_named_source("Syrian Observatory for Human Rights")
    assert is_named_source("Khalid Sabah")
    assert not is_named_source("residents")
    assert not is_named_source("a doctor")
    assert not is_named_source("two security sources")


def test_assess_lists_actor_and_day_disagreements():
    inc = build_incident(
        "i",
        [
            event("a:e1", actor1="Military Forces of Iraq"),
            event("b:e1", actor1="Popular Mobilization Forces", date="2017-03-14"),
            event("c:e1", actor1="Unidentified Armed Group (Iraq)"),
        ],
        outlets={"a": "Tigris Wire", "b": "al-Hashd Herald", "c": "C"},
    )
    assert (
        "actor1: Military Forces of Iraq (Tigris Wire) vs Popular Mobilization Forces (al-Hashd Herald)"
        in (inc.contradictions)
    )
    assert "date: 2017-03-13 (Tigris Wire; C) vs 2017-03-14 (al-Hashd Herald)" in inc.contradictions
    assert inc.date == "2017-03-13"  # the day most reports give


def test_assess_confidence_grows_with_independent_reports_and_gives_reasons():
    one = build_incident("i1", [event("a:e1")])
    two = build_incident("i2", [event("a:e1"), event("b:e1")])
    hedged = build_incident("i3", [event("a:e1", certainty="hedged")])
    assert 0 < hedged.confidence < one.confidence < two.confidence <= 0.99
    assert any("independent" in r for r in two.reasons)
    assert two.reasons[-1].startswith("confidence")


def test_assess_disagreement_and_deep_chains_lower_confidence():
    agree = build_incident("i", [event("a:e1", fatalities=10), event("b:e1", fatalities=10)])
    differ = build_incident("i", [event("a:e1", fatalities=10), event("b:e1", fatalities=30)])
    assert differ.confidence < agree.confidence
    assert any("fatality figures differ" in r for r in differ.reasons)
    chain = (SourceRef("ARA News", "media"), SourceRef("Ali al-Hussein", "activist"))
    shallow = build_incident("i", [event("a:e1", sources=chain[:1], certainty="attributed")])
    deep = build_incident("i", [event("a:e1", sources=chain, certainty="attributed")])
    assert deep.confidence < shallow.confidence


def test_assess_signatures_spot_a_copied_text():
    wire = " ".join(f"word{i}" for i in range(200))
    sigs = signatures(
        {"a": wire, "b": "new intro here. " + wire, "c": "something else entirely " * 20},
        shingle_words=5,
        num_perm=64,
    )
    assert signature_similarity(sigs["a"], sigs["b"]) > 0.8
    assert signature_similarity(sigs["a"], sigs["c"]) < 0.2
    assert signatures({"a": wire}, shingle_words=5, num_perm=64) == {"a": sigs["a"]}


def test_assess_denial_is_listed_and_lowers_confidence():
    plain = build_incident("i", [event("a:e1")], outlets={"a": "Levant Observer"})
    denied = event("a:e1")
    denied.disputed_by = ["Russian defence ministry"]
    inc = build_incident("i", [denied], outlets={"a": "Levant Observer"})
    assert inc.contradictions == ["disputed: Russian defence ministry denies it (Levant Observer)"]
    assert inc.confidence < plain.confidence
