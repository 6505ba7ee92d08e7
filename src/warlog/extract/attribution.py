"""Who says so, and how sure: the attribution chain and the certainty of an event mention.

Sources (first version): "according to X", "X said/reported/told ...", "citing Y", read from
the reporting verbs that govern the event's clause or frame its sentence. Certainty:
``hedged`` when the sentence carries a hedge ("reportedly", "could not be independently
verified", "may have"), else ``attributed`` when a source was found, else ``asserted``.
"""

from __future__ import annotations

from typing import cast

from spacy.tokens import Span, Token

from ..types import SourceKind, SourceRef
from ..types import Span as CharSpan
from .lexicon import lexicon

__all__ = ["certainty", "sources"]

_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "this", "that", "which", "who"}


def _phrase(tok: Token) -> Span:
    """The noun phrase headed by ``tok`` without relative clauses or trailing punctuation."""
    doc = tok.doc
    left = tok.left_edge.i
    right = tok.i
    for c in tok.rights:
        if c.dep_ in ("relcl", "acl", "punct", "cc", "conj", "advcl", "appos"):
            break
        if c.dep_ == "prep" and c.lower_ not in ("of", "for"):
            break
        right = c.right_edge.i
    while (
        left < right
        and doc[left].dep_ in ("det", "punct")
        and doc[left].lower_ in ("the", "a", "an", '"', "“")
    ):
        left += 1
    return doc[left : right + 1]


def _kind(span: Span) -> str:
    low = {t.lower_ for t in span} | {t.lemma_.lower() for t in span}
    nouns: dict[str, list[str]] = lexicon().cues["source_nouns"]
    for kind in ("social_media", "activist", "witness", "media", "ngo", "military", "official"):
        if low & set(nouns[kind]):
            return kind
    if any(t.ent_type_ == "PERSON" for t in span):
        return "other"
    if span.root.lower_ in ("sources", "source"):
        return "anonymous"
    return "other"


def _ref(tok: Token) -> SourceRef | None:
    if tok.lower_ in _PRONOUNS or tok.pos_ == "PRON":
        return None
    span = _phrase(tok)
    if not span.text.strip():
        return None
    kind = cast(SourceKind, _kind(span))
    name = span.text.strip(" \"'“”,")
    return SourceRef(name=name, kind=kind, span=CharSpan(span.start_char, span.end_char))


def sources(sent: Span, trigger: Token) -> list[SourceRef]:
    """The attribution chain for an event stated in ``sent``, outermost voice first."""
    report = lexicon().words("report_verbs")
    chain: list[SourceRef] = []
    seen: set[int] = set()

    def add(tok: Token) -> None:
        if tok.i in seen:
            return
        ref = _ref(tok)
        if ref is not None:
            seen.add(tok.i)
            chain.append(ref)

    # reporting verbs that govern the trigger's clause, nearest last
    governing: list[Token] = []
    cur = trigger
    for _ in range(10):
        if cur.head is cur:
            break
        cur = cur.head
        if cur.pos_ == "VERB" and cur.lemma_ in report and cur.i != trigger.i:
            governing.append(cur)
    # "..., the Observatory said." as the sentence root with the event in a parataxis/ccomp
    root = sent.root
    if root.lemma_ in report and root not in governing and root.i != trigger.i:
        governing.append(root)
    for verb in reversed(governing):
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.dep_ != "nsubjpass":
                add(c)
    # "according to X", "citing Y" anywhere in the sentence
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            for p in tok.nbor().children:
                if p.dep_ == "pobj":
                    add(p)
        elif tok.lemma_ == "cite" and tok.pos_ == "VERB":
            for c in tok.children:
                if c.dep_ == "dobj":
                    add(c)
        elif tok.lemma_ == "tell" and tok.pos_ == "VERB" and (tok in governing or tok.head in governing):
            for c in tok.children:
                if c.dep_ in ("dobj", "dative") and c.ent_type_ in ("ORG", "PERSON", "GPE", "NORP"):
                    add(c)
    return chain


def certainty(sent: Span, srcs: list[SourceRef]) -> str:
    """``hedged`` / ``attributed`` / ``asserted`` for an event stated in ``sent``."""
    low = sent.text.lower().replace("’", "'")
    hedges = lexicon().words("hedges")
    if any(p in low for p in lexicon().words("hedge_phrases")):
        return "hedged"
    if any(t.lower_ in hedges for t in sent if t.pos_ in ("ADV", "ADJ", "VERB")):
        return "hedged"
    if srcs:
        return "attributed"
    return "asserted"
