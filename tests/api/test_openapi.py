"""The OpenAPI schema is the API's documentation: a snapshot test catches every change to it.

After an intended change, rewrite the snapshot with ``WARLOG_UPDATE_SNAPSHOTS=1 pytest tests/api``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

SNAPSHOT = Path(__file__).with_name("openapi.snapshot.json")


def test_openapi_schema_matches_the_snapshot(client):
    schema = client.get("/api/openapi.json").json()
    schema["info"].pop("version", None)
    text = json.dumps(schema, indent=1, sort_keys=True) + "\n"
    if os.environ.get("WARLOG_UPDATE_SNAPSHOTS") or not SNAPSHOT.exists():
        SNAPSHOT.write_text(text, encoding="utf-8")
    assert json.loads(SNAPSHOT.read_text(encoding="utf-8")) == json.loads(text)


def test_openapi_documents_every_list_and_its_filters(client):
    schema = client.get("/api/openapi.json").json()
    paths = schema["paths"]
    for path in (
        "/api/incidents",
        "/api/incidents.{fmt}",
        "/api/events",
        "/api/articles",
        "/api/places",
        "/api/sources",
        "/api/outlets",
        "/api/search",
        "/api/stats",
        "/api/map",
        "/api/timeline",
        "/api/incidents/{incident_id}",
        "/api/articles/{article_id}",
        "/api/ingest",
    ):
        assert path in paths, path
    names = {p["name"] for p in paths["/api/incidents"]["get"]["parameters"]}
    assert {
        "date_from",
        "date_to",
        "event_type",
        "actor",
        "country",
        "bbox",
        "min_confidence",
        "limit",
        "offset",
    } <= names
    assert not any(p.startswith("/incidents") for p in paths)  # HTML pages stay out of the API schema


def test_openapi_docs_page_is_served(client):
    r = client.get("/api/docs")
    assert r.status_code == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in r.text
    assert "cdn" not in r.text.lower()
