"""The attribution stage's entry point: fill each event's ``sources``, ``certainty`` and
``disputed_by`` (and ``field_spans["sources"]``).

Reads: ``Token.dep``/``head``/``lemma``/``pos``/``ent_type``/``ent_iob``, ``Doc.sents``; the
events' ``trigger`` and ``evidence`` spans. Writes: ``Event.sources``, ``Event.certainty``,
``Event.disputed_by``, ``Event.field_spans["sources"]``; the quotes found go to ``quotes_out``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ...types import Event, Quote
from ...types import Span as CharSpan
from .certainty import denials, disclaimers, hedged_sentence
from .chains import sentence_chain
from .phrases import Link, link_for
from .quotes import find_quotes
from .resolve import ArticleSources, datelines, same_source

__all__ = ["attribute"]


def _trigger(doc: Doc, event: Event) -> Token | None:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        span = doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _quote_speaker(doc: Doc, quotes: list[Quote], tok: Token) -> Link | None:
    for q in quotes:
        if q.direct and q.speaker_span is not None and q.span.start <= tok.idx < q.span.end:
            span = doc.char_span(q.speaker_span.start, q.speaker_span.end, alignment_mode="expand")
            if span is not None and len(span):
                return link_for(span.root)
    return None


def attribute(
    doc: Doc,
    *,
    events: list[Event],
    outlet: str | None = None,
    quotes_out: list[Quote] | None = None,
) -> None:
    """Fill the attribution of ``events`` (already detected in ``doc``) in place.

    ``outlet`` is the article's own outlet: it is the reporting voice itself, so it is left out of
    the chains ("…, a doctor told the Levant Observer" in the Levant Observer gives ``[a doctor]``).
    """
    art = ArticleSources(doc, outlet=outlet)
    quotes = find_quotes(doc, sents=art.sents)
    if quotes_out is not None:
        quotes_out.extend(quotes)
    if not events:
        return
    wires = datelines(art.text)
    marks = disclaimers(art.sents)
    located: list[tuple[Event, Token, int]] = []
    for event in events:
        tok = _trigger(doc, event)
        if tok is not None:
            located.append((event, tok, art.index_of(tok.i)))
    evidence = {i for _, _, i in located}
    for event, tok, i in located:
        wire = next((link for end, link in reversed(wires) if end <= tok.idx + len(tok.text) + 2), None)
        if wire is not None and art.sents[i].end_char <= wire.end + 3 and i + 1 < len(art.sents):
            i += 1  # the parser cut the dateline off as a sentence: the claim is in the next one
        chain = _chain(art, quotes, tok, i, others=evidence - {i})
        if wire is not None and not any(same_source(wire.name, x.name) for x in chain):
            chain = [wire, *chain]
        chain = [x for x in chain if not (outlet and same_source(outlet, x.name))]
        disputed = [
            found
            for link in denials(art.sents, i, tok, chain)
            for found in art.resolve([link], art.index_of(link.head), name_ahead=False)
            if not any(same_source(found.name, x.name) for x in chain)
        ]
        hedged = hedged_sentence(art.sents[i], tok)
        hedged = hedged or any(m.covers(i, attributed=bool(chain), sents=art.sents) for m in marks)
        event.sources = [x.ref() for x in chain]
        event.disputed_by = [x.name for x in disputed]
        event.certainty = "hedged" if hedged else ("attributed" if chain else "asserted")
        _field_span(event, chain, art.sents[i])


def _chain(art: ArticleSources, quotes: list[Quote], tok: Token, i: int, *, others: set[int]) -> list[Link]:
    """The chain of the event at ``tok`` in sentence ``i``: the sentence's own, else the speaker of
    the quote it is in; extended by later sentences and a framing medium; else the voice of a block
    quote or of the article's first attribution (for a lead)."""
    chain = art.resolve(sentence_chain(art.sents[i], tok), i)
    if not chain:
        speaker = _quote_speaker(art.doc, quotes, tok)
        if speaker is not None:
            chain = art.resolve([speaker], i)
    if not chain:
        return art.block_voice(i) or art.lead_source(i, stop=others)
    chain = art.extend(chain, i)
    voice = art.framing_voice(i)
    if voice is not None and not any(x.kind == "media" for x in chain):
        chain = [voice, *chain]
    return chain


def _field_span(event: Event, chain: list[Link], sent: Span) -> None:
    """``field_spans["sources"]``: the links named in the evidence sentence, else the origin."""
    inside = [x for x in chain if sent.start_char <= x.start and x.end <= sent.end_char and x.end > x.start]
    spans = inside or [x for x in chain[-1:] if x.end > x.start]
    if spans:
        event.field_spans["sources"] = CharSpan(min(x.start for x in spans), max(x.end for x in spans))
    else:
        event.field_spans.pop("sources", None)
