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
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..types import EVENT_TYPE_OF
from .lexicon import Frame, TriggerGroup, lexicon

__all__ = [
    "Cue",
    "CueMatcher",
    "aggregate",
    "aggregate_cue",
    "clause_verb",
    "irrealis",
    "negated",
    "not_used",
]

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
            # and a word inside a weapon's name is no event of its own ("bombs" in "roadside bombs")
            if any(
                (k.role == c.role or (k.role == "instrument" and c.role in ("event", "violence")))
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
            if tok.pos_ not in ("VERB", "NOUN"):
                continue
            frames = self.frames.get(tok.lemma_.lower())
            if not frames:
                continue
            objects = _objects(tok) if tok.pos_ == "VERB" else _of_objects(tok)
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


def _of_objects(noun: Token) -> set[str]:
    """Lemmas of an action noun's object: "the destruction of the mosque" (and their compounds)."""
    out: set[str] = set()
    # "the destruction by ISIS of the mosque": "of" may hang from the agent
    agents = [p for b in noun.children if b.lower_ == "by" for p in b.children if p.dep_ == "pobj"]
    for prep in [c for h in (noun, *agents) for c in h.children]:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for p in prep.children:
                if p.dep_ == "pobj":
                    for t in (p, *p.conjuncts):
                        out.add(t.lemma_.lower())
                        out.update(c.lemma_.lower() for c in t.children if c.dep_ == "compound")
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
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT" or cur.head == cur:
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
    if verb_negated and (verb == tok or tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "without":
        return True
    denying = _words("negating_verbs")
    if _claim_rejected(tok, denying):
        return True
    # "denied carrying out the attack", "failed to capture the town"
    if verb.head != verb and verb.dep_ in ("xcomp", "ccomp", "pcomp") and verb.head.lemma_ in denying:
        return True
    return tok.dep_ in ("dobj", "pobj") and verb.lemma_ in denying


def _claim_rejected(tok: Token, denying: frozenset[str]) -> bool:
    """The cue is what a claim says, and the text calls the claim wrong ("the claim that he was
    killed in an air strike is wrong") or denies it ("dismissed reports that ...")."""
    cur = tok
    for _ in range(8):
        if cur.head == cur:
            return False
        if cur.dep_ in ("acl", "ccomp") and cur.head.pos_ == "NOUN":
            claim = cur.head
            if claim.dep_ in ("dobj", "pobj") and clause_verb(claim).lemma_ in denying:
                return True
            if claim.dep_ == "nsubj":
                pred = claim.head
                false = _words("false_words")
                return pred.lemma_ in false or any(
                    c.dep_ in ("acomp", "attr") and c.lemma_.lower() in false for c in pred.children
                )
            return False
        cur = cur.head
    return False


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
        if cur.dep_ in ("pobj", "pcomp", "prep", "compound", "dobj") and cur.head != cur:
            cur = cur.head
            if cur.pos_ == "NOUN" and cur.lemma_ in nouns:
                return True
        else:
            break
    # "a possible assault", "possibly even a combined assault", "a planned offensive"
    hedges = _words("irrealis_modifiers")
    if tok.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("amod", "advmod") and c.lower_ in hedges for c in tok.children
    ):
        return True
    if _content_of_belief(tok):
        return True
    verb = clause_verb(tok)
    cue_is_verb = verb.i == tok.i
    if _alternative(verb):
        return True
    # "planned an attack", "threatened an assault", "called for a ceasefire", "to prevent attacks"
    if verb != tok and tok.dep_ in ("dobj", "pobj", "xcomp") and verb.lemma_ in _PLAN_VERBS:
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
        if verb.dep_ in ("advcl", "relcl", "acl", "dep") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in kids
        ):
            return True
        if verb.dep_ == "conj" and infinitive and not perfect:
            # "..., then to encircle them, and to drive them out": an infinitive among others
            first = verb
            while first.dep_ == "conj" and first.head != first:
                first = first.head
            if not (first.dep_ == "xcomp" and first.head.lemma_ in _FACTUAL_HEADS):
                return True
        if verb.dep_ == "conj" and verb.head != verb:
            verb = clause_verb(verb.head)  # "might roll over the army and attack": the modal is shared
            continue
        if cue_is_verb and verb.dep_ in ("xcomp", "dobj") and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "will continue to shell": the modal of the governing verb
            continue
        break
    return False


_VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


@cache
def _violent_verbs() -> frozenset[str]:
    """One-word cues of violence (attack, clash or explosion): "shot or stabbed" is one attack."""
    out = set(_words("casualty_hurt") | _words("casualty_dead"))
    for g in lexicon().groups:
        family = EVENT_TYPE_OF.get(g.sub_event_type or "")
        territory = "territory" in (g.sub_event_type or "")  # "seized or bombed": two kinds
        if territory or (g.role != "violence" and not (g.role == "event" and family in _VIOLENT_TYPES)):
            continue
        for term in g.terms:
            words, _ = _term_words(term)
            if len(words) == 1:
                out.add(words[0])
    return frozenset(out)


