"""Incident linking: the events, from one or many articles, that report one real-world incident.

Two events can be one incident when they are compatible — one country, one sub-event family
(:data:`.compare.SUB_FAMILIES`), dates within a window that widens as the dates get vaguer (and
never reaches past the vague report's publication), places within a radius that widens with
``geo_precision`` (or one admin1 for province-level reports), different articles — and their
details (sub-event type, day, place, actors, toll, wording of the evidence) add up to enough
evidence (:mod:`.compare`). Incidents are complete-linkage clusters of the resulting graph
(:mod:`.cluster`), and each is summarised by :func:`warlog.assess.build_incident` (fatalities,
contradictions, independent sources, confidence and its reasons).

Linking is incremental and deterministic (:mod:`.linker`): a new article only touches the
incidents around its events, found with indexed store queries, and the result is the same as
re-linking the store from scratch, whatever the order the articles arrived in.
"""

from __future__ import annotations

from ..assess import build_incident
from .cluster import cluster, components, incident_id
from .compare import LinkParams, Report, family_of, pair_score, report_of, sub_family_of
from .linker import link_incidents

__all__ = [
    "LinkParams",
    "Report",
    "build_incident",
    "cluster",
    "components",
    "family_of",
    "incident_id",
    "link_incidents",
    "pair_score",
    "report_of",
    "sub_family_of",
]
