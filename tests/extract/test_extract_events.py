"""The event coder end to end on the real model (slow: loads en_core_web_sm)."""

from __future__ import annotations

import pytest
import spacy

from warlog.extract.components import ACTOR_LABEL, RULER_NAME

pytestmark = pytest.mark.slow


def _one(code, text, **kw):
    events, main = code(text, **kw)
    assert len(events) == 1, [(e.sub_event_type, e.evidence) for e in events]
    assert main == events[0].event_id
    return events[0]


def test_events_passive_agent_acts(code):
    e = _one(code, "Five civilians were killed by Islamic State fighters in Mosul on Monday.")
    assert e.sub_event_type == "Attack" and e.event_type == "Violence against civilians"
    assert e.actor1 == "Islamic State (ISIS)"
    assert e.actor2 is not None and e.actor2.startswith("Civilians")
    assert e.fatalities == 5
    assert (e.date, e.date_precision) == ("2017-04-03", "day")


def test_events_sum_of_groups_and_suicide_bomb(code):
    e = _one(code, "A suicide bomber killed 16 civilians and 4 soldiers at a checkpoint on Tuesday.")
    assert e.sub_event_type == "Suicide bomb"
    assert e.fatalities == 20


@pytest.mark.parametrize(
    "text",
    [
        "ISIS forces might roll over the Iraqi army and attack Baghdad.",  # hypothetical
        "The militants plan to attack the airport next week.",  # plan
        "Roadside bombs killed 196 soldiers and wounded 861 from 2005 to 2011.",  # aggregate
        "The rebels did not attack the checkpoint.",  # negated
        "Will the army shell the town again?",  # question
    ],
)
def test_events_codebook_exclusions(code, text):
    events, main = code(text)
    assert events == [] and main is None


def test_events_hedged_air_strike(code):
    e = _one(code, "Government warplanes reportedly bombed the town of Saraqib, killing three people.")
    assert e.sub_event_type == "Air/drone strike"
    assert e.certainty == "hedged"
    assert e.fatalities == 3


def test_events_attributed_to_source(code):
    e = _one(
        code,
        "Air strikes killed 12 civilians in Idlib on Sunday, the Syrian Observatory for Human Rights said.",
    )
    assert e.certainty == "attributed"
    assert any("Observatory" in s.name for s in e.sources)


def test_events_codebook_guidance_on_types(code):
    assert _one(code, "Islamic State militants executed 12 prisoners in Raqqa.").sub_event_type == "Attack"
    barrel = "Regime helicopters dropped barrel bombs on Aleppo, killing eight people."
    assert _one(code, barrel).sub_event_type == "Air/drone strike"
    rockets = "Rebels fired rockets at government-held districts of Aleppo, killing two people."
    assert _one(code, rockets).sub_event_type == "Shelling/artillery/missile attack"
    arrests = "Police arrested 30 suspected militants in Kano on Friday."
    assert _one(code, arrests).sub_event_type == "Arrests"
    retake = "Syrian government forces recaptured the town of Palmyra from Islamic State on Sunday."
    assert _one(code, retake).sub_event_type == "Government regains territory"


def test_events_same_occurrence_merged(code):
    text = (
        "An air strike killed nine civilians in the town of Arbin on Thursday. "
        "The strike hit a market in Arbin, rescuers said."
    )
    events, main = code(text)
    assert len(events) == 1
    assert main == "t:e1" and events[0].fatalities == 9


def test_events_field_spans_point_into_the_text(code):
    text = "Russian air strikes killed 18 people in Idlib on Saturday."
    e = _one(code, text)
    assert text[e.evidence.start : e.evidence.end] == text
    assert text[e.field_spans["fatalities"].start : e.field_spans["fatalities"].end] == "18"
    assert text[e.field_spans["date"].start : e.field_spans["date"].end] == "Saturday"
    assert "air strikes" in text[e.trigger.start : e.trigger.end]
    assert e.actor1 == "Military Forces of Russia"


def test_events_protest_with_intervention(code):
    e = _one(code, "Police fired tear gas to disperse hundreds of protesters in Beirut on Sunday.")
    assert e.sub_event_type == "Protest with intervention"


def test_events_ids_in_text_order(code):
    text = "Police arrested five men in Kano on Friday. A car bomb killed 12 people in Maiduguri on Saturday."
    events, main = code(text)
    assert [e.event_id for e in events] == ["t:e1", "t:e2"]
    assert [e.sub_event_type for e in events] == ["Arrests", "Remote explosive/landmine/IED"]


def test_events_actor_ruler_before_ner(nlp):
    assert nlp.pipe_names.index(RULER_NAME) < nlp.pipe_names.index("ner")
    doc = nlp("Islamic State fighters attacked the town.")
    ents = [(e.text, e.label_, e.ent_id_) for e in doc.ents]
    assert any(
        t.startswith("Islamic State") and lab == ACTOR_LABEL and i == "Islamic State (ISIS)"
        for t, lab, i in ents
    )


