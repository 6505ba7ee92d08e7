"""Independence: which reports of one incident are really one source told several times.

Two reports fall into one *origin group* when

- they come from one outlet (two articles of one newsroom are one voice);
- one article is a near-copy of the other: the MinHash estimate of the Jaccard similarity of
  their word shingles reaches ``syndication_min_similarity`` (a wire story republished with a new
  intro), or their evidence sentences share at least ``copied_evidence_min_jaccard`` of their
  content words;
- they share the innermost source of their attribution chains, when that source is named
  (two outlets citing the Syrian Observatory are one origin; two citing "residents" are not);
- one report's chain cites the other report's outlet (Gulf Dispatch citing Tigris Wire).

Groups are the connected components of these relations, so the grouping does not depend on the
order of the reports. ``independent_sources`` is the number of groups.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..types import Event
from .text import content_words, jaccard, signature_similarity

__all__ = ["OriginGroups", "is_named_source", "origin_groups"]

#: Heads of source names that name a kind of person or body, not one of them.
GENERIC_SOURCES = frozenset(
    [
        "residents",
        "resident",
        "witnesses",
        "witness",
        "activists",
        "activist",
        "sources",
        "source",
        "officials",
        "official",
        "doctors",
        "doctor",
        "medics",
        "medic",
        "locals",
        "local",
        "media",
        "journalists",
        "journalist",
        "people",
        "survivors",
        "survivor",
        "relatives",
        "security",
        "police",
        "army",
        "military",
        "government",
        "authorities",
        "hospital",
        "rescuers",
        "monitors",
        "monitor",
        "eyewitnesses",
    ]
)
_DETERMINER = re.compile(r"^(?:a|an|the|some|two|three|several|many|one|other|local|unnamed)\s+", re.I)


def is_named_source(name: str) -> bool:
    """Whether ``name`` names one particular source ("SOHR", "Khalid Sabah") rather than a kind of
    source ("residents", "a doctor", "security sources"): a capitalised word, and not a generic head."""
    rest = name.strip()
    while (stripped := _DETERMINER.sub("", rest)) != rest:
        rest = stripped
    words = rest.split()
    if not words:
        return False
    if all(w.casefold().strip(".,'’") in GENERIC_SOURCES for w in words):
        return False
    return any(w[:1].isupper() for w in words)


def _fold(name: str | None) -> str:
    return " ".join((name or "").casefold().split())


@dataclass(frozen=True)
class OriginGroups:
    """The origin groups of an incident's reports and why reports were put together."""

    groups: list[list[str]]  # event ids, each group sorted, groups sorted
    why: list[str]  # e.g. "Gulf Dispatch copies Tigris Wire (text 0.72)"

    def group_of(self, event_id: str) -> int:
        return next(i for i, g in enumerate(self.groups) if event_id in g)


def origin_groups(
    events: Sequence[Event],
    *,
    outlets: Mapping[str, str | None],
    signatures: Mapping[str, bytes],
    evidence: Mapping[str, str],
    syndication_min_similarity: float,
    copied_evidence_min_jaccard: float,
) -> OriginGroups:
    """Group ``events`` (reports of one incident) by origin; see the module docstring."""
    ids = sorted(e.event_id for e in events)
    if len(ids) == 1:
        return OriginGroups(groups=[ids], why=[])
    by_id = {e.event_id: e for e in events}
    parent = {i: i for i in ids}
    why: list[str] = []

    def find(i: str) -> str:
        while parent[i] != i:
            i = parent[i]
        return i

    def join(a: str, b: str, reason: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
            why.append(reason)

    words = {i: content_words(evidence.get(i, "")) for i in ids}
    for n, a in enumerate(ids):
        for b in ids[n + 1 :]:
            reason = _same_origin(
                by_id[a],
                by_id[b],
                outlets=outlets,
                signatures=signatures,
                words=words,
                syndication=syndication_min_similarity,
                copied=copied_evidence_min_jaccard,
            )
            if reason:
                join(a, b, reason)
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(find(i), []).append(i)
    return OriginGroups(groups=sorted(groups.values()), why=why)


def _same_origin(
    a: Event,
    b: Event,
    *,
    outlets: Mapping[str, str | None],
    signatures: Mapping[str, bytes],
    words: Mapping[str, frozenset[str]],
    syndication: float,
    copied: float,
) -> str | None:
    """Why ``a`` and ``b`` are one origin, or None."""
    name_a = outlets.get(a.article_id) or a.article_id
    name_b = outlets.get(b.article_id) or b.article_id
    if a.article_id == b.article_id or (outlets.get(a.article_id) and _fold(name_a) == _fold(name_b)):
        return f"{name_a}: one outlet"
    sig_a, sig_b = signatures.get(a.article_id), signatures.get(b.article_id)
    if sig_a and sig_b and (sim := signature_similarity(sig_a, sig_b)) >= syndication:
        return f"{name_a} and {name_b}: near-identical texts (shingle similarity {sim:.2f})"
    if (sim := jaccard(words[a.event_id], words[b.event_id])) >= copied:
        return f"{name_a} and {name_b}: copied evidence sentence (word overlap {sim:.2f})"
    chain_a = {_fold(s.name) for s in a.sources}
    chain_b = {_fold(s.name) for s in b.sources}
    if outlets.get(b.article_id) and _fold(name_b) in chain_a:
        return f"{name_a} cites {name_b}"
    if outlets.get(a.article_id) and _fold(name_a) in chain_b:
        return f"{name_b} cites {name_a}"
    if a.sources and b.sources:
        inner_a, inner_b = a.sources[-1].name, b.sources[-1].name
        if is_named_source(inner_a) and _fold(inner_a) == _fold(inner_b):
            return f"{name_a} and {name_b}: both from {inner_a}"
    return None
