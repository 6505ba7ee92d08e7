"""Actors: canonical names for the mentions around an event, and who did what to whom.

Named actors come from the actor ruler (``ACTOR`` entities whose ``ent_id_`` is the canonical
name). Generic mentions ("gunmen", "Iraqi soldiers", "regime warplanes", "civilians") map to
ACLED-style names with the country from a demonym in the phrase, else the article's country.
Roles follow the dependency structure: the active subject or the passive agent ("were killed
by X") acts (actor1); the object, the passive subject or "on/against X" is the target (actor2).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .components import ACTOR_LABEL
from .lexicon import lexicon

__all__ = ["ActorMention", "ActorResolver", "Roles"]

#: ethnic and sectarian adjectives: forces so qualified are not the state's ("Kurdish forces" in
#: Iraq are the Peshmerga, in Syria the YPG), so a generic "forces" with one names no actor
_IDENTITY = frozenset(
    {
        "kurdish",
        "sunni",
        "shiite",
        "shia",
        "shi'ite",
        "arab",
        "turkmen",
        "yazidi",
        "tribal",
        "druze",
        "alawite",
    }
)
#: verbs of shooting, whose "at" names the target ("fired at the convoy", "shooting back at troops")
_FIRE_VERBS = frozenset({"fire", "shoot"})
#: verbs of taking ground, whose "from" names the side that lost it ("recaptured X from IS")
_TAKE_VERBS = frozenset(
    {"capture", "recapture", "seize", "take", "retake", "wrest", "liberate", "free", "drive"}
)

#: generic words that, in an article about one named jihadist group, mean that group (codebook §4:
#: "'jihadis' in context"); "gunmen", "militia" or "armed men" stay unidentified
_JIHADI = {"jihadist", "jihadi", "militant", "extremist", "terrorist", "fighter", "insurgent"}
_SHORT = {"us", "uk", "uae", "drc", "u.s.", "u.k.", "u.s"}


@dataclass(frozen=True)
class ActorMention:
    """A canonical actor found at characters ``[start, end)``; ``kind`` from the dictionary."""

    name: str
    kind: str
    start: int
    end: int


@dataclass
class Roles:
    """The two sides of an event."""

    actor1: ActorMention | None = None
    actor2: ActorMention | None = None


_NP_DEPS = {
    "compound",
    "amod",
    "nmod",
    "poss",
    "det",
    "nummod",
    "appos",
    "case",
    "punct",
    "quantmod",
    "npadvmod",
}


def _phrase_tokens(head: Token) -> list[Token]:
    """The noun phrase of ``head``: its modifiers and "of X", not its other prepositional phrases
    ("the attack on Iraqi troops" names the target, not the attacker)."""
    out = [head]
    stack = [head]
    while stack:
        cur = stack.pop()
        for c in cur.children:
            take = (
                c.dep_ in _NP_DEPS
                or (c.dep_ == "prep" and c.lower_ in ("of", "from"))
                or (c.dep_ == "pobj" and cur.dep_ == "prep")
            )
            if take:
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


class ActorResolver:
    """Maps noun phrases of one Doc to canonical actors (built per article)."""

    def __init__(self, doc: Doc, *, country: str | None) -> None:
        lex = lexicon()
        self.doc = doc
        self.country = country
        self.generic: dict[str, str] = {}
        for kind, words in lex.cues["generic_actors"].items():
            for w in words:
                self.generic.setdefault(w.lower(), kind)
        self.combatants = lex.words("combatant_nouns")
        self.ents = list(doc.ents)
        self.actor_ents = [e for e in self.ents if e.label_ == ACTOR_LABEL and e.ent_id_ in lex.actors]
        self.ent_at = {i: e for e in self.actor_ents for i in range(e.start, e.end)}
        # the article's dominant named non-state actor: "jihadists" in an ISIS story are ISIS
        counts: Counter[str] = Counter(
            e.ent_id_
            for e in doc.ents
            if e.label_ == ACTOR_LABEL
            and e.ent_id_ in lex.actors
            and lex.actors[e.ent_id_].kind in ("rebel",)
        )
        self.dominant_rebel = counts.most_common(1)[0][0] if counts else None

    def country_of(self, tokens: list[Token]) -> str | None:
        """A country pointed to by a demonym or name among ``tokens``."""
        words = lexicon().country_words
        for t in tokens:
            if _sponsor(t):
                continue  # "US-backed rebels" are no US force: their country is where they fight
            low = t.lower_
            if low in _SHORT and not t.text.isupper() and t.text not in ("U.S.", "U.S", "U.K."):
                continue
            if low in words:
                return words[low]
            if t.ent_type_ in ("GPE", "NORP") and low.rstrip("s") in words:
                return words[low.rstrip("s")]
        return None

    def _name(self, kind: str, country: str | None, *, acting: bool = True, word: str = "") -> str | None:
        lex = lexicon()
        code = country or self.country
        c = lex.countries.get(code) if code else None
        if kind == "state":
            return f"Military Forces of {c.forces}" if c else "Military Forces (country unknown)"
        if kind == "police":
            return f"Police Forces of {c.forces}" if c else "Police Forces (country unknown)"
        place = f" ({c.name})" if c else ""
        if kind == "rebel":
            return f"Opposition Rebels{place}"
        if kind == "unidentified":
            # "jihadists" in an article about one named group are that group, when they act
            if acting and self.dominant_rebel and word in _JIHADI:
                return self.dominant_rebel
            return f"Unidentified Armed Group{place}"
        if kind == "civilians":
            return f"Civilians{place}"
        if kind == "protesters":
            return f"Protesters{place}"
        if kind == "rioters":
            return f"Rioters{place}"
        return None

    def protesters(self, trigger: Token, verb: Token) -> ActorMention:
        """The side of a demonstration no named actor holds: *Protesters (country)*, at the
        clause's subject ("hundreds of people protested") or else the protest word itself."""
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        span = (
            (subj.left_edge.idx, subj.idx + len(subj))
            if subj is not None
            else (trigger.idx, trigger.idx + len(trigger))
        )
        name = self._name("protesters", None)
        assert name is not None
        return ActorMention(name, "protesters", *span)

    def of_phrase(self, head: Token, *, acting: bool = True, event_noun: bool = False) -> ActorMention | None:
        """The actor named by the noun phrase headed by ``head`` (None when it names none)."""
        lex = lexicon()
        # a named actor inside the phrase (not inside a prepositional attachment far to the right)
        toks = _phrase_tokens(head)
        for t in toks:
            if t.ent_type_ == ACTOR_LABEL:
                ent = self.ent_at.get(t.i)
                if ent is not None:
                    actor = lex.actors[ent.ent_id_]
                    return ActorMention(actor.name, actor.kind, ent.start_char, ent.end_char)
        mods = [t for t in toks if t.i < head.i] + [head]
        low = head.lower_
        phrase2 = " ".join(t.lower_ for t in mods[-2:])
        kind = self.generic.get(phrase2) or self.generic.get(low) or self.generic.get(head.lemma_.lower())
        if kind is None:
            # "regime airstrikes", "Russian jets": the modifier names the side
            for m in mods[:-1]:
                if m.lower_ in ("regime", "pro-regime", "government", "pro-government", "loyalist"):
                    kind = "state"
                    break
        if kind is None:
            country = self.country_of(mods[:-1]) if head.dep_ not in ("pobj",) or event_noun else None
            # "Iraqi soldiers", "Russian jets", and an event noun of a country: "Russian air strikes"
            if country and (event_noun or head.lemma_ in self.combatants | {"warplane", "jet"}):
                kind = "state"
        if kind is None:
            return None
        if kind == "state" and any(m.lower_ in _IDENTITY for m in mods[:-1]):
            return None  # "Kurdish forces", "Sunni fighters": not the state's, and no one group
        country = self.country_of(mods)
        if kind == "civilians" and country is None:
            country = self.country
        name = self._name(kind, country, acting=acting, word=head.lemma_.lower())
        if name is None:
            return None
        start = mods[0].idx
        return ActorMention(
            name, kind if kind != "unidentified" else "rebel", start, head.idx + len(head.text)
        )

    def roles(self, trigger: Token, verb: Token, victims: Token | None) -> Roles:
        """actor1/actor2 for an event whose trigger is ``trigger`` in the clause of ``verb``."""
        roles = Roles()
        a1: list[Token] = []
        a2: list[Token] = []
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        for c in verb.children:
            if c.dep_ == "nsubj" and not passive:
                a1.append(c)
            elif c.dep_ == "agent":
                a1.extend(p for p in c.children if p.dep_ == "pobj")
            elif c.dep_ == "nsubjpass" or c.dep_ == "dobj":
                a2.append(c)
            elif c.dep_ == "prep" and (
                c.lower_ in ("on", "against", "targeting")
                or (c.lower_ == "at" and verb.lemma_ in _FIRE_VERBS)
            ):
                a2.extend(p for p in c.children if p.dep_ == "pobj")  # "fired at the troops" too
        # "gunmen fired at a patrol, killing two soldiers": a participle's subject is its clause's head's
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in verb.children):
            a1 += [c for c in verb.head.children if c.dep_ == "nsubj"]
        # a weapon word modifying an event noun: "suicide bomb attacks on the troops" is the attack's
        if trigger.dep_ == "compound" and trigger.head.pos_ == "NOUN" and trigger.head != verb:
            trigger = trigger.head
        # a nominal trigger: "Russian air strikes on Idlib", "an attack by ISIS on the army"
        if trigger.pos_ in ("NOUN", "PROPN") and trigger != verb:
            own1 = [trigger]  # its own modifiers ("regime airstrikes") are tried through of_phrase
            for c in trigger.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    own1 = [p for p in c.children if p.dep_ == "pobj"] + own1
                elif c.dep_ == "prep" and c.lower_ in ("on", "against", "targeting"):
                    a2 = [p for p in c.children if p.dep_ == "pobj"] + a2
                elif c.dep_ == "acl":
                    for g in c.children:
                        if g.dep_ == "agent":
                            own1 = [p for p in g.children if p.dep_ == "pobj"] + own1
            if trigger.dep_ in ("nsubj",) and trigger.head == verb:
                a1 = own1 + [t for t in a1 if t != trigger]
            else:
                a1 = own1 + a1
        # the other side of a clash: "rebels were killed in clashes with regime troops"
        sides: list[Token] = []
        for c in trigger.children:
            if c.dep_ == "prep" and c.lower_ in ("with", "between"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        sides += [p, *p.conjuncts]
        if passive and sides:
            a1 = sides + a1
        elif sides:
            a1 = a1 + sides[:1]  # "fighting between the SDF and IS": with no subject, the first side
        # "recaptured the town from IS": the side that lost it (before the place taken)
        if verb.lemma_.lower() in _TAKE_VERBS:
            froms = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"]
            a2 = [p for c in froms for p in c.children if p.dep_ == "pobj"] + a2
        acting: Token | None = None
        for tok in a1:
            m = self.of_phrase(tok, event_noun=tok == trigger)
            if m is not None and m.kind != "civilians":
                roles.actor1, acting = m, tok
                break
        if not passive:
            # "troops clashed with IS fighters": the other side (never the one that acts)
            others = [self.of_phrase(t, acting=False) for t in sides]
            a2 = [t for t, m in zip(sides, others, strict=True) if m and m.name != _name(roles.actor1)] + a2
        # the phrase that acts is not also the target; when the event noun itself acts ("police
        # dispersed the protesters"), the clause's subject is the other side
        # (tokens compare by index: spaCy makes a new Token object on each access)
        at = acting.i if acting is not None else -1
        a2 = [t for t in a2 if t.i != at]
        if at == trigger.i:
            a2 += [t for t in a1 if t.i != at]
        for tok in a2 + ([victims] if victims is not None and victims.i != at else []):
            m = self.of_phrase(tok, acting=False)
            if m is not None and (
                roles.actor1 is None or m.name != roles.actor1.name or m.kind != "civilians"
            ):
                roles.actor2 = m
                break
        return roles

    def sentence_actors(self, sent: Span) -> list[ActorMention]:
        """Every named actor in ``sent``, in order."""
        lex = lexicon()
        return [
            ActorMention(e.ent_id_, lex.actors[e.ent_id_].kind, e.start_char, e.end_char)
            for e in self.actor_ents
            if sent.start <= e.start < sent.end
        ]

    def sentence_ents(self, sent: Span) -> list[Span]:
        """The entities (all labels) inside ``sent``."""
        return [e for e in self.ents if sent.start <= e.start < sent.end]


def _name(mention: ActorMention | None) -> str | None:
    return mention.name if mention is not None else None


#: words after "X-" that make X a sponsor, not the side itself ("Iran-backed militias")
_SPONSORED = frozenset(
    {
        "backed",
        "based",
        "allied",
        "affiliated",
        "linked",
        "supported",
        "sponsored",
        "trained",
        "funded",
        "armed",
    }
)


def _sponsor(tok: Token) -> bool:
    """``tok`` names who backs a side, not the side: "US-backed", "Iran-allied", "Turkey-based"."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ in _SPONSORED
