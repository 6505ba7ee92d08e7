"""Toponym recognition: every span of a Doc that names a place.

Sources, merged in this order (an earlier span wins an overlap):

1. spaCy entities labelled GPE, LOC or FAC (``how="ner"``), trimmed of a leading "the" and
   of possessive "'s";
2. demonyms and adjectives ("Iraqi", "Kurdish") — NORP entities or capitalised adjectives found in
   the demonym table (``how="demonym"``);
3. place names inside other entities ("Syrian" in "Syrian Civil Defence", "Basra" in "Basra
   Police") and capitalised words the model missed or took for a person ("Qayyarah", "Sinjar"):
   looked up in the gazetteer (``how="gazetteer"``), accepted only under the rules of
   :func:`_gazetteer_ok` so that person and organisation names that look like places are not taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .gazetteer import Gazetteer
from .names import abbreviation_key, fold, is_primary, word_set

__all__ = [
    "Candidate",
    "INSIDE",
    "recognize",
    "PLACE_LABELS",
    "PLACE_PREPOSITIONS",
    "STOP_WORDS",
    "BIG_PLACE",
    "NAME_PREFIXES",
    "prefix_alone",
]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Entity labels whose text may hide a place name inside ("Basra Oil Company", "Iraqi Army").
_HOST_LABELS = frozenset({"ORG", "NORP", "PERSON", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
#: Prepositions that put a name in a place's slot ("in Sinjar", "near Qayyarah", "fled to Dibis").
PLACE_PREPOSITIONS = word_set("in near at outside around toward towards across into inside within")
#: Wider set for a local place outside any entity: "fired on Yabroud", "fled from Kiswah".
LOCAL_PREPOSITIONS = PLACE_PREPOSITIONS | word_set("on from to through via past")
#: Nouns before "of" that introduce a place: "the town of Yabroud", "the outskirts of Kiswah".
_PLACE_NOUNS = word_set(
    "town city village district province governorate region area outskirts suburb suburbs countryside "
    "neighbourhood neighborhood quarter outskirt centre center north south east west"
)
#: Lower-case words that may end a place's name: "Homs city", "Aleppo province".
_TAIL_WORDS = word_set(
    "city town village province governorate region district countryside area state county oblast "
    "camp square street road"
)
#: Feature codes of areas: countries, divisions, continents, regions (their names are few and curated).
_AREA_CODES = frozenset(
    {"PCLI", "ADM1", "CONT", "RGN", "PEN", "SEA", "OCN", "GULF", "STM", "LK", "MTS", "PLAT", "PLN", "DSRT"}
)
_MAX_NGRAM = 4
_ARTICLES = word_set("al el ar as ad an ash az at ez es ed")
_ARTICLE_HYPHENS = frozenset(a + "-" for a in _ARTICLES)
#: Generic words that open many Arabic (and Hebrew, Kurdish) place names: hill, spring, monastery,
#: village, mountain, valley, ruin, well, cape, house, mother, castle... "Tall Tawil", "Ain Issa",
#: "Kafr Nabl", "Bab al-Hawa". Followed by more of a name, such a word is never a place on its own
#: (GeoNames files "At Tall" under "tall", "Al Bab" under "bab"). Transliteration variants of each,
#: as printed in English news.
NAME_PREFIXES = word_set(
    "tall tal tell tel ain ayn ein deir dayr kafr kfar kafar kefr jabal jebel jabel jbel wadi "
    "khirbet khirbat kherbet bir ras beit bayt bait umm qasr hayy maarat marat mazraat marj qalaat "
    "qalat bab"
)
#: Population at which a gazetteer name found outside NER is accepted anywhere in the text.
#: 250,000 keeps cities ("Mosul", "Homs", "Lahore") while common words and surnames that are also
#: towns ("Eugene", OR 170k; "Carmel", IN 100k) stay out. Set by listing the
#: gazetteer's primary names that are also English words or surnames, by population.
BIG_PLACE = 250_000
#: Words that are place names somewhere but almost always ordinary English in news text.
STOP_WORDS = frozenset(
    fold(w)
    for w in word_set(
        "The A An I In On At Of And Or But If As So No Yes Mr Mrs Ms Dr Sir Saint St Mount Lake Police "
        "Army Government Ministry President Minister Monday Tuesday Wednesday Thursday Friday Saturday "
        "Sunday January February March April May June July August September October November December "
        "Mon Tue Tues Wed Thu Thur Thurs Fri Sat Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
        "Reuters AP AFP News Times Post Daily Mail Star Sun Guardian Independent God Allah Islam State "
        "Islamic Union Republic Democratic People National Federal Central Street Road City Town Village "
        "North South East West Northern Southern Eastern Western University College Hospital Court "
        "Northwest Northeast Southwest Southeast "
        "Council Party Front Forces Force Media Center Centre Office Home Hope Victoria Best Young Long "
        "Bush Trump Obama Putin Assad Kerry Lavrov Erdogan Cameron May Nice Mobile Reading Bath Split "
        "Commercial Independence Liberty Unity Progress Enterprise Christian Jesus Mohammed Muhammad "
        "Ali Hussein Hassan Omar Ahmed Ahmad Khan Abu Bin Ibn Al Sheikh Imam Emir King Queen Prince"
    )
)


#: The text between a place and a larger place said to hold it: "Qassiab in Hasakeh province",
#: "the Midan neighbourhood of Damascus", "Salehia village in the northern countryside of Raqqa".
INSIDE = re.compile(
    r"^,?\s*(?:(?:village|town|city|neighbou?rhood|district|suburb|area|camp|quarter)\s+)?(?:in|of)\s+"
    r"(?:the\s+)?(?:(?:\w+ern|central|rural)\s+)?(?:(?:province|governorate|countryside|region)\s+of\s+)?$",
    re.I,
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
    #: the text calls it a division: "Idlib province", "the province of Idlib" (resolution then
    #: prefers the division to the town it is named after, as a division word inside the name does)
    division: bool = False


def _trim(span: Span) -> Span:
    doc = span.doc
    start, end = span.start, span.end
    while start < end and doc[start].lower_ in ("the", "'s", "’s"):
        start += 1
    while end > start and (
        doc[end - 1].lower_ in ("'s", "’s", "'", "’")
        or doc[end - 1].is_punct
        # a common word caught at the end of the entity ("Yabroud hours"), not "Homs city"
        or (end - start > 1 and doc[end - 1].is_lower and doc[end - 1].lower_ not in _TAIL_WORDS)
    ):
        end -= 1
    return doc[start:end]


def _extend(span: Span) -> Span:
    """Extend a place entity cut before an article-linked part: "Deir" + "ez-Zor", "Tal" + "al-Abyad"."""
    doc, end = span.doc, span.end
    while end + 1 < len(doc):
        art, nxt = doc[end], doc[end + 1]
        if (art.lower_ in _ARTICLE_HYPHENS or art.lower_ in _ARTICLES) and nxt.text[:1].isupper():
            end += 2  # "ez-" "Zor" or "ez" "Zor"
        elif (
            end + 2 < len(doc)
            and art.lower_ in _ARTICLES
            and nxt.text == "-"
            and doc[end + 2].text[:1].isupper()
        ):
            end += 3  # "ez" "-" "Zor"
        else:
            break
    return doc[span.start : end] if end != span.end else span


def prefix_alone(span: Span) -> bool:
    """The span ends with a generic name prefix (:data:`NAME_PREFIXES`) that the rest of a name
    follows: "Tall" in "Tall Tawil", "Ain" in "Ain al-Arab", "Deir" in "Deir Hafer"."""
    doc = span.doc
    if not len(span) or span[-1].lower_ not in NAME_PREFIXES or span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return nxt.text[:1].isupper() or nxt.lower_ in _ARTICLE_HYPHENS or nxt.lower_ in _ARTICLES


def _demonym_target(gaz: Gazetteer, text: str) -> int | None:
    # adjectives only: plural nouns ("Iraqis", "Mexicans") name people, not a place
    return gaz.demonym(text)


def recognize(
    doc: Doc, gaz: Gazetteer, *, context_countries: frozenset[str] = frozenset(), big_place: int = BIG_PLACE
) -> list[Candidate]:
    """Every toponym candidate in ``doc``, in text order, without overlaps.

    ``context_countries`` are the ISO codes of the countries the article is about (local names of
    those are accepted on weaker evidence); ``big_place`` see :data:`BIG_PLACE`."""
    taken = [False] * len(doc)
    out: list[Candidate] = []

    def claim(span: Span, how: str, label: str = "", target: int | None = None) -> None:
        if len(span) == 0 or any(taken[span.start : span.end]):
            return
        for i in range(span.start, span.end):
            taken[i] = True
        out.append(
            Candidate(
                span.start,
                span.end,
                span.start_char,
                span.end_char,
                span.text,
                how,
                label,
                target,
                division=called_division(span),
            )
        )

    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            span = _extend(_trim(ent))
            if len(span) == 1 and fold(span.text) in STOP_WORDS:
                continue  # "Centre", "Sunday" tagged as places
            if prefix_alone(span):
                continue  # "Tall" of "Tall Tawil" tagged alone: the whole name is tried below
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
    lower = {t.text for t in doc if t.text.islower()}  # words the text uses as ordinary words
    # one sense per discourse: a name that is part of a person's full name somewhere ("Gwyn Winfield
    # said"; not "in Gwyn Winfield") is that person's everywhere ("according to Winfield"), unless
    # a big place's. A one-word "person" is too often an Arabic town spaCy does not know.
    persons = {
        t.text
        for ent in doc.ents
        if ent.label_ == "PERSON"
        and len(ent) > 1
        and all(t.text[:1].isupper() for t in ent)
        and (ent.start == 0 or doc[ent.start - 1].lower_ not in LOCAL_PREPOSITIONS)
        for t in ent
    }
    i = 0
    while i < len(doc):
        tok = doc[i]
        if (
            taken[i]
            or not tok.text[:1].isupper()
            or ent_label.get(i) in ("TIME", "QUANTITY", "CARDINAL", "ORDINAL", "PERCENT")
        ):
            i += 1
            continue
        matched = 0
        for n in range(min(_MAX_NGRAM, len(doc) - i), 0, -1):
            span = doc[i : i + n]
            if any(taken[span.start : span.end]) or not span[-1].text[:1].isupper():
                continue
            if any(t.is_punct and t.text not in ("-", ".") for t in span) or prefix_alone(span):
                continue
            text = span.text
            if n <= 2:
                t = _demonym_target(gaz, text)
                if t is not None and (tok.pos_ in ("ADJ", "PROPN", "NOUN") or ent_label.get(i)):
                    claim(span, "demonym", ent_label.get(i, ""), t)
                    matched = n
                    break
            division = _division_named(span, gaz, context_countries) or _owned_by_country(span, gaz)
            if division is not None:
                claim(division, "gazetteer", ent_label.get(i, ""))
                matched = n
                break
            if _gazetteer_ok(span, gaz, ent_label, context_countries, big_place, lower, persons):
                claim(span, "gazetteer", ent_label.get(i, ""))
                matched = n
                break
            if n > 1 and gaz.has_key(fold(text)):
                break  # "White House" is a known name, rejected here: its "White" is no town
        i += matched or 1
    _same_name_elsewhere(doc, out, taken, ent_label)
    out.sort(key=lambda c: c.start)
    return out


def _same_name_elsewhere(
    doc: Doc, out: list[Candidate], taken: list[bool], ent_label: dict[int, str]
) -> None:
    """One sense per discourse: a one-word name found as a place once ("fled to Yabroud") is a
    place wherever else it stands untagged ("Yabroud is quiet"). Tokens spaCy tagged as a person
    or organisation are left alone: those tags are right more often than a name's other uses."""
    found = {c.text: c.how for c in out if c.end - c.start == 1 and c.how in ("ner", "gazetteer")}
    if not found:
        return
    for tok in doc:
        how = found.get(tok.text)
        if how is None or taken[tok.i] or ent_label.get(tok.i, "") not in ("", "DATE"):
            continue
        taken[tok.i] = True
        out.append(Candidate(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), tok.text, how))


