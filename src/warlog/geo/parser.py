"""GeoParser: recognise and resolve every toponym of an article."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from ..errors import AnalysisError
from ..types import Article, PlaceMention
from .gazetteer import Gazetteer, load_gazetteer
from .names import fold, word_set
from .recognize import BIG_PLACE, PLACE_PREPOSITIONS, STOP_WORDS, Candidate, recognize
from .resolve import Resolver, Weights, first_clear

__all__ = ["GeoParser"]

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
        """Every toponym mention in ``article.text`` (== ``doc.text``), in text order."""
        if doc.text != article.text:
            raise AnalysisError("W301", detail="geo: the Doc's text is not the article's text")
        gaz = self.gaz
        resolver = Resolver(gaz, self.weights, allow_loose=self.loose_matching)
        # pass 0: recognition with NER only, to learn the countries the article is about
        first = recognize(doc, gaz, big_place=self.big_place)
        clear: dict[int, int] = {}
        for c in first:
            row = c.target if c.target is not None else first_clear(gaz, resolver.candidates(c.text)[0])
            if row is not None:
                clear[c.start] = row
                resolver.add_context(row)
        # pass 1: recognition again, now allowed to take local names of those countries
        cands = recognize(doc, gaz, context_countries=frozenset(resolver.countries), big_place=self.big_place)
        rows: dict[int, int | None] = {}
        for c in cands:
            if c.target is not None:
                rows[c.start] = c.target
            elif c.start in clear and clear[c.start] is not None:
                rows[c.start] = clear[c.start]
        # pass 2: resolve the rest in context, in text order (anchors only add a bonus, so the order
        # matters little)
        for c in cands:
            if c.start in rows:
                continue
            row = resolver.resolve(c.text)
            if row is None and c.end - c.start > 1:
                inner = self._inner(doc, c, resolver)
                if inner is not None:
                    # narrow the mention to the place named inside ("Basra" in "Basra Sports City")
                    span, row = inner
                    c.start_char, c.end_char, c.text = span.start_char, span.end_char, span.text
                    c.how = "demonym" if self.gaz.demonym(span.text) is not None else "gazetteer"
            rows[c.start] = row
            if row is not None:
                resolver.fix_sense(c.text, row)
                resolver.add_context(row)
        return [
            self._mention(c, rows.get(c.start))
            for c in cands
            if rows.get(c.start) is not None or _looks_like_place(doc, c)
        ]

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
                if fold(span.text) in STOP_WORDS:
                    continue
                d = gaz.demonym(span.text)
                if d is not None:
                    demonym = demonym or (span, d)  # a place named inside wins: "British Embassy Kabul"
                    continue
                rows = [
                    r
                    for r in gaz.exact(span.text)
                    if gaz.fcl[r] in ("A", "L", "H", "T") or gaz.pop[r] >= _INNER_MIN_POP
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


#: Words that make an unknown name a place ("Fifth Avenue", "Mount Sinjar", "Tishreen Dam").
PLACE_WORDS = word_set(
    "street st avenue ave road rd boulevard square plaza lane highway bridge mount mountain mountains hill "
    "hills river lake sea bay gulf island islands valley desert plain plains airport airbase base camp "
    "stadium park district province governorate county shire village town city neighbourhood "
    "neighborhood quarter suburb market mosque church cathedral hospital school university border "
    "crossing checkpoint dam port harbour harbor oblast region canal strait peninsula"
)


def _looks_like_place(doc: Doc, c: Candidate) -> bool:
    """Keep a name the gazetteer lacks only when the text marks it as a place: a place word in it
    ("Tishreen Dam", "Yorkshire"), a place word and "of" before it ("the village of X"), or a
    preposition of place before it ("in Kafr Zita" is kept, "Zita said" is not). spaCy's GPE tag
    alone on an unknown word is too often a person or a brand."""
    words = [t.lower_ for t in doc[c.start : c.end]]
    if any(w in PLACE_WORDS or w.endswith("shire") for w in words):
        return True
    prev = doc[c.start - 1].lower_ if c.start > 0 else ""
    if prev == "of" and c.start > 1 and doc[c.start - 2].lower_ in PLACE_WORDS:
        return True  # "the village of Zzyzx", "outskirts of" is not enough on its own
    return prev in PLACE_PREPOSITIONS and c.label in ("GPE", "LOC", "FAC")
