"""Parts of a sentence that tell another occurrence than the sentence's news.

"Six children were killed in rocket fire on Thursday, a day after air strikes on a school left 35
dead": the phrase "a day after ..." sets the news against an earlier occurrence. Its event words,
counts and places are that occurrence's, not the news's (CODEBOOK.md: one event per occurrence).
The phrase is marked by "after"/"following"/"since" with a time offset ("a day", "hours", "two
days"): "killed after air strikes hit" without an offset tells one occurrence in sequence.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon import lexicon

__all__ = ["BEFORE_WORDS", "does_harm", "earlier_phrases", "in_phrases", "toll_update_date"]

#: words that open a clause or phrase of an earlier occurrence the news is set against ("a day
#: after air strikes killed 35", "hours after a chemical attack", "two days following a bombing")
BEFORE_WORDS = frozenset({"after", "following", "since"})


def _offset(*toks: Token) -> bool:
    return any(c.dep_ == "npadvmod" for t in toks for c in t.children)


def earlier_phrases(sent: Span) -> list[tuple[int, int]]:
    """Token ranges ``[start, end)`` of the phrases of ``sent`` that tell an earlier occurrence:
    "a day after X" (the preposition's phrase, under its offset or holding it), "hours after X
    struck" (the clause it opens).
    A clause that is the whole sentence's root is never one (a parse that hangs the news on it)."""
    out: list[tuple[int, int]] = []
    for tok in sent:
        if tok.lower_ not in BEFORE_WORDS:
            continue
        if tok.dep_ == "prep" and (_offset(tok) or tok.head.dep_ == "npadvmod"):  # "a day" "after"
            head: Token = tok
        elif tok.dep_ == "mark" and tok.head.dep_ != "ROOT" and _offset(tok, tok.head):
            head = tok.head
        else:
            continue
        out.append((head.left_edge.i, head.right_edge.i + 1))
    for tok in sent:
        # "the town of X, where a gas attack took place last week"; "the square, scene of a massacre
        # in 2012": a place named by its past
        past = tok.dep_ == "appos" and tok.lemma_.lower() in ("site", "scene")
        if past or (tok.dep_ == "relcl" and _dated_earlier(tok)):
            out.append((tok.left_edge.i, tok.right_edge.i + 1))
    return out


#: words of a time expression that put it before the news ("last week", "two months ago", "earlier
#: this year", "the previous day"); "last night" is the news's own time in a morning report
_EARLIER_TIME = frozenset({"last", "ago", "earlier", "previous", "previously"})


def _dated_earlier(verb: Token) -> bool:
    """A relative clause dated before the news: "the town of X, where a gas attack took place last
    week" tells that attack, not the sentence's news."""
    doc = verb.doc
    for t in verb.subtree:
        if t.ent_type_ != "DATE" or t.lower_ not in _EARLIER_TIME:
            continue
        if t.lower_ == "last" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "night":
            continue
        return True
    return False


def in_phrases(i: int, phrases: list[tuple[int, int]]) -> bool:
    """Whether token index ``i`` lies inside one of ``phrases``."""
    return any(s <= i < e for s, e in phrases)


def does_harm(noun: Token) -> bool:
    """The event noun is the subject of a strike verb with an object: "the assault targeted rebel
    positions", "the blast struck the crossing" tell what an occurrence did, so that it happened
    (unlike "the assault on the city", a known operation referred back to)."""
    verb = noun.head
    return (
        noun.dep_ == "nsubj"
        and verb.lemma_.lower() in lexicon().one_word_terms("strike_verb")
        and any(c.dep_ == "dobj" for c in verb.children)
    )


#: verbs that report a change of a toll ("the toll rose to 23 on Wednesday")
_TOLL_VERBS = frozenset({"rise", "climb", "increase", "jump", "mount", "reach", "grow", "hit"})
_TOLL_NOUNS = frozenset({"toll", "number", "count", "tally"})


def toll_update_date(trigger: Token, date_start: int) -> bool:
    """The date at ``date_start`` (a character offset) dates a toll's update, not the event: the
    trigger sits in the subject of "rose"/"climbed" whose subject is a toll ("The toll from a car
    bombing rose to 23 on Wednesday": the bombing may be a day older)."""
    doc = trigger.doc
    span = doc.char_span(date_start, date_start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    date_tok = span[0]
    verb = date_tok
    while verb.dep_ not in ("ROOT",) and verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if verb.lemma_.lower() not in _TOLL_VERBS:
        return False
    for subj in verb.children:
        if subj.dep_ in ("nsubj", "nsubjpass") and subj.lemma_.lower() in _TOLL_NOUNS:
            inside = range(subj.left_edge.i, subj.right_edge.i + 1)
            # "the toll from Saturday's bombing rose": a date inside the subject is the event's
            return trigger.i in inside and date_tok.i not in inside
    return False
