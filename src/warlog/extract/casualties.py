"""Casualty counts: fatalities and injuries read from the dependency parse.

A count is a number attached to a death or injury word: the object of "killed"
("killed 16 civilians"), the subject of a passive or intransitive ("two were killed",
"five died", "12 dead"), the complement of a toll ("the death toll rose to 30"), or the
owner of lives ("claimed the lives of eight"). Coordinated groups are summed
("16 civilians and 4 fighters" → 20); subsets are not ("including 3 children").
Ranges give their lower bound; "at least"/"more than" give the number; vague
quantities ("dozens") give no number; "no one", "nobody" and "no injuries" give zero ("no one was
hurt": no one killed either). A count of a whole war ("killed in the conflict", "since 2011") is
not an event's; bodies found and killing nouns ("the execution of four soldiers") count where no
other death count is given.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .casualty_numbers import is_num, number_tokens, parse_number
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


def _nobody(noun: Token) -> bool:
    """ "no one", "nobody", "none (of the soldiers)": a count of zero (not "no one else")."""
    if any(c.lower_ == "else" for c in noun.children):
        return False
    if noun.lower_ == "one":
        return any(c.lower_ == "no" for c in noun.children)
    return noun.lower_ in ("nobody", "none", "noone")


def _count_of(noun: Token) -> tuple[int | None, list[Token]] | None:
    """The number a noun phrase gives (``(None, toks)`` when vague), or None when it gives none."""
    vague = lexicon().words("vague_quantities")
    person = lexicon().words("person_nouns")
    if _nobody(noun):
        return (0, [noun])
    if noun.lower_ == "one" and any(c.lower_ == "no" for c in noun.children):
        return None  # "no one else": how many were hurt before is said elsewhere
    if is_num(noun) and noun.pos_ in ("NUM", "NOUN", "PRON", "ADJ", "PROPN", "X"):
        toks = number_tokens(noun)
        rng = [c for c in noun.children if c.dep_ in ("quantmod", "conj") and is_num(c)]
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
    # "a family of six", "a total of 14 fighters": the group's size
    if noun.lemma_.lower() in lexicon().words("group_nouns"):
        for p in noun.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                for o in p.children:
                    if o.dep_ == "pobj" and (inner := _count_of(o)) is not None:
                        return inner
    for c in noun.children:
        if c.dep_ == "nummod" and is_num(c):
            toks = number_tokens(c)
            value = parse_number(toks)
            rng = [x for x in c.children if x.dep_ in ("quantmod", "conj") and is_num(x)]
            if value is not None and rng:
                other = parse_number([rng[0]])
                if other is not None:
                    value = min(value, other)
            return (value, toks)
        if c.dep_ in ("amod", "nummod", "det") and c.lower_ in vague:
            return (None, [c])
    # "70 army and rebel fighters": the number parsed onto a modifier of the noun
    for c in noun.lefts:
        if c.dep_ in ("nmod", "compound") and (inner := _count_of(c)) is not None and inner[0] is not None:
            return inner
    # "dozens of people", "16 of them"
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in vague:
        return (None, [noun.head.head])
    # "a woman", "one child", "his son", "the imam": a single person (not a group: "the family")
    if (
        noun.lemma_.lower() in person
        and noun.tag_ in ("NN", "NNP")
        and noun.lemma_.lower() not in _COLLECTIVE
        and any(
            c.lower_ in _ONE
            or (c.dep_ == "poss" and c.lower_ in _POSS)
            or (c.dep_ == "det" and c.lower_ in _THE)
            for c in noun.children
        )
    ):
        return (1, [noun])
    # a named person: "killing Sheikh Salman al-Afa", "Abu Omar was killed"
    if noun.ent_type_ == "PERSON" and noun.tag_ == "NNP" and not any(c.dep_ == "cc" for c in noun.children):
        return (1, [noun])
    return None


_ONE = ("a", "an", "one")
_THE = ("the", "this", "that")
#: person nouns that name a group even in the singular
_COLLECTIVE = frozenset({"family", "staff", "personnel", "other", "aid", "member"})
_POSS = ("his", "her", "their", "its", "our", "my", "your")


def _subset(tok: Token) -> bool:
    """ "30 of them", "among them 5 children": a part of the count already given, not a new group."""
    for c in tok.children:
        if (
            c.dep_ == "prep"
            and c.lower_ in ("of", "among")
            and any(p.lower_ in ("them", "whom", "those", "which") for p in c.children)
        ):
            return True
    if tok.head.lower_ in ("including", "among") or any(
        c.lower_ in ("including", "among") for c in tok.lefts
    ):
        return True
    # "killed among them 3 children" parsed flat: the words just before the count's phrase
    first = min(t.i for t in tok.subtree)
    before = " ".join(t.lower_ for t in tok.doc[max(0, first - 2) : first])
    return before.endswith(("among them", "including", "of whom", "among whom", "of them"))


def _group_total(noun: Token) -> tuple[int | None, int, int, bool] | None:
    """Sum over coordinated groups: "16 civilians and 4 fighters" → 20; the last item tells that the
    count is a part of another ("among them 3 children", "30 of them")."""
    first = _count_of(noun)
    if first is None:
        return None
    value, toks = first
    start = min(t.i for t in toks)
    end = max(t.i for t in toks) + 1
    doc = noun.doc
    if _subset(toks[-1]) and start > 0 and doc[start - 1].text.isdigit() and is_num(doc[start - 1]):
        # "rose to 86 30 of them children" (commas stripped): the count is the number before
        prev = doc[start - 1]
        return (parse_number([prev]), prev.i, prev.i + 1, False)
    total = value
    for conj in noun.conjuncts:
        if conj.i < noun.i or _subset(conj):
            continue
        more = _count_of(conj)
        if more is None:
            if (
                conj.tag_ in ("NNS", "NNPS")
                and conj.lemma_.lower() in lexicon().words("person_nouns")
                and _determined(conj)
            ):  # "his son and the others": more than the number says, how many unknown
                total = None  # (not "70 regime and rebel fighters": one number for both)
            continue
        v, ctoks = more
        end = max(end, max(t.i for t in ctoks) + 1)
        total = None if (total is None or v is None) else total + v
    return (total, start, end, _subset(noun) or _subset(toks[-1]))


_ROSE = {
    "rise", "climb", "increase", "jump", "reach", "mount", "soar", "grow", "hit", "stand", "top",
    "surpass", "exceed",
}  # fmt: skip


def _determined(noun: Token) -> bool:
    """A noun with its own article or possessive ("the toll", "its dead")."""
    return any(c.dep_ in ("det", "poss") and c.i < noun.i for c in noun.children)


def _civilian(tok: Token) -> bool | None:
    civ = lexicon().words("civilian_nouns")
    comb = lexicon().words("combatant_nouns")
    lemma = tok.lemma_.lower()
    if lemma in comb or tok.lower_ in comb:
        return False
    if lemma in civ or tok.lower_ in civ:
        return True
    return None


def _toll_of(cue: Token) -> Token | None:
    """The noun that stands for the count: the toll itself, or "number" in "the number of people killed"."""
    if cue.lemma_.lower() in ("toll", "death", "fatality", "casualty"):
        return cue
    noun = cue.head if cue.dep_ in ("acl", "relcl", "amod") else None
    if noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        holder = noun.head.head
        if holder.lemma_.lower() in ("number", "toll", "total", "tally"):
            return holder
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
    # "nine are reported to have been killed", "four are believed to have died": the raising verb's
    # subject (not the killer of "is said to have killed 12")
    if (
        cue.dep_ == "xcomp"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in kids)
        and (passive or not transitive)
    ):
        out.extend((c, False) for c in cue.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    # "12 dead", "people killed", "three injured": the casualty word modifies the count
    # (not a noun with its own determiner: "URL 215 The death toll" is no "215 dead")
    if (cue.dep_ in ("amod", "acl", "nummod", "appos", "relcl") and not _determined(cue)) or (
        cue.dep_ == "conj" and cue.head.pos_ == "NUM"
    ):
        out.append((cue.head, False))
    # "stabbed to death a rival", "was beaten to death": the verb's victim
    if lemma == "death" and cue.dep_ == "pobj" and cue.head.lower_ == "to" and cue.head.head.pos_ == "VERB":
        out.extend((c, False) for c in cue.head.head.children if c.dep_ in ("dobj", "nsubjpass"))
    # "left 5 dead", "leaving two people dead"
    if cue.dep_ in ("oprd", "acomp", "ccomp", "xcomp") and cue.head.lemma_ == "leave":
        out.extend((c, False) for c in cue.head.children if c.dep_ in ("dobj", "nsubj"))
    # "the death toll rose to 30", "the toll stands at 12", "put the death toll at 50",
    # "the number of people killed has risen to three"
    toll = _toll_of(cue)
    if toll is not None and toll.dep_ in ("nsubj", "compound", "dobj"):
        head = toll.head if toll.dep_ in ("nsubj", "dobj") else toll.head.head
        if toll.dep_ == "compound" and toll.head.dep_ not in ("nsubj", "dobj"):
            head = toll.head
        rose = head.lemma_ in _ROSE
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "at", "of"):
                out.extend((p, rose) for p in c.children if p.dep_ == "pobj")
            elif c.dep_ in ("attr", "dobj", "npadvmod") and c.i != toll.i and c.i != toll.head.i:
                out.append((c, rose))
    # "the victims, a woman and a child, were killed": a noun phrase renamed by its apposition
    out.extend((a, rose) for n, rose in list(out) for a in n.children if a.dep_ == "appos")
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
            if is_num(t):
                out.append(t)
                break
            if t.pos_ in ("VERB", "PUNCT", "CCONJ", "SCONJ") and t.lemma_.lower() not in _ROSE:
                break  # "were killed and thirty were treated": the next clause's number
    if not out and cue.lemma_.lower() not in ("toll",):
        for t in reversed(doc[max(sent.start, cue.i - 4) : cue.i]):
            if is_num(t):
                out.append(_whole(t))
                break
            if not (t.lower_ in _GAP or t.pos_ in ("NOUN", "ADJ", "AUX", "CCONJ")):
                break
    return out


def _whole(num: Token) -> Token:
    """The phrase a number found on the surface counts in: "31 civilians - including seven children -
    dead" → "31 civilians"; "14 civilians and four children were killed" → both groups."""
    noun = num.head if num.dep_ == "nummod" else num
    if noun.dep_ == "pobj" and noun.head.lower_ in ("including", "among") and noun.head.head.pos_ == "NOUN":
        return noun.head.head
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN" and _count_of(noun.head) is not None:
        noun = noun.head
    return noun


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


