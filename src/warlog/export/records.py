"""Store contents as export records: plain dicts in the shapes of ``shared/contract``.

``records(store, kind)`` yields what JSON Lines and GeoJSON write. Articles, events, places and
incidents follow ``article``/``event``/``place``/``incident.schema.json`` exactly, plus a few
extra keys the schemas allow (marked *extra* below). ``sources`` and ``errors`` have no schema
in the contract; their keys are documented on their functions.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from ..store import Store
from ..types import Article, Event, PlaceMention, Span

Record = dict[str, Any]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def location(mention: PlaceMention | None) -> Record | None:
    """A place mention as the contract's ``location`` object (resolved fields null when unresolved)."""
    if mention is None:
        return None
    place = mention.place
    return {
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "name": place.name if place else None,
        "geonames_id": place.geonames_id if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "country_code": place.country_code if place else None,
        "admin1": place.admin1 if place else None,
        "feature_class": place.feature_class if place else None,
        "feature_code": place.feature_code if place else None,
    }


def _span(span: Span | None) -> Record | None:
    return {"start": span.start, "end": span.end} if span else None


def articles(store: Store) -> Iterator[Record]:
    """article.schema.json; extra: published_from, language, duplicate_of, origin, content_hash, text.

    ``published`` is cut to its date (``YYYY-MM-DD``); a value that does not start with an ISO
    date is exported as null (the raw value stays in the database).
    """
    main = store.main_event_ids()
    for a in store.iter_articles():
        published = a.published[:10] if a.published and _DATE.match(a.published) else None
        yield {
            "article_id": a.article_id,
            "title": a.title,
            "outlet": a.outlet,
            "url": a.url,
            "published": published,
            "main_event_id": main.get(a.article_id),
            "published_from": a.published_from,
            "language": a.language,
            "duplicate_of": a.duplicate_of,
            "origin": a.origin,
            "content_hash": a.content_hash,
            "text": a.text,
        }


def events_with_articles(store: Store) -> Iterator[tuple[Event, Article | None]]:
    """Every event with its article (fetched once per article: events come article by article)."""
    article: Article | None = None
    for event in store.iter_events():
        if article is None or article.article_id != event.article_id:
            article = store.get_article(event.article_id)
        yield event, article


def event(e: Event, article: Article | None) -> Record:
    """event.schema.json; extra: trigger, evidence_text, field_spans, start/end of each source, and
    disputed_by (the parties in the article that deny the event, beside its certainty)."""
    return {
        "event_id": e.event_id,
        "article_id": e.article_id,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1,
        "actor2": e.actor2,
        "location": location(e.location),
        "geo_precision": e.geo_precision,
        "date": e.date,
        "date_precision": e.date_precision,
        "fatalities": e.fatalities,
        "injuries": e.injuries,
        "evidence": _span(e.evidence),
        "sources": [{"name": s.name, "kind": s.kind, **_offsets(s.span)} for s in e.sources],
        "certainty": e.certainty,
        "disputed_by": list(e.disputed_by),
        "incident_id": e.incident_id,
        "trigger": _span(e.trigger),
        "evidence_text": article.text[e.evidence.start : e.evidence.end] if article else None,
        "field_spans": {name: _span(span) for name, span in sorted(e.field_spans.items())},
    }


def _offsets(span: Span | None) -> Record:
    return {"start": span.start if span else None, "end": span.end if span else None}


def events(store: Store) -> Iterator[Record]:
    """event.schema.json records, in ingestion order."""
    for e, article in events_with_articles(store):
        yield event(e, article)


def places(store: Store) -> Iterator[Record]:
    """place.schema.json: every place mention recognised; extra: how (ner, gazetteer, ...)."""
    for article_id, mention in store.iter_place_mentions():
        loc = location(mention)
        assert loc is not None
        yield {"article_id": article_id, **loc, "how": mention.how}


def incidents(store: Store) -> Iterator[Record]:
    """incident.schema.json; extra: reasons (why the events were grouped and the confidence)."""
    for i in store.iter_incidents():
        yield {
            "incident_id": i.incident_id,
            "event_ids": i.event_ids,
            "article_ids": i.article_ids,
            "event_type": i.event_type,
            "sub_event_type": i.sub_event_type,
            "date": i.date,
            "location": location(i.location),
            "fatalities": {"low": i.fatalities_low, "high": i.fatalities_high, "best": i.fatalities_best},
            "sources_count": i.sources_count,
            "independent_sources": i.independent_sources,
            "confidence": i.confidence,
            "contradictions": i.contradictions,
            "reasons": i.reasons,
        }


