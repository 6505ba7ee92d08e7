"""Across sentences: who "he", "the network" and "a civil defence officer" are, and which later
sentence names the source of an earlier claim.

:class:`ArticleSources` parses every sentence's chain once per article and answers, for one
event's chain: pronouns resolved to the nearest fitting named source, definite descriptions to the
earlier source they describe, indefinite descriptions to the person the next sentences name
("a civil defence officer said. Lieutenant Colonel Amer Younis said ..."), and extensions stated
later ("The Mail's report is sourced to ARA News, which heard it from ...").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Span

from ...nlp import doc_text
from .chains import frames, sentence_chain
from .cues import cues
from .phrases import Link, clean_name, norm
from .quotes import speaker_before

__all__ = ["ArticleSources", "datelines", "same_source"]

#: "MOSUL, Iraq, March 14 (Tigris Wire) - ": a wire credit in a dateline opening a paragraph
_DATELINE = re.compile(r"(?:\A|\n\s*\n)\s*[A-Z][A-Z .'-]{1,40}(?:,[^()\n]{0,40})?\(([^()\n]{2,40})\)\s*[-–—]")
_NAME_AHEAD = 3  # sentences searched for the name of an unnamed speaker
_EXTEND_AHEAD = 4  # sentences searched for a later link of a chain
_BACK = 8  # sentences searched back for what a description refers to


def same_source(a: str, b: str) -> bool:
    """Whether two names are one source ("the UK Daily Mail" and "the Daily Mail").

    A name of two words or more also matches at the start of a word run together with the next
    one, as scraped text often has it ("Daily Mailthe")."""
    x, y = norm(a), norm(b)
    if not x or not y:
        return False
    if x == y or f" {x} " in f" {y} " or f" {y} " in f" {x} ":
        return True
    short, long = sorted((x, y), key=len)
    return " " in short and len(short) >= 6 and f" {short}" in f" {long}"


def datelines(text: str) -> list[tuple[int, Link]]:
    """The agencies credited in wire datelines, each with the offset where its credit ends
    (it covers the text from there on, up to the next dateline)."""
    out = []
    for m in _DATELINE.finditer(text):
        name = clean_name(m[1])
        if name:
            out.append((m.end(), Link(name, "media", m.start(1), m.end(1), head=-1, named=True)))
    return out


class ArticleSources:
    """The sentences of one article with their chains, for cross-sentence resolution."""

    def __init__(self, doc: Doc, *, outlet: str | None = None) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.outlet = outlet
        self.sents: list[Span] = list(doc.sents)
        self._starts = [s.start for s in self.sents]
        self._chains: dict[int, list[Link]] = {}

    def index_of(self, token: int) -> int:
        """The index of the sentence holding token ``token``."""
        return bisect_right(self._starts, token) - 1

    def chain_of(self, i: int) -> list[Link]:
        """Sentence ``i``'s own chain (no event in view), its pronouns and descriptions resolved."""
        if i not in self._chains:
            self._chains[i] = []  # guards against resolving a sentence through itself
            self._chains[i] = self.resolve(sentence_chain(self.sents[i]), i, name_ahead=False)
        return self._chains[i]

    def resolve(self, chain: list[Link], i: int, *, name_ahead: bool = True) -> list[Link]:
        out: list[Link] = []
        for link in chain:
            found: Link | None = link
            if link.pronoun:
                found = self._pronoun(link, i)
            elif link.definite:
                found = self._definite(link, i)
            elif link.indefinite and name_ahead and self.doc[link.head].lemma_.lower() in cues().role_nouns:
                found = self._named_later(link, i, taken=out)
            if found is not None and not any(same_source(found.name, o.name) for o in out):
                out.append(found)
        return out

    def _pronoun(self, link: Link, i: int) -> Link | None:
        named = self._earlier(i, link.start, lambda x: x.named and x.person == link.person)
        if named is not None:
            return named
        return speaker_before(self.doc, link.start, person=link.person)

    def _definite(self, link: Link, i: int) -> Link:
        head = self.doc[link.head].lemma_.lower()
        shared_kind = link.kind in ("ngo", "media", "activist")

        def fits(x: Link) -> bool:
            if x.head >= 0 and not x.named and self.doc[x.head].lemma_.lower() == head:
                return True  # "a doctor ... the doctor"
            if not x.named or x.person:
                return False
            return head in x.words or (shared_kind and x.kind == link.kind)

        found = self._earlier(i, link.start, fits)
        if found is None and head in cues().group_nouns:  # "the group said": the party named before
            found = speaker_before(self.doc, link.start, person=False)
        return replace(found, start=link.start, end=link.end) if found is not None else link

    def _earlier(self, i: int, pos: int, fits: object) -> Link | None:
        assert callable(fits)
        for j in range(i, max(-1, i - _BACK), -1):
            links = sentence_chain(self.sents[j]) if j == i else self.chain_of(j)
            for x in reversed(links):
                if x.start < pos and not x.pronoun and fits(x):
                    return x
        return None

    def _named_later(self, link: Link, i: int, *, taken: list[Link]) -> Link:
        """The person a later sentence names as the speaker an indefinite description stands for."""
        c = cues()
        for j in range(i + 1, min(len(self.sents), i + 1 + _NAME_AHEAD)):
            for x in self.chain_of(j):
                if not x.person or any(same_source(x.name, t.name) for t in taken):
                    continue
                if link.words & x.words or (x.kind is None or c.compatible(link.kind, x.kind)):
                    return replace(x, kind=link.kind or x.kind, words=link.words | x.words)
        return link

    def extend(self, chain: list[Link], i: int) -> list[Link]:
        """``chain`` with the inner links later sentences give for its innermost source
        ("... the Mail said." then "The Mail's report is sourced to ARA News, which ...")."""
        out = list(chain)
        for j in range(i + 1, min(len(self.sents), i + 1 + _EXTEND_AHEAD)):
            later = self.chain_of(j)
            for k, x in enumerate(later[:-1]):
                if out and same_source(x.name, out[-1].name):
                    out.extend(y for y in later[k + 1 :] if not any(same_source(y.name, o.name) for o in out))
                    break
        return out

    def lead_source(self, i: int, *, stop: set[int]) -> list[Link]:
        """For an unattributed lead: the chain of the article's first attributed sentence, when it
        follows within two sentences ("X happened. According to the Mail, ...")."""
        for j in range(0, i):
            if self.chain_of(j):
                return []  # the article attributed something before: the lead is not waiting
        for j in range(i + 1, min(len(self.sents), i + 3)):
            if j in stop:
                return []
            chain = [x for x in self.chain_of(j) if not (self.outlet and same_source(self.outlet, x.name))]
            if chain:
                # only another outlet's story covers the lead: the outlet's own sources do not
                return self.extend(chain, j) if chain[0].kind == "media" else []
        return []

    def framing_voice(self, i: int) -> Link | None:
        """A medium whose account the previous sentence of the paragraph introduces
        ("The Journal's account charges that ... A general said ...")."""
        if i == 0:
            return None
        gap = self.text[self.sents[i - 1].start_char : self.sents[i].start_char]
        if "\n" in gap[len(gap.rstrip()) :]:
            return None  # a new line or paragraph: not the same passage
        prev = self.sents[i - 1]
        chain = self.chain_of(i - 1)
        verbs = frames(prev, None)
        if len(chain) == 1 and chain[0].kind == "media" and verbs:
            return chain[0]
        return None

    def block_voice(self, i: int) -> list[Link]:
        """The speaker introducing, with a colon, the paragraph that holds sentence ``i``."""
        text = self.text
        start = self.sents[i].start_char
        para = text.rfind("\n\n", 0, start + 1)
        if para <= 0:
            return []
        before = text[:para].rstrip()
        if not before.endswith(":"):
            return []
        span = self.doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
        if span is None or not len(span):
            return []
        return self.chain_of(self.index_of(span[0].i))
