"""The documents the API returns and the HTML pages render: one builder per page, shared by both.

Every HTML page is a template over exactly the JSON document its twin under ``/api`` returns, so
what an analyst sees and what a script downloads cannot drift apart. Records follow the shapes of
``shared/contract`` (via :mod:`warlog.export.records`) with a few extra keys.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any

from ..export import records
from ..store import Store
from ..types import Article, Event, Incident
from .catalog import ArticleInfo, Catalog

Record = dict[str, Any]

#: Marker colour of each event type (colour-blind-safe Okabe-Ito palette), shared by map, legend and pages.
EVENT_COLORS = {
    "Battles": "#d55e00",
    "Explosions/Remote violence": "#e69f00",
    "Violence against civilians": "#cc79a7",
    "Protests": "#009e73",
    "Riots": "#0072b2",
    "Strategic developments": "#56b4e9",
}


def incident_record(i: Incident) -> Record:
    """incident.schema.json, plus reasons."""
    return {
        "incident_id": i.incident_id,
        "event_ids": i.event_ids,
        "article_ids": i.article_ids,
        "event_type": i.event_type,
        "sub_event_type": i.sub_event_type,
        "date": i.date,
        "location": records.location(i.location),
        "fatalities": {"low": i.fatalities_low, "high": i.fatalities_high, "best": i.fatalities_best},
        "sources_count": i.sources_count,
        "independent_sources": i.independent_sources,
        "confidence": i.confidence,
        "contradictions": i.contradictions,
        "reasons": i.reasons,
    }


def article_record(a: ArticleInfo | Article, *, text: bool = False) -> Record:
    """article.schema.json keys (without the text unless asked), plus language and duplicate_of."""
    rec: Record = {
        "article_id": a.article_id,
        "title": a.title,
        "outlet": a.outlet,
        "url": a.url,
        "published": a.published[:10] if a.published else None,
        "language": a.language,
        "duplicate_of": a.duplicate_of,
    }
    if isinstance(a, ArticleInfo):
        rec["main_event_id"] = a.main_event_id
        rec["events"] = a.events
    if text and isinstance(a, Article):
        rec["text"] = a.text
    return rec


def events_by_id(store: Store, article_ids: Iterable[str]) -> tuple[dict[str, Event], dict[str, Article]]:
    """The events of ``article_ids`` by event id, and those articles by id (one query each)."""
    wanted = list(dict.fromkeys(article_ids))
    events = {e.event_id: e for e in store.iter_events(article_ids=wanted)}
    articles = {a: art for a in wanted if (art := store.get_article(a)) is not None}
    return events, articles


def event_records(store: Store, event_ids: Sequence[str], article_ids: Iterable[str]) -> list[Record]:
    """event.schema.json records (with evidence_text) of ``event_ids``, in that order."""
    events, articles = events_by_id(store, article_ids)
    return [records.event(events[e], articles.get(events[e].article_id)) for e in event_ids if e in events]


def highlights(event: Event, *, evidence: bool = True) -> list[Record]:
    """Spans of one event worth marking in its article: evidence, trigger, actors, sources, numbers."""
    out: list[Record] = []
    if evidence:
        out.append({"start": event.evidence.start, "end": event.evidence.end, "kind": "evidence"})
    out.append({"start": event.trigger.start, "end": event.trigger.end, "kind": "trigger"})
    for name, span in event.field_spans.items():
        kind = (
            "actor" if name.startswith("actor") else "number" if name in ("fatalities", "injuries") else None
        )
        if kind:
            out.append({"start": span.start, "end": span.end, "kind": kind})
    out += [{"start": s.span.start, "end": s.span.end, "kind": "source"} for s in event.sources if s.span]
    loc = event.location
    if loc is not None:
        out.append({"start": loc.start, "end": loc.end, "kind": "place"})
    return out


def incident_detail(store: Store, catalog: Catalog, incident_id: str) -> Record | None:
    """An incident with every report side by side: each article's text, its events, what to highlight."""
    n = catalog.incident_ix.get(incident_id)
    if n is None:
        return None
    inc = catalog.incidents[n]
    events, articles = events_by_id(store, inc.article_ids)
    reports = []
    for article_id in inc.article_ids:
        article = articles.get(article_id)
        mine = [events[e] for e in inc.event_ids if e in events and events[e].article_id == article_id]
        reports.append(
            {
                "article": article_record(article, text=True) if article else {"article_id": article_id},
                "events": [records.event(e, article) for e in mine],
                "highlights": _sorted([h for e in mine for h in highlights(e)]),
            }
        )
    return {"incident": incident_record(inc), "reports": reports}


