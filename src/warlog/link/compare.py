"""Whether two events can report the same incident, and how strongly their details say so.

:func:`pair_score` is the one rule of linking. It first applies hard gates — both events dated
(not to a year only) and located in one country, from different articles, of one sub-event family,
dated within the window of their precisions (a vague date's window ends at its publication), placed
within the radius of their precisions (or in one admin1 for province-level reports) — then adds up
evidence for and against, in rough log-odds units (1.0 ≈ "makes it about e times likelier"):

==============================================  =======
same sub-event type                             +0.5
same day, both known to the day                 +0.5
days apart (within the window)                  -0.5 per day, at most -1.0
a date known only to the week or month          ``vague_date_score`` (-0.5)
same place (GeoNames id, or under 2 km)         +0.5
only the admin1 is shared (province-level)      -0.25
only the country is known for one of them      -1.0
same actor1 (both known, not "unidentified")    +0.5
different actor1                                -0.5
same fatality figure (both known, > 0)          +0.5
wording: content-word Jaccard of the evidence   + text_weight × J
==============================================  =======

A week- or month-precision date (often the publication date standing in for an undated lead) agrees
with every day of its window, so it says no more than a day-precision date a day off: it earns no day
evidence and costs ``vague_date_score``. A pair is an edge of the linking graph when its score
reaches ``min_score``. The weights are set by reasoning, not fitted: each strong agreement (type,
day, place, actor, toll) counts the same, disagreements cost as much as agreements earn except for a
day apart (reports disagree about "yesterday" often) and a shared province (weaker than a shared
town). See ``settings.toml [link]`` for the window, radius and threshold, and how each was
calibrated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from ..assess.agreement import UNKNOWN_ACTORS
from ..assess.text import content_words, jaccard
from ..geo.gazetteer import km
from ..settings import Settings
from ..types import Event

__all__ = ["LinkParams", "Report", "family_of", "pair_score", "report_of", "sub_family_of"]

#: Type families of the ACLED event types (used to judge the coding of the demo corpus).
FAMILIES: dict[str, str] = {
    "Explosions/Remote violence": "remote",
    "Battles": "armed",
    "Violence against civilians": "armed",
    "Protests": "demonstration",
    "Riots": "demonstration",
    "Strategic developments": "strategic",
}

#: Sub-event families, the gate of linking: events of one family can be one incident even when the
#: coders (or the outlets) gave them different sub-event types, events of two families cannot.
#: An "air strike" and "shelling" of one town on one day are often one bombardment (barrel bombs,
#: missiles and rockets are told apart loosely); a "suicide car bomb" and a "car bomb" one bombing;
#: outlets call the same shooting a clash or a massacre (Battles and attacks on civilians), and the
#: same crowd a protest or a riot. But a chemical attack is coded as such whatever delivered it (the
#: codebook gives it precedence), so it is not another report of an ordinary strike that day; a
#: bombardment is not a bombing; an abduction or sexual violence is not a clash; and strategic
#: developments (arrests, agreements, looting...) are each their own kind. Unlisted: its own family.
SUB_FAMILIES: dict[str, str] = {
    "Air/drone strike": "bombardment",
    "Shelling/artillery/missile attack": "bombardment",
    "Suicide bomb": "bombing",
    "Remote explosive/landmine/IED": "bombing",
    "Grenade": "bombing",
    "Chemical weapon": "chemical",
    "Armed clash": "armed",
    "Government regains territory": "armed",
    "Non-state actor overtakes territory": "armed",
    "Attack": "armed",
    "Peaceful protest": "demonstration",
    "Protest with intervention": "demonstration",
    "Excessive force against protesters": "demonstration",
    "Violent demonstration": "demonstration",
    "Mob violence": "demonstration",
}


@dataclass(frozen=True)
class LinkParams:
    """The ``[link]`` settings, read once."""

    slack_days: dict[str, int]
    radius_km: dict[int, float]
    min_score: float
    text_weight: float
    vague_date_score: float

    @classmethod
    def from_settings(cls, settings: Settings) -> LinkParams:
        s = settings["link"]
        return cls(
            slack_days={
                "day": int(s["date_slack_day"]),
                "week": int(s["date_slack_week"]),
                "month": int(s["date_slack_month"]),
            },
            radius_km={1: float(s["radius_km_town"]), 2: float(s["radius_km_near"])},
            min_score=float(s["min_score"]),
            text_weight=float(s["text_weight"]),
            vague_date_score=float(s["vague_date_score"]),
        )

    @property
    def max_slack(self) -> int:
        return max(self.slack_days.values())


@dataclass(frozen=True)
class Report:
    """What linking compares of one event (built once per event by :func:`report_of`)."""

    event_id: str
    article_id: str
    family: str
    sub_event_type: str
    day: int | None  # date as an ordinal; None: cannot be linked
    slack: int
    precise_day: bool
    published: int | None  # publication date of a vaguely dated report's article, as an ordinal
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    radius: float | None  # None: known only as a region (compare admin1)
    actor1: str | None
    fatalities: int | None
    evidence: str = field(repr=False)

    @cached_property
    def words(self) -> frozenset[str]:
        """Content words of the evidence sentence (computed when a pair first passes the gates)."""
        return content_words(self.evidence)

    @property
    def linkable(self) -> bool:
        return self.day is not None and self.country is not None


def family_of(event_type: str) -> str:
    """The type family of an ACLED event type (the type itself when it has none)."""
    return FAMILIES.get(event_type, event_type)


def sub_family_of(sub_event_type: str) -> str:
    """The linking family of an ACLED sub-event type (the sub-event type itself when it has none)."""
    return SUB_FAMILIES.get(sub_event_type, sub_event_type)


def _actor(name: str | None) -> str | None:
    if not name:
        return None
    folded = name.casefold()
    return None if folded.startswith(UNKNOWN_ACTORS) else folded


def report_of(event: Event, *, evidence: str, params: LinkParams, published: str | None = None) -> Report:
    """The comparable form of ``event``; ``evidence`` is its evidence sentence, ``published`` the
    publication date of its article (used only when the date is vaguer than a day)."""
    place = event.location.place if event.location else None
    day: int | None = None
    slack = params.slack_days.get(event.date_precision or "day")
    if event.date and slack is not None:
        try:
            day = date.fromisoformat(event.date[:10]).toordinal()
        except ValueError:
            day = None
    precise = (event.date_precision or "day") == "day"
    regional = place is not None and (event.geo_precision == 3 or place.feature_class == "A")
    return Report(
        event_id=event.event_id,
        article_id=event.article_id,
        family=sub_family_of(event.sub_event_type),
        sub_event_type=event.sub_event_type,
        day=day,
        slack=slack or 0,
        precise_day=precise,
        published=None if precise else _ordinal(published),
        country=place.country_code if place else None,
        admin1=place.admin1.casefold() if place and place.admin1 else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        geonames_id=place.geonames_id if place else None,
        radius=None if regional else params.radius_km.get(event.geo_precision or 1, params.radius_km[2]),
        actor1=_actor(event.actor1),
        fatalities=event.fatalities,
        evidence=evidence,
    )


def _ordinal(iso: str | None) -> int | None:
    try:
        return date.fromisoformat(iso[:10]).toordinal() if iso else None
    except ValueError:
        return None


def _within_window(a: Report, b: Report) -> bool:
    """Whether the days of ``a`` and ``b`` fit the window of the vaguer one (either, when equal).

    A window never reaches past the publication of the vague report's article: nothing happens
    after it is reported, so a week-precision date (often the publication date standing in for an
    undated lead) cannot stand for a later day another report gives — unless that day is within its
    own slack of the publication (a day-precision date can be a day off, see ``date_slack_day``).
    """
    assert a.day is not None and b.day is not None
    if abs(a.day - b.day) > max(a.slack, b.slack):
        return False
    if a.slack == b.slack:
        return True
    vague, other = (a, b) if a.slack > b.slack else (b, a)
    assert vague.day is not None and other.day is not None
    return vague.published is None or other.day - other.slack <= max(vague.published, vague.day)


def _place_score(a: Report, b: Report) -> float | None:
    """Evidence from the two places, or None when they cannot be one place."""
    if a.radius is not None and b.radius is not None:
        assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
        if a.geonames_id is not None and a.geonames_id == b.geonames_id:
            return 0.5
        distance = km(a.lat, a.lon, b.lat, b.lon)
        if distance > a.radius + b.radius:
            return None
        return 0.5 if distance < 2.0 else 0.0
    # at least one side is known only as a region: compare admin1, else only the country is known
    if a.admin1 and b.admin1:
        return -0.25 if a.admin1 == b.admin1 else None
    return -1.0


def pair_score(a: Report, b: Report, *, params: LinkParams) -> float | None:
    """How strongly ``a`` and ``b`` look like reports of one incident; None when they cannot be."""
    if not (a.linkable and b.linkable) or a.article_id == b.article_id:
        return None
    if a.country != b.country or a.family != b.family:
        return None
    assert a.day is not None and b.day is not None
    if not _within_window(a, b):
        return None
    apart = abs(a.day - b.day)
    place = _place_score(a, b)
    if place is None:
        return None
    score = place + (0.5 if a.sub_event_type == b.sub_event_type else 0.0)
    if not (a.precise_day and b.precise_day):
        score += params.vague_date_score
    elif apart == 0:
        score += 0.5
    else:
        score -= min(0.5 * apart, 1.0)
    if a.actor1 and b.actor1:
        score += 0.5 if a.actor1 == b.actor1 else -0.5
    if a.fatalities and b.fatalities and a.fatalities == b.fatalities:
        score += 0.5
    score += params.text_weight * jaccard(a.words, b.words)
    return score if score >= params.min_score else None
