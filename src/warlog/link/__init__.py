"""Incident linking: events from one or many articles that report the same real-world incident.

First version (the spine): events join one incident when they share the sub-event type, the day
and the place (same GeoNames id; else the same admin1 and country when one side is only known at
province level). Every event belongs to exactly one incident, a report of its own if nothing else
matches. Linking is incremental: only events not yet in an incident, and the incidents that share
a key with them, are touched; re-linking from scratch (``relink=True``) gives the same result,
because incident ids are derived from the grouping key, not from the order of arrival.
"""

from __future__ import annotations

import hashlib
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping

from ..settings import Settings
from ..store import Store
from ..types import Event, Incident

__all__ = ["group_key", "link_incidents", "build_incident"]

#: Weight of one report by its certainty, for the confidence (see ``build_incident``).
#: Set by hand from the codebook's meaning of each level, not fitted: an asserted report is
#: worth a coin flip on its own; a hedged one is worth less than an attributed one.
CERTAINTY_WEIGHT = {"asserted": 0.5, "attributed": 0.45, "hedged": 0.25}


def group_key(event: Event) -> str | None:
    """The key events must share to be one incident, or None when the event can only stand alone.

    An event with no date or no resolved place cannot be matched safely: it is its own incident.
    """
    loc = event.location.place if event.location else None
    if event.date is None or loc is None:
        return None
    if event.geo_precision == 3 or loc.feature_class == "A":
        where = f"adm:{loc.country_code}:{(loc.admin1 or loc.name).casefold()}"
    else:
        where = f"gn:{loc.geonames_id}" if loc.geonames_id else f"ll:{loc.lat:.2f},{loc.lon:.2f}"
    return f"{event.sub_event_type}|{event.date}|{where}"


def _incident_id(key: str) -> str:
    return "inc-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def link_incidents(store: Store, *, settings: Settings, relink: bool = False) -> int:
    """Put every event not yet in an incident into one; return the number of incidents written.

    With ``relink=True`` every incident is rebuilt from all events.
    """
    del settings  # the spine's rule has no tunable; issue 6 adds windows and similarity
    events = list(store.iter_events())
    pending = [e for e in events if relink or e.incident_id is None]
    if not pending:
        return 0
    keys = {group_key(e) for e in pending} - {None}
    groups: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        key = group_key(event)
        if relink or event.incident_id is None or key in keys:
            groups[key if key is not None else "single|" + event.event_id].append(event)
    outlets: dict[str, str | None] = {}
    for members in groups.values():
        for e in members:
            if e.article_id not in outlets:
                article = store.get_article(e.article_id)
                outlets[e.article_id] = article.outlet if article else None
    incidents = [
        build_incident(_incident_id(key), members, outlets=outlets) for key, members in sorted(groups.items())
    ]
    touched = [e.event_id for members in groups.values() for e in members]
    store.replace_incidents(incidents, event_ids=touched)
    return len(incidents)


def build_incident(
    incident_id: str, events: Iterable[Event], *, outlets: Mapping[str, str | None] | None = None
) -> Incident:
    """Summarise the reports of one incident: fatalities range, sources, contradictions, confidence.

    ``outlets`` maps article ids to outlet names, used to name the reports in contradictions and
    to count two articles of one outlet as one origin.

    Confidence: each independent origin (the innermost source of a report's attribution chain,
    else its outlet, else its article) contributes the weight of its most certain report
    (``CERTAINTY_WEIGHT``); the incident's confidence is the chance that not all of them are
    wrong, ``1 - prod(1 - w)``, less 0.1 when the reports disagree, capped at 0.99.
    """
    outlets = outlets or {}
    members = sorted(events, key=lambda e: e.event_id)
    first = members[0]
    articles = sorted({e.article_id for e in members})
    located = [e for e in members if e.location is not None]
    location = min(located, key=lambda e: (e.geo_precision or 4, e.event_id)).location if located else None
    figures = [(e.fatalities, e) for e in members if e.fatalities is not None]
    counts = [f for f, _ in figures]
    origins = {_origin_of(e, outlets) for e in members}
    contradictions: list[str] = []
    if len(set(counts)) > 1:
        contradictions.append(
            "fatalities: " + " vs ".join(f"{f} ({_who(e, outlets)})" for f, e in sorted(figures, key=lambda x: x[0]))
        )
    actors = {e.actor1 for e in members if e.actor1}
    if len(actors) > 1:
        contradictions.append("actor1: " + " vs ".join(sorted(actors)))
    best_by_origin: dict[str, float] = {}
    for e in members:
        weight = CERTAINTY_WEIGHT.get(e.certainty, 0.25)
        origin = _origin_of(e, outlets)
        best_by_origin[origin] = max(best_by_origin.get(origin, 0.0), weight)
    doubt = 1.0
    for weight in best_by_origin.values():
        doubt *= 1.0 - weight
    confidence = 1.0 - doubt
    reasons = [f"{len(origins)} independent origin(s) across {len(articles)} article(s)"]
    if contradictions:
        # A disagreement lowers trust in the exact figures, not in the occurrence itself: 0.1 is
        # a fixed, documented penalty until issue 6 calibrates it on labelled data.
        confidence -= 0.1
        reasons.append("reports disagree: " + "; ".join(contradictions))
    certainties = sorted({e.certainty for e in members})
    reasons.append("certainty: " + ", ".join(certainties))
    return Incident(
        incident_id=incident_id,
        event_ids=[e.event_id for e in members],
        article_ids=articles,
        event_type=first.event_type,
        sub_event_type=first.sub_event_type,
        date=first.date,
        location=location,
        fatalities_low=min(counts) if counts else None,
        fatalities_high=max(counts) if counts else None,
        fatalities_best=int(statistics.median_low(counts)) if counts else None,
        sources_count=len(articles),
        independent_sources=max(1, len(origins)),
        confidence=round(min(max(confidence, 0.0), 0.99), 3),
        contradictions=contradictions,
        reasons=reasons,
    )


def _origin_of(event: Event, outlets: Mapping[str, str | None]) -> str:
    """The innermost named source of a report, else its outlet, else its article.

    This is the spine's proxy for independence; issue 6 adds syndicated-copy detection.
    """
    if event.sources:
        return "src:" + event.sources[-1].name.casefold()
    outlet = outlets.get(event.article_id)
    return "outlet:" + outlet.casefold() if outlet else "art:" + event.article_id


def _who(event: Event, outlets: Mapping[str, str | None]) -> str:
    """How a contradiction names one report: its outlet (or article) and its chain."""
    name = outlets.get(event.article_id) or event.article_id
    chain = ", ".join(s.name for s in event.sources)
    return name + (f", citing {chain}" if chain else "")
