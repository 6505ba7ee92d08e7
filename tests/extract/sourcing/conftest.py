"""Fixtures of the attribution stage's tests: hand-built Docs, and the real model for the slow ones."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from warlog.types import Event, Span


def _hand_doc(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    *,
    lemmas: list[str] | None = None,
    ents: list[str] | None = None,
) -> Doc:
    """A parsed Doc built by hand (``heads`` are absolute token indices, ``ents`` IOB tags)."""
    vocab = spacy.blank("en").vocab
    lemmas = lemmas or [w.lower() for w in words]
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)


@pytest.fixture(scope="session")
def hand_doc():
    """Build a parsed Doc by hand: ``hand_doc(words, heads, deps, pos, lemmas=..., ents=...)``."""
    return _hand_doc


def _event(text: str, trigger: str, *, n: int = 1) -> Event:
    """An event whose trigger is the ``n``-th occurrence of ``trigger`` in ``text``."""
    start = -1
    for _ in range(n):
        start = text.index(trigger, start + 1)
    span = Span(start, start + len(trigger))
    return Event(
        event_id=f"t:e{n}",
        article_id="t",
        event_type="Battles",
        sub_event_type="Armed clash",
        evidence=span,
        trigger=span,
    )


@pytest.fixture(scope="session")
def event_at():
    """``event_at(text, trigger, n=1)``: a bare event triggered by a word of ``text``."""
    return _event


@pytest.fixture(scope="session")
def parse(settings):
    """The project's spaCy pipeline (slow: loads the model)."""
    from warlog.nlp import load_nlp

    return load_nlp(settings=settings)
