"""Parts of a web article's text that are page furniture, not prose: keyword lists.

News sites print the article's tags ("Tags Syria Aleppo airstrikes Russia") between the standfirst
and the body or after the body. Once the page is flattened to text they run into the next sentence,
with no punctuation. Their names are the topics of the outlet's archive, not where the story
happened, and their words ("airstrikes", "Suicide Attack") are index terms, not reports: an event's
place, the article's focus and event cues are not taken from them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

__all__ = ["keyword_lists"]

#: Words that open a keyword list when they stand at a sentence's start ("Tags:", "Keywords").
_OPENERS = {"tags", "tag", "keywords", "topics"}
#: Capitalised words that open a sentence, never a tag: a list ends before them ("... Aleppo At
#: least six children were killed", "... Idlib The brigade announced"). Determiners, numbers and
#: the quantity words that lead casualty sentences.
_SENTENCE_OPENERS = {
    "a", "an", "the", "at", "more", "hundreds", "dozens", "thousands", "scores", "several", "some",
    "many", "this", "these", "those", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "eleven", "twelve", "fifteen", "sixteen", "twenty", "thirty", "forty", "fifty",
}  # fmt: skip
#: Most words a keyword list may hold (past this, the text is prose that happens to begin "Tags");
#: the default of ``[extract] keyword_list_words`` (see settings.toml).
MAX_KEYWORDS = 40


def _opens_list(tok: Token) -> bool:
    if tok.lower_.rstrip(":") not in _OPENERS or not tok.text[:1].isupper():
        return False
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    # at a sentence's start (after a full stop, a number or a line break), names following
    starts = (
        prev is None or prev.text in (".", "!", "?", ":", "|") or prev.like_num or "\n" in prev.whitespace_
    )
    return bool(starts and nxt is not None and nxt.is_alpha and nxt.pos_ in ("PROPN", "NOUN", "ADJ"))


def _finite(tok: Token) -> bool:
    """A verb that heads a clause: past tense, plural present, or with an auxiliary."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    return tok.tag_ in ("VBD", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in tok.children)


def _clause_start(doc: Doc, start: int, verb: Token) -> int:
    """Where the sentence whose ``verb`` follows a keyword list begins: at the verb's subject when
    the parse found one, else at the noun before the first preposition ("... Airstrikes in
    opposition areas ... struck"), else at the verb; with the noun's own modifiers."""
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and start < c.i < verb.i]
    if subj and subj[0].left_edge.i > start:
        return subj[0].left_edge.i
    adp = next((t for t in doc[start + 1 : verb.i] if t.pos_ == "ADP"), None)
    head = subj[0] if subj else (doc[adp.i - 1] if adp is not None and adp.i - 1 > start else verb)
    end = head.i
    # the head's own modifiers ("Russian warplanes", "regime airstrikes"), not the names before them
    while end - 1 > start and doc[end - 1].dep_ in ("amod", "compound") and doc[end - 1].pos_ != "PROPN":
        end -= 1
    return end


def _list_end(doc: Doc, start: int, most: int) -> int:
    """Token index just past the keyword list that begins at ``start`` (the word after "Tags");
    ``start`` when the words that follow are no list (prose that happens to begin "Tags")."""
    for i in range(start + 1, min(len(doc), start + most)):
        tok, prev = doc[i], doc[i - 1]
        if "\n" in prev.whitespace_ or prev.text in (".", "!", "?"):
            return i  # a line break or full stop ends it
        if tok.text[:1].isupper() and (tok.lower_ in _SENTENCE_OPENERS or tok.like_num):
            return i  # "... Aleppo At least six children were killed"
        if _finite(tok):
            return _clause_start(doc, start, tok)
    return len(doc) if len(doc) <= start + most else start


def keyword_lists(doc: Doc, *, most: int = MAX_KEYWORDS) -> list[tuple[int, int]]:
    """Character ranges of the keyword lists of ``doc`` ("Tags ..."), the opening word included."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if _opens_list(tok):
            end = _list_end(doc, i + 1, most)
            if end > i + 1:
                last = doc[end - 1]
                out.append((tok.idx, last.idx + len(last.text)))
                i = end
                continue
        i += 1
    return out
