"""Incident and article pages in a real browser: highlighted evidence, and hostile text kept inert."""

from __future__ import annotations

import json
import urllib.request


def test_pages_browser_incident_page_shows_highlighted_evidence(page, base_url, artifacts):
    doc = json.load(urllib.request.urlopen(f"{base_url}/api/incidents?limit=200"))
    multi = next(i for i in doc["items"] if len(i["article_ids"]) > 1 and i["contradictions"])
    page.goto(f"/incidents/{multi['incident_id']}")
    reports = page.locator("section.report")
    assert reports.count() == len(multi["article_ids"])
    marks = page.locator("mark.hl-evidence")
    assert marks.count() > 0 and marks.first.is_visible()
    background = marks.first.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator("svg.chain").count() >= len(multi["article_ids"])
    assert page.locator(".contradiction").count() == len(multi["contradictions"])
    page.screenshot(path=str(artifacts / "incident.png"), full_page=True)
    assert page.console_errors == []


def test_pages_browser_article_markup_renders_as_text(page, artifacts):
    page.goto("/articles/hostile-1")
    assert page.evaluate("window.__xss") is None
    text = page.locator(".article-text").inner_text()
    assert "<script>window.__xss = 1</script>" in text and '<img src=x onerror="window.__xss = 1">' in text
    assert page.locator(".article-text img, .article-text script").count() == 0
    assert "<script>" in page.locator("h1").inner_text()
    page.screenshot(path=str(artifacts / "article-hostile.png"), full_page=True)
    page.goto("/incidents/inc-hostile-1")
    assert page.evaluate("window.__xss") is None


def test_pages_browser_api_docs_work_offline(page, base_url, artifacts):
    urls = []
    page.on("request", lambda r: urls.append(r.url))
    page.goto("/api/docs")
    page.get_by_text("/api/incidents/{incident_id}", exact=True).first.wait_for()
    assert all(u.startswith(base_url) for u in urls), urls
    assert page.console_errors == []
    page.screenshot(path=str(artifacts / "api-docs.png"))
