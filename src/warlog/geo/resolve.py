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
from .names import abbreviation_key, fold, is_primary, similar, word_set
from .recognize import BIG_PLACE

__all__ = ["Weights", "Resolver", "lookup_key", "DIVISION_WORDS"]

#: Population under which a place in a country the article never names is dropped when the article
#: has a home country (a Moroccan hamlet for an unknown Syrian village name): 10,000 (set by hand).
FOREIGN_HAMLET = 10_000
#: How many country mentions one resolved town or division is worth as context evidence: 3, so
#: that two towns in Britain outweigh five "US-led" (set by hand on invented cases, tests/geo).
PLACE_EVIDENCE = 3
#: Least similarity (names.similar) for a loose match: 0.7 keeps transliteration variants
#: ("Tuz Kharmato"/"Tuz Khurmatu" 0.82, "Ain al Issa"/"Ayn Isa" 0.77) and drops skeleton collisions
#: ("ISIL"/"Aslah" 0.44, "Daesh"/"Dush" 0.67). Set on invented and well-known pairs (tests/geo).
LOOSE_MIN_SIMILARITY = 0.7

#: Generic words after a name that say it is a division or area ("Anbar province").
DIVISION_WORDS = word_set(
    "province governorate region district state oblast county prefecture municipality area city town "
    "village countryside"
)
_ADMIN_WORDS = word_set("province governorate region district state oblast county prefecture")


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
    #: a second-level division (county, department): its population estimate includes its seat
    #: town's, so -1 makes a bare "Bedford" the town and keeps the county for "Essex"
    admin2: float = -1.0
    #: continents and named regions from regions.json (few, and rarely namesakes)
    region: float = 7.0
    capital: float = 1.5
    admin_seat: float = 1.0
    #: the name is the place's primary name, not one of its many alternate names (former names
    #: such as Salisbury for Harare, other languages' forms): a 100x bigger place must be at stake
    #: for an alternate name to win
    primary_name: float = 2.0
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
    senses: dict[tuple[str, bool], int] = field(default_factory=dict)
    #: whether loose (transliteration) matches are tried when no exact name matches
    allow_loose: bool = True

    def add_context(self, row: int) -> None:
        """Count ``row`` as evidence of where the article is: a town or division counts
        ``PLACE_EVIDENCE`` times a country name or demonym ("US-led", "Russian" name actors more
        often than places) and becomes an anchor for proximity."""
        cc = self.gaz.cc[row]
        local = self.gaz.fcl[row] == "P" or self.gaz.fcode[row] == "ADM1"
        if cc:
            self.countries[cc] += PLACE_EVIDENCE if local else 1
        if local:
            self.anchors.append(row)

    def candidates(self, text: str) -> tuple[list[int], frozenset[int], bool]:
        """Rows for ``text``: (rows, the rows matched only loosely, a division word was given).

        Exact names first; a possessive written without its apostrophe ("Syrias", in texts whose
        punctuation was stripped) is tried as the name of a country or big place; then a demonym.
        Loose (transliteration) matches are added inside the article's countries when no exact
        match lies in its home country, and kept only when the names are ``LOOSE_MIN_SIMILARITY``
        alike (the skeleton alone joins too many names)."""
        g = self.gaz
        abbreviation = abbreviation_key(text)
        if abbreviation is not None and g.has_key(abbreviation):
            return list(g.exact_key(abbreviation)), frozenset(), False
        key, division = lookup_key(text)
        whole = lookup_key(text, strip_division=False)[0]
        rows = list(g.exact_key(whole)) if whole != key else []
        if rows:  # "Kansas City", "Sadr City": the generic word is part of the name
            key, division = whole, False
        else:
            rows = list(g.exact_key(key))
        if not rows and key != fold(text):
            rows = list(g.exact(text))
        if not rows and key.endswith("s") and len(key) > 4:
            rows = [r for r in g.exact_key(key[:-1]) if g.fcode[r] == "PCLI" or g.pop[r] >= BIG_PLACE]
        if not rows and key:
            demonym = g.demonym(key)
            if demonym is not None:
                return [demonym], frozenset(), division
        loose_rows: list[int] = []
        home = self.home_country()
        if self.allow_loose and self.countries and not any(g.cc[r] == home for r in rows):
            allowed = {home} if rows else set(self.countries)
            found = [r for r in g.loose(key) if similar(key, g.names[r]) >= LOOSE_MIN_SIMILARITY]
            found += [r for v in _final_h_variants(key) if g.has_key(v) for r in g.exact_key(v)]
            loose_rows = sorted({r for r in found if g.cc[r] in allowed and r not in rows})
        return rows + loose_rows, frozenset(loose_rows), division

    def score(self, row: int, key: str, *, loose: bool, division: bool) -> float:
        """Points for reading ``key`` as ``row`` in the article's context (see :class:`Weights`)."""
        g, w = self.gaz, self.weights
        fcode = g.fcode[row]
        s = w.population * math.log10(g.pop[row] + 10)
        if fcode == "PCLI":
            s += w.country
        elif fcode == "ADM1":
            s += w.admin1
        elif fcode == "ADM2":
            s += w.admin2
        elif fcode in ("CONT", "RGN") or g.fcl[row] in ("L", "H", "T"):
            s += w.region
        elif fcode == "PPLC":
            s += w.capital
        elif fcode == "PPLA":
            s += w.admin_seat
        if is_primary(g.names[row], key):
            s += w.primary_name
        if loose:
            s += w.loose_match
        if division and fcode == "ADM1":
            s += w.division_word
        cc = g.cc[row]
        if cc and self.countries.get(cc) and fcode != "PCLI":
            # in proportion to the country's share of all country evidence: full for an article
            # about one country, a third when it is one of three ("US-led" strikes in Syria do not
            # make every Manchester the one in Maryland)
            s += w.in_context_country * self.countries[cc] / sum(self.countries.values())
        if self.anchors and g.fcl[row] == "P":
            d = g.nearest_km(row, (a for a in self.anchors if a != row))
            if d is not None and d < w.near_km:
                s += w.near_resolved
        elif (
            self.anchors
            and fcode == "ADM1"
            and any(
                a != row and g.cc[a] == cc and g.fcl[a] == "P" and g.admin1[a] == g.admin1[row]
                for a in self.anchors
            )
        ):
            s += w.near_resolved  # a division holding a town already resolved ("Seattle ... Washington")
        return s

    def resolve(self, text: str, *, division: bool = False) -> int | None:
        """The best row for ``text`` in the current context, or None; ``division``: the words
        around the mention call it a division ("the province of Idlib")."""
        sense = _sense(text, division=division)
        if sense in self.senses:
            return self.senses[sense]
        key = sense[0]
        rows, loose, named = self.candidates(text)
        division = division or named
        if not rows:
            return None
        best = max(rows, key=lambda r: (self.score(r, key, loose=r in loose, division=division), -r))
        if not division:
            best = self._seat_of(best, rows)
        home = self.home_country()
        cc = self.gaz.cc[best]
        if (
            home
            and cc
            and not self.countries.get(cc)
            and self.gaz.fcl[best] == "P"
            and self.gaz.pop[best] < FOREIGN_HAMLET
        ):
            # a hamlet abroad in an article about elsewhere is a misreading: leave it unresolved
            return None
        # "Georgia" in an article about the United States: the state, unless the country Georgia is
        # itself in context
        if self.gaz.fcode[best] == "PCLI" and home and home != cc and not self.countries.get(cc or ""):
            states = [r for r in rows if self.gaz.fcode[r] == "ADM1" and self.gaz.cc[r] == home]
            if states:
                return states[0]
        return best

    def _seat_of(self, row: int, rows: Sequence[int]) -> int:
        """A bare name shared by a province and its seat is the seat ("fighting in Raqqa", whose
        city's primary name is "Ar Raqqah" while the province's is "Raqqa"): news names the province
        with a division word ("Raqqa province"), handled by ``division_word``."""
        g = self.gaz
        if g.fcode[row] != "ADM1":
            return row
        seats = [
            r
            for r in rows
            if g.fcode[r] in ("PPLA", "PPLC") and g.cc[r] == g.cc[row] and g.admin1[r] == g.admin1[row]
        ]
        return seats[0] if seats else row

    def home_country(self) -> str | None:
        """The country holding at least half the article's country evidence, if any."""
        if not self.countries:
            return None
        cc, n = self.countries.most_common(1)[0]
        return cc if n * 2 >= sum(self.countries.values()) else None

    def fix_sense(self, text: str, row: int, *, division: bool = False) -> None:
        """Keep ``row`` as the sense of ``text`` for the rest of the article ("Aleppo" and
        "Aleppo province" are two names)."""
        self.senses.setdefault(_sense(text, division=division), row)


