"""Opening a store: migrations, versions, pragmas, URLs."""

from __future__ import annotations

import sqlite3

import pytest

from warlog.errors import StoreError
from warlog.store import SQLiteStore, open_store
from warlog.store.schema import Migration, load_migrations


def _versions(path):
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT version, name, applied_at FROM schema_version ORDER BY version"
        ).fetchall()


def test_schema_migrations_are_packaged_in_order_from_one():
    migrations = load_migrations()
    assert [m.version for m in migrations] == list(range(1, len(migrations) + 1))
    assert migrations[0].name == "init"


def test_schema_migrations_apply_and_are_recorded(tmp_path, settings):
    db = tmp_path / "w.db"
    open_store(db, settings=settings).close()
    versions = _versions(db)
    assert [(v, name) for v, name, _ in versions] == [(m.version, m.name) for m in load_migrations()]
    with sqlite3.connect(db) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {
        "articles",
        "events",
        "sources",
        "place_mentions",
        "incidents",
        "ingest_errors",
        "articles_fts",
    } <= tables


def test_schema_reopening_is_a_no_op(tmp_path, settings, build):
    db = tmp_path / "w.db"
    with open_store(db, settings=settings) as store:
        store.save_article(build.article("a1"), None)
    before = _versions(db)
    with open_store(db, settings=settings) as store:
        assert store.has_article("a1")
    assert _versions(db) == before


def test_schema_newer_database_is_refused(tmp_path, settings):
    db = tmp_path / "w.db"
    open_store(db, settings=settings).close()
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO schema_version VALUES (999, 'future', '2030-01-01T00:00:00+00:00')")
    with pytest.raises(StoreError) as caught:
        open_store(db, settings=settings)
    assert caught.value.code == "W201"
    assert "999" in str(caught.value)


def test_schema_later_migration_applies_to_an_existing_database(tmp_path):
    db = tmp_path / "w.db"
    first = load_migrations()
    SQLiteStore(db, migrations=first).close()
    extra = Migration(len(first) + 1, "notes", "CREATE TABLE notes (\n    id INTEGER PRIMARY KEY\n);\n")
    SQLiteStore(db, migrations=[*first, extra]).close()
    assert [v for v, _, _ in _versions(db)][-1] == extra.version
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM notes").fetchone() == (0,)


def test_schema_failed_migration_leaves_the_database_as_it_was(tmp_path):
    db = tmp_path / "w.db"
    first = load_migrations()
    SQLiteStore(db, migrations=first).close()
    broken = Migration(len(first) + 1, "broken", "CREATE TABLE half (id INTEGER);\nCREATE TABLE oops (;\n")
    with pytest.raises(StoreError) as caught:
        SQLiteStore(db, migrations=[*first, broken])
    assert caught.value.code == "W202"
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'half'").fetchone() is None
    assert [v for v, _, _ in _versions(db)][-1] == first[-1].version


def test_schema_pragmas_wal_busy_timeout_foreign_keys(tmp_path, settings):
    settings = {**settings, "store": {**settings["store"], "busy_timeout_ms": 1234}}
    with open_store(tmp_path / "w.db", settings=settings) as store:
        conn = store._conn  # the pragmas are per connection: look at the store's own
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 1234
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_schema_sqlite_url_opens_the_file(tmp_path, settings, monkeypatch):
    monkeypatch.chdir(tmp_path)
    open_store("sqlite:///relative.db", settings=settings).close()
    open_store(f"sqlite:///{tmp_path}/absolute.db", settings=settings).close()
    assert (tmp_path / "relative.db").exists()
    assert (tmp_path / "absolute.db").exists()


def test_schema_postgresql_url_is_not_built_yet(settings):
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://user:secret@db.example/warlog", settings=settings)
    assert caught.value.code == "W203"
    assert "postgresql" in str(caught.value)
    assert "secret" not in str(caught.value)


def test_schema_not_a_database_is_a_store_error(tmp_path, settings):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not SQLite" * 100)
    with pytest.raises(StoreError) as caught:
        open_store(junk, settings=settings)
    assert caught.value.code == "W202"


def test_schema_two_connections_share_one_file(tmp_path, settings, build):
    db = tmp_path / "w.db"
    with open_store(db, settings=settings) as writer, open_store(db, settings=settings) as reader:
        writer.save_article(build.article("a1"), None)
        assert reader.has_article("a1")
