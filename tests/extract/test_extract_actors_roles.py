"""actor1 and actor2 from the parse: the sides of a clash, the side that lost ground (slow: real model)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # the other side of an active clash
        (
            "Iraqi troops clashed with Islamic State fighters near Kirkuk on Monday.",
            "Military Forces of Iraq",
            "Islamic State (ISIS)",
        ),
        # "fighting between X and Y": the first side, then the other
        (
            "Fighting between the Syrian Democratic Forces and Islamic State erupted in Raqqa on Monday.",
            "Syrian Democratic Forces",
            "Islamic State (ISIS)",
        ),
        # ground taken "from" a side: that side lost it
        (
            "Peshmerga forces recaptured the village from Islamic State near Mosul on Monday.",
            "Peshmerga",
            "Islamic State (ISIS)",
        ),
        # passive: the clash's other side acts on the victims
        (
            "Three Iraqi soldiers were killed in clashes with Islamic State near Kirkuk on Monday.",
            "Islamic State (ISIS)",
            "Military Forces of Iraq",
        ),
        # "at" after a verb of shooting names the target; a participle's subject is its head clause's
        (
            "Gunmen shot at an Iraqi army patrol near Kirkuk on Monday, wounding two soldiers.",
            "Unidentified Armed Group",  # no places given here: the country is not known
            "Military Forces of Iraq",
        ),
        (  # the only cue is the participle: its subject is the clause's it hangs on
            "Gunmen fired at a patrol near Kirkuk on Monday, killing two soldiers.",
            "Unidentified Armed Group",
            "Military Forces (country unknown)",
        ),
        # a weapon word modifying the event noun: the noun's target is the event's
        (
            "Islamic State fighters died in suicide bomb attacks on Iraqi troops in Mosul on Monday.",
            "Islamic State (ISIS)",
            "Military Forces of Iraq",
        ),
    ],
)
def test_actors_roles_of_both_sides(code, text, actor1, actor2) -> None:
    events, _ = code(text, published="2019-03-05")
    assert [(e.actor1, e.actor2) for e in events] == [(actor1, actor2)]


def test_actors_identity_adjective_is_not_the_state(code) -> None:
    # "Kurdish forces" are not Iraq's army, however Iraqi the article is
    events, _ = code("Iraqi troops seized two oil fields near Kirkuk from Kurdish forces on Monday.")
    assert [(e.actor1, e.actor2) for e in events] == [("Military Forces of Iraq", None)]


def test_actors_event_noun_that_acts_is_not_also_the_target(code) -> None:
    # the protesters are the event's side; the clause's subject is the other
    events, _ = code("Police arrested five protesters in Basra in Iraq on Monday.")
    assert [(e.actor1, e.actor2) for e in events] == [("Protesters", "Police Forces (country unknown)")]


def test_actors_demonstration_side_defaults_to_protesters(code) -> None:
    events, _ = code("Hundreds of people protested peacefully against power cuts on Monday.")
    assert [(e.sub_event_type, e.actor1) for e in events] == [("Peaceful protest", "Protesters")]
    # the crowd and the forces breaking it up stay one demonstration, of the gravest kind told
    events, _ = code(
        "Thousands of protesters rallied against the government on Friday. "
        "Security forces fired tear gas and rubber bullets into the crowds, and protesters set tyres on fire."
    )
    assert len(events) == 1 and events[0].event_type in ("Protests", "Riots")


def test_actors_sponsor_country_is_not_the_side(code) -> None:
    # "US-backed rebels" fight for themselves: no US force, and no US country
    events, _ = code("US-backed rebels attacked a Syrian army checkpoint near Deraa on Monday.")
    assert [e.actor1 for e in events] == ["Opposition Rebels"]
