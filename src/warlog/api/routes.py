"""The JSON API under ``/api``: thin routes over the store, the catalog and the view builders.

Lists take the same filters (:func:`filters`) and pagination (``limit``, ``offset``); each list is
also downloadable as ``.csv`` (and ``.geojson`` when located) with the same query string, where
``limit`` defaults to everything.
"""

from __future__ import annotations

import hmac
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from ..store import Store
from .app import AppState, get_catalog, get_state, get_store
from .catalog import Catalog, Filters

if TYPE_CHECKING:
    from ..pipeline import Analyser
from .views import (
    Record,
    article_detail,
    article_record,
    event_records,
    incident_detail,
    incident_record,
    to_csv,
    to_geojson,
)

router = APIRouter(prefix="/api")
Located = Literal["json", "geojson", "csv"]
Flat = Literal["json", "csv"]
CatalogDep = Annotated[Catalog, Depends(get_catalog)]
StoreDep = Annotated[Store, Depends(get_store)]
StateDep = Annotated[AppState, Depends(get_state)]


def filters(
    date_from: Annotated[str | None, Query(description="First day (YYYY-MM-DD), inclusive.")] = None,
    date_to: Annotated[str | None, Query(description="Last day (YYYY-MM-DD), inclusive.")] = None,
    event_type: Annotated[
        list[str] | None, Query(description="ACLED event type; repeat for several.")
    ] = None,
    sub_event_type: Annotated[
        list[str] | None, Query(description="ACLED sub-event type; repeatable.")
    ] = None,
    actor: Annotated[str | None, Query(description="Actor name, or part of it (case-insensitive).")] = None,
    country: Annotated[list[str] | None, Query(description="ISO 3166-1 alpha-2 code; repeatable.")] = None,
    bbox: Annotated[
        str | None,
        Query(
            description="west,south,east,north in degrees.", pattern=r"^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$"
        ),
    ] = None,
    min_confidence: Annotated[
        float | None, Query(ge=0, le=1, description="Lowest incident confidence.")
    ] = None,
    outlet: Annotated[str | None, Query(description="Outlet name, exactly.")] = None,
    source: Annotated[str | None, Query(description="Attributed source name, exactly.")] = None,
) -> Filters:
    """The filters every list, the map and the timeline accept."""
    box = None
    if bbox:
        west, south, east, north = (float(x) for x in bbox.split(","))
        if south > north:
            raise HTTPException(422, "bbox: south is above north")
        box = (west, south, east, north)
    return Filters(
        date_from=date_from,
        date_to=date_to,
        event_type=tuple(event_type or ()),
        sub_event_type=tuple(sub_event_type or ()),
        actor=actor or None,
        country=tuple(country or ()),
        bbox=box,
        min_confidence=min_confidence,
        outlet=outlet or None,
        source=source or None,
    )


FiltersDep = Annotated[Filters, Depends(filters)]
Limit = Annotated[int | None, Query(ge=1, description="Items per page (downloads: all when absent).")]
Offset = Annotated[int, Query(ge=0, description="Items skipped.")]
Sort = Annotated[
    Literal["date", "-date", "fatalities", "-fatalities", "confidence", "-confidence"],
    Query(description="Order; '-' for descending."),
]


def _page(
    request: Request, state: AppState, items: list[Any], *, total: int, limit: int, offset: int
) -> Record:
    nxt = None
    if offset + limit < total:
        nxt = str(request.url.include_query_params(offset=offset + limit, limit=limit))
    return {"total": total, "limit": limit, "offset": offset, "next": nxt, "items": items}


def _window(state: AppState, fmt: str, limit: int | None, offset: int, total: int) -> tuple[int, int]:
    conf = state.settings["serve"]
    size = min(limit or conf["page_size"], conf["max_page_size"]) if fmt == "json" else limit or max(total, 1)
    return size, offset


def _respond(
    request: Request,
    state: AppState,
    fmt: str,
    name: str,
    make: Callable[[int, int], list[Record]],
    total: int,
    limit: int | None,
    offset: int,
) -> Any:
    size, start = _window(state, fmt, limit, offset, total)
    items = make(start, size)
    if fmt == "csv":
        return Response(
            to_csv(items),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
        )
    if fmt == "geojson":
        return JSONResponse(
            to_geojson(items),
            media_type="application/geo+json",
            headers={"Content-Disposition": f'attachment; filename="{name}.geojson"'},
        )
    return _page(request, state, items, total=total, limit=size, offset=start)


# -- incidents and events -------------------------------------------------------------------------