def test_events_actor_ruler_is_a_registered_factory():
    nlp = spacy.blank("en")
    nlp.add_pipe(RULER_NAME)
    doc = nlp("Clashes between the SDF and Daesh")
    assert {e.ent_id_ for e in doc.ents} == {"Syrian Democratic Forces", "Islamic State (ISIS)"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thousands of protesters marched peacefully through Khartoum on Friday.", "Peaceful protest"),
        ("Protesters threw stones and set fire to tyres in Baghdad on Friday.", "Violent demonstration"),
        (
            "Security forces shot dead five protesters in Khartoum on Monday.",
            "Excessive force against protesters",
        ),
        ("Police seized 40 rifles and 2,000 rounds of ammunition in Kano.", "Disrupted weapons use"),
        ("An angry mob lynched a suspected thief in Lagos on Sunday.", "Mob violence"),
    ],
)
def test_events_demonstrations_and_weapons(code, text, expected):
    events, main = code(text)
    assert main is not None
    assert next(e for e in events if e.event_id == main).sub_event_type == expected


def test_events_accident_is_not_political_violence(code):
    events, _ = code("A boiler exploded at a chemical plant on Saturday, killing two workers.")
    assert events == []


def test_events_distinct_dates_stay_distinct(code):
    text = (
        "Islamic State fighters captured the town of Sinjar in August 2014. "
        "Islamic State fighters captured the town of Palmyra in May 2015."
    )
    events, _ = code(text, published=None)
    assert [(e.sub_event_type, e.date) for e in events] == [
        ("Non-state actor overtakes territory", "2014-08-01"),
        ("Non-state actor overtakes territory", "2015-05-01"),
    ]


def test_events_location_most_specific_place_not_a_foreign_government(nlp, extractor):
    from warlog.types import Article, Place, PlaceMention

    text = "Russia said its jets struck the town of Saraqib in Idlib province on Friday, killing four people."
    russia = Place("Russia", 60.0, 100.0, "RU", feature_class="A", feature_code="PCLI")
    saraqib = Place("Saraqib", 35.86, 36.8, "SY", admin1="Idlib", feature_class="P", feature_code="PPL")
    idlib = Place("Idlib", 35.8, 36.6, "SY", admin1="Idlib", feature_class="A", feature_code="ADM1")
    places = [
        PlaceMention(text.index("Russia"), text.index("Russia") + 6, "Russia", russia, "ner"),
        PlaceMention(text.index("Saraqib"), text.index("Saraqib") + 7, "Saraqib", saraqib, "ner"),
        PlaceMention(text.index("Idlib"), text.index("Idlib") + 5, "Idlib", idlib, "ner"),
    ]
    article = Article(article_id="t", text=text, content_hash="x", published="2017-04-07")
    events, main = extractor.extract(nlp(text), article=article, places=places)
    e = next(e for e in events if e.event_id == main)
    assert e.location is not None and e.location.text == "Saraqib"
    assert e.geo_precision == 1
    assert e.field_spans["location"] == type(e.field_spans["location"])(places[1].start, places[1].end)


def test_events_unnamed_sources_are_hedged(code):
    e = _one(
        code, "By some accounts, Islamic State fighters held hundreds of people as human shields in Raqqa."
    )
    assert e.certainty == "hedged"
    assert [s.name for s in e.sources] == ["some accounts"]


@pytest.mark.slow
def test_extractor_generic_mention_takes_the_specific_type(code):
    # the generic sentence gives more fields (count, date, place), the specific one the type
    text = (
        "Nineteen civilians were killed in the town on Sunday. Air strikes by government jets hit the town."
    )
    events, main = code(text)
    e = next(e for e in events if e.event_id == main)
    assert e.sub_event_type == "Air/drone strike" and e.fatalities == 19
    assert text[e.trigger.start : e.trigger.end] == "Air strikes"  # the type's evidence


def test_events_the_blast_repeats_the_bombing(code):
    text = (
        "A suicide car bomb killed 12 people at a crowded market in the town on Tuesday. "
        "Yesterday's blast also wounded 30 people, a medic said."
    )
    events, _ = code(text, published="2019-05-08")
    assert [e.sub_event_type for e in events] == ["Suicide bomb"]
    assert events[0].injuries == 30


def test_events_the_bomber_is_no_aircraft(code):
    text = (
        "A suicide bomber killed nine people at a checkpoint on Sunday. "
        "Police later arrested two men suspected of helping the bomber."
    )
    events, _ = code(text, published="2019-05-06")
    assert "Air/drone strike" not in [e.sub_event_type for e in events]


def test_events_pro_government_militia_regains_territory(code):
    events, _ = code(
        "The Popular Mobilization Forces recaptured the village of Qasr Ali from Islamic State on Monday."
    )
    assert [e.sub_event_type for e in events] == ["Government regains territory"]
    events, _ = code("Islamic State fighters recaptured the village of Qasr Ali from the army on Monday.")
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]


def test_events_weekday_counts_from_the_dateline_when_unpublished(code):
    # an Article built without ``published``: the coder reads the dateline as the ingest stage does
    text = (
        "Posted on April 14 2017 by John Doe\n"
        "Five civilians were killed by Islamic State fighters in Mosul on Monday."
    )
    e = _one(code, text, published=None)
    assert (e.date, e.date_precision) == ("2017-04-10", "day")
    # "On April 14 2017, ..." is the event's date, not a dateline (once taken for one, it was skipped
    # and the event fell back to the week of publication)
    text = "On April 14 2017, five civilians were killed by Islamic State fighters in Mosul."
    e = _one(code, text, published=None)
    assert (e.date, e.date_precision) == ("2017-04-14", "day")
