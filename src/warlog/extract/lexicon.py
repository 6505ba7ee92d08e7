"""The event coder's data files (``extract/data/*.json``), loaded once per process.

Every list the coder uses lives in a data file with a header note on its source:
``triggers.json`` (cues per ACLED sub-event type), ``actors.json`` (the actor dictionary),
``countries.json`` (countries, demonyms, state-forces names) and ``cues.json``
(hedges, reporting verbs, irrealis markers, aggregates, number words, generic actors).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["Actor", "Country", "Frame", "Lexicon", "TriggerGroup", "lexicon"]


@dataclass(frozen=True)
class TriggerGroup:
    """One group of ``triggers.json``: terms that signal ``sub_event_type`` in ``role``."""

    index: int
    sub_event_type: str | None
    role: str  # event | instrument | violence | casualty | strike_verb
    prio: int
    terms: tuple[str, ...]
    needs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Frame:
    """A verb-object frame of ``triggers.json``: the verb with one of the objects signals the type."""

    group: TriggerGroup
    verbs: frozenset[str]
    objects: frozenset[str]
    particles: frozenset[str] = frozenset()
    particles_for: tuple[tuple[str, frozenset[str]], ...] = ()
    requires_word: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Actor:
    """One entry of the actor dictionary."""

    name: str
    kind: str  # state | rebel | political_militia | identity_militia | external | civilians
    country: str | None
    aliases: tuple[str, ...]
    mode: str | None = None  # "air": acts almost only from the air
    #: "government": a militia fighting on the state's side (ACLED: the government's affiliates)
    side: str | None = None


@dataclass(frozen=True)
class Country:
    """A country with the words that point to it (name, demonym, capital)."""

    code: str
    name: str
    forces: str  # as in "Military Forces of {forces}"
    words: tuple[str, ...]


@dataclass
class Lexicon:
    """All of the coder's word lists."""

    groups: list[TriggerGroup]
    frames: list[Frame]
    actors: dict[str, Actor]
    countries: dict[str, Country]
    #: lower-cased word (demonym, name, capital) → ISO code
    country_words: dict[str, str]
    cues: dict[str, Any] = field(default_factory=dict)
    _sets: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def words(self, key: str) -> frozenset[str]:
        """A list of ``cues.json`` as a set of lower-case strings (built once per key)."""
        found = self._sets.get(key)
        if found is None:
            found = self._sets[key] = frozenset(str(w).lower() for w in self.cues[key])
        return found

    def one_word_terms(self, *roles: str) -> frozenset[str]:
        """The one-word trigger terms of the groups of ``roles``, lower-cased, without their
        part-of-speech tag ("strike/VERB" → "strike"); built once per set of roles."""
        key = "roles:" + ",".join(sorted(roles))
        found = self._sets.get(key)
        if found is None:
            terms = (t.partition("/")[0].lower() for g in self.groups if g.role in roles for t in g.terms)
            found = self._sets[key] = frozenset(t for t in terms if " " not in t)
        return found


def _read(name: str) -> dict[str, Any]:
    text = resources.files("warlog.extract").joinpath("data", name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def lexicon() -> Lexicon:
    """The coder's data files, parsed (cached for the process)."""
    trig = _read("triggers.json")
    groups = [
        TriggerGroup(
            index=i,
            sub_event_type=g["type"],
            role=g["role"],
            prio=int(g["prio"]),
            terms=tuple(g["terms"]),
            needs=tuple(g.get("needs", ())),
        )
        for i, g in enumerate(trig["groups"])
    ]
    frames = []
    for k, f in enumerate(trig.get("frames", [])):
        group = TriggerGroup(
            index=len(groups) + k,
            sub_event_type=f["type"],
            role="event",
            prio=int(f["prio"]),
            terms=(),
            needs=tuple(f.get("needs", ())),
        )
        frames.append(
            Frame(
                group=group,
                verbs=frozenset(f["verbs"]),
                objects=frozenset(f.get("objects", ())),
                particles=frozenset(f.get("particles", ())),
                particles_for=tuple((v, frozenset(p)) for v, p in f.get("particles_for", {}).items()),
                requires_word=frozenset(f.get("requires_word", ())),
            )
        )
    actors = {
        a["name"]: Actor(
            a["name"], a["kind"], a.get("country"), tuple(a["aliases"]), a.get("mode"), a.get("side")
        )
        for a in _read("actors.json")["actors"]
    }
    countries: dict[str, Country] = {}
    words: dict[str, str] = {}
    for c in _read("countries.json")["countries"]:
        country = Country(c["code"], c["name"], c["forces"], tuple(c["words"]))
        countries[country.code] = country
        for w in country.words:
            words.setdefault(w.lower(), country.code)
    return Lexicon(
        groups=groups,
        frames=frames,
        actors=actors,
        countries=countries,
        country_words=words,
        cues=_read("cues.json"),
    )
