"""Wording: content-word sets for comparing evidence sentences, and MinHash signatures of whole
articles for spotting syndicated copies.

Two reports of one incident written independently share the words that carry its facts (the
place, the weapon, the toll) but little else; a syndicated copy shares whole runs of words. So
linking compares the *content words* of two evidence sentences (exact Jaccard: the sets are
small), and independence compares *word shingles* of whole articles through MinHash signatures
(``datasketch``), which are computed once per article and kept in the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import numpy as np

__all__ = ["content_words", "jaccard", "signature_similarity", "signatures"]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)

#: Function words and reporting verbs: frequent in every report, so they say nothing about which
#: incident a sentence describes. A short hand-made list (English news wording), not a corpus one.
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "said",
        "says",
        "say",
        "told",
        "according",
        "reported",
        "reports",
        "report",
        "added",
        "yesterday",
        "today",
        "day",
        "week",
        "people",
        "local",
    ]
)


def content_words(text: str) -> frozenset[str]:
    """The lower-cased words of ``text`` other than stopwords (numbers are kept: they are facts)."""
    return frozenset(w for w in (m.casefold() for m in _WORD.findall(text)) if w not in STOPWORDS)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / |a ∪ b| (0.0 for two empty sets)."""
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def shingles(text: str, *, size: int) -> list[bytes]:
    """The distinct runs of ``size`` consecutive lower-cased words (all words, stopwords too)."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < size:
        return [" ".join(words).encode("utf-8")] if words else []
    return sorted({" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)})


def signatures(texts: Mapping[str, str], *, shingle_words: int, num_perm: int) -> dict[str, bytes]:
    """``id → MinHash signature`` (``num_perm`` uint32 values, little-endian bytes) of each text.

    The seed is fixed (datasketch's default, 1), so a signature never depends on when it was made.
    """
    from datasketch import MinHash

    ids = sorted(texts)
    hashes = MinHash.bulk((shingles(texts[i], size=shingle_words) for i in ids), num_perm=num_perm)
    return {i: np.asarray(m.hashvalues, dtype="<u4").tobytes() for i, m in zip(ids, hashes, strict=True)}


def signature_similarity(a: bytes, b: bytes) -> float:
    """The Jaccard similarity of two texts' shingle sets, estimated from their signatures."""
    x, y = np.frombuffer(a, dtype="<u4"), np.frombuffer(b, dtype="<u4")
    if len(x) != len(y) or not len(x):
        return 0.0
    return float(np.count_nonzero(x == y)) / len(x)


def pairwise(items: Iterable[str]) -> list[tuple[str, str]]:
    """Every unordered pair of ``items``, each as (smaller, larger), sorted."""
    ordered = sorted(set(items))
    return [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :]]
