"""What a ``--db`` value names: an SQLite file, ``":memory:"``, or a PostgreSQL server's database.

Kept apart from the stores so that the command line and the API can tell a file from a server
(and print a URL without its password) without importing a database driver.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from ..errors import StoreError

#: URL schemes of PostgreSQL connection strings (libpq accepts both).
POSTGRES_SCHEMES = frozenset({"postgresql", "postgres"})


def scheme_of(path: str | Path) -> str | None:
    """The lower-cased URL scheme of ``path`` (``sqlite``, ``postgresql``, …), or None for a file path."""
    if isinstance(path, str) and "://" in path:
        return path.partition("://")[0].lower()
    return None


def is_server(path: str | Path) -> bool:
    """Whether ``path`` is a PostgreSQL URL."""
    return scheme_of(path) in POSTGRES_SCHEMES


def sqlite_target(path: str | Path) -> str | Path:
    """The file (or ``":memory:"``) an SQLite target opens: ``path`` itself, or the path of an
    ``sqlite:///relative.db`` / ``sqlite:////absolute.db`` URL. Other URLs raise StoreError W203."""
    scheme = scheme_of(path)
    if scheme is None:
        return path
    if scheme != "sqlite":
        raise StoreError("W203", scheme=str(path).partition("://")[0])
    return str(path).partition("://")[2].removeprefix("/") or ":memory:"


def database_file(path: str | Path) -> Path | None:
    """The SQLite file ``path`` names; None for ``":memory:"`` and for a PostgreSQL URL."""
    if is_server(path):
        return None
    target = sqlite_target(path)
    return None if str(target) == ":memory:" else Path(target)


def redact(path: str | Path) -> str:
    """``path`` fit to print: a URL's password (in the user part or a ``password=`` parameter) is
    replaced by ``***``."""
    text = str(path)
    if scheme_of(text) is None:
        return text
    parts = urlsplit(text)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, host = netloc.rpartition("@")
        user, has_password, _ = userinfo.partition(":")
        netloc = f"{user}{':***' if has_password else ''}@{host}"
    query = re.sub(r"(?i)(^|&)(password=)[^&]*", r"\1\2***", parts.query)
    return urlunsplit(parts._replace(netloc=netloc, query=query))
