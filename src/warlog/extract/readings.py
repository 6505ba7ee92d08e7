"""How a cue word is used in its sentence: for an occurrence, or for something else.

Each predicate reads one cue's token and the parse around it and says that the word, though in
the trigger lexicon, does not report an occurrence there: a weapon that names a place or belongs
to a battle, a figurative "blow up", a participle that describes a side.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import lexicon
from .triggers import Cue, clause_verb

__all__ = [
    "describes_its_patient",
    "descriptive",
    "figurative",
    "in_fighting",
    "names_place",
    "with_small_arms",
]


def names_place(tok: Token) -> bool:
    """The word qualifies a place noun ("a rocket-launching site", "the gas attack town") or names
    a place by its past in an apposition ("the town of X, site of a gas attack")."""
    if tok.dep_ in ("compound", "amod", "nmod") and tok.head.lemma_.lower() in lexicon().words("place_nouns"):
        return True
    prep = tok.head
    return (
        tok.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.lemma_.lower() in ("site", "scene")
        and prep.head.dep_ == "appos"
    )


def in_fighting(tok: Token, cues: list[Cue]) -> bool:
    """The weapon belongs to a battle the sentence reports ("clashes with mortars", "fighting
    that included artillery")."""
    clash = {c.start for c in cues if c.sub_event_type == "Armed clash" and c.role == "event"}
    if any(a.i in clash and a.pos_ == "NOUN" for a in tok.ancestors):
        return True
    obj = tok.head if tok.dep_ == "conj" else tok
    return bool(clash) and obj.dep_ == "dobj" and obj.head.lemma_.lower() in ("include", "involve")


def with_small_arms(tok: Token) -> bool:
    """Small arms named in the weapon's own clause ("attacked with machine guns, grenades and
    mortars"): a ground assault."""
    arms = lexicon().words("small_arms")
    if tok.dep_ in ("amod", "compound", "nmod"):
        tok = tok.head  # "rocket-propelled grenades"
    verb = clause_verb(tok)
    for t in verb.subtree:
        if t.pos_ != "NOUN" or clause_verb(t).i != verb.i:
            continue
        words = {t.lemma_.lower(), t.lower_}
        words |= {f"{c.lemma_.lower()} {t.lemma_.lower()}" for c in t.children if c.dep_ == "compound"}
        if words & arms:
            return True
    return False


def figurative(root: Token, cue: Cue, cues: list[Cue]) -> bool:
    """ "The plan blew up in their faces": "blow up" with neither an object nor an explosive
    (or a vehicle carrying one) as its subject is figurative."""
    if root.lemma_.lower() != "blow" or cue.end - cue.start < 2:
        return False
    if any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in root.children):
        return False
    subj = [c for c in root.children if c.dep_ == "nsubj"]
    if not subj:
        return False
    armed = {
        t for c in cues if c.role in ("instrument", "event") and c is not cue for t in range(c.start, c.end)
    }
    return not any(t.i in armed or t.lemma_.lower() in _WEAPON_HOLDERS for s in subj for t in s.subtree)


#: subjects that blow up because of the explosives they carry or hold
_WEAPON_HOLDERS = {
    "car", "vehicle", "truck", "bus", "bomber", "attacker", "device", "depot", "he", "she", "they",
    "himself", "herself", "themselves", "man", "woman", "militant", "fighter",
}  # fmt: skip


def descriptive(root: Token, cue: Cue) -> bool:
    """ "The fighters still fighting there", "troops fighting the rebels": a participle that says
    what a side does, not an occurrence."""
    if root.lemma_.lower() != "fight" or root.tag_ != "VBG":
        return False
    if root.dep_ == "conj" and root.head.pos_ == "ADJ":
        return True  # "fighters still alive and fighting there": a state, beside an adjective
    return root.dep_ in ("acl", "amod") and root.head.pos_ in ("NOUN", "PROPN")


def describes_its_patient(root: Token) -> bool:
    """ "The men who were detained here": a passive relative clause that qualifies its own patient
    says who they are, not that an arrest happened; a date of its own ("the men who were detained
    on Monday") makes it an occurrence again. A bare participle is not enough: headlines report
    arrests so ("14 foreigners arrested granted bail")."""
    verb = root if root.pos_ in ("VERB", "AUX") else root.head
    if verb.dep_ != "relcl" or verb.tag_ != "VBN":
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)
