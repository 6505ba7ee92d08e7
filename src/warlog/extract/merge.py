"""One event per occurrence, and the article's main event.

Mentions of one article are merged when they agree on the sub-event type and nothing sets
them apart (an explicit date more than ``max_days`` apart, two different towns, two different
named attackers). A generic mention ("four civilians were killed in Arbin") joins the specific
event it repeats ("air strikes killed nine civilians ...") under the same conditions: the
codebook counts occurrences, not reports.

The main event is the one the headline and the lead report: the first event of the lead whose
type the title names, else one whose type the first sentence names (where the headline stands in
most texts), else the first event of the lead, else the first event. What the lead tells only as
an earlier occurrence ("a day after air strikes on X") comes after the news, and a generic
mention told so ("... a day after forces killed 80") joins no specific event.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..types import EVENT_TYPE_OF, Article
from .clauses import BEFORE_WORDS
from .dates import EventDate
from .detect import Mention
from .lexicon import lexicon
from .location import place_rank

__all__ = ["demo_type", "group_mentions", "main_event_index", "title_types"]

_GENERIC = {"Attack", "Armed clash"}
_TERRITORY = {"Government regains territory", "Non-state actor overtakes territory"}
_JOINABLE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


_SPAN_DAYS = {"day": 0, "week": 7}

#: days before publication beyond which a dated event is background ("The last attack, on April 25");
#: the default of ``[extract] background_days`` (see settings.toml)
BACKGROUND_DAYS = 7


def _apart(a: EventDate, b: EventDate, max_days: int) -> bool:
    """Two dates that cannot be the same day, compared at the coarser of their precisions."""
    coarse = {a.precision, b.precision}
    if "year" in coarse:
        return a.date.year != b.date.year
    if "month" in coarse:
        return (a.date.year, a.date.month) != (b.date.year, b.date.month)
    slack = max(max_days, *(_SPAN_DAYS[p] for p in coarse))
    return abs((a.date - b.date).days) > slack


def _conflict(a: Mention, b: Mention, max_days: int) -> bool:
    if a.sent.start == b.sent.start and a.earlier != b.earlier:
        return True  # "killed on Tuesday, hours after a gas attack": the sentence sets two apart
    if a.date is not None and b.date is not None and _apart(a.date, b.date, max_days):
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
        if pa.admin1 and pb.admin1 and pa.admin1 != pb.admin1:
            return True  # different provinces
        if pa.country_code and pb.country_code and pa.country_code != pb.country_code:
            return True
    a1, b1 = a.roles.actor1, b.roles.actor1
    if a1 is None or b1 is None or a1.name == b1.name or "Unidentified" in a1.name + b1.name:
        return False
    # a demonstration and the forces that break it up are one occurrence told from both sides
    return not ({a1.kind, b1.kind} & _CROWDS and _demo(a) and _demo(b))


#: actor kinds of a demonstration's own side
_CROWDS = {"protesters", "rioters"}


#: tokens (about five news sentences) beyond which a dated mention does not join an undated event:
#: a long analysis that dates an occurrence ("in August 2014") is telling of another one. Five
#: sentences is a wire story's lead-and-detail block; a round value, not fitted to any data.
FAR = 150


def _demo(m: Mention) -> bool:
    return EVENT_TYPE_OF[m.sub_event_type] in ("Protests", "Riots") and m.sub_event_type != "Mob violence"


#: protest sub-event types, least to most severe: a demonstration told over several sentences
#: takes the most severe the text reports (ACLED codes the demonstration as a whole)
SEVERITY = [
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
]


def demo_type(group: list[Mention]) -> str | None:
    """The sub-event type of a demonstration group (None for other groups)."""
    if not all(_demo(m) for m in group):
        return None
    return max((m.sub_event_type for m in group), key=SEVERITY.index)


#: sub-event types whose occurrence a later "the blast" or "the explosion" refers back to
_EXPLOSIONS = {
    "Suicide bomb",
    "Remote explosive/landmine/IED",
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Grenade",
}
#: generic words for an explosion: typed by default (an IED) when nothing more specific is said
_BLAST_WORDS = {"blast", "explosion"}


def _refers_back(m: Mention) -> bool:
    """A definite generic explosion noun ("the blast", "yesterday's explosion") names an occurrence
    the article has told already, not a new one."""
    root = m.trigger.root
    if root.lemma_.lower() not in _BLAST_WORDS or root.pos_ != "NOUN" or root.tag_ == "NNS":
        return False
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "that", "this")) for c in root.children
    )


def _joins(group: list[Mention], m: Mention, max_days: int) -> bool:
    # a group that a generic mention opened takes the type of its first specific mention
    head = next((x for x in group if x.explicit), group[0])
    if any(_conflict(x, m, max_days) for x in group):
        return False
    dated = [x.date.date for x in group if x.date is not None]
    if m.sent.start - group[-1].sent.end > FAR and (m.date is not None) != bool(dated):
        return False
    if head.sub_event_type == m.sub_event_type:
        return True
    # one demonstration told over several sentences ("Protests resumed. Police fired tear gas.")
    if _demo(head) and _demo(m) and m.sent.start - group[-1].sent.end <= FAR:
        return True
    near = m.sent.start - group[-1].sent.end <= FAR
    # "the blast", "Tuesday's explosion" after a car bombing or an air strike: the same occurrence
    if near and head.sub_event_type in _EXPLOSIONS and _refers_back(m) and head.sent.start < m.sent.start:
        return True
    # a generic killing/clash mention close by repeats a specific violent event of the article,
    # before it ("20 killed in Aleppo. Air strikes killed 20 ...") or after it
    generic, specific = (m, head) if head.explicit else (head, m)
    return (
        near
        and not generic.explicit
        and not generic.earlier  # "a day after forces killed 80": some earlier killing, not this one
        and specific.explicit
        and generic.sub_event_type in _GENERIC
        and EVENT_TYPE_OF[specific.sub_event_type] in _JOINABLE
        and specific.sub_event_type not in _TERRITORY
        and all(x is head or not x.explicit for x in group)
    )


def group_mentions(
    mentions: list[Mention],
    *,
    max_days: int = 1,
    published: date | None = None,
    background_days: int = BACKGROUND_DAYS,
) -> list[list[Mention]]:
    """Mentions grouped by occurrence, groups in order of their first mention.

    With ``published``, a mention dated more than ``background_days`` before it joins no undated
    group: an undated news lead is recent, so "the last attack, on April 25" is another one."""
    groups: list[list[Mention]] = []
    for m in mentions:
        old = published is not None and _dated_before(m, published, background_days)
        for g in groups:
            if old and all(x.date is None for x in g):
                continue
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


def _depth(tok: Token) -> int:
    """Steps from ``tok`` up to its sentence's root."""
    n = 0
    while tok.head != tok and n < 50:
        tok, n = tok.head, n + 1
    return n


