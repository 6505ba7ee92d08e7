"""spaCy components of the event coder.

``warlog_actor_ruler`` is an :class:`~spacy.pipeline.EntityRuler` filled from the actor
dictionary (``data/actors.json``). Placed before ``"ner"``, it marks every alias of a known
armed actor as an ``ACTOR`` entity whose ``ent_id_`` is the canonical name, so the statistical
NER keeps "Islamic State" whole instead of reading "State" as a place.

Aliases are phrase patterns matched case-insensitively (spaCy's ``PhraseMatcher`` on ``LOWER``);
only the short all-capital acronyms are token patterns on ``ORTH``. With all ~700 aliases as token
patterns the ruler took a quarter of the whole pipeline's time (measured on the demo corpus:
3.6 s of 13.8 s); as phrase patterns it is a small fraction of that.

Reads: ``Token.orth``/``Token.lower``. Writes: ``Doc.ents`` (label ``ACTOR``).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokenizer import Tokenizer

from ..settings import Settings
from .lexicon import lexicon

__all__ = ["ACTOR_LABEL", "actor_patterns", "add_components"]

ACTOR_LABEL = "ACTOR"
RULER_NAME = "warlog_actor_ruler"


def _is_acronym(alias: str) -> bool:
    """Short all-capital aliases (IS, SDF, PMF) are matched case-sensitively: "is" is a verb."""
    letters = alias.replace(".", "").replace("-", "").replace("/", "")
    return letters.isalnum() and letters.upper() == letters and len(letters) <= 6 and " " not in alias


def actor_patterns(tokenizer: Tokenizer) -> list[dict[str, Any]]:
    """EntityRuler patterns for every alias of every actor (``id`` = canonical name): a token
    pattern on ``ORTH`` for an acronym, else the alias itself as a phrase pattern (the ruler
    matches phrases on ``LOWER``)."""
    patterns: list[dict[str, Any]] = []
    for actor in lexicon().actors.values():
        for alias in dict.fromkeys((actor.name, *actor.aliases)):
            words = [t.text for t in tokenizer(alias)]
            if not words:
                continue
            pattern: str | list[dict[str, Any]] = alias
            if _is_acronym(alias):
                pattern = [{"ORTH": w} for w in words]
            patterns.append({"label": ACTOR_LABEL, "pattern": pattern, "id": actor.name})
    return patterns


@Language.factory(
    RULER_NAME,
    default_config={"overwrite_ents": False},
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
    requires=["token.orth"],
)
def make_actor_ruler(nlp: Language, name: str, overwrite_ents: bool) -> EntityRuler:
    """An EntityRuler holding the actor dictionary's aliases."""
    ruler = EntityRuler(
        nlp, name, overwrite_ents=overwrite_ents, ent_id_sep="||", phrase_matcher_attr="LOWER"
    )
    with nlp.select_pipes(enable=[]):  # phrase patterns need only the tokenizer
        ruler.add_patterns(actor_patterns(nlp.tokenizer))
    return ruler


def add_components(nlp: Language, *, settings: Settings) -> None:
    """Add the actor ruler before ``"ner"`` (or at the end when the pipeline has no NER)."""
    if not settings.get("extract", {}).get("actor_ruler", True) or RULER_NAME in nlp.pipe_names:
        return
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(RULER_NAME, before="ner")
    else:
        nlp.add_pipe(RULER_NAME)