def errors(store: Store) -> Iterator[Record]:
    """Rejected or flagged inputs: origin, line, item_id, code, reason, and message (as printed)."""
    for p in store.iter_problems():
        yield {
            "origin": p.origin,
            "line": p.line,
            "item_id": p.item_id,
            "code": p.code,
            "reason": p.reason,
            "message": str(p),
        }


def sources(store: Store) -> Iterator[Record]:
    """One record per attributed source name, most cited first.

    Keys: name; kind (the kind most often given to it); events and articles, the numbers of events
    and articles citing it, and event_ids and article_ids, which ones; as_origin, the number of
    events whose attribution chain ends with it (its innermost link).
    """
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    cited: Counter[str] = Counter()
    origin: Counter[str] = Counter()
    articles_of: dict[str, set[str]] = defaultdict(set)
    events_of: dict[str, list[str]] = defaultdict(list)
    for e in store.iter_events():
        for name in dict.fromkeys(s.name for s in e.sources):
            cited[name] += 1
            articles_of[name].add(e.article_id)
            events_of[name].append(e.event_id)
        for s in e.sources:
            if s.kind:
                kinds[s.name][s.kind] += 1
        if e.sources:
            origin[e.sources[-1].name] += 1
    for name, n in sorted(cited.items(), key=lambda item: (-item[1], item[0])):
        yield {
            "name": name,
            "kind": kinds[name].most_common(1)[0][0] if kinds[name] else None,
            "events": n,
            "articles": len(articles_of[name]),
            "as_origin": origin[name],
            "event_ids": sorted(events_of[name]),
            "article_ids": sorted(articles_of[name]),
        }


def outlets(store: Store) -> Iterator[Record]:
    """One record per outlet (articles without an outlet are left out), most events first.

    Keys: outlet; events (events coded from its articles); corroborated, the share of those events
    whose incident has at least two independent origins (so another, independent outlet reports
    it too); contradicted, the share whose incident holds a report from another outlet that gives
    a different fatality figure, a different known actor1 or a different day (both dated to the
    day); unattributed, the share asserted in the outlet's own voice (no attribution chain); and
    median_attribution_depth, the median length of the events' attribution chains.
    """
    outlet_of = store.article_outlets()
    independent = {i.incident_id: i.independent_sources for i in store.iter_incidents()}
    by_incident: dict[str, list[Event]] = defaultdict(list)
    per_outlet: dict[str, list[Event]] = defaultdict(list)
    for e in store.iter_events():
        outlet = outlet_of.get(e.article_id)
        if outlet:
            per_outlet[outlet].append(e)
        if e.incident_id:
            by_incident[e.incident_id].append(e)
    for outlet, evs in sorted(per_outlet.items(), key=lambda item: (-len(item[1]), item[0])):
        n = len(evs)
        corroborated = sum(independent.get(e.incident_id or "", 1) >= 2 for e in evs)
        contradicted = sum(
            any(
                _disagree(e, other)
                for other in by_incident.get(e.incident_id or "", ())
                if outlet_of.get(other.article_id) != outlet
            )
            for e in evs
        )
        depths = sorted(len(e.sources) for e in evs)
        yield {
            "outlet": outlet,
            "events": n,
            "corroborated": round(corroborated / n, 4),
            "contradicted": round(contradicted / n, 4),
            "unattributed": round(sum(not e.sources for e in evs) / n, 4),
            "median_attribution_depth": float(statistics.median(depths)),
        }


_UNKNOWN_ACTORS = ("unidentified", "unknown")


def _disagree(a: Event, b: Event) -> bool:
    """Whether two reports of one incident disagree on the toll, the perpetrator or the day."""
    if a.fatalities is not None and b.fatalities is not None and a.fatalities != b.fatalities:
        return True
    actors = [x.actor1 for x in (a, b) if x.actor1 and not x.actor1.casefold().startswith(_UNKNOWN_ACTORS)]
    if len(actors) == 2 and actors[0] != actors[1]:
        return True
    days = [x.date[:10] for x in (a, b) if x.date and (x.date_precision or "day") == "day"]
    return len(days) == 2 and days[0] != days[1]


#: kind → record generator
RECORDS: dict[str, Callable[[Store], Iterator[Record]]] = {
    "articles": articles,
    "events": events,
    "places": places,
    "incidents": incidents,
    "errors": errors,
    "sources": sources,
    "outlets": outlets,
}
