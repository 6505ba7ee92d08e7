"""Where an event happened: the most specific place tied to it, and its geo-precision.

Order of preference (CODEBOOK.md, ``location``): a place in the trigger's own clause or
in an "in/near/at X" phrase attached to it, then any place of the sentence, then the
article's focus place. Among several, the most specific wins (a town over a province
over a country). geo_precision: 1 the town itself; 2 near a town or part of a region;
3 only a province, region or country.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from ..geo.recognize import INSIDE
from ..nlp import doc_text
from ..types import PlaceMention
from .sourcing.cues import cues

__all__ = [
    "container",
    "focus_country",
    "focus_place",
    "geo_precision",
    "place_rank",
    "pick_place",
    "sentence_places",
]

_NEAR = {
    "near",
    "outside",
    "around",
    "outskirts",
    "nearby",
    "close",
    "vicinity",
    "countryside",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "rural",
    "suburb",
    "suburbs",
    "km",
    "kilometers",
    "kilometres",
    "miles",
    "periphery",
    "edge",
    "area",
    "areas",
    "environs",
    "between",
    "along",
    "toward",
    "towards",
    "province",
}


def place_rank(pm: PlaceMention) -> int:
    """Specificity: 0 a town or site, 1 a district, 2 a province, 3 a country; 2 when unknown."""
    p = pm.place
    if p is None:
        return 2
    code = (p.feature_code or "").upper()
    cls = (p.feature_class or "").upper()
    if code in ("CONT", "RGN") and cls == "L" and p.admin1:
        return 1  # a region inside one division ("Eastern Ghouta"): part of a region
    if code.startswith("PCL") or code in ("CONT", "RGN") and cls == "L":
        return 3
    if code == "ADM1" or code == "ADM1H":
        return 2
    if cls == "A":
        return 1 if code.startswith(("ADM2", "ADM3", "ADM4", "ADMD")) else 2
    if cls == "H":
        return 2  # a river, lake or sea runs through several divisions: not a town
    if cls in ("P", "S", "R", "T", "V", "U") or code.startswith("PPL"):
        return 0
    if cls == "L":
        return 1
    return 2


def _bureau(pm: PlaceMention) -> bool:
    """An all-capital city in the first 40 characters is a wire story's bureau ("BEIRUT (AP) -")."""
    return pm.start < 40 and pm.text.isupper() and len(pm.text) > 3


#: "Britain-based", "US-led": a place that qualifies a side or a source, not where anything happened
_AFFILIATION = re.compile(r"^-(?:based|led|backed|held|controlled|allied|run|linked|affiliated)\b")


def sentence_places(
    sent: Span, places: list[PlaceMention], *, exclude: list[tuple[int, int]], skip_before: int = 0
) -> list[PlaceMention]:
    """The places named inside ``sent``, leaving out those inside an actor or source phrase, in the
    dateline (a news agency's bureau: "BEIRUT (AP) -"), and demonyms ("Syrian" is not a place)."""
    out = []
    for pm in places:
        if pm.start < sent.start_char or pm.end > sent.end_char or pm.start < skip_before:
            continue
        if any(s <= pm.start and pm.end <= e for s, e in exclude) or pm.how == "demonym":
            continue
        if _bureau(pm):
            continue  # an all-capital city at the very start is the dateline's bureau
        if _AFFILIATION.match(doc_text(sent.doc)[pm.end : pm.end + 12]) or _government(sent.doc, pm):
            continue
        if _side_of_event(sent.doc, pm):
            continue
        out.append(pm)
    return out


