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


def _parsed(make_doc, spec: str):
    """A Doc from "word/dep/head/POS/tag/lemma" items (heads are absolute token indices)."""
    items = [item.split("/") for item in spec.split()]
    return make_doc(
        [i[0] for i in items],
        [int(i[2]) for i in items],
        [i[1] for i in items],
        [i[3] for i in items],
        tags=[i[4] for i in items],
        lemmas=[i[5] for i in items],
    )


def test_casualties_numeric_date_is_not_a_count(make_doc):
    # 14-06-2015 40 ISIS Fighters Killed
    doc = _parsed(
        make_doc,
        "14/nummod/7/NUM/CD/14 -/punct/2/SYM/HYPH/- 06/prep/0/NUM/CD/06 -/punct/5/SYM/HYPH/- "
        "2015/compound/5/NUM/CD/2015 40/nummod/7/NUM/CD/40 ISIS/compound/7/PROPN/NNP/ISIS "
        "Fighters/nsubj/8/PROPN/NNPS/fighter Killed/ROOT/8/VERB/VBN/kill",
    )
    assert _values(doc, 8) == [("dead", 40)]


def test_casualties_family_of_n_counts_its_members(make_doc):
    # killing an entire family of seven
    doc = _parsed(
        make_doc,
        "killing/ROOT/0/VERB/VBG/kill an/det/3/DET/DT/an entire/amod/3/ADJ/JJ/entire "
        "family/dobj/0/NOUN/NN/family of/prep/3/ADP/IN/of seven/pobj/4/NUM/CD/seven",
    )
    assert _values(doc, 0) == [("dead", 7)]


def test_casualties_single_persons_with_possessive_are_summed(make_doc):
    # A farmer and his son were killed
    doc = _parsed(
        make_doc,
        "A/det/1/DET/DT/a farmer/nsubjpass/6/NOUN/NN/farmer and/cc/1/CCONJ/CC/and his/poss/4/PRON/PRP$/his "
        "son/conj/1/NOUN/NN/son were/auxpass/6/AUX/VBD/be killed/ROOT/6/VERB/VBN/kill",
    )
    assert _values(doc, 6) == [("dead", 2)]


def test_casualties_unnumbered_plural_group_makes_the_sum_vague(make_doc):
    # his brother and the others died
    doc = _parsed(
        make_doc,
        "his/poss/1/PRON/PRP$/his brother/nsubj/5/NOUN/NN/brother and/cc/1/CCONJ/CC/and "
        "the/det/4/DET/DT/the others/conj/1/NOUN/NNS/other died/ROOT/5/VERB/VBD/die",
    )
    assert _values(doc, 5) == [("dead", None)]


def test_casualties_flat_subset_after_the_whole_is_dropped(make_doc):
    # Seven people were killed among them 3 children
    doc = _parsed(
        make_doc,
        "Seven/nummod/1/NUM/CD/seven people/nsubjpass/3/NOUN/NNS/people were/auxpass/3/AUX/VBD/be "
        "killed/ROOT/3/VERB/VBN/kill among/prep/3/ADP/IN/among them/pobj/4/PRON/PRP/they "
        "3/nummod/7/NUM/CD/3 children/dobj/3/NOUN/NNS/child",
    )
    assert _values(doc, 3) == [("dead", 7)]


def test_casualties_number_before_of_them_is_the_count(make_doc):
    # the toll climbed to 54 20 of them women
    doc = _parsed(
        make_doc,
        "the/det/1/DET/DT/the toll/nsubj/2/NOUN/NN/toll climbed/ROOT/2/VERB/VBD/climb to/prep/2/ADP/IN/to "
        "54/compound/5/NUM/CD/54 20/pobj/3/NUM/CD/20 of/prep/5/ADP/IN/of them/pobj/6/PRON/PRP/they "
        "women/npadvmod/2/NOUN/NNS/woman",
    )
    counts = sentence_casualties(doc[:], [(doc[1], "dead")])
    assert [(c.value, c.rose) for c in counts] == [(54, True)]


