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
_DATE = (
    rf"(?:{_WEEKDAY})?(?:{_DAY}\s+{_MONTH},?\s+(?P<year>\d{{4}})"
    rf"|{_MONTH.replace('month', 'month2')}\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year2>\d{{4}})"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
    r"|(?P<n1>\d{1,2})[/.](?P<n2>\d{1,2})[/.](?P<ny>\d{4}))"
)
#: what may precede a dateline's date on its line: a place ("MOSUL, Iraq,"), a byline
#: ("By Jane Roe,"), a label ("Published:", "Updated on") — or nothing
_BEFORE = re.compile(
    r"(?:[^\n]{0,80}?,\s*|[^\n]{0,80}?\s[|\u2013\u2014-]\s*)?"
    r"(?:(?:published|posted|updated|dated?|last\s+modified)(?:\s+on)?:?\s*)?\Z",
    re.IGNORECASE,
)
#: what may follow it: a time ("at 0914", "09:14 GMT"), then an agency, dash, pipe, comma or the line end
_AFTER = re.compile(
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]?\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?)?"
    r"\s*(?:[(|,\u2013\u2014-]|$)",
    re.IGNORECASE | re.MULTILINE,
)
_DATE_RE = re.compile(_DATE, re.IGNORECASE)


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


def find_dateline(text: str, *, chars: int = 300, order: str = "DMY") -> str | None:
    """The date of a dateline in the first ``chars`` characters of ``text``, as ``YYYY-MM-DD``.

    Conservative: the date must be complete (day, month and year; "Oct. 21 (Reuters)" has no
    year and gives None) and stand where a dateline does — at the start of a line, after a
    place, byline or "Published" label, and before a time, agency, dash, pipe, comma or the
    line end. A complete date that opens the text itself is a dateline whatever follows it
    (scraped pages often prefix the body with the date: "Fri 07 Apr 2017 at 0914 The army…").
    So "On 12 March 2019, fighters…" is not a dateline. ``order`` reads numeric
    dates whose day and month could be swapped ("DMY" or "MDY").
    """
    head = text[:chars]
    for match in _DATE_RE.finditer(head):
        line_start = head.rfind("\n", 0, match.start()) + 1
        if not _BEFORE.match(head[line_start : match.start()]):
            continue
        opens_text = not head[: match.start()].strip()
        if not opens_text and not _AFTER.match(head, match.end()):
            continue
        found = _date_of(match, order=order)
        if found is not None:
            return found.isoformat()
    return None


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
