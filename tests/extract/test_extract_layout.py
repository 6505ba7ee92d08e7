"""Page furniture in article text: keyword lists (slow: real model)."""

from __future__ import annotations

import pytest

from warlog.extract.layout import keyword_lists

pytestmark = pytest.mark.slow


def _lists(nlp, text: str) -> list[str]:
    return [text[s:e] for s, e in keyword_lists(nlp(text))]


def test_layout_keyword_list_ends_before_the_sentence_it_runs_into(nlp) -> None:
    text = (
        "Rebels shelled the town on Monday. Tags Yemen Taiz airstrikes Saudi Arabia "
        "At least five people were killed in Taiz on Tuesday."
    )
    assert _lists(nlp, text) == ["Tags Yemen Taiz airstrikes Saudi Arabia"]


def test_layout_keyword_list_ends_at_the_subject_of_a_verb(nlp) -> None:
    text = "Rebels shelled the town on Monday. Tags Taiz Aden Saudi warplanes bombed the city on Friday."
    assert _lists(nlp, text) == ["Tags Taiz Aden"]


def test_layout_keyword_list_at_the_end_of_the_text(nlp) -> None:
    text = "Rebels shelled the town on Monday. Tags Yemen Marib shelling"
    assert _lists(nlp, text) == ["Tags Yemen Marib shelling"]


def test_layout_prose_is_no_keyword_list(nlp) -> None:
    assert _lists(nlp, "Tags were attached to the crates. The convoy left Aden on Monday.") == []
    assert _lists(nlp, "Police removed price tags from the shop in Aden on Monday.") == []
