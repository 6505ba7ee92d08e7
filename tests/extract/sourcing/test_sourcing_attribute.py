"""The attribution stage end to end on parsed text (extract/sourcing/attribute.py).

Every text here is invented for these tests.
"""

from __future__ import annotations

import pytest

from warlog.extract.sourcing import attribute
from warlog.types import Span

pytestmark = pytest.mark.slow


def _run(parse, event_at, text, trigger, *, n=1, outlet=None):
    event = event_at(text, trigger, n=n)
    attribute(parse(text), events=[event], outlet=outlet)
    return [s.name for s in event.sources], event.certainty


def test_attribute_no_source_is_asserted(parse, event_at):
    text = "Gunmen killed five farmers near the village of Kafr Nabl on Monday."
    assert _run(parse, event_at, text, "killed") == ([], "asserted")


def test_attribute_single_source_is_attributed(parse, event_at):
    text = "Gunmen killed five farmers near the village of Kafr Nabl on Monday, the provincial governor said."
    assert _run(parse, event_at, text, "killed") == (["provincial governor"], "attributed")


def test_attribute_chain_of_two_names_the_activist_later(parse, event_at):
    text = (
        "Shelling killed seven people in the town of Saraqib on Friday, the Idlib Media Centre reported, "
        "citing a local activist.\n\n"
        "Activist Omar Haj Ali told the centre that most of the dead were children."
    )
    assert _run(parse, event_at, text, "killed") == (["Idlib Media Centre", "Omar Haj Ali"], "attributed")


def test_attribute_chain_of_three_across_sentences(parse, event_at):
    text = (
        "A gun battle inside a militant training camp killed three fighters and wounded ten.\n\n"
        "According to the Baghdad Chronicle the fight broke out after a dispute over pay. "
        "The Chronicle's report is sourced to the Kurdish agency Zagros Press, which in turn heard the story "
        "from a local activist named Karim Aziz."
    )
    names, certainty = _run(parse, event_at, text, "killed")
    assert names == ["Baghdad Chronicle", "Zagros Press", "Karim Aziz"]
    assert certainty == "attributed"


def test_attribute_passive_told_by(parse, event_at):
    text = (
        "The Tigris Courier was told by a police officer that gunmen had killed two guards at the checkpoint."
    )
    names, certainty = _run(parse, event_at, text, "killed")
    assert names == ["Tigris Courier", "a police officer"]
    assert certainty == "attributed"


def test_attribute_told_the_own_outlet_is_left_out(parse, event_at):
    text = "A roadside bomb killed three soldiers near Kirkuk, a security source told the Tigris Courier."
    names, _ = _run(parse, event_at, text, "killed", outlet="Tigris Courier")
    assert names == ["a security source"]


def test_attribute_pronoun_speaker_resolves_to_the_named_person(parse, event_at):
    text = (
        "Major Hassan Kareem leads the army unit in the district.\n\n"
        "Militants attacked the base overnight and killed two soldiers, he said."
    )
    assert _run(parse, event_at, text, "attacked") == (["Hassan Kareem"], "attributed")


def test_attribute_quote_speaker_inside_a_long_quote(parse, event_at):
    text = "“They came at night. They burned the houses and shot two men,” said Yusuf Danladi, a farmer."
    assert _run(parse, event_at, text, "burned") == (["Yusuf Danladi"], "attributed")


def test_attribute_reportedly_hedges(parse, event_at):
    text = "Fighters reportedly abducted a village chief near Menaka on Thursday, residents said."
    assert _run(parse, event_at, text, "abducted") == (["residents"], "hedged")


def test_attribute_wire_dateline_is_the_outer_voice(parse, event_at):
    text = "ERBIL, Iraq, May 3 (Zagros Press) - A drone strike killed two fighters near Sinjar, police said."
    names, _ = _run(parse, event_at, text, "killed", outlet="Gulf Herald")
    assert names == ["Zagros Press", "police"]


def test_attribute_fills_the_sources_field_span(parse, event_at):
    text = "Gunmen killed five farmers near the village on Monday, the provincial governor said."
    event = event_at(text, "killed")
    attribute(parse(text), events=[event])
    span = event.field_spans["sources"]
    assert isinstance(span, Span)
    assert text[span.start : span.end] == "provincial governor"
    assert event.sources[0].kind == "official"


def test_attribute_collects_quotes(parse, event_at):
    text = "“We lost four men,” the commander said."
    quotes: list = []
    attribute(parse(text), events=[], quotes_out=quotes)
    assert [q.direct for q in quotes] == [True]


def test_attribute_definite_description_refers_back_to_the_named_monitor(parse, event_at):
    text = (
        "Air strikes killed nine people in the town of Ariha on Sunday, the Syrian Network for Human Rights "
        "said.\n\nThe jets struck a bakery twice, according to the Britain-based monitor."
    )
    names, certainty = _run(parse, event_at, text, "struck")
    assert names == ["Syrian Network for Human Rights"]
    assert certainty == "attributed"


def test_attribute_told_a_relative_is_not_an_outer_voice(parse, event_at):
    text = "Gunmen killed two shepherds near the village on Friday, a survivor told his family."
    names, _ = _run(parse, event_at, text, "killed")
    assert names == ["a survivor"]


def test_attribute_the_city_s_office_is_named_after_the_city(parse, event_at):
    text = (
        "Shelling of a market in the besieged city of Taiz killed five people on Sunday, "
        "the city's health office said."
    )
    assert _run(parse, event_at, text, "killed") == (["Taiz health office"], "attributed")
