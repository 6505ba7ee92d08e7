"""The API over the bundled demo corpus, ingested by the real pipeline (loads the spaCy model)."""

from __future__ import annotations

import csv
import io
import warnings
from urllib.parse import quote

import pytest

from warlog.api import create_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(demo_db, settings):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

        return TestClient(create_app(demo_db, settings=settings))


def test_demo_counts_agree_with_the_store(demo):
    stats = demo.get("/api/stats").json()
    assert stats["incidents"] > 0 and stats["events"] > 0
    assert demo.get("/api/incidents").json()["total"] == stats["incidents"]
    assert demo.get("/api/events").json()["total"] == stats["events"]
    assert demo.get("/api/articles").json()["total"] == stats["articles"]


def test_demo_map_and_timeline_cover_the_located_and_dated_incidents(demo):
    incidents = demo.get("/api/incidents?limit=1000").json()["items"]
    located = [i for i in incidents if i["location"] and i["location"]["lat"] is not None]
    dated = [i for i in incidents if i["date"]]
    world = demo.get("/api/map?zoom=1").json()
    assert world["total"] == len(located) and sum(f["properties"]["count"] for f in world["features"]) == len(
        located
    )
    assert sum(b["count"] for b in demo.get("/api/timeline").json()["bins"]) == len(dated)


def test_demo_every_incident_page_highlights_its_evidence(demo):
    for inc in demo.get("/api/incidents?limit=1000").json()["items"]:
        doc = demo.get(f"/api/incidents/{inc['incident_id']}").json()
        assert len(doc["reports"]) == len(inc["article_ids"])
        for report in doc["reports"]:
            text = report["article"]["text"]
            for event in report["events"]:
                assert text[event["evidence"]["start"] : event["evidence"]["end"]] == event["evidence_text"]
            assert any(h["kind"] == "evidence" for h in report["highlights"])
        page = demo.get(f"/incidents/{inc['incident_id']}")
        assert page.status_code == 200 and 'class="hl ' in page.text


def test_demo_every_article_page_renders(demo):
    for art in demo.get("/api/articles?limit=1000").json()["items"]:
        assert demo.get(f"/articles/{art['article_id']}").status_code == 200


def test_demo_filters_narrow_the_incidents(demo):
    total = demo.get("/api/incidents").json()["total"]
    facets = demo.get("/api/stats").json()["facets"]
    country = facets["countries"][0]
    some = demo.get(f"/api/incidents?country={country}").json()
    assert 0 < some["total"] <= total
    assert all(i["location"]["country_code"] == country for i in some["items"])
    csv_rows = list(csv.DictReader(io.StringIO(demo.get(f"/api/events.csv?country={country}").text)))
    assert len(csv_rows) == demo.get(f"/api/events?country={country}").json()["total"]


def test_demo_outlets_and_sources_pages_render(demo):
    for outlet in demo.get("/api/outlets").json()["items"]:
        assert demo.get("/outlets/" + quote(outlet["name"], safe="")).status_code == 200
    for source in demo.get("/api/sources?limit=20").json()["items"]:
        assert demo.get("/sources/" + quote(source["name"], safe="")).status_code == 200
