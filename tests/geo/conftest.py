"""Helpers for geo tests: a tiny hand-built gazetteer and hand-tagged Docs (no model needed)."""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from warlog.geo import GeoParser
from warlog.geo.gazetteer import Gazetteer
from warlog.geo.names import fold, loose
from warlog.settings import load_settings
from warlog.types import Article, PlaceMention

# name, lat, lon, cc, geonames id, admin1, class, code, population, other names
ROWS: list[tuple[Any, ...]] = [
    ("Libya", 28.0, 17.0, "LY", 2215636, None, "A", "PCLI", 6_000_000, ["Libya"]),
    ("Lebanon", 33.83, 35.83, "LB", 272103, None, "A", "PCLI", 6_000_000, ["Lebanon"]),
    ("Jordan", 31.0, 36.0, "JO", 248816, None, "A", "PCLI", 9_900_000, ["Jordan"]),
    ("Georgia", 42.0, 43.5, "GE", 614540, None, "A", "PCLI", 3_700_000, ["Georgia"]),
    ("United States", 39.76, -98.5, "US", 6252001, None, "A", "PCLI", 327_000_000, ["United States", "US"]),
    ("Syria", 35.0, 38.0, "SY", 163843, None, "A", "PCLI", 17_000_000, ["Syria"]),
    ("Iraq", 33.0, 44.0, "IQ", 99237, None, "A", "PCLI", 38_000_000, ["Iraq"]),
    ("Georgia", 32.75, -83.5, "US", None, "Georgia", "A", "ADM1", 6_000_000, ["Georgia"]),
    ("Aleppo", 36.15, 37.39, "SY", None, "Aleppo", "A", "ADM1", 2_800_000, ["Aleppo", "Aleppo province"]),
    ("Tripoli", 32.88, 13.19, "LY", 2210247, "Tripoli", "P", "PPLC", 1_150_000, ["Tripoli"]),
    ("Tripoli", 34.44, 35.85, "LB", 266826, "North", "P", "PPL", 230_000, ["Tripoli"]),
    ("Benghazi", 32.12, 20.07, "LY", 88319, "Benghazi", "P", "PPL", 650_000, ["Benghazi"]),
    ("Beirut", 33.89, 35.49, "LB", 276781, "Beirut", "P", "PPLC", 1_900_000, ["Beirut"]),
    ("Aleppo", 36.20, 37.16, "SY", 170063, "Aleppo", "P", "PPLA", 2_100_000, ["Aleppo", "Halab"]),
    ("Atlanta", 33.75, -84.39, "US", 4180439, "Georgia", "P", "PPL", 460_000, ["Atlanta"]),
    # the capital and the state of one name
    ("Washington", 38.90, -77.04, "US", 4140963, "Washington, D.C.", "P", "PPLC", 690_000, ["Washington"]),
    ("Washington", 47.5, -120.5, "US", 5815135, "Washington", "A", "ADM1", 7_700_000, ["Washington"]),
    ("Seattle", 47.61, -122.33, "US", 5809844, "Washington", "P", "PPLA2", 750_000, ["Seattle"]),
    ("Tbilisi", 41.69, 44.83, "GE", 611717, "Tbilisi", "P", "PPLC", 1_050_000, ["Tbilisi"]),
    ("Ţūz Khūrmātū", 34.89, 44.63, "IQ", 98245, "Saladin", "P", "PPL", 120_000, ["Tuz Khurmatu"]),
    ("Kirkuk", 35.47, 44.39, "IQ", 94787, "Kirkuk", "P", "PPLA", 1_000_000, ["Kirkuk"]),
    ("Al Qayyārah", 35.80, 43.29, "IQ", 98860, "Nineveh", "P", "PPL", 15_000, ["Al Qayyarah", "Qayyarah"]),
    # a village far away sharing its name with a city in the article's region
    ("Kirkuk", 10.0, 10.0, "NG", 999001, "Bauchi", "P", "PPL", 900, ["Kirkuk"]),
    ("Al Bab", 36.37, 37.52, "SY", 170017, "Aleppo", "P", "PPL", 130_000, ["Al Bab", "Bab"]),
    ("Bab", 46.0, 2.0, "FR", 999002, "Auvergne", "P", "PPL", 800, ["Bab"]),
    ("Qxyzville", 31.0, -7.0, "MA", 999005, "Marrakesh-Safi", "P", "PPL", 500, ["Qxyzville"]),
    ("Sadr City", 33.39, 44.46, "IQ", 999003, "Baghdad", "P", "PPL", 1_500_000, ["Sadr City"]),
    ("Sadr", 10.0, 50.0, "SO", 999004, "Bari", "P", "PPL", 2_000, ["Sadr"]),
    # a division known by other spellings, and villages whose namesakes lie in different divisions
    ("Idlib", 35.8, 36.6, "SY", None, "Idlib", "A", "ADM1", 1_500_000, ["Idlib"]),
    ("Idlib", 35.93, 36.63, "SY", 999010, "Idlib", "P", "PPLA", 165_000, ["Idlib", "Idleb"]),
    ("Qarya Ula", 36.3, 37.3, "SY", 999011, "Aleppo", "P", "PPL", 4_000, ["Qarya Ula"]),
    ("Qarya Thaniya", 36.3, 37.2, "SY", 999012, "Aleppo", "P", "PPL", 9_000, ["Qarya Thaniya"]),
    ("Qarya Thaniya", 35.7, 36.5, "SY", 999013, "Idlib", "P", "PPL", 1_000, ["Qarya Thaniya"]),
    # a province and its seat whose primary name is another spelling ("Ar Raqqah")
    ("Raqqa", 35.7, 38.9, "SY", None, "Raqqa", "A", "ADM1", 900_000, ["Raqqa"]),
    ("Ar Raqqah", 35.95, 39.01, "SY", 999015, "Raqqa", "P", "PPLA", 530_000, ["Ar Raqqah", "Raqqa"]),
    # a town known by its "-ah" spelling only
    ("Al Hawijah", 35.32, 43.77, "IQ", 999016, "Kirkuk", "P", "PPL", 0, ["Al Hawijah", "Hawijah"]),
    # a town whose name is also the generic prefix of many village names ("Tall X": "hill of X")
    ("At Tall", 33.61, 36.31, "SY", 999014, "Rif Dimashq", "P", "PPL", 55_000, ["At Tall", "Tall"]),
]
DEMONYMS = {"syrian": 5, "iraqi": 6, "libyan": 0, "lebanese": 1}


