"""The FastAPI application: configuration, per-request store, security headers, errors, static files.

``create_app(db, settings=...)`` builds an app over one database; :func:`serve` runs it with
uvicorn. The app only reads the database, except ``POST /api/ingest``, which needs the token
from ``$WARLOG_TOKEN`` (or ``token=``) and is refused when none is configured.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import anyio.to_thread
import jinja2
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.convertors import Convertor, register_url_convertor
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from .. import __version__
from ..errors import ConfigError, StoreError, WarlogError
from ..settings import Settings, load_settings
from ..store import Store, open_store
from ..store.target import database_file, is_server, redact
from .cache import CatalogCache
from .catalog import Catalog

if TYPE_CHECKING:
    from ..pipeline import Analyser

#: Every response: nothing but this origin's own scripts, styles, images and fetches.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
WEB = resources.files("warlog") / "web"


class _Text(Convertor[str]):
    """A path parameter that may hold anything, '/' and newlines included (ids can be URLs; names are
    whatever the articles said)."""

    regex = r"(?s:.+)"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("text", _Text())


@dataclass
class AppState:
    db: str | Path
    settings: Settings
    catalogs: CatalogCache
    token: str | None
    stores: ThreadStores
    _analyser: Analyser | None = field(default=None, repr=False)
    _analyser_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def analyser(self) -> Analyser:
        """The spaCy model and gazetteer for ``POST /api/ingest``, loaded on the first request and
        kept: loading them takes seconds, analysing a posted article milliseconds."""
        with self._analyser_lock:
            if self._analyser is None:
                from ..pipeline import Analyser

                self._analyser = Analyser(settings=self.settings)
            return self._analyser


class ThreadStores:
    """Stands for a :class:`Store`: each call goes to the calling thread's own connection.

    SQLite connections belong to the thread that opened them, and opening one per request makes
    the last one's close checkpoint and delete the WAL while the next one opens, which stalls
    readers on the busy timeout. So each worker thread opens one connection, kept until shutdown
    (a PostgreSQL store too: one server connection per thread, none opened per request).
    """

    def __init__(self, db: str | Path, settings: Settings) -> None:
        self._db, self._settings = db, settings
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()

    def _store(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self._db, settings=self._settings)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store(), name)

    def close_all(self) -> None:
        with self._lock:
            stores, self._all = self._all, []
        for store in stores:
            with contextlib.suppress(Exception):  # a connection can only be closed by its thread
                store.close()


def create_app(db: str | Path, *, settings: Settings | None = None, token: str | None = None) -> FastAPI:
    """The warlog web app over the database file ``db`` (which must exist), or over the PostgreSQL
    database at the URL ``db`` (connected to when the app starts).

    ``token`` enables ``POST /api/ingest``; by default it is read from the environment variable
    named by ``[serve] token_env`` (``WARLOG_TOKEN``). An empty token counts as none.
    """
    settings = settings or load_settings()
    conf = settings["serve"]
    stores = ThreadStores(db, settings)
    if is_server(db):
        # no file to watch: the store counts its commits (PostgresStore.revision)
        catalogs = CatalogCache(
            db,
            lambda: open_store(db, settings=settings),
            check_every=conf["refresh_seconds"],
            stamp=lambda: stores.revision(),
        )
    else:
        path = database_file(db)
        if path is None or not path.is_file():
            raise ConfigError("W501", path=db, detail="no such database (run `warlog ingest ... --db` first)")
        db = path
        catalogs = CatalogCache(
            path, lambda: open_store(path, settings=settings), check_every=conf["refresh_seconds"]
        )
    token = token if token is not None else os.environ.get(conf["token_env"])
    state = AppState(stores=stores, db=db, settings=settings, token=token or None, catalogs=catalogs)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await anyio.to_thread.run_sync(state.catalogs.get)  # build the index before the first request
        yield
        state.stores.close_all()

    app = FastAPI(
        lifespan=lifespan,
        title="warlog",
        version=__version__,
        description="Geolocated, source-attributed conflict events: articles, events, incidents, places, "
        "sources and outlets, with filters, pagination and GeoJSON/CSV downloads. Read-only, "
        "except POST /api/ingest with a bearer token.",
        docs_url=None,  # served offline by pages.api_docs, with the vendored Swagger UI
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.warlog = state
    app.add_middleware(GZipMiddleware, minimum_size=4096)
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
        return response


def _error(request: Request, status: int, detail: str, code: str | None, headers: Any = None) -> Response:
    if request.url.path.startswith("/api") or "text/html" not in request.headers.get("accept", ""):
        return JSONResponse({"detail": detail, "code": code}, status_code=status, headers=headers)
    page = templates().TemplateResponse(
        request,
        "error.html",
        {"status": status, "detail": detail, "code": code},
        status_code=status,
        headers=headers,
    )
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


def get_store(state: Annotated[AppState, Depends(get_state)]) -> Store:
    """The store, through the calling thread's own connection."""
    return cast(Store, state.stores)


def get_catalog(state: Annotated[AppState, Depends(get_state)]) -> Catalog:
    return state.catalogs.get()


def serve(
    *,
    db: str | Path,
    host: str | None = None,
    port: int | None = None,
    settings: Settings | None = None,
    log_level: str = "info",
) -> None:
    """Serve the dashboard and API over ``db`` until interrupted (host and port default to [serve])."""
    import uvicorn

    settings = settings or load_settings()
    app = create_app(db, settings=settings)
    host = host or settings["serve"]["host"]
    port = port if port is not None else settings["serve"]["port"]
    print(f"warlog: serving {redact(db)} at http://{host}:{port}/ (Ctrl-C to stop)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=False)