def _alternative(verb: Token) -> bool:
    """Events of different kinds given as alternatives ("bombed or occupied their villages"): the
    text does not say which happened. Two ways of doing violence ("shot or stabbed", "killed or
    wounded") still report that it happened."""
    violent = _violent_verbs()
    pairs = [(verb.head, verb)] if verb.dep_ == "conj" else []
    pairs += [(verb, c) for c in verb.children if c.dep_ == "conj"]
    for head, conj in pairs:
        if conj.pos_ != "VERB" or not any(c.dep_ == "cc" and c.lower_ == "or" for c in head.children):
            continue
        if (head.lemma_.lower() in violent) == (conj.lemma_.lower() in violent):
            continue
        return True
    return False


def _content_of_belief(tok: Token) -> bool:
    """The cue is inside what a view, theory or rumour holds ("the view that a deal was struck")."""
    nouns = _words("belief_nouns")
    cur = tok
    for _ in range(8):
        if cur.head == cur:
            return False
        if cur.dep_ in ("acl", "ccomp", "appos") and cur.head.pos_ == "NOUN":
            return cur.head.lemma_.lower() in nouns
        cur = cur.head
    return False


_YEAR_SPAN = re.compile(
    r"\b(?:from|between)\s+(?:19|20)\d\d\s+(?:to|and|until|till|-)\s+(?:19|20)\d\d\b", re.I
)
#: "since 2014", "since March 2015": a count over the time since then
_SINCE_YEAR = re.compile(r"\bsince\s+(?:(?:" + "|".join(sorted(_MONTHS)) + r")\s+)?(?:19|20)\d\d\b", re.I)
#: "across Mali, Burkina Faso and Niger": a count over a list of named places
_ACROSS_LIST = re.compile(
    r"\bacross\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*"
    r"(?:,\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)*,?\s+and\s+[A-Z]"
)
_PERIOD = re.compile(
    r"\b(?:over|in|during|for|within)\s+the\s+(?:past|last|previous)\s+(?:(?:\w+|\d+)\s+)?(years?|decades?|months)\b",
    re.I,
)


def aggregate(sent: Span) -> bool:
    """The sentence sums events over a long period or many places (codebook: not an event)."""
    low = sent.text.lower()
    if any(p in low for p in _words("aggregate_phrases")):
        return True
    return any(p.search(sent.text) for p in (_YEAR_SPAN, _PERIOD, _SINCE_YEAR, _ACROSS_LIST))


def _repeated(tok: Token) -> bool:
    """The clause counts its occurrences: "imprisoned more than 10 times", "shelled 5 times"."""
    verb = clause_verb(tok)
    for c in verb.children:
        if c.dep_ == "npadvmod" and c.lower_ == "times":
            for n in c.children:
                if n.dep_ == "nummod" and n.like_num:
                    try:
                        if int(n.text.replace(",", "")) >= 2:
                            return True
                    except ValueError:
                        return n.lower_ not in ("one", "a")
    return False


def not_used(tok: Token) -> bool:
    """The cue names no occurrence: a weapon that is made or stored ("manufacture chemical weapons"),
    an event noun that only frames a time ("in the final days of battle"), or a bare plural that
    names an activity a side funds ("helped fund militia attacks")."""
    if tok.lemma_.lower() == "fight" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("campaign", "war", "insurgency") for c in tok.children
    ):
        return True  # "fought a methodical campaign": months of operations, not one clash
    head = tok.head
    if tok.dep_ == "conj":  # "planting mines and booby traps": the first conjunct's verb
        head = tok.head.head if tok.head.dep_ in ("dobj", "pobj") else tok.head
        tok = tok.head
    if tok.dep_ == "dobj" and head.lemma_.lower() in _words("weapon_making_verbs"):
        return True
    if tok.dep_ == "dobj" and head.lemma_.lower() in _words("weapon_laying_verbs"):
        went_off = _words("casualty_dead") | _words("casualty_hurt") | {"explode", "detonate", "go"}
        return not any(t.lemma_.lower() in went_off for t in (*tok.subtree, *head.children))
    frame = head.head
    if (
        tok.dep_ == "pobj"
        and head.lower_ == "of"
        and frame.lemma_.lower() in _words("time_frame_nouns")
        # "five hours of clashes" is the length of one clash; "eight weeks of fighting" is a war
        and not (frame.lemma_.lower() in ("hour", "day") and any(c.dep_ == "nummod" for c in frame.children))
    ):
        return True
    bare = tok.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("det", "nummod", "poss") for c in tok.children)
    return bare and tok.dep_ == "dobj" and head.lemma_.lower() in _words("sponsor_verbs")


def aggregate_cue(doc: Doc, cue: Cue) -> bool:
    """The cue itself counts many events ("more than 20 attacks", "numerous airstrikes")."""
    if _repeated(doc[cue.start : cue.end].root):
        return True
    root = doc[cue.end - 1]
    if root.tag_ in ("NNS", "NNPS") and sum(
        c.dep_ in ("compound", "nmod")
        and c.pos_ == "PROPN"
        and c.ent_type_ != "NORP"  # "Russian and Syrian air raids": two sides, one event
        and any(k.dep_ == "conj" for k in c.children)
        for c in root.children
    ):
        return True  # "the London and Manchester attacks": one noun for events at several places
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
