"""The ``outlets`` kind: per-outlet profile of corroboration, contradiction and attribution."""

from __future__ import annotations

import csv
import io
import json

from warlog.export import KINDS, export, formats_for


def _outlets(store):
    out = io.StringIO()
    export(store, "outlets", out)
    return {r["outlet"]: r for r in map(json.loads, out.getvalue().splitlines())}


def test_export_outlets_is_a_kind_without_geojson():
    assert "outlets" in KINDS
    assert formats_for("outlets") == ("jsonl", "csv", "parquet")


def test_export_outlets_profiles_each_outlet(store):
    found = _outlets(store)
    assert set(found) == {"Daily Mail", "Reuters"}
    mail = found["Daily Mail"]
    # a1:e1 is in i1 (two independent sources, same toll and day precision differs); a1:e2 stands alone
    assert mail["events"] == 2
    assert mail["corroborated"] == 0.5
    assert mail["contradicted"] == 0.0
    assert mail["unattributed"] == 0.5  # the drone strike has no attribution chain
    assert mail["median_attribution_depth"] == 1.5
    assert found["Reuters"] == {
        "outlet": "Reuters",
        "events": 1,
        "corroborated": 1.0,
        "contradicted": 0.0,
        "unattributed": 0.0,
        "median_attribution_depth": 1.0,
    }


def test_export_outlets_counts_a_contradicting_report(store, build_contradiction):
    build_contradiction(store)
    found = _outlets(store)
    # a4:e1 (5 dead) disagrees with the Daily Mail's a1:e1 (2 dead); a2:e1 agrees with it
    assert found["Reuters"]["contradicted"] == 0.5
    assert found["Daily Mail"]["contradicted"] == 0.5


def test_export_outlets_csv_has_the_same_rows(store):
    out = io.StringIO(newline="")
    assert export(store, "outlets", out, fmt="csv") == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["outlet"] for r in rows] == ["Daily Mail", "Reuters"]
    assert list(rows[0]) == [
        "outlet",
        "events",
        "corroborated",
        "contradicted",
        "unattributed",
        "median_attribution_depth",
    ]
