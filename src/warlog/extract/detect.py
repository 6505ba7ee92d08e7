"""Event mentions: one sentence's cues turned into typed, filtered mentions with their fields.

A sentence yields at most one mention per *bucket*: political violence (battles, explosions,
attacks on civilians, territory), abduction, sexual violence, demonstrations, and each kind of
strategic development; an earlier occurrence it sets its news against ("... a day after air
strikes on X", see ``clauses.py``) is a mention of its own, with its own count and place.
Inside a bucket the most specific cue wins (priorities in ``triggers.json``). Cues that are
negated, hypothetical, planned, predicted or asked about are dropped first, and so are sentences
that sum events over years (``triggers.aggregate``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..nlp import doc_text
from ..types import EVENT_TYPE_OF, PlaceMention
from . import classify
from .actors import ActorMention, ActorResolver, Roles
from .casualties import Count, sentence_casualties
from .clauses import does_harm, earlier_phrases, in_phrases, toll_update_date
from .dates import EventDate, sentence_dates
from .lexicon import lexicon
from .location import pick_place, sentence_places
from .readings import (
    describes_its_patient,
    descriptive,
    figurative,
    in_fighting,
    names_place,
    with_small_arms,
)
from .sourcing.chains import sentence_chain
from .triggers import Cue, aggregate, aggregate_cue, clause_verb, irrealis, negated, not_used

__all__ = ["Context", "Mention", "detect_mentions"]

_VIOLENT = {"Battles", "Explosions/Remote violence"}
_TERRITORY = {
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Non-violent transfer of territory",
}
_IED = "Remote explosive/landmine/IED"
_EXPLOSIONS = "Explosions/Remote violence"
#: "US-led", "Turkish-backed", "British-based": a place that qualifies a side, not the event's place
_AFFILIATION = {"led", "backed", "based", "held", "controlled", "allied", "run", "linked", "affiliated"}
_PROTEST_CUES = {
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
}
#: strategic developments that a violent event of the same sentence already explains
_ABSORBED = {
    "Looting/property destruction",
    "Disrupted weapons use",
    "Change to group/activity",
    "Other",
    "Headquarters or base established",
    "Arrests",
    "Agreement",
}


@dataclass
class Context:
    """What the detection of one article needs besides its cues."""

    places: list[PlaceMention]
    resolver: ActorResolver
    published: date | None
    sents: list[Span] = field(default_factory=list)
    skip_before: int = 0  # end of the dateline: no event date before it


@dataclass
class Mention:
    """One sentence's statement of an event, with every field it gives."""

    sent: Span
    trigger: Span
    sub_event_type: str
    explicit: bool  # the type came from a specific cue, not from a generic "killed"
    roles: Roles
    fatalities: Count | None = None
    injuries: Count | None = None
    date: EventDate | None = None
    place: PlaceMention | None = None
    earlier: bool = False  # told in an "a day after ..." phrase of another occurrence (clauses.py)

    @property
    def event_type(self) -> str:
        return EVENT_TYPE_OF[self.sub_event_type]


def _bucket(sub: str) -> str:
    main = EVENT_TYPE_OF[sub]
    if sub in _TERRITORY and sub != "Non-violent transfer of territory":
        return "territory"
    if sub == "Attack" or main in _VIOLENT:
        return "violent"
    if sub in ("Abduction/forced disappearance", "Sexual violence"):
        return sub
    if main in ("Protests", "Riots"):
        return "protest"
    return sub


def _casualty_tokens(cues: list[Cue], doc: Doc) -> list[tuple[Token, str]]:
    dead = lexicon().words("casualty_dead")
    out = []
    for c in cues:
        if c.role != "casualty":
            continue
        tok = doc[c.start : c.end].root
        out.append((tok, "dead" if tok.lemma_.lower() in dead or tok.lower_ in dead else "hurt"))
    return out


