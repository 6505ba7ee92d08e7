"""One event per occurrence, and the article's main event.

Mentions of one article are merged when they agree on the sub-event type and nothing sets
them apart (an explicit date more than ``max_days`` apart, two different towns, two different
named attackers). A generic mention ("four civilians were killed in Arbin") joins the specific
event it repeats ("air strikes killed nine civilians ...") under the same conditions: the
codebook counts occurrences, not reports.

The main event is the one the headline and the lead report: the first event whose type the
first sentence (where the headline stands in most texts) or the title names, else the first
event of the lead, else the first event.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span

from ..types import EVENT_TYPE_OF, Article
from .detect import Mention
from .lexicon import lexicon
from .location import place_rank

__all__ = ["group_mentions", "main_event_index", "title_types"]

_GENERIC = {"Attack", "Armed clash"}
_JOINABLE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def _conflict(a: Mention, b: Mention, max_days: int) -> bool:
    if (
        a.date is not None
        and b.date is not None
        and abs((a.date.date - b.date.date).days) > max_days
        and "day" in (a.date.precision, b.date.precision)
    ):
        return True
    if (
        a.place is not None
        and b.place is not None
        and a.place.place is not None
        and b.place.place is not None
    ):
        pa, pb = a.place.place, b.place.place
        if place_rank(a.place) == 0 and place_rank(b.place) == 0 and pa.name != pb.name:
            return True
        if pa.country_code and pb.country_code and pa.country_code != pb.country_code:
            return True
    a1, b1 = a.roles.actor1, b.roles.actor1
    return bool(a1 and b1 and a1.name != b1.name and "Unidentified" not in a1.name + b1.name)


def _joins(group: list[Mention], m: Mention, max_days: int) -> bool:
    head = group[0]
    if any(_conflict(x, m, max_days) for x in group):
        return False
    if head.sub_event_type == m.sub_event_type:
        return True
    # a generic killing/clash mention repeats a specific violent event of the article
    return (
        not m.explicit
        and m.sub_event_type in _GENERIC
        and EVENT_TYPE_OF[head.sub_event_type] in _JOINABLE
        and head.explicit
    )


def group_mentions(mentions: list[Mention], *, max_days: int = 1) -> list[list[Mention]]:
    """Mentions grouped by occurrence, groups in order of their first mention."""
    groups: list[list[Mention]] = []
    for m in mentions:
        for g in groups:
            if _joins(g, m, max_days):
                g.append(m)
                break
        else:
            groups.append([m])
    # a generic first mention that a later specific one explains takes the specific type
    for g in groups:
        specific = [m for m in g if m.explicit]
        if specific and not g[0].explicit:
            g.sort(key=lambda m: not m.explicit)
    groups.sort(key=lambda g: min(m.trigger.start for m in g))
    return groups


def _term_regex(term: str) -> str:
    text = term.partition("/")[0].strip().lower()
    words = [re.escape(w) for w in re.split(r"[\s\-]+", text) if w]
    return r"\b" + r"[\s\-]?".join(words) + r"(?:s|es|ed|d|ing)?\b"


@cache
def _title_regexes() -> list[tuple[str, re.Pattern[str]]]:
    return [
        (g.sub_event_type, re.compile("|".join(_term_regex(t) for t in g.terms)))
        for g in lexicon().groups
        if g.sub_event_type is not None and g.role in ("event", "instrument", "violence")
    ]


def title_types(title: str) -> set[str]:
    """Sub-event types whose event or instrument terms the title uses (word match, no parse)."""
    low = title.lower()
    return {sub for sub, rx in _title_regexes() if rx.search(low)}


def main_event_index(
    groups: list[list[Mention]], *, article: Article, doc: Doc, sents: list[Span], lead_end: int
) -> int | None:
    """Index in ``groups`` of the event the headline and lead report (``lead_end``: token index)."""
    if not groups:
        return None
    first_end = sents[0].end if sents else 0
    headline = (article.title or "") + " " + (doc[:first_end].text if sents else "")
    named = title_types(headline)
    violent = {"Battles", "Explosions/Remote violence", "Violence against civilians"}

    def key(i: int) -> tuple[int, int, int, int, int]:
        g = groups[i]
        start = min(m.sent.start for m in g)
        types = {m.sub_event_type for m in g}
        in_title = bool(types & named) or (
            "Attack" in named and any(EVENT_TYPE_OF[t] in violent for t in types)
        )
        in_lead = start < lead_end
        is_violent = any(EVENT_TYPE_OF[t] in violent for t in types)
        has_count = any(m.fatalities is not None and m.fatalities.value is not None for m in g)
        return (-int(in_title and in_lead), -int(in_lead), -int(is_violent), -int(has_count), start)

    return min(range(len(groups)), key=key)
