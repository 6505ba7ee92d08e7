"""LanguageDetector."""

from __future__ import annotations

import pytest

from warlog.ingest import LanguageDetector

SPANISH = (
    "Hombres armados atacaron el lunes por la noche un puesto de policía en la ciudad ficticia de "
    "Velmora y mataron a tres agentes, según el gobernador de la provincia."
)


def test_language_short_texts_are_english_without_building_the_model(settings):
    detector = LanguageDetector(settings=settings)
    assert detector.detect("  Bonjour à tous.  ") == "en"
    assert detector._lingua is None


def test_language_detects_among_the_candidates(settings):
    detector = LanguageDetector(settings=settings)
    assert detector.detect(SPANISH) == "es"
    assert "es" in detector.candidates


def test_language_unknown_candidate_is_an_error(settings):
    settings = {**settings, "ingest": {**settings["ingest"], "language_candidates": ["en", "xx"]}}
    with pytest.raises(ValueError, match="xx"):
        LanguageDetector(settings=settings)
