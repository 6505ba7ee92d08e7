"""Hand-built events and articles for the linking tests (no spaCy, no corpus)."""

from __future__ import annotations

import hashlib

from warlog.types import Analysis, Article, Event, Place, PlaceMention, SourceRef, Span

MOSUL = Place(
    "Mosul",
    36.34,
    43.13,
    "IQ",
    geonames_id=99072,
    admin1="Nineveh",
    feature_class="P",
    feature_code="PPLA",
    population=1_739_800,
)
ZANJILI = Place(
    "Zanjili", 36.36, 43.10, "IQ", geonames_id=None, admin1="Nineveh", feature_class="P", feature_code="PPL"
)
TALAFAR = Place(
    "Tal Afar", 36.38, 42.45, "IQ", geonames_id=99131, admin1="Nineveh", feature_class="P", feature_code="PPL"
)
NINEVEH = Place(
    "Nineveh", 36.0, 42.5, "IQ", geonames_id=None, admin1="Nineveh", feature_class="A", feature_code="ADM1"
)
IRAQ = Place("Iraq", 33.0, 44.0, "IQ", geonames_id=99237, admin1=None, feature_class="A", feature_code="PCLI")
KIRKUK = Place(
    "Kirkuk", 35.47, 44.39, "IQ", geonames_id=94787, admin1="Kirkuk", feature_class="P", feature_code="PPLA"
)

TEXT = "An air strike hit a house in {place} on Monday, killing {n} civilians, {who} said."


def event(
    eid: str,
    *,
    date: str | None = "2017-03-13",
    precision: str = "day",
    place: Place | None = MOSUL,
    geo_precision: int = 1,
    sub: str = "Air/drone strike",
    etype: str = "Explosions/Remote violence",
    fatalities: int | None = None,
    actor1: str | None = None,
    sources: tuple[SourceRef, ...] = (),
    certainty: str = "asserted",
    evidence: tuple[int, int] = (0, 10),
) -> Event:
    """An event ``ARTICLE:eN`` (the article id is the part before the colon)."""
    return Event(
        event_id=eid,
        article_id=eid.split(":")[0],
        event_type=etype,
        sub_event_type=sub,
        evidence=Span(*evidence),
        trigger=Span(0, 3),
        location=PlaceMention(0, 5, place.name, place) if place else None,
        geo_precision=geo_precision,
        date=date,
        date_precision=precision if date else None,
        fatalities=fatalities,
        actor1=actor1,
        sources=list(sources),
        certainty=certainty,  # type: ignore[arg-type]
    )


def article(article_id: str, text: str, *, outlet: str | None = None) -> Article:
    digest = hashlib.sha1(" ".join(text.lower().split()).encode()).hexdigest()
    return Article(
        article_id=article_id, text=text, content_hash=digest, outlet=outlet, published="2017-03-14"
    )


def report(store, article_id: str, *, outlet: str, text: str | None = None, **fields) -> Event:
    """Store one article with one event whose evidence is the whole text; return the event."""
    text = text or TEXT.format(place="Mosul", n=fields.get("fatalities") or 5, who=outlet)
    art = article(article_id, text, outlet=outlet)
    ev = event(f"{article_id}:e1", evidence=(0, len(text)), **fields)
    store.save_article(art, Analysis(article_id=article_id, events=[ev]))
    return ev
