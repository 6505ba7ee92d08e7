"""Shared fixtures. The spaCy model and the gazetteer load once per test session."""

from __future__ import annotations

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
