"""Toponym resolution: choose, for each recognised name, the place it most likely refers to.

Each candidate row of the gazetteer gets a score (see :class:`Weights`): size (log population),
feature type (a bare country name is the country, a capital beats a namesake village), how the
name matched (primary name, alternate name, loose transliteration), and the article's context —
countries mentioned, places already resolved nearby. Resolution runs in two passes: names with one
clear reading (countries, demonyms, unique names) set the context; then every name is scored in that
context, and one sense per name per article is kept. A name without candidates stays unresolved and
never affects the others.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .gazetteer import Gazetteer
from .names import fold

__all__ = ["Weights", "Resolver", "lookup_key", "DIVISION_WORDS"]

#: Generic words after a name that say it is a division or area ("Anbar province").
DIVISION_WORDS = frozenset(
    "province governorate region district state oblast county prefecture municipality area city town "
    "village countryside".split()
)
_ADMIN_WORDS = frozenset("province governorate region district state oblast county prefecture".split())


@dataclass(frozen=True)
class Weights:
    """Scoring weights. Calibrated by hand on invented ambiguity cases (tests/geo) and checked, not
    fitted, on the development sets: every value is a round number whose order of magnitude is what
    matters (a country must beat any town of the same name; context must beat a 10x population gap)."""

    #: per decade of population (log10): a 10x bigger town gains 1
    population: float = 1.0
    #: a country beats any city of the same name (largest cities are ~10^7: log 7)
    country: float = 8.0
    #: a first-level division, on top of its population (the sum of its places' populations, which
    #: is close to its seat's for most): 0 so that a bare "Aleppo" or "Kirkuk" is the city, whose
    #: seat bonus and primary name win, while "X province" adds ``division_word``
    admin1: float = 0.0
    #: continents and named regions from regions.json (few, and rarely namesakes)
    region: float = 7.0
    capital: float = 1.5
    admin_seat: float = 1.0
    #: the name is the place's primary name, not one of its many alternate names
    primary_name: float = 1.0
    #: the place lies in a country the article names (or in which a place is already resolved)
    in_context_country: float = 3.0
    #: the place lies within ``near_km`` of a place already resolved in the article
    near_resolved: float = 1.5
    near_km: float = 250.0
    #: a loose (transliteration) match instead of an exact one
    loose_match: float = -1.0
    #: "X province"/"X governorate": strongly prefer a division
    division_word: float = 6.0


@dataclass
class Resolver:
    """Scores candidate rows for names in one article; keeps the article's context."""

    gaz: Gazetteer
    weights: Weights = field(default_factory=Weights)
    countries: Counter[str] = field(default_factory=Counter)
    anchors: list[int] = field(default_factory=list)
    senses: dict[str, int] = field(default_factory=dict)
    #: whether loose (transliteration) matches are tried when no exact name matches
    allow_loose: bool = True

    def add_context(self, row: int, *, weight: int = 1) -> None:
        cc = self.gaz.cc[row]
        if cc:
            self.countries[cc] += weight
        if self.gaz.fcl[row] == "P" or self.gaz.fcode[row] == "ADM1":
            self.anchors.append(row)

    def candidates(self, text: str) -> tuple[list[int], bool, bool]:
        """Rows for ``text``: (rows, matched loosely, a division word was given)."""
        key, division = lookup_key(text)
        rows = list(self.gaz.exact_key(key))
        if not rows and key != fold(text):
            rows = list(self.gaz.exact(text))
        if rows:
            return rows, False, division
        demonym = self.gaz.demonym(key) if key else None
        if demonym is not None:
            return [demonym], False, division
        if not self.allow_loose:
            return [], False, division
        loose_rows = [r for r in self.gaz.loose(key) if self.gaz.cc[r] in self.countries]
        return loose_rows, True, division

    def score(self, row: int, key: str, *, loose: bool, division: bool) -> float:
        g, w = self.gaz, self.weights
        fcode = g.fcode[row]
        s = w.population * math.log10(g.pop[row] + 10)
        if fcode == "PCLI":
            s += w.country
        elif fcode == "ADM1":
            s += w.admin1
        elif fcode in ("CONT", "RGN") or g.fcl[row] in ("L", "H", "T"):
            s += w.region
        elif fcode == "PPLC":
            s += w.capital
        elif fcode == "PPLA":
            s += w.admin_seat
        if fold(g.names[row]) == key:
            s += w.primary_name
        if loose:
            s += w.loose_match
        if division and fcode == "ADM1":
            s += w.division_word
        cc = g.cc[row]
        if cc and self.countries.get(cc) and fcode != "PCLI":
            s += w.in_context_country
        if self.anchors and g.fcl[row] == "P":
            d = g.nearest_km(row, (a for a in self.anchors if a != row))
            if d is not None and d < w.near_km:
                s += w.near_resolved
        return s

    def resolve(self, text: str) -> int | None:
        """The best row for ``text`` in the current context, or None."""
        key, _ = lookup_key(text)
        if key in self.senses:
            return self.senses[key]
        rows, loose, division = self.candidates(text)
        if not rows:
            return None
        best = max(rows, key=lambda r: (self.score(r, key, loose=loose, division=division), -r))
        if self.gaz.fcode[best] == "PCLI":
            # "Georgia" in an article about the United States: the state, unless the country
            # Georgia is itself in context
            home = self.home_country()
            if home and home != self.gaz.cc[best] and not self.countries.get(self.gaz.cc[best] or ""):
                states = [r for r in rows if self.gaz.fcode[r] == "ADM1" and self.gaz.cc[r] == home]
                if states:
                    return states[0]
        return best

    def home_country(self) -> str | None:
        """The country holding at least half the article's country evidence, if any."""
        if not self.countries:
            return None
        cc, n = self.countries.most_common(1)[0]
        return cc if n * 2 >= sum(self.countries.values()) else None

    def fix_sense(self, text: str, row: int) -> None:
        key, _ = lookup_key(text)
        self.senses.setdefault(key, row)


def lookup_key(text: str) -> tuple[str, bool]:
    """The folded lookup key of a mention and whether it carried a division word.

    "the Anbar province" → ("anbar", True); "Mosul's" → ("mosul", False).
    """
    key = fold(text)
    words = key.split()
    while words and words[0] == "the":
        words = words[1:]
    if words and words[-1] == "s" and len(words) > 1:
        words = words[:-1]
    division = False
    if len(words) > 1 and words[-1] in DIVISION_WORDS:
        division = words[-1] in _ADMIN_WORDS
        words = words[:-1]
    return " ".join(words), division


def first_clear(gaz: Gazetteer, rows: Sequence[int]) -> int | None:
    """The one row when a name has a single clear reading (a country, or a unique place)."""
    countries = [r for r in rows if gaz.fcode[r] == "PCLI"]
    if countries:
        if any(gaz.fcode[r] == "ADM1" and gaz.cc[r] != gaz.cc[countries[0]] for r in rows):
            return None  # "Georgia": the country or a US state, decided in context
        return countries[0]
    if len(rows) == 1:
        return rows[0]
    return None
