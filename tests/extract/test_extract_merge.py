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
    assert not _background(_mention(doc, "strikes", when=month), published)  # only day dates
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
