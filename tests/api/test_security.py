"""Security: read-only by default, token-gated ingest, escaped article text, CSP, loopback binding."""

from __future__ import annotations

import warnings

import pytest

from warlog.api import create_app, routes
from warlog.api.synthetic import HOSTILE_TEXT
from warlog.store import open_store

PAGES = [
    "/",
    "/incidents",
    "/incidents/inc-hostile-1",
    "/articles",
    "/articles/hostile-1",
    "/events",
    "/places",
    "/sources",
    "/sources/%3Cscript%3Esrc%3C%2Fscript%3E",
    "/outlets",
    "/outlets/%3Cem%3EOutlet%3C%2Fem%3E",
    "/search?q=Gunmen",
]


@pytest.mark.parametrize("url", PAGES)
def test_security_pages_escape_article_markup(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text
    html = r.text
    assert "<script>window.__xss" not in html and "<script>src" not in html
    assert "<img src=x" not in html and "<b>Gunmen" not in html and "<em>Outlet" not in html


def test_security_article_text_renders_as_text(client):
    html = client.get("/articles/hostile-1").text
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;window.__xss = 1&#34;&gt;" in html
    assert "&#34;quoted&#34; &amp; done." in html
    assert 'href="javascript:' not in html


def test_security_incident_page_escapes_reasons_and_contradictions(client):
    html = client.get("/incidents/inc-hostile-1").text
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in html


def test_security_json_keeps_the_text_verbatim(client):
    assert client.get("/api/articles/hostile-1").json()["article"]["text"] == HOSTILE_TEXT


@pytest.mark.parametrize("url", ["/", "/incidents/inc-0", "/api/incidents", "/static/app.css", "/api/nope"])
def test_security_every_response_has_a_csp(client, url):
    csp = client.get(url).headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert client.get(url).headers["x-content-type-options"] == "nosniff"


def test_security_pages_load_nothing_from_other_origins(client):
    for url in PAGES:
        html = client.get(url).text
        for attr in ('src="http', "src='http", 'href="//', 'src="//'):
            assert attr not in html, url
        assert "<style" not in html and " style=" not in html  # the CSP forbids inline styles


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_security_api_is_read_only(client, method):
    assert getattr(client, method)("/api/incidents/inc-0").status_code == 405


def test_security_ingest_needs_the_token(client):
    body = {"articles": [{"id": "x1", "text": "Rebels shelled Kessra on Monday."}]}
    assert client.post("/api/ingest", json=body).status_code == 401
    bad = client.post("/api/ingest", json=body, headers={"Authorization": "Bearer wrong"})
    assert bad.status_code == 401 and bad.headers["www-authenticate"] == "Bearer"


def test_security_ingest_with_the_token_runs_the_pipeline(tmp_path, settings, token, analyser):
    """A posted article goes through the real pipeline into the store and is served at once."""
    from fastapi.testclient import TestClient

    db = tmp_path / "posted.db"
    open_store(db, settings=settings).close()
    app = create_app(db, settings=settings, token=token)
    app.state.warlog._analyser = analyser  # the session's loaded model, not a second copy
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's notice about httpx2
        client = TestClient(app)
    body = {
        "articles": [
            {
                "id": "x1",
                "title": "Shelling in Kessra",
                "text": "Rebels shelled the village of Kessra near Aleppo on Monday, killing three people.",
                "published": "2024-03-06",
            }
        ]
    }
    r = client.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200 and r.json()["ingested"] == 1, r.text
    served = client.get("/api/articles/x1").json()
    assert served["article"]["main_event_id"] == "x1:e1"
    events = client.get("/api/events").json()["items"]
    assert [(e["article_id"], e["fatalities"]) for e in events] == [("x1", 3)]
    again = client.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {token}"})
    assert again.json()["ingested"] == 0  # idempotent


def test_security_ingest_is_refused_without_a_configured_token(sample_db, settings, monkeypatch):
    from fastapi.testclient import TestClient

    monkeypatch.delenv("WARLOG_TOKEN", raising=False)
    client = TestClient(create_app(sample_db, settings=settings))
    r = client.post("/api/ingest", json={"articles": []}, headers={"Authorization": "Bearer "})
    assert r.status_code == 403 and "disabled" in r.json()["detail"]


def test_security_token_comes_from_the_environment(sample_db, settings, monkeypatch):
    from fastapi.testclient import TestClient

    monkeypatch.setenv("WARLOG_TOKEN", "from-env")
    monkeypatch.setattr(routes, "run_pipeline", lambda articles, **kw: {"ingested": len(articles)})
    client = TestClient(create_app(sample_db, settings=settings))
    r = client.post("/api/ingest", json={"articles": []}, headers={"Authorization": "Bearer from-env"})
    assert r.status_code == 200


def test_security_binds_to_loopback_by_default(settings):
    assert settings["serve"]["host"] == "127.0.0.1"


def test_security_serve_uses_the_settings_host(sample_db, settings, monkeypatch):
    import uvicorn

    from warlog.api import serve

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw))
    serve(db=sample_db, settings=settings)
    assert seen["host"] == "127.0.0.1" and seen["port"] == settings["serve"]["port"]
    serve(db=sample_db, settings=settings, host="0.0.0.0", port=9999)
    assert seen["host"] == "0.0.0.0" and seen["port"] == 9999


def test_security_missing_database_is_refused(tmp_path, settings):
    from warlog.errors import ConfigError

    with pytest.raises(ConfigError):
        create_app(tmp_path / "absent.db", settings=settings)
    assert not (tmp_path / "absent.db").exists()
