"""Event cues: a token Matcher over the trigger lexicon, and the codebook's exclusions.

:class:`CueMatcher` finds every cue of ``data/triggers.json`` in a Doc (one pass, indexed by first word).
:func:`irrealis` and :func:`negated` read the dependency parse around a cue to drop what the
codebook excludes: hypotheticals, plans, predictions, questions and negated events.
:func:`aggregate` flags sentences that sum events over years or many places.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .lexicon import Frame, TriggerGroup, lexicon

__all__ = ["Cue", "CueMatcher", "aggregate", "aggregate_cue", "clause_verb", "irrealis", "negated"]

_MONTHS = {m.lower() for m in calendar.month_name if m}
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


def _term_words(term: str) -> tuple[tuple[str, ...], tuple[str, ...] | None]:
    """The words of a lexicon term (hyphens dropped) and the part-of-speech tags its last word needs."""
    text, _, pos = term.partition("/")
    words = tuple(w for w in re.split(r"[\s\-]+", text.strip().lower()) if w)
    return words, (tuple(_POS.get(pos, [pos])) if pos else None)


class CueMatcher:
    """All cues of the trigger lexicon in a Doc.

    A term's words are compared with each token's lower-cased lemma or form (so "air strikes",
    "airstrikes" and "air-strike" all match); hyphen tokens between words are skipped. The
    terms are indexed by their first word, so a Doc costs one dictionary look-up per token
    (a spaCy Matcher with optional hyphen tokens was ten times slower on the same lexicon).
    """

    def __init__(self) -> None:
        self.index: dict[str, list[tuple[tuple[str, ...], tuple[str, ...] | None, TriggerGroup]]] = {}
        for group in lexicon().groups:
            for term in group.terms:
                words, pos = _term_words(term)
                if words:
                    self.index.setdefault(words[0], []).append((words, pos, group))
        self.frames: dict[str, list[Frame]] = {}
        for frame in lexicon().frames:
            for verb in frame.verbs:
                self.frames.setdefault(verb, []).append(frame)

    @staticmethod
    def _forms(tok: Token) -> tuple[str, ...]:
        low, lemma = tok.lower_, tok.lemma_.lower()
        if tok.tag_ in ("NNP", "NNPS") and low == lemma and len(low) > 4 and low.endswith("s"):
            # headline case: "Airstrikes" is tagged a proper noun and keeps its plural as lemma
            return low, lemma, low[:-2] if low.endswith(("ches", "shes", "sses")) else low[:-1]
        return low, lemma

    def __call__(self, doc: Doc) -> list[Cue]:
        seen: set[tuple[int, int, int]] = set()
        cues: list[Cue] = []
        n = len(doc)
        for i, tok in enumerate(doc):
            entries = [e for f in dict.fromkeys(self._forms(tok)) for e in self.index.get(f, [])]
            for words, pos, group in entries:
                j = i + 1
                ok = True
                for w in words[1:]:
                    while j < n and doc[j].text == "-":
                        j += 1
                    if j >= n or w not in self._forms(doc[j]):
                        ok = False
                        break
                    j += 1
                if not ok:
                    continue
                last = doc[j - 1]
                if pos is not None and last.pos_ not in pos:
                    continue
                if tok.ent_type_ in ("DATE", "TIME") and tok.lower_ in _MONTHS:
                    continue  # "on March 24" is no march
                key = (i, j, group.index)
                if key not in seen:
                    seen.add(key)
                    cues.append(Cue(i, j, group))
        cues.extend(self._frames(doc))
        # a cue inside a longer cue of the same role gives way to it ("car bomb" in "suicide car bomb")
        cues.sort(key=lambda c: (c.start, -(c.end - c.start)))
        kept: list[Cue] = []
        for c in cues:
            if any(
                k.role == c.role
                and k.start <= c.start
                and c.end <= k.end
                and (k.end - k.start) > (c.end - c.start)
                for k in kept
            ):
                continue
            kept.append(c)
        return kept

    def _frames(self, doc: Doc) -> list[Cue]:
        """Verb-object frames ("seized 40 rifles", "set up a base", "drove them out")."""
        out = []
        for tok in doc:
            if tok.pos_ != "VERB":
                continue
            frames = self.frames.get(tok.lemma_.lower())
            if not frames:
                continue
            objects = _objects(tok)
            parts = {
                c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "advmod", "acomp", "oprd", "dobj")
            }
            for frame in frames:
                need = dict(frame.particles_for).get(tok.lemma_.lower(), frame.particles)
                if need and not parts & need:
                    continue
                if frame.objects and not objects & frame.objects:
                    continue
                if frame.requires_word and not any(t.lemma_.lower() in frame.requires_word for t in tok.sent):
                    continue
                out.append(Cue(tok.i, tok.i + 1, frame.group))
        return out


def _objects(verb: Token) -> set[str]:
    """Lemmas of the verb's objects: direct object or passive subject, their conjuncts, "amount of X"."""
    heads = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    # "discovered a cache believed to ...": the object parsed as the subject of a complement clause
    heads += [
        s for c in verb.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in ("nsubj", "nsubjpass")
    ]
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
        heads.append(verb.head)  # "weapons seized in the raid"
    out: set[str] = set()
    for h in heads:
        for t in (h, *h.conjuncts):
            out.add(t.lemma_.lower())
            out.update(c.lemma_.lower() for c in t.children if c.dep_ == "compound")
            for prep in t.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    out.update(p.lemma_.lower() for p in prep.children if p.dep_ == "pobj")
    return out


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
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children):
        return True
    verb = clause_verb(tok)
    verb_negated = any(c.dep_ == "neg" for c in verb.children)
    # "did not attack", "the attack did not kill": the cue is the verb, its subject or its object
    if verb_negated and (verb is tok or tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "without":
        return True
    denying = _words("negating_verbs")
    # "denied carrying out the attack", "failed to capture the town"
    if verb.head is not verb and verb.dep_ in ("xcomp", "ccomp", "pcomp") and verb.head.lemma_ in denying:
        return True
    return tok.dep_ in ("dobj", "pobj") and verb.lemma_ in denying


#: quantifiers that make a plural event noun a tally ("several small attacks", "daily raids")
_MANY = {
    "numerous",
    "countless",
    "repeated",
    "daily",
    "frequent",
    "several",
    "many",
    "multiple",
    "dozens",
    "hundreds",
}

#: verbs whose to-infinitive complement happened ("continued to shell", "was reported to have ...")
_FACTUAL_HEADS = {
    "continue", "begin", "start", "force", "manage", "help", "use", "keep", "believe", "think", "say",
    "report", "appear", "seem", "claim", "allege", "understand", "suspect", "presume", "confirm",
    "estimate", "proceed", "resume", "happen",
}  # fmt: skip


#: verbs whose object event has not happened ("planned an attack", "prevented a bombing")
_PLAN_VERBS = {
    "plan", "threaten", "vow", "prepare", "intend", "prevent", "avert", "avoid", "propose", "consider",
    "fear", "predict", "foresee", "warn", "urge", "demand", "seek", "want", "expect", "pledge", "promise",
}  # fmt: skip


def irrealis(tok: Token, sent: Span) -> bool:
    """The cue is a hypothesis, plan, prediction, question or purpose, not a reported occurrence."""
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
    # "planned an attack", "threatened an assault", "called for a ceasefire", "to prevent attacks"
    if verb is not tok and tok.dep_ in ("dobj", "pobj", "xcomp") and verb.lemma_ in _PLAN_VERBS:
        return True
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
        # (a perfect infinitive, "believed to have killed", reports the past: hedged, not planned)
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids)
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
        if verb.dep_ == "xcomp" and infinitive and not perfect and verb.head.lemma_ not in _FACTUAL_HEADS:
            return True
        # purpose: "in order to seize", "to retake the city" (advcl with "to")
        if verb.dep_ in ("advcl", "relcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids):
            return True
        if verb.dep_ == "conj" and verb.head is not verb:
            verb = clause_verb(verb.head)  # "might roll over the army and attack": the modal is shared
            continue
        break
    return False


_YEAR_SPAN = re.compile(
    r"\b(?:from|between)\s+(?:19|20)\d\d\s+(?:to|and|until|till|-)\s+(?:19|20)\d\d\b", re.I
)
_SINCE_YEAR = re.compile(r"\bsince\s+(?:19|20)\d\d\b", re.I)
_PERIOD = re.compile(
    r"\b(?:over|in|during|for|within)\s+the\s+(?:past|last|previous)\s+(?:(?:\w+|\d+)\s+)?(years?|decades?|months)\b",
    re.I,
)


def aggregate(sent: Span) -> bool:
    """The sentence sums events over a long period or many places (codebook: not an event)."""
    low = sent.text.lower()
    if any(p in low for p in _words("aggregate_phrases")):
        return True
    return bool(_YEAR_SPAN.search(sent.text) or _PERIOD.search(sent.text) or _SINCE_YEAR.search(sent.text))


def aggregate_cue(doc: Doc, cue: Cue) -> bool:
    """The cue itself counts many events ("more than 20 attacks", "numerous airstrikes")."""
    root = doc[cue.end - 1]
    if root.tag_ not in ("NNS", "NNPS") or root.lower_ not in _words("aggregate_event_nouns"):
        return False
    for c in root.children:
        if c.dep_ == "nummod" and c.like_num and c.ent_type_ not in ("DATE", "TIME"):
            try:
                # ten or more of them: a tally, not one event (a day's "four raids" stay one event)
                if int(c.text.replace(",", "")) >= 10:
                    return True
            except ValueError:
                continue
        if c.dep_ in ("amod", "det", "nummod") and c.lower_ in _MANY:
            return True
    return False
