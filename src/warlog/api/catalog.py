"""An in-memory index of a store, for the API's filtered, paginated and map queries.

The :class:`~warlog.store.base.Store` protocol iterates whole tables; the dashboard needs the
incidents in a bounding box, of some types, since some date, a page at a time, within 200 ms on
100,000 events. :class:`Catalog` reads the store once through the protocol (``iter_incidents``,
``iter_events``, ``iter_articles``, ``iter_place_mentions``) into numpy columns and answers those
queries with vectorised masks; :class:`~warlog.api.cache.CatalogCache` rebuilds it when the
database file changes.
Article texts are not kept: pages fetch them with ``store.get_article``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..store import Store
from ..types import EVENT_TYPES, Incident, PlaceMention
from .columns import NO_DAY, TYPE_NAMES, ArticleInfo, Columns, Filters, day_number, day_string

__all__ = ["NO_DAY", "ArticleInfo", "Catalog", "Columns", "Filters", "day_number", "day_string"]


class Catalog:
    """Everything the API filters on, read once from a store."""

    def __init__(self, store: Store) -> None:
        self.sub_names: list[str] = sorted({s for subs in EVENT_TYPES.values() for s in subs})
        self.countries: list[str] = []
        self._country_ix: dict[str, int] = {}
        main = store.main_event_ids()
        self.articles: list[ArticleInfo] = []
        self.article_ix: dict[str, int] = {}
        for a in store.iter_articles():
            self.article_ix[a.article_id] = len(self.articles)
            self.articles.append(
                ArticleInfo(
                    a.article_id,
                    a.title,
                    a.published,
                    a.outlet,
                    a.url,
                    a.language,
                    a.duplicate_of,
                    main.get(a.article_id),
                )
            )
        self.article_day = np.array([day_number(a.published) for a in self.articles], dtype=np.int32)
        self.incidents: list[Incident] = list(store.iter_incidents())
        self.incident_ix = {inc.incident_id: n for n, inc in enumerate(self.incidents)}
        self.mentions: dict[str, list[PlaceMention]] = defaultdict(list)
        for article_id, mention in store.iter_place_mentions():
            self.mentions[article_id].append(mention)
        self._read_events(store)
        self.inc = Columns.build(
            [
                (
                    day_number(i.date),
                    *self._where(i.location),
                    self._type(i.event_type),
                    self._sub(i.sub_event_type),
                    _fatalities(i.fatalities_best, i.fatalities_high, i.fatalities_low),
                    i.confidence,
                    self._country(i.location),
                )
                for i in self.incidents
            ]
        )
        self.inc.actors, self.inc.outlets, self.inc.sources = (
            self._inc_actors,
            self._inc_outlets,
            self._inc_sources,
        )
        self.inc_order = np.lexsort(
            (np.arange(len(self.incidents)), self.inc.day)
        )  # by date, then store order
        self.places = self._places()

    # -- building -----------------------------------------------------------------------------

    def _read_events(self, store: Store) -> None:
        self.event_ids: list[str] = []
        self.event_article: list[int] = []
        self.event_incident: list[int] = []
        rows = []
        actors: dict[str, set[int]] = defaultdict(set)
        inc_actors: dict[str, set[int]] = defaultdict(set)
        inc_outlets: dict[str, set[int]] = defaultdict(set)
        inc_sources: dict[str, set[int]] = defaultdict(set)
        ev_outlets: dict[str, set[int]] = defaultdict(set)
        ev_sources: dict[str, set[int]] = defaultdict(set)
        self.source_kinds: dict[str, Counter[str]] = defaultdict(Counter)
        self.source_origin: Counter[str] = Counter()
        for e in store.iter_events():
            n = len(self.event_ids)
            self.event_ids.append(e.event_id)
            art = self.article_ix.get(e.article_id, -1)
            self.event_article.append(art)
            inc = self.incident_ix.get(e.incident_id or "", -1)
            self.event_incident.append(inc)
            if art >= 0:
                self.articles[art].events += 1
            conf = self.incidents[inc].confidence if inc >= 0 else 0.0
            rows.append(
                (
                    day_number(e.date),
                    *self._where(e.location),
                    self._type(e.event_type),
                    self._sub(e.sub_event_type),
                    _fatalities(e.fatalities),
                    conf,
                    self._country(e.location),
                )
            )
            outlet = self.articles[art].outlet if art >= 0 else None
            for actor in {e.actor1, e.actor2} - {None}:
                actors[str(actor)].add(n)
                if inc >= 0:
                    inc_actors[str(actor)].add(inc)
            if outlet:
                ev_outlets[outlet].add(n)
                if inc >= 0:
                    inc_outlets[outlet].add(inc)
            for s in e.sources:
                ev_sources[s.name].add(n)
                if inc >= 0:
                    inc_sources[s.name].add(inc)
                if s.kind:
                    self.source_kinds[s.name][s.kind] += 1
            if e.sources:
                self.source_origin[e.sources[-1].name] += 1
        self.ev = Columns.build(rows)
        self.ev.actors, self.ev.outlets, self.ev.sources = (
            _lists(actors),
            _lists(ev_outlets),
            _lists(ev_sources),
        )
        self._inc_actors, self._inc_outlets, self._inc_sources = (
            _lists(inc_actors),
            _lists(inc_outlets),
            _lists(inc_sources),
        )
        self.ev_order = np.lexsort((np.arange(len(self.event_ids)), self.ev.day))

    def _type(self, name: str) -> int:
        return TYPE_NAMES.index(name) if name in TYPE_NAMES else -1

    def _sub(self, name: str) -> int:
        return self.sub_names.index(name) if name in self.sub_names else -1

    def _country(self, mention: PlaceMention | None) -> int:
        code = mention.place.country_code if mention and mention.place else None
        if not code:
            return -1
        if code not in self._country_ix:
            self._country_ix[code] = len(self.countries)
            self.countries.append(code)
        return self._country_ix[code]

    @staticmethod
    def _where(mention: PlaceMention | None) -> tuple[float, float]:
        if mention is None or mention.place is None:
            return (np.nan, np.nan)
        return (mention.place.lat, mention.place.lon)

    def _places(self) -> list[dict[str, Any]]:
        found: dict[tuple[Any, ...], dict[str, Any]] = {}
        for article_id, mentions in self.mentions.items():
            for m in mentions:
                p = m.place
                key = (p.geonames_id or p.name, p.country_code) if p else (m.text, None)
                rec = found.setdefault(
                    key,
                    {
                        "name": p.name if p else m.text,
                        "geonames_id": p.geonames_id if p else None,
                        "country_code": p.country_code if p else None,
                        "admin1": p.admin1 if p else None,
                        "lat": p.lat if p else None,
                        "lon": p.lon if p else None,
                        "feature_code": p.feature_code if p else None,
                        "resolved": p is not None,
                        "mentions": 0,
                        "articles": set(),
                    },
                )
                rec["mentions"] += 1
                rec["articles"].add(article_id)
        places = [{**r, "articles": len(r["articles"])} for r in found.values()]
        return sorted(places, key=lambda r: (-r["mentions"], str(r["name"])))

    # -- queries ------------------------------------------------------------------------------

    def mask(self, cols: Columns, f: Filters) -> np.ndarray:
        """Rows of ``cols`` that pass ``f`` (outlet and source only where the columns index them)."""
        keep = np.ones(len(cols), dtype=bool)
        if f.date_from:
            keep &= cols.day >= day_number(f.date_from)
        if f.date_to:
            keep &= (cols.day <= day_number(f.date_to)) & (cols.day != NO_DAY)
        if f.event_type:
            keep &= np.isin(cols.type, [self._type(t) for t in f.event_type if t in TYPE_NAMES])
        if f.sub_event_type:
            keep &= np.isin(cols.sub, [self._sub(t) for t in f.sub_event_type if t in self.sub_names])
        if f.country:
            keep &= np.isin(
                cols.country,
                [self._country_ix[c] for c in (x.upper() for x in f.country) if c in self._country_ix],
            )
        if f.min_confidence is not None:
            keep &= cols.confidence >= f.min_confidence - 1e-6
        if f.bbox is not None:
            west, south, east, north = f.bbox
            with np.errstate(invalid="ignore"):
                keep &= (cols.lat >= south) & (cols.lat <= north)
                if east - west < 360:
                    west, east = _wrap(west), _wrap(east)
                    inside = (
                        (cols.lon >= west) & (cols.lon <= east)
                        if west <= east
                        else ((cols.lon >= west) | (cols.lon <= east))
                    )
                    keep &= inside
        if f.actor:
            keep &= _rows_matching(cols.actors, f.actor, len(cols))
        if f.outlet:
            keep &= _rows_matching(cols.outlets, f.outlet, len(cols), exact=True)
        if f.source:
            keep &= _rows_matching(cols.sources, f.source, len(cols), exact=True)
        return keep

    def select(self, cols: Columns, order: np.ndarray, f: Filters, sort: str = "-date") -> np.ndarray:
        """Row numbers passing ``f``, sorted by ``sort`` (date, fatalities, confidence; '-': descending)."""
        rows = order[self.mask(cols, f)[order]]
        key = sort.lstrip("-")
        if key == "fatalities":
            rows = rows[np.argsort(cols.fatalities[rows], kind="stable")]
        elif key == "confidence":
            rows = rows[np.argsort(cols.confidence[rows], kind="stable")]
        return rows[::-1] if sort.startswith("-") else rows

    def select_articles(self, f: Filters, article_ids: Sequence[str] | None = None) -> list[int]:
        """Article rows (ingestion order) within the dates, of the outlet, among ``article_ids``."""
        keep = np.ones(len(self.articles), dtype=bool)
        if f.date_from:
            keep &= self.article_day >= day_number(f.date_from)
        if f.date_to:
            keep &= (self.article_day <= day_number(f.date_to)) & (self.article_day != NO_DAY)
        if f.outlet:
            keep &= np.array([a.outlet == f.outlet for a in self.articles], dtype=bool)
        if article_ids is not None:
            wanted = {self.article_ix[a] for a in article_ids if a in self.article_ix}
            keep &= np.isin(np.arange(len(self.articles)), list(wanted))
        return [int(n) for n in np.flatnonzero(keep)]

    def timeline(self, f: Filters, bucket: str = "auto") -> dict[str, Any]:
        """Incidents and fatalities per day, week or month (zero-filled, first to last dated incident)."""
        rows = np.flatnonzero(self.mask(self.inc, f) & (self.inc.day != NO_DAY))
        if not len(rows):
            return {"bucket": "day" if bucket == "auto" else bucket, "bins": []}
        days = self.inc.day[rows]
        first, last = int(days.min()), int(days.max())
        if bucket == "auto":
            bucket = "day" if last - first <= 400 else "week" if last - first <= 2000 else "month"
        if bucket == "month":
            months = days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
            keys, width = months - months.min(), int(months.max() - months.min()) + 1
            starts = [str(np.datetime64(int(months.min()) + k, "M")) + "-01" for k in range(width)]
        else:
            step = 7 if bucket == "week" else 1
            base = first - ((first + 3) % 7) if step == 7 else first  # weeks start on Monday
            keys = (days - base) // step
            width = (last - base) // step + 1
            starts = [day_string(base + k * step) for k in range(width)]
        counts = np.bincount(keys, minlength=width)
        deaths = np.bincount(keys, weights=self.inc.fatalities[rows], minlength=width)
        return {
            "bucket": bucket,
            "bins": [
                {"start": s, "count": int(c), "fatalities": int(d)}
                for s, c, d in zip(starts, counts, deaths, strict=True)
            ],
        }

    def clusters(
        self, f: Filters, *, zoom: int, cell_px: int, max_zoom: int, max_points: int
    ) -> dict[str, Any]:
        """The map's markers: incidents grouped on a grid of ``cell_px`` screen pixels at ``zoom``.

        A cell holding one incident (or any cell once ``zoom >= max_zoom``) gives one point per
        incident; a denser cell gives one cluster feature at the mean position of its incidents,
        with their count, total fatalities and the most frequent event type.
        """
        rows = np.flatnonzero(self.mask(self.inc, f) & ~np.isnan(self.inc.lat))
        lat, lon = self.inc.lat[rows], self.inc.lon[rows]
        features: list[dict[str, Any]] = []
        singles = rows
        if zoom < max_zoom and len(rows):
            world = 256.0 * 2**zoom
            merc = np.log(np.tan(np.pi / 4 + np.radians(np.clip(lat, -85, 85)) / 2))
            cx = np.floor((lon + 180) / 360 * world / cell_px).astype(np.int64)
            cy = np.floor((1 - merc / np.pi) / 2 * world / cell_px).astype(np.int64)
            cells, inverse, counts = np.unique(cx * 1_000_003 + cy, return_inverse=True, return_counts=True)
            dense = counts[inverse] > 1
            singles = rows[~dense]
            if dense.any():
                inv = inverse[dense]
                n = len(cells)
                cnt = np.bincount(inv, minlength=n)
                mean_lat = np.bincount(inv, weights=lat[dense], minlength=n)
                mean_lon = np.bincount(inv, weights=lon[dense], minlength=n)
                deaths = np.bincount(inv, weights=self.inc.fatalities[rows[dense]], minlength=n)
                types = self.inc.type[rows[dense]].astype(np.int64) + 1
                by_type = np.bincount(
                    inv * (len(TYPE_NAMES) + 1) + types, minlength=n * (len(TYPE_NAMES) + 1)
                )
                top = by_type.reshape(n, len(TYPE_NAMES) + 1).argmax(axis=1) - 1
                for c in np.flatnonzero(cnt):
                    features.append(
                        _point(
                            float(mean_lon[c] / cnt[c]),
                            float(mean_lat[c] / cnt[c]),
                            {
                                "cluster": True,
                                "count": int(cnt[c]),
                                "fatalities": int(deaths[c]),
                                "event_type": TYPE_NAMES[top[c]] if top[c] >= 0 else None,
                            },
                        )
                    )
        truncated = len(singles) > max_points
        if truncated:
            singles = singles[np.argsort(-self.inc.fatalities[singles], kind="stable")[:max_points]]
        for r in singles:
            i = self.incidents[int(r)]
            place = i.location.place if i.location else None
            features.append(
                _point(
                    float(self.inc.lon[r]),
                    float(self.inc.lat[r]),
                    {
                        "cluster": False,
                        "count": 1,
                        "incident_id": i.incident_id,
                        "event_type": i.event_type,
                        "sub_event_type": i.sub_event_type,
                        "date": i.date,
                        "fatalities": int(self.inc.fatalities[r]),
                        "confidence": i.confidence,
                        "place": place.name if place else None,
                        "reports": len(i.article_ids),
                    },
                )
            )
        return {
            "type": "FeatureCollection",
            "features": features,
            "total": int(len(rows)),
            "truncated": truncated,
        }

    def sources(self) -> list[dict[str, Any]]:
        """Attributed sources, most cited first: name, kind, events, articles, incidents, as_origin."""
        out = []
        for name, rows in self.ev.sources.items():
            kinds = self.source_kinds.get(name)
            out.append(
                {
                    "name": name,
                    "kind": kinds.most_common(1)[0][0] if kinds else None,
                    "events": len(rows),
                    "articles": len({self.event_article[r] for r in rows}),
                    "incidents": len(self.inc.sources.get(name, [])),
                    "as_origin": self.source_origin[name],
                }
            )
        return sorted(out, key=lambda r: (-r["events"], r["name"]))

    def outlets(self) -> list[dict[str, Any]]:
        """Outlets, most articles first: name, articles, events, first and last publication date."""
        by: dict[str, list[ArticleInfo]] = defaultdict(list)
        for a in self.articles:
            if a.outlet:
                by[a.outlet].append(a)
        out = []
        for name, arts in by.items():
            dates = sorted(a.published[:10] for a in arts if a.published)
            out.append(
                {
                    "name": name,
                    "articles": len(arts),
                    "events": sum(a.events for a in arts),
                    "incidents": len(self.inc.outlets.get(name, [])),
                    "first": dates[0] if dates else None,
                    "last": dates[-1] if dates else None,
                }
            )
        return sorted(out, key=lambda r: (-r["articles"], r["name"]))

    def facets(self) -> dict[str, Any]:
        """Values the filter controls offer: event types, countries, actors, date range."""
        dated = self.inc.day[self.inc.day != NO_DAY]
        return {
            "event_types": {t: list(EVENT_TYPES[t]) for t in TYPE_NAMES},
            "countries": sorted(self.countries),
            "actors": sorted(self.ev.actors, key=lambda a: (-len(self.ev.actors[a]), a))[:200],
            "date_min": day_string(int(dated.min())) if len(dated) else None,
            "date_max": day_string(int(dated.max())) if len(dated) else None,
        }


# -- helpers ------------------------------------------------------------------------------------


def _fatalities(*values: int | None) -> int:
    return next((v for v in values if v is not None), 0)


def _lists(index: dict[str, set[int]]) -> dict[str, list[int]]:
    return {k: sorted(v) for k, v in index.items()}


def _rows_matching(index: dict[str, list[int]], wanted: str, size: int, *, exact: bool = False) -> np.ndarray:
    """Rows whose indexed names match ``wanted``: exactly, or (actors) as a case-insensitive substring."""
    hit = np.zeros(size, dtype=bool)
    needle = wanted.casefold()
    for name, rows in index.items():
        if (name == wanted) if exact else (needle in name.casefold()):
            hit[rows] = True
    return hit


def _wrap(lon: float) -> float:
    return ((lon + 180) % 360) - 180 if not -180 <= lon <= 180 else lon


def _point(lon: float, lat: float, props: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]},
        "properties": props,
    }
