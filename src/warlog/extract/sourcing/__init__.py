"""Who says so: attribution chains, quotes, hedges and certainty for every event (issue 5).

``attribute(doc, events=..., outlet=..., quotes_out=...)`` fills each detected event's ``sources``
(the chain from the reporting voice inward to the origin), ``certainty`` and ``disputed_by``;
``find_quotes(doc)`` lists the direct and indirect quotations with their speakers.

Modules: ``cues`` (data files), ``phrases`` (source phrases and their kinds), ``chains`` (the chain
inside a sentence), ``resolve`` (pronouns, descriptions and chains across sentences), ``quotes``,
``certainty`` (hedges, disclaimers, denials), ``attribute`` (the entry point).
"""

from __future__ import annotations

from .attribute import attribute
from .quotes import find_quotes

__all__ = ["attribute", "find_quotes"]
