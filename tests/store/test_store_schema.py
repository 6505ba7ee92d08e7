"""Opening a store: migrations, versions, pragmas, URLs (on both backends where it applies)."""

from __future__ import annotations

import pytest

from warlog.errors import StoreError
from warlog.store import PostgresStore, open_store
from warlog.store.schema import POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS, Migration, load_migrations


def _versions(backend):
    return backend.query("SELECT version, name, applied_at FROM schema_version ORDER BY version")


def test_schema_migrations_are_packaged_in_order_from_one():
    migrations = load_migrations()
    assert [m.version for m in migrations] == list(range(1, len(migrations) + 1))
    assert migrations[0].name == "init"


def test_schema_postgres_migrations_have_the_sqlite_versions_and_names():
    sqlite = [(m.version, m.name) for m in load_migrations(SQLITE_MIGRATIONS)]
    assert [(m.version, m.name) for m in load_migrations(POSTGRES_MIGRATIONS)] == sqlite


def test_schema_migrations_apply_and_are_recorded(backend, settings):
    open_store(backend.target, settings=settings).close()
    versions = _versions(backend)
    assert [(v, name) for v, name, _ in versions] == [(m.version, m.name) for m in backend.migrations()]
    tables = {"articles", "events", "sources", "place_mentions", "incidents", "ingest_errors", "quotes"}
    search_index = {"sqlite": "articles_fts", "postgres": "articles_search"}[backend.name]
    assert tables | {search_index, "article_signatures"} <= backend.names()


def test_schema_reopening_is_a_no_op(backend, settings, build):
    with open_store(backend.target, settings=settings) as store:
        store.save_article(build.article("a1"), None)
    before = _versions(backend)
    with open_store(backend.target, settings=settings) as store:
        assert store.has_article("a1")
    assert _versions(backend) == before


def test_schema_newer_database_is_refused(backend, settings):
    open_store(backend.target, settings=settings).close()
    backend.query("INSERT INTO schema_version VALUES (999, 'future', '2030-01-01T00:00:00+00:00')")
    with pytest.raises(StoreError) as caught:
        open_store(backend.target, settings=settings)
    assert caught.value.code == "W201"
    assert "999" in str(caught.value)


def test_schema_later_migration_applies_to_an_existing_database(backend):
    first = backend.migrations()
    backend.open(migrations=first).close()
    extra = Migration(len(first) + 1, "notes", "CREATE TABLE notes (\n    id INTEGER PRIMARY KEY\n);\n")
    backend.open(migrations=[*first, extra]).close()
    assert [v for v, _, _ in _versions(backend)][-1] == extra.version
    assert backend.query("SELECT count(*) FROM notes") == [(0,)]


def test_schema_failed_migration_leaves_the_database_as_it_was(backend):
    first = backend.migrations()
    backend.open(migrations=first).close()
    broken = Migration(len(first) + 1, "broken", "CREATE TABLE half (id INTEGER);\nCREATE TABLE oops (;\n")
    with pytest.raises(StoreError) as caught:
        backend.open(migrations=[*first, broken])
    assert caught.value.code == "W202"
    assert "half" not in backend.names()
    assert [v for v, _, _ in _versions(backend)][-1] == first[-1].version


def test_schema_pragmas_wal_busy_timeout_foreign_keys(tmp_path, settings):
    settings = {**settings, "store": {**settings["store"], "busy_timeout_ms": 1234}}
    with open_store(tmp_path / "w.db", settings=settings) as store:
        conn = store._conn  # the pragmas are per connection: look at the store's own
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 1234
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_schema_postgres_lock_timeout_is_the_busy_timeout(postgres_url, settings):
    settings = {**settings, "store": {**settings["store"], "busy_timeout_ms": 1234}}
    with open_store(postgres_url, settings=settings) as store:
        assert store._conn.execute("SHOW lock_timeout").fetchone()[0] == "1234ms"


def test_schema_sqlite_url_opens_the_file(tmp_path, settings, monkeypatch):
    monkeypatch.chdir(tmp_path)
    open_store("sqlite:///relative.db", settings=settings).close()
    open_store(f"sqlite:///{tmp_path}/absolute.db", settings=settings).close()
    assert (tmp_path / "relative.db").exists()
    assert (tmp_path / "absolute.db").exists()


def test_schema_postgres_urls_open_the_database_and_hide_the_password(postgres_url, settings):
    secret = postgres_url.replace(
        "postgresql://postgres@", "postgres://postgres:s3cret@"
    )  # trust: any password
    with open_store(secret, settings=settings) as store:
        assert isinstance(store, PostgresStore)
        assert store.stats()["articles"] == 0
        assert "s3cret" not in repr(store) and "***" in repr(store)


def test_schema_unreachable_postgres_is_a_store_error_without_the_password(settings):
    # port 1 on loopback: nothing listens there, so the connection is refused at once
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://warlog:s3cret@127.0.0.1:1/warlog", settings=settings)
    assert caught.value.code == "W202"
    assert "127.0.0.1" in str(caught.value)
    assert "s3cret" not in str(caught.value)


def test_schema_other_url_schemes_are_not_supported(settings):
    with pytest.raises(StoreError) as caught:
        open_store("mysql://user:secret@db.example/warlog", settings=settings)
    assert caught.value.code == "W203"
    assert "mysql" in str(caught.value)
    assert "secret" not in str(caught.value)


def test_schema_not_a_database_is_a_store_error(tmp_path, settings):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not SQLite" * 100)
    with pytest.raises(StoreError) as caught:
        open_store(junk, settings=settings)
    assert caught.value.code == "W202"


def test_schema_two_connections_share_one_database(backend, settings, build):
    with (
        open_store(backend.target, settings=settings) as writer,
        open_store(backend.target, settings=settings) as reader,
    ):
        writer.save_article(build.article("a1"), None)
        assert reader.has_article("a1")