def test_casualties_toll_put_at_a_number(make_doc):
    # a reporter placed the death toll at 40
    doc = _parsed(
        make_doc,
        "a/det/1/DET/DT/a reporter/nsubj/2/NOUN/NN/reporter placed/ROOT/2/VERB/VBD/place "
        "the/det/5/DET/DT/the death/compound/5/NOUN/NN/death toll/dobj/2/NOUN/NN/toll "
        "at/prep/2/ADP/IN/at 40/pobj/6/NUM/CD/40",
    )
    assert _values(doc, 5) == [("dead", 40)]


def test_casualties_number_before_a_determined_toll_is_not_its_count(make_doc):
    # URL 312 The death toll : 312 belongs to "URL"
    doc = _parsed(
        make_doc,
        "URL/ROOT/0/NOUN/NN/url 312/nummod/0/NUM/CD/312 The/det/4/DET/DT/the "
        "death/compound/4/NOUN/NN/death toll/appos/0/NOUN/NN/toll",
    )
    assert _values(doc, 4) == []


def test_casualties_verb_to_death_counts_its_victim(make_doc):
    # he beat to death a rival
    doc = _parsed(
        make_doc,
        "he/nsubj/1/PRON/PRP/he beat/ROOT/1/VERB/VBD/beat to/prep/1/ADP/IN/to death/pobj/2/NOUN/NN/death "
        "a/det/5/DET/DT/a rival/dobj/1/NOUN/NN/rival",
    )
    assert _values(doc, 3) == [("dead", 1)]


def test_casualties_killing_noun_counts_victims_of(make_doc):
    # the kidnapping and execution of three soldiers (no casualty cue in the sentence)
    doc = _parsed(
        make_doc,
        "the/det/1/DET/DT/the kidnapping/ROOT/1/NOUN/NN/kidnapping and/cc/1/CCONJ/CC/and "
        "execution/conj/1/NOUN/NN/execution of/prep/1/ADP/IN/of three/nummod/6/NUM/CD/three "
        "soldiers/pobj/4/NOUN/NNS/soldier",
    )
    assert [(c.kind, c.value) for c in sentence_casualties(doc[:], [])] == [("dead", 3)]


def test_casualties_surface_number_stops_at_a_conjunction(make_doc):
    # the family were killed and thirty were treated : thirty were not killed
    doc = _parsed(
        make_doc,
        "the/det/1/DET/DT/the family/nsubjpass/3/NOUN/NN/family were/auxpass/3/AUX/VBD/be "
        "killed/ROOT/3/VERB/VBN/kill and/cc/3/CCONJ/CC/and thirty/nsubjpass/7/NUM/CD/thirty "
        "were/auxpass/7/AUX/VBD/be treated/conj/3/VERB/VBN/treat",
    )
    assert all(c.value != 30 for c in sentence_casualties(doc[:], [(doc[3], "dead")]))


def test_casualties_apposition_renames_the_victims(make_doc):
    # weapons A woman and a child were killed (a run-on the parser read as an apposition)
    doc = _parsed(
        make_doc,
        "weapons/nsubjpass/6/NOUN/NNS/weapon A/det/2/DET/DT/a woman/appos/0/NOUN/NN/woman "
        "and/cc/2/CCONJ/CC/and a/det/5/DET/DT/a child/conj/2/NOUN/NN/child were/auxpass/6/AUX/VBD/be "
        "killed/ROOT/6/VERB/VBN/kill",
    )
    assert _values(doc, 6) == [("dead", 2)]


def test_casualties_headline_verb_forms_are_deaths():
    from warlog.extract.lexicon import lexicon

    dead = lexicon().words("casualty_dead")
    assert {"executes", "beheads", "kills", "shot", "gunned"} <= dead


