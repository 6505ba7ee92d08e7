"""geo: find and pin every place an article names.

Interface
---------
``GeoParser(*, settings)``
    Built once per process (loads the gazetteer index: ~1 s from the cache, ~30 s to build it the
    first time). ``.parse(doc, *, article) -> list[PlaceMention]``: every toponym mention, in text
    order, offsets into ``article.text``; ``place`` is None when the name was recognised but not
    resolved. ``how`` says how it was found: "ner" (spaCy's GPE/LOC/FAC), "gazetteer" (a name the
    model missed or mislabelled, or the place named inside a longer entity: the mention is then
    narrowed to it), "demonym" ("Iraqi" → Iraq, "Kurdish" → Kurdistan), or "site" (a street,
    square, building or "Old City" the gazetteer lacks, placed at the town it is "of", else at the
    article's most mentioned town: precision 2 for events).
``add_components(nlp, *, settings)``
    Called by ``warlog.nlp.load_nlp``; geo needs no extra spaCy component (the gazetteer matching
    runs in ``GeoParser.parse`` over the tagged Doc), so the spaCy side stays at model speed.

Settings (``[geo]``): ``cache_dir``, ``big_place``, ``loose_matching``, ``weight_in_context_country``,
``weight_near_resolved``, ``near_km`` (see ``settings.toml``). The index cache lives in
``$WARLOG_CACHE_DIR`` or ``$XDG_CACHE_HOME/warlog`` (``~/.cache/warlog``), one file per data version.

Modules: ``names`` (folding, transliteration keys), ``build`` (index from packaged data),
``gazetteer`` (cached index, lookups), ``recognize`` (toponym spans), ``resolve`` (scoring in
context), ``parser`` (GeoParser), ``focus`` (focus place, precision).

Helpers for the event coder
---------------------------
``focus_place(mentions) -> PlaceMention | None``
    The article's focus: the most specific place mentioned often, weighted toward the lead.
``admin1_place(country_code, admin1_name) -> Place | None``
    A first-level division (its centroid), e.g. ``admin1_place("SY", "Idlib")``.
``country_place(code) -> Place``
    A country (its centroid); raises ``KeyError`` for an unknown code.
``admin1_of(place) -> Place | None`` / ``country_of(place) -> Place | None``
    The division / country a place lies in.
``distance_km(a, b) -> float``
    Great-circle distance between two places.
``precision_of(place) -> int``
    The codebook's ``geo_precision`` for a place named on its own: 1 for a town or site, 3 for a
    division, region or country (the event coder lowers 1 to 2 for "near X", "outskirts of X").
"""

from __future__ import annotations

from typing import Any

from ..types import Place
from .focus import focus_place, precision_of
from .gazetteer import distance_km, load_gazetteer
from .parser import GeoParser

__all__ = [
    "GeoParser",
    "add_components",
    "focus_place",
    "admin1_place",
    "country_place",
    "admin1_of",
    "country_of",
    "distance_km",
    "precision_of",
]


def add_components(nlp: Any, *, settings: dict[str, dict[str, Any]]) -> None:
    """Add geo's spaCy components to ``nlp``: none are needed (see the module docstring)."""
    return None


def admin1_place(country_code: str, admin1_name: str) -> Place | None:
    """The first-level division ``admin1_name`` of ``country_code`` (centroid), or None."""
    gaz = load_gazetteer()
    idx = gaz.admin1_idx(country_code, admin1_name)
    return gaz.place(idx) if idx is not None else None


def country_place(code: str) -> Place:
    """The country with ISO alpha-2 ``code`` (centroid). Raises KeyError when unknown."""
    gaz = load_gazetteer()
    idx = gaz.country_idx(code)
    if idx is None:
        raise KeyError(code)
    return gaz.place(idx)


def admin1_of(place: Place) -> Place | None:
    """The division ``place`` lies in (itself for a division), or None."""
    if place.country_code is None or place.admin1 is None:
        return None
    return admin1_place(place.country_code, place.admin1)


def country_of(place: Place) -> Place | None:
    """The country ``place`` lies in, or None (regions spanning countries)."""
    if place.country_code is None:
        return None
    try:
        return country_place(place.country_code)
    except KeyError:
        return None
