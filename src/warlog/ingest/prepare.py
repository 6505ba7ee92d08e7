"""From RawArticle to Article: validation, ids, content hash, publication date and language.

The text is never changed — not even line ends — so that every offset computed downstream
indexes :attr:`Article.text` exactly as it was read.
"""

from __future__ import annotations

import hashlib
import unicodedata

from ..settings import Settings
from ..types import Article, IngestProblem, RawArticle
from .dates import find_dateline, normalise_date
from .language import LanguageDetector
from .records import problem


def normalised_text(text: str) -> str:
    """``text`` for comparison: NFKC, case-folded, whitespace runs folded to one space, stripped."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def content_hash(text: str) -> str:
    """sha1 (hex) of :func:`normalised_text`: equal for the same text reformatted or re-cased."""
    return hashlib.sha1(normalised_text(text).encode("utf-8")).hexdigest()


def article_id(raw: RawArticle) -> str:
    """The input's id if it has one, else ``u-`` + sha1(url)[:16], else ``t-`` + sha1(normalised text)[:16].

    Stable: the same URL or the same text (reformatted or re-cased) always gets the same id.
    """
    if raw.id and raw.id.strip():
        return raw.id.strip()
    if raw.url and raw.url.strip():
        return "u-" + hashlib.sha1(raw.url.strip().encode("utf-8")).hexdigest()[:16]
    return "t-" + content_hash(raw.text or "")[:16]


def prepare(
    raw: RawArticle, *, settings: Settings, detector: LanguageDetector | None = None
) -> Article | IngestProblem:
    """Validate and normalise one RawArticle.

    Rejects an empty text (W102) and a text over ``ingest.max_chars`` (W105). The publication
    date is normalised to ISO (``YYYY-MM-DD``, or a datetime when the input gives a time); an
    input date that cannot be read is dropped, and without one the date of a dateline at the
    start of the text is used (``published_from="dateline"``). The language is detected with
    ``detector``; by default, with one built from the settings on first use and then reused.
    """
    config = settings["ingest"]
    # a NUL character means nothing in a text and PostgreSQL cannot store one: a space keeps every
    # offset into the input as it was
    text = raw.text.replace("\x00", " ") if raw.text else raw.text
    item_id = raw.id or raw.url
    if text is None or not text.strip():
        return problem(raw.origin, raw.line, "W102", item_id=item_id)
    if len(text) > int(config["max_chars"]):
        return problem(raw.origin, raw.line, "W105", item_id=item_id, size=len(text), cap=config["max_chars"])
    published = normalise_date(raw.published) if raw.published else None
    published_from = (raw.published_from or "input") if published else None
    if published is None:
        published = find_dateline(
            text, chars=int(config["dateline_chars"]), order=str(config["dateline_date_order"])
        )
        published_from = "dateline" if published else None
    detector = detector or _shared_detector(settings)
    return Article(
        article_id=article_id(raw),
        text=text,
        content_hash=content_hash(text),
        title=_clean(raw.title),
        published=published,
        published_from=published_from,
        outlet=_clean(raw.outlet),
        url=_clean(raw.url),
        origin=raw.origin,
        language=detector.detect(text),
    )


_DETECTORS: dict[tuple[object, ...], LanguageDetector] = {}


def _shared_detector(settings: Settings) -> LanguageDetector:
    """One detector per language configuration, so that calls without a detector stay fast."""
    config = settings["ingest"]
    key = (*config["language_candidates"], config["min_chars_for_language"])
    if key not in _DETECTORS:
        _DETECTORS[key] = LanguageDetector(settings=settings)
    return _DETECTORS[key]


def _clean(value: str | None) -> str | None:
    return " ".join(value.replace("\x00", " ").split()) or None if value else None