def test_extractor_count_skips_a_risen_toll_below_the_first_count():
    from types import SimpleNamespace

    from warlog.extract.casualties import Count
    from warlog.extract.extractor import _count

    def mention(start, count):
        return SimpleNamespace(trigger=SimpleNamespace(start=start), fatalities=count)

    first = Count("dead", 79, 0, 1)
    later = Count("dead", 70, 50, 51, rose=True)  # "toll rises to 70": another story's
    higher = Count("dead", 90, 60, 61, rose=True)
    assert _count([mention(0, first), mention(50, later)], "fatalities") is first  # type: ignore[list-item]
    assert _count([mention(0, first), mention(60, higher)], "fatalities") is higher  # type: ignore[list-item]


def test_casualties_number_on_a_modifier_counts_the_noun(make_doc):
    # 70 army and rebel fighters were killed (the number parsed onto "army")
    doc = _parsed(
        make_doc,
        "70/nummod/1/NUM/CD/70 army/nmod/4/NOUN/NN/army and/cc/1/CCONJ/CC/and rebel/conj/1/NOUN/NN/rebel "
        "fighters/nsubjpass/6/NOUN/NNS/fighter were/auxpass/6/AUX/VBD/be killed/ROOT/6/VERB/VBN/kill",
    )
    assert _values(doc, 6) == [("dead", 70)]


def test_casualties_shared_number_over_coordinated_modifiers_stays(make_doc):
    # 70 army and rebel fighters : "fighters" has no determiner of its own, the sum is not vague
    doc = _parsed(
        make_doc,
        "70/nummod/4/NUM/CD/70 army/compound/4/NOUN/NN/army and/cc/1/CCONJ/CC/and "
        "rebel/conj/1/NOUN/NN/rebel fighters/nsubjpass/6/NOUN/NNS/fighter were/auxpass/6/AUX/VBD/be "
        "killed/ROOT/6/VERB/VBN/kill",
    )
    assert _values(doc, 6) == [("dead", 70)]


def test_casualties_toll_of_a_whole_war_is_not_counted(make_doc):
    # brought the toll for soldiers killed in the conflict to 22
    doc = _parsed(
        make_doc,
        "brought/ROOT/0/VERB/VBD/bring the/det/2/DET/DT/the toll/dobj/0/NOUN/NN/toll for/prep/2/ADP/IN/for "
        "soldiers/pobj/3/NOUN/NNS/soldier killed/acl/4/VERB/VBN/kill in/prep/5/ADP/IN/in "
        "the/det/8/DET/DT/the conflict/pobj/6/NOUN/NN/conflict to/prep/0/ADP/IN/to 22/pobj/9/NUM/CD/22",
    )
    counts = sentence_casualties(doc[:], [(doc[2], "dead"), (doc[5], "dead")])
    assert counts == []


def test_casualties_deaths_since_a_year_are_not_counted(make_doc):
    # 280000 people have been killed since 2011
    doc = _parsed(
        make_doc,
        "280000/nummod/1/NUM/CD/280000 people/nsubjpass/4/NOUN/NNS/people have/aux/4/AUX/VBP/have "
        "been/auxpass/4/AUX/VBN/be killed/ROOT/4/VERB/VBN/kill since/prep/4/ADP/IN/since "
        "2011/pobj/5/NUM/CD/2011",
    )
    assert _values(doc, 4) == []


def test_casualties_surface_number_in_a_subset_gives_the_whole(make_doc):
    # leaving 31 civilians - including seven children - dead (dead parsed away from its noun)
    doc = _parsed(
        make_doc,
        "leaving/ROOT/0/VERB/VBG/leave 31/nummod/2/NUM/CD/31 civilians/dobj/0/NOUN/NNS/civilian "
        "-/punct/2/PUNCT/HYPH/- including/prep/2/VERB/VBG/include seven/nummod/6/NUM/CD/seven "
        "children/pobj/4/NOUN/NNS/child -/punct/0/PUNCT/HYPH/- dead/advmod/0/ADV/RB/dead",
    )
    assert _values(doc, 8) == [("dead", 31)]


