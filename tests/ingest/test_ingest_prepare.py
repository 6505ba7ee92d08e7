"""prepare: validation, ids, content hash, publication date and language."""

from __future__ import annotations

import pytest

from warlog.ingest import LanguageDetector, article_id, content_hash, prepare
from warlog.types import Article, IngestProblem, RawArticle

ENGLISH = (
    "Fighters of the fictional Northern Hills Brigade attacked a police post in the town of Velmora "
    "on Monday night, killing three officers, the provincial governor said."
)
FRENCH = (
    "Des hommes armés ont attaqué lundi soir un poste de police dans la ville imaginaire de Velmora, "
    "tuant trois agents, a indiqué le gouverneur de la province dans un communiqué."
)
GERMAN = (
    "Bewaffnete haben am Montagabend einen Polizeiposten in der erfundenen Stadt Velmora angegriffen "
    "und drei Beamte getötet, teilte der Gouverneur der Provinz mit."
)


@pytest.fixture(scope="module")
def detector(settings):
    return LanguageDetector(settings=settings)


def raw(text: str | None, **fields) -> RawArticle:
    return RawArticle(origin="test.jsonl", line=7, text=text, **fields)


def test_prepare_builds_an_article_keeping_text_exactly(settings, detector):
    text = "  " + ENGLISH.replace(", killing", ",\r\nkilling") + "\n"
    article = prepare(
        raw(
            text,
            id=" p-1 ",
            title=" Police post  attacked ",
            published="2024-02-05",
            url="https://x.example/1",
        ),
        settings=settings,
        detector=detector,
    )
    assert isinstance(article, Article)
    assert article.text == text
    assert (article.article_id, article.title, article.url, article.origin) == (
        "p-1",
        "Police post attacked",
        "https://x.example/1",
        "test.jsonl",
    )
    assert (article.published, article.published_from, article.language) == ("2024-02-05", "input", "en")
    assert article.content_hash == content_hash(ENGLISH)


def test_prepare_nul_characters_become_spaces_keeping_offsets(settings, detector):
    text = ENGLISH[:20] + "\x00" + ENGLISH[21:]
    art = prepare(raw(text, id="n-1", title="Attack\x00on a post"), settings=settings, detector=detector)
    assert isinstance(art, Article)
    assert "\x00" not in art.text and len(art.text) == len(text) and art.text[20] == " "
    assert art.title == "Attack on a post"


@pytest.mark.parametrize("text", [None, "", "  \n\t "])
def test_prepare_empty_text_is_w102(settings, detector, text):
    problem = prepare(raw(text, id="e-1"), settings=settings, detector=detector)
    assert isinstance(problem, IngestProblem)
    assert (problem.code, problem.origin, problem.line, problem.item_id) == ("W102", "test.jsonl", 7, "e-1")


def test_prepare_oversize_text_is_w105(settings, detector):
    settings = {**settings, "ingest": {**settings["ingest"], "max_chars": 100}}
    problem = prepare(raw("x" * 101), settings=settings, detector=detector)
    assert problem.code == "W105"
    assert "101" in problem.reason and "100" in problem.reason


def test_prepare_ids_are_stable_hashes():
    by_url = article_id(raw("a", url="https://x.example/story"))
    assert by_url == article_id(raw("different text", url="https://x.example/story"))
    assert by_url.startswith("u-") and len(by_url) == 18
    by_text = article_id(raw("Shots  fired\nin VELMORA."))
    assert by_text == article_id(raw("shots fired in Velmora."))
    assert by_text.startswith("t-") and by_text == "t-" + content_hash("shots fired in velmora.")[:16]
    assert article_id(raw("x", id="given")) == "given"


def test_prepare_content_hash_folds_case_width_and_whitespace():
    assert content_hash("Ｖｅｌｍｏｒａ  Attack\n") == content_hash("velmora attack")
    assert content_hash("velmora attack") != content_hash("velmora attacks")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2024-02-05", "2024-02-05"),
        ("2024-02-05T08:30:00Z", "2024-02-05T08:30:00+00:00"),
        ("Tue, 05 Mar 2024 09:14:00 +0100", "2024-03-05T09:14:00+01:00"),
        ("5 March 2024", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
    ],
)
def test_prepare_published_is_normalised(settings, detector, given, expected):
    article = prepare(raw(ENGLISH, published=given), settings=settings, detector=detector)
    assert article.published == expected


def test_prepare_dateline_when_no_date_given(settings, detector):
    text = "VELMORA, Dorrin, Feb. 5, 2024 (Wire) - " + ENGLISH
    article = prepare(raw(text), settings=settings, detector=detector)
    assert (article.published, article.published_from) == ("2024-02-05", "dateline")
    unreadable = prepare(raw(text, published="sometime soon"), settings=settings, detector=detector)
    assert (unreadable.published, unreadable.published_from) == ("2024-02-05", "dateline")
    none = prepare(raw(ENGLISH), settings=settings, detector=detector)
    assert (none.published, none.published_from) == (None, None)


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("Posted on February 5 2024 by John Doe ", "2024-02-05"),
        ("Velmora attack Monitor Wire Monday 5 Feb 2024 ", "2024-02-05"),
        ("05-02-2024 ", "2024-02-05"),
    ],
)
def test_prepare_dateline_of_a_page_opening(settings, detector, opening, expected):
    # the date the event coder counts "on Monday night" from is the one the article carries
    article = prepare(raw(opening + ENGLISH), settings=settings, detector=detector)
    assert (article.published, article.published_from) == (expected, "dateline")


def test_prepare_no_dateline_from_a_body_date(settings, detector):
    text = "Velmora attack\nPolice said that on 5 Feb 2024 Fighters of the brigade attacked a post."
    article = prepare(raw(text), settings=settings, detector=detector)
    assert (article.published, article.published_from) == (None, None)


@pytest.mark.parametrize(("text", "code"), [(ENGLISH, "en"), (FRENCH, "fr"), (GERMAN, "de"), ("Ja.", "en")])
def test_prepare_language_is_detected(settings, detector, text, code):
    assert prepare(raw(text), settings=settings, detector=detector).language == code


def test_prepare_builds_a_shared_detector_when_none_is_given(settings):
    assert prepare(raw(FRENCH), settings=settings).language == "fr"
