"""Publication dates: normalising the input's date, and finding a dateline in the text.

Dates keep the article's own local time (no conversion to UTC): the calendar day printed on
the article is what relative dates in its text ("on Tuesday") count from.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

import dateparser

_DATEPARSER_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
}
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
# A date starts a word and its year is not run on into more digits; a letter may follow the year
# where a page's layout was flattened ("24.07.2016Get short URL"), and in the month-first form the
# day may run into the year where the comma between them was stripped ("Last updated at Jul 262016").
_DATE = (
    rf"(?<!\w)(?:{_WEEKDAY})?(?:{_DAY}\s+{_MONTH},?\s+(?P<year>\d{{4}})"
    rf"|{_MONTH.replace('month', 'month2')}\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?"
    r"(?:,?\s+|(?=\d{4}(?!\d)))(?P<year2>\d{4})"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
    r"|(?P<n1>\d{1,2})(?P<sep>[/.-])(?P<n2>\d{1,2})(?P=sep)(?P<ny>\d{4}))(?!\d)"
)
_DATE_RE = re.compile(_DATE, re.IGNORECASE)
#: a clock time: "09:14", "1:33 p.m.", "10.05 GMT", and in a timestamp also "0914"
_CLOCK = r"(?:\d{1,2}[:.]\d{2}|[012]\d[0-5]\d)(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+(?-i:[A-Z]{2,4})\b)?"
#: a label that introduces a page's publication date: "Published:", "Posted on", "Last updated at",
#: "Updated at 1:33 p.m. on", "Date of publication", "Dated"
_LABEL = (
    r"(?:(?:(?:first|last)\s+)?(?:published|posted|updated|modified)|dated?(?:\s+of\s+publication)?"
    rf"|publication\s+date)(?:\s+at)?(?:\s+{_CLOCK},?)?(?:\s+(?:on|at))?\s*:?\s*"
)
#: a label just before the date; capitalised, it is the page's own ("Posted on August 12 2016 by
#: Jane Roe"), and the date after it is the dateline whatever follows. Lowercase it may be prose
#: ("a report published on 12 March 2019 said"): then the date must stand as in ``_BEFORE``/``_AFTER``
_LABEL_RE = re.compile(rf"(?<!\w){_LABEL}\Z", re.IGNORECASE)
#: what may precede a dateline's date on its line: a place ("MOSUL, Iraq,"), a byline
#: ("By Jane Roe,"), a label ("Published:", "Updated on") — or nothing
_BEFORE = re.compile(
    rf"(?:[^\n]{{0,80}}?,\s*|[^\n]{{0,80}}?\s[|\u2013\u2014-]\s*)?(?:{_LABEL})?\Z",
    re.IGNORECASE,
)
#: a time after the date ("at 0914", "09:14 GMT", "3.05 pm")
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]?\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?)?"
#: what may follow it: a time, then an agency, dash, pipe, comma or the line end
_AFTER = re.compile(rf"{_TIME}\s*(?:[(|,\u2013\u2014-]|$)", re.IGNORECASE | re.MULTILINE)
#: or, where a page was flattened into one line, the body's first word, capitalised ("... Monitor
#: AFP Monday 2 Feb 2015 Government air strikes hit ..."); a lowercase word means the date is
#: inside a sentence ("Rebels said 14 June 2016 would be remembered")
_BODY_AFTER = re.compile(rf"{_TIME}\s+(?-i:[A-Z])", re.IGNORECASE)
#: words after which a date is in a sentence of the body, not a dateline: prepositions ("On 12
#: March 2019, fighters attacked", "since 3 May 2018"), conjunctions ("between 1 and 3 May 2018")
#: and determiners ("the 14 June 2016 attack")
_BODY_WORDS = frozenset(
    {"on", "in", "at", "since", "until", "till", "by", "from", "to", "before", "after", "between"}
    | {"through", "during", "around", "about", "of", "for", "as", "than", "and", "or"}
    | {"the", "a", "an", "this", "that", "these", "those"}
)
_WORD = re.compile(r"\w")
_LAST_WORD = re.compile(r"([^\W\d_]+)[\s,]*\Z")
#: a page's timestamp puts the time before the date ("Middle East 19:24 16.05.2017 (updated ..."),
#: which a sentence does not ("at 19:24 on 16 May")
_CLOCK_BEFORE = re.compile(rf"(?<!\w){_CLOCK},?\s+\Z")


def normalise_date(value: str) -> str | None:
    """``value`` as ISO ``YYYY-MM-DD``, or a full ISO datetime if it gives a time; None if unreadable.

    Tries ISO 8601, then RFC 2822 (feeds: ``Tue, 04 Apr 2017 09:14:00 +0000``), then dateparser,
    which must find a day, a month and a year (a month alone is not a publication date).
    """
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        return _iso(dt.datetime.fromisoformat(value))
    except ValueError:
        pass
    try:
        return _iso(email.utils.parsedate_to_datetime(value))
    except (TypeError, ValueError, IndexError):
        pass
    parsed = dateparser.parse(value, settings=_DATEPARSER_SETTINGS)  # type: ignore[arg-type]
    return _iso(parsed) if parsed else None


#: how far into a text a dateline may start (the default of ``ingest.dateline_chars``): a dateline
#: sits in the first line or two, and 300 characters also cover a headline (~100) and a byline or a
#: page's "Published" line before it, but little of the body, whose dates are events' dates
DATELINE_CHARS = 300


def find_dateline(text: str, *, chars: int = DATELINE_CHARS, order: str = "DMY") -> str | None:
    """The date of a dateline in the first ``chars`` characters of ``text``, as ``YYYY-MM-DD``.

    The one dateline finder: the ingest stage sets ``Article.published`` from it, and the event
    coder calls it for an Article built without a publication date. The date must be complete
    (day, month and year; "Oct. 21 (Reuters)" has no year and gives None), a real day and no later
    than next year. The first such date that stands where a dateline does is taken:

    - after a capitalised publication label, whatever follows ("Posted on August 12 2016 by
      Jane Roe", "Date of publication 27 October 2016 Airstrikes hit", "Last updated at Jul 262016");
    - opening the text (after punctuation at most), whatever follows ("27-09-2013 Car bomb kills",
      "Fri 07 Apr 2017 at 0914 The army…": scraped pages often prefix the body with the date);
    - at the start of a line or after a place, byline or label, and before a time, agency, dash,
      pipe, comma or the line end ("MOSUL, Iraq, Oct. 21, 2016 (Reuters) -");
    - after a headline flattened into the same line, after a time ("Middle East 19:24 16.05.2017") or
      before the body's capitalised first word ("... Monitor AFP Monday 2 Feb 2015 Government air
      strikes"), unless a preposition, conjunction or article precedes it.

    So "On 12 March 2019, fighters…" and "Rebels said 14 June 2016 would be…" are not datelines.
    ``order`` reads numeric dates whose day and month could be swapped ("DMY" or "MDY").
    """
    head = text[:chars]
    for match in _DATE_RE.finditer(head):
        if not _stands_as_dateline(head, match):
            continue
        found = _date_of(match, order=order)
        if found is not None:
            return found.isoformat()
    return None


def _stands_as_dateline(head: str, match: re.Match[str]) -> bool:
    """Whether the date ``match`` stands where a dateline does (see :func:`find_dateline`)."""
    line = head[head.rfind("\n", 0, match.start()) + 1 : match.start()]
    label = _LABEL_RE.search(line)
    if label is not None and label.group()[0].isupper():
        return True
    if not _WORD.search(head, 0, match.start()):
        return True  # nothing but punctuation before it: it opens the text ("- 06 April, 2018: ...")
    if _BEFORE.match(line) and _AFTER.match(head, match.end()):
        return True
    word = _LAST_WORD.search(line)
    if word is not None and word[1].lower() in _BODY_WORDS:
        return False
    return _CLOCK_BEFORE.search(line) is not None or _BODY_AFTER.match(head, match.end()) is not None


def _date_of(match: re.Match[str], *, order: str) -> dt.date | None:
    parts = match.groupdict()
    if parts["year"]:
        day, month, year = int(parts["day"]), _MONTHS[parts["month"].lower()], int(parts["year"])
    elif parts["year2"]:
        day, month, year = int(parts["day2"]), _MONTHS[parts["month2"].lower()], int(parts["year2"])
    elif parts["iy"]:
        day, month, year = int(parts["id"]), int(parts["im"]), int(parts["iy"])
    else:
        first, second, year = int(parts["n1"]), int(parts["n2"]), int(parts["ny"])
        day, month = (second, first) if order.upper() == "MDY" and first <= 12 else (first, second)
        if month > 12:
            day, month = month, day
    try:
        found = dt.date(year, month, day)
    except ValueError:
        return None
    return found if 1900 <= year <= dt.date.today().year + 1 else None


def _iso(value: dt.datetime) -> str:
    if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0) and value.tzinfo is None:
        return value.date().isoformat()
    return value.isoformat()
