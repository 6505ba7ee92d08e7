"""Event cues: a token Matcher over the trigger lexicon, and the codebook's exclusions.

:class:`CueMatcher` finds every cue of ``data/triggers.json`` in a Doc (one Matcher pass).
:func:`irrealis` and :func:`negated` read the dependency parse around a cue to drop what the
codebook excludes: hypotheticals, plans, predictions, questions and negated events.
:func:`aggregate` flags sentences that sum events over years or many places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from .lexicon import TriggerGroup, lexicon

__all__ = ["Cue", "CueMatcher", "aggregate", "clause_verb", "irrealis", "negated"]

_POS = {"VERB": ["VERB"], "NOUN": ["NOUN", "PROPN"], "ADJ": ["ADJ"]}


@dataclass(frozen=True)
class Cue:
    """One cue found in a Doc: tokens ``[start, end)`` matching ``group``."""

    start: int
    end: int
    group: TriggerGroup

    @property
    def role(self) -> str:
        return self.group.role

    @property
    def prio(self) -> int:
        return self.group.prio

    @property
    def sub_event_type(self) -> str | None:
        return self.group.sub_event_type


def _term_patterns(term: str) -> list[list[dict[str, object]]]:
    """Token patterns for one lexicon term (see the header of triggers.json)."""
    text, _, pos = term.partition("/")
    words = [w for w in re.split(r"[\s\-]+", text.strip().lower()) if w]
    if not words:
        return []
    hyphen: dict[str, object] = {"ORTH": "-", "OP": "?"}
    variants: list[list[dict[str, object]]] = []
    for attr_first in ("LOWER", "LEMMA"):
        pat: list[dict[str, object]] = []
        for i, w in enumerate(words):
            last = i == len(words) - 1
            tok: dict[str, object] = {"LEMMA" if last else attr_first: w}
            if last and pos:
                tok["POS"] = {"IN": _POS.get(pos, [pos])}
            if i:
                pat.append(hyphen)
            pat.append(tok)
        variants.append(pat)
        if len(words) == 1:
            break
    # the last word also by its surface form, for lemmatizer slips ("shelling" tagged as a verb)
    surface = [dict(t) for t in variants[0]]
    last_tok = surface[-1]
    last_tok.pop("LEMMA", None)
    last_tok["LOWER"] = words[-1]
    variants.append(surface)
    return variants


class CueMatcher:
    """All cues of the trigger lexicon in a Doc, by one :class:`~spacy.matcher.Matcher` pass."""

    def __init__(self, vocab: Vocab) -> None:
        self.matcher = Matcher(vocab)
        self.groups: dict[int, TriggerGroup] = {}
        for group in lexicon().groups:
            key = f"warlog_cue_{group.index}"
            patterns = [p for term in group.terms for p in _term_patterns(term)]
            if patterns:
                self.matcher.add(key, patterns)
                self.groups[vocab.strings[key]] = group

    def __call__(self, doc: Doc) -> list[Cue]:
        seen: set[tuple[int, int, int]] = set()
        cues: list[Cue] = []
        for match_id, start, end in self.matcher(doc):
            group = self.groups[match_id]
            key = (start, end, group.index)
            if key not in seen:
                seen.add(key)
                cues.append(Cue(start, end, group))
        # a cue inside a longer cue of the same role gives way to it ("car bomb" in "suicide car bomb")
        cues.sort(key=lambda c: (c.start, -(c.end - c.start)))
        kept: list[Cue] = []
        for c in cues:
            if any(
                k.role == c.role and k.start <= c.start and c.end <= k.end and (k.end - k.start) > (c.end - c.start)
                for k in kept
            ):
                continue
            kept.append(c)
        return kept


def clause_verb(tok: Token) -> Token:
    """The verb whose clause holds ``tok`` (``tok`` itself when it is a verb)."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT" or cur.head is cur:
            return cur
        cur = cur.head
    return cur


def _words(key: str) -> frozenset[str]:
    return lexicon().words(key)


