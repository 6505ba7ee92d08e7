"""Toponym recognition: every span of a Doc that names a place.

Sources, merged in this order (an earlier span wins an overlap):

1. spaCy entities labelled GPE, LOC or FAC (``how="ner"``), trimmed of a leading "the" and
   of possessive "'s";
2. demonyms and adjectives ("Iraqi", "Kurdish") — NORP entities or capitalised adjectives found in
   the demonym table (``how="demonym"``);
3. place names inside other entities ("Syrian" in "Syrian Observatory", "Toronto" in "Toronto
   Police") and capitalised words the model missed or took for a person ("Qayyarah", "Sinjar"):
   looked up in the gazetteer (``how="gazetteer"``), accepted only under the rules of
   :func:`_gazetteer_ok` so that person and organisation names that look like places are not taken.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .gazetteer import Gazetteer
from .names import fold

__all__ = ["Candidate", "recognize", "PLACE_LABELS", "STOP_WORDS"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Entity labels whose text may hide a place name inside ("Toronto Police", "Syrian Observatory").
_HOST_LABELS = frozenset({"ORG", "NORP", "PERSON", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
#: Words that precede a place ("in Sinjar", "near Qayyarah", "outskirts of Dibis").
LOCATIVE = frozenset("in near at from to into outside around toward towards across through via of "
                     "within inside between and north south east west northeast northwest southeast "
                     "southwest".split())
_MAX_NGRAM = 4
#: Population at which a gazetteer name found outside NER is accepted anywhere in the text.
#: 100,000 keeps large towns ("Samarra", "Manbij") while common words and surnames that are also
#: villages ("Bush", "Hope", "Police") stay out; set from the gazetteer's size distribution.
_BIG_PLACE = 100_000
#: Words that are place names somewhere but almost always ordinary English in news text.
STOP_WORDS = frozenset(
    fold(w) for w in (
        "The A An I In On At Of And Or But If As So No Yes Mr Mrs Ms Dr Sir Saint St Mount Lake Police "
        "Army Government Ministry President Minister Monday Tuesday Wednesday Thursday Friday Saturday "
        "Sunday January February March April May June July August September October November December "
        "Reuters AP AFP News Times Post Daily Mail Star Sun Guardian Independent God Allah Islam State "
        "Islamic Union Republic Democratic People National Federal Central Street Road City Town Village "
        "North South East West Northern Southern Eastern Western University College Hospital Court "
        "Council Party Front Forces Force Media Center Centre Office Home Hope Victoria Best Young Long "
        "Bush Trump Obama Putin Assad Kerry Lavrov Erdogan Cameron May Nice Mobile Reading Bath Split "
        "Commercial Independence Liberty Unity Progress Enterprise Christian Jesus Mohammed Muhammad "
        "Ali Hussein Hassan Omar Ahmed Ahmad Khan Abu Bin Ibn Al Sheikh Imam Emir King Queen Prince"
    ).split()
)


@dataclass
class Candidate:
    """A recognised toponym span, before resolution."""

    start: int  # token index
    end: int
    start_char: int
    end_char: int
    text: str
    how: str
    label: str = ""
    #: gazetteer row forced by the recogniser (a demonym's country), else None
    target: int | None = None


def _trim(span: Span) -> Span:
    doc = span.doc
    start, end = span.start, span.end
    while start < end and doc[start].lower_ in ("the", "'s", "’s"):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'", "’") or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end]


def _demonym_target(gaz: Gazetteer, text: str) -> int | None:
    t = gaz.demonym(text)
    if t is None and text.endswith("s"):
        t = gaz.demonym(text[:-1])  # "Iraqis", "Syrians"
    return t


def recognize(doc: Doc, gaz: Gazetteer, *, context_countries: frozenset[str] = frozenset()) -> list[Candidate]:
    """Every toponym candidate in ``doc``, in text order, without overlaps."""
    taken = [False] * len(doc)
    out: list[Candidate] = []

    def claim(span: Span, how: str, label: str = "", target: int | None = None) -> None:
        if len(span) == 0 or any(taken[span.start:span.end]):
            return
        for i in range(span.start, span.end):
            taken[i] = True
        out.append(Candidate(span.start, span.end, span.start_char, span.end_char, span.text, how, label, target))

    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            span = _trim(ent)
            if span.text and any(c.isupper() for c in span.text):
                claim(span, "ner", ent.label_)
        elif ent.label_ == "NORP":
            span = _trim(ent)
            t = _demonym_target(gaz, span.text)
            if t is not None:
                claim(span, "demonym", ent.label_, t)
    # demonyms the model did not tag, and place names inside other entities or outside any entity
    ent_label = {}
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            ent_label[i] = ent.label_
    i = 0
    while i < len(doc):
        tok = doc[i]
        if taken[i] or not tok.text[:1].isupper() or ent_label.get(i) in ("DATE", "TIME", "MONEY", "QUANTITY"):
            i += 1
            continue
        matched = 0
        for n in range(min(_MAX_NGRAM, len(doc) - i), 0, -1):
            span = doc[i:i + n]
            if any(taken[span.start:span.end]) or not span[-1].text[:1].isupper():
                continue
            if any(t.is_punct and t.text not in ("-", ".") for t in span):
                continue
            text = span.text
            if n == 1 or (n == 2 and text.endswith("s")):
                t = _demonym_target(gaz, text)
                if t is not None and (tok.pos_ in ("ADJ", "PROPN", "NOUN") or ent_label.get(i)):
                    claim(span, "demonym", ent_label.get(i, ""), t)
                    matched = n
                    break
            if _gazetteer_ok(span, gaz, ent_label, context_countries):
                claim(span, "gazetteer", ent_label.get(i, ""))
                matched = n
                break
        i += matched or 1
    out.sort(key=lambda c: c.start)
    return out


def _gazetteer_ok(span: Span, gaz: Gazetteer, ent_label: dict[int, str],
                  context_countries: frozenset[str]) -> bool:
    """Whether a capitalised span outside the place entities should be taken as a place.

    Accepted when the name is in the gazetteer, is not a stop word, and either names a country,
    first-level division, region or big place (population ≥ ``_BIG_PLACE``), or names a place in a
    country the article is about and stands where a place stands (after "in", "near", "of"...,
    or inside an organisation's name).
    """
    key = fold(span.text)
    if not key or key in STOP_WORDS or len(key) < 3 or not gaz.has_key(key):
        return False
    if all(t.is_stop or t.lower_ in STOP_WORDS for t in span):
        return False
    rows = gaz.exact_key(key)
    label = ent_label.get(span.start, "")
    whole_entity = label and ent_label.get(span.end - 1) == label
    first = span.doc[span.start]
    if first.is_sent_start and not first.pos_ == "PROPN":
        return False
    big = any(gaz.fcode[r] in ("PCLI", "ADM1", "CONT", "RGN") or gaz.pop[r] >= _BIG_PLACE for r in rows)
    if label == "PERSON":
        # a person's name is a place only when it is the whole name and a preposition of place precedes
        prev = span.doc[span.start - 1].lower_ if span.start > 0 else ""
        return bool(whole_entity) and prev in LOCATIVE and (big or any(gaz.cc[r] in context_countries for r in rows))
    if big:
        return True
    prev = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    local = any(gaz.cc[r] in context_countries for r in rows)
    return local and (prev in LOCATIVE or label in _HOST_LABELS)
