"""Assessment: what an incident's reports say together, how independent they are, how far to trust it.

    incident = build_incident(incident_id, events, outlets=..., signatures=..., evidence=...)

- :mod:`.independence` folds syndicated copies, one outlet's articles and shared attribution
  origins into origin groups (``independent_sources``);
- :mod:`.agreement` picks the incident's type, day and place, the fatalities low/high/best and lists
  contradictions in words;
- :mod:`.text` compares wording (content words of evidence, MinHash signatures of articles);
- :mod:`.confidence` scores the incident in [0, 1] with one reason per step of its formula.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..settings import Settings
from ..types import Event, Incident
from .agreement import agreement
from .confidence import confidence
from .independence import is_named_source, origin_groups
from .weights import CERTAINTY_WEIGHT, report_weight

__all__ = ["CERTAINTY_WEIGHT", "build_incident", "is_named_source", "origin_groups", "report_weight"]

#: Used when no settings are given (the defaults of ``settings.toml [assess]``).
DEFAULT_SYNDICATION = 0.5
DEFAULT_COPIED_EVIDENCE = 0.8


def build_incident(
    incident_id: str,
    events: Iterable[Event],
    *,
    outlets: Mapping[str, str | None] | None = None,
    signatures: Mapping[str, bytes] | None = None,
    evidence: Mapping[str, str] | None = None,
    settings: Settings | None = None,
) -> Incident:
    """One incident record from the events that report it.

    ``outlets`` maps article ids to outlet names (to name reports and fold one outlet's articles),
    ``signatures`` article ids to MinHash signatures of their texts and ``evidence`` event ids to
    evidence sentences (both to detect copies); any may be left out.
    """
    outlets = outlets or {}
    members = sorted(events, key=lambda e: e.event_id)
    section = (settings or {}).get("assess", {})
    origins = origin_groups(
        members,
        outlets=outlets,
        signatures=signatures or {},
        evidence=evidence or {},
        syndication_min_similarity=section.get("syndication_min_similarity", DEFAULT_SYNDICATION),
        copied_evidence_min_jaccard=section.get("copied_evidence_min_jaccard", DEFAULT_COPIED_EVIDENCE),
    )
    agreed = agreement(members, groups=origins.groups, outlets=outlets)
    score, reasons = confidence(members, origins=origins, agreed=agreed, outlets=outlets)
    articles = sorted({e.article_id for e in members})
    return Incident(
        incident_id=incident_id,
        event_ids=[e.event_id for e in members],
        article_ids=articles,
        event_type=agreed.event_type,
        sub_event_type=agreed.sub_event_type,
        date=agreed.date,
        location=agreed.location,
        fatalities_low=agreed.fatalities_low,
        fatalities_high=agreed.fatalities_high,
        fatalities_best=agreed.fatalities_best,
        sources_count=len(articles),
        independent_sources=max(1, len(origins.groups)),
        confidence=score,
        contradictions=agreed.contradictions,
        reasons=reasons,
    )