def negated(tok: Token) -> bool:
    """The cue is denied: "no clashes", "did not attack", "denied shelling", "without firing"."""
    neg = _words("negators")
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children):
        return True
    verb = clause_verb(tok)
    if verb is not tok and any(c.dep_ == "neg" for c in verb.children) and tok.dep_ in ("dobj", "nsubjpass", "attr"):
        return True
    if verb is tok or tok.dep_ in ("nsubj", "nsubjpass"):
        if any(c.dep_ == "neg" for c in verb.children):
            return True
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "without":
        return True
    if verb.head is not verb and verb.dep_ in ("xcomp", "ccomp", "pcomp") and verb.head.lemma_ in _words("negating_verbs"):
        return True
    if tok.dep_ in ("dobj", "pobj") and verb.lemma_ in _words("negating_verbs"):
        return True
    return any(c.lower_ in neg and c.dep_ in ("neg", "det") for c in verb.children) and verb is tok


def irrealis(tok: Token) -> bool:
    """The cue is a hypothesis, plan, prediction, question or purpose, not a reported occurrence."""
    sent = tok.sent
    if sent.text.rstrip().endswith("?"):
        return True
    modals = _words("modal_irrealis")
    governors = _words("irrealis_governors")
    nouns = _words("irrealis_nouns")
    # a nominal cue governed by "plan/threat/fear of ..."
    cur = tok
    for _ in range(3):
        if cur.dep_ in ("pobj", "prep", "compound", "dobj") and cur.head is not cur:
            cur = cur.head
            if cur.pos_ == "NOUN" and cur.lemma_ in nouns:
                return True
        else:
            break
    verb = clause_verb(tok)
    for _ in range(4):
        kids = list(verb.children)
        auxes = [c for c in kids if c.dep_ in ("aux", "auxpass")]
        for i, a in enumerate(auxes):
            if a.lower_ in modals or a.lemma_ in modals:
                # "may have killed" is hedged, not hypothetical; "would have" is counterfactual
                rest = auxes[i + 1 :]
                if a.lemma_ in ("may", "might", "could") and any(r.lemma_ == "have" for r in rest):
                    continue
                return True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in kids):
            return True
        if verb.dep_ in ("xcomp", "ccomp", "advcl", "acomp") and verb.head.lemma_ in governors:
            return True
        # "going to attack", "set to", "about to"
        if verb.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids):
            head = verb.head
            if head.lemma_ not in ("continue", "begin", "start", "force", "manage", "help", "use", "keep"):
                return True
        # purpose: "in order to seize", "to retake the city" (advcl with "to")
        if verb.dep_ in ("advcl", "relcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids):
            return True
        if verb.dep_ in ("conj",) and verb.head is not verb:
            verb = verb.head
            continue
        break
    return False


_YEAR_SPAN = re.compile(r"\b(?:from|between)\s+(?:19|20)\d\d\s+(?:to|and|until|till|-)\s+(?:19|20)\d\d\b", re.I)
_PERIOD = re.compile(
    r"\b(?:over|in|during|for|within)\s+the\s+(?:past|last|previous)\s+(?:(?:\w+|\d+)\s+)?(years?|decades?|months)\b",
    re.I,
)


def aggregate(sent: Span, cue: Cue | None = None) -> bool:
    """The sentence sums events over a long period or many places (codebook: not an event)."""
    low = sent.text.lower()
    if any(p in low for p in _words("aggregate_phrases")):
        return True
    if _YEAR_SPAN.search(sent.text) or _PERIOD.search(sent.text):
        return True
    if cue is not None:
        root = sent.doc[cue.end - 1]
        if root.tag_ in ("NNS", "NNPS") and root.lower_ in _words("aggregate_event_nouns"):
            for c in root.children:
                if c.dep_ == "nummod" and c.like_num:
                    try:
                        if int(c.text.replace(",", "")) >= 10:
                            return True
                    except ValueError:
                        continue
                if c.dep_ == "amod" and c.lower_ in ("numerous", "countless", "repeated", "daily", "frequent"):
                    return True
    return False