#: Words that make the name next to them a division's: "Hama province", "the province of Hasaka".
_DIVISION_CUES = word_set("province governorate")


def called_division(span: Span) -> bool:
    """Whether the words around ``span`` call it a division: a cue word after it ("Idlib province",
    "Hama Governorate") or "province of" before it ("the northwestern province of Idlib")."""
    return _cue_after(span) or _cue_before(span)


def _cue_after(span: Span) -> bool:
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in _DIVISION_CUES


def _cue_before(span: Span) -> bool:
    before = span.doc[max(0, span.start - 2) : span.start]
    return len(before) == 2 and before[1].lower_ == "of" and before[0].lower_ in _DIVISION_CUES


def _division_named(span: Span, gaz: Gazetteer, context_countries: frozenset[str]) -> Span | None:
    """A name the text itself calls a province ("Hama province", "the province of Hasaka"), of a
    division or of the town it is named after in a country the article is about, whatever entity
    spaCy put it in ("Syrias Hama" tagged as a person) and by any of its gazetteer names (the
    alternate "Hasaka" as well as "Al-Hasakah"). Returns the span to claim, with the cue word
    that follows it; None when the span is not so named."""
    doc = span.doc
    after = _cue_after(span)
    if not (after or _cue_before(span)) or not context_countries:
        return None
    key = fold(span.text)
    if not key or key in STOP_WORDS or not gaz.has_key(key):
        return None
    rows = [
        r
        for r in gaz.exact_key(key)
        if gaz.cc[r] in context_countries and (gaz.fcode[r] in ("ADM1", "ADM2") or gaz.fcl[r] == "P")
    ]
    if not rows:
        return None
    return doc[span.start : span.end + 1] if after else span


