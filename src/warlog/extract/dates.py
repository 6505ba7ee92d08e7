"""Event dates: temporal expressions resolved against the publication date.

The common news forms are resolved by rule (weekdays, "yesterday", "last week",
"on October 4", "in June 2014", "in 2004"); anything else that spaCy tagged as a
DATE is handed to dateparser with the publication date as its base. Only candidate
expressions are parsed, never whole sentences.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..nlp import doc_text

__all__ = ["EventDate", "dateline_end", "parse_published", "resolve", "sentence_dates"]


@dataclass(frozen=True)
class EventDate:
    """A resolved date with its precision and the characters it came from."""

    date: date
    precision: str  # day | week | month | year
    start: int
    end: int


_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_NUMS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1, "an": 1}

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def parse_published(value: str | None) -> date | None:
    """An article's ``published`` (ISO date or datetime) as a date."""
    if not value:
        return None
    m = _ISO.match(value.strip())
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _last_weekday(base: date, weekday: int) -> date:
    """The most recent ``weekday`` on or before ``base`` (news: "on Friday" in Friday's paper is that day)."""
    return base - timedelta(days=(base.weekday() - weekday) % 7)


def _month_day(base: date, month: int, day: int, year: int | None) -> date | None:
    try:
        if year is not None:
            return date(year, month, day)
        d = date(base.year, month, day)
        # a month and day without a year is the latest such day up to a week after publication
        return d if d <= base + timedelta(days=7) else date(base.year - 1, month, day)
    except ValueError:
        return None


def _month(base: date, month: int, year: int | None) -> date:
    if year is not None:
        return date(year, month, 1)
    return date(base.year if month <= base.month else base.year - 1, month, 1)


_RE_REL = re.compile(r"^(?:(\w+)\s+)?(day|days|week|weeks|month|months|year|years)\s+ago$")
_RE_MDY = re.compile(
    rf"^(?:on\s+)?(?:the\s+)?({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?(?:\s+(\d{{4}}))?$"
)
_RE_DMY = re.compile(
    rf"^(?:on\s+)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+({_MONTH_RE})\.?,?(?:\s+(\d{{4}}))?$"
)
_RE_MY = re.compile(rf"^(?:early\s+|late\s+|mid-?\s*|mid\s+)?({_MONTH_RE})\.?,?(?:\s+(?:of\s+)?(\d{{4}}))?$")
_RE_Y = re.compile(r"^(?:early\s+|late\s+|mid-?\s*)?((?:19|20)\d\d)$")
_STRIP = re.compile(r"^(?:on|in|at|since|by|during|from|this|the|last|past|early|late|overnight|of)\s+", re.I)