_SPAN_PREPS = ("in", "since", "during", "throughout", "over")


def _campaign(cue: Token) -> bool:
    """The count is a whole war's: "the toll for soldiers killed in the conflict", "have died since
    the uprising", "killed since 2011"."""
    campaign = lexicon().words("campaign_nouns")
    scope = list(cue.subtree) if cue.pos_ in ("NOUN", "PROPN") else [cue, *cue.children]
    for prep in (t for t in scope if t.dep_ == "prep" and t.lower_ in _SPAN_PREPS):
        for o in prep.children:
            if o.dep_ != "pobj":
                continue
            if o.lemma_.lower() in campaign:
                return True
            if prep.lower_ == "since" and o.like_num and len(o.text) == 4:
                return True  # "since 2011"
    # "since the uprising began"
    return any(
        t.dep_ == "advcl"
        and any(m.lower_ == "since" for m in t.children)
        and any(c.dep_ == "nsubj" and c.lemma_.lower() in campaign for c in t.children)
        for t in scope
    )


def _extra_cue(tok: Token, cue_tokens: list[tuple[Token, str]], *, second: bool) -> bool:
    """A death word the trigger lexicon leaves out: a bare "toll" ("the toll rose to 23"); in the
    second round, "bodies"/"corpses" with a number ("pulled 11 bodies from the rubble")."""
    if any(t.i == tok.i for t, _ in cue_tokens):
        return False
    if not second:
        return tok.lemma_.lower() == "toll" and tok.pos_ == "NOUN"
    return tok.lower_ in ("bodies", "corpses") and any(c.dep_ == "nummod" and is_num(c) for c in tok.children)


