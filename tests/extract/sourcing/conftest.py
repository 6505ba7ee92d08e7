"""Fixtures of the attribution stage's tests: hand-built Docs, and the real model for the slow ones."""

from __future__ import annotations

import pytest

from warlog.types import Event, Span


@pytest.fixture(scope="session")
def hand_doc(make_doc):
    """Build a parsed Doc by hand: ``hand_doc(words, heads, deps, pos, lemmas=..., ents=...)`` (the
    event coder's ``make_doc``)."""
    return make_doc


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