def _pick(counts: list[Count], kind: str, trigger: int) -> Count | None:
    """The sentence's count of ``kind``: an updated toll, else the numeric count nearest the trigger."""
    mine = [c for c in counts if c.kind == kind]
    numeric = [c for c in mine if c.value is not None]
    rose = [c for c in numeric if c.rose]
    if rose:
        return max(rose, key=lambda c: c.value or 0)
    if numeric:
        return min(numeric, key=lambda c: (abs(c.start - trigger), -(c.value or 0)))
    return mine[0] if mine else None


_STATE = {"state", "external"}
_GRT = "Government regains territory"
_CONTESTED = {_GRT, "Non-state actor overtakes territory"}


def _by_actor(sub: str, cue: Cue, root: Token, roles: Roles, *, own: bool) -> str:
    """Types that depend on who acts: state forces' "bombing" is from the air (non-state bombs are
    IEDs); any attack by an air-campaign actor (coalition) is an air strike. The bombing rule needs
    the parse's own actor (``own``), not a side merely named elsewhere in the sentence."""
    a1 = roles.actor1
    if a1 is None:
        return sub
    actor = lexicon().actors.get(a1.name)
    if actor is not None and actor.mode == "air" and sub in ("Attack", "Armed clash", _IED):
        return "Air/drone strike"
    generic_bomb = cue.end - cue.start == 1 and root.lemma_.lower() in (
        "bombing",
        "bomb",
        "bombard",
        "bombardment",
    )
    if sub == _IED and generic_bomb and own and a1.kind in _STATE:
        return "Air/drone strike"
    return sub


def _generic(root: Token, verb: Token) -> bool:
    """A general statement about a kind of event: "suicide bombing is a sign of despair"."""
    if root.pos_ not in ("NOUN", "PROPN") or root.dep_ != "nsubj" or verb.lemma_ != "be":
        return False
    return verb.tag_ in ("VBZ", "VBP") or any(
        c.tag_ in ("VBZ", "VBP") for c in verb.children if c.dep_ == "aux"
    )


def _gloss(text: str, end: int) -> tuple[int, int]:
    """The parenthesis right after an actor's name, which glosses the actor ("Daesh (banned in
    Russia)", "the YPG (which Turkey calls terrorist)"): its places are not the event's. An empty
    range when there is none."""
    m = _GLOSS.match(text, end)
    return (m.start(), m.end()) if m else (end, end)


_GLOSS = re.compile(r"\s*\([^()]{1,120}\)")

#: verbs whose agent is who carried out an occurrence ("the attack was carried out by X")
_DONE_BY = frozenset({"carry", "conduct", "perpetrate", "launch", "stage", "commit", "claim", "execute"})


def _anchored(
    typed: list[Cue],
    dead: Count | None,
    when: EventDate | None,
    place: PlaceMention | None,
    roles: Roles,
    cue: Cue,
    root: Token,
) -> bool:
    """A nominal trigger ("the assault", "a deal") names one occurrence only when something pins it:
    a verb cue of the same sentence, a count, a date, what it hit, a place or a named side."""
    if any(c is not cue and c.role in ("event", "violence") and c.group.terms for c in typed):
        return True
    if dead is not None or when is not None or does_harm(root):
        return True
    # "the shelling was carried out by Daesh": the occurrence told already, now with who did it
    if roles.actor1 is not None and root.dep_ == "nsubjpass" and root.head.lemma_.lower() in _DONE_BY:
        return True
    # "the assault on Mosul", "this attack": a known operation referred back to, not a new occurrence
    if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in root.children):
        return False
    return place is not None or roles.actor1 is not None


def _has_place_object(
    verb: Token, trigger: Token, places: list[PlaceMention], cue_start: int, cue_end: int
) -> bool:
    """The territory cue has a place as its object ("seized the town", "took control of Sinjar")."""
    nouns = lexicon().words("place_nouns")
    heads = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "nsubj", "attr")]
    preps = [
        c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "into", "over", "to")
    ]
    heads += [p for c in preps for p in c.children if p.dep_ == "pobj"]
    if trigger != verb:
        heads.append(trigger)
    # the cue's own words ("took control of the ministry") are no place
    own = set(range(cue_start, cue_end))
    toks = [t for h in heads for t in h.subtree if t.i not in own]
    if any(t.lemma_.lower() in nouns for t in toks):
        return True
    spans = [(t.idx, t.idx + len(t.text)) for t in toks]
    return any(any(s <= pm.start < e for s, e in spans) for pm in places)


