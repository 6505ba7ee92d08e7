"""Relative and absolute dates resolved against the publication date (extract/dates.py)."""

from __future__ import annotations

from datetime import date

import pytest

from warlog.extract.dates import parse_published, resolve


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
    ],
)
def test_dates_resolve_relative_expressions(expr, base, expected):
    assert resolve(expr, base) == expected


@pytest.mark.parametrize("expr", ["five years", "24 hours", "the past decade", "12-year-old"])
def test_dates_refuse_durations_and_ages(expr):
    assert resolve(expr, date(2017, 4, 7)) is None


def test_dates_parse_published_accepts_date_and_datetime():
    assert parse_published("2017-04-07") == date(2017, 4, 7)
    assert parse_published("2017-04-07T09:14:00Z") == date(2017, 4, 7)
    assert parse_published(None) is None
    assert parse_published("April 2017") is None