def _sense(text: str, *, division: bool) -> tuple[str, bool]:
    key, named = lookup_key(text)
    return key, named or division


def _final_h_variants(key: str) -> list[str]:
    """The key with its final vowel spelled the other way: Arabic's feminine ending is printed "-a"
    or "-ah", "-e" or "-eh" ("Hawija"/"Hawijah", "Hasake"/"Hasakeh"). Short skeletons such as
    "Hawija"'s "hj" are too ambiguous for the loose index, so this exact variant is tried too."""
    if len(key) < 4 or " " in key[-3:]:
        return []
    if key.endswith(("ah", "eh")):
        return [key[:-1]]
    if key.endswith(("a", "e")):
        return [key + "h"]
    return []


def lookup_key(text: str, *, strip_division: bool = True) -> tuple[str, bool]:
    """The folded lookup key of a mention and whether it carried a division word.

    "the Anbar province" → ("anbar", True); "Mosul's" → ("mosul", False); with
    ``strip_division=False`` the generic word stays ("Kansas City" → "kansas city").
    """
    key = fold(text)
    words = key.split()
    while words and words[0] == "the":
        words = words[1:]
    if words and words[-1] == "s" and len(words) > 1:
        words = words[:-1]
    division = False
    if strip_division and len(words) > 1 and words[-1] in DIVISION_WORDS:
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
    if len(rows) == 1 and (gaz.fcl[rows[0]] != "P" or gaz.pop[rows[0]] >= FOREIGN_HAMLET):
        return rows[0]  # a unique hamlet is not evidence enough: it is decided in context
    return None
