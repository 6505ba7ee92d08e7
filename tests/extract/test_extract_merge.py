"""The article's main event: news before the background it is set against (slow: real model)."""

from __future__ import annotations

from datetime import date

import pytest

from warlog.extract.actors import Roles
from warlog.extract.dates import EventDate
from warlog.extract.detect import Mention
from warlog.extract.merge import _background

pytestmark = pytest.mark.slow


def _main(code, text, **kw):
    events, main = code(text, **kw)
    return next(e for e in events if e.event_id == main)


def _mention(doc, trigger: str, *, when: EventDate | None = None) -> Mention:
    start = next(t.i for t in doc if t.text == trigger.split()[-1])
    span = doc[start : start + 1]
    return Mention(span.sent, span, "Air/drone strike", True, Roles(), date=when)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "Rockets killed four students on Thursday, a day after air strikes killed 22 people.",
            "strikes",
            True,
        ),
        (
            "Rockets killed four students on Thursday, a day after air strikes killed 22 people.",
            "Rockets",
            False,
        ),
        ("Four students died on Thursday hours after a car bomb exploded.", "bomb", True),
        ("The militants took the oil field after killing 30 guards.", "killing", False),  # one episode
    ],
)
def test_merge_background_inside_a_day_after_phrase(nlp, text, trigger, expected):
    doc = nlp(text)
    assert _background(_mention(doc, trigger), None) is expected


def test_merge_background_dated_long_before_publication(nlp):
    doc = nlp("Air strikes killed seven people.")
    old = EventDate(date(2016, 4, 25), "day", 0, 5)
    recent = EventDate(date(2016, 6, 11), "day", 0, 5)
    month = EventDate(date(2016, 4, 1), "month", 0, 5)
    published = date(2016, 6, 12)
    assert _background(_mention(doc, "strikes", when=old), published)
    assert not _background(_mention(doc, "strikes", when=recent), published)
    assert _background(_mention(doc, "strikes", when=month), published)  # April ended weeks before
    this_month = EventDate(date(2016, 6, 1), "month", 0, 5)
    assert not _background(_mention(doc, "strikes", when=this_month), published)  # June is not over
    assert not _background(_mention(doc, "strikes", when=old), None)


def test_merge_event_dated_weeks_before_publication_is_background(code):
    text = (
        "The previous bombing at the market, on March 2, killed seven people. "
        "Police said the checkpoint was reinforced."
    )
    events, main = code(text, published="2016-06-12")
    assert main is not None  # the only event, even if dated long before, is still the main one
    text2 = (
        "The previous bombing at the market, on March 2, killed seven people. "
        "A car bomb killed five soldiers at a checkpoint on Saturday."
    )
    e = _main(code, text2, published="2016-06-12")
    assert e.date == "2016-06-11"


def test_merge_mention_dated_weeks_before_joins_no_undated_news(code):
    # an undated lead is recent news: "the last attack, on March 2" is another occurrence
    text = (
        "Government jets bombed the town of Daraya in Syria, activists said. "
        "The last attack on the town, on March 2, killed at least seven people."
    )
    events, main = code(text, published="2016-06-12")
    assert len(events) == 2
    news = next(e for e in events if e.event_id == main)
    assert news.fatalities is None and news.date == "2016-06-12"  # undated: the publication's week
    assert [e.date for e in events if e.event_id != main] == ["2016-03-02"]


def test_merge_earlier_phrase_is_its_own_event_after_the_news(code):
    text = "Four farmers were killed by mortar fire on Friday, a day after air strikes on a bakery killed 12."
    events, main = code(text)
    news = next(e for e in events if e.event_id == main)
    assert news.sub_event_type == "Shelling/artillery/missile attack" and news.fatalities == 4
    earlier = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert len(earlier) == 1 and earlier[0].fatalities == 12


def test_merge_title_names_the_main_event_before_the_first_sentence(code):
    text = (
        "The chemical attack on Tuesday killed 70 people in a village. "
        "Warships fired cruise missiles at an arms depot early on Friday."
    )
    e = _main(code, text, title="Navy missiles hit arms depot")
    assert e.sub_event_type == "Shelling/artillery/missile attack"
    # without a title the first sentence stands for the headline
    assert _main(code, text).sub_event_type == "Chemical weapon"


def test_merge_title_bomb_names_a_suicide_car_bomb(code):
    text = (
        "A suicide car bomb killed 40 people at a bus station on Saturday. "
        "A blast also hit a market in the north of the town."
    )
    assert _main(code, text, title="Car bomb kills dozens").sub_event_type == "Suicide bomb"


def test_merge_earlier_generic_killing_joins_no_event(code):
    text = (
        "Troops launched a new assault on the city on Monday. "
        "Tanks shelled the city on Monday, killing four civilians, a day after security forces killed 80."
    )
    events, _ = code(text)
    assert not any(e.sub_event_type == "Armed clash" and e.fatalities == 80 for e in events)


def test_merge_earlier_phrase_alone_keeps_the_sentence_count(code):
    # the news (bodies recovered) is no event: the count is the earlier strike's
    text = "Rescuers pulled 11 bodies from a house on Tuesday, a day after an air strike flattened it."
    events, _ = code(text)
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Air/drone strike", 11)]


def test_merge_the_attack_carried_out_by_names_the_side(code):
    # a definite event noun with who carried it out tells the same occurrence, and its side
    events, _ = code(
        "A mortar attack on a market in Deir ez-Zor left three civilians dead on Monday. "
        "The shelling was carried out by Islamic State, residents said."
    )
    assert [(e.sub_event_type, e.actor1, e.fatalities) for e in events] == [
        ("Shelling/artillery/missile attack", "Islamic State (ISIS)", 3)
    ]