def _dated_before(m: Mention, published: date, days: int) -> bool:
    """The mention is dated to a day, month or year that ended more than ``days`` before
    ``published`` ("on April 25", "in September" of the year before, "in 2014")."""
    if m.date is None:
        return False
    d, precision = m.date.date, m.date.precision
    if precision == "month":
        d = (d.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)  # its last day
    elif precision == "year":
        d = date(d.year, 12, 31)
    elif precision != "day":
        return False
    return (published - d).days > days


def _background(m: Mention, published: date | None, days: int = BACKGROUND_DAYS) -> bool:
    """The mention reports an earlier occurrence the article sets its news against: inside an
    "a day after"/"hours after" phrase, or dated (to the day) more than ``days`` before
    publication."""
    if m.earlier:
        return True
    if published is not None and _dated_before(m, published, days):
        return True
    tok = m.trigger.root
    for _ in range(50):
        # "a day after", "hours after": another time, so another occurrence ("after killing 30" is
        # the same one told in sequence)
        marks = [c for c in tok.children if c.dep_ == "mark" and c.lower_ in BEFORE_WORDS]
        if tok.lower_ in BEFORE_WORDS and tok.dep_ == "prep":
            marks.append(tok)
        for w in marks:
            if any(c.dep_ == "npadvmod" for c in (*w.children, *tok.children)):
                return True
        if tok.head == tok:
            return False
        tok = tok.head
    return False


def main_event_index(
    groups: list[list[Mention]],
    *,
    article: Article,
    doc: Doc,
    sents: list[Span],
    lead_end: int,
    published: date | None = None,
    background_days: int = BACKGROUND_DAYS,
) -> int | None:
    """Index in ``groups`` of the event the headline and lead report (``lead_end``: token index);
    an occurrence the lead reports only as background ("a day after ...") comes after its news."""
    if not groups:
        return None
    first_end = sents[0].end if sents else 0
    # the title names the news; the first sentence stands in for a missing one (and in most texts
    # repeats it), but may also recall an earlier occurrence ("... a day after air strikes on X")
    title = title_types(article.title or "")
    headline = title | title_types(doc[:first_end].text if sents else "")

    def key(i: int) -> tuple[int, int, int, int, int, int, int, int]:
        g = groups[i]
        start = min(m.sent.start for m in g)
        types = {m.sub_event_type for m in g}
        in_lead = start < lead_end
        is_violent = any(EVENT_TYPE_OF[t] in _VIOLENT for t in types)
        has_count = any(m.fatalities is not None and m.fatalities.value is not None for m in g)
        # within one sentence, the event of the governing clause ("... the resulting handover")
        depth = min(_depth(m.trigger.root) for m in g if m.sent.start == start)
        # what the lead tells only as background ("a day after ..."), whatever later text repeats
        told = [m for m in g if m.sent.start < lead_end] or g
        background = all(_background(m, published, background_days) for m in told)
        news = in_lead and not background
        return (
            -int(_named(types, title) and news),
            -int(_named(types, headline) and news),
            -int(in_lead),
            int(background),
            -int(is_violent),
            -int(has_count),
            start,
            depth,
        )

    return min(range(len(groups)), key=key)


_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_IED = "Remote explosive/landmine/IED"
_BOMBS = {_IED, "Suicide bomb", "Air/drone strike"}


def _named(types: set[str], named: set[str]) -> bool:
    """The headline names a group of ``types``: one of them, "attack" for any violent event, a bomb
    word for any bombing (an IED, a suicide bomb, an air strike), a protest word for any
    demonstration."""
    return (
        bool(types & named)
        or ("Attack" in named and any(EVENT_TYPE_OF[t] in _VIOLENT for t in types))
        # a bomb is an IED's word and a dropped one's ("Bombs fall on X", "car bomb" for a suicide
        # car bomb): the type of a bare bomb word depends on who used it (see detect._by_actor)
        or (_IED in named and bool(types & _BOMBS))
        or (bool(named & set(SEVERITY)) and any(t in SEVERITY for t in types))
    )