def _owned_by_country(span: Span, gaz: Gazetteer) -> Span | None:
    """A name given as a country's own ("Syria's Aleppo", printed "Syrias Aleppo" when the
    apostrophe was stripped) naming a place of that country, whatever entity spaCy put it in
    ("Syrias Aleppo Monitor" tagged as a person). Returns the span, else None."""
    doc = span.doc
    if span.start == 0:
        return None
    prev = doc[span.start - 1]
    if prev.lower_ in ("'s", "’s") and span.start > 1:
        owner = fold(doc[span.start - 2].text)
    elif prev.text[:1].isupper() and fold(prev.text).endswith("s"):
        owner = fold(prev.text)[:-1]
    else:
        return None
    countries = (
        {gaz.cc[r] for r in gaz.exact_key(owner) if gaz.fcode[r] == "PCLI"} if gaz.has_key(owner) else set()
    )
    key = fold(span.text)
    if not countries or not key or key in STOP_WORDS or not gaz.has_key(key):
        return None
    rows = [r for r in gaz.exact_key(key) if gaz.fcode[r] in _AREA_CODES or is_primary(gaz.names[r], key)]
    return span if any(gaz.cc[r] in countries for r in rows) else None


def _gazetteer_ok(
    span: Span,
    gaz: Gazetteer,
    ent_label: dict[int, str],
    context_countries: frozenset[str],
    big_place: int,
    lower: set[str],
    persons: frozenset[str] | set[str] = frozenset(),
) -> bool:
    """Whether a capitalised span outside the place entities should be taken as a place.

    The name must be in the gazetteer as a place's primary name (or a country, division or region
    name: alternate names such as "Story" for Rochelle are too noisy; after "the town of", any name
    of a place in a country the article is about), must not be a stop word nor
    appear in lower case elsewhere in the text (then it is an ordinary word), and then:

    * inside a person's name: only the whole name, after a preposition of place ("fled to Sinjar")
      or "the city of";
    * inside an organisation's or other entity's name: a big place (``BIG_PLACE``), or a place in
      a country the article is about when the name opens the entity ("Yabroud Council") or follows
      a preposition of place ("fired on Yabroud" tagged as an organisation) or "the town of";
    * outside any entity: a big place, or a place in a context country after a preposition of place
      (``LOCAL_PREPOSITIONS``) or "the town of", "the outskirts of"...

    A one-word name tagged as a person elsewhere in the text (``persons``) counts as local nowhere.
    """
    abbreviation = abbreviation_key(span.text)
    if abbreviation is not None and gaz.has_key(abbreviation):
        return True  # "Calif.", "Ont.": an explicit abbreviation of a division
    key = fold(span.text)
    if key and not gaz.has_key(key) and len(span) == 1 and key.endswith("s") and len(key) > 4:
        key = key[:-1]  # a possessive printed without its apostrophe ("Syrias"): countries and cities
        if not any(gaz.fcode[r] == "PCLI" or gaz.pop[r] >= big_place for r in gaz.exact_key(key)):
            return False
    if not key or key in STOP_WORDS or not gaz.has_key(key):
        return False
    if len(key.replace(" ", "")) < 3 and not span.text.replace(".", "").isupper():
        return False  # "US", "UK", "BC" only in capitals
    if all(t.is_stop or t.lower_ in STOP_WORDS for t in span):
        return False
    prev = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    prev2 = span.doc[span.start - 2].lower_ if span.start > 1 else ""
    named = prev == "of" and prev2 in _PLACE_NOUNS  # "the town of X": any name of a local place
    rows = [r for r in gaz.exact_key(key) if gaz.fcode[r] in _AREA_CODES or is_primary(gaz.names[r], key)]
    if not rows and named:
        rows = [r for r in gaz.exact_key(key) if gaz.cc[r] in context_countries]
    if not rows:
        return False
    if not span.text.isupper() and span.text.lower() in lower:
        return False
    label = ent_label.get(span.start, "")
    big = any(gaz.fcode[r] in _AREA_CODES or gaz.pop[r] >= big_place for r in rows)
    local = any(gaz.cc[r] in context_countries for r in rows) and not (
        len(span) == 1 and span.text in persons
    )
    if label == "PERSON":
        whole = (
            ent_label.get(span.end - 1) == label
            and (span.start == 0 or ent_label.get(span.start - 1) != label)
            and ent_label.get(span.end) != label
        )
        # "Uttar Pradesh" tagged as a person: a multi-word name that is exactly a big place's name
        # ("the city of Taiz" tagged as a person: a local place's name after "the city of")
        return whole and (
            ((prev in PLACE_PREPOSITIONS or named) and (big or local)) or (len(span) > 1 and big)
        )
    if label:
        opens = span.start == 0 or ent_label.get(span.start - 1) != label
        inside = ent_label.get(span.end) == label  # more of the entity follows: "Yabroud Council"
        return big or (local and ((opens and inside) or prev in LOCAL_PREPOSITIONS or named))
    return big or (local and (prev in LOCAL_PREPOSITIONS or named))
