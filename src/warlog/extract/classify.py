"""Sub-event type decisions that need more than one cue: the codebook's guidance as rules.

- A generic violent verb ("killed", "shot", "attacked") is an *Attack* on civilians or an
  *Armed clash* between armed sides, by its target.
- A demonstration is *Peaceful*, *with intervention* (tear gas, dispersal, arrests), met with
  *excessive force* (deaths, serious injuries, live fire), or a *Violent demonstration* (the
  demonstrators riot, clash, burn or throw stones); violence by a mob or vigilantes against
  people is *Mob violence*.
- Explosions and killings of accidents and disasters (a boiler explosion, a plane crash, an
  earthquake) are not political violence: a weak cue in such a sentence is dropped.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .actors import Roles
from .casualties import Count
from .lexicon import lexicon
from .triggers import Cue

__all__ = [
    "accident",
    "conflict_context",
    "mob",
    "peaceful_takeover",
    "person_bomber",
    "protest_type",
    "resolve_violence",
    "topic_of",
]

_ATTACK_VERBS = {
    "execute", "execution", "behead", "beheading", "massacre", "murder", "assassinate", "assassination",
    "stab", "slaughter", "hang", "crucify", "decapitate", "slay", "gun", "mow", "purge",
}  # fmt: skip
#: killing words among them (a captive who is killed is the victim of an attack, not only abducted)
KILLING = {
    "execute", "execution", "behead", "beheading", "massacre", "murder", "assassinate", "assassination",
    "slaughter", "hang", "crucify", "decapitate", "slay", "kill", "killing",
}  # fmt: skip
_ARMED = {"state", "rebel", "political_militia", "identity_militia", "external"}


def _words(key: str) -> frozenset[str]:
    return lexicon().words(key)


def _has(sent: Span, key: str, *, nouns: bool = False) -> bool:
    """Any token of ``sent`` (lemma or form; only nouns if ``nouns``), or any multi-word entry of
    ``key``, occurs in it."""
    words = _words(key)
    if any(
        (t.lemma_.lower() in words or t.lower_ in words) and (not nouns or t.pos_ == "NOUN") for t in sent
    ):
        return True
    low = sent.text.lower()
    return any(" " in w and w in low for w in words)


def resolve_violence(cue: Cue, doc: Doc, roles: Roles, victims: Count | None, sent: Span) -> str:
    """*Attack* (on civilians) or *Armed clash* for a generic violent verb (codebook section 2)."""
    head = doc[cue.start : cue.end].root
    if _has(sent, "mob_words"):
        return "Mob violence"
    if head.lemma_.lower() in _ATTACK_VERBS or head.lower_ in _ATTACK_VERBS:
        return "Attack"
    if roles.actor2 is not None:
        if roles.actor2.kind == "civilians":
            return "Attack"
        if roles.actor2.kind in _ARMED:
            return "Armed clash"
    if victims is not None and victims.civilians is not None:
        return "Attack" if victims.civilians else "Armed clash"
    civ = _words("civilian_nouns")
    if any(t.lemma_.lower() in civ and t.pos_ == "NOUN" for t in sent):
        return "Attack"
    return "Armed clash" if roles.actor1 is not None and roles.actor1.kind in _ARMED else "Attack"


def protest_type(sent: Span, cues: list[Cue], dead: Count | None, hurt: Count | None) -> str:
    """The protest sub-event type of a sentence that reports a demonstration."""
    subs = {c.sub_event_type for c in cues}
    violent = "Violent demonstration" in subs or "Mob violence" in subs
    if not violent:
        # the demonstrators themselves act violently: "protesters clashed with / threw stones / torched"
        pv = _words("protest_violent")
        for t in sent:
            if t.lemma_.lower() in ("protester", "protestor", "demonstrator", "rioter", "crowd", "youth"):
                verb = t.head if t.dep_ == "nsubj" else None
                if verb is not None and verb.lemma_.lower() in pv:
                    violent = True
                    break
        if "Armed clash" in subs and any(
            t.lemma_.lower() in ("protester", "demonstrator", "rioter") for t in sent
        ):
            violent = True
        # the report calls the demonstration violent: "turned violent", "outbreaks of violence"
        violent = violent or _riot_words(sent, cues)
    if violent:
        return "Violent demonstration"
    lethal = (
        "Excessive force against protesters" in subs
        or (dead is not None)
        # several wounded (or "dozens"): ACLED's "serious injuries"; one hurt protester may be a scuffle
        or (hurt is not None and (hurt.value is None or hurt.value >= 2))
    )
    if lethal:
        return "Excessive force against protesters"
    if "Protest with intervention" in subs or "Arrests" in subs:
        return "Protest with intervention"
    return "Peaceful protest"


_INTERVENTION = {"dispersal", "crackdown", "suppression", "disperse", "suppress", "repression", "response"}


def _riot_words(sent: Span, cues: list[Cue]) -> bool:
    """A riot word that is neither what the protest is about ("against gun violence") nor the
    police's action ("the violent dispersal")."""
    words = _words("protest_riot_words")
    protest = {
        i
        for c in cues
        if (c.sub_event_type or "").startswith(("Peaceful", "Protest"))
        for i in range(c.start, c.end)
    }
    for t in sent:
        if t.lemma_.lower() in words or t.lower_ in words:
            if topic_of(t, protest) or t.head.lemma_.lower() in _INTERVENTION:
                continue
            return True
    low = sent.text.lower()
    return any(" " in w and w in low for w in words)


def peaceful_takeover(sent: Span) -> bool:
    """The territory changed hands without fighting ("after government forces withdrew")."""
    return _has(sent, "peaceful_takeover_words")


def mob(sent: Span) -> bool:
    """A mob, vigilantes or angry residents act ("lynched by an angry mob")."""
    return _has(sent, "mob_words")


def accident(sent: Span) -> bool:
    """The sentence tells of an accident or a disaster (crash, boiler explosion, earthquake, test)."""
    return _has(sent, "accident_nouns", nouns=True)  # "a storm", not "stormed"


def conflict_context(sent: Span, ents: list[Span]) -> bool:
    """The sentence names an armed actor or a violent setting (for weak cues like "explosion")."""
    if any(e.label_ == "ACTOR" for e in ents):
        return True
    return _has(sent, "conflict_words")


def topic_of(tok: Token, protest_tokens: set[int]) -> bool:
    """``tok`` is what a demonstration is about ("rallies against the execution of ...")."""
    cur = tok
    through_clause = False  # reached through "against X", "over X", "demanding X", "following X"
    for _ in range(6):
        if cur.head == cur:
            return False
        through_clause |= cur.dep_ in ("prep", "pobj", "acl", "relcl", "xcomp", "advcl", "pcomp", "ccomp")
        cur = cur.head
        if cur.i in protest_tokens:
            return through_clause
    return False


def person_bomber(tok: Token) -> bool:
    """ "the bomber" is the person who set off a bomb, not an aircraft: a singular "bomber" with
    "the" and no aircraft name or nationality before it ("helping the bomber"; not "a Russian
    bomber", "the Tu-22 bomber", "bombers struck")."""
    if tok.lemma_.lower() != "bomber" or tok.tag_ == "NNS" or tok.text.lower().endswith("s"):
        return False
    dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
    modified = any(c.dep_ in ("compound", "amod", "nmod") for c in tok.children)
    return dets == ["the"] and not modified
