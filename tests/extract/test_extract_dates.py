"""Relative and absolute dates resolved against the publication date (extract/dates.py)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Span

from warlog.extract.dates import dateline_end, parse_published, resolve, sentence_dates


@pytest.mark.parametrize(
    ("expr", "base", "expected"),
    [
        ("on Friday", date(2017, 4, 7), (date(2017, 4, 7), "day")),  # Friday's paper: that day
        ("Monday", date(2017, 4, 7), (date(2017, 4, 3), "day")),
        ("last Friday", date(2017, 4, 7), (date(2017, 3, 31), "day")),
        ("yesterday", date(2017, 3, 1), (date(2017, 2, 28), "day")),  # across a month boundary
        ("on Saturday", date(2017, 1, 2), (date(2016, 12, 31), "day")),  # across a year boundary
        ("last week", date(2017, 1, 3), (date(2016, 12, 27), "week")),
        ("last month", date(2017, 1, 15), (date(2016, 12, 1), "month")),
        ("in June 2014", date(2017, 4, 7), (date(2014, 6, 1), "month")),
        ("in December", date(2017, 1, 10), (date(2016, 12, 1), "month")),  # the latest December
        ("in 2004", date(2017, 4, 7), (date(2004, 1, 1), "year")),
        ("on October 4", date(2017, 10, 20), (date(2017, 10, 4), "day")),
        ("October 4", date(2018, 1, 5), (date(2017, 10, 4), "day")),  # no year: the latest one
        ("21 June 2014", date(2017, 4, 7), (date(2014, 6, 21), "day")),
        ("two days ago", date(2017, 3, 1), (date(2017, 2, 27), "day")),
        # a span ending at publication: its day when a day at most, else its week
        ("over the past 24 hours", date(2017, 3, 1), (date(2017, 3, 1), "day")),
        ("the last three days", date(2017, 1, 2), (date(2017, 1, 2), "week")),
        ("the past 48 hours", date(2017, 3, 1), (date(2017, 3, 1), "week")),
        ("in recent days", date(2017, 3, 1), (date(2017, 3, 1), "week")),
    ],
)
def test_dates_resolve_relative_expressions(expr, base, expected):
    assert resolve(expr, base) == expected


@pytest.mark.parametrize(
    "expr",
    # a duration, an age, and spans too long for one occurrence or naming the end of something else
    ["five years", "24 hours", "the past decade", "12-year-old", "the past two weeks", "the last day"],
)
def test_dates_refuse_durations_and_ages(expr):
    assert resolve(expr, date(2017, 4, 7)) is None


def test_dates_parse_published_accepts_date_and_datetime():
    assert parse_published("2017-04-07") == date(2017, 4, 7)
    assert parse_published("2017-04-07T09:14:00Z") == date(2017, 4, 7)
    assert parse_published(None) is None
    assert parse_published("April 2017") is None


def test_dates_without_publication_only_absolute_years(make_doc):
    # in August 2014 ... yesterday : only the dated expression resolves
    doc = make_doc(
        ["captured", "Sinjar", "in", "August", "2014", "yesterday"],
        [0, 0, 0, 2, 3, 0],
        ["ROOT", "dobj", "prep", "pobj", "nummod", "npadvmod"],
        ["VERB", "PROPN", "ADP", "PROPN", "NUM", "NOUN"],
    )
    doc.ents = [Span(doc, 3, 5, label="DATE"), Span(doc, 5, 6, label="DATE")]
    found = sentence_dates(doc[:], None)
    assert [(d.date, d.precision) for d in found] == [(date(2014, 8, 1), "month")]
    with_base = sentence_dates(doc[:], date(2017, 4, 7))
    assert (date(2017, 4, 6), "day") in [(d.date, d.precision) for d in with_base]


def test_dates_dateline_end_after_the_publication_date_and_its_time(make_doc):
    # "Posted on March 3 2018 10:45 Jets struck Arlen on Friday": the dateline is no event date
    words = ["Posted", "on", "March", "3", "2018", "10:45", "Jets", "struck", "Arlen", "on", "Friday"]
    doc = make_doc(words, [1, 7, 1, 2, 2, 7, 7, 7, 7, 7, 9], ["dep"] * 11, ["X"] * 11)
    doc.ents = [Span(doc, 2, 5, label="DATE"), Span(doc, 10, 11, label="DATE")]
    end = dateline_end(doc, date(2018, 3, 3))
    assert doc.text[:end] == "Posted on March 3 2018 10:45"
    assert dateline_end(doc, None) == 0
