"""Date normalisation and dateline detection."""

from __future__ import annotations

import datetime as dt

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


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Posted on March 3 2018 by John Doe Shelling returns to the fictional town of Arlen", "2018-03-03"),
        ("Date of publication 14 November 2017 Rockets struck a school in Arlen", "2017-11-14"),
        ("Published May 9 2016 SHARE http://example.org/arlen-story Photo: archive", "2016-05-09"),
        ("Mortars hit Arlen\nPublished: Monday, May 9, 2016 Residents fled overnight", "2016-05-09"),
        ("Updated at 10:05 a.m. on Friday, June 3, 2016. UPDATE: rebels shelled Arlen", "2016-06-03"),
    ],
)
def test_dates_dateline_after_a_page_label_whatever_follows(head, expected):
    assert find_dateline(head) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Last updated at Sep 182015 VELMORA (Wire) - Clashes resumed in Arlen", "2015-09-18"),
        ("Updated Jan 52017 Clashes resumed in Arlen", "2017-01-05"),
        ("08.03.2015Share this story Rockets hit Arlen", "2015-03-08"),
    ],
)
def test_dates_dateline_with_a_stripped_comma_or_space(head, expected):
    # a day run into its year ("Sep 182015"), a year run into the next word ("2015Share")
    assert find_dateline(head) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("11-04-2014 Mortar fire kills three in the fictional town of Arlen", "2014-04-11"),
        ("03.06.2012 Officials in Arlen said the curfew would stay", "2012-06-03"),
        ("- 06 May, 2016: A workshop in Arlen on rebuilding", "2016-05-06"),  # punctuation only before
    ],
)
def test_dates_dateline_numeric_date_opening_the_text(head, expected):
    assert find_dateline(head) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            "Mortars kill 9 in Arlen Observatory Wire Tuesday 10 Mar 2015 Rebel shelling hit the market",
            "2015-03-10",
        ),
        ("Mortars kill 9 in Arlen Region news 0914 10.03.2015(updated 0920 10.03.2015) Share", "2015-03-10"),
    ],
)
def test_dates_dateline_after_a_headline_on_the_same_line(head, expected):
    # before the body's capitalised first word, or after the time of a page's timestamp
    assert find_dateline(head) == expected


@pytest.mark.parametrize("word", ["on", "in", "since", "until", "by", "from", "of", "the"])
def test_dates_dateline_not_a_body_date_after_a_preposition(word):
    assert find_dateline(f"Arlen clashes\nShelling resumed {word} 4 May 2018 Rebels said") is None
    # the same date after a plain word passes for a flattened dateline (a headline, then the date)
    assert find_dateline("Arlen clashes\nShelling resumed Wire 4 May 2018 Rebels said") == "2018-05-04"


def test_dates_dateline_not_beyond_the_opening_window():
    text = "Shelling went on through the night in Arlen. " * 7 + "\n4 May 2018 - Rebels said"
    assert find_dateline(text) is None
    assert find_dateline(text, chars=len(text)) == "2018-05-04"


@pytest.mark.parametrize(
    "head", ["31-02-2016 Car bomb kills five in Arlen", "Posted on Feb 30 2016 by John Doe"]
)
def test_dates_dateline_not_an_impossible_day(head):
    assert find_dateline(head) is None


def test_dates_dateline_not_a_month_without_a_day():
    assert find_dateline("Updated Mar 2016 Rockets hit Arlen") is None


def test_dates_dateline_not_after_next_year():
    next_year = dt.date.today().year + 1
    assert find_dateline(f"4 May {next_year + 1} - Rebels said") is None
    assert find_dateline(f"4 May {next_year} - Rebels said") == f"{next_year}-05-04"