@router.get("/incidents", summary="Incidents, filtered and paginated")
@router.get("/incidents.{fmt}", summary="Incidents as GeoJSON or CSV", include_in_schema=True)
def list_incidents(
    request: Request,
    state: StateDep,
    catalog: CatalogDep,
    f: FiltersDep,
    limit: Limit = None,
    offset: Offset = 0,
    sort: Sort = "-date",
    fmt: Located = "json",
) -> Any:
    rows = catalog.select(catalog.inc, catalog.inc_order, f, sort)
    return _respond(
        request,
        state,
        fmt,
        "incidents",
        lambda a, n: [incident_record(catalog.incidents[int(r)]) for r in rows[a : a + n]],
        len(rows),
        limit,
        offset,
    )


@router.get("/incidents/{incident_id:text}", summary="One incident with every report side by side")
def get_incident(incident_id: str, store: StoreDep, catalog: CatalogDep) -> Record:
    doc = incident_detail(store, catalog, incident_id)
    if doc is None:
        raise HTTPException(404, f"no incident {incident_id}")
    return doc


@router.get("/events", summary="Events, filtered and paginated")
@router.get("/events.{fmt}", summary="Events as GeoJSON or CSV")
def list_events(
    request: Request,
    state: StateDep,
    store: StoreDep,
    catalog: CatalogDep,
    f: FiltersDep,
    limit: Limit = None,
    offset: Offset = 0,
    sort: Sort = "-date",
    fmt: Located = "json",
) -> Any:
    rows = catalog.select(catalog.ev, catalog.ev_order, f, sort)

    def make(a: int, n: int) -> list[Record]:
        page = [int(r) for r in rows[a : a + n]]
        ids = [catalog.event_ids[r] for r in page]
        arts = [
            catalog.articles[catalog.event_article[r]].article_id
            for r in page
            if catalog.event_article[r] >= 0
        ]
        return event_records(store, ids, arts)

    return _respond(request, state, fmt, "events", make, len(rows), limit, offset)


@router.get("/map", summary="The map's markers: incidents clustered for one zoom level (GeoJSON)")
def map_markers(
    state: StateDep,
    catalog: CatalogDep,
    f: FiltersDep,
    zoom: Annotated[int, Query(ge=0, le=22, description="Map zoom level.")] = 2,
) -> Any:
    conf = state.settings["serve"]
    return JSONResponse(
        catalog.clusters(
            f,
            zoom=zoom,
            cell_px=conf["cluster_px"],
            max_zoom=conf["cluster_max_zoom"],
            max_points=conf["map_max_points"],
        ),
        media_type="application/geo+json",
    )


@router.get("/timeline", summary="Incidents and fatalities per day, week or month")
def timeline(
    catalog: CatalogDep, f: FiltersDep, bucket: Literal["auto", "day", "week", "month"] = "auto"
) -> Record:
    return catalog.timeline(f, bucket)


# -- articles, places, sources, outlets -------------------------------------------------------------


@router.get("/articles", summary="Articles (without text), filtered by date and outlet, or by a search")
@router.get("/articles.{fmt}", summary="Articles as CSV")
def list_articles(
    request: Request,
    state: StateDep,
    store: StoreDep,
    catalog: CatalogDep,
    f: FiltersDep,
    q: Annotated[str | None, Query(description="Full-text query (SQLite FTS5 syntax).")] = None,
    limit: Limit = None,
    offset: Offset = 0,
    fmt: Flat = "json",
) -> Any:
    ids = [hit[0] for hit in store.search(q, limit=state.settings["serve"]["max_page_size"])] if q else None
    rows = catalog.select_articles(f, ids)
    if ids is not None:
        rank = {a: n for n, a in enumerate(ids)}
        rows.sort(key=lambda r: rank[catalog.articles[r].article_id])
    return _respond(
        request,
        state,
        fmt,
        "articles",
        lambda a, n: [article_record(catalog.articles[r]) for r in rows[a : a + n]],
        len(rows),
        limit,
        offset,
    )


@router.get("/articles/{article_id:text}", summary="One article: text, events, places and what to highlight")
def get_article(article_id: str, store: StoreDep, catalog: CatalogDep) -> Record:
    doc = article_detail(store, catalog, article_id)
    if doc is None:
        raise HTTPException(404, f"no article {article_id}")
    return doc


@router.get("/places", summary="Places mentioned, most mentioned first")
@router.get("/places.{fmt}", summary="Places as GeoJSON or CSV")
def list_places(
    request: Request,
    state: StateDep,
    catalog: CatalogDep,
    f: FiltersDep,
    limit: Limit = None,
    offset: Offset = 0,
    fmt: Located = "json",
) -> Any:
    rows = [p for p in catalog.places if _place_passes(p, f)]
    return _respond(request, state, fmt, "places", lambda a, n: rows[a : a + n], len(rows), limit, offset)