def detect_mentions(doc: Doc, cues: list[Cue], *, ctx: Context) -> list[Mention]:
    """Every event mention of ``doc``, in text order."""
    starts = [s.start for s in ctx.sents]
    by_sent: dict[int, list[Cue]] = {}
    for c in cues:
        by_sent.setdefault(bisect_right(starts, c.start) - 1, []).append(c)
    mentions: list[Mention] = []
    for k in sorted(by_sent):
        mentions.extend(_sentence(doc, ctx.sents[k], by_sent[k], ctx))
    return mentions


def _sentence(doc: Doc, sent: Span, cues: list[Cue], ctx: Context) -> list[Mention]:
    if aggregate(sent):
        return []
    valid = []
    tallies = {doc[c.start : c.end].root.i for c in cues if aggregate_cue(doc, c)}
    for c in cues:
        root = doc[c.start : c.end].root
        if negated(root) or irrealis(root, sent) or root.i in tallies or not_used(root):
            continue
        verb = clause_verb(root)
        if c.role == "violence" and verb.dep_ in ("relcl", "acl") and verb.head.i in tallies:
            continue  # "the raids, which killed 40": what a tally of events did
        if figurative(root, c, cues) or descriptive(root, c):
            continue
        if c.role in ("event", "violence") and root.pos_ in ("NOUN", "PROPN") and names_place(root):
            continue  # "the gas attack town", "the massacre site": a place named by its past
        if c.sub_event_type == "Arrests" and describes_its_patient(root):
            continue  # "the men who were detained here": who they are
        valid.append(c)
    # what a demonstration is about is not an event of this sentence ("rallies against the execution")
    protest_toks = {t for c in valid if c.sub_event_type in _PROTEST_CUES for t in range(c.start, c.end)}
    if protest_toks:
        valid = [
            c
            for c in valid
            if c.sub_event_type in _PROTEST_CUES - {"Excessive force against protesters"}
            or not classify.topic_of(doc[c.start : c.end].root, protest_toks)
        ]
    counts = sentence_casualties(sent, _casualty_tokens(valid, doc))
    actions = [c for c in valid if c.role in ("event", "violence", "strike_verb", "casualty")]
    disrupted = [c for c in valid if c.sub_event_type == "Disrupted weapons use" and not c.group.terms]
    typed: list[Cue] = []
    for c in valid:
        if c.role == "instrument" and in_fighting(doc[c.start : c.end].root, cues):
            continue  # "fighting that included mortars": the weapons of a battle, not another event
        if c.role == "instrument" and with_small_arms(doc[c.start : c.end].root):
            continue  # "attacked with machine guns and mortars": a ground assault
        if c.role == "instrument":
            # a weapon that is seized or found is no attack ("police seized grenades"); nor is one
            # that names a place ("a rocket-launching site", "a drone base")
            if (
                disrupted
                or not any(a.start != c.start for a in actions)
                or names_place(doc[c.start : c.end].root)
                or classify.person_bomber(doc[c.start : c.end].root)
            ):
                continue
        elif c.role not in ("event", "violence"):
            continue
        if disrupted and c.sub_event_type in _TERRITORY and any(d.start == c.start for d in disrupted):
            continue
        typed.append(c)
    if not typed:
        return []
    if disrupted:
        # a seized or found weapon: the violence words around it describe the weapon, not an attack
        typed = [c for c in typed if c.role != "violence" and "conflict" not in c.group.needs]
    protest = any(c.sub_event_type in _PROTEST_CUES and not c.group.needs for c in typed)
    typed = [c for c in typed if "protest" not in c.group.needs or protest]
    if not typed:
        return []
    accident = classify.accident(sent)
    ents = ctx.resolver.sentence_ents(sent)
    conflict = classify.conflict_context(sent, ents)
    kept = []
    for c in typed:
        weak = c.role in ("violence", "instrument") or "conflict" in c.group.needs
        if weak and accident:
            continue
        # a blast that kills or wounds people, no accident named: political violence (weak cues of
        # other kinds, "strike", still need an armed actor or a violent setting)
        deadly = c.sub_event_type == _IED and any(k.value for k in counts)
        if "conflict" in c.group.needs and not conflict and not deadly:
            continue
        kept.append(c)
    typed = kept
    best: dict[str, Cue] = {}
    earlier = earlier_phrases(sent)  # "... a day after air strikes on X": another occurrence's cues
    for c in typed:
        assert c.sub_event_type is not None
        b = _bucket(c.sub_event_type)
        if in_phrases(doc[c.start : c.end].root.i, earlier):
            b += "/earlier"
        if b not in best or c.prio > best[b].prio:
            best[b] = c
    # "the kidnapping and execution of four soldiers": captives who were killed are an attack
    abd, vio = best.get("Abduction/forced disappearance"), best.get("violent")
    if abd is not None and vio is not None and vio.sub_event_type == "Attack":
        a, v = doc[abd.start : abd.end].root, doc[vio.start : vio.end].root
        if a in v.conjuncts and v.lemma_.lower() in classify.KILLING:
            del best["Abduction/forced disappearance"]
    # territory changes absorb the fighting that won them
    vio = best.get("violent")
    if vio is not None and "territory" in best and vio.sub_event_type in ("Armed clash", "Attack"):
        del best["violent"]
    # a demonstration absorbs the violence and arrests around it (they fix its sub-event type)
    if "protest" in best:
        if "violent" in best and best["violent"].sub_event_type in ("Armed clash", "Attack"):
            del best["violent"]
        best.pop("Arrests", None)
        best.pop("Looting/property destruction", None)  # demonstrators who burn: a violent demonstration
    # "entered the district as fighting broke out": not a non-violent transfer
    if "violent" in best:
        best.pop("Non-violent transfer of territory", None)
    lead = min((best[b].start for b in ("violent", "territory") if b in best), default=None)
    if lead is not None:
        for b in list(best):
            if b in _ABSORBED and best[b].start > lead:
                del best[b]
    out = []
    for b, cue in best.items():
        bucket, _, other = b.partition("/")
        # the phrase's counts are its event's when the sentence tells both ("killed 6, a day after ...")
        split = bucket in best and bucket + "/earlier" in best
        part = [k for k in counts if not split or in_phrases(k.start, earlier) == bool(other)]
        dead, hurt = _pick(part, "dead", cue.start), _pick(part, "hurt", cue.start)
        m = _mention(
            doc,
            sent,
            cue,
            bucket,
            typed,
            (dead, hurt),
            ctx,
            [] if other else earlier,
            earlier if other else [],
        )
        if m is not None:
            m.earlier = bool(other)
            out.append(m)
    out.sort(key=lambda m: m.trigger.start)
    return out


