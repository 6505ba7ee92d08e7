"""Shared fixtures. The spaCy model and the gazetteer load once per test session; so does a real
PostgreSQL server, for the tests that ask for it (``postgres_server``, ``postgres_url``)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from importlib import resources
from pathlib import Path

import pytest

from warlog.settings import load_settings

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


@pytest.fixture(scope="session")
def settings():
    return load_settings()


@pytest.fixture(scope="session")
def analyser(settings):
    from warlog.pipeline import Analyser

    return Analyser(settings=settings)


@pytest.fixture(scope="session")
def demo_corpus() -> Path:
    return Path(str(resources.files("warlog") / "demo" / "corpus"))


@pytest.fixture(scope="session")
def contract_dir() -> Path:
    path = SHARED / "contract"
    if not path.is_dir():
        pytest.skip("../shared/contract is not beside the project")
    return path.resolve()


# -- a real PostgreSQL server for the PostgreSQL store's tests ------------------------------------

#: Where Debian's package postgresql puts the server programs (one folder per major version).
POSTGRES_BIN_GLOB = "/usr/lib/postgresql/*/bin"
#: The package that provides them (the Makefile's `test` target installs it).
POSTGRES_PACKAGE = "postgresql"
#: Server settings for throwaway test data: no fsync or full-page writes (nothing here needs to
#: survive a crash) and no waiting for the WAL at commit; enough connections for the API's threads.
POSTGRES_TEST_SETTINGS = {
    "fsync": "off",
    "full_page_writes": "off",
    "synchronous_commit": "off",
    "max_connections": "50",
}
#: Seconds pg_ctl waits for the server to start or stop.
POSTGRES_PG_CTL_TIMEOUT_S = 60


def _postgres_bin() -> Path:
    """The folder of initdb and pg_ctl: the newest under POSTGRES_BIN_GLOB, else on $PATH."""
    found = sorted(
        (Path(p) for p in glob.glob(POSTGRES_BIN_GLOB) if (Path(p) / "initdb").exists()),
        key=lambda p: [int(x) if x.isdigit() else 0 for x in p.parent.name.split(".")],
    )
    if found:
        return found[-1]
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).parent
    pytest.fail(
        f"PostgreSQL's server programs (initdb, pg_ctl) are not installed: the PostgreSQL store's "
        f"tests start a real server. Install Debian's package {POSTGRES_PACKAGE!r} "
        f"(`apt-get install {POSTGRES_PACKAGE}`, which `make test` runs) or put initdb on $PATH.",
        pytrace=False,
    )


class PostgresServer:
    """A throwaway PostgreSQL cluster: initdb into a temporary folder, then one server listening on
    a free port of 127.0.0.1 (and a unix socket in that folder) with trust authentication.

    As root, initdb and the server refuse to run: they run as the ``postgres`` system user (created
    by the Debian package) through ``runuser``, and the folder is given to that user.
    """

    def __init__(self) -> None:
        self.bin = _postgres_bin()
        self.root = Path(tempfile.mkdtemp(prefix="warlog-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.port = _free_port()
        self._databases = 0

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self.as_user, *args], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""
            pytest.fail(f"{' '.join(args)} failed:\n{done.stdout}{done.stderr}\n{log}", pytrace=False)

    def start(self) -> None:
        self._run(
            str(self.bin / "initdb"),
            *("-D", str(self.data), "-U", "postgres", "--auth=trust", "--encoding=UTF8"),
            *("--locale=C.UTF-8", "--no-sync", "--no-instructions"),
        )
        options = {
            "listen_addresses": "127.0.0.1",
            "port": str(self.port),
            "unix_socket_directories": str(self.root),
            **POSTGRES_TEST_SETTINGS,
        }
        self._run(
            str(self.bin / "pg_ctl"),
            *("-D", str(self.data), "-l", str(self.log), "-w", "-t", str(POSTGRES_PG_CTL_TIMEOUT_S)),
            *("-o", " ".join(f"-c {key}={value}" for key, value in options.items()), "start"),
        )

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run(
                str(self.bin / "pg_ctl"),
                *("-D", str(self.data), "-m", "fast", "-w", "-t", str(POSTGRES_PG_CTL_TIMEOUT_S), "stop"),
            )
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres", *, password: str | None = None) -> str:
        user = f"postgres:{password}" if password else "postgres"
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        """Run one statement as the superuser, outside a transaction (CREATE/DROP DATABASE)."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql)

    def create_database(self) -> str:
        """A new, empty database: its name."""
        self._databases += 1
        name = f"warlog_test_{self._databases}"
        self.admin(f"CREATE DATABASE {name}")
        return name

    def drop_database(self, name: str) -> None:
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server for the whole session (started on first use, stopped at the end)."""
    server = PostgresServer()
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server):
    """The URL of a new, empty database on the session's server (dropped after the test)."""
    name = postgres_server.create_database()
    yield postgres_server.url(name)
    postgres_server.drop_database(name)
