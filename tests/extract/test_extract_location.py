"""Where an event happened: place specificity, containment, government metonymy, focus fallback."""

from __future__ import annotations

import pytest

from warlog.extract.location import container, place_rank, sentence_places
from warlog.types import Article, Place, PlaceMention

SYRIA = Place("Syria", 35.0, 38.0, "SY", feature_class="A", feature_code="PCLI")
IDLIB = Place("Idlib", 35.8, 36.6, "SY", admin1="Idlib", feature_class="A", feature_code="ADM1")
ALEPPO = Place("Aleppo", 36.2, 37.16, "SY", admin1="Aleppo", feature_class="P", feature_code="PPLA")
DAMASCUS = Place("Damascus", 33.5, 36.3, "SY", admin1="Damascus", feature_class="P", feature_code="PPLC")
BRITAIN = Place("United Kingdom", 54.0, -2.0, "GB", feature_class="A", feature_code="PCLI")
RIVER = Place("Euphrates", 36.0, 38.0, None, feature_class="H", feature_code="STM")


def _pm(text: str, name: str, place: Place | None, *, nth: int = 0) -> PlaceMention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return PlaceMention(start, start + len(name), name, place, "ner")


def test_location_place_rank_river_is_no_town() -> None:
    text = "Fighting on the Euphrates near Aleppo."
    assert place_rank(_pm(text, "Euphrates", RIVER)) == 2
    assert place_rank(_pm(text, "Aleppo", ALEPPO)) == 0


def test_location_place_rank_region_inside_a_division_is_part_of_it() -> None:
    ghouta = Place(
        "Eastern Ghouta", 33.5, 36.4, "SY", admin1="Rif Dimashq", feature_class="L", feature_code="RGN"
    )
    levant = Place("Levant", 34.0, 36.0, None, feature_class="L", feature_code="RGN")
    text = "Shelling in Eastern Ghouta and across the Levant."
    assert place_rank(_pm(text, "Eastern Ghouta", ghouta)) == 1
    assert place_rank(_pm(text, "Levant", levant)) == 3


def test_location_container_of_unknown_place() -> None:
    text = "Jets struck the village of Zzyzx in the northern countryside of Idlib province."
    unknown, prov = _pm(text, "Zzyzx", None), _pm(text, "Idlib province", IDLIB)
    assert container(text, unknown, [unknown, prov]) is prov


def test_location_container_needs_an_inside_phrase() -> None:
    text = "Jets struck Zzyzx while Idlib province was quiet."
    unknown, prov = _pm(text, "Zzyzx", None), _pm(text, "Idlib province", IDLIB)
    assert container(text, unknown, [unknown, prov]) is None
    # a resolved place keeps its own reading, and a country holds too much to place a village
    text2 = "Jets struck Zzyzx in Syria."
    assert container(text2, _pm(text2, "Zzyzx", None), [_pm(text2, "Syria", SYRIA)]) is None


@pytest.mark.slow
def test_location_capital_named_for_its_government_is_no_place(nlp) -> None:
    text = "Shelling killed five people in Aleppo despite Damascus promises of a truce."
    doc = nlp(text)
    places = [_pm(text, "Aleppo", ALEPPO), _pm(text, "Damascus", DAMASCUS)]
    assert [p.text for p in sentence_places(next(doc.sents), places, exclude=[])] == ["Aleppo"]


@pytest.mark.slow
def test_location_capital_as_place_is_kept(nlp) -> None:
    text = "A car bomb killed six people in the Damascus suburb of Jaramana."
    doc = nlp(text)
    places = [_pm(text, "Damascus", DAMASCUS)]
    assert [p.text for p in sentence_places(next(doc.sents), places, exclude=[])] == ["Damascus"]


@pytest.mark.slow
def test_location_affiliated_place_is_no_event_place(nlp) -> None:
    text = "The Britain-based monitor said shells hit Aleppo."
    doc = nlp(text)
    places = [_pm(text, "Britain", BRITAIN), _pm(text, "Aleppo", ALEPPO)]
    assert [p.text for p in sentence_places(next(doc.sents), places, exclude=[])] == ["Aleppo"]


def _main(nlp, extractor, text: str, places: list[PlaceMention]):
    article = Article(article_id="t", text=text, content_hash="x", published="2017-04-07")
    events, main = extractor.extract(nlp(text), article=article, places=places)
    return next(e for e in events if e.event_id == main)


