"""The pairwise rule: gates (type family, date window, place radius, admin1) and the score."""

from __future__ import annotations

import pytest
from link_samples import IRAQ, KIRKUK, MOSUL, NINEVEH, TALAFAR, ZANJILI, event

from warlog.link import LinkParams, pair_score, report_of


@pytest.fixture(scope="module")
def params(settings):
    return LinkParams.from_settings(settings)


def score(a, b, params, text_a="", text_b=""):
    return pair_score(
        report_of(a, evidence=text_a, params=params),
        report_of(b, evidence=text_b, params=params),
        params=params,
    )


def test_compare_same_type_day_and_town_link(params):
    assert score(event("a:e1"), event("b:e1"), params) == pytest.approx(1.5)


def test_compare_is_symmetric(params):
    a, b = event("a:e1", fatalities=3), event("b:e1", date="2017-03-14", place=ZANJILI, actor1="ISIS")
    assert score(a, b, params) == score(b, a, params)


def test_compare_same_article_never_links(params):
    assert score(event("a:e1"), event("a:e2"), params) is None


def test_compare_other_family_or_country_is_rejected(params):
    clash = event("b:e1", sub="Armed clash", etype="Battles")
    assert score(event("a:e1"), clash, params) is None
    arrests = event("b:e1", sub="Arrests", etype="Strategic developments")
    assert score(event("a:e1"), arrests, params) is None


def test_compare_related_sub_types_of_one_family_link(params):
    shelling = event("b:e1", sub="Shelling/artillery/missile attack")
    assert score(event("a:e1"), shelling, params) == pytest.approx(1.0)


def test_compare_date_window_widens_with_precision(params):
    assert score(event("a:e1"), event("b:e1", date="2017-03-14"), params) is not None
    assert score(event("a:e1"), event("b:e1", date="2017-03-15"), params) is None
    assert score(event("a:e1"), event("b:e1", date="2017-03-16", precision="week"), params) is not None
    assert score(event("a:e1"), event("b:e1", date="2017-03-01", precision="month"), params) is not None
    assert score(event("a:e1"), event("b:e1", date="2017-01-01", precision="year"), params) is None


def test_compare_a_day_apart_costs_score(params):
    same = score(event("a:e1"), event("b:e1"), params)
    apart = score(event("a:e1"), event("b:e1", date="2017-03-14"), params)
    assert apart is not None and same is not None and apart < same


def test_compare_place_radius_widens_with_geo_precision(params):
    # Tal Afar is ~60 km from Mosul: too far for two town-level reports, and for "near" ones too
    assert score(event("a:e1"), event("b:e1", place=TALAFAR), params) is None
    assert (
        score(event("a:e1", geo_precision=2), event("b:e1", place=TALAFAR, geo_precision=2), params) is None
    )
    # Zanjili is a Mosul neighbourhood, 3 km from its centre
    assert score(event("a:e1"), event("b:e1", place=ZANJILI), params) == pytest.approx(1.0)


def test_compare_province_level_report_needs_the_same_admin1(params):
    province = event("b:e1", place=NINEVEH, geo_precision=3)
    assert score(event("a:e1"), province, params) == pytest.approx(0.75)
    assert score(event("a:e1", place=KIRKUK), province, params) is None


def test_compare_country_only_report_needs_matching_wording(params):
    country = event("b:e1", place=IRAQ, geo_precision=3)
    assert score(event("a:e1"), country, params) is None
    same_words = "Air strike kills eight in Zanjili district of Mosul"
    assert score(event("a:e1"), country, params, same_words, same_words) is not None


def test_compare_unlocated_or_undated_event_stands_alone(params):
    assert score(event("a:e1"), event("b:e1", place=None), params) is None
    assert score(event("a:e1"), event("b:e1", date=None), params) is None


