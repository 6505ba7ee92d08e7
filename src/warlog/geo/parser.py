"""GeoParser: recognise and resolve every toponym of an article."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Span

from ..errors import AnalysisError
from ..nlp import doc_text
from ..types import Article, PlaceMention
from .gazetteer import Gazetteer, load_gazetteer
from .names import fold, is_primary, word_set
from .recognize import (
    BIG_PLACE,
    INSIDE,
    PLACE_PREPOSITIONS,
    STOP_WORDS,
    Candidate,
    prefix_alone,
    recognize,
)
from .resolve import Resolver, Weights, first_clear, lookup_key

__all__ = ["GeoParser", "outlet_country"]

#: Smallest place taken from inside a longer unknown name: 50,000 keeps "Basra Sports City" or
#: "Kandahar Airfield" and drops villages named like common words ("Tower", "Garden", "Hall").
_INNER_MIN_POP = 50_000


class GeoParser:
    """Finds and pins the places of an article.

    Built once per process (loads the gazetteer index, see ``gazetteer.py``); :meth:`parse` is
    pure and thread-safe. ``gazetteer`` may be given to use a small hand-built index (tests).
    """

    def __init__(self, *, settings: dict[str, dict[str, Any]], gazetteer: Gazetteer | None = None) -> None:
        self.settings = settings
        geo = settings.get("geo", {})
        defaults = Weights()
        self.weights = Weights(
            in_context_country=float(geo.get("weight_in_context_country", defaults.in_context_country)),
            near_resolved=float(geo.get("weight_near_resolved", defaults.near_resolved)),
            near_km=float(geo.get("near_km", defaults.near_km)),
        )
        self.big_place = int(geo.get("big_place", BIG_PLACE))
        self.loose_matching = bool(geo.get("loose_matching", True))
        self.gaz = gazetteer if gazetteer is not None else load_gazetteer(geo.get("cache_dir") or None)

    def parse(self, doc: Doc, *, article: Article) -> list[PlaceMention]:
        """Every toponym mention in ``article.text`` (== ``doc.text``), in text order.

        Three passes: (0) spaCy's place entities and demonyms, resolved where they have one clear
        reading, plus the outlet's country and plural demonyms, give the article's countries;
        (1) recognition again, now taking local names of those countries from the gazetteer;
        (2) resolution in context, then sites ("the Old City of X", streets) placed.
        """
        if doc_text(doc) != article.text:
            raise AnalysisError("W301", detail="geo: the Doc's text is not the article's text")
        resolver = Resolver(self.gaz, self.weights, allow_loose=self.loose_matching)
        clear = self._context(doc, article, resolver)
        cands = recognize(
            doc, self.gaz, context_countries=frozenset(resolver.countries), big_place=self.big_place
        )
        cands = _outside_outlet_name(cands, article)
        rows = self._resolve(doc, cands, clear, resolver)
        self._contain(doc, cands, rows, resolver)
        self._place_sites(doc, cands, rows)
        return [
            self._mention(c, rows.get(c.start))
            for c in cands
            if rows.get(c.start) is not None or _looks_like_place(doc, c)
        ]

    def _context(self, doc: Doc, article: Article, resolver: Resolver) -> dict[int, int]:
        """Pass 0: feed ``resolver`` the article's country evidence; return the rows of the
        mentions that have one clear reading (countries, demonyms, unique names), by token start."""
        gaz = self.gaz
        clear: dict[int, int] = {}
        for c in _outside_outlet_name(recognize(doc, gaz, big_place=self.big_place), article):
            row = c.target if c.target is not None else first_clear(gaz, resolver.candidates(c.text)[0])
            if row is not None:
                clear[c.start] = row
                resolver.add_context(row)
        outlet = gaz.country_idx(outlet_country(article.url) or "")
        if outlet is not None:
            for _ in range(OUTLET_EVIDENCE):
                resolver.add_context(outlet)  # the outlet's region
        for tok in doc:  # plural demonyms ("Syrians") are people, not places, but say where we are
            if tok.text[:1].isupper() and tok.text.endswith("s") and tok.ent_type_ not in ("GPE", "LOC"):
                row = gaz.demonym(tok.text[:-1])
                if row is not None:
                    resolver.add_context(row)
        return clear

    def _resolve(
        self, doc: Doc, cands: list[Candidate], clear: dict[int, int], resolver: Resolver
    ) -> dict[int, int | None]:
        """Pass 2: the gazetteer row of each candidate (by token start), None when unresolved. In
        text order: each resolved place becomes context (and one sense per name) for the next."""
        rows: dict[int, int | None] = {}
        for c in cands:
            if c.target is not None:
                rows[c.start] = c.target
            elif c.start in clear:
                rows[c.start] = clear[c.start]
        for c in cands:
            if c.start in rows:
                continue
            row = resolver.resolve(c.text, division=c.division)
            if row is None and c.end - c.start > 1:
                inner = self._inner(doc, c, resolver)
                if inner is not None:
                    # narrow the mention to the place named inside ("Basra" in "Basra Sports City")
                    span, row = inner
                    c.start_char, c.end_char, c.text = span.start_char, span.end_char, span.text
                    c.how = "demonym" if self.gaz.demonym(span.text) is not None else "gazetteer"
            rows[c.start] = row
            if row is not None:
                resolver.fix_sense(c.text, row, division=c.division)
                resolver.add_context(row)
        return rows

    def _contain(
        self, doc: Doc, cands: list[Candidate], rows: dict[int, int | None], resolver: Resolver
    ) -> None:
        """A name the text places inside a division ("the village of X in Y province", "the X
        neighbourhood of Y", "X in the countryside of Y") must lie in Y's division: when its reading
        lies elsewhere, the namesake inside is taken, else the name is left unresolved (the event
        coder then places it at Y)."""
        gaz = self.gaz
        for c, nxt in zip(cands, cands[1:], strict=False):
            x, y = rows.get(c.start), rows.get(nxt.start)
            if x is None or y is None or c.target is not None or gaz.fcode[y] == "PCLI":
                continue
            gap = INSIDE.match(doc_text(doc)[c.end_char : nxt.start_char])
            if gap is None:
                continue
            divided = gaz.fcode[y] == "ADM1" or lookup_key(nxt.text)[1] or _PART.search(gap[0])
            outer, inner = gaz.place(y), gaz.place(x)
            if (
                not divided
                or not outer.admin1
                or (inner.country_code, inner.admin1) == (outer.country_code, outer.admin1)
            ):
                continue
            key = lookup_key(c.text)[0]
            found, loose, division = resolver.candidates(c.text)
            inside = [
                r
                for r in found
                if (gaz.place(r).country_code, gaz.place(r).admin1) == (outer.country_code, outer.admin1)
            ]
            best = (
                max(inside, key=lambda r: resolver.score(r, key, loose=r in loose, division=division))
                if inside
                else None
            )
            for other in cands:
                if fold(other.text) == fold(c.text) and rows.get(other.start) == x:
                    rows[other.start] = best

    def _place_sites(self, doc: Doc, cands: list[Candidate], rows: dict[int, int | None]) -> None:
        """Place sites (``how="site"``): "the Old City of Mosul" or "Tahrir Square of Baghdad" lies
        in the place it is "of" (and so does the same name elsewhere in the text); a street, square
        or building the gazetteer lacks lies in the article's main town."""
        by_start = {c.start: c for c in cands}
        sited: dict[str, int | None] = {}
        for c in cands:
            after = by_start.get(c.end + 1)
            if (
                after is not None
                and doc[c.end].lower_ == "of"
                and rows.get(after.start) is not None
                and (_is_site(doc, c) or _is_generic(doc, c))
            ):
                rows[c.start] = rows[after.start]
                c.how = "site"
                sited[fold(c.text)] = rows[after.start]
        for c in cands:
            if c.how != "site" and fold(c.text) in sited:
                rows[c.start] = sited[fold(c.text)]
                c.how = "site"
        town = self._main_town(rows.values())
        if town is not None:
            for c in cands:
                if rows.get(c.start) is None and _is_site(doc, c):
                    rows[c.start] = town
                    c.how = "site"

    def _main_town(self, rows: Iterable[int | None]) -> int | None:
        """The populated place resolved most often in the article (first on a tie), if any."""
        counts = Counter(r for r in rows if r is not None and self.gaz.fcl[r] == "P")
        return counts.most_common(1)[0][0] if counts else None

    def _inner(self, doc: Doc, c: Candidate, resolver: Resolver) -> tuple[Span, int] | None:
        """For a multi-word name the gazetteer lacks ("Kandahar Airfield", "Syrian Civil Defence
        Directorate"), the place named inside it: the longest capitalised sub-span that is a
        demonym or exactly a gazetteer name of an area or a place of ``_INNER_MIN_POP``+, leftmost
        first. Loose matching is not used here: sub-words of names are too short and too common."""
        gaz = self.gaz
        demonym: tuple[Span, int] | None = None
        for n in range(c.end - c.start - 1, 0, -1):
            for i in range(c.start, c.end - n + 1):
                span = doc[i : i + n]
                if not span[0].text[:1].isupper() or all(t.is_stop for t in span):
                    continue
                if fold(span.text) in STOP_WORDS or prefix_alone(span):
                    continue  # "Tall" of "Tall Tawil village" is no place of its own
                d = gaz.demonym(span.text)
                if d is not None:
                    demonym = demonym or (span, d)  # a place named inside wins: "British Embassy Kabul"
                    continue
                key = fold(span.text)
                rows = [
                    r
                    for r in gaz.exact_key(key)
                    if gaz.fcl[r] in ("A", "L", "H", "T")
                    or (gaz.pop[r] >= _INNER_MIN_POP and is_primary(gaz.names[r], key))
                ]
                if rows:
                    allow, resolver.allow_loose = resolver.allow_loose, False
                    try:
                        row = resolver.resolve(span.text)
                    finally:
                        resolver.allow_loose = allow
                    if row is not None:
                        return span, row
        return demonym

    def _mention(self, c: Candidate, row: int | None) -> PlaceMention:
        place = self.gaz.place(row) if row is not None else None
        return PlaceMention(start=c.start_char, end=c.end_char, text=c.text, place=place, how=c.how)


#: Words in the text between a place and the one it is part of: "the Midan neighbourhood of Damascus".
_PART = re.compile(r"neighbou?rhood|district|suburb|quarter|province|governorate|countryside", re.I)

#: Country-code domains used as generic names (.tv, .io...), which say nothing of an outlet's country.
_GENERIC_TLDS = word_set("ad ai am as cc co fm io ly me nu sh so tk to tv vc ws")
#: The outlet's country counts as this many country mentions: a local paper's "Dundalk" is the
#: local one, yet two mentions of another country still outweigh it. Set by hand, not fitted.
OUTLET_EVIDENCE = 2


def outlet_country(url: str | None) -> str | None:
    """The ISO code of the country of an outlet's web address, from its country-code domain
    ("https://www.independent.ie/..." → "IE", ".co.uk" → "GB"), or None (.com, .org, .tv...)."""
    if not url:
        return None
    host = url.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
    tld = host.rsplit(".", 1)[-1]
    if len(tld) != 2 or not tld.isalpha() or tld in _GENERIC_TLDS:
        return None
    return "GB" if tld == "uk" else tld.upper()


#: Words that make an unknown name a place ("Fifth Avenue", "Mount Sinjar", "Haditha Dam").
PLACE_WORDS = word_set(
    "street st avenue ave road rd boulevard square plaza lane highway bridge mount mountain mountains hill "
    "hills river lake sea bay gulf island islands valley desert plain plains airport airbase base camp "
    "stadium park district province governorate county shire village town city neighbourhood "
    "neighborhood quarter suburb market mosque church cathedral hospital school university border "
    "crossing checkpoint dam port harbour harbor oblast region canal strait peninsula"
)


#: Words that make a name a site inside a town ("Fifth Avenue", "Tahrir Square", "City Hall").
SITE_WORDS = word_set(
    "street st avenue ave road rd boulevard square plaza lane bridge airport stadium park market mosque "
    "church cathedral hospital school university quarter neighbourhood neighborhood district hall "
    "building tower hotel palace prison court station centre center"
)


#: Words of names that say what, not which: "Old City", "New Town", "Eastern Quarter".
GENERIC_WORDS = word_set(
    "old new city town north south east west northern southern eastern western central upper lower"
)


def _is_generic(doc: Doc, c: Candidate) -> bool:
    return all(t.lower_ in GENERIC_WORDS or t.lower_ in SITE_WORDS for t in doc[c.start : c.end])


def _is_site(doc: Doc, c: Candidate) -> bool:
    return len(c.text.split()) > 1 and any(t.lower_ in SITE_WORDS for t in doc[c.start : c.end])


def _looks_like_place(doc: Doc, c: Candidate) -> bool:
    """Keep a name the gazetteer lacks only when the text marks it as a place: a place word in it
    ("Haditha Dam", "Yorkshire"), a place word and "of" before it ("the village of X"), or a
    preposition of place before it ("in Tal Tamr" is kept, "Tamr said" is not). spaCy's GPE tag
    alone on an unknown word is too often a person or a brand."""
    words = [t.lower_ for t in doc[c.start : c.end]]
    if any(w in PLACE_WORDS or w.endswith("shire") for w in words):
        return True
    prev = doc[c.start - 1].lower_ if c.start > 0 else ""
    if prev == "of" and c.start > 1 and doc[c.start - 2].lower_ in PLACE_WORDS:
        return True  # "the village of Zzyzx", "outskirts of" is not enough on its own
    return prev in PLACE_PREPOSITIONS and c.label in ("GPE", "LOC", "FAC")


def _outside_outlet_name(cands: list[Candidate], article: Article) -> list[Candidate]:
    """Leave out names inside the article's own outlet name where the text cites it ("(Tigris
    Wire)", "Gulf Dispatch reported"): the outlet is no place of the story."""
    outlet = (article.outlet or "").strip()
    if len(outlet) < 3:
        return cands
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(outlet), article.text)]
    if not spans:
        return cands
    return [c for c in cands if not any(s <= c.start_char and c.end_char <= e for s, e in spans)]
