"""Attribution chains inside one sentence, outermost voice first.

Read from the dependency parse, with surface fallbacks for the parses a small model gets wrong:

- reporting frames that govern the event or frame its clause: "X said", "..., X said.",
  "said X" (inverted), "X told Y" (Y, a medium, is the outer voice), "was told by X" (passive);
- "according to X", "by some accounts";
- extensions of a chain: "citing Y", "quoting Y", "is sourced to Y", "heard it from Y",
  "which in turn heard ... from Z", "a video published by Amaq";
- a relative pronoun speaker ("Hamza, who said ...") is its antecedent.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from .cues import cues
from .phrases import Link, link_for, norm

__all__ = ["frames", "sentence_chain", "subjects"]

_SUBJ = ("nsubj", "csubj", "expl")
_CLAUSE_LINKS = ("ROOT", "conj", "parataxis", "ccomp", "advcl", "xcomp")


def _conjuncts(tok: Token) -> list[Token]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            out.extend(_conjuncts(c))
        elif c.dep_ == "appos" and c.pos_ == "NOUN" and any(g.dep_ == "conj" for g in c.children):
            out.extend(_conjuncts(c))  # "a doctor and witnesses" parsed as an apposition
    return out


def _links(toks: Iterable[Token]) -> list[Link]:
    out = []
    for t in toks:
        for c in _conjuncts(t):
            link = link_for(c)
            if link is not None:
                out.append(link)
    return out


def _label(tok: Token) -> bool:
    """A heading or dateline word such as "NIGER:" or "QAYYARAH, Iraq -" taken for a subject."""
    return (
        tok.i + 1 < len(tok.doc)
        and tok.nbor().text in (":", ",", "-")
        and tok.text.isupper()
        and len(tok) > 2
    )


def _is_report(tok: Token) -> bool:
    return tok.lemma_.lower() in cues().report and tok.pos_ in ("VERB", "AUX") and tok.lemma_ != "be"


def frames(sent: Span, trigger: Token | None) -> list[Token]:
    """Reporting verbs that frame the event at ``trigger`` (or the sentence), outermost first.

    Denials ("X denied that ...") frame nothing: their speaker disputes the claim
    (see :func:`.certainty.denials`)."""
    found = []
    denial = cues().denial
    ancestors = set() if trigger is None else {a.i for a in trigger.ancestors}
    for tok in sent:
        if (
            not _is_report(tok)
            or tok.lemma_.lower() in denial
            or (trigger is not None and tok.i == trigger.i)
        ):
            continue
        if trigger is None:
            ok = tok.dep_ in _CLAUSE_LINKS and (tok.dep_ == "ROOT" or tok.head.dep_ == "ROOT")
        elif tok.i in ancestors:
            ok = True
        else:
            inside = trigger in tok.subtree
            ok = (
                not inside
                and tok.dep_ in _CLAUSE_LINKS
                and (tok.dep_ == "ROOT" or tok.head.i in ancestors or tok.head.i == trigger.i)
            )
            if (
                ok
                and tok.dep_ == "advcl"
                and any(c.lower_ in ("when", "after", "before", "as") for c in tok.children)
            ):
                ok = False  # "... when the man told them": a time clause, not an attribution
        if ok:
            found.append(tok)
    return sorted(found, key=lambda t: (len(list(t.ancestors)), t.i))


def subjects(verb: Token) -> list[Link]:
    """The speakers of ``verb``: its subjects and their conjuncts, a relative pronoun's antecedent."""
    found = [t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass") and not _label(t)]
    heads = [verb.head if t.lower_ in cues().relative_pronouns and verb.dep_ == "relcl" else t for t in found]
    return _links(heads)


def _subject_before(verb: Token, sent: Span) -> list[Token]:
    """A subject the parser missed in "..., a doctor and witnesses told X": the nouns between
    the last comma and the verb whose heads lie outside that stretch."""
    doc = verb.doc
    i = verb.i - 1
    start = sent.start
    while i >= start and doc[i].text != ",":
        if (doc[i].is_punct and doc[i].text not in "\"“”'") or verb.i - i > 12:
            return []
        i -= 1
    if i < start:
        return []
    inside = range(i + 1, verb.i)
    return [
        t
        for t in doc[i + 1 : verb.i]
        if t.pos_ in ("NOUN", "PROPN") and (t.head.i not in inside or t.dep_ in ("conj", "appos"))
    ]


def _recipients(verb: Token) -> list[Token]:
    out = [
        c
        for c in verb.children
        if c.dep_ in ("dobj", "dative", "iobj", "npadvmod") and c.pos_ in ("PROPN", "NOUN")
    ]
    return [c for c in out if c.lower_ not in ("that", "reporters", "journalists")]


def _extensions(tok: Token, seen: set[int]) -> list[Link]:
    """Links added inward by the verbs under ``tok``: citing Y, sourced to Y, heard from Y."""
    c = cues()
    out: list[Link] = []
    for d in tok.subtree:
        if d.i in seen:
            continue
        lemma = d.lemma_.lower()
        if lemma in c.citing and d.pos_ == "VERB":
            seen.add(d.i)
            out.extend(_links(x for x in d.children if x.dep_ in ("dobj", "pobj")))
        elif lemma in c.sourcing | c.hearing and d.pos_ == "VERB":
            # "sourced to Y", "heard (the story) from Y": the preposition may hang on the object
            near = [*d.children, *(g for x in d.children if x.dep_ == "dobj" for g in x.children)]
            preps = [x for x in near if x.dep_ in ("prep", "agent") and x.lower_ in ("to", "from", "by")]
            if lemma in c.hearing and not any(x.lower_ == "from" for x in preps):
                continue
            seen.add(d.i)
            for p in preps:
                out.extend(_links(x for x in p.children if x.dep_ == "pobj"))
    return out


def _frame_links(verb: Token, sent: Span) -> list[Link]:
    """The speakers of one reporting verb, a medium they told first: "X said", "said X",
    "X told Reuters", "Reuters was told by X", "..., a doctor and witnesses said"."""
    c = cues()
    subjects = [t for t in verb.children if t.dep_ in _SUBJ and not _label(t)]
    passive = [t for t in verb.children if t.dep_ == "nsubjpass"]
    agents = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    outer: list[Token] = []
    if agents:  # "was told by a commander", "was reported by X"
        subjects = agents
        outer = passive if verb.lemma_ in c.recipient else []
    elif passive and verb.lemma_ not in c.recipient:
        subjects = passive if any(p.lemma_.lower() in c.containers for p in passive) else []
    if verb.lemma_ in c.recipient and not agents:
        outer = _recipients(verb)
    resolved = [
        verb.head if s.lower_ in c.relative_pronouns and verb.dep_ == "relcl" else s for s in subjects
    ]
    if not resolved and not passive and not agents:
        resolved = _subject_before(verb, sent)
    # the one told is an outer voice only when it is a medium ("told Reuters", not "told his family")
    told = [x for x in _links(outer) if x.kind == "media" or (x.named and not x.person and x.kind is None)]
    speakers = _links(resolved)
    if any(t.lower_ in c.anonymity for t in verb.subtree):  # "..., speaking on condition of anonymity"
        for x in speakers:
            x.kind = x.kind if x.named else "anonymous"
    return told + speakers


def sentence_chain(sent: Span, trigger: Token | None = None) -> list[Link]:
    """The chain stated in ``sent`` for the event at ``trigger``, outermost first (unresolved:
    pronouns and descriptions are resolved against the article by :mod:`.resolve`)."""
    c = cues()
    chain: list[Link] = []
    seen: set[int] = set()
    for tok in sent:  # "according to X", "by some accounts"
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            chain.extend(_links(p for p in tok.nbor().children if p.dep_ == "pobj"))
        elif tok.lower_ == "by" and tok.dep_ == "prep":
            objs = [p for p in tok.children if p.dep_ == "pobj" and p.lemma_ == "account"]
            chain.extend(_links(objs))
    for tok in sent:  # "there were reports on social media", "a video published by Amaq shows"
        if (
            tok.lemma_.lower() in c.containers
            and tok.dep_ in ("nsubj", "attr", "nsubjpass")
            and (
                tok.head.dep_ == "ROOT"
                and (trigger is None or tok.head.i in {a.i for a in trigger.ancestors})
            )
        ):
            link = link_for(tok)
            if link is not None and link.head != tok.i:
                chain.append(link)
    for verb in frames(sent, trigger):
        chain.extend(_frame_links(verb, sent))
        chain.extend(_extensions(verb, seen))
    for tok in sent:  # "X's report is sourced to Y, which in turn heard it from Z"; "citing Y"
        if tok.i in seen:
            continue
        lemma = tok.lemma_.lower()
        if lemma in c.sourcing and tok.pos_ == "VERB":
            subj = [t for t in tok.children if t.dep_ in ("nsubj", "nsubjpass")]
            chain.extend(_links(subj))
            chain.extend(_extensions(tok, seen))
        elif lemma in c.citing and tok.pos_ == "VERB" and chain:
            chain.extend(_extensions(tok, seen))
    return _dedupe(chain)


def _dedupe(chain: list[Link]) -> list[Link]:
    """The chain without repeated names (the first mention stays)."""
    out: list[Link] = []
    keys: set[str] = set()
    for link in chain:
        key = norm(link.name)
        if key and key not in keys:
            keys.add(key)
            out.append(link)
    return out
