"""The article's focus place and the codebook's precision of a place."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..types import Place, PlaceMention

__all__ = ["focus_place", "precision_of", "specificity"]

#: Where in the article a mention counts double: the first ``LEAD_CHARS`` characters (headline,
#: dateline and first sentence of a wire story are ~300 characters).
LEAD_CHARS = 400
#: Weight of a mention in the lead relative to one further down.
LEAD_WEIGHT = 2.0


def specificity(place: Place) -> int:
    """3 for a town or site, 2 for a first-level division, 1 for a country or larger region."""
    if place.feature_code in ("PCLI", "CONT") or (place.feature_class in ("L", "H") and place.country_code is None):
        return 1
    if place.feature_code == "ADM1" or place.feature_class in ("L", "H", "T"):
        return 2
    return 3


def precision_of(place: Place) -> int:
    """``geo_precision`` of an event placed at ``place`` itself: 1 town, 3 division/region/country."""
    return 1 if specificity(place) == 3 else 3


def focus_place(mentions: Sequence[PlaceMention]) -> PlaceMention | None:
    """The place the article is about: among resolved mentions, the most specific place mentioned
    often, with mentions in the lead counted ``LEAD_WEIGHT`` times. Places inside the dominant
    country win over places elsewhere; returns the first mention of the chosen place."""
    resolved = [m for m in mentions if m.place is not None]
    if not resolved:
        return None
    weight: dict[Place, float] = defaultdict(float)
    first: dict[Place, PlaceMention] = {}
    by_country: dict[str | None, float] = defaultdict(float)
    for m in resolved:
        assert m.place is not None
        w = LEAD_WEIGHT if m.start < LEAD_CHARS else 1.0
        weight[m.place] += w
        first.setdefault(m.place, m)
        by_country[m.place.country_code] += w
    top_country = max(by_country.items(), key=lambda kv: (kv[0] is not None, kv[1]))[0]

    def rank(p: Place) -> tuple[bool, int, float, int]:
        # in the dominant country first, then most specific, then most mentioned, then earliest
        return (p.country_code == top_country, specificity(p), weight[p], -first[p].start)

    best = max(weight, key=rank)
    return first[best]
