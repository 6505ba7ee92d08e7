"""Versioned schema migrations for the SQLite store (the PostgreSQL store's: ``postgres_schema``).

Migrations are the files ``migrations/NNNN_name.sql`` beside this module, applied in order
(PostgreSQL's are in ``migrations_postgres/``, with the same versions and names).
Each applied migration is recorded as a row of ``schema_version`` (version, name, applied_at).
A database whose schema is newer than the newest migration known here is refused (W201) rather
than written to by code that does not understand it.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

from ..errors import StoreError

_FILENAME = re.compile(r"(\d{4})_(\w+)\.sql")


@dataclass(frozen=True)
class Migration:
    """One schema step: ``sql`` is a script of ``;``-terminated statements."""

    version: int
    name: str
    sql: str


#: The folders of packaged migrations, beside this module.
SQLITE_MIGRATIONS = "migrations"
POSTGRES_MIGRATIONS = "migrations_postgres"


def load_migrations(folder: str = SQLITE_MIGRATIONS) -> list[Migration]:
    """The packaged migrations of one dialect, in version order."""
    found = []
    for entry in resources.files("warlog.store").joinpath(folder).iterdir():
        match = _FILENAME.fullmatch(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    return sorted(found, key=lambda m: m.version)


def schema_version(conn: sqlite3.Connection) -> int:
    """The newest migration applied to ``conn``'s database (0 for a new database)."""
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not has_table:
        return 0
    return int(conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration], *, path: str) -> None:
    """Bring ``conn``'s database up to the last of ``migrations``, in one transaction.

    ``conn`` must be in autocommit mode (``isolation_level=None``). Reading the version first
    keeps opening an up-to-date database free of write locks.
    """
    if not needs_migration(schema_version(conn), migrations, path=path):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version"
            " (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        found = schema_version(conn)  # another process may have migrated meanwhile
        for migration in migrations:
            if migration.version > found:
                for statement in _statements(migration.sql):
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, now()),
                )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def needs_migration(found: int, migrations: Sequence[Migration], *, path: str) -> bool:
    """Whether a database at schema ``found`` lacks some of ``migrations``; W201 if it is newer."""
    known = migrations[-1].version if migrations else 0
    if found > known:
        raise StoreError("W201", path=path, found=found, known=known)
    return found < known


def now() -> str:
    """The current UTC time as ISO 8601, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _statements(script: str) -> Iterator[str]:
    """Split a script into statements (``executescript`` would commit the open transaction)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending
            pending = ""