def test_compare_different_perpetrators_cost_score_unidentified_does_not(params):
    a = event("a:e1", actor1="Military Forces of Iraq")
    assert score(a, event("b:e1", actor1="Military Forces of Iraq"), params) == pytest.approx(2.0)
    assert score(a, event("b:e1", actor1="Unidentified Armed Group (Iraq)"), params) == pytest.approx(1.5)
    assert score(a, event("b:e1", actor1="Islamic State (ISIS)"), params) == pytest.approx(1.0)


def test_compare_params_come_from_settings(settings):
    params = LinkParams.from_settings(settings)
    assert params.slack_days == {"day": 1, "week": 4, "month": 16}
    assert params.max_slack == 16
    assert MOSUL.admin1 == "Nineveh"


def test_compare_sub_event_families_gate_links(params):
    def sub(name, etype="Explosions/Remote violence"):
        return event("b:e1", sub=name, etype=etype)

    strike = event("a:e1")
    assert score(strike, sub("Chemical weapon"), params) is None
    assert score(strike, sub("Suicide bomb"), params) is None
    bomb = event("a:e1", sub="Suicide bomb")
    assert score(bomb, sub("Remote explosive/landmine/IED"), params) == pytest.approx(1.0)
    clash = event("a:e1", sub="Armed clash", etype="Battles")
    assert score(clash, sub("Attack", "Violence against civilians"), params) == pytest.approx(1.0)
    assert score(clash, sub("Abduction/forced disappearance", "Violence against civilians"), params) is None
    arrests = event("a:e1", sub="Arrests", etype="Strategic developments")
    assert score(arrests, sub("Looting/property destruction", "Strategic developments"), params) is None


def test_compare_sub_family_of_unlisted_type_is_itself():
    from warlog.link import sub_family_of

    assert sub_family_of("Air/drone strike") == sub_family_of("Shelling/artillery/missile attack")
    assert sub_family_of("Agreement") == "Agreement"


def test_compare_vague_date_counts_no_more_than_a_day_apart(params):
    same_day = score(event("a:e1"), event("b:e1"), params)
    day_apart = score(event("a:e1"), event("b:e1", date="2017-03-14"), params)
    week = score(event("a:e1"), event("b:e1", precision="week"), params)
    assert same_day == pytest.approx(1.5)
    assert week == pytest.approx(1.5 - 0.5 + params.vague_date_score)
    assert week is not None and day_apart is not None and week <= day_apart


def test_compare_vague_window_stops_at_publication(params):
    def weekly(published):  # dated 2017-03-13, to the week
        return report_of(event("a:e1", precision="week"), evidence="", params=params, published=published)

    def daily(day):
        return report_of(event("b:e1", date=day), evidence="", params=params)

    # a lead dated only by its publication (week precision): nothing it reports happened later,
    # beyond the other report's own day of slack
    assert pair_score(weekly("2017-03-13"), daily("2017-03-15"), params=params) is None
    assert pair_score(daily("2017-03-15"), weekly("2017-03-13"), params=params) is None
    assert pair_score(weekly("2017-03-13"), daily("2017-03-14"), params=params) is not None
    assert pair_score(weekly("2017-03-13"), daily("2017-03-10"), params=params) is not None
    # publication unknown, or later ("last week"): the whole window is open
    assert pair_score(weekly(None), daily("2017-03-15"), params=params) is not None
    assert pair_score(weekly("2017-03-20"), daily("2017-03-15"), params=params) is not None
    # equally vague dates: neither window is the pair's, so no cut
    other = report_of(event("b:e1", date="2017-03-16", precision="week"), evidence="", params=params)
    assert pair_score(weekly("2017-03-13"), other, params=params) is not None


def test_compare_publication_is_ignored_for_day_precision(params):
    a = report_of(event("a:e1"), evidence="", params=params, published="2017-03-10")
    assert a.published is None
    assert pair_score(a, report_of(event("b:e1"), evidence="", params=params), params=params) is not None
