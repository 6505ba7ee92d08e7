"""Whether two events can report the same incident, and how strongly their details say so.

:func:`pair_score` is the one rule of linking. It first applies hard gates — both events dated
(not to a year only) and located in one country, from different articles, of one type family,
dated within the window of their precisions, placed within the radius of their precisions (or
in one admin1 for province-level reports) — then adds up evidence for and against, in rough
log-odds units (1.0 ≈ "makes it about e times likelier"):

==============================================  =======
same sub-event type                             +0.5
same day, both known to the day                 +0.5
days apart (within the window)                  -0.5 per day, at most -1.0
same place (GeoNames id, or under 2 km)         +0.5
only the admin1 is shared (province-level)      -0.25
only the country is known for one of them      -1.0
same actor1 (both known, not "unidentified")    +0.5
different actor1                                -0.5
same fatality figure (both known, > 0)          +0.5
wording: content-word Jaccard of the evidence   + text_weight × J
==============================================  =======

A pair is an edge of the linking graph when its score reaches ``min_score``. The weights are set
by reasoning, not fitted: each strong agreement (type, day, place, actor, toll) counts the same,
disagreements cost as much as agreements earn except for a day apart (reports disagree about
"yesterday" often) and a shared province (weaker than a shared town). See ``settings.toml [link]``
for the window, radius and threshold, and how each was calibrated.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from ..assess.agreement import UNKNOWN_ACTORS
from ..assess.text import content_words, jaccard
from ..settings import Settings
from ..types import Event

__all__ = ["LinkParams", "Report", "family_of", "pair_score", "report_of"]

#: Type families: events of one family can be one incident even when the coders (or the outlets)
#: gave them different sub-event types: an "air strike" and "shelling" of one town on one day are
#: often one bombardment; protests and riots one demonstration. Battles and attacks on civilians
#: are one family too: outlets call the same shooting a clash or a massacre.
FAMILIES: dict[str, str] = {
    "Explosions/Remote violence": "remote",
    "Battles": "armed",
    "Violence against civilians": "armed",
    "Protests": "demonstration",
    "Riots": "demonstration",
    "Strategic developments": "strategic",
}

EARTH_KM = 6371.0088


@dataclass(frozen=True)
class LinkParams:
    """The ``[link]`` settings, read once."""

    slack_days: dict[str, int]
    radius_km: dict[int, float]
    min_score: float
    text_weight: float

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


def _actor(name: str | None) -> str | None:
    if not name:
        return None
    folded = name.casefold()
    return None if folded.startswith(UNKNOWN_ACTORS) else folded


def report_of(event: Event, *, evidence: str, params: LinkParams) -> Report:
    """The comparable form of ``event``; ``evidence`` is its evidence sentence."""
    place = event.location.place if event.location else None
    day: int | None = None
    slack = params.slack_days.get(event.date_precision or "day")
    if event.date and slack is not None:
        try:
            day = date.fromisoformat(event.date[:10]).toordinal()
        except ValueError:
            day = None
    regional = place is not None and (event.geo_precision == 3 or place.feature_class == "A")
    return Report(
        event_id=event.event_id,
        article_id=event.article_id,
        family=family_of(event.event_type),
        sub_event_type=event.sub_event_type,
        day=day,
        slack=slack or 0,
        precise_day=(event.date_precision or "day") == "day",
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


def km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Great-circle distance in km (haversine)."""
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


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
    apart = abs(a.day - b.day)
    if apart > max(a.slack, b.slack):
        return None
    place = _place_score(a, b)
    if place is None:
        return None
    score = place + (0.5 if a.sub_event_type == b.sub_event_type else 0.0)
    if apart == 0:
        score += 0.5 if a.precise_day and b.precise_day else 0.0
    elif a.precise_day and b.precise_day:
        score -= min(0.5 * apart, 1.0)
    if a.actor1 and b.actor1:
        score += 0.5 if a.actor1 == b.actor1 else -0.5
    if a.fatalities and b.fatalities and a.fatalities == b.fatalities:
        score += 0.5
    score += params.text_weight * jaccard(a.words, b.words)
    return score if score >= params.min_score else None
