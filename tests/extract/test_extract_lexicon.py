"""The coder's data files are complete and consistent (extract/data/*.json)."""

from __future__ import annotations

from warlog.extract.lexicon import lexicon
from warlog.types import EVENT_TYPE_OF

KINDS = {"state", "rebel", "political_militia", "identity_militia", "external", "civilians"}


def test_lexicon_triggers_cover_all_25_sub_event_types():
    lex = lexicon()
    typed = {g.sub_event_type for g in lex.groups if g.sub_event_type} | {
        f.group.sub_event_type for f in lex.frames
    }
    assert typed <= set(EVENT_TYPE_OF)
    assert set(EVENT_TYPE_OF) - {"Attack"} <= typed | {"Attack"}
    assert len(set(EVENT_TYPE_OF)) == 25
    assert "Attack" in typed


def test_lexicon_actors_have_kind_country_and_aliases():
    lex = lexicon()
    assert len(lex.actors) >= 80
    for actor in lex.actors.values():
        assert actor.kind in KINDS, actor.name
        assert actor.aliases, actor.name
        assert actor.country is None or actor.country in lex.countries, actor.name


def test_lexicon_actor_aliases_are_unambiguous():
    seen: dict[str, str] = {}
    for actor in lexicon().actors.values():
        for alias in actor.aliases:
            key = alias if alias.isupper() else alias.lower()
            assert seen.setdefault(key, actor.name) == actor.name, f"{alias} in {seen[key]} and {actor.name}"


def test_lexicon_cue_lists_load():
    lex = lexicon()
    for key in (
        "modal_irrealis",
        "aggregate_phrases",
        "number_words",
    ):
        assert lex.cues[key], key
    assert "would" in lex.words("modal_irrealis")
