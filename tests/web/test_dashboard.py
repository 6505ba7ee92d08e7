"""The dashboard in a real browser: map markers, timeline brushing, filters, no outside requests."""

from __future__ import annotations

import re


def open_dashboard(page):
    page.goto("/")
    page.wait_for_function(
        "() => Number(document.body.dataset.markers) > 0 && document.body.dataset.loading === ''"
    )


def in_view(page) -> int:
    return int(re.match(r"(\d+)", page.locator("#summary").inner_text()).group(1))


def settle(page, before: str):
    page.wait_for_function(
        "t => document.querySelector('#summary').innerText !== t && document.body.dataset.loading === ''",
        arg=before,
    )


def test_dashboard_map_shows_markers(page, artifacts):
    open_dashboard(page)
    markers = page.locator(".incident-marker, .cluster-marker")
    assert markers.count() > 0
    assert page.locator(".cluster-marker").count() > 0  # 150 incidents around 10 towns: dense, so clustered
    assert in_view(page) >= 100
    page.wait_for_timeout(300)
    page.screenshot(path=str(artifacts / "dashboard.png"))
    assert page.console_errors == []


def test_dashboard_brushing_the_timeline_changes_the_markers(page, artifacts):
    open_dashboard(page)
    before_total, before_summary = in_view(page), page.locator("#summary").inner_text()
    before_markers = page.locator(".incident-marker, .cluster-marker").count()
    box = page.locator("#timeline-svg").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.10, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.25, y, steps=8)
    page.mouse.up()
    settle(page, before_summary)
    after_total = in_view(page)
    assert 0 < after_total < before_total
    date_from, date_to = page.input_value("#date_from"), page.input_value("#date_to")
    assert date_from and date_to and date_from < date_to
    assert page.locator("#timeline .bar.in").count() > 0
    assert (
        page.locator(".incident-marker, .cluster-marker").count() != before_markers
        or after_total < before_total
    )
    page.screenshot(path=str(artifacts / "dashboard-brushed.png"))
    # a click on the timeline clears the selection
    cleared_from = page.locator("#summary").inner_text()
    page.mouse.click(box["x"] + box["width"] * 0.5, y)
    settle(page, cleared_from)
    assert in_view(page) == before_total and page.input_value("#date_from") == ""


def test_dashboard_filters_change_the_markers(page):
    open_dashboard(page)
    total, summary = in_view(page), page.locator("#summary").inner_text()
    for box in page.locator("input[name=event_type]").all()[1:]:
        box.uncheck()
    settle(page, summary)
    battles = in_view(page)
    assert 0 < battles < total
    colours = page.eval_on_selector_all(
        ".incident-marker", "els => [...new Set(els.map(e => e.getAttribute('fill')))]"
    )
    assert set(colours) <= {"#d55e00"}


def test_dashboard_marker_popup_links_to_the_incident(page):
    open_dashboard(page)
    for _ in range(6):  # zoom in on the densest cluster until single markers appear
        if page.locator(".incident-marker").count():
            break
        summary = page.locator("#summary").inner_text()
        page.locator(".cluster-marker").first.click()
        page.wait_for_timeout(600)
        page.wait_for_function("() => document.body.dataset.loading === ''")
        del summary
    marker = page.locator(".incident-marker").first
    marker.click(force=True)
    link = page.locator(".leaflet-popup a").first
    link.wait_for()
    assert re.fullmatch(r"/incidents/inc-\d+", link.get_attribute("href"))


def test_dashboard_requests_stay_on_this_server(page, base_url):
    urls = []
    page.on("request", lambda r: urls.append(r.url))
    open_dashboard(page)
    assert urls and all(u.startswith(base_url) or u.startswith("data:") for u in urls), urls
    assert any(u.endswith("/static/basemap/countries.geojson") for u in urls)
