"""Quotations and their speakers (extract/sourcing/quotes.py)."""

from __future__ import annotations

import pytest

from warlog.extract.sourcing import find_quotes
from warlog.extract.sourcing.quotes import _stretches


def test_quotes_stretches_pair_curly_and_straight_marks():
    text = 'He said “we held the line” and "they fled".'
    assert [text[s:e] for s, e in _stretches(text)] == ["we held the line", "they fled"]


def test_quotes_stretches_span_paragraphs_when_the_next_opens_with_a_mark():
    text = "“The first part.\n\n“The second part,” he said."
    assert [text[s:e] for s, e in _stretches(text)] == ["The first part.\n\n“The second part,"]


def test_quotes_unbalanced_marks_end_at_the_paragraph():
    text = "He said “it never closes.\n\nA new paragraph with no marks. And “another"
    found = [text[s:e] for s, e in _stretches(text)]
    assert found == ["it never closes.", "another"]


def test_quotes_find_quotes_survives_unbalanced_marks(hand_doc):
    doc = hand_doc(["“", "Five", "died"], [2, 2, 2], ["punct", "nsubj", "ROOT"], ["PUNCT", "NUM", "VERB"])
    quotes = find_quotes(doc)
    assert all(q.span.end <= len(doc.text) for q in quotes)


@pytest.mark.slow
def test_quotes_pronoun_speaker_resolves_to_the_named_person(parse):
    text = (
        "Colonel Ahmed Saleh commands the brigade east of the city.\n\n"
        "“We pushed them out of the village before dawn,” he said."
    )
    quotes = [q for q in find_quotes(parse(text)) if q.direct]
    assert len(quotes) == 1
    assert quotes[0].speaker == "Ahmed Saleh"
    assert text[quotes[0].span.start : quotes[0].span.end].startswith("We pushed them")


@pytest.mark.slow
def test_quotes_spanning_paragraphs_keep_one_speaker(parse):
    text = (
        "“The shelling started at noon and did not stop until the evening.\n\n"
        "“We buried eleven people the next morning,” said Mariam Haddad, a nurse in the town."
    )
    quotes = [q for q in find_quotes(parse(text)) if q.direct]
    assert len(quotes) == 1
    assert quotes[0].speaker == "Mariam Haddad"
    assert "\n\n" in text[quotes[0].span.start : quotes[0].span.end]


@pytest.mark.slow
def test_quotes_indirect_quote_has_its_speaker(parse):
    text = "The governor said that the militants had withdrawn from the town."
    quotes = find_quotes(parse(text))
    assert [(q.speaker, q.direct) for q in quotes] == [("governor", False)]