def _mention(
    doc: Doc,
    sent: Span,
    cue: Cue,
    bucket: str,
    typed: list[Cue],
    casualties: tuple[Count | None, Count | None],
    ctx: Context,
    elsewhere: list[tuple[int, int]],
    within: list[tuple[int, int]],
) -> Mention | None:
    """The mention of ``cue``, or None when the sentence does not report it as an occurrence.
    ``elsewhere``: token ranges of phrases telling earlier occurrences (none of their places or
    dates are this mention's); ``within``: for a mention inside such a phrase, the phrases."""
    dead, hurt = casualties
    places, resolver = ctx.places, ctx.resolver
    trig = doc[cue.start : cue.end]
    root = trig.root
    verb = clause_verb(root)
    violent = bucket in ("violent", "territory")
    victims_tok = doc[dead.start] if violent and dead is not None else None
    if (
        victims_tok is not None
        and victims_tok.head.pos_ in ("NOUN", "PROPN")
        and victims_tok.dep_ == "nummod"
    ):
        victims_tok = victims_tok.head
    # for an instrument, the event's clause is the verb that uses it ("warplanes pounded")
    roles = resolver.roles(root, verb, victims_tok)
    sent_actors = resolver.sentence_actors(sent)
    own = roles.actor1 is not None
    if roles.actor1 is None and violent:
        # the sentence's first named actor that is not the target acts
        others = [a for a in sent_actors if roles.actor2 is None or a.name != roles.actor2.name]
        if others:
            roles.actor1 = others[0]
    sub = cue.sub_event_type
    assert sub is not None
    explicit = cue.role != "violence"
    if cue.role == "violence":
        sub = classify.resolve_violence(cue, doc, roles, dead, sent)
    sub = _by_actor(sub, cue, root, roles, own=own)  # the type agrees with the actor1 the event reports
    fought = any(
        c.role == "violence" or EVENT_TYPE_OF.get(c.sub_event_type or "") == _EXPLOSIONS for c in typed
    )
    if bucket == "territory" and not fought and classify.peaceful_takeover(sent):
        sub = "Non-violent transfer of territory"
    if sub in _CONTESTED and roles.actor1 is not None:
        known = lexicon().actors.get(roles.actor1.name)
        state_side = roles.actor1.kind in _STATE or (known is not None and known.side == "government")
        sub = _GRT if state_side else "Non-state actor overtakes territory"
    if bucket == "protest":
        sub = classify.protest_type(sent, typed, dead, hurt)
        if sub == "Violent demonstration" and classify.mob(sent):
            sub = "Mob violence"
    needs = cue.group.needs
    if "actor" in needs and roles.actor1 is None and not sent_actors:
        return None
    if "place_object" in needs and not _has_place_object(verb, root, places, cue.start, cue.end):
        return None
    if bucket == "protest" and roles.actor1 is None:
        roles.actor1 = resolver.protesters(root, verb)  # a demonstration's side is its protesters
    # places inside actor names ("US-led coalition", "Iraqi army") are not where the event happened
    exclude = [(a.start, a.end) for a in (roles.actor1, roles.actor2) if isinstance(a, ActorMention)]
    exclude += [(a.start, a.end) for a in sent_actors]
    exclude += [_gloss(doc_text(doc), a.end) for a in sent_actors]  # "Daesh (banned in Russia)"
    exclude += [(t.idx, t.idx + len(t)) for t in sent if t.i + 2 < len(doc) and doc[t.i + 1].text == "-"
                and doc[t.i + 2].lower_ in _AFFILIATION]  # fmt: skip
    # a place inside a source phrase ("a doctor at Raqqa hospital said") is not where it happened
    exclude += [(link.start, link.end) for link in sentence_chain(sent, root)]
    exclude += [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in elsewhere]  # another event's
    cands = sentence_places(sent, places, exclude=exclude, skip_before=ctx.skip_before)
    place = pick_place(doc, root, verb, cands)
    ents = resolver.sentence_ents(sent)
    dates = sentence_dates(sent, ctx.published, skip_before=ctx.skip_before, ents=ents)
    # the news takes no date of an earlier occurrence's phrase; that occurrence only its phrase's
    phrases = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in (within or elsewhere)]
    dates = [d for d in dates if any(s <= d.start < e for s, e in phrases) == bool(within)]
    when = None
    if dates:
        clause = list(verb.subtree if verb != root else root.subtree)
        lo, hi = min(t.idx for t in clause), max(t.idx + len(t) for t in clause)
        # a date of the trigger's own clause first, then the nearest one
        when = min(dates, key=lambda d: (not (lo <= d.start < hi), abs(d.start - trig.start_char)))
        if toll_update_date(root, when.start):
            when = None  # "the toll from the bombing rose on Wednesday": the update's day
    if _generic(root, verb) or (
        violent
        and cue.role != "instrument"  # an instrument is already tied to a verb ("helicopters dropped")
        and root.pos_ in ("NOUN", "PROPN")
        and not _anchored(typed, dead, when, place, roles, cue, root)
    ):
        return None
    return Mention(
        sent=sent,
        trigger=trig,
        sub_event_type=sub,
        explicit=explicit,
        roles=roles,
        fatalities=dead if violent or bucket == "protest" else None,
        injuries=hurt if violent or bucket == "protest" else None,
        date=when,
        place=place,
    )
