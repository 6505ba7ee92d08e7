"""The FastAPI application: configuration, per-request store, security headers, errors, static files.

``create_app(db, settings=...)`` builds an app over one database; :func:`serve` runs it with
uvicorn. The app only reads the database, except ``POST /api/ingest``, which needs the token
from ``$WARLOG_TOKEN`` (or ``token=``) and is refused when none is configured.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import jinja2
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from .. import __version__
from ..errors import ConfigError, StoreError, WarlogError
from ..settings import Settings, load_settings
from ..store import Store, open_store
from .catalog import Catalog, CatalogCache

#: Every response: nothing but this origin's own scripts, styles, images and fetches.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
WEB = resources.files("warlog") / "web"


@dataclass
class AppState:
    db: Path
    settings: Settings
    catalogs: CatalogCache
    token: str | None

    def open(self) -> Store:
        return open_store(self.db, settings=self.settings)


def create_app(db: str | Path, *, settings: Settings | None = None, token: str | None = None) -> FastAPI:
    """The warlog web app over the database file ``db`` (which must exist).

    ``token`` enables ``POST /api/ingest``; by default it is read from the environment variable
    named by ``[serve] token_env`` (``WARLOG_TOKEN``). An empty token counts as none.
    """
    settings = settings or load_settings()
    path = Path(db)
    if not path.is_file():
        raise ConfigError("W501", path=path, detail="no such database (run `warlog ingest ... --db` first)")
    conf = settings["serve"]
    token = token if token is not None else os.environ.get(conf["token_env"])
    state = AppState(db=path, settings=settings, token=token or None,
                     catalogs=CatalogCache(path, lambda: open_store(path, settings=settings),
                                           check_every=conf["refresh_seconds"]))
    app = FastAPI(
        title="warlog",
        version=__version__,
        description="Geolocated, source-attributed conflict events: articles, events, incidents, places, "
                    "sources and outlets, with filters, pagination and GeoJSON/CSV downloads. Read-only, "
                    "except POST /api/ingest with a bearer token.",
        docs_url="/api/docs", redoc_url=None, openapi_url="/api/openapi.json",
        swagger_ui_parameters={"syntaxHighlight": False},
    )
    app.state.warlog = state
    app.add_middleware(_SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(WEB / "static")), name="static")

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        status = 400 if exc.code == "W204" else 500
        return _error(request, status, exc.message, exc.code)

    @app.exception_handler(WarlogError)
    async def warlog_error(request: Request, exc: WarlogError) -> Response:
        return _error(request, 400, exc.message, exc.code)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail), None, headers=exc.headers)

    from .pages import router as pages
    from .routes import router as api

    app.include_router(api)
    app.include_router(pages)
    return app


class _SecurityHeaders(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/api/docs"):  # Swagger UI needs its inline script and a CDN
            del response.headers["Content-Security-Policy"]
        return response


def _error(request: Request, status: int, detail: str, code: str | None, headers: Any = None) -> Response:
    if request.url.path.startswith("/api") or "text/html" not in request.headers.get("accept", ""):
        return JSONResponse({"detail": detail, "code": code}, status_code=status, headers=headers)
    page = templates().TemplateResponse(request, "error.html", {"status": status, "detail": detail, "code": code},
                                        status_code=status, headers=headers)
    return page if isinstance(page, HTMLResponse) else HTMLResponse(str(detail), status_code=status)


_TEMPLATES: Jinja2Templates | None = None


def templates() -> Jinja2Templates:
    """The page templates (autoescaped: article text is untrusted)."""
    global _TEMPLATES
    if _TEMPLATES is None:
        from .views import chain_graph, segments

        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(WEB / "templates")), autoescape=True)
        _TEMPLATES = Jinja2Templates(env=env)
        _TEMPLATES.env.globals.update(segments=segments, chain_graph=chain_graph, version=__version__)
        _TEMPLATES.env.filters["slug"] = lambda s: re.sub(r"[^a-z0-9]+", "-", str(s).lower()).strip("-")
    return _TEMPLATES


# -- dependencies -----------------------------------------------------------------------------


def get_state(request: Request) -> AppState:
    state: AppState = request.app.state.warlog
    return state


def get_store(state: Annotated[AppState, Depends(get_state)]) -> Iterator[Store]:
    """One store connection per request (SQLite connections stay in their thread)."""
    store = state.open()
    try:
        yield store
    finally:
        store.close()


def get_catalog(state: Annotated[AppState, Depends(get_state)]) -> Catalog:
    return state.catalogs.get()


def serve(*, db: str | Path, host: str | None = None, port: int | None = None,
          settings: Settings | None = None, log_level: str = "info") -> None:
    """Serve the dashboard and API over ``db`` until interrupted (host and port default to [serve])."""
    import uvicorn

    settings = settings or load_settings()
    app = create_app(db, settings=settings)
    host = host or settings["serve"]["host"]
    port = port if port is not None else settings["serve"]["port"]
    print(f"warlog: serving {db} at http://{host}:{port}/ (Ctrl-C to stop)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=False)
