"""Chains inside one sentence, on hand-built parses (extract/sourcing/chains.py)."""

from __future__ import annotations

from warlog.extract.sourcing.chains import frames, sentence_chain


def _names(chain):
    return [link.name for link in chain]


def test_chains_post_clause_said(hand_doc):
    # Gunmen killed five , police said .
    doc = hand_doc(
        ["Gunmen", "killed", "five", ",", "police", "said", "."],
        [1, 5, 1, 5, 5, 5, 5],
        ["nsubj", "ccomp", "dobj", "punct", "nsubj", "ROOT", "punct"],
        ["NOUN", "VERB", "NUM", "PUNCT", "NOUN", "VERB", "PUNCT"],
        lemmas=["gunman", "kill", "five", ",", "police", "say", "."],
    )
    sent = doc[:]
    assert [t.text for t in frames(sent, doc[1])] == ["said"]
    chain = sentence_chain(sent, doc[1])
    assert _names(chain) == ["police"]
    assert chain[0].kind == "military"


def test_chains_according_to(hand_doc):
    # According to residents , gunmen killed five .
    doc = hand_doc(
        ["According", "to", "residents", ",", "gunmen", "killed", "five", "."],
        [5, 0, 1, 5, 5, 5, 5, 5],
        ["prep", "prep", "pobj", "punct", "nsubj", "ROOT", "dobj", "punct"],
        ["VERB", "ADP", "NOUN", "PUNCT", "NOUN", "VERB", "NUM", "PUNCT"],
        lemmas=["accord", "to", "resident", ",", "gunman", "kill", "five", "."],
    )
    chain = sentence_chain(doc[:], doc[5])
    assert [(x.name, x.kind) for x in chain] == [("residents", "witness")]


def test_chains_of_two_reported_citing(hand_doc):
    # Five died , the agency reported , citing an activist .
    doc = hand_doc(
        ["Five", "died", ",", "the", "agency", "reported", ",", "citing", "an", "activist", "."],
        [1, 5, 5, 4, 5, 5, 5, 5, 9, 7, 5],
        ["nsubj", "ccomp", "punct", "det", "nsubj", "ROOT", "punct", "advcl", "det", "dobj", "punct"],
        ["NUM", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT", "VERB", "DET", "NOUN", "PUNCT"],
        lemmas=["five", "die", ",", "the", "agency", "report", ",", "cite", "an", "activist", "."],
    )
    chain = sentence_chain(doc[:], doc[1])
    assert _names(chain) == ["agency", "an activist"]
    assert chain[1].indefinite and chain[1].kind == "activist"


def test_chains_told_puts_the_medium_outside(hand_doc):
    # Five died , a doctor told Reuters .
    doc = hand_doc(
        ["Five", "died", ",", "a", "doctor", "told", "Reuters", "."],
        [1, 5, 5, 4, 5, 5, 5, 5],
        ["nsubj", "ccomp", "punct", "det", "nsubj", "ROOT", "dobj", "punct"],
        ["NUM", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PROPN", "PUNCT"],
        lemmas=["five", "die", ",", "a", "doctor", "tell", "Reuters", "."],
    )
    assert _names(sentence_chain(doc[:], doc[1])) == ["Reuters", "a doctor"]


def test_chains_passive_was_told_by(hand_doc):
    # Reuters was told by a commander that five died .
    doc = hand_doc(
        ["Reuters", "was", "told", "by", "a", "commander", "that", "five", "died", "."],
        [2, 2, 2, 2, 5, 3, 8, 8, 2, 2],
        ["nsubjpass", "auxpass", "ROOT", "agent", "det", "pobj", "mark", "nsubj", "ccomp", "punct"],
        ["PROPN", "AUX", "VERB", "ADP", "DET", "NOUN", "SCONJ", "NUM", "VERB", "PUNCT"],
        lemmas=["Reuters", "be", "tell", "by", "a", "commander", "that", "five", "die", "."],
    )
    chain = sentence_chain(doc[:], doc[8])
    assert _names(chain) == ["Reuters", "a commander"]
    assert chain[1].kind == "military"


def test_chains_no_source_is_empty(hand_doc):
    doc = hand_doc(
        ["Gunmen", "killed", "five", "."],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "dobj", "punct"],
        ["NOUN", "VERB", "NUM", "PUNCT"],
        lemmas=["gunman", "kill", "five", "."],
    )
    assert sentence_chain(doc[:], doc[1]) == []
