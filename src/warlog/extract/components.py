"""spaCy components of the event coder.

``warlog_actor_ruler`` is an :class:`~spacy.pipeline.EntityRuler` filled from the actor
dictionary (``data/actors.json``). Placed before ``"ner"``, it marks every alias of a known
armed actor as an ``ACTOR`` entity whose ``ent_id_`` is the canonical name, so the statistical
NER keeps "Islamic State" whole instead of reading "State" as a place.

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
    """EntityRuler token patterns for every alias of every actor (``id`` = canonical name)."""
    patterns: list[dict[str, Any]] = []
    for actor in lexicon().actors.values():
        for alias in dict.fromkeys((actor.name, *actor.aliases)):
            words = [t.text for t in tokenizer(alias)]
            if not words:
                continue
            if _is_acronym(alias):
                pattern: list[dict[str, Any]] = [{"ORTH": w} for w in words]
            else:
                pattern = [{"LOWER": w.lower()} for w in words]
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
    ruler = EntityRuler(nlp, name, overwrite_ents=overwrite_ents, ent_id_sep="||")
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
