"""Casualty counts from hand-built parses (extract/casualties.py)."""

from __future__ import annotations

import spacy

from warlog.extract.casualties import parse_number, sentence_casualties


def _values(doc, cue: int, kind: str = "dead"):
    return [(c.kind, c.value) for c in sentence_casualties(doc[:], [(doc[cue], kind)])]


def test_casualties_sum_coordinated_groups(make_doc):
    # Gunmen killed 16 civilians and 4 fighters .
    doc = make_doc(
        ["Gunmen", "killed", "16", "civilians", "and", "4", "fighters", "."],
        [1, 1, 3, 1, 3, 6, 3, 1],
        ["nsubj", "ROOT", "nummod", "dobj", "cc", "nummod", "conj", "punct"],
        ["NOUN", "VERB", "NUM", "NOUN", "CCONJ", "NUM", "NOUN", "PUNCT"],
        lemmas=["gunman", "kill", "16", "civilian", "and", "4", "fighter", "."],
        tags=["NNS", "VBD", "CD", "NNS", "CC", "CD", "NNS", "."],
    )
    assert _values(doc, 1) == [("dead", 20)]


def test_casualties_passive_with_at_least(make_doc):
    # At least 12 people were killed
    doc = make_doc(
        ["At", "least", "12", "people", "were", "killed"],
        [1, 2, 3, 5, 5, 5],
        ["advmod", "advmod", "nummod", "nsubjpass", "auxpass", "ROOT"],
        ["ADP", "ADJ", "NUM", "NOUN", "AUX", "VERB"],
        lemmas=["at", "least", "12", "people", "be", "kill"],
        tags=["IN", "JJS", "CD", "NNS", "VBD", "VBN"],
    )
    assert _values(doc, 5) == [("dead", 12)]


def test_casualties_range_gives_lower_bound(make_doc):
    # between 10 and 15 people were killed
    doc = make_doc(
        ["between", "10", "and", "15", "people", "were", "killed"],
        [1, 4, 1, 1, 6, 6, 6],
        ["quantmod", "nummod", "cc", "conj", "nsubjpass", "auxpass", "ROOT"],
        ["ADP", "NUM", "CCONJ", "NUM", "NOUN", "AUX", "VERB"],
        lemmas=["between", "10", "and", "15", "people", "be", "kill"],
        tags=["IN", "CD", "CC", "CD", "NNS", "VBD", "VBN"],
    )
    assert _values(doc, 6) == [("dead", 10)]


def test_casualties_subset_is_not_added(make_doc):
    # killing 9 people including 3 children
    doc = make_doc(
        ["killing", "9", "people", "including", "3", "children"],
        [0, 2, 0, 2, 5, 3],
        ["ROOT", "nummod", "dobj", "prep", "nummod", "pobj"],
        ["VERB", "NUM", "NOUN", "VERB", "NUM", "NOUN"],
        lemmas=["kill", "9", "people", "include", "3", "child"],
        tags=["VBG", "CD", "NNS", "VBG", "CD", "NNS"],
    )
    assert _values(doc, 0) == [("dead", 9)]


def test_casualties_vague_quantity_gives_no_number(make_doc):
    # dozens of people were killed
    doc = make_doc(
        ["dozens", "of", "people", "were", "killed"],
        [4, 0, 1, 4, 4],
        ["nsubjpass", "prep", "pobj", "auxpass", "ROOT"],
        ["NOUN", "ADP", "NOUN", "AUX", "VERB"],
        lemmas=["dozen", "of", "people", "be", "kill"],
        tags=["NNS", "IN", "NNS", "VBD", "VBN"],
    )
    assert _values(doc, 4) == [("dead", None)]


def test_casualties_toll_that_rose(make_doc):
    # the death toll rose to 30
    doc = make_doc(
        ["the", "death", "toll", "rose", "to", "30"],
        [2, 2, 3, 3, 3, 4],
        ["det", "compound", "nsubj", "ROOT", "prep", "pobj"],
        ["DET", "NOUN", "NOUN", "VERB", "ADP", "NUM"],
        lemmas=["the", "death", "toll", "rise", "to", "30"],
        tags=["DT", "NN", "NN", "VBD", "IN", "CD"],
    )
    counts = sentence_casualties(doc[:], [(doc[2], "dead")])
    assert [(c.value, c.rose) for c in counts] == [(30, True)]


