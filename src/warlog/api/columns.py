"""The plain records and numpy columns the API's :class:`~warlog.api.catalog.Catalog` is made of:
day numbers, the filters a query carries, articles without text, and the parallel columns of
incidents and events."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from ..types import EVENT_TYPES

__all__ = ["NO_DAY", "TYPE_NAMES", "ArticleInfo", "Columns", "Filters", "day_number", "day_string"]

TYPE_NAMES: tuple[str, ...] = tuple(EVENT_TYPES)
_EPOCH = date(1970, 1, 1)
NO_DAY = -(2**31)


def day_number(value: str | None) -> int:
    """Days since 1970-01-01 of an ISO date (or datetime); NO_DAY when missing or not a date."""
    if not value or len(value) < 10:
        return NO_DAY
    try:
        return (date.fromisoformat(value[:10]) - _EPOCH).days
    except ValueError:
        return NO_DAY


def day_string(n: int) -> str:
    return (_EPOCH + timedelta(days=int(n))).isoformat()


@dataclass(frozen=True)
class Filters:
    """What a list, the map or the timeline is restricted to (every field optional)."""

    date_from: str | None = None
    date_to: str | None = None
    event_type: tuple[str, ...] = ()
    sub_event_type: tuple[str, ...] = ()
    actor: str | None = None
    country: tuple[str, ...] = ()
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    min_confidence: float | None = None
    outlet: str | None = None
    source: str | None = None


@dataclass
class ArticleInfo:
    """An article without its text."""

    article_id: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None
    language: str | None
    duplicate_of: str | None
    main_event_id: str | None = None
    events: int = 0


@dataclass
class Columns:
    """Parallel numpy columns over one kind of located, dated record (incidents or events)."""

    day: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    type: np.ndarray
    sub: np.ndarray
    fatalities: np.ndarray
    confidence: np.ndarray
    country: np.ndarray
    actors: dict[str, list[int]] = field(default_factory=dict)  # actor name → row numbers
    outlets: dict[str, list[int]] = field(default_factory=dict)
    sources: dict[str, list[int]] = field(default_factory=dict)

    @staticmethod
    def build(rows: Sequence[tuple[int, float, float, int, int, int, float, int]]) -> Columns:
        arr = list(zip(*rows, strict=True)) if rows else [()] * 8
        return Columns(
            day=np.array(arr[0], dtype=np.int32),
            lat=np.array(arr[1], dtype=np.float64),
            lon=np.array(arr[2], dtype=np.float64),
            type=np.array(arr[3], dtype=np.int16),
            sub=np.array(arr[4], dtype=np.int16),
            fatalities=np.array(arr[5], dtype=np.int32),
            confidence=np.array(arr[6], dtype=np.float32),
            country=np.array(arr[7], dtype=np.int16),
        )

    def __len__(self) -> int:
        return len(self.day)
