"""Numbers in casualty text: cardinals in digits and words, and which numbers can count people.

A number can count people when it is no part of a date ("Sun 10 Jul", "14-06-2015"), a time, an
amount of money, a real percentage or a year; number words before it belong to it ("twenty - five",
"two hundred"), a digit group before it is another number ("85 12 terrorists" counts 12).
"""

from __future__ import annotations

import calendar
import re

from spacy.tokens import Token

from .lexicon import lexicon

__all__ = ["is_num", "number_tokens", "parse_number"]


_CALENDAR = {
    m.lower()
    for m in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name, *calendar.day_abbr)
    if m
}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")


def _word_value(text: str) -> float | None:
    low = text.lower().replace(",", "")
    if _DIGITS.match(text):
        return float(text.replace(",", ""))
    words: dict[str, int] = lexicon().cues["number_words"]
    return float(words[low]) if low in words else None


def parse_number(tokens: list[Token]) -> int | None:
    """The value of a cardinal written with digits and/or words ("twenty - five", "1,200", "two hundred")."""
    total = 0.0
    current = 0.0
    seen = False
    for t in tokens:
        if t.text in ("-", "and") and seen:
            continue
        v = _word_value(t.text)
        if v is None or (seen and _DIGITS.match(t.text)):
            if seen:
                break  # "86 30 of them": two numbers, not one
            continue
        seen = True
        if v in (100, 1000, 1000000) and t.text.isalpha():
            current = (current or 1) * v
            if v >= 1000:
                total += current
                current = 0
        elif v == 12 and t.lower_ == "dozen":
            current = (current or 1) * 12
        else:
            current += v
    if not seen:
        return None
    value = int(total + current)
    return value if value >= 0 else None


_SEP = ("-", "/", ".")


def _numeric_date(t: Token) -> bool:
    """``t`` is a part of a date written in digits: "14-06-2015", "2015/06/14", "14.06.2015"."""
    doc = t.doc
    for first in range(max(0, t.i - 4), t.i + 1):
        parts = list(doc[first : min(len(doc), first + 5)])
        digits, seps = parts[::2], parts[1::2]
        if (
            len(parts) == 5
            and all(p.text.isdigit() for p in digits)
            and all(p.text in _SEP for p in seps)
            and seps[0].text == seps[1].text
            and any(len(p.text) == 4 for p in (digits[0], digits[2]))  # the year first or last
        ):
            return True
    return False


def _percent(t: Token) -> bool:
    """A percentage really written as one (the tagger also marks bare digit runs PERCENT)."""
    doc = t.doc
    near = doc[t.i : min(len(doc), t.i + 3)]
    return any(x.text == "%" or x.lower_ in ("percent", "per", "pct") for x in near)


def is_num(t: Token) -> bool:
    """A cardinal that can count people: not part of a date or time, not a year."""
    if t.ent_type_ in ("DATE", "TIME", "MONEY", "ORDINAL"):
        return False
    if t.ent_type_ == "PERCENT" and _percent(t):
        return False
    if t.text == "0":
        return False  # share counters ("URL 0 85"); no count of people is written "0"
    if t.text.isdigit() and _numeric_date(t):
        return False
    doc = t.doc
    before = doc[t.i - 1].lower_.rstrip(".") if t.i > 0 else ""
    after = doc[t.i + 1].lower_.rstrip(".") if t.i + 1 < len(doc) else ""
    if before in _CALENDAR or after in _CALENDAR:
        return False  # "Sun 10 Jul 2016", "July 19": a day of a date
    if t.like_num:
        return not (len(t.text) == 4 and t.text.isdigit() and 1800 <= int(t.text) <= 2100)
    return t.lower_ in lexicon().cues["number_words"] and t.lower_ not in ("a", "an", "both")


def number_tokens(tok: Token) -> list[Token]:
    """``tok`` and the number words written right before it ("twenty - five", "two hundred"); a
    digit group before it is another number ("85 12 terrorists" counts 12)."""
    doc = tok.doc
    start = tok.i
    while start > 0 and (doc[start - 1].text == "-" or (doc[start - 1].is_alpha and is_num(doc[start - 1]))):
        start -= 1
    while start < tok.i and doc[start].text == "-":
        start += 1
    return list(doc[start : tok.i + 1])
