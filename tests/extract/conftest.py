"""Fixtures of the event coder's tests: hand-built Docs, and the real pipeline for the slow ones."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from warlog.types import Article


def _make_doc(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    *,
    lemmas: list[str] | None = None,
    tags: list[str] | None = None,
    ents: list[str] | None = None,
) -> Doc:
    """A parsed Doc built by hand (``heads`` are absolute token indices, ``ents`` IOB tags)."""
    vocab = spacy.blank("en").vocab
    lemmas = lemmas or [w.lower() for w in words]
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, tags=tags, ents=ents)


@pytest.fixture(scope="session")
def make_doc():
    """Build a parsed Doc by hand: ``make_doc(words, heads, deps, pos, lemmas=..., tags=..., ents=...)``."""
    return _make_doc


@pytest.fixture(scope="session")
def nlp(settings):
    from warlog.nlp import load_nlp

    return load_nlp(settings=settings)


@pytest.fixture(scope="session")
def extractor(settings):
    from warlog.extract import EventExtractor

    return EventExtractor(settings=settings)


@pytest.fixture(scope="session")
def code(nlp, extractor):
    """Code a text (no places) and return ``(events, main_event_id)``."""

    def run(text: str, published: str | None = "2017-04-07", title: str | None = None):
        article = Article(article_id="t", text=text, content_hash="x", title=title, published=published)
        return extractor.extract(nlp(text), article=article, places=[])

    return run
