"""Fixtures for the API tests: a small fictional database, a test client, the demo-corpus database."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from warlog.api import create_app
from warlog.api.synthetic import add_hostile, fill
from warlog.store import open_store

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)
TOKEN = "test-token-1234"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory, settings) -> Path:
    """60 fictional incidents (2024) and one article full of markup (``hostile-1``)."""
    path = tmp_path_factory.mktemp("api") / "sample.db"
    with open_store(path, settings=settings) as store:
        fill(store, incidents=60)
        add_hostile(store)
    return path


@pytest.fixture(scope="session")
def token() -> str:
    """The ingest token the test app is built with."""
    return TOKEN


@pytest.fixture(scope="session")
def app(sample_db, settings):
    return create_app(sample_db, settings=settings, token=TOKEN)


@pytest.fixture(scope="session")
def client(app):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's notice about httpx2
        from fastapi.testclient import TestClient

        return TestClient(app)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory, settings, demo_corpus) -> Path:
    """The bundled demo corpus, ingested by the real pipeline."""
    from warlog.pipeline import ingest

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with open_store(path, settings=settings) as store:
        report = ingest([str(demo_corpus)], store=store, settings=settings)
    failed = [str(p) for p in report.problems if p.code == "W301"]
    assert report.events and not failed, f"the pipeline failed on the demo corpus: {failed[:3]}"
    return path
