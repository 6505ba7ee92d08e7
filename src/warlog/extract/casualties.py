"""Casualty counts: fatalities and injuries read from the dependency parse.

A count is a number attached to a death or injury word: the object of "killed"
("killed 16 civilians"), the subject of a passive or intransitive ("two were killed",
"five died", "12 dead"), the complement of a toll ("the death toll rose to 30"), or the
owner of lives ("claimed the lives of eight"). Coordinated groups are summed
("16 civilians and 4 fighters" → 20); subsets are not ("including 3 children").
Ranges give their lower bound; "at least"/"more than" give the number; vague
quantities ("dozens") give no number.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .lexicon import lexicon

__all__ = ["Count", "parse_number", "sentence_casualties"]


@dataclass(frozen=True)
class Count:
    """One casualty count: ``value`` (None: vague), kind "dead" or "hurt", tokens ``[start, end)``."""

    kind: str
    value: int | None
    start: int
    end: int
    rose: bool = False  # an updated toll ("rose to", "climbed to")
    civilians: bool | None = None  # True civilians, False fighters, None unknown


_CALENDAR = {
    m.lower()
    for m in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name, *calendar.day_abbr)
    if m
}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")


def _word_value(text: str) -> float | None:
    low = text.lower().replace(",", "")
    if _DIGITS.match(text):
        return float(text.replace(",", ""))
    words: dict[str, int] = lexicon().cues["number_words"]
    return float(words[low]) if low in words else None


def parse_number(tokens: list[Token]) -> int | None:
    """The value of a cardinal written with digits and/or words ("twenty - five", "1,200", "two hundred")."""
    total = 0.0
    current = 0.0
    seen = False
    for t in tokens:
        if t.text in ("-", "and") and seen:
            continue
        v = _word_value(t.text)
        if v is None or (seen and _DIGITS.match(t.text)):
            if seen:
                break  # "86 30 of them": two numbers, not one
            continue
        seen = True
        if v in (100, 1000, 1000000) and t.text.isalpha():
            current = (current or 1) * v
            if v >= 1000:
                total += current
                current = 0
        elif v == 12 and t.lower_ == "dozen":
            current = (current or 1) * 12
        else:
            current += v
    if not seen:
        return None
    value = int(total + current)
    return value if value >= 0 else None


def _is_num(t: Token) -> bool:
    """A cardinal that can count people: not part of a date or time, not a year."""
    if t.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"):
        return False
    doc = t.doc
    before = doc[t.i - 1].lower_.rstrip(".") if t.i > 0 else ""
    after = doc[t.i + 1].lower_.rstrip(".") if t.i + 1 < len(doc) else ""
    if before in _CALENDAR or after in _CALENDAR:
        return False  # "Sun 10 Jul 2016", "July 19": a day of a date
    if t.like_num:
        return not (len(t.text) == 4 and t.text.isdigit() and 1800 <= int(t.text) <= 2100)
    return t.lower_ in lexicon().cues["number_words"] and t.lower_ not in ("a", "an", "both")


def _number_tokens(tok: Token) -> list[Token]:
    """``tok`` and the number words written right before it ("twenty - five", "two hundred"); a
    digit group before it is another number ("85 12 terrorists" counts 12)."""
    doc = tok.doc
    start = tok.i
    while start > 0 and (doc[start - 1].text == "-" or (doc[start - 1].is_alpha and _is_num(doc[start - 1]))):
        start -= 1
    while start < tok.i and doc[start].text == "-":
        start += 1
    return list(doc[start : tok.i + 1])


def _count_of(noun: Token) -> tuple[int | None, list[Token]] | None:
    """The number a noun phrase gives (``(None, toks)`` when vague), or None when it gives none."""
    vague = lexicon().words("vague_quantities")
    person = lexicon().words("person_nouns")
    if _is_num(noun) and noun.pos_ in ("NUM", "NOUN", "PRON", "ADJ", "PROPN", "X"):
        toks = _number_tokens(noun)
        rng = [c for c in noun.children if c.dep_ in ("quantmod", "conj") and _is_num(c)]
        value = parse_number(toks)
        if noun.lower_ in vague and noun.lower_ not in ("hundred", "thousand", "dozen"):
            return (None, [noun])
        if value is not None and rng:
            other = parse_number([rng[0]])
            if other is not None:
                value = min(value, other)
        if value is not None and 1800 <= value <= 2100 and noun.like_num and len(noun.text) == 4:
            return None  # a year, not a count
        return (value, toks)
    if noun.lower_ in vague:
        return (None, [noun])
    for c in noun.children:
        if c.dep_ == "nummod" and _is_num(c):
            toks = _number_tokens(c)
            value = parse_number(toks)
            rng = [x for x in c.children if x.dep_ in ("quantmod", "conj") and _is_num(x)]
            if value is not None and rng:
                other = parse_number([rng[0]])
                if other is not None:
                    value = min(value, other)
            return (value, toks)
        if c.dep_ in ("amod", "nummod", "det") and c.lower_ in vague:
            return (None, [c])
    # "dozens of people", "16 of them"
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in vague:
        return (None, [noun.head.head])
    # "a woman", "one child": a single person
    if (
        noun.lemma_ in person
        and noun.tag_ == "NN"
        and any(c.lower_ in ("a", "an", "one") for c in noun.children)
    ):
        return (1, [noun])
    return None


def _subset(tok: Token) -> bool:
    """ "30 of them", "among them 5 children": a part of the count already given, not a new group."""
    for c in tok.children:
        if (
            c.dep_ == "prep"
            and c.lower_ in ("of", "among")
            and any(p.lower_ in ("them", "whom", "those", "which") for p in c.children)
        ):
            return True
    return tok.head.lower_ in ("including", "among") or any(
        c.lower_ in ("including", "among") for c in tok.lefts
    )


def _group_total(noun: Token) -> tuple[int | None, int, int] | None:
    """Sum over coordinated groups: "16 civilians and 4 fighters" → 20."""
    first = _count_of(noun)
    if first is None:
        return None
    value, toks = first
    start = min(t.i for t in toks)
    end = max(t.i for t in toks) + 1
    total = value
    for conj in noun.conjuncts:
        if conj.i < noun.i or _subset(conj):
            continue
        more = _count_of(conj)
        if more is None:
            continue
        v, ctoks = more
        end = max(end, max(t.i for t in ctoks) + 1)
        total = None if (total is None or v is None) else total + v
    return (total, start, end)


_ROSE = {"rise", "climb", "increase", "jump", "reach", "mount", "soar", "grow", "hit", "stand", "top"}


def _civilian(tok: Token) -> bool | None:
    civ = lexicon().words("civilian_nouns")
    comb = lexicon().words("combatant_nouns")
    lemma = tok.lemma_.lower()
    if lemma in comb or tok.lower_ in comb:
        return False
    if lemma in civ or tok.lower_ in civ:
        return True
    return None


def _args(cue: Token) -> list[tuple[Token, bool]]:
    """Noun phrases that may carry the count for a casualty word, with "toll rose" flags."""
    out: list[tuple[Token, bool]] = []
    kids = list(cue.children)
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in kids)
    has_obj = any(c.dep_ == "dobj" for c in kids)
    lemma = cue.lemma_.lower()
    transitive = lemma in ("kill", "wound", "injure")
    for c in kids:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "npadvmod", "nummod"):
            out.append((c, False))
        elif c.dep_ == "nsubj" and not has_obj and (passive or not transitive or cue.tag_ == "VBN"):
            # "five died"; headline passive "12 killed in air strike"; not the agent of "killed 12"
            out.append((c, False))
        elif c.dep_ == "prep" and c.lower_ in ("of", "to", "at"):
            out.extend((p, c.lower_ == "to") for p in c.children if p.dep_ == "pobj")
    # "41 rebels were rounded up and executed": a conjoined verb shares its head's passive subject
    if (
        cue.dep_ == "conj"
        and cue.pos_ == "VERB"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in kids)
    ):
        out.extend((c, False) for c in cue.head.children if c.dep_ == "nsubjpass")
    # "12 dead", "people killed", "three injured": the casualty word modifies the count
    if cue.dep_ in ("amod", "acl", "nummod", "appos", "relcl") or (
        cue.dep_ == "conj" and cue.head.pos_ == "NUM"
    ):
        out.append((cue.head, False))
    # "left 5 dead", "leaving two people dead"
    if cue.dep_ in ("oprd", "acomp", "ccomp", "xcomp") and cue.head.lemma_ == "leave":
        out.extend((c, False) for c in cue.head.children if c.dep_ in ("dobj", "nsubj"))
    # "the death toll rose to 30", "the toll stands at 12"
    if lemma in ("toll", "death", "fatality", "casualty") and cue.dep_ in ("nsubj", "compound"):
        head = cue.head if cue.dep_ == "nsubj" else cue.head.head
        if cue.dep_ == "compound" and cue.head.dep_ != "nsubj":
            head = cue.head
        rose = head.lemma_ in _ROSE
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "at", "of"):
                out.extend((p, rose) for p in c.children if p.dep_ == "pobj")
            elif c.dep_ in ("attr", "dobj", "npadvmod"):
                out.append((c, rose))
    # "the lives of eight civilians" / "claimed eight lives"
    return out


_GAP = {
    "people", "persons", "civilians", "were", "was", "have", "has", "been", "being", "are", "is", "and", "-",
    "others", "more", "reportedly", "also", "had",
}  # fmt: skip


def _surface(cue: Token, sent: Span) -> list[Token]:
    """Numbers next to a casualty word when the parse links none (texts stripped of commas).

    "killed at least 12", "the toll rose to 30": the first number within four tokens after;
    "12 people were killed", "20 wounded": the nearest number within four tokens before,
    with only nouns, auxiliaries and conjunctions between.
    """
    out: list[Token] = []
    doc = cue.doc
    after = doc[cue.i + 1 : min(sent.end, cue.i + 5)]
    if cue.lemma_.lower() in ("kill", "toll", "reach", "rise", "wound", "injure", "claim", "leave"):
        for t in after:
            if _is_num(t):
                out.append(t)
                break
            if t.pos_ in ("VERB", "PUNCT") and t.lemma_.lower() not in _ROSE:
                break
    if not out and cue.lemma_.lower() not in ("toll",):
        for t in reversed(doc[max(sent.start, cue.i - 4) : cue.i]):
            if _is_num(t):
                out.append(t)
                break
            if not (t.lower_ in _GAP or t.pos_ in ("NOUN", "ADJ", "AUX", "CCONJ")):
                break
    return out


def _belongs_elsewhere(sent: Span, end: int, kind: str) -> bool:
    """The count is followed by the other kind's word: "8 killed 58 others injured" gives 58 injured."""
    doc = sent.doc
    other = lexicon().words("casualty_hurt" if kind == "dead" else "casualty_dead")
    for t in doc[end : min(sent.end, end + 2)]:  # the count's noun, then the casualty word
        if t.lemma_.lower() in other or t.lower_ in other:
            return True
        if t.lower_ not in ("others", "other", "more", "people", "persons"):
            break
    return False


def sentence_casualties(sent: Span, cue_tokens: list[tuple[Token, str]]) -> list[Count]:
    """Casualty counts in ``sent`` for the casualty words ``cue_tokens`` ((token, "dead"|"hurt"))."""
    counts: list[Count] = []
    seen: set[tuple[str, int]] = set()
    for tok, kind in cue_tokens:
        args = [(arg, rose) for arg, rose in _args(tok) if arg.i != tok.i and sent.start <= arg.i < sent.end]
        found = [(arg, rose, t) for arg, rose in args if (t := _group_total(arg)) is not None]
        if not found:
            rose = tok.lemma_.lower() == "toll" or tok.head.lemma_.lower() in _ROSE
            found = [(n, rose, t) for n in _surface(tok, sent) if (t := _group_total(n)) is not None]
        for arg, rose, total in found:
            value, start, end = total
            if (kind, start) in seen or _belongs_elsewhere(sent, end, kind):
                continue
            seen.add((kind, start))
            counts.append(Count(kind, value, start, end, rose=rose, civilians=_civilian(arg)))
    return counts
