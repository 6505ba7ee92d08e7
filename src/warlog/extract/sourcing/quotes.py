"""Direct and indirect quotations and who speaks them.

Direct quotes are stretches between quotation marks (curly or straight). A quote left open at the
end of a paragraph continues when the next paragraph opens with a quotation mark (the newspaper
convention for quotes that span paragraphs); a mark that never closes ends its quote at the end of
the paragraph, so unbalanced marks never swallow the article. Short quoted stretches with no
reporting verb beside them are scare quotes (“foreign jihadi leader”) and are not quotes.

The speaker is the subject of the reporting verb next to the quote ("…,” he said; said X: “…”) or,
failing that, the speaker of a quote in the sentence before it. A pronoun speaker is resolved to the
nearest PERSON named before it. Indirect quotes are the clauses of reporting verbs ("X said that …").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ...nlp import doc_text
from ...types import Quote
from ...types import Span as CharSpan
from .chains import frames
from .cues import cues
from .phrases import Link, link_for

__all__ = ["find_quotes", "speaker_before"]

_OPEN = {"“": "”", "«": "»", '"': '"'}
_MIN_WORDS = 4  # shorter quoted stretches without a reporting verb are scare quotes
_PARA = re.compile(r"\n\s*\n")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _PARA.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _stretches(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted text (marks excluded), continued across paragraphs."""
    found: list[tuple[int, int]] = []
    open_at: int | None = None
    close = ""
    prev_end = 0
    for p_start, p_end in _paragraphs(text):
        i = p_start
        if open_at is not None and not (i < p_end and text[i] in _OPEN):
            found.append((open_at, _rstrip(text, open_at, prev_end)))  # never closed
            open_at = None
        elif open_at is not None:
            i += 1  # the quote goes on: "“" opening the next paragraph
        while i < p_end:
            ch = text[i]
            if open_at is None and ch in _OPEN and (ch != '"' or i == p_start or not text[i - 1].isalnum()):
                open_at, close = i + 1, _OPEN[ch]
            elif open_at is not None and ch == close:
                found.append((open_at, i))
                open_at = None
            i += 1
        prev_end = p_end
    if open_at is not None:
        found.append((open_at, _rstrip(text, open_at, len(text))))
    return [(s, e) for s, e in found if e > s]


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _speaker_verb(doc: Doc, start: int, end: int, size: int) -> Token | None:
    """The reporting verb right after or right before a quote."""
    c = cues()
    after = doc.char_span(end, min(size, end + 80), alignment_mode="expand")
    if after is not None:
        for t in after[:6]:
            if t.lemma_.lower() in c.report and t.pos_ in ("VERB", "AUX"):
                return t
            if t.is_punct and t.text in ".!?" and t.idx > end + 1:
                break
    before = doc.char_span(max(0, start - 60), start, alignment_mode="expand")
    if before is not None:
        for t in reversed(list(before)[-6:]):
            if t.lemma_.lower() in c.report and t.pos_ in ("VERB", "AUX"):
                return t
    return None


def _subject(verb: Token) -> Token | None:
    for ch in verb.children:
        if ch.dep_ in ("nsubj", "nsubjpass"):
            return ch
    return None


def speaker_before(doc: Doc, pos: int, *, person: bool = True) -> Link | None:
    """The nearest PERSON entity (``person``) or organisation before ``pos``, as a link."""
    for ent in reversed(doc.ents):
        if ent.end_char > pos:
            continue
        if (ent.label_ == "PERSON") if person else ent.label_ in ("ORG", "ACTOR"):
            link = link_for(ent.root)
            if link is not None and link.named:
                return link
    return None


def _resolve(link: Link | None, doc: Doc, pos: int) -> Link | None:
    if link is None or not link.pronoun:
        return link
    return speaker_before(doc, pos, person=link.person)


def _quote(link: Link | None, start: int, end: int, *, direct: bool) -> Quote:
    return Quote(
        speaker=link.name if link else None,
        speaker_span=CharSpan(link.start, link.end) if link else None,
        span=CharSpan(start, end),
        direct=direct,
    )


def find_quotes(doc: Doc, *, sents: list[Span] | None = None) -> list[Quote]:
    """Every direct quote (with its speaker when one is found) and every indirect quote, in text order.

    ``sents`` are ``doc``'s sentences when the caller has them already."""
    quotes: list[Quote] = []
    last: Link | None = None
    last_end = -1
    text = doc_text(doc)
    for start, end in _stretches(text):
        verb = _speaker_verb(doc, start, end, len(text))
        words = len(text[start:end].split())
        if verb is None and words < _MIN_WORDS:
            continue
        subj = _subject(verb) if verb is not None else None
        link = _resolve(link_for(subj), doc, start) if subj is not None else None
        if link is None and verb is None and last is not None and start - last_end < 400:
            link = last  # a quote that goes on after "…,” he said. “…”
        quotes.append(_quote(link, start, end, direct=True))
        if link is not None:
            last, last_end = link, end
    direct = [(q.span.start, q.span.end) for q in quotes]
    for sent in sents if sents is not None else list(doc.sents):
        for verb in frames(sent, None):
            clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
            if clause is None:
                continue
            left, right = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text)
            if any(s <= left < e for s, e in direct):
                continue
            subj = _subject(verb)
            link = _resolve(link_for(subj), doc, left) if subj is not None else None
            quotes.append(_quote(link, left, right, direct=False))
    return sorted(quotes, key=lambda q: (q.span.start, not q.direct))
