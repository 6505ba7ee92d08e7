"""The JSON API: lists, filters, pagination, downloads, details, map, timeline, search, stats."""

from __future__ import annotations

import csv
import io

import pytest


def items(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text
    return r.json()


def test_routes_incidents_list_is_paginated(client):
    first = items(client, "/api/incidents?limit=10")
    assert first["total"] == 61 and first["limit"] == 10 and len(first["items"]) == 10
    assert "offset=10" in first["next"]
    second = items(client, "/api/incidents?limit=10&offset=10")
    assert {i["incident_id"] for i in first["items"]}.isdisjoint(i["incident_id"] for i in second["items"])
    last = items(client, "/api/incidents?limit=10&offset=60")
    assert len(last["items"]) == 1 and last["next"] is None


def test_routes_incidents_default_order_is_newest_first(client):
    dates = [i["date"] for i in items(client, "/api/incidents?limit=61")["items"]]
    assert dates == sorted(dates, reverse=True)
    by_deaths = [
        i["fatalities"]["best"] for i in items(client, "/api/incidents?sort=-fatalities&limit=61")["items"]
    ]
    assert by_deaths == sorted(by_deaths, reverse=True)


def test_routes_page_size_is_capped(client, settings):
    doc = items(client, "/api/incidents?limit=100000")
    assert doc["limit"] == settings["serve"]["max_page_size"]


def test_routes_incidents_filter_by_date_range(client):
    doc = items(client, "/api/incidents?date_from=2024-03-01&date_to=2024-03-31&limit=100")
    assert doc["total"] > 0
    assert all("2024-03-01" <= i["date"] <= "2024-03-31" for i in doc["items"])


def test_routes_incidents_filter_by_event_type_repeatable(client):
    one = items(client, "/api/incidents?event_type=Battles&limit=100")
    assert one["total"] > 0 and {i["event_type"] for i in one["items"]} == {"Battles"}
    two = items(client, "/api/incidents?event_type=Battles&event_type=Protests&limit=100")
    assert two["total"] > one["total"]
    assert items(client, "/api/incidents?event_type=none")["total"] == 0


def test_routes_incidents_filter_by_actor_substring(client):
    doc = items(client, "/api/incidents?actor=valley&limit=100")
    assert 0 < doc["total"] < 61
    for inc in doc["items"]:
        detail = items(client, f"/api/incidents/{inc['incident_id']}")
        actors = {e[k] for r in detail["reports"] for e in r["events"] for k in ("actor1", "actor2")}
        assert "Valley Militia" in actors


def test_routes_incidents_filter_by_country_and_bbox(client):
    iq = items(client, "/api/incidents?country=IQ&limit=100")
    assert iq["total"] > 0 and {i["location"]["country_code"] for i in iq["items"]} == {"IQ"}
    box = items(client, "/api/incidents?bbox=20,40,45,55&limit=100")  # Ukraine's towns, not Iraq's
    assert box["total"] > 0
    assert all(20 <= i["location"]["lon"] <= 45 and 40 <= i["location"]["lat"] <= 55 for i in box["items"])


def test_routes_incidents_filter_by_min_confidence(client):
    doc = items(client, "/api/incidents?min_confidence=0.8&limit=100")
    assert 0 < doc["total"] < 61 and all(i["confidence"] >= 0.8 for i in doc["items"])


def test_routes_bad_filters_are_422(client):
    assert client.get("/api/incidents?bbox=1,2,3").status_code == 422
    assert client.get("/api/incidents?bbox=0,50,10,40").status_code == 422
    assert client.get("/api/incidents?min_confidence=2").status_code == 422
    assert client.get("/api/incidents?limit=0").status_code == 422


def test_routes_incidents_csv_download_has_every_match(client):
    r = client.get("/api/incidents.csv?event_type=Battles")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == items(client, "/api/incidents?event_type=Battles")["total"]
    assert {"incident_id", "location_lat", "fatalities_low", "event_ids_json"} <= set(rows[0])


def test_routes_geojson_downloads_are_feature_collections(client):
    for kind in ("incidents", "events", "places"):
        r = client.get(f"/api/{kind}.geojson?country=UA")
        assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
        doc = r.json()
        assert doc["type"] == "FeatureCollection" and doc["features"]
        lon, lat = doc["features"][0]["geometry"]["coordinates"]
        assert 20 < lon < 45 and 40 < lat < 55


def test_routes_unknown_download_format_is_422(client):
    assert client.get("/api/incidents.xml").status_code == 422
    assert client.get("/api/sources.geojson").status_code == 422


def test_routes_events_list_carries_evidence_text(client):
    doc = items(client, "/api/events?limit=5&event_type=Battles")
    assert doc["items"] and all(e["event_type"] == "Battles" for e in doc["items"])
    assert all(e["evidence_text"] and e["evidence_text"].endswith("said.") for e in doc["items"])


def test_routes_incident_detail_sets_reports_side_by_side(client):
    multi = next(i for i in items(client, "/api/incidents?limit=61")["items"] if len(i["article_ids"]) > 1)
    doc = items(client, f"/api/incidents/{multi['incident_id']}")
    assert [r["article"]["article_id"] for r in doc["reports"]] == multi["article_ids"]
    for report in doc["reports"]:
        text = report["article"]["text"]
        evidence = [h for h in report["highlights"] if h["kind"] == "evidence"]
        assert (
            evidence
            and text[evidence[0]["start"] : evidence[0]["end"]] == report["events"][0]["evidence_text"]
        )


def test_routes_article_detail_marks_places_actors_events(client):
    doc = items(client, "/api/articles/syn-0-0")
    kinds = {h["kind"] for h in doc["highlights"]}
    assert {"evidence", "trigger", "actor", "place", "source", "number"} <= kinds
    assert doc["events"] and doc["places"] and doc["incident_ids"] == ["inc-0"]


@pytest.mark.parametrize(
    "url", ["/api/incidents/nope", "/api/articles/nope", "/api/sources/nope", "/api/outlets/nope"]
)
def test_routes_unknown_ids_are_404(client, url):
    r = client.get(url)
    assert r.status_code == 404 and "nope" in r.json()["detail"]


def test_routes_articles_filter_by_outlet_and_search(client):
    doc = items(client, "/api/articles?outlet=Harbor%20Post&limit=500")
    assert doc["total"] > 0 and {a["outlet"] for a in doc["items"]} == {"Harbor Post"}
    hits = items(client, "/api/articles?q=Dalvik&limit=500")
    assert hits["total"] > 0 and all("Dalvik" in a["title"] for a in hits["items"])


def test_routes_search_returns_snippets_and_rejects_bad_queries(client):
    doc = items(client, "/api/search?q=Ostrova")
    assert doc["items"] and "«Ostrova»" in doc["items"][0]["snippet"]
    r = client.get('/api/search?q="unclosed')
    assert r.status_code == 400 and r.json()["code"] == "W204"


def test_routes_sources_and_outlets_are_counted(client):
    sources = items(client, "/api/sources")["items"]
    witnesses = next(s for s in sources if s["name"] == "witnesses")
    assert (
        witnesses["kind"] == "witness"
        and witnesses["events"] > 0
        and witnesses["as_origin"] == witnesses["events"]
    )
    detail = items(client, "/api/sources/witnesses")
    assert len(detail["incidents"]) == witnesses["incidents"]
    outlets = items(client, "/api/outlets")["items"]
    assert sum(o["articles"] for o in outlets) == items(client, "/api/stats")["articles"]
    assert items(client, "/api/outlets/Radio%20Meridian")["articles"]


def test_routes_places_aggregate_mentions(client):
    places = items(client, "/api/places?limit=1000")["items"]
    assert places and all(p["mentions"] >= 1 for p in places)
    assert places == sorted(places, key=lambda p: (-p["mentions"], p["name"]))


def test_routes_stats_include_facets(client):
    doc = items(client, "/api/stats")
    assert doc["incidents"] == 61 and doc["events"] > 61
    facets = doc["facets"]
    assert "IQ" in facets["countries"] and facets["date_min"] <= facets["date_max"]
    assert "Northern Brigade" in facets["actors"]


def test_routes_map_clusters_at_low_zoom_and_splits_at_high_zoom(client):
    low = items(client, "/api/map?zoom=2")
    assert low["total"] == 61 and any(f["properties"]["cluster"] for f in low["features"])
    assert sum(f["properties"]["count"] for f in low["features"]) == 61
    high = items(client, "/api/map?zoom=12")
    assert len(high["features"]) == 61 and not any(f["properties"]["cluster"] for f in high["features"])


def test_routes_map_respects_filters(client):
    doc = items(client, "/api/map?zoom=12&event_type=Protests&bbox=-180,-90,180,90")
    assert doc["features"] and {f["properties"]["event_type"] for f in doc["features"]} == {"Protests"}


def test_routes_timeline_buckets_sum_to_the_total(client):
    for bucket in ("day", "week", "month"):
        doc = items(client, f"/api/timeline?bucket={bucket}")
        assert doc["bucket"] == bucket and sum(b["count"] for b in doc["bins"]) == 61
    months = items(client, "/api/timeline?bucket=month")["bins"]
    assert all(b["start"].endswith("-01") for b in months)
    weeks = items(client, "/api/timeline?bucket=week&event_type=Riots")["bins"]
    assert sum(b["count"] for b in weeks) == items(client, "/api/incidents?event_type=Riots")["total"]


def test_routes_overview_counts_match_the_store_stats(client):
    overview, stats = items(client, "/api/overview"), items(client, "/api/stats")
    for key in ("incidents", "events", "articles"):
        assert overview[key] == stats[key]
    assert overview["facets"] == stats["facets"]
