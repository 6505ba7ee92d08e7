"""How much one report is worth on its own: ``certainty × source kind × depth``.

Used to weigh reports everywhere in :mod:`warlog.assess`: in the votes for an incident's type and
day, in the best fatality figure, and in the confidence.
"""

from __future__ import annotations

from ..types import Event

__all__ = ["CERTAINTY_WEIGHT", "DEPTH_FACTOR", "KIND_FACTOR", "report_weight"]

#: Weight of one report by its certainty. Set by hand from the codebook's meaning of each level,
#: not fitted: an asserted report is worth a coin flip on its own; an attributed one a little less
#: (the outlet vouches only for the quote); a hedged one half as much (the outlet doubts it).
CERTAINTY_WEIGHT = {"asserted": 0.5, "attributed": 0.45, "hedged": 0.25}

#: Trust in the innermost source by its kind, relative to an outlet's own reporting. Parties to the
#: fighting (military, officials) and activists have a stake in the story; anonymous and social-media
#: sources cannot be checked. Set by hand from the codebook's source kinds.
KIND_FACTOR: dict[str | None, float] = {
    None: 1.0,
    "media": 1.0,
    "ngo": 1.0,
    "witness": 0.9,
    "official": 0.9,
    "military": 0.8,
    "activist": 0.8,
    "other": 0.8,
    "anonymous": 0.7,
    "social_media": 0.6,
}
#: Each hop of an attribution chain beyond the first (outlet ← agency ← activist) is a retelling, a
#: chance for the story to drift: ×0.9 per hop.
DEPTH_FACTOR = 0.9


def report_weight(event: Event) -> float:
    """``CERTAINTY_WEIGHT × KIND_FACTOR of the innermost source × DEPTH_FACTOR ** (hops - 1)``."""
    certainty = CERTAINTY_WEIGHT.get(event.certainty, CERTAINTY_WEIGHT["hedged"])
    kind = KIND_FACTOR.get(event.sources[-1].kind if event.sources else None, KIND_FACTOR["other"])
    return certainty * kind * DEPTH_FACTOR ** max(0, len(event.sources) - 1)