def article_detail(store: Store, catalog: Catalog, article_id: str) -> Record | None:
    """An article's text with its places, actors and events marked, and the incidents it reports."""
    article = store.get_article(article_id)
    if article is None:
        return None
    events = store.events_of_article(article_id)
    marks = [h for e in events for h in highlights(e) if h["kind"] != "place"]
    places = catalog.mentions.get(article_id, [])
    marks += [{"start": m.start, "end": m.end, "kind": "place"} for m in places]
    rec = article_record(article, text=True)
    info = catalog.article_ix.get(article_id)
    rec["main_event_id"] = catalog.articles[info].main_event_id if info is not None else None
    return {
        "article": rec,
        "events": [records.event(e, article) for e in events],
        "places": [{**(records.location(m) or {}), "how": m.how} for m in places],
        "incident_ids": list(dict.fromkeys(e.incident_id for e in events if e.incident_id)),
        "highlights": _sorted(marks),
    }


def segments(text: str, marks: Sequence[Record]) -> list[tuple[str, tuple[str, ...]]]:
    """``text`` cut at every mark boundary: (piece, kinds of the marks covering it), in order.

    Overlapping and nested marks are fine: each piece lists every kind covering it, so a
    template can wrap pieces without ever building overlapping HTML elements.
    """
    cuts = {0, len(text)}
    for m in marks:
        if 0 <= m["start"] < m["end"] <= len(text):
            cuts.update((m["start"], m["end"]))
    bounds = sorted(cuts)
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        kinds = tuple(sorted({m["kind"] for m in marks if m["start"] <= a and b <= m["end"]}))
        out.append((text[a:b], kinds))
    return out


def chain_graph(sources: Sequence[Record], *, box: int = 150, gap: int = 30) -> Record:
    """Layout of one attribution chain as boxes left to right (reporting voice first), with arrows."""
    nodes = [
        {"x": i * (box + gap), "name": s["name"], "label": _clip(s["name"], 20), "kind": s.get("kind")}
        for i, s in enumerate(sources)
    ]
    arrows = [{"x1": i * (box + gap) + box, "x2": (i + 1) * (box + gap)} for i in range(len(sources) - 1)]
    return {"width": max(1, len(sources) * (box + gap) - gap), "box": box, "nodes": nodes, "arrows": arrows}


def _clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _sorted(marks: list[Record]) -> list[Record]:
    unique = {(m["start"], m["end"], m["kind"]): m for m in marks}
    return sorted(unique.values(), key=lambda m: (m["start"], -m["end"], m["kind"]))


# -- downloads ---------------------------------------------------------------------------------


def flatten(record: Record, prefix: str = "") -> Record:
    """One CSV row: nested objects become ``parent_child`` columns, lists become JSON strings."""
    row: Record = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            row.update(flatten(value, f"{name}_"))
        elif isinstance(value, list | tuple):
            row[f"{name}_json"] = json.dumps(value, ensure_ascii=False)
        else:
            row[name] = value
    return row


def to_csv(rows: Iterable[Record]) -> str:
    buf = io.StringIO()
    writer: csv.DictWriter[str] | None = None
    for rec in rows:
        row = flatten(rec)
        if writer is None:
            writer = csv.DictWriter(buf, fieldnames=list(row), extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
        writer.writerow(row)
    return buf.getvalue()


def to_geojson(rows: Iterable[Record]) -> Record:
    """Located records (``location.lat``/``lon``, or ``lat``/``lon``) as a FeatureCollection."""
    features = []
    for rec in rows:
        where = rec.get("location") if isinstance(rec.get("location"), dict) else rec
        lat, lon = (where or {}).get("lat"), (where or {}).get("lon")
        if lat is None or lon is None:
            continue
        features.append(
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": rec}
        )
    return {"type": "FeatureCollection", "features": features}


def problem_record(p: Any) -> Record:
    return {**asdict(p), "message": str(p)}
