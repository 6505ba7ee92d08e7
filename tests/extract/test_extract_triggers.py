"""Cues and the codebook's exclusions on hand-built parses (extract/triggers.py)."""

from __future__ import annotations

import spacy

from warlog.extract.triggers import CueMatcher, aggregate, irrealis, negated


def test_triggers_match_lemmas_plurals_and_hyphens(make_doc):
    doc = make_doc(
        ["Russian", "air", "-", "strikes", "killed", "12"],
        [3, 3, 3, 4, 4, 4],
        ["amod", "compound", "punct", "nsubj", "ROOT", "dobj"],
        ["ADJ", "NOUN", "PUNCT", "NOUN", "VERB", "NUM"],
        lemmas=["russian", "air", "-", "strike", "kill", "12"],
    )
    found = {(doc[c.start : c.end].text, c.role, c.sub_event_type) for c in CueMatcher()(doc)}
    assert ("air - strikes", "event", "Air/drone strike") in found
    assert ("killed", "casualty", None) in found


def test_triggers_frame_weapon_seizure_is_disrupted_weapons_use(make_doc):
    # Police seized 40 rifles
    doc = make_doc(
        ["Police", "seized", "40", "rifles"],
        [1, 1, 3, 1],
        ["nsubj", "ROOT", "nummod", "dobj"],
        ["NOUN", "VERB", "NUM", "NOUN"],
        lemmas=["police", "seize", "40", "rifle"],
    )
    types = {c.sub_event_type for c in CueMatcher()(doc)}
    assert "Disrupted weapons use" in types


def _attack(make_doc, words, heads, deps, pos, lemmas):
    doc = make_doc(words, heads, deps, pos, lemmas=lemmas)
    return doc, next(t for t in doc if t.lemma_ == "attack")


def test_triggers_negated_verb(make_doc):
    doc, tok = _attack(
        make_doc,
        ["ISIS", "did", "not", "attack", "the", "base"],
        [3, 3, 3, 3, 5, 3],
        ["nsubj", "aux", "neg", "ROOT", "det", "dobj"],
        ["PROPN", "AUX", "PART", "VERB", "DET", "NOUN"],
        ["isis", "do", "not", "attack", "the", "base"],
    )
    assert negated(tok)


def test_triggers_no_clashes_is_negated(make_doc):
    doc = make_doc(
        ["There", "were", "no", "clashes"],
        [1, 1, 3, 1],
        ["expl", "ROOT", "det", "attr"],
        ["PRON", "AUX", "DET", "NOUN"],
        lemmas=["there", "be", "no", "clash"],
    )
    assert negated(doc[3])


def test_triggers_modal_is_hypothetical_but_may_have_is_not(make_doc):
    doc, tok = _attack(
        make_doc,
        ["ISIS", "might", "attack", "Baghdad"],
        [2, 2, 2, 2],
        ["nsubj", "aux", "ROOT", "dobj"],
        ["PROPN", "AUX", "VERB", "PROPN"],
        ["isis", "might", "attack", "baghdad"],
    )
    assert irrealis(tok, doc[:])
    doc, tok = _attack(
        make_doc,
        ["ISIS", "may", "have", "attacked", "Baghdad"],
        [3, 3, 3, 3, 3],
        ["nsubj", "aux", "aux", "ROOT", "dobj"],
        ["PROPN", "AUX", "AUX", "VERB", "PROPN"],
        ["isis", "may", "have", "attack", "baghdad"],
    )
    assert not irrealis(tok, doc[:])


def test_triggers_plan_and_question_are_not_events(make_doc):
    doc, tok = _attack(
        make_doc,
        ["ISIS", "plans", "to", "attack", "Baghdad"],
        [1, 1, 3, 1, 3],
        ["nsubj", "ROOT", "aux", "xcomp", "dobj"],
        ["PROPN", "VERB", "PART", "VERB", "PROPN"],
        ["isis", "plan", "to", "attack", "baghdad"],
    )
    assert irrealis(tok, doc[:])
    doc, tok = _attack(
        make_doc,
        ["Did", "ISIS", "attack", "Baghdad", "?"],
        [2, 2, 2, 2, 2],
        ["aux", "nsubj", "ROOT", "dobj", "punct"],
        ["AUX", "PROPN", "VERB", "PROPN", "PUNCT"],
        ["do", "isis", "attack", "baghdad", "?"],
    )
    assert irrealis(tok, doc[:])


def test_triggers_reported_attack_is_real(make_doc):
    doc, tok = _attack(
        make_doc,
        ["ISIS", "attacked", "Baghdad"],
        [1, 1, 1],
        ["nsubj", "ROOT", "dobj"],
        ["PROPN", "VERB", "PROPN"],
        ["isis", "attack", "baghdad"],
    )
    assert not irrealis(tok, doc[:]) and not negated(tok)


def test_triggers_aggregates_over_years():
    nlp = spacy.blank("en")
    assert aggregate(nlp("EFPs killed 196 soldiers and wounded 861 from 2005 to 2011.")[:])
    assert aggregate(nlp("Twenty attacks were foiled over the past four years.")[:])
    assert aggregate(nlp("More than 300,000 people have been killed since the start of the war.")[:])
    assert not aggregate(nlp("A bomb killed 16 people in Hasaka on Tuesday.")[:])


def test_triggers_aggregates_since_a_month_of_a_year():
    nlp = spacy.blank("en")
    assert aggregate(nlp("Air raids have killed 900 people in the province since June 2016.")[:])
    assert not aggregate(nlp("Since Monday, shelling has killed 12 people in the town.")[:])


def test_triggers_aggregates_across_a_list_of_places():
    nlp = spacy.blank("en")
    assert aggregate(nlp("Some 2,000 people died in raids across Chad, Sudan and Libya last year.")[:])
    assert aggregate(nlp("Clashes across Aleppo and Idlib provinces killed 40 fighters.")[:])
    assert not aggregate(nlp("Gunmen moved across the border and killed two guards in Tillaberi.")[:])


def test_triggers_died_in_is_no_die_in(make_doc):
    # "die-in" and "sit-in" are protest nouns; "died in" / "sat in" are a verb and a preposition
    doc = make_doc(
        ["Two", "men", "died", "in", "the", "blast"],
        [1, 2, 2, 2, 5, 3],
        ["nummod", "nsubj", "ROOT", "prep", "det", "pobj"],
        ["NUM", "NOUN", "VERB", "ADP", "DET", "NOUN"],
        lemmas=["two", "man", "die", "in", "the", "blast"],
    )
    assert not any(c.sub_event_type == "Peaceful protest" for c in CueMatcher()(doc))
    doc = make_doc(
        ["Students", "staged", "a", "die", "-", "in"],
        [1, 1, 5, 5, 5, 1],
        ["nsubj", "ROOT", "det", "compound", "punct", "dobj"],
        ["NOUN", "VERB", "DET", "NOUN", "PUNCT", "NOUN"],
        lemmas=["student", "stage", "a", "die", "-", "in"],
    )
    assert any(c.sub_event_type == "Peaceful protest" for c in CueMatcher()(doc))