def tiny_gazetteer() -> Gazetteer:
    cols: dict[str, Any] = {k: [] for k in ("name", "cc", "admin1", "fcl", "fcode")}
    lat, lon, gid, pop = array("d"), array("d"), array("q"), array("q")
    exact: dict[str, list[int]] = defaultdict(list)
    lo: dict[str, list[int]] = defaultdict(list)
    for i, (name, la, ln, cc, g, a1, fcl, fcode, p, names) in enumerate(ROWS):
        cols["name"].append(name)
        cols["cc"].append(cc)
        cols["admin1"].append(a1)
        cols["fcl"].append(fcl)
        cols["fcode"].append(fcode)
        lat.append(la)
        lon.append(ln)
        gid.append(g or 0)
        pop.append(p)
        for key in {fold(n) for n in [name, *names]}:
            exact[key].append(i)
            lo[loose(key)].append(i)
    data = {
        **cols,
        "lat": lat,
        "lon": lon,
        "gid": gid,
        "pop": pop,
        "exact": {k: array("i", v) for k, v in exact.items()},
        "loose": {k: array("i", v) for k, v in lo.items() if len(k) >= 3},
        "demonyms": DEMONYMS,
        "countries": {r[3]: i for i, r in enumerate(ROWS) if r[7] == "PCLI"},
        "regions": {},
        "admin1_idx": {(r[3], r[0]): i for i, r in enumerate(ROWS) if r[7] == "ADM1"},
    }
    return Gazetteer(data)


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return tiny_gazetteer()


_BLANK = spacy.blank("en")


Parse = Callable[[str, list[tuple[str, str]]], list[PlaceMention]]


@pytest.fixture(scope="session")
def geoparse(gaz: Gazetteer) -> Parse:
    """``geoparse(text, ents)``: GeoParser over the tiny gazetteer, on a Doc whose entities are
    set by hand (see :func:`make_tagged`)."""
    parser = GeoParser(settings=load_settings(), gazetteer=gaz)

    def run(text: str, ents: list[tuple[str, str]]) -> list[PlaceMention]:
        return parser.parse(
            make_tagged(text, ents), article=Article(article_id="t", text=text, content_hash="")
        )

    return run


def make_tagged(text: str, ents: list[tuple[str, str]]) -> Doc:
    """A Doc of ``text`` whose entities are the first occurrences of the given (text, label) pairs,
    searched left to right."""
    doc = _BLANK(text)
    spans, pos = [], 0
    for ent_text, label in ents:
        start = text.index(ent_text, pos)
        span = doc.char_span(start, start + len(ent_text), label=label)
        assert span is not None, ent_text
        spans.append(span)
        pos = start + len(ent_text)
    doc.ents = spans
    for tok in doc:  # a blank pipeline tags nothing: mark capitalised words as proper nouns
        if tok.text[:1].isupper():
            tok.pos_ = "PROPN"
    return doc
