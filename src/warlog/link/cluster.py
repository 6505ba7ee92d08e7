"""From scored pairs to incidents: deterministic complete-linkage clustering.

Events are the nodes of a graph whose edges are the pairs :func:`~warlog.link.compare.pair_score`
accepts. Each connected component is clustered on its own: edges are taken best first (ties by
event ids) and two clusters merge only when *every* pair across them is an edge and they share
no article. Complete linkage keeps chains apart (A like B like C does not make A and C one
incident) and one article never reports one incident twice.

The result depends only on the component — not on the order events arrived — so linking a store
incrementally, component by component, gives exactly what linking it from scratch gives.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

__all__ = ["Edges", "cluster", "components", "incident_id"]

#: (smaller event id, larger event id) → score
Edges = Mapping[tuple[str, str], float]


def components(nodes: Iterable[str], edges: Edges) -> list[list[str]]:
    """The connected components of the graph, each sorted, in order of their first node."""
    parent = {n: n for n in nodes}

    def find(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for n in sorted(parent):
        groups.setdefault(find(n), []).append(n)
    return sorted(groups.values())


def cluster(nodes: Iterable[str], edges: Edges, *, article_of: Mapping[str, str]) -> list[list[str]]:
    """Complete-linkage clusters of one component (or any node set), each sorted, sorted."""
    members = {n: [n] for n in sorted(nodes)}
    owner = {n: n for n in members}
    articles = {n: {article_of[n]} for n in members}
    for (a, b), _ in sorted(edges.items(), key=lambda item: (-item[1], item[0])):
        ca, cb = owner[a], owner[b]
        if ca == cb or articles[ca] & articles[cb]:
            continue
        if not all(_key(x, y) in edges for x in members[ca] for y in members[cb]):
            continue
        keep, gone = min(ca, cb), max(ca, cb)
        for n in members[gone]:
            owner[n] = keep
        members[keep].extend(members.pop(gone))
        articles[keep] |= articles.pop(gone)
    return sorted(sorted(group) for group in members.values())


def incident_id(event_ids: Iterable[str]) -> str:
    """An incident's id: a hash of its smallest event id (stable while that event stays in it)."""
    return "inc-" + hashlib.sha1(min(event_ids).encode("utf-8")).hexdigest()[:16]


def _key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)
