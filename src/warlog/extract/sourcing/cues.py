"""The attribution stage's word lists (``sourcing/data/*.json``), loaded once per process.

``verbs.json`` holds reporting, citing, sourcing and denial verbs; ``sources.json`` the nouns that
give a source its kind, ranks and honorifics, role nouns and the "containers" of a claim (a
report, a video); ``hedges.json`` hedge words and phrases, verification disclaimers and denial
words. Each file starts with a ``_source`` note on where its lists come from.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, cast

from ...types import SourceKind

__all__ = ["Cues", "cues"]


def _read(name: str) -> dict[str, Any]:
    text = resources.files("warlog.extract.sourcing").joinpath("data", name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


@dataclass(frozen=True)
class Cues:
    """Every list the attribution stage reads, as lower-case sets."""

    report: frozenset[str]
    recipient: frozenset[str]
    citing: frozenset[str]
    sourcing: frozenset[str]
    hearing: frozenset[str]
    publishing: frozenset[str]
    hedging_report: frozenset[str]
    denial: frozenset[str]
    seeming: frozenset[str]
    kind_order: tuple[str, ...]
    kinds: dict[str, frozenset[str]]
    titles: dict[str, str | None]
    kind_families: tuple[frozenset[str], ...]
    role_nouns: frozenset[str]
    group_nouns: frozenset[str]
    anonymity: frozenset[str]
    containers: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    hedge_words: frozenset[str]
    hedge_phrases: tuple[str, ...]
    disclaimers: tuple[str, ...]
    disclaimer_referents: frozenset[str]
    denial_words: frozenset[str]

    def kind_of(self, head: str, words: Iterable[str]) -> SourceKind | None:
        """The kind named by a phrase: its head noun first, then any word or word pair in it."""
        head = head.lower()
        low = [w.lower() for w in words]
        if self.anonymity & set(low):
            return "anonymous"
        pairs = {f"{a} {b}" for a, b in zip(low, low[1:], strict=False)}
        for found in (pairs, {head}, set(low)):
            for kind in self.kind_order:
                if found & self.kinds[kind]:
                    return cast(SourceKind, kind)
        return None

    def compatible(self, a: str | None, b: str | None) -> bool:
        """Whether two kinds could describe one source (unknown fits anything)."""
        if a is None or b is None or a == b:
            return True
        return any(a in fam and b in fam for fam in self.kind_families)


@cache
def cues() -> Cues:
    """The stage's data files, parsed (cached for the process)."""
    verbs = _read("verbs.json")
    src = _read("sources.json")
    hedges = _read("hedges.json")
    return Cues(
        report=_set(verbs["report"]),
        recipient=_set(verbs["recipient"]),
        citing=_set(verbs["citing"]),
        sourcing=_set(verbs["sourcing"]),
        hearing=_set(verbs["hearing"]),
        publishing=_set(verbs["publishing"]),
        hedging_report=_set(verbs["hedging_report"]),
        denial=_set(verbs["denial"]),
        seeming=_set(verbs["seeming"]),
        kind_order=tuple(src["kind_order"]),
        kinds={k: _set(v) for k, v in src["kinds"].items()},
        titles={k.lower(): v for k, v in src["titles"].items()},
        kind_families=tuple(_set(f) for f in src["kind_families"]),
        role_nouns=_set(src["role_nouns"]),
        group_nouns=_set(src["group_nouns"]),
        anonymity=_set(src["anonymity"]),
        containers=_set(src["containers"]),
        person_pronouns=_set(src["person_pronouns"]),
        group_pronouns=_set(src["group_pronouns"]),
        relative_pronouns=_set(src["relative_pronouns"]),
        hedge_words=_set(hedges["words"]),
        hedge_phrases=tuple(p.lower() for p in hedges["phrases"]),
        disclaimers=tuple(p.lower() for p in hedges["disclaimers"]),
        disclaimer_referents=_set(hedges["disclaimer_referents"]),
        denial_words=_set(hedges["denial_words"]),
    )
