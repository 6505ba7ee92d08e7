"""Date normalisation and dateline detection."""

from __future__ import annotations

import pytest

from warlog.ingest import find_dateline, normalise_date


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("MOSUL, Iraq, Oct. 21, 2016 (Reuters) - Troops advanced on the fictional village.", "2016-10-21"),
        ("Fri 07 Apr 2017 at 0914\nShelling resumed near the fictional town of Arlen.", "2017-04-07"),
        ("Clashes in Arlen\nTuesday 12 March 2019\nFighting broke out at dawn.", "2019-03-12"),
        ("12/03/2019 – Fighting broke out at dawn in the fictional town of Arlen.", "2019-03-12"),
        ("25/03/2019 – Fighting broke out.", "2019-03-25"),
        ("Published: 2019-03-12 14:05 | Fighting broke out.", "2019-03-12"),
        ("By Jane Roe, 3rd June 2021\nFighting broke out.", "2021-06-03"),
    ],
)
def test_dates_dateline_found(head, expected):
    assert find_dateline(head) == expected


@pytest.mark.parametrize(
    "head",
    [
        "MOSUL, Iraq, Oct. 21 (Reuters) - no year, so no date.",
        "On 12 March 2019, fighters attacked the fictional town of Arlen.",
        "Fighters attacked Arlen. Witnesses said the attack of 12 March 2019 was the worst.",
        "31/02/2019 – not a real day.",
        "Nothing like a date here at all.",
    ],
)
def test_dates_dateline_conservative(head):
    assert find_dateline(head) is None


def test_dates_dateline_only_in_the_first_characters():
    text = "x" * 400 + "\n12 March 2019 - late."
    assert find_dateline(text, chars=300) is None
    assert find_dateline(text, chars=500) == "2019-03-12"


def test_dates_numeric_order_setting():
    assert find_dateline("04/03/2019 - text", order="MDY") == "2019-04-03"
    assert find_dateline("04/03/2019 - text", order="DMY") == "2019-03-04"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2019-03-12", "2019-03-12"),
        ("2019-03-12T00:00:00", "2019-03-12"),
        ("2019-03-12T14:05:00+01:00", "2019-03-12T14:05:00+01:00"),
        ("Tue, 12 Mar 2019 14:05:00 GMT", "2019-03-12T14:05:00+00:00"),
        ("12 March 2019", "2019-03-12"),
        ("  ", None),
        ("March 2019", None),
        ("yesterday", None),
        ("not a date", None),
    ],
)
def test_dates_normalise(given, expected):
    assert normalise_date(given) == expected


def test_dates_full_date_opening_the_text_is_a_dateline_whatever_follows():
    assert find_dateline("Sat 02 Mar 2019 at 1120 Rebels shelled the town overnight") == "2019-03-02"
    assert find_dateline("14 June 2016 The brigade announced its merger with two others") == "2016-06-14"


def test_dates_full_date_inside_a_sentence_is_not_a_dateline():
    assert find_dateline("Rebels said 14 June 2016 would be remembered as a turning point") is None