def resolve(expr: str, base: date) -> tuple[date, str] | None:
    """Resolve one temporal expression against the publication date ``base``."""
    text = re.sub(r"\s+", " ", expr.strip().lower().replace("’", "'")).strip(" .,")
    text = re.sub(r"^(?:on|in|at|during|by)\s+", "", text)
    if not text:
        return None
    if text in (
        "today",
        "tonight",
        "this morning",
        "this afternoon",
        "this evening",
        "overnight",
        "earlier today",
    ):
        return base, "day"
    if text in ("yesterday", "last night", "yesterday morning", "yesterday evening", "yesterday afternoon"):
        return base - timedelta(days=1), "day"
    if text in ("the day before yesterday",):
        return base - timedelta(days=2), "day"
    if text in ("this week", "earlier this week", "the past week", "the week", "past week"):
        return base, "week"
    if text in ("last week", "the previous week", "earlier last week", "late last week"):
        return base - timedelta(days=7), "week"
    if text in ("this month", "earlier this month"):
        return base.replace(day=1), "month"
    if text in ("last month", "the previous month"):
        first = base.replace(day=1) - timedelta(days=1)
        return first.replace(day=1), "month"
    if text in ("this year", "earlier this year"):
        return date(base.year, 1, 1), "year"
    if text in ("last year", "the previous year"):
        return date(base.year - 1, 1, 1), "year"
    span = _recent_span(text, base)
    if span is not None:
        return span
    words = text.split()
    # "Monday", "last Friday", "Friday night", "on Saturday morning", "early Sunday"
    wd = [w for w in words if w in _WEEKDAYS]
    if wd and len(words) <= 3:
        d = _last_weekday(base, _WEEKDAYS[wd[0]])
        if words[0] == "last" and d == base:
            d -= timedelta(days=7)
        return d, "day"
    m = _RE_REL.match(text)
    if m:
        n = _NUMS.get(m[1] or "a") or (int(m[1]) if m[1] and m[1].isdigit() else None)
        if n is None:
            return None
        unit = m[2].rstrip("s")
        if unit == "day":
            return base - timedelta(days=n), "day"
        if unit == "week":
            return base - timedelta(days=7 * n), "week"
        if unit == "month":
            y, mo = divmod(base.year * 12 + base.month - 1 - n, 12)
            return date(y, mo + 1, 1), "month"
        return date(base.year - n, 1, 1), "year"
    m = _RE_MDY.match(text)
    if m:
        md = _month_day(base, _MONTHS[m[1]], int(m[2]), int(m[3]) if m[3] else None)
        return (md, "day") if md else None
    m = _RE_DMY.match(text)
    if m:
        dm = _month_day(base, _MONTHS[m[2]], int(m[1]), int(m[3]) if m[3] else None)
        return (dm, "day") if dm else None
    m = _RE_MY.match(text)
    if m:
        return _month(base, _MONTHS[m[1]], int(m[2]) if m[2] else None), "month"
    m = _RE_Y.match(text)
    if m:
        return date(int(m[1]), 1, 1), "year"
    return _dateparser(text, base)


#: "the past three days", "over the last 48 hours", "in recent days": a span ending at publication
_RE_SPAN = re.compile(
    r"^(?:over\s+|during\s+|within\s+)?(?:the\s+)?(?:(?:past|last|previous)\s+(\w+\s+)?|recent\s+)"
    r"(hours|days|day|hour)$"
)
#: Longest span, in days, still told as one occurrence: a week, the "week" precision's own width.
#: Longer spans ("the past two weeks") are tallies the codebook does not code as one event.
MAX_SPAN_DAYS = 7


def _recent_span(text: str, base: date) -> tuple[date, str] | None:
    """A span of hours or days ending at publication: dated to the publication day, to the day when
    it is a day at most ("the past 24 hours"), to its week when longer ("the last three days")."""
    m = _RE_SPAN.match(text)
    if not m:
        return None
    count, unit = (m[1] or "").strip(), m[2]
    hours = unit.startswith("hour")
    if unit in ("day", "hour"):  # "the past day"; but "the last day" is the last of something
        return (base, "day") if not count and "last" not in text else None
    n = _NUMS.get(count) or (int(count) if count.isdigit() else None)
    if n is None:  # "the past few days", "recent days", "the past hours"
        return (base, "day") if hours else (base, "week")
    days = n / 24 if hours else n
    if days > MAX_SPAN_DAYS:
        return None
    return (base, "day") if days <= 1 else (base, "week")


_UNPARSEABLE = re.compile(
    r"\b(?:years?|decades?|hours?|minutes?|old|ages?|century|centuries|era|period|time|times|days?|weeks?|months?)\b"
)