def test_casualties_raised_subject_of_a_reported_death(make_doc):
    # Nine civilians are reported to have been killed
    doc = _parsed(
        make_doc,
        "Nine/nummod/1/NUM/CD/nine civilians/nsubjpass/3/NOUN/NNS/civilian are/auxpass/3/AUX/VBP/be "
        "reported/ROOT/3/VERB/VBN/report to/aux/7/PART/TO/to have/aux/7/AUX/VB/have "
        "been/auxpass/7/AUX/VBN/be killed/xcomp/3/VERB/VBN/kill",
    )
    assert _values(doc, 7) == [("dead", 9)]


def test_casualties_raising_verb_subject_is_not_the_victim_of_an_active_kill(make_doc):
    # militants are said to have killed 12 villagers
    doc = _parsed(
        make_doc,
        "militants/nsubjpass/2/NOUN/NNS/militant are/auxpass/2/AUX/VBP/be said/ROOT/2/VERB/VBN/say "
        "to/aux/5/PART/TO/to have/aux/5/AUX/VB/have killed/xcomp/2/VERB/VBN/kill 12/nummod/7/NUM/CD/12 "
        "villagers/dobj/5/NOUN/NNS/villager",
    )
    assert _values(doc, 5) == [("dead", 12)]


def test_casualties_bare_toll_that_rose(make_doc):
    # the toll rose to 31 ("toll" is no cue of the trigger lexicon, only "death toll")
    doc = _parsed(
        make_doc,
        "the/det/1/DET/DT/the toll/nsubj/2/NOUN/NN/toll rose/ROOT/2/VERB/VBD/rise to/prep/2/ADP/IN/to "
        "31/pobj/3/NUM/CD/31",
    )
    counts = sentence_casualties(doc[:], [])
    assert [(c.kind, c.value, c.rose) for c in counts] == [("dead", 31, True)]


def test_casualties_numbered_bodies_are_deaths(make_doc):
    # teams pulled 9 bodies from the rubble
    doc = _parsed(
        make_doc,
        "teams/nsubj/1/NOUN/NNS/team pulled/ROOT/1/VERB/VBD/pull 9/nummod/3/NUM/CD/9 "
        "bodies/dobj/1/NOUN/NNS/body from/prep/1/ADP/IN/from the/det/6/DET/DT/the "
        "rubble/pobj/4/NOUN/NN/rubble",
    )
    assert [(c.kind, c.value) for c in sentence_casualties(doc[:], [])] == [("dead", 9)]


def test_casualties_number_of_people_killed_has_risen(make_doc):
    # the number of people killed has risen to five
    doc = _parsed(
        make_doc,
        "the/det/1/DET/DT/the number/nsubj/6/NOUN/NN/number of/prep/1/ADP/IN/of "
        "people/pobj/2/NOUN/NNS/people killed/acl/3/VERB/VBN/kill has/aux/6/AUX/VBZ/have "
        "risen/ROOT/6/VERB/VBN/rise to/prep/6/ADP/IN/to "
        "five/pobj/7/NUM/CD/five",
    )
    counts = sentence_casualties(doc[:], [(doc[4], "dead")])
    assert [(c.value, c.rose) for c in counts] == [(5, True)]


def test_casualties_bodies_found_do_not_replace_a_death_count(make_doc):
    # 32 people were killed with 18 bodies pulled : the count is 32
    doc = _parsed(
        make_doc,
        "32/nummod/1/NUM/CD/32 people/nsubjpass/3/NOUN/NNS/people were/auxpass/3/AUX/VBD/be "
        "killed/ROOT/3/VERB/VBN/kill with/prep/3/ADP/IN/with 18/nummod/6/NUM/CD/18 "
        "bodies/pobj/4/NOUN/NNS/body pulled/acl/6/VERB/VBN/pull",
    )
    assert _values(doc, 3) == [("dead", 32)]


