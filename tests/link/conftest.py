"""Fixtures for the linking tests: an empty store on disk (``settings`` comes from tests/conftest.py)."""

from __future__ import annotations

import pytest

from warlog.store import open_store


@pytest.fixture()
def store(tmp_path, settings):
    with open_store(tmp_path / "link.db", settings=settings) as s:
        yield s
