"""Ambiguity cases decided by context, on a tiny hand-built gazetteer (tests/geo/conftest.py)."""

from __future__ import annotations

from typing import Any


def test_resolve_tripoli_libya_by_context(geoparse: Any) -> None:
    text = "Fighting spread from Benghazi in Libya to Tripoli on Monday."
    ms = geoparse(text, [("Benghazi", "GPE"), ("Libya", "GPE"), ("Tripoli", "GPE")])
    assert [m.place.country_code for m in ms] == ["LY", "LY", "LY"]


def test_resolve_tripoli_lebanon_by_context(geoparse: Any) -> None:
    text = "Clashes in Lebanon: after Beirut, gunmen fought in Tripoli overnight."
    ms = geoparse(text, [("Lebanon", "GPE"), ("Beirut", "GPE"), ("Tripoli", "GPE")])
    assert ms[-1].text == "Tripoli" and ms[-1].place.country_code == "LB"


def test_resolve_bare_country_name_is_the_country(geoparse: Any) -> None:
    ms = geoparse("Refugees crossed into Jordan.", [("Jordan", "GPE")])
    assert ms[0].place.feature_code == "PCLI" and ms[0].place.country_code == "JO"


def test_resolve_jordan_the_person_is_not_a_place(geoparse: Any) -> None:
    ms = geoparse("Jordan Peters said the talks failed.", [("Jordan Peters", "PERSON")])
    assert ms == []


def test_resolve_georgia_state_in_us_context(geoparse: Any) -> None:
    text = "Storms hit Atlanta, and the United States sent aid to Georgia."
    ms = geoparse(text, [("Atlanta", "GPE"), ("United States", "GPE"), ("Georgia", "GPE")])
    assert ms[-1].place.feature_code == "ADM1" and ms[-1].place.country_code == "US"


def test_resolve_georgia_country_by_default(geoparse: Any) -> None:
    ms = geoparse(
        "Protests filled Tbilisi, the capital of Georgia.", [("Tbilisi", "GPE"), ("Georgia", "GPE")]
    )
    assert ms[-1].place.country_code == "GE" and ms[-1].place.feature_code == "PCLI"


def test_resolve_washington_the_capital_by_default(geoparse: Any) -> None:
    ms = geoparse("Envoys met in Washington on Friday.", [("Washington", "GPE")])
    assert ms[0].place.feature_code == "PPLC"


def test_resolve_washington_the_state_beside_its_cities(geoparse: Any) -> None:
    text = "Floods closed roads around Seattle and across Washington."
    ms = geoparse(text, [("Seattle", "GPE"), ("Washington", "GPE")])
    assert ms[-1].place.feature_code == "ADM1" and ms[-1].place.admin1 == "Washington"


def test_resolve_aleppo_city_unless_province_said(geoparse: Any) -> None:
    text = "Shells fell on Aleppo. Later, villages in Aleppo province were hit."
    ms = geoparse(text, [("Aleppo", "GPE"), ("Aleppo province", "GPE")])
    assert ms[0].place.feature_class == "P"
    assert ms[1].place.feature_code == "ADM1" and ms[1].place.admin1 == "Aleppo"


def test_resolve_namesake_village_loses_to_city_in_context(geoparse: Any) -> None:
    ms = geoparse("Iraqi forces entered Kirkuk.", [("Iraqi", "NORP"), ("Kirkuk", "GPE")])
    assert ms[-1].place.country_code == "IQ"
    assert [m.how for m in ms] == ["demonym", "ner"]


def test_resolve_one_sense_per_name(geoparse: Any) -> None:
    text = "In Libya, Tripoli was calm. Tripoli airport reopened."
    ms = geoparse(text, [("Libya", "GPE"), ("Tripoli", "GPE"), ("Tripoli", "GPE")])
    assert ms[1].place == ms[2].place


def test_resolve_hamlet_abroad_left_unresolved(geoparse: Any) -> None:
    text = "Syrian troops in Syria fought in Qxyzville, near Aleppo."
    ms = geoparse(text, [("Syrian", "NORP"), ("Syria", "GPE"), ("Qxyzville", "GPE"), ("Aleppo", "GPE")])
    q = next(m for m in ms if m.text == "Qxyzville")
    assert q.place is None  # a 500-person village in Morocco is not what a Syrian report means


def test_resolve_entity_trimmed_of_trailing_common_word(geoparse: Any) -> None:
    ms = geoparse("Iraqi jets bombed Kirkuk hours later.", [("Iraqi", "NORP"), ("Kirkuk hours", "GPE")])
    assert ms[-1].text == "Kirkuk" and ms[-1].place.country_code == "IQ"
