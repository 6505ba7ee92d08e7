"""Hedges, disclaimers and denials (extract/sourcing/certainty.py)."""

from __future__ import annotations

import pytest

from warlog.extract.sourcing import attribute
from warlog.extract.sourcing.certainty import hedged_sentence


def test_certainty_hedge_word_hedges_the_sentence(hand_doc):
    doc = hand_doc(
        ["Gunmen", "reportedly", "killed", "five"],
        [2, 2, 2, 2],
        ["nsubj", "advmod", "ROOT", "dobj"],
        ["NOUN", "ADV", "VERB", "NUM"],
        lemmas=["gunman", "reportedly", "kill", "five"],
    )
    assert hedged_sentence(doc[:], doc[2])


def test_certainty_hedge_phrase_hedges_the_sentence(hand_doc):
    words = ["Gunmen", "may", "have", "killed", "five"]
    doc = hand_doc(
        words, [3, 3, 3, 3, 3], ["nsubj", "aux", "aux", "ROOT", "dobj"], ["NOUN", "AUX", "AUX", "VERB", "NUM"]
    )
    assert hedged_sentence(doc[:], doc[3])


def test_certainty_claimed_frame_hedges(hand_doc):
    # The group claimed it killed five
    doc = hand_doc(
        ["The", "group", "claimed", "it", "killed", "five"],
        [1, 2, 2, 4, 2, 4],
        ["det", "nsubj", "ROOT", "nsubj", "ccomp", "dobj"],
        ["DET", "NOUN", "VERB", "PRON", "VERB", "NUM"],
        lemmas=["the", "group", "claim", "it", "kill", "five"],
    )
    assert hedged_sentence(doc[:], doc[4])


def test_certainty_plain_sentence_is_not_hedged(hand_doc):
    doc = hand_doc(
        ["Gunmen", "killed", "five"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["NOUN", "VERB", "NUM"]
    )
    assert not hedged_sentence(doc[:], doc[1])


@pytest.mark.slow
def test_certainty_disclaimer_hedges_the_attributed_report(parse, event_at):
    text = (
        "Militants executed four men in the main square on Monday, the activist group Raqqa Voices said.\n\n"
        "The group said the men had been accused of spying. The report could not be independently verified."
    )
    event = event_at(text, "executed")
    attribute(parse(text), events=[event])
    assert event.certainty == "hedged"
    assert [s.name for s in event.sources] == ["Raqqa Voices"]


@pytest.mark.slow
def test_certainty_disclaimer_about_a_claim_reaches_only_the_claim(parse, event_at):
    text = (
        "A car bomb killed nine people at a checkpoint on Sunday, police said.\n\n"
        "The Islamic State group claimed the attack in a statement. The claim could not be verified."
    )
    event = event_at(text, "killed")
    attribute(parse(text), events=[event])
    assert event.certainty == "attributed"


@pytest.mark.slow
def test_certainty_denial_is_kept_in_disputed_by(parse, event_at):
    text = (
        "An air strike killed twelve civilians in the village on Tuesday, local activists said.\n\n"
        "The defence ministry denied that its aircraft had carried out any strike in the area."
    )
    event = event_at(text, "strike")
    attribute(parse(text), events=[event])
    assert event.disputed_by == ["defence ministry"]
    assert event.certainty == "attributed"


@pytest.mark.slow
def test_certainty_denier_in_the_same_sentence_is_not_a_source(parse, event_at):
    text = "Police said militants killed five soldiers, but the rebel group denied any involvement."
    event = event_at(text, "killed")
    attribute(parse(text), events=[event])
    assert [s.name for s in event.sources] == ["Police"]
    assert event.disputed_by == ["rebel group"]
