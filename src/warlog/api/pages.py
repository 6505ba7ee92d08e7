"""The dashboard's HTML pages. Each renders the JSON document of its twin at ``/api`` + the same path.

Templates are autoescaped and never mark data as safe: article text, titles and names are
untrusted input and always reach the page as text.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from . import routes
from .app import templates
from .routes import CatalogDep, FiltersDep, Limit, Offset, Sort, StateDep, StoreDep
from .views import EVENT_COLORS

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _render(request: Request, name: str, title: str, doc: Any, **extra: Any) -> HTMLResponse:
    twin = "/api" + request.url.path.rstrip("/") if request.url.path != "/" else "/api/overview"
    if request.url.query:
        twin += "?" + request.url.query
    query = "?" + request.url.query if request.url.query else ""
    context = {"title": title, "doc": doc, "twin": twin, "colors": EVENT_COLORS, "query": query, **extra}
    response: HTMLResponse = templates().TemplateResponse(request, name, context)
    return response


@router.get("/api/docs")
def api_docs(request: Request) -> HTMLResponse:
    """The API's documentation (Swagger UI over /api/openapi.json), from vendored files only."""
    response: HTMLResponse = templates().TemplateResponse(request, "docs.html", {})
    return response


@router.get("/")
def dashboard(request: Request, catalog: CatalogDep) -> HTMLResponse:
    return _render(request, "dashboard.html", "Map", routes.overview(catalog))


@router.get("/incidents")
def incidents(
    request: Request,
    state: StateDep,
    catalog: CatalogDep,
    f: FiltersDep,
    limit: Limit = None,
    offset: Offset = 0,
    sort: Sort = "-date",
) -> HTMLResponse:
    doc = routes.list_incidents(request, state, catalog, f, limit, offset, sort)
    return _render(request, "incidents.html", "Incidents", doc)


@router.get("/incidents/{incident_id:text}")
def incident(request: Request, incident_id: str, store: StoreDep, catalog: CatalogDep) -> HTMLResponse:
    doc = routes.get_incident(incident_id, store, catalog)
    return _render(request, "incident.html", f"Incident {incident_id}", doc)


@router.get("/events")
def events(
    request: Request,
    state: StateDep,
    store: StoreDep,
    catalog: CatalogDep,
    f: FiltersDep,
    limit: Limit = None,
    offset: Offset = 0,
    sort: Sort = "-date",
) -> HTMLResponse:
    doc = routes.list_events(request, state, store, catalog, f, limit, offset, sort)
    return _render(request, "events.html", "Events", doc)


@router.get("/articles")
def articles(
    request: Request,
    state: StateDep,
    store: StoreDep,
    catalog: CatalogDep,
    f: FiltersDep,
    q: str | None = None,
    limit: Limit = None,
    offset: Offset = 0,
) -> HTMLResponse:
    doc = routes.list_articles(request, state, store, catalog, f, q, limit, offset)
    return _render(request, "articles.html", "Articles", doc, q=q or "")


@router.get("/articles/{article_id:text}")
def article(request: Request, article_id: str, store: StoreDep, catalog: CatalogDep) -> HTMLResponse:
    doc = routes.get_article(article_id, store, catalog)
    return _render(request, "article.html", doc["article"].get("title") or article_id, doc)


@router.get("/places")
def places(
    request: Request,
    state: StateDep,
    catalog: CatalogDep,
    f: FiltersDep,
    limit: Limit = None,
    offset: Offset = 0,
) -> HTMLResponse:
    doc = routes.list_places(request, state, catalog, f, limit, offset)
    return _render(request, "places.html", "Places", doc)


@router.get("/sources")
def sources(
    request: Request, state: StateDep, catalog: CatalogDep, limit: Limit = None, offset: Offset = 0
) -> HTMLResponse:
    doc = routes.list_sources(request, state, catalog, limit, offset)
    return _render(request, "sources.html", "Sources", doc)


@router.get("/sources/{name:text}")
def source(request: Request, name: str, catalog: CatalogDep) -> HTMLResponse:
    return _render(request, "source.html", f"Source: {name}", routes.get_source(name, catalog))


@router.get("/outlets")
def outlets(
    request: Request, state: StateDep, catalog: CatalogDep, limit: Limit = None, offset: Offset = 0
) -> HTMLResponse:
    doc = routes.list_outlets(request, state, catalog, limit, offset)
    return _render(request, "outlets.html", "Outlets", doc)


@router.get("/outlets/{name:text}")
def outlet(request: Request, name: str, catalog: CatalogDep) -> HTMLResponse:
    return _render(request, "outlet.html", f"Outlet: {name}", routes.get_outlet(name, catalog))


@router.get("/search")
def search(request: Request, store: StoreDep, q: str = "", limit: int = 20) -> HTMLResponse:
    if not 1 <= limit <= 200:
        raise HTTPException(422, "limit must be between 1 and 200")
    return _render(request, "search.html", "Search", routes.search(store, q, limit), q=q)