def test_casualties_digit_run_tagged_percent_is_still_a_count(make_doc):
    # URL 0 85 12 terrorists were killed (the tagger calls "0 85 12" a PERCENT)
    from spacy.tokens import Span

    doc = _parsed(
        make_doc,
        "URL/nsubjpass/6/PROPN/NNP/url 0/nummod/0/NUM/CD/0 85/compound/3/NUM/CD/85 12/nummod/4/NUM/CD/12 "
        "terrorists/nsubjpass/6/NOUN/NNS/terrorist were/auxpass/6/AUX/VBD/be killed/ROOT/6/VERB/VBN/kill",
    )
    doc.ents = [Span(doc, 1, 4, label="PERCENT")]
    assert _values(doc, 6) == [("dead", 12)]


def test_casualties_real_percentage_is_not_a_count(make_doc):
    # 45 percent were killed : a share, not a count
    from spacy.tokens import Span

    doc = _parsed(
        make_doc,
        "45/nummod/1/NUM/CD/45 percent/nsubjpass/3/NOUN/NN/percent were/auxpass/3/AUX/VBD/be "
        "killed/ROOT/3/VERB/VBN/kill",
    )
    doc.ents = [Span(doc, 0, 2, label="PERCENT")]
    assert all(c.value != 45 for c in sentence_casualties(doc[:], [(doc[3], "dead")]))


def test_casualties_shot_dead_and_gunned_down_are_deaths_not_injuries(code):
    events, _ = code("Gunmen shot dead two policemen at a checkpoint near the port on Monday.")
    assert [(e.fatalities, e.injuries) for e in events] == [(2, None)]
    events, _ = code("Masked gunmen gunned down three farmers near the village on Sunday.")
    assert [(e.fatalities, e.injuries) for e in events] == [(3, None)]


def test_casualties_no_one_hurt_is_zero_of_both(make_doc):
    # No one was hurt
    doc = _parsed(
        make_doc,
        "No/det/1/DET/DT/no one/nsubjpass/3/NOUN/NN/one was/auxpass/3/AUX/VBD/be hurt/ROOT/3/VERB/VBN/hurt",
    )
    assert sorted(_values(doc, 3, "hurt")) == [("dead", 0), ("hurt", 0)]


def test_casualties_no_one_else_is_no_count(make_doc):
    # no one else was hurt : not "one hurt", not zero
    doc = _parsed(
        make_doc,
        "no/det/1/DET/DT/no one/nsubjpass/4/NOUN/NN/one else/advmod/1/ADV/RB/else was/auxpass/4/AUX/VBD/be "
        "hurt/ROOT/4/VERB/VBN/hurt",
    )
    assert _values(doc, 4, "hurt") == []


def test_casualties_no_injuries_noun_is_zero(make_doc):
    # the bomb caused no injuries
    doc = _parsed(
        make_doc,
        "the/det/1/DET/DT/the bomb/nsubj/2/NOUN/NN/bomb caused/ROOT/2/VERB/VBD/cause no/det/4/DET/DT/no "
        "injuries/dobj/2/NOUN/NNS/injury",
    )
    assert sorted(_values(doc, 4, "hurt")) == [("dead", 0), ("hurt", 0)]


def test_casualties_nobody_killed_is_zero_dead_only(make_doc):
    # Nobody was killed
    doc = _parsed(
        make_doc,
        "Nobody/nsubjpass/2/PRON/NN/nobody was/auxpass/2/AUX/VBD/be killed/ROOT/2/VERB/VBN/kill",
    )
    assert _values(doc, 2) == [("dead", 0)]


def test_casualties_one_named_or_definite_person(code):
    events, _ = code("A suicide bomber killed the imam of the mosque in Damascus on Friday.")
    assert [e.fatalities for e in events] == [1]
    events, _ = code("A bomb went off in the mosque on Friday, killing Sheikh Salman Hamid.")
    assert [e.fatalities for e in events] == [1]
    # a family is several people: no number
    events, _ = code("Gunmen killed the family in Homs on Friday.")
    assert [e.fatalities for e in events] == [None]
