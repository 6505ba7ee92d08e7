"""Source phrases and their names and kinds (extract/sourcing/phrases.py)."""

from __future__ import annotations

from warlog.extract.sourcing.phrases import clean_name, link_for, norm


def test_phrases_clean_name_drops_the_quotes_and_possessive():
    assert clean_name("the “Daily Mail’s") == "Daily Mail"
    assert clean_name('"media activist"') == "media activist"
    assert norm("The UK Daily-Mail") == "uk daily mail"


def test_phrases_link_for_keeps_an_of_complement(hand_doc):
    # a spokesman for the ministry said
    doc = hand_doc(
        ["a", "spokesman", "for", "the", "ministry", "said"],
        [1, 5, 1, 4, 2, 5],
        ["det", "nsubj", "prep", "det", "pobj", "ROOT"],
        ["DET", "NOUN", "ADP", "DET", "NOUN", "VERB"],
        lemmas=["a", "spokesman", "for", "the", "ministry", "say"],
    )
    link = link_for(doc[1])
    assert link is not None
    assert (link.name, link.kind, link.indefinite) == ("a spokesman for the ministry", "official", True)


def test_phrases_link_for_reads_the_author_of_a_report(hand_doc):
    # The Mail 's report
    doc = hand_doc(
        ["The", "Mail", "'s", "report"],
        [1, 3, 1, 3],
        ["det", "poss", "case", "ROOT"],
        ["DET", "PROPN", "PART", "NOUN"],
    )
    link = link_for(doc[3])
    assert link is not None
    assert (link.name, link.kind, link.named) == ("Mail", "media", True)


def test_phrases_link_for_a_person_uses_the_entity(hand_doc):
    # Council member Khalid Sabah
    doc = hand_doc(
        ["Council", "member", "Khalid", "Sabah"],
        [1, 3, 3, 3],
        ["compound", "compound", "compound", "ROOT"],
        ["NOUN", "NOUN", "PROPN", "PROPN"],
        ents=["O", "O", "B-PERSON", "I-PERSON"],
    )
    link = link_for(doc[3])
    assert link is not None
    assert (link.name, link.person, link.kind) == ("Khalid Sabah", True, "official")
    assert {"council", "member"} <= link.words


def test_phrases_link_for_refuses_non_sources(hand_doc):
    doc = hand_doc(["the", "men", "ran"], [1, 2, 2], ["det", "nsubj", "ROOT"], ["DET", "NOUN", "VERB"])
    assert link_for(doc[1]) is None
    assert link_for(doc[2]) is None
