"""The event coder: ACLED-style events, each field traceable to the text (shared/contract/CODEBOOK.md).

``EventExtractor(settings=...)`` is built once; ``.extract(doc, article=..., places=...)`` returns
the article's events and the id of its main event. ``add_components`` puts the actor ruler into
the spaCy pipeline before the NER (called by :func:`warlog.nlp.load_nlp`).

Modules: ``lexicon`` (the data files in ``data/``), ``components`` (the actor ruler factory),
``triggers`` (cue matching; negation, irrealis and aggregate filters), ``detect`` (a sentence's
cues → typed mentions), ``classify`` (attack vs clash, protest types, accidents), ``actors``,
``casualties``, ``dates``, ``location``, ``merge`` (one event per occurrence; the main event),
``sourcing`` (who says so: chains, quotes, certainty), ``extractor`` (the façade).
"""

from __future__ import annotations

from .components import add_components
from .extractor import EventExtractor

__all__ = ["EventExtractor", "add_components"]