def _place_passes(p: Record, f: Filters) -> bool:
    if f.country and (p["country_code"] or "").upper() not in {c.upper() for c in f.country}:
        return False
    if f.bbox is not None:
        west, south, east, north = f.bbox
        return p["lat"] is not None and south <= p["lat"] <= north and west <= p["lon"] <= east
    return True


@router.get("/sources", summary="Attributed sources, most cited first")
@router.get("/sources.{fmt}", summary="Sources as CSV")
def list_sources(
    request: Request,
    state: StateDep,
    catalog: CatalogDep,
    limit: Limit = None,
    offset: Offset = 0,
    fmt: Flat = "json",
) -> Any:
    rows = catalog.sources()
    return _respond(request, state, fmt, "sources", lambda a, n: rows[a : a + n], len(rows), limit, offset)


@router.get("/sources/{name:text}", summary="One source: the incidents citing it")
def get_source(name: str, catalog: CatalogDep) -> Record:
    found = next((s for s in catalog.sources() if s["name"] == name), None)
    if found is None:
        raise HTTPException(404, f"no source {name}")
    rows = catalog.select(catalog.inc, catalog.inc_order, Filters(source=name))
    return {"source": found, "incidents": [incident_record(catalog.incidents[int(r)]) for r in rows[:500]]}


@router.get("/outlets", summary="Outlets, most articles first")
@router.get("/outlets.{fmt}", summary="Outlets as CSV")
def list_outlets(
    request: Request,
    state: StateDep,
    catalog: CatalogDep,
    limit: Limit = None,
    offset: Offset = 0,
    fmt: Flat = "json",
) -> Any:
    rows = catalog.outlets()
    return _respond(request, state, fmt, "outlets", lambda a, n: rows[a : a + n], len(rows), limit, offset)


@router.get("/outlets/{name:text}", summary="One outlet: its articles and the incidents they report")
def get_outlet(name: str, catalog: CatalogDep) -> Record:
    found = next((o for o in catalog.outlets() if o["name"] == name), None)
    if found is None:
        raise HTTPException(404, f"no outlet {name}")
    arts = catalog.select_articles(Filters(outlet=name))
    rows = catalog.select(catalog.inc, catalog.inc_order, Filters(outlet=name))
    return {
        "outlet": found,
        "articles": [article_record(catalog.articles[r]) for r in arts[:500]],
        "incidents": [incident_record(catalog.incidents[int(r)]) for r in rows[:500]],
    }


# -- search, stats, ingest ----------------------------------------------------------------------------


@router.get("/search", summary="Full-text search over article titles and texts")
def search(
    store: StoreDep,
    q: Annotated[str, Query(description="SQLite FTS5 query.")] = "",
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> Record:
    hits = store.search(q, limit=limit) if q.strip() else []
    return {"q": q, "items": [{"article_id": a, "title": t, "snippet": s} for a, t, s in hits]}


@router.get("/stats", summary="Counts, and the values the filters offer")
def stats(store: StoreDep, catalog: CatalogDep) -> Record:
    return {**store.stats(), "facets": catalog.facets()}


@router.get("/overview", summary="What the dashboard opens with: counts and the values the filters offer")
def overview(catalog: CatalogDep) -> Record:
    return {
        "incidents": len(catalog.incidents),
        "events": len(catalog.event_ids),
        "articles": len(catalog.articles),
        "facets": catalog.facets(),
    }


@router.post("/ingest", summary="Ingest articles (needs the bearer token of $WARLOG_TOKEN)", status_code=200)
def ingest(
    state: StateDep,
    store: StoreDep,
    articles: Annotated[
        list[dict[str, Any]], Body(description="Input articles (input-article schema).", embed=True)
    ],
    authorization: Annotated[str | None, Header()] = None,
) -> Record:
    if state.token is None:
        raise HTTPException(403, "ingest is disabled: start the server with $WARLOG_TOKEN set")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), state.token.encode()):
        raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})
    report = run_pipeline(articles, store=store, settings=state.settings, analyser=state.analyser())
    state.catalogs.invalidate()
    return report


def run_pipeline(
    articles: list[dict[str, Any]], *, store: Store, settings: Any, analyser: Analyser | None = None
) -> Record:
    """Run the ingest pipeline over posted articles (written to a temporary JSON Lines file)."""
    from ..pipeline import ingest as pipeline_ingest

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "posted.jsonl"
        path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
        report = pipeline_ingest([str(path)], store=store, settings=settings, analyser=analyser)
    return {
        "summary": report.summary(),
        "ingested": report.ingested,
        "rejected": report.rejected,
        "events": report.events,
        "problems": [str(p) for p in report.problems],
    }
