"""Confidence: how far to trust that an incident happened as recorded, in [0, 1], with reasons.

The formula (documented, not fitted; the first calibration check is the FA-KES credible/fake AUC
in the issue's closing note):

1. Each report is worth ``w = certainty × source kind × depth``:
   ``CERTAINTY_WEIGHT`` (asserted 0.5, attributed 0.45, hedged 0.25) × ``KIND_FACTOR`` of the
   innermost source of its chain (1.0 for the outlet's own voice, media and NGOs; down to 0.6 for
   social media) × ``DEPTH_FACTOR`` (0.9) for each hop of the chain beyond the first — each
   retelling is a chance for the story to drift.
2. Each origin group (see :mod:`.independence`) is worth its best report; copies add nothing.
3. The chance that not every independent origin is wrong: ``1 − ∏(1 − w_group)``.
4. Disagreement lowers it: ×0.85 when fatality figures differ by more than half (high > 1.5 ×
   low), ×0.95 for a smaller difference, ×0.9 for different perpetrators, ×0.9 when a party the
   reports name denies it (a denial by a party to the fighting is weak evidence either way),
   ×0.95 for a different day or sub-event type. These penalties doubt the record's details more
   than its occurrence, so they are mild.
5. Capped at 0.99: no count of reports makes a record certain.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..types import Event
from .agreement import Agreement, who
from .independence import OriginGroups
from .weights import report_weight

__all__ = ["CAP", "confidence"]

#: No count of reports makes a record certain.
CAP = 0.99


def _penalties(agreed: Agreement) -> list[tuple[float, str]]:
    out = []
    if "fatalities" in agreed.disagree_on:
        wide = agreed.fatalities_spread > 1.5
        out.append(
            (
                0.85 if wide else 0.95,
                f"fatality figures differ ({agreed.fatalities_low}–{agreed.fatalities_high})",
            )
        )
    if "actor1" in agreed.disagree_on:
        out.append((0.9, "reports name different perpetrators"))
    if "date" in agreed.disagree_on:
        out.append((0.95, "reports give different days"))
    if "disputed" in agreed.disagree_on:
        out.append((0.9, "a party named in the reports denies it"))
    if "sub_event_type" in agreed.disagree_on:
        out.append((0.95, "reports describe it differently (sub-event types)"))
    return out


def confidence(
    events: Sequence[Event],
    *,
    origins: OriginGroups,
    agreed: Agreement,
    outlets: Mapping[str, str | None],
) -> tuple[float, list[str]]:
    """The incident's confidence and the reasons behind it, one short sentence each."""
    by_id = {e.event_id: e for e in events}
    articles = {e.article_id for e in events}
    groups = len(origins.groups)
    reasons = [f"{len(events)} report(s) in {len(articles)} article(s) from {groups} independent origin(s)"]
    reasons += [f"same origin: {why}" for why in origins.why]
    doubt = 1.0
    for group in origins.groups:
        best = max((by_id[i] for i in group), key=lambda e: (report_weight(e), e.event_id))
        weight = report_weight(best)
        doubt *= 1.0 - weight
        kind = best.sources[-1].kind if best.sources else None
        reasons.append(
            f"origin {who(best, outlets)}: {best.certainty}, source kind {kind or 'own voice'}, "
            f"chain of {len(best.sources)}: weight {weight:.2f}"
        )
    value = 1.0 - doubt
    for factor, why in _penalties(agreed):
        value *= factor
        reasons.append(f"{why}: ×{factor}")
    value = round(min(max(value, 0.0), CAP), 3)
    reasons.append(f"confidence 1 − ∏(1 − weight) with penalties = {value}")
    return value, reasons
