"""Phrases of a sentence that tell an earlier occurrence (slow: real model)."""

from __future__ import annotations

import pytest

from warlog.extract.clauses import earlier_phrases, in_phrases, toll_update_date

pytestmark = pytest.mark.slow


def _inside(nlp, text: str) -> set[str]:
    doc = nlp(text)
    phrases = earlier_phrases(next(iter(doc.sents)))
    return {t.text for t in doc if in_phrases(t.i, phrases)}


def test_clauses_a_day_after_phrase_is_earlier(nlp) -> None:
    inside = _inside(
        nlp, "Four farmers were killed by mortar fire on Friday a day after air strikes hit a bakery."
    )
    assert {"strikes", "bakery"} <= inside and "mortar" not in inside and "Four" not in inside
    # parsed with the phrase under its offset ("a day" -> "after")
    inside = _inside(
        nlp,
        "Four farmers were killed by mortar fire on Friday, a day after air strikes on a bakery killed 12.",
    )
    assert {"strikes", "bakery", "12"} <= inside and "mortar" not in inside


def test_clauses_hours_after_clause_is_earlier(nlp) -> None:
    inside = _inside(
        nlp, "Nine people were killed in Mosul just hours after a gas attack left dozens dead in Tikrit."
    )
    assert {"gas", "attack", "Tikrit"} <= inside and "Mosul" not in inside


def test_clauses_relative_clause_dated_earlier_is_another_occurrence(nlp) -> None:
    inside = _inside(
        nlp,
        "Two men were killed in an air strike on Tuesday in the town of Saraqib, "
        "where a suspected gas attack took place last week.",
    )
    assert {"gas", "attack", "week"} <= inside and "strike" not in inside
    # "last night" is the news's own time, and an undated relative clause tells the same occurrence
    assert _inside(nlp, "Two men were killed in Saraqib, which was hit by rockets last night.") == set()
    assert _inside(nlp, "Two men were killed in Saraqib, which was hit by rockets.") == set()


def test_detect_relative_clause_dated_earlier_is_its_own_event(code) -> None:
    events, main = code(
        "Two men were killed in an air strike on Tuesday in the town of Saraqib in Syria, "
        "where a suspected gas attack took place last week.",
        published="2019-03-06",
    )
    by_type = {e.sub_event_type: e for e in events}
    strike, gas = by_type["Air/drone strike"], by_type["Chemical weapon"]
    assert (strike.date, strike.fatalities, main) == ("2019-03-05", 2, strike.event_id)
    assert gas.fatalities is None and gas.date_precision == "week"


def test_detect_earlier_phrase_keeps_its_own_date(code) -> None:
    events, main = code(
        "Four farmers were killed by mortar fire in Syria on Friday, a day after air strikes on a "
        "bakery killed 12 on Thursday.",
        published="2019-03-05",
    )
    dates = {e.sub_event_type: e.date for e in events}
    assert dates == {"Shelling/artillery/missile attack": "2019-03-01", "Air/drone strike": "2019-02-28"}


def test_detect_event_noun_naming_a_place_is_no_mention(code) -> None:
    events, _ = code("Two dead in strike on Syrian gas attack town.", published="2019-03-06")
    assert "Chemical weapon" not in {e.sub_event_type for e in events}


def test_clauses_after_without_a_time_offset_is_one_occurrence(nlp) -> None:
    assert _inside(nlp, "Nine people were killed after air strikes hit the market.") == set()


def test_clauses_event_noun_that_hits_something_did_happen(nlp) -> None:
    from warlog.extract.clauses import does_harm

    doc = nlp("The assault targeted militant positions south of the town.")
    assert does_harm(next(t for t in doc if t.text == "assault"))
    doc = nlp("The assault on the city was planned for months.")
    assert not does_harm(next(t for t in doc if t.text == "assault"))


def test_detect_event_noun_that_hits_something_is_a_mention(code) -> None:
    events, _ = code("The assault targeted militant positions south of the town.")
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_clauses_toll_update_date_is_not_the_events(make_doc):
    # The toll from the bombing rose to 9 on Friday
    words = ["The", "toll", "from", "the", "bombing", "rose", "to", "9", "on", "Friday"]
    doc = make_doc(
        words,
        [1, 5, 1, 4, 2, 5, 5, 6, 5, 8],
        ["det", "nsubj", "prep", "det", "pobj", "ROOT", "prep", "pobj", "prep", "pobj"],
        ["DET", "NOUN", "ADP", "DET", "NOUN", "VERB", "ADP", "NUM", "ADP", "PROPN"],
        lemmas=["the", "toll", "from", "the", "bombing", "rise", "to", "9", "on", "Friday"],
    )
    assert toll_update_date(doc[4], doc[9].idx)


def test_clauses_date_of_the_event_itself_is_kept(make_doc):
    # The bombing killed 9 on Friday
    doc = make_doc(
        ["The", "bombing", "killed", "9", "on", "Friday"],
        [1, 2, 2, 2, 2, 4],
        ["det", "nsubj", "ROOT", "dobj", "prep", "pobj"],
        ["DET", "NOUN", "VERB", "NUM", "ADP", "PROPN"],
        lemmas=["the", "bombing", "kill", "9", "on", "Friday"],
    )
    assert not toll_update_date(doc[1], doc[5].idx)


def test_clauses_date_inside_the_toll_phrase_is_the_events(make_doc):
    # The toll from Friday 's bombing rose to 9
    doc = make_doc(
        ["The", "toll", "from", "Friday", "'s", "bombing", "rose", "to", "9"],
        [1, 6, 1, 5, 3, 2, 6, 6, 7],
        ["det", "nsubj", "prep", "poss", "case", "pobj", "ROOT", "prep", "pobj"],
        ["DET", "NOUN", "ADP", "PROPN", "PART", "NOUN", "VERB", "ADP", "NUM"],
        lemmas=["the", "toll", "from", "Friday", "'s", "bombing", "rise", "to", "9"],
    )
    assert not toll_update_date(doc[5], doc[3].idx)
