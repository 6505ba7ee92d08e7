"""How sure the article is of an event: ``asserted``, ``attributed`` or ``hedged``
(shared/contract/CODEBOOK.md section 3), and who in the article disputes it.

- A hedge in the event's sentence ("reportedly", "may have", "is believed to", "by some
  accounts"), or a hedging reporting verb framing it ("X claimed ...", "which claims to show"),
  makes it ``hedged``.
- A verification disclaimer later in the article ("The report could not be independently
  confirmed") hedges the attributed events before it; one about "the claim" only the sentence
  that makes the claim.
- A denial by a party outside the event's chain ("The ministry denied the report", "... were
  false, the spokesman said") that is about the event adds that party to ``disputed_by`` and
  hedges the event.
- Otherwise an event with a source is ``attributed``, one without is ``asserted``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .chains import frames, sentence_chain, subjects
from .cues import cues
from .phrases import Link

__all__ = ["Disclaimer", "denials", "disclaimers", "hedged_sentence"]

_DISCLAIMER_BACK = 6  # sentences a disclaimer about "the report" reaches back
_DENIAL_WINDOW = 6
_EVENT_NOUNS = {
    "attack",
    "strike",
    "raid",
    "bombing",
    "killing",
    "massacre",
    "shelling",
    "report",
    "reports",
    "claim",
    "claims",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "responsibility",
    "involvement",
    "account",
    "incident",
    "story",
}


def _low(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def hedged_sentence(sent: Span, trigger: Token | None) -> bool:
    """Whether ``sent`` hedges the event at ``trigger``."""
    c = cues()
    low = _low(sent.text)
    if any(p in low for p in c.hedge_phrases):
        return True
    if any(t.lower_ in c.hedge_words for t in sent):
        return True
    for verb in frames(sent, trigger):
        if verb.lemma_.lower() in c.hedging_report:
            return True
    if trigger is not None:  # "a video ... which claims to show ...", "appears to have"
        for a in trigger.ancestors:
            if a.lemma_.lower() in c.hedging_report | c.seeming and a.pos_ == "VERB":
                return True
    return False


class Disclaimer:
    """A sentence that says something could not be verified, and what it reaches back to."""

    def __init__(self, index: int, *, claim_only: bool) -> None:
        self.index = index
        self.claim_only = claim_only

    def covers(self, i: int, *, attributed: bool, sents: list[Span]) -> bool:
        if not 0 < self.index - i <= _DISCLAIMER_BACK and i != self.index:
            return False
        if self.claim_only:
            return self.index - i == 1 and any(t.lemma_ == "claim" for t in sents[i])
        return attributed or self.index - i <= 1


def disclaimers(sents: list[Span]) -> list[Disclaimer]:
    """The verification disclaimers of an article."""
    c = cues()
    out = []
    for i, sent in enumerate(sents):
        low = _low(sent.text)
        if not any(p in low for p in c.disclaimers):
            continue
        subjects = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass")]
        claim_only = bool(subjects) and subjects[0].lemma_.lower() in ("claim", "claims")
        out.append(Disclaimer(i, claim_only=claim_only))
    return out


def denials(sents: list[Span], i: int, trigger: Token | None, chain: list[Link]) -> list[Link]:
    """Parties near sentence ``i`` that deny the event at ``trigger`` or the account of it."""
    c = cues()
    lemma = trigger.lemma_.lower() if trigger is not None else ""
    found: list[Link] = []
    for j in range(max(0, i - _DENIAL_WINDOW), min(len(sents), i + _DENIAL_WINDOW + 1)):
        sent = sents[j]
        denying = [t for t in sent if t.lemma_.lower() in c.denial and t.pos_ == "VERB"]
        false = [t for t in sent if t.lower_ in c.denial_words and t.pos_ in ("ADJ", "NOUN")]
        if not denying and not false:
            continue
        words = {t.lemma_.lower() for t in sent}
        if lemma not in words and not words & _EVENT_NOUNS:
            continue
        speakers: list[Link] = []
        for verb in denying:
            speakers.extend(subjects(verb))
        if false:  # "... were false, the spokesman said"
            speakers.extend(sentence_chain(sent)[-1:])
        for link in speakers:
            if not any(link.name == x.name for x in chain) and not any(link.name == x.name for x in found):
                found.append(link)
    return found