@pytest.mark.slow
def test_extractor_unknown_place_in_a_province_takes_the_province(nlp, extractor) -> None:
    text = "Air strikes killed nine civilians in the village of Zzyzx in Idlib province on Friday."
    places = [_pm(text, "Zzyzx", None), _pm(text, "Idlib province", IDLIB)]
    e = _main(nlp, extractor, text, places)
    assert e.location is not None and e.location.place == IDLIB
    assert e.field_spans["location"].start == places[1].start


@pytest.mark.slow
def test_extractor_unknown_place_takes_the_focus(nlp, extractor) -> None:
    text = (
        "Clashes killed ten fighters near Zzyzx on Friday. "
        "Aleppo has seen heavy fighting. Residents of Aleppo fled the city."
    )
    places = [_pm(text, "Zzyzx", None), _pm(text, "Aleppo", ALEPPO), _pm(text, "Aleppo", ALEPPO, nth=1)]
    e = _main(nlp, extractor, text, places)
    assert e.location is not None and e.location.place == ALEPPO
    assert text[e.field_spans["location"].start : e.field_spans["location"].end] == "Aleppo"


@pytest.mark.slow
def test_extractor_keyword_list_names_no_place(nlp, extractor) -> None:
    # the tags name Aleppo twice; the story's one place is Idlib
    text = (
        "Jets struck a market killing nine people on Monday. Tags Syria Aleppo Aleppo airstrikes "
        "Russia At least nine people were killed in the raid. Residents of Idlib buried the dead."
    )
    aleppo2 = _pm(text, "Aleppo", ALEPPO, nth=1)
    places = [_pm(text, "Aleppo", ALEPPO), aleppo2, _pm(text, "Idlib", IDLIB)]
    e = _main(nlp, extractor, text, places)
    assert e.location is not None and e.location.place == IDLIB


@pytest.mark.slow
def test_extractor_place_where_it_was_said_is_not_the_scene(nlp, extractor) -> None:
    washington = Place("Washington", 38.9, -77.04, "US", admin1="DC", feature_class="P", feature_code="PPLC")
    text = "In Washington, the Pentagon confirmed four air strikes on a depot in Idlib province on Monday."
    places = [_pm(text, "Washington", washington), _pm(text, "Idlib", IDLIB)]
    e = _main(nlp, extractor, text, places)
    assert e.location is not None and e.location.place == IDLIB


@pytest.mark.slow
def test_extractor_capital_where_it_happened_is_kept(nlp, extractor) -> None:
    # the focus leans to Medina (a capital counts less: it often stands for a government), but the
    # bombing is tied to Mogadishu in its own clause
    mogadishu = Place("Mogadishu", 2.04, 45.34, "SO", admin1="Banaadir", feature_code="PPLC")
    medina = Place("Medina", 24.47, 39.61, "SA", admin1="Al Madinah", feature_class="P", feature_code="PPLA")
    text = (
        "A car bomb killed nine people at a restaurant on Mogadishu's main road on Saturday. "
        "Dozens of wounded were taken to Medina hospital."
    )
    places = [_pm(text, "Mogadishu", mogadishu), _pm(text, "Medina", medina)]
    e = _main(nlp, extractor, text, places)
    assert e.location is not None and e.location.place == mogadishu


def _geocoded(nlp, extractor, text: str):
    """The events of ``text`` with its places found by the real geoparser (published 2019-03-05)."""
    from warlog.geo import GeoParser
    from warlog.settings import load_settings

    article = Article(article_id="t", text=text, content_hash="x", published="2019-03-05")
    doc = nlp(text)
    places = GeoParser(settings=load_settings()).parse(doc, article=article)
    return extractor.extract(doc, article=article, places=places)[0]


def test_location_country_named_as_the_side_is_no_place(nlp, extractor):
    text = "US strikes kill 40 militants in Syria. US air strikes killed 40 militants in Syria on Monday."
    events = _geocoded(nlp, extractor, text)
    # "US" is who struck, not where: one strike, in Syria
    assert [
        (e.sub_event_type, e.location.place.name if e.location and e.location.place else None) for e in events
    ] == [("Air/drone strike", "Syria")]


def test_location_gloss_after_an_actor_is_no_place(nlp, extractor):
    text = (
        "Mortar shells hit a market in Deir ez-Zor in Syria on Monday, killing three civilians. "
        "The shelling was carried out by Daesh (banned in Russia), residents said."
    )
    events = _geocoded(nlp, extractor, text)
    # "(banned in Russia)" glosses the group: the shelling is one event, in Deir ez-Zor
    assert [
        (e.actor1, e.location.place.name if e.location and e.location.place else None) for e in events
    ] == [("Islamic State (ISIS)", "Deir ez-Zor")]
