"""The event coder: ACLED-style events, each field traceable to the text (shared/contract/CODEBOOK.md).

``EventExtractor(settings=...)`` is built once; ``.extract(doc, article=..., places=...)`` returns
the article's events and the id of its main event. ``add_components`` puts the actor ruler into
the spaCy pipeline before the NER (called by :func:`warlog.nlp.load_nlp`).

Modules: ``triggers`` (cue Matcher, negation/irrealis/aggregate filters), ``detect`` (sentence →
mentions), ``actors``, ``casualties``, ``dates``, ``attribution`` (sources, certainty),
``location``, ``merge`` (one event per occurrence, main event), ``extractor`` (the façade).
"""

from __future__ import annotations

from .components import add_components
from .extractor import EventExtractor

__all__ = ["EventExtractor", "add_components"]
