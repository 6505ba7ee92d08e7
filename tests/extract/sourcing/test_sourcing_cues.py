"""The attribution stage's data files (extract/sourcing/cues.py)."""

from __future__ import annotations

import json
from importlib import resources

from warlog.extract.sourcing.cues import cues


def test_cues_data_files_carry_a_source_note():
    folder = resources.files("warlog.extract.sourcing").joinpath("data")
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".json"))
    assert names == ["hedges.json", "sources.json", "verbs.json"]
    for name in names:
        note = json.loads(folder.joinpath(name).read_text(encoding="utf-8"))["_source"]
        assert len(note) > 80


def test_cues_kind_of_reads_the_head_before_the_modifiers():
    c = cues()
    assert c.kind_of("officials", ["local", "officials"]) == "official"
    assert c.kind_of("sources", ["security", "sources"]) == "anonymous"
    assert c.kind_of("observatory", ["syrian", "observatory"]) == "ngo"
    assert c.kind_of("media", ["social", "media"]) == "social_media"
    assert c.kind_of("eyes", ["activist", "network", "euphrates", "eyes"]) == "activist"
    assert c.kind_of("leader", ["tribal", "leader"]) is None


def test_cues_compatible_kinds_share_a_family():
    c = cues()
    assert c.compatible("official", "military")
    assert c.compatible(None, "media")
    assert not c.compatible("official", "activist")


def test_cues_hedges_include_the_codebook_cues():
    c = cues()
    for word in ("allegedly", "reportedly", "unconfirmed"):
        assert word in c.hedge_words
    for phrase in (
        "could not be independently verified",
        "cannot be confirmed",
        "may have",
        "it is possible that",
    ):
        assert phrase in c.hedge_phrases