def test_casualties_killed_and_wounded_separately(make_doc):
    # killed two and wounded 20 more
    doc = make_doc(
        ["killed", "two", "and", "wounded", "20", "more"],
        [0, 0, 0, 0, 3, 4],
        ["ROOT", "dobj", "cc", "conj", "dobj", "advmod"],
        ["VERB", "NUM", "CCONJ", "VERB", "NUM", "ADJ"],
        lemmas=["kill", "two", "and", "wound", "20", "more"],
        tags=["VBD", "CD", "CC", "VBD", "CD", "JJR"],
    )
    counts = sentence_casualties(doc[:], [(doc[0], "dead"), (doc[3], "hurt")])
    assert sorted((c.kind, c.value) for c in counts) == [("dead", 2), ("hurt", 20)]


def test_casualties_year_is_not_a_count(make_doc):
    # killed in 2016 : no count
    doc = make_doc(
        ["people", "killed", "2016"],
        [1, 1, 1],
        ["nsubj", "ROOT", "npadvmod"],
        ["NOUN", "VERB", "NUM"],
        lemmas=["people", "kill", "2016"],
        tags=["NNS", "VBD", "CD"],
    )
    assert all(c.value != 2016 for c in sentence_casualties(doc[:], [(doc[1], "dead")]))


def test_casualties_parse_number_words_and_digits():
    tok = spacy.blank("en").tokenizer
    assert parse_number(list(tok("twenty-five"))) == 25
    assert parse_number(list(tok("1,200"))) == 1200
    assert parse_number(list(tok("two hundred"))) == 200
    assert parse_number(list(tok("Sixteen"))) == 16
    assert parse_number(list(tok("86 30"))) == 86  # two numbers, not one


def test_casualties_count_before_other_kind_is_not_taken(make_doc):
    # 8 persons killed 58 others injured
    doc = make_doc(
        ["8", "persons", "killed", "58", "others", "injured"],
        [1, 2, 2, 4, 2, 4],
        ["nummod", "nsubj", "ROOT", "nummod", "dobj", "acl"],
        ["NUM", "NOUN", "VERB", "NUM", "NOUN", "VERB"],
        lemmas=["8", "person", "kill", "58", "other", "injure"],
        tags=["CD", "NNS", "VBD", "CD", "NNS", "VBN"],
    )
    counts = sentence_casualties(doc[:], [(doc[2], "dead"), (doc[5], "hurt")])
    assert ("dead", 58) not in [(c.kind, c.value) for c in counts]
    assert ("hurt", 58) in [(c.kind, c.value) for c in counts]


def test_casualties_day_of_a_date_is_not_a_count(make_doc):
    # Sun 10 Jul : 10 is a day
    doc = make_doc(
        ["Sun", "10", "Jul", "killed"],
        [3, 2, 3, 3],
        ["npadvmod", "nummod", "npadvmod", "ROOT"],
        ["PROPN", "NUM", "PROPN", "VERB"],
        lemmas=["sun", "10", "jul", "kill"],
        tags=["NNP", "CD", "NNP", "VBN"],
    )
    assert all(c.value != 10 for c in sentence_casualties(doc[:], [(doc[3], "dead")]))


def test_casualties_conjoined_verb_shares_passive_subject(make_doc):
    # 41 rebels were rounded up and executed
    doc = make_doc(
        ["41", "rebels", "were", "rounded", "up", "and", "executed"],
        [1, 3, 3, 3, 3, 3, 3],
        ["nummod", "nsubjpass", "auxpass", "ROOT", "prt", "cc", "conj"],
        ["NUM", "NOUN", "AUX", "VERB", "ADP", "CCONJ", "VERB"],
        lemmas=["41", "rebel", "be", "round", "up", "and", "execute"],
        tags=["CD", "NNS", "VBD", "VBN", "RP", "CC", "VBN"],
    )
    assert _values(doc, 6) == [("dead", 41)]


def test_casualties_digit_group_before_the_count_is_another_number(make_doc):
    # 85 12 terrorists were killed
    doc = make_doc(
        ["85", "12", "terrorists", "were", "killed"],
        [1, 2, 4, 4, 4],
        ["compound", "nummod", "nsubjpass", "auxpass", "ROOT"],
        ["NUM", "NUM", "NOUN", "AUX", "VERB"],
        lemmas=["85", "12", "terrorist", "be", "kill"],
        tags=["CD", "CD", "NNS", "VBD", "VBN"],
    )
    assert _values(doc, 4) == [("dead", 12)]
