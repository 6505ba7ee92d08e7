"""What only the PostgreSQL store has: byte-order text in any locale, streaming reads, writers taking
turns, the commit counter the API watches, and the command line and the API over a server database.

The tests shared with SQLite run on PostgreSQL through the ``store``/``backend`` fixtures.
"""

from __future__ import annotations

import json
import threading
import warnings

import pytest
from typer.testing import CliRunner

import warlog.store.postgres
from warlog.cli import app
from warlog.store import open_store

#: Articles for the end-to-end test: two reports of one attack and one of another (fictional).
E2E_ARTICLES = [
    {
        "id": "pg-1",
        "title": "Bombing in Mosul market",
        "published": "2017-03-07",
        "outlet": "Tigris Wire",
        "text": "MOSUL, March 7 (Tigris Wire) - A car bomb exploded in a crowded market in Mosul on "
        "Tuesday, killing 12 people and wounding 30, police said. Islamic State claimed the attack.",
    },
    {
        "id": "pg-2",
        "title": "Car bomb kills 12 in Mosul",
        "published": "2017-03-07",
        "outlet": "Gulf Dispatch",
        "text": "A car bomb killed 12 civilians at a market in Mosul on Tuesday, a police officer told "
        "Gulf Dispatch. Islamic State fighters claimed responsibility.",
    },
    {
        "id": "pg-3",
        "title": "Airstrikes on Raqqa",
        "published": "2017-03-09",
        "outlet": "Levant Post",
        "text": "Coalition airstrikes hit Raqqa on Thursday, killing at least 7 civilians, local "
        "activists said.",
    },
]


@pytest.fixture
def pg(postgres_url, settings):
    with open_store(postgres_url, settings=settings) as opened:
        yield opened


@pytest.fixture
def icu_url(postgres_server):
    """A database whose default collation is ICU's English one (letters before case, punctuation
    ignored at first): the store must still compare and sort text byte by byte, as SQLite does."""
    name = "warlog_icu"
    postgres_server.admin(
        f"CREATE DATABASE {name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'"
    )
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


def test_postgres_text_sorts_bytewise_whatever_the_database_locale(icu_url, settings, build):
    ids = ["a1", "B1", "a-2", "a_3"]
    with open_store(icu_url, settings=settings) as store:
        events = []
        for article_id in ids:
            article = build.article(article_id)
            events.append(build.event(article))
            store.save_article(article, build.analysis(article, events[-1]))
        store.replace_incidents(
            [build.incident("b", *events[:2]), build.incident("B", *events[2:])], event_ids=[]
        )
        incidents = list(store.iter_incidents())
    assert [i.incident_id for i in incidents] == ["B", "b"]  # en-US would put b first
    assert incidents[1].event_ids == sorted(e.event_id for e in events[:2])  # ["B1:e1", "a1:e1"]
    assert incidents[0].article_ids == sorted(ids[2:])


def test_postgres_revision_counts_only_transactions_that_wrote(pg, build):
    start = pg.revision()
    article = build.article("a1")
    pg.save_article(article, build.analysis(article))
    after_save = pg.revision()
    pg.save_article(article, build.analysis(article))  # already stored: nothing written
    assert after_save == start + 1 and pg.revision() == after_save
    pg.save_article_signatures({"a1": b"\x01"})
    assert pg.revision() == after_save + 1


def test_postgres_whole_table_reads_stream_in_batches_beside_writes(pg, build, monkeypatch):
    monkeypatch.setattr(warlog.store.postgres, "BATCH", 2)
    for n in range(5):
        pg.save_article(build.article(f"a{n}"), None)
    seen = []
    for article in pg.iter_articles():  # five rows, three fetches, each between writes
        seen.append(article.article_id)
        pg.save_article(build.article(f"late-{article.article_id}"), None)
    assert seen == [f"a{n}" for n in range(5)]  # the rows as they were when the read began
    assert len(list(pg.iter_articles())) == 10


def test_postgres_concurrent_writers_store_each_article_once(postgres_url, settings, build):
    articles = [build.article(f"a{n}") for n in range(20)]
    errors: list[BaseException] = []
    start = threading.Barrier(3)

    def ingest() -> None:
        try:
            with open_store(postgres_url, settings=settings) as store:
                start.wait()
                for article in articles:
                    if not store.has_article(article.article_id):
                        store.save_article(article, build.analysis(article))
        except BaseException as exc:  # reported below: a thread's exception would be lost
            errors.append(exc)

    threads = [threading.Thread(target=ingest) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with open_store(postgres_url, settings=settings) as store:
        assert store.stats()["articles"] == 20 and store.count_events() == 20


@pytest.mark.slow
def test_postgres_cli_ingest_then_export_gives_the_sqlite_events_and_incidents(postgres_url, tmp_path):
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in E2E_ARTICLES), encoding="utf-8")
    runner = CliRunner()
    exported = {}
    for name, db in (("sqlite", str(tmp_path / "w.db")), ("postgres", postgres_url)):
        ingested = runner.invoke(app, ["ingest", str(source), "--db", db, "--quiet"])
        assert ingested.exit_code == 0, ingested.output
        for kind in ("events", "incidents"):
            out = tmp_path / f"{kind}-{name}.jsonl"
            result = runner.invoke(app, ["export", kind, "--db", db, "--out", str(out)])
            assert result.exit_code == 0, result.output
            lines = out.read_text(encoding="utf-8").splitlines()
            exported[kind, name] = [json.loads(line) for line in lines]
    assert exported["events", "postgres"] == exported["events", "sqlite"]
    assert {e["article_id"] for e in exported["events", "sqlite"]} == {"pg-1", "pg-2", "pg-3"}
    assert exported["incidents", "postgres"] == exported["incidents", "sqlite"]
    again = runner.invoke(app, ["ingest", str(source), "--db", postgres_url, "--quiet"])
    assert again.exit_code == 0, again.output
    assert "0 ingested, 0 rejected, 3 already stored" in again.output


def test_postgres_api_serves_the_store_and_sees_later_writes(postgres_url, settings):
    from warlog.api import create_app
    from warlog.api.synthetic import fill

    with open_store(postgres_url, settings=settings) as store:
        fill(store, incidents=3)
    settings = {**settings, "serve": {**settings["serve"], "refresh_seconds": 0}}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's notice about httpx
        from fastapi.testclient import TestClient

        with TestClient(create_app(postgres_url, settings=settings)) as client:
            assert client.get("/api/incidents").json()["total"] == 3
            with open_store(postgres_url, settings=settings) as store:
                fill(store, incidents=5, seed=8)  # same ids for the first 3: they are skipped
            assert client.get("/api/incidents").json()["total"] == 5
            assert client.get("/api/stats").json()["incidents"] == 5
