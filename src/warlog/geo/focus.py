"""The article's focus place and the codebook's precision of a place."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..types import Place, PlaceMention

__all__ = ["focus_place", "precision_of", "specificity"]

#: Where in the article a mention counts double: the first ``LEAD_CHARS`` characters (headline,
#: dateline and first sentence of a wire story are ~300 characters).
LEAD_CHARS = 400
#: Beyond the lead a mention's weight falls as 1 / (1 + distance / DECAY_CHARS): news puts the
#: event first (inverted pyramid); background and "related" paragraphs follow. 1,000 characters is
#: about two paragraphs, so a mention four paragraphs down counts a third.
DECAY_CHARS = 1000
#: Weight of a mention in the lead relative to one further down.
LEAD_WEIGHT = 2.0
#: Weight of a capital's mention: half, as capitals are often named for their governments.
#: Both weights are round values checked (not fitted) against a development set of Syrian-war reports.
CAPITAL_WEIGHT = 0.5
#: Weight of a place printed in capitals, as datelines are: half.
DATELINE_WEIGHT = 0.5


def specificity(place: Place) -> int:
    """3 for a town or site, 2 for a division or region, 1 for a country or larger region."""
    if place.feature_code in ("PCLI", "CONT") or (
        place.feature_class in ("L", "H") and place.country_code is None
    ):
        return 1
    if place.feature_code in ("ADM1", "ADM2") or place.feature_class in ("L", "H", "T"):
        return 2
    return 3


def precision_of(place: Place) -> int:
    """``geo_precision`` of an event placed at ``place`` itself: 1 town, 3 division/region/country."""
    return 1 if specificity(place) == 3 else 3


def focus_place(mentions: Sequence[PlaceMention]) -> PlaceMention | None:
    """The place the article is about: the most specific place of its most mentioned area.

    Every resolved mention of a town or first-level division counts for its division (country,
    admin1): ``LEAD_WEIGHT`` in the lead, 1 elsewhere, times ``CAPITAL_WEIGHT`` for a capital
    (capitals mostly stand for governments: "Damascus said") and ``DATELINE_WEIGHT`` for a name in
    capitals (a dateline). The division with the highest total
    wins; inside it, the town with the highest total (else the division itself). With no town or
    division, the most mentioned region or country. Returns the first mention of the chosen place.
    """
    resolved = [m for m in mentions if m.place is not None]
    if not resolved:
        return None
    area: dict[tuple[str | None, str | None], float] = defaultdict(float)
    weight: dict[Place, float] = defaultdict(float)
    first: dict[Place, PlaceMention] = {}
    for m in resolved:
        p = m.place
        assert p is not None
        w = LEAD_WEIGHT if m.start < LEAD_CHARS else 1.0 / (1.0 + (m.start - LEAD_CHARS) / DECAY_CHARS)
        if p.feature_code == "PPLC":
            w *= CAPITAL_WEIGHT
        if m.text.isupper() and len(m.text) > 3:
            w *= DATELINE_WEIGHT  # "MOSCOW (Sputnik) -": where the reporter is, not the event
        weight[p] += w
        first.setdefault(p, m)
        if specificity(p) >= 2 and p.admin1:
            area[(p.country_code, p.admin1)] += w
    if area:
        best_area = max(area, key=lambda k: area[k])
        inside = [p for p in weight if (p.country_code, p.admin1) == best_area and specificity(p) >= 2]
        best = max(inside, key=lambda p: (specificity(p), weight[p], -first[p].start))
    else:
        best = max(weight, key=lambda p: (specificity(p), weight[p], -first[p].start))
    return first[best]
