"""The in-memory catalog: filters, ordering, clusters, timeline, and rebuilding when the database changes."""

from __future__ import annotations

import numpy as np

from warlog.api.cache import CatalogCache
from warlog.api.catalog import NO_DAY, Catalog, Filters, day_number, day_string
from warlog.api.synthetic import fill
from warlog.store import open_store


def test_catalog_day_numbers_round_trip():
    assert day_number("1970-01-02") == 1 and day_string(day_number("2024-02-29")) == "2024-02-29"
    assert day_number("2024-05-06T10:00:00") == day_number("2024-05-06")
    assert day_number(None) == NO_DAY and day_number("May 2024") == NO_DAY


def test_catalog_reads_everything_through_the_store(sample_db, settings):
    with open_store(sample_db, settings=settings) as store:
        catalog = Catalog(store)
        assert len(catalog.incidents) == store.stats()["incidents"]
        assert len(catalog.event_ids) == store.stats()["events"]
        assert len(catalog.articles) == store.stats()["articles"]


def test_catalog_filters_combine(sample_db, settings):
    with open_store(sample_db, settings=settings) as store:
        catalog = Catalog(store)
    f = Filters(event_type=("Battles",), country=("iq",), date_from="2024-02-01")
    rows = catalog.select(catalog.inc, catalog.inc_order, f)
    for r in rows:
        inc = catalog.incidents[int(r)]
        assert (
            inc.event_type == "Battles"
            and inc.location.place.country_code == "IQ"
            and inc.date >= "2024-02-01"
        )
    assert len(rows) < len(catalog.incidents)


def test_catalog_bbox_crossing_the_antimeridian(settings, tmp_path):
    with open_store(tmp_path / "x.db", settings=settings) as store:
        fill(store, incidents=30)
        catalog = Catalog(store)
    everything = catalog.mask(catalog.inc, Filters(bbox=(-180, -90, 180, 90))).sum()
    assert everything == 30
    wrapped = catalog.mask(catalog.inc, Filters(bbox=(170, -90, 370, 90))).sum()  # 170°E to 10°E via 180°
    expected = int(np.sum((catalog.inc.lon >= 170) | (catalog.inc.lon <= 10)))
    assert 0 < expected < 30 and wrapped == expected


def test_catalog_clusters_keep_every_incident_counted(sample_db, settings):
    with open_store(sample_db, settings=settings) as store:
        catalog = Catalog(store)
    for zoom in range(0, 13):
        fc = catalog.clusters(Filters(), zoom=zoom, cell_px=60, max_zoom=11, max_points=10_000)
        assert sum(f["properties"]["count"] for f in fc["features"]) == len(catalog.incidents)
    few = catalog.clusters(Filters(), zoom=12, cell_px=60, max_zoom=11, max_points=5)
    assert few["truncated"] and len(few["features"]) == 5
    deaths = [f["properties"]["fatalities"] for f in few["features"]]
    assert min(deaths) >= sorted(catalog.inc.fatalities)[-5]


def test_catalog_cache_rebuilds_when_the_database_changes(settings, tmp_path):
    path = tmp_path / "grow.db"
    with open_store(path, settings=settings) as store:
        fill(store, incidents=3)
    cache = CatalogCache(path, lambda: open_store(path, settings=settings), check_every=0)
    first = cache.get()
    assert cache.get() is first and len(first.incidents) == 3
    with open_store(path, settings=settings) as store:
        fill(store, incidents=5, seed=8)  # same ids for the first 3: they are skipped
    assert len(cache.get().incidents) == 5