def _victims_of(noun: Token) -> Count | None:
    """The victims of a killing noun: "the execution of four soldiers", "the deaths of 12 people";
    in "the kidnapping and execution of four soldiers" the "of" hangs on the first noun."""
    if noun.lemma_.lower() not in lexicon().words("killing_nouns"):
        return None
    holders = [noun, noun.head] if noun.dep_ == "conj" and noun.head.pos_ == "NOUN" else [noun]
    for p in (c for h in holders for c in h.children):
        if p.dep_ == "prep" and p.lower_ == "of":
            for o in p.children:
                found = _group_total(o) if o.dep_ == "pobj" else None
                if found is not None and not found[3]:
                    return Count("dead", found[0], found[1], found[2], civilians=_civilian(o))
    return None


def sentence_casualties(sent: Span, cue_tokens: list[tuple[Token, str]]) -> list[Count]:
    """Casualty counts in ``sent`` for the casualty words ``cue_tokens`` ((token, "dead"|"hurt")).

    Bodies found and killing nouns ("the execution of four soldiers") count only where no other
    death count is given: "32 were killed, with 18 bodies pulled from the rubble" is 32."""
    counts: list[Count] = []
    parts: list[Count] = []
    seen: set[tuple[str, int]] = set()

    def read(cues: list[tuple[Token, str]]) -> None:
        for tok, kind in cues:
            if _campaign(tok):
                continue
            if (
                tok.pos_ == "NOUN"
                and any(c.lower_ == "no" for c in tok.children)
                and (kind, tok.i) not in seen
            ):
                seen.add((kind, tok.i))  # "caused no injuries", "there were no deaths"
                counts.append(Count(kind, 0, tok.i, tok.i + 1))
                continue
            args = [(a, rose) for a, rose in _args(tok) if a.i != tok.i and sent.start <= a.i < sent.end]
            found = [(arg, rose, t) for arg, rose in args if (t := _group_total(arg)) is not None]
            if not found:
                rose = tok.lemma_.lower() == "toll" or tok.head.lemma_.lower() in _ROSE
                found = [(n, rose, t) for n in _surface(tok, sent) if (t := _group_total(n)) is not None]
            for arg, rose, total in found:
                value, start, end, part = total
                if (kind, start) in seen or _belongs_elsewhere(sent, end, kind):
                    continue
                seen.add((kind, start))
                count = Count(kind, value, start, end, rose=rose, civilians=_civilian(arg))
                (parts if part else counts).append(count)

    first = cue_tokens + [(t, "dead") for t in sent if _extra_cue(t, cue_tokens, second=False)]
    read(first)
    if not any(c.kind == "dead" for c in counts):
        read([(t, "dead") for t in sent if _extra_cue(t, first, second=True)])
    if not any(c.kind == "dead" for c in counts):
        # "no one was hurt", "caused no injuries": no one was harmed, so no one was killed either
        counts.extend(
            Count("dead", 0, c.start, c.end) for c in counts[:1] if c.kind == "hurt" and c.value == 0
        )
    if not any(c.kind == "dead" for c in counts):
        cues = {t.i for t, _ in first}
        counts.extend(v for t in sent if t.i not in cues and (v := _victims_of(t)) is not None)
    # a part of a count ("among them 3 children") stands only where no whole is given
    kinds = {c.kind for c in counts if c.value is not None}
    return counts + [c for c in parts if c.kind not in kinds]
