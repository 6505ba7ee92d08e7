"""Linking a store: find each new event's candidates, cluster, and write the incidents.

Incremental (the default): the events not yet in an incident are the seeds. For each seed, the
store is asked only for events of the same country within the seed's date window (an indexed
range query, :meth:`Store.events_in_window`). An old event a seed links to brings its whole stored
component of the linking graph (:meth:`Store.events_of_components`, one indexed query): old edges
never leave a component, and every new edge has a seed at one end, so this is the complete new
component. Only those components are re-clustered and rewritten, with their component ids.
Because clustering depends only on the component (:mod:`.cluster`) and incident ids only on their
events, this gives exactly what re-linking from scratch (``relink=True``) gives — as long as the
``[link]`` settings are unchanged; after changing them, re-link from scratch.

From scratch: every event is loaded once and candidates come from an in-memory index by
(country, day) — the same pairs the store queries would return.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

from ..assess import build_incident
from ..assess.text import signatures
from ..settings import Settings
from ..store import Store
from ..types import Event, Incident
from .cluster import Edges, cluster, components, incident_id
from .compare import LinkParams, Report, pair_score, report_of

__all__ = ["link_incidents"]


def link_incidents(store: Store, *, settings: Settings, relink: bool = False) -> int:
    """Put every event not yet in an incident into one; return the number of incidents written.

    With ``relink=True`` every incident is rebuilt from all events.
    """
    params = LinkParams.from_settings(settings)
    if not relink:
        seeds = store.unlinked_events()
        if not seeds:
            return 0
        # a big batch is cheaper rebuilt in memory than explored event by event (same result)
        relink = len(seeds) >= float(settings["link"]["relink_share"]) * store.count_events()
    if relink:
        events = list(store.iter_events())
        if not events:
            return 0
        reports = _reports(store, events, params=params)
    else:
        events, reports = _explore(store, seeds, params=params)
    edges = _edges_in_memory(reports, params=params)
    parts = components(reports, edges)
    groups = _group(parts, edges, reports=reports)
    incidents = _incidents(store, groups, events={e.event_id: e for e in events}, settings=settings)
    store.replace_incidents(
        incidents,
        event_ids=[e.event_id for e in events],
        components={event_id: part[0] for part in parts for event_id in part},
    )
    return len(incidents)


def _reports(store: Store, events: Iterable[Event], *, params: LinkParams) -> dict[str, Report]:
    events = list(events)
    texts = store.evidence_texts(e.event_id for e in events)
    published = _published(store, (e.article_id for e in events if _vague(e)))
    return {
        e.event_id: report_of(
            e, evidence=texts.get(e.event_id, ""), params=params, published=published.get(e.article_id)
        )
        for e in events
    }


def _vague(event: Event) -> bool:
    return event.date is not None and (event.date_precision or "day") != "day"


def _published(store: Store, article_ids: Iterable[str]) -> dict[str, str | None]:
    """The publication dates of the articles of vaguely dated events (a few percent of events)."""
    out: dict[str, str | None] = {}
    for article_id in sorted(set(article_ids)):
        article = store.get_article(article_id)
        out[article_id] = article.published if article else None
    return out


def _key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _edges_in_memory(reports: Mapping[str, Report], *, params: LinkParams) -> dict[tuple[str, str], float]:
    """Every accepted pair, found through an index by (country, day).

    A pair can only be accepted when its days are at most ``max(slack_a, slack_b)`` apart, so it
    is found by scanning, from each event, the days within its own slack: the event with the
    larger slack finds the other.
    """
    index: dict[tuple[str, int], list[Report]] = defaultdict(list)
    for r in reports.values():
        if r.linkable:
            assert r.country is not None and r.day is not None
            index[(r.country, r.day)].append(r)
    edges: dict[tuple[str, str], float] = {}
    for a in reports.values():
        if not a.linkable:
            continue
        assert a.country is not None and a.day is not None
        for day in range(a.day - a.slack, a.day + a.slack + 1):
            for b in index.get((a.country, day), ()):
                if b.slack > a.slack or (b.slack == a.slack and b.event_id <= a.event_id):
                    continue  # b finds this pair (or has found it)
                score = pair_score(a, b, params=params)
                if score is not None:
                    edges[_key(a.event_id, b.event_id)] = score
    return edges


def _candidates(store: Store, report: Report, *, params: LinkParams) -> list[Event]:
    """The stored events that could pair with ``report``: same country, within either one's window."""
    if not report.linkable:
        return []
    assert report.country is not None and report.day is not None
    found = _window(store, report.country, report.day, report.slack, None)
    for precision, slack in sorted(params.slack_days.items()):
        if slack > report.slack:
            found += _window(store, report.country, report.day, slack, [precision])
    return found