def _side_of_event(doc: Doc, pm: PlaceMention) -> bool:
    """A country named as the side of an event or a weapon, not where it happened: "US strikes
    kill 40 fighters in Syria", "Israel air raids on Gaza", "Russia bombed Aleppo"."""
    if pm.place is None or not (pm.place.feature_code or "").upper().startswith("PCL"):
        return False
    span = doc.char_span(pm.start, pm.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    from .lexicon import lexicon

    tok = span[-1]
    events = lexicon().one_word_terms("event", "instrument", "violence", "strike_verb")
    return tok.dep_ in ("compound", "nmod", "nsubj") and tok.head.lemma_.lower() in events


_WHERE = {"in", "at", "near", "from", "into", "inside", "outside", "around", "across", "of", "on"}


def _government(doc: Doc, pm: PlaceMention) -> bool:
    """A capital named for its government, not as a place: the subject of an action ("Damascus
    said", "Moscow denied"), the modifier of a noun that is no place ("despite Damascus promises"),
    or the agent of an infinitive ("leading Damascus to bomb")."""
    if pm.place is None or (pm.place.feature_code or "").upper() != "PPLC":
        return False
    span = doc.char_span(pm.start, pm.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span[-1]
    if tok.dep_ == "nsubj" and tok.head.pos_ in ("VERB", "AUX"):
        return True
    if tok.dep_ in ("compound", "poss") and tok.head.lemma_.lower() in _GOVERNMENT_NOUNS:
        return True
    nxt = doc[tok.i + 1 : tok.i + 3]
    before = doc[span.start - 1].lower_ if span.start else ""
    # "inspectors in Damascus to examine": where they are, not who acts
    return len(nxt) == 2 and nxt[0].lower_ == "to" and nxt[1].tag_ == "VB" and before not in _WHERE


#: nouns a capital modifies as its government's ("Damascus promises", "Moscow's allies"); not
#: "the Damascus suburb of", "Damascus residents"
_GOVERNMENT_NOUNS = set(
    [
        "promise",
        "pledge",
        "claim",
        "demand",
        "accusation",
        "denial",
        "decision",
        "statement",
        "government",
        "regime",
        "official",
        "authority",
        "ally",
        "backing",
        "support",
        "policy",
    ]
)


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def pick_place(doc: Doc, trigger: Token, verb: Token, candidates: list[PlaceMention]) -> PlaceMention | None:
    """The most specific of ``candidates`` tied to the trigger's clause, else the most specific."""
    if not candidates:
        return None
    clause = {t.i for t in verb.subtree} | {t.i for t in trigger.subtree}
    scored = []
    for order, pm in enumerate(candidates):
        tok = _token_at(doc, pm.start)
        tied = tok is not None and tok.i in clause
        # a country/region adjective ("Syrian city of Homs") is weaker than the place it introduces
        adjectival = (
            tok is not None
            and tok.dep_ in ("amod", "compound")
            and tok.head.lemma_
            in (
                "city",
                "town",
                "province",
                "village",
                "capital",
                "border",
                "government",
                "army",
                "regime",
                "forces",
            )
        )
        resolved = pm.place is not None
        if tok is not None and _where_said(tok):
            tied = False  # "In Washington, the Pentagon confirmed strikes in Aleppo": where it was said
        scored.append((not tied, place_rank(pm) + (1 if adjectival else 0), not resolved, order, pm))
    scored.sort(key=lambda s: s[:4])
    return scored[0][4]


def _where_said(tok: Token) -> bool:
    """The place is where a statement was made: the object of a preposition that modifies a
    reporting verb ("In Washington, the Pentagon confirmed ...", "told reporters in Geneva")."""
    prep = tok.head if tok.dep_ == "pobj" else None
    return (
        prep is not None
        and prep.dep_ == "prep"
        and prep.head.pos_ in ("VERB", "AUX")
        and prep.head.lemma_.lower() in cues().report
    )


def container(text: str, pm: PlaceMention, places: list[PlaceMention]) -> PlaceMention | None:
    """For a name the gazetteer lacks (or geo found misplaced), the resolved division or town it is
    said to lie in ("X in Y province", "the X neighbourhood of Y"); None otherwise."""
    nxt = next((q for q in places if q.start >= pm.end), None)
    if nxt is None or nxt.place is None or nxt.how == "demonym" or not nxt.place.admin1:
        return None
    if pm.place is not None or place_rank(nxt) >= 3:
        return None
    return nxt if INSIDE.match(text[pm.end : nxt.start]) else None


def geo_precision(doc: Doc, pm: PlaceMention, *, own: bool) -> int:
    """1 the town itself, 2 near a town or part of a region, 3 only a province/region/country."""
    rank = place_rank(pm)
    if rank >= 2:
        return 3
    if rank == 1 or not own:
        return 2
    tok = _token_at(doc, pm.start)
    if tok is not None:
        window = doc[max(tok.sent.start, tok.i - 4) : tok.i]
        if any(t.lower_ in _NEAR for t in window):
            return 2
    return 1


def focus_place(doc: Doc, places: list[PlaceMention]) -> PlaceMention | None:
    """The article's focus place (geo's :func:`warlog.geo.focus.focus_place` when available)."""
    usable = [
        pm
        for pm in places
        if pm.how != "demonym"
        and not _bureau(pm)
        and not _AFFILIATION.match(doc_text(doc)[pm.end : pm.end + 12])
        and not _government(doc, pm)
        and not _side_of_event(doc, pm)
    ]
    try:
        from ..geo.focus import focus_place as geo_focus
    except ImportError:  # geo not installed: a simple count
        return _count_focus(doc, usable)
    return geo_focus(usable)


def _count_focus(doc: Doc, places: list[PlaceMention]) -> PlaceMention | None:
    """The article's focus place: the resolved place named most, counting the lead twice, specific first."""
    resolved = [pm for pm in places if pm.place is not None]
    if not resolved:
        return None
    lead_end = doc[: min(len(doc), 60)].end_char if len(doc) else 0  # ~two sentences of a lead
    score: Counter[tuple[str, float, float]] = Counter()
    first: dict[tuple[str, float, float], PlaceMention] = {}
    for pm in resolved:
        assert pm.place is not None
        key = (pm.place.name, pm.place.lat, pm.place.lon)
        # a lead mention counts as two later ones: news leads name the story's place (inverted
        # pyramid); a round weight chosen by that convention, not fitted to any data
        score[key] += 2 if pm.start < lead_end else 1
        first.setdefault(key, pm)
    best = max(score, key=lambda k: (score[k], -place_rank(first[k]) if place_rank(first[k]) < 3 else -9))
    return first[best]


def focus_country(places: list[PlaceMention]) -> str | None:
    """The country most named through the article's resolved places."""
    counts: Counter[str] = Counter(
        pm.place.country_code for pm in places if pm.place is not None and pm.place.country_code
    )
    return counts.most_common(1)[0][0] if counts else None
