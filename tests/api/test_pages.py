"""HTML pages: each renders, links its JSON twin, and shows what the twin holds."""

from __future__ import annotations

import html
import re

import pytest

PAGES = [
    "/",
    "/incidents",
    "/incidents?event_type=Battles&limit=5",
    "/incidents/inc-3",
    "/events?limit=5",
    "/articles",
    "/articles?q=Kessra",
    "/articles/syn-3-0",
    "/places",
    "/sources",
    "/sources/witnesses",
    "/outlets",
    "/outlets/Frontline%20Wire",
    "/search?q=Kessra",
]


def twin_of(page_html: str) -> str:
    match = re.search(r'<link rel="alternate" type="application/json" href="([^"]+)">', page_html)
    assert match, "no JSON twin link"
    return html.unescape(match.group(1))


@pytest.mark.parametrize("url", PAGES)
def test_pages_every_page_has_a_json_twin(client, url):
    page = client.get(url, headers={"accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    twin = client.get(twin_of(page.text))
    assert twin.status_code == 200 and twin.headers["content-type"].startswith("application/")
    assert isinstance(twin.json(), dict)


def test_pages_incident_page_shows_the_twin_content(client):
    page = client.get("/incidents/inc-3").text
    doc = client.get("/api/incidents/inc-3").json()
    marked = "".join(
        html.unescape(m) for m in re.findall(r'<mark class="hl [^"]*hl-evidence[^"]*">([^<]*)</mark>', page)
    )
    for report in doc["reports"]:
        assert report["events"][0]["evidence_text"] in marked
    assert f"{doc['incident']['confidence']:.2f}" in page
    assert '<svg class="chain"' in page  # the attribution chain as a small graph


def test_pages_incident_page_shows_the_fatalities_range_and_contradictions(client):
    doc = client.get("/api/incidents?limit=100").json()
    multi = next(i for i in doc["items"] if i["contradictions"])
    page = client.get(f"/incidents/{multi['incident_id']}").text
    low, high = multi["fatalities"]["low"], multi["fatalities"]["high"]
    assert f"{low}–{high}" in page
    assert html.escape(multi["contradictions"][0], quote=True) in page


def test_pages_list_pages_link_to_details_and_downloads(client):
    page = client.get("/incidents?country=IQ").text
    assert (
        'href="/api/incidents.geojson?country=IQ"' in page and 'href="/api/incidents.csv?country=IQ"' in page
    )
    assert re.search(r'href="/incidents/inc-\d+"', page)


def test_pages_next_page_link_stays_in_html(client):
    page = client.get("/incidents?limit=5").text
    assert re.search(r'rel="next" href="http://testserver/incidents\?[^"]*offset=5', page)


def test_pages_unknown_incident_is_an_html_404_for_browsers(client):
    r = client.get("/incidents/nope", headers={"accept": "text/html"})
    assert (
        r.status_code == 404
        and r.headers["content-type"].startswith("text/html")
        and "no incident nope" in r.text
    )


def test_pages_dashboard_offers_the_filters(client):
    page = client.get("/").text
    for name in ("event_type", "date_from", "date_to", "actor", "country", "min_confidence"):
        assert f'name="{name}"' in page
    assert "/static/vendor/leaflet/leaflet.js" in page and 'id="timeline-svg"' in page


def test_pages_static_assets_are_bundled(client):
    for path in (
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/leaflet/leaflet.css",
        "/static/dashboard.js",
        "/static/basemap/countries.geojson",
        "/static/basemap/admin1.geojson",
        "/static/VENDOR.md",
    ):
        assert client.get(path).status_code == 200, path