def _window(store: Store, country: str, day: int, slack: int, precisions: list[str] | None) -> list[Event]:
    return store.events_in_window(
        country_code=country,
        date_from=date.fromordinal(day - slack).isoformat(),
        date_to=date.fromordinal(day + slack).isoformat() + "\uffff",  # dates may carry a time
        date_precisions=precisions,
    )


def _explore(
    store: Store, seeds: list[Event], *, params: LinkParams
) -> tuple[list[Event], dict[str, Report]]:
    """The events of every component of the linking graph that holds a seed.

    Only seeds need their candidates looked up: any new edge has a seed at one end, and an old
    event's old edges stay inside its stored component, which comes whole from one indexed query.
    Events without a stored component (linked before schema 2, or never) are explored like seeds.
    """
    events = {e.event_id: e for e in seeds}
    reports = _reports(store, seeds, params=params)
    explored: set[str] = set()
    loaded: set[str] = set()
    frontier = sorted(events)
    while frontier:
        explored.update(frontier)
        found: dict[str, Event] = {}
        near: dict[str, list[str]] = {}
        for event_id in frontier:
            candidates = _candidates(store, reports[event_id], params=params)
            near[event_id] = [c.event_id for c in candidates if c.event_id != event_id]
            found.update((c.event_id, c) for c in candidates if c.event_id not in events)
        reports.update(_reports(store, found.values(), params=params))
        events.update(found)
        reached = {
            other
            for event_id in frontier
            for other in near[event_id]
            if pair_score(reports[event_id], reports[other], params=params) is not None
        }
        component_of = store.link_components(sorted(reached - explored))
        wanted = sorted({c for c in component_of.values() if c} - loaded)
        members = store.events_of_components(wanted)
        loaded.update(wanted)
        fresh = [e for e in members if e.event_id not in events]
        events.update((e.event_id, e) for e in fresh)
        reports.update(_reports(store, fresh, params=params))
        explored.update(e.event_id for e in members)
        explored.update(i for i, c in component_of.items() if c)
        # no stored component: walk on from it, and from its incident's other events
        unknown = {i for i, c in component_of.items() if not c}
        incidents = sorted({i for i in (events[n].incident_id for n in unknown) if i})
        mates = store.events_of_incidents(incidents)
        fresh = [e for e in mates if e.event_id not in events]
        events.update((e.event_id, e) for e in fresh)
        reports.update(_reports(store, fresh, params=params))
        frontier = sorted((unknown | {e.event_id for e in mates}) - explored)
    keep = sorted(explored)
    return [events[i] for i in keep], {i: reports[i] for i in keep}


def _group(parts: list[list[str]], edges: Edges, *, reports: Mapping[str, Report]) -> list[list[str]]:
    """Complete-linkage clusters of every connected component."""
    article_of = {i: r.article_id for i, r in reports.items()}
    part_of = {n: i for i, part in enumerate(parts) for n in part}
    edges_of: dict[int, dict[tuple[str, str], float]] = defaultdict(dict)
    for pair, score in edges.items():
        edges_of[part_of[pair[0]]][pair] = score
    groups: list[list[str]] = []
    for i, part in enumerate(parts):
        groups.extend(cluster(part, edges_of[i], article_of=article_of) if len(part) > 1 else [part])
    return groups


def _incidents(
    store: Store, groups: list[list[str]], *, events: Mapping[str, Event], settings: Settings
) -> list[Incident]:
    """Build the incidents. Text signatures are computed (once, then stored) only for the articles
    that share an incident with another article: only they can be copies of each other."""
    multi = [g for g in groups if len({events[i].article_id for i in g}) > 1]
    shared = sorted({events[i].article_id for g in multi for i in g})
    known = store.article_signatures(shared)
    missing = [a for a in shared if a not in known]
    if missing:
        made = signatures(
            store.article_texts(missing),
            shingle_words=settings["link"]["shingle_words"],
            num_perm=settings["link"]["minhash_perm"],
        )
        store.save_article_signatures(made)
        known.update(made)
    evidence = store.evidence_texts(i for g in multi for i in g)
    outlets = store.article_outlets({e.article_id for e in events.values()})
    return [
        build_incident(
            incident_id(group),
            [events[i] for i in group],
            outlets=outlets,
            signatures=known,
            evidence=evidence,
            settings=settings,
        )
        for group in groups
    ]
