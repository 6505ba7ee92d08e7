"""warlog's web app: a read-only REST API and an offline dashboard (map, timeline, incident pages).

    from warlog.api import create_app, serve
    serve(db="demo.db", host="127.0.0.1", port=8000)

The app reads the database through the :class:`~warlog.store.base.Store` protocol and an
in-memory :class:`~warlog.api.catalog.Catalog` for filtered and map queries. Its HTML pages are
rendered from ``warlog/web/templates`` and its scripts, styles and basemap are the files under
``warlog/web/static`` (vendored at build time: see ``warlog/web/build.sh``); nothing is fetched
from another origin.
"""

from __future__ import annotations

from .app import create_app, serve

__all__ = ["create_app", "serve"]
