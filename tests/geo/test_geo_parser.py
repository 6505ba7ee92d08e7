"""GeoParser on hand-tagged Docs: recognition, transliteration, unknown places, offsets."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from warlog.errors import AnalysisError
from warlog.geo import GeoParser, focus_place
from warlog.geo.gazetteer import Gazetteer
from warlog.geo.names import fold, loose
from warlog.settings import load_settings
from warlog.types import Article, Place, PlaceMention


def test_names_fold_strips_accents_and_ayn() -> None:
    assert fold("Ţūz Khūrmātū") == "tuz khurmatu"
    assert fold("ʿAyn ʿĪsá") == "ayn isa"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tuz Kharmato", "Tuz Khurmatu"),
        ("Ain al Issa", "ʿAyn ʿĪsá"),
        ("Dair az-Zor", "Dayr az Zawr"),
        ("Raqqa", "Ar Raqqah"),
        ("Tell Tamer", "Tal Tamr"),
        ("Hawija", "Al Huwaija"),
    ],
)
def test_names_loose_joins_transliteration_variants(a: str, b: str) -> None:
    assert loose(a) == loose(b)


def test_parser_text_without_places(geoparse: Any) -> None:
    assert geoparse("Nothing happened here today, officials said.", []) == []


def test_parser_offsets_index_article_text(geoparse: Any) -> None:
    text = "Syrian troops shelled Al Bab."
    ms = geoparse(text, [("Syrian", "NORP"), ("Al Bab", "GPE")])
    assert all(text[m.start : m.end] == m.text for m in ms)
    assert [m.text for m in ms] == ["Syrian", "Al Bab"]
    assert ms[1].place.country_code == "SY"


def test_parser_loose_match_inside_context_country(geoparse: Any) -> None:
    text = "Iraqi police in Tuz Kharmato said Kirkuk was quiet."
    ms = geoparse(text, [("Iraqi", "NORP"), ("Tuz Kharmato", "GPE"), ("Kirkuk", "GPE")])
    assert ms[1].place is not None and ms[1].place.geonames_id == 98245


def test_parser_loose_match_needs_context_country(geoparse: Any) -> None:
    ms = geoparse("Police in Tuz Kharmato said.", [("Tuz Kharmato", "GPE")])
    assert ms[0].place is None  # kept, unresolved: no country context for a loose match


def test_parser_unknown_place_kept_unresolved_others_resolved(geoparse: Any) -> None:
    text = "Militants attacked the village of Zzyzxville near Kirkuk in Iraq."
    ms = geoparse(text, [("Zzyzxville", "GPE"), ("Kirkuk", "GPE"), ("Iraq", "GPE")])
    assert [m.text for m in ms] == ["Zzyzxville", "Kirkuk", "Iraq"]
    assert ms[0].place is None
    assert ms[1].place.country_code == "IQ" and ms[2].place.feature_code == "PCLI"


def test_parser_gazetteer_finds_place_missed_by_ner(geoparse: Any) -> None:
    text = "Iraqi troops advanced in Qayyarah on Sunday."
    ms = geoparse(text, [("Iraqi", "NORP"), ("Qayyarah", "PERSON")])
    assert [m.how for m in ms] == ["demonym", "gazetteer"]
    assert ms[1].place.admin1 == "Nineveh"


def test_parser_rejects_doc_of_other_text(gaz: Gazetteer) -> None:
    parser = GeoParser(settings=load_settings(), gazetteer=gaz)
    with pytest.raises(AnalysisError):
        parser.parse(spacy.blank("en")("abc"), article=Article(article_id="t", text="xyz", content_hash=""))


def test_focus_place_is_most_mentioned_area_town() -> None:
    aleppo = Place("Aleppo", 36.2, 37.16, "SY", 170063, "Aleppo", "P", "PPLA", 2_100_000)
    albab = Place("Al Bab", 36.37, 37.52, "SY", 170017, "Aleppo", "P", "PPL", 130_000)
    damascus = Place("Damascus", 33.5, 36.3, "SY", 170654, "Damascus", "P", "PPLC", 1_500_000)
    syria = Place("Syria", 35.0, 38.0, "SY", 163843, None, "A", "PCLI", 17_000_000)
    ms = [
        PlaceMention(0, 5, "Syria", syria),
        PlaceMention(10, 16, "Al Bab", albab),
        PlaceMention(30, 38, "Damascus", damascus),
        PlaceMention(900, 906, "Aleppo", aleppo),
        PlaceMention(950, 956, "Al Bab", albab),
    ]
    assert focus_place(ms).place == albab
    assert focus_place([]) is None
    assert focus_place([PlaceMention(0, 5, "Syria", syria)]).place == syria


def test_parser_site_of_a_place_takes_that_place(geoparse: Any) -> None:
    text = "Fighting raged in the Old City of Kirkuk in Iraq. The Old City was shelled."
    ms = geoparse(text, [("Old City", "FAC"), ("Kirkuk", "GPE"), ("Iraq", "GPE"), ("Old City", "FAC")])
    sites = [m for m in ms if m.text == "Old City"]
    assert len(sites) == 2 and all(m.how == "site" and m.place.geonames_id == 94787 for m in sites)


def test_parser_street_placed_in_main_town(geoparse: Any) -> None:
    text = "In Beirut, Lebanon, protesters marched down Zzyzx Street. Beirut police watched."
    ms = geoparse(text, [("Beirut", "GPE"), ("Lebanon", "GPE"), ("Zzyzx Street", "FAC"), ("Beirut", "GPE")])
    street = next(m for m in ms if m.text == "Zzyzx Street")
    assert street.how == "site" and street.place.name == "Beirut"


def test_parser_possessive_without_apostrophe(geoparse: Any) -> None:
    ms = geoparse("Shelling hit Syrias north.", [])
    assert [(m.text, m.place.country_code) for m in ms] == [("Syrias", "SY")]


def test_parser_place_inside_organisation_name_is_narrowed(geoparse: Any) -> None:
    text = "Tripoli Municipal Council met in Libya."
    ms = geoparse(text, [("Tripoli Municipal Council", "ORG"), ("Libya", "GPE")])
    assert ms[0].text == "Tripoli" and ms[0].place.country_code == "LY"


def test_parser_plural_demonym_gives_context_not_a_mention(geoparse: Any) -> None:
    ms = geoparse("Iraqis fled Tuz Kharmato.", [("Tuz Kharmato", "GPE")])
    assert [m.text for m in ms] == ["Tuz Kharmato"]  # "Iraqis" names people, not a place
    assert ms[0].place is not None and ms[0].place.country_code == "IQ"  # but it is context


def test_parser_outlet_country_from_web_address() -> None:
    from warlog.geo.parser import outlet_country

    assert outlet_country("https://www.example.co.uk/news/1") == "GB"
    assert outlet_country("http://news.example.ie:8080/a") == "IE"
    assert outlet_country("https://example.com/x") is None
    assert outlet_country("https://example.tv/x") is None
    assert outlet_country(None) is None


def test_parser_outlet_country_is_context(gaz: Gazetteer) -> None:
    parser = GeoParser(settings=load_settings(), gazetteer=gaz)
    text = "Storm damage was reported in Tripoli."
    doc = spacy.blank("en")(text)
    doc.ents = [doc.char_span(text.index("Tripoli"), text.index("Tripoli") + 7, label="GPE")]
    art = Article(article_id="t", text=text, content_hash="", url="https://www.example.lb/a")
    assert parser.parse(doc, article=art)[0].place.country_code == "LB"
    art = Article(article_id="t", text=text, content_hash="", url="https://www.example.com/a")
    assert parser.parse(doc, article=art)[0].place.country_code == "LY"


def test_parser_names_inside_the_outlets_own_name_are_no_places(gaz: Gazetteer) -> None:
    parser = GeoParser(settings=load_settings(), gazetteer=gaz)
    text = "KIRKUK (Aleppo Today) - Shelling hit Kirkuk on Monday, Aleppo Today was told."
    doc = spacy.blank("en")(text)
    doc.ents = [
        doc.char_span(text.index("Kirkuk on"), text.index("Kirkuk on") + 6, label="GPE"),
        doc.char_span(text.index("Aleppo Today was"), text.index("Aleppo Today was") + 6, label="GPE"),
    ]
    with_outlet = Article(article_id="t", text=text, content_hash="", outlet="Aleppo Today")
    assert [m.text for m in parser.parse(doc, article=with_outlet)] == ["KIRKUK", "Kirkuk"]
    without = Article(article_id="t", text=text, content_hash="")
    assert "Aleppo" in [m.text for m in parser.parse(doc, article=without)]


def test_parser_generic_word_kept_when_part_of_a_name(geoparse: Any) -> None:
    ms = geoparse("Raids hit Sadr City in Iraq.", [("Sadr City", "GPE"), ("Iraq", "GPE")])
    assert ms[0].place is not None and ms[0].place.name == "Sadr City"


def test_parser_name_called_a_province_inside_a_person_entity(geoparse: Any) -> None:
    # punctuation stripped: "Syria's Idleb province" printed "Syrias Idleb province", tagged a person
    text = "Syrian troops shelled villages in central Syrias Idleb province on Monday."
    ms = geoparse(text, [("Syrian", "NORP"), ("Syrias Idleb", "PERSON")])
    prov = next(m for m in ms if m.text.startswith("Idleb"))
    assert prov.text == "Idleb province" and prov.how == "gazetteer"
    assert prov.place is not None and prov.place.admin1 == "Idlib"


def test_parser_province_of_name_by_alternate_spelling(geoparse: Any) -> None:
    text = "Syrian jets struck the province of Idleb on Sunday."
    ms = geoparse(text, [("Syrian", "NORP"), ("Idleb", "ORG")])
    assert [m.text for m in ms] == ["Syrian", "Idleb"]
    assert ms[1].place is not None and ms[1].place.admin1 == "Idlib"


def test_parser_province_cue_outside_the_entity_picks_the_division(geoparse: Any) -> None:
    # the model tags the name alone; the words around it say it is the province, not its seat
    text = "Syrian jets struck the province of Idlib on Sunday and shelled Idlib on Monday."
    ms = geoparse(text, [("Syrian", "NORP"), ("Idlib", "GPE"), ("Idlib", "GPE")])
    assert [m.text for m in ms] == ["Syrian", "Idlib", "Idlib"]
    assert ms[1].place is not None and ms[1].place.feature_code == "ADM1"
    assert ms[2].place is not None and ms[2].place.feature_code == "PPLA"
    after = geoparse("Syrian jets struck Idlib province.", [("Syrian", "NORP"), ("Idlib", "GPE")])
    assert after[1].place is not None and after[1].place.feature_code == "ADM1"


def test_parser_bare_name_of_a_province_and_its_seat_is_the_seat(geoparse: Any) -> None:
    ms = geoparse("Syrian jets struck Raqqa on Sunday.", [("Syrian", "NORP"), ("Raqqa", "GPE")])
    assert ms[1].place is not None and ms[1].place.name == "Ar Raqqah"
    ms = geoparse("Syrian jets struck Raqqa province.", [("Syrian", "NORP"), ("Raqqa", "GPE")])
    assert ms[1].place is not None and ms[1].place.feature_code == "ADM1"


def test_parser_final_a_spelled_ah(geoparse: Any) -> None:
    ms = geoparse("Iraqi troops clashed near Hawija on Monday.", [("Iraqi", "NORP"), ("Hawija", "GPE")])
    assert ms[1].place is not None and ms[1].place.name == "Al Hawijah"
    # only inside the article's countries: no Iraq, no reading
    assert geoparse("Troops clashed near Hawija on Monday.", [("Hawija", "GPE")])[0].place is None


def test_parser_province_cue_needs_context_country(geoparse: Any) -> None:
    # no country of the article holds an "Idleb": the cue alone does not make a place
    ms = geoparse("Officials spoke of Idleb province yesterday.", [])
    assert ms == []


def test_parser_place_outside_its_stated_province_is_unresolved(geoparse: Any) -> None:
    text = "Syrian troops entered the village of Qarya Ula in Idlib province on Friday."
    ms = geoparse(text, [("Syrian", "NORP"), ("Qarya Ula", "GPE"), ("Idlib province", "GPE")])
    village, prov = ms[1], ms[2]
    assert village.text == "Qarya Ula" and village.place is None  # its only namesake is in Aleppo
    assert prov.place is not None and prov.place.feature_code == "ADM1"


def test_parser_place_inside_its_stated_province_takes_that_namesake(geoparse: Any) -> None:
    text = "Syrian troops entered the village of Qarya Thaniya in Idlib province on Friday."
    ms = geoparse(text, [("Syrian", "NORP"), ("Qarya Thaniya", "GPE"), ("Idlib province", "GPE")])
    assert ms[1].place is not None and ms[1].place.geonames_id == 999013


def test_parser_place_without_stated_province_keeps_its_reading(geoparse: Any) -> None:
    text = "Syrian troops entered the village of Qarya Thaniya on Friday."
    ms = geoparse(text, [("Syrian", "NORP"), ("Qarya Thaniya", "GPE")])
    assert ms[1].place is not None and ms[1].place.geonames_id == 999012  # the bigger namesake


def test_parser_place_owned_by_a_country_inside_a_person_entity(geoparse: Any) -> None:
    # "Syria's Aleppo" with its apostrophe stripped, the headline run into one "person"
    text = "Jets pound rebel areas of Syrias Aleppo Monitor says"
    ms = geoparse(text, [("Syrias Aleppo Monitor", "PERSON")])
    assert [m.text for m in ms] == ["Aleppo"]
    assert ms[0].place is not None and ms[0].place.country_code == "SY"


def test_parser_place_of_another_country_is_not_owned(geoparse: Any) -> None:
    # "Syrias Tbilisi": Tbilisi is no place of Syria, and a person's name stays a person's
    ms = geoparse("Jets pound areas of Syrias Tbilisi Monitor says", [("Syrias Tbilisi Monitor", "PERSON")])
    assert ms == []


def test_parser_name_of_a_person_elsewhere_is_no_local_place(geoparse: Any) -> None:
    # "Qayyarah" is a town of Iraq, but here it is part of a person's full name: hers throughout
    text = "Iraqi officials met Leila Qayyarah on Monday. According to Qayyarah the talks went well."
    ms = geoparse(text, [("Iraqi", "NORP"), ("Leila Qayyarah", "PERSON"), ("Qayyarah", "ORG")])
    assert [m.text for m in ms] == ["Iraqi"]
    # a one-word "person" is not enough: spaCy tags many Arabic town names so
    text = "Officials met Qayyarah in Iraq on Monday. According to Qayyarah the talks went well."
    ms = geoparse(text, [("Qayyarah", "PERSON"), ("Iraq", "GPE"), ("Qayyarah", "ORG")])
    assert [m.text for m in ms] == ["Iraq", "Qayyarah"]
    text = "Officials met Leila Qayyarah in Iraq on Monday. According to Qayyarah the talks went well."
    ms = geoparse(text, [("Leila Qayyarah", "PERSON"), ("Iraq", "GPE"), ("Qayyarah", "ORG")])
    assert [m.text for m in ms] == ["Iraq"]


def test_recognize_name_prefix_followed_by_a_name_is_no_place(geoparse: Any) -> None:
    # "Tall" ("hill") opens many village names: before another name it is not the town At Tall
    text = "A bomber struck a hall in Tall Qasab village on Monday, Syrian media said."
    ms = geoparse(text, [("Syrian", "NORP")])
    assert [m.text for m in ms] == ["Syrian"]
    ms = geoparse(text, [("Tall", "GPE"), ("Syrian", "NORP")])  # the model tagged the prefix alone
    assert [m.text for m in ms] == ["Syrian"]


def test_recognize_name_prefix_alone_is_the_town(geoparse: Any) -> None:
    ms = geoparse("Shells fell on Tall on Monday, Syrian media said.", [("Syrian", "NORP")])
    assert ms[0].text == "Tall" and ms[0].place is not None and ms[0].place.name == "At Tall"


def test_parser_inner_place_is_not_a_name_prefix(geoparse: Any) -> None:
    # an unknown multi-word name is not narrowed to its generic first word
    text = "A bomber struck a hall in Tall Qasab on Monday, Syrian media said."
    ms = geoparse(text, [("Tall Qasab", "GPE"), ("Syrian", "NORP")])
    village = next(m for m in ms if m.text.startswith("Tall"))
    assert village.text == "Tall Qasab" and village.place is None


def test_recognize_alternate_name_after_town_of(geoparse: Any) -> None:
    # "Idleb" is only an alternate name of the town; "the town of" marks it as a place
    ms = geoparse("Jets bombed the town of Idleb on Monday, Syrian media said.", [("Syrian", "NORP")])
    town = next(m for m in ms if m.text == "Idleb")
    assert town.place is not None and town.place.admin1 == "Idlib"
    ms = geoparse(
        "Jets bombed the town of Idleb on Monday, Syrian media said.", [("Idleb", "ORG"), ("Syrian", "NORP")]
    )
    assert any(m.text == "Idleb" and m.place is not None for m in ms)  # tagged an organisation
    ms = geoparse("Jets bombed Idleb on Monday, Syrian media said.", [("Syrian", "NORP")])
    assert [m.text for m in ms] == ["Syrian"]


def test_recognize_name_after_city_of_tagged_as_a_person(geoparse: Any) -> None:
    text = "Jets bombed the city of Idleb on Monday, Syrian media said."
    ms = geoparse(text, [("Idleb", "PERSON"), ("Syrian", "NORP")])
    assert any(m.text == "Idleb" and m.place is not None and m.place.admin1 == "Idlib" for m in ms)
    text = "Gunmen stormed the old quarter of Idleb on Monday, Syrian media said."
    ms = geoparse(text, [("Idleb", "PERSON"), ("Syrian", "NORP")])
    assert any(m.text == "Idleb" and m.place is not None for m in ms)
    ms = geoparse("Idleb said on Monday that Syrian jets flew.", [("Idleb", "PERSON"), ("Syrian", "NORP")])
    assert [m.text for m in ms] == ["Syrian"]
