"""Source phrases: from the token that heads a source ("the Observatory", "Council member Khalid
Sabah", "a video published by Amaq") to a :class:`Link`, one candidate link of a chain.

A link keeps what the later, cross-sentence steps need: whether it names a person, whether it is
an indefinite description ("a civil defence officer") waiting for a name, a definite description
("the network") or a pronoun ("he") to resolve, and the descriptive words that tell two mentions
of one source apart from two sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ...types import SourceKind, SourceRef
from ...types import Span as CharSpan
from .cues import cues

__all__ = ["Link", "clean_name", "link_for", "norm"]

_QUOTES = "\"'“”‘’«»"
_STRIP = " ,;:.-–—" + _QUOTES
_KEEP_PREPS = {"of", "for"}
_MAX_WORDS = 10
_DROP_RIGHT = {"relcl", "acl", "punct", "cc", "conj", "advcl", "appos", "prep", "npadvmod", "advmod"}


def norm(name: str) -> str:
    """A name folded for comparison: lower case, letters and digits only, no leading "the"."""
    out = "".join(c if c.isalnum() else " " for c in name.lower()).split()
    if out and out[0] in ("the", "a", "an"):
        out = out[1:]
    return " ".join(out)


def clean_name(text: str) -> str:
    """A source name as exported: no surrounding quotes or punctuation, no leading "the",
    no possessive ending."""
    text = " ".join(text.split()).strip(_STRIP)
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    if text.lower().startswith("the "):
        text = text[4:]
    elif text.startswith(("A ", "An ")):  # "A police spokesman" opening a sentence
        text = text[0].lower() + text[1:]
    return text.strip(_STRIP)


@dataclass
class Link:
    """One source mention, before it becomes a :class:`~warlog.types.SourceRef`."""

    name: str
    kind: SourceKind | None
    start: int
    end: int
    head: int  # token index of the phrase's head
    person: bool = False  # a named person
    named: bool = False  # has a proper name
    indefinite: bool = False  # "a doctor", "one official": may be named later
    definite: bool = False  # "the network", "the monitor": refers to an earlier source
    pronoun: bool = False
    words: frozenset[str] = field(default_factory=frozenset)

    def ref(self) -> SourceRef:
        return SourceRef(name=self.name, kind=self.kind or "other", span=CharSpan(self.start, self.end))


def _np(tok: Token) -> Span:
    """The noun phrase headed by ``tok``: its left modifiers, and "of"/"for" complements."""
    doc = tok.doc
    left = tok.left_edge.i
    right = tok.i
    for c in tok.rights:
        if c.dep_ in _DROP_RIGHT and not (c.dep_ == "prep" and c.lower_ in _KEEP_PREPS):
            break
        right = c.right_edge.i
    # a left edge reaching into another clause ("..., said X"): keep only the phrase proper
    while left < tok.i and (
        (doc[left].is_punct and doc[left].text not in _QUOTES)
        or doc[left].dep_ in ("cc", "advmod", "preconj", "case")
    ):
        left += 1
    while right > tok.i and doc[right].is_punct and doc[right].text not in _QUOTES:
        right -= 1
    return doc[left : right + 1]


def _person(tok: Token) -> Span | None:
    """The PERSON entity ``tok`` is part of, if any."""
    if tok.ent_type_ != "PERSON":
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _words(span: Span, extra: list[Token]) -> frozenset[str]:
    titles = cues().titles
    out: set[str] = set()
    for t in list(span) + extra:
        if t.is_alpha and not t.is_stop:
            out.add(t.lemma_.lower())
            mapped = titles.get(t.lower_)
            if mapped:
                out.add(mapped)
    return frozenset(out)


def _owner(tok: Token) -> Token | None:
    """The author of a container noun: "the Mail's report", "a video published by Amaq",
    "a statement from the ministry", "reports on social media"."""
    for c in tok.children:
        possessive = c.dep_ == "poss" or (c.dep_ == "nmod" and any(g.dep_ == "case" for g in c.children))
        if possessive and c.pos_ in ("PROPN", "NOUN"):
            return c
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "on", "of"):
            for p in c.children:
                if p.dep_ == "pobj" and (
                    p.pos_ == "PROPN" or cues().kind_of(p.lemma_, [p.lower_]) is not None
                ):
                    return p
        if c.dep_ == "acl" and c.lemma_ in cues().publishing:
            for a in c.children:
                if a.dep_ == "agent":
                    for p in a.children:
                        if p.dep_ == "pobj":
                            return p
    return None


_PLACE_NOUNS = {
    "city",
    "town",
    "province",
    "country",
    "region",
    "village",
    "district",
    "governorate",
    "state",
}


def _place_named(span: Span, name: str) -> str:
    """ "the city's health office" after "the city of Taiz" → "Taiz health office"."""
    owner = next((t for t in span if t.dep_ == "poss" and t.lemma_.lower() in _PLACE_NOUNS), None)
    if owner is None or not any(t.lower_ == "the" and t.head.i == owner.i for t in span):
        return name
    doc = span.doc
    place: str | None = None
    for t in reversed(doc[max(0, span.start - 60) : span.start]):
        if t.lemma_.lower() == owner.lemma_.lower():
            of = next((p for p in t.children if p.dep_ == "prep" and p.lower_ == "of"), None)
            obj = (
                next((o for o in of.children if o.dep_ == "pobj" and o.pos_ == "PROPN"), None) if of else None
            )
            if obj is not None:
                place = doc[obj.left_edge.i : obj.i + 1].text
                break
    rest = doc[owner.i + 1 : span.end]
    if len(rest) and rest[0].dep_ == "case":
        rest = rest[1:]
    return clean_name(f"{place} {rest.text}") if place and len(rest) else name


def _proper_modifier(tok: Token) -> Link | None:
    """ "the Reuters report", "the Daily Mail account": a common noun that is no source itself,
    with a proper name before it: the name is the source."""
    c = cues()
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or lemma in c.role_nouns | c.group_nouns or c.kind_of(lemma, [tok.lower_]):
        return None
    props = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    if not props:
        return None
    span = tok.doc[props[0].left_edge.i : props[-1].i + 1]
    name = clean_name(span.text)
    if not name:
        return None
    offset = max(0, span.text.find(name))
    kind = c.kind_of(props[-1].lower_, [t.lower_ for t in span])
    start = span.start_char + offset
    return Link(name, kind, start, start + len(name), props[-1].i, named=True, words=_words(span, []))


def link_for(tok: Token, *, depth: int = 0) -> Link | None:
    """The source link headed by ``tok`` (None for a token that cannot be a source)."""
    c = cues()
    low = tok.lower_
    if tok.pos_ in ("VERB", "AUX", "ADP", "PUNCT", "NUM", "SCONJ", "CCONJ") or depth > 3:
        return None
    start, end = tok.idx, tok.idx + len(tok.text)
    if tok.pos_ == "PRON" or low in c.person_pronouns or low in c.group_pronouns:
        if low in c.relative_pronouns:
            return None
        return Link(low, None, start, end, tok.i, pronoun=True, person=low in c.person_pronouns)
    if tok.lemma_.lower() in c.containers:
        owner = _owner(tok)
        if owner is not None and owner.i != tok.i:
            return link_for(owner, depth=depth + 1)
    # "heroes of the civil defence", "the lions of the PMF": the organisation is the source
    if (
        tok.pos_ == "NOUN"
        and tok.tag_ == "NNS"  # a group of people: "heroes of", "men of"; not "a purge of"
        and tok.lemma_.lower() not in c.role_nouns
        and c.kind_of(tok.lemma_, [tok.lower_]) is None
        and tok.lemma_.lower() not in c.containers
    ):
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                for o in p.children:
                    if o.dep_ == "pobj" and (
                        o.pos_ == "PROPN" or c.kind_of(o.lemma_, [x.lower_ for x in o.subtree])
                    ):
                        return link_for(o, depth=depth + 1)
    proper = _proper_modifier(tok)
    if proper is not None:
        return proper
    span = _np(tok)
    # "the activist network Euphrates Eyes", "its agency, Amaq": the proper name is the source
    if tok.pos_ == "NOUN":
        for ch in tok.children:
            if ch.dep_ == "appos" and ch.pos_ == "PROPN":
                proper = link_for(ch, depth=depth + 1)
                if proper is not None:
                    proper.words = proper.words | _words(span, [])
                    proper.kind = c.kind_of(tok.lemma_, [t.lemma_ for t in span]) or proper.kind
                    return proper
    extra: list[Token] = []
    for ch in tok.children:
        if ch.dep_ == "appos":
            extra.extend(ch.subtree)
    # "a media activist in Mosul named Ali al-Hussein"
    for ch in tok.children:
        if ch.dep_ == "acl" and ch.lemma_ in ("name", "call", "identify"):
            for o in ch.children:
                if o.dep_ in ("oprd", "dobj", "attr", "xcomp") and o.pos_ == "PROPN":
                    found = link_for(o, depth=depth + 1)
                    if found is not None:
                        found.words = found.words | _words(span, extra)
                        found.kind = c.kind_of(tok.lemma_, [t.lemma_ for t in span]) or found.kind
                        return found
    person = _person(tok)
    name_span = person if person is not None else span
    name = clean_name(name_span.text)
    if not name or not any(ch.isalpha() for ch in name):
        return None
    name = _place_named(span, name)
    words = _words(span, extra)
    # the kind comes from the head and its modifiers; an "of" complement speaks only for a role
    # ("a member of the council"), not for any noun ("a purge of commanders")
    own = (
        span if tok.pos_ == "PROPN" or tok.lemma_.lower() in c.role_nouns else span[: tok.i - span.start + 1]
    )
    kind = c.kind_of(tok.lower_, [t.lower_ for t in own]) or c.kind_of(
        tok.lemma_, [t.lemma_ for t in own] + [t.lemma_ for t in extra]
    )
    if kind is None and person is not None:
        kind = c.kind_of("", words)
    first = span[0].lower_ if len(span) else ""
    dets = [t for t in span if t.dep_ == "det" and t.head.i == tok.i]
    det = dets[0].lower_ if dets else first
    named = (
        tok.pos_ == "PROPN"
        or person is not None
        or any(t.dep_ == "compound" and t.pos_ == "PROPN" and t.head.i == tok.i for t in span)
    )
    if det in ("no", "none", "neither") or len(name.split()) > _MAX_WORDS:
        return None  # "No group has claimed ...", or a run-on headline the parser took for a phrase
    if kind is None and not named and tok.lemma_.lower() not in c.role_nouns | c.group_nouns:
        return None  # "the men", "the fire": not a source
    offset = max(0, name_span.text.find(name))
    return Link(
        name=name,
        kind=kind,
        start=name_span.start_char + offset,
        end=name_span.start_char + offset + len(name),
        head=tok.i,
        person=person is not None,
        named=named,
        indefinite=tok.pos_ == "NOUN" and person is None and det in ("a", "an", "one", "another"),
        definite=not named and det in ("the", "this", "that", "these"),
        words=words,
    )
