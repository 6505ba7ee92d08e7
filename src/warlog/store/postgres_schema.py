"""Versioned schema migrations for the PostgreSQL store: :mod:`warlog.store.schema`'s approach.

The migrations are ``migrations_postgres/NNNN_name.sql``, with the versions and names of the
SQLite ones (a test checks it), each recorded as a row of ``schema_version``. Opening a database
that is up to date reads one version and takes no lock; otherwise every pending migration runs in
one transaction, under an advisory lock so that two processes opening a new database at once
migrate it once. A newer database than this code knows is refused (W201).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import psycopg

from .schema import Migration, needs_migration, now


def advisory_key(name: str) -> int:
    """A PostgreSQL advisory-lock key (a bigint) for ``name``: the first 8 bytes of its SHA-1, so
    that no other program sharing the server is likely to pick the same one."""
    return int.from_bytes(hashlib.sha1(name.encode()).digest()[:8], "big", signed=True)


#: The transaction-level advisory lock held while migrating.
MIGRATION_LOCK = advisory_key("warlog.schema")


def schema_version(conn: psycopg.Connection) -> int:
    """The newest migration applied to ``conn``'s database (0 for a new database)."""
    row = conn.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return 0
    found = conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
    return int(found[0]) if found else 0


def migrate(conn: psycopg.Connection, migrations: Sequence[Migration], *, path: str) -> None:
    """Bring ``conn``'s database (an autocommit connection) up to the last of ``migrations``."""
    if not needs_migration(schema_version(conn), migrations, path=path):
        return
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version"
            " (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)"
        )
        found = schema_version(conn)  # another process may have migrated meanwhile
        if not needs_migration(found, migrations, path=path):
            return
        for migration in migrations:
            if migration.version > found:
                conn.execute(migration.sql)  # a script: no parameters, so several statements may run
                conn.execute(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (%s, %s, %s)",
                    (migration.version, migration.name, now()),
                )