@lru_cache(maxsize=4096)
def _dateparser(text: str, base: date) -> tuple[date, str] | None:
    """dateparser for the rarer forms; durations and ages are refused before calling it."""
    if _UNPARSEABLE.search(text) and not re.search(r"\bago\b", text):
        return None
    if not re.search(_MONTH_RE, text) or re.fullmatch(r"[\d\s:.]+", text):
        return None
    import dateparser

    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day, 12),
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "STRICT_PARSING": False,
    }
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed is None:
        return None
    has_day = bool(re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", text))
    has_month = bool(re.search(_MONTH_RE, text))
    precision = "day" if has_day and has_month else "month" if has_month else "year"
    d = parsed.date()
    if precision == "month":
        d = d.replace(day=1)
    elif precision == "year":
        d = date(d.year, 1, 1)
    return d, precision


_EXTRA = {"yesterday", "today", "tonight", "overnight"}


_TIME_AFTER = re.compile(
    r"^\W{0,3}(?:at\s+)?(?:\d{1,2}[:.]\d{2}|\d{4})(?:\s*(?:GMT|UTC|[AP]\.?M\.?))?\b", re.I
)


#: how far into a text :func:`dateline_end` looks for the date that restates the publication date:
#: a headline (~100 characters) and the date after it. Narrower than the window the dateline is
#: found in (``ingest.dateline_chars``): here any date expression on the publication day is taken
#: for the dateline, and the wider the window, the likelier a lead sentence's date on that day
#: ("on 5 March 2024") is skipped and lost as the event's date
DATELINE_END_CHARS = 200


def dateline_end(doc: Doc, base: date | None, *, chars: int = DATELINE_END_CHARS) -> int:
    """End of a dateline at the start of the text (0 when none).

    A dateline ("Fri 07 Apr 2017 at 0914", "Date of publication 19 June 2016") gives the
    article's date, not an event's: a date expression in the opening ``chars`` characters that
    falls on the publication date (within a day, or its month when only a month is read) is
    taken for it, with a time that follows it.
    """
    if base is None:
        return 0
    for ent in doc.ents:
        if ent.start_char >= chars:
            break
        if ent.label_ != "DATE" or str(base.year) not in ent.text:
            continue
        res = resolve(ent.text, base)
        if res is None:
            continue
        d, precision = res
        same = (
            abs((d - base).days) <= 1 if precision == "day" else (d.year, d.month) == (base.year, base.month)
        )
        if same or precision == "year":
            m = _TIME_AFTER.match(doc_text(doc)[ent.end_char :])
            return ent.end_char + (m.end() if m else 0)
    # a garbled opening the NER did not read as one date: the publication year near the very start
    # 60 characters: a weekday, a day, a month and a time at most ("Mon Aug 29 2016 21:51")
    pos = doc_text(doc).find(str(base.year), 0, 60)
    if pos < 0:
        return 0
    m = _TIME_AFTER.match(doc_text(doc)[pos + 4 :])
    return pos + 4 + (m.end() if m else 0)


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def sentence_dates(
    sent: Span, base: date | None, *, skip_before: int = 0, ents: list[Span] | None = None
) -> list[EventDate]:
    """Every resolvable temporal expression in ``sent`` (spaCy DATE/TIME entities and day words).

    Expressions starting before ``skip_before`` (the dateline) and dates after the publication
    date (by more than a day) are left out. Without a publication date only expressions that
    carry their own year ("in August 2014") are resolved.
    """
    ents = list(sent.ents) if ents is None else ents
    spans: list[Span] = [e for e in ents if e.label_ in ("DATE", "TIME") and e.start_char >= skip_before]
    if base is None:
        spans = [e for e in spans if _YEAR.search(e.text)]
    else:
        covered = {t.i for e in spans for t in e}
        spans += [
            sent.doc[t.i : t.i + 1]
            for t in sent
            if t.lower_ in _EXTRA and t.i not in covered and t.idx >= skip_before
        ]
    anchor = base or date(2100, 1, 1)
    out: list[EventDate] = []
    for span in spans:
        text = span.text
        if span.label_ == "TIME" and not re.search(r"night|morning|evening|afternoon|dawn", text, re.I):
            continue
        res = resolve(text, anchor)
        if res is None:
            continue
        d, precision = res
        if d.year < 1900 or d > anchor + timedelta(days=1):
            continue
        out.append(EventDate(d, precision, span.start_char, span.end_char))
    return out
