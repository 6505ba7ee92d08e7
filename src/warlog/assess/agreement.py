"""Agreement: what an incident's reports say together, and where they disagree.

- the incident's type, day and place: the value most reports give, each report weighing
  :func:`~.weights.report_weight` (certainty × source kind × depth), ties going to the
  alphabetically first type, the earliest day and the most precise place;
- fatalities: ``low``/``high`` over every report; ``best`` is the weighted median of one figure per
  origin group (the figure of the group's weightiest report), each group weighing that report's
  weight — so five copies of one wire count once, a hedged figure counts half as much as an
  asserted one, and an NGO monitor's figure more than an activist's. Ties go to the lower figure,
  following the codebook's "most conservative number";
- contradictions, in words: different fatality figures, different (known) actor1, different days
  (both known to the day) and different sub-event types, each value followed by who gave it, and
  the parties a report says deny the event (``Event.disputed_by``):
  ``"fatalities: 16 (Northern Syria Monitor, citing SOHR) vs 23 (Levant Observer, citing a doctor)"``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ..types import Event, PlaceMention
from .weights import report_weight

__all__ = ["UNKNOWN_ACTORS", "Agreement", "agreement", "best_figure", "who"]

#: actor1 values that name nobody in particular: they agree and disagree with nothing.
UNKNOWN_ACTORS = ("unidentified", "unknown", "gunmen", "militants", "attackers")


@dataclass
class Agreement:
    """The incident-level values and the disagreements behind them."""

    event_type: str
    sub_event_type: str
    date: str | None
    location: PlaceMention | None
    fatalities_low: int | None
    fatalities_high: int | None
    fatalities_best: int | None
    contradictions: list[str] = field(default_factory=list)
    #: which fields disagree: "fatalities", "actor1", "date", "sub_event_type", and "disputed"
    disagree_on: list[str] = field(default_factory=list)
    #: high / low fatality figure (1.0 when they agree or are unknown)
    fatalities_spread: float = 1.0


def who(event: Event, outlets: Mapping[str, str | None]) -> str:
    """How a contradiction names one report: its outlet (or article) and the source it cites."""
    name = outlets.get(event.article_id) or event.article_id
    chain = [s.name for s in event.sources if s.name.casefold() != name.casefold()]
    return name + (f", citing {chain[-1]}" if chain else "")


def _weight(event: Event) -> float:
    return report_weight(event)


def _vote(events: Sequence[Event], value: Callable[[Event], str | None]) -> str | None:
    """The value with the largest total certainty weight; ties: the smallest value."""
    totals: dict[str, float] = defaultdict(float)
    for e in events:
        v = value(e)
        if v is not None:
            totals[v] += _weight(e)
    return min(totals, key=lambda v: (-round(totals[v], 9), v)) if totals else None


def _listing(label: str, values: Mapping[str, list[Event]], outlets: Mapping[str, str | None]) -> str:
    parts = [f"{v} ({'; '.join(who(e, outlets) for e in reports)})" for v, reports in values.items()]
    return f"{label}: " + " vs ".join(parts)


def _known_actor(name: str | None) -> str | None:
    return name if name and not name.casefold().startswith(UNKNOWN_ACTORS) else None


def best_figure(events: Sequence[Event], groups: Sequence[Sequence[str]]) -> int | None:
    """Weighted median of one figure per origin group (see the module docstring)."""
    by_id = {e.event_id: e for e in events}
    picks: list[tuple[int, float]] = []
    for group in groups:
        reports = [by_id[i] for i in group if by_id[i].fatalities is not None]
        if reports:
            top = min(reports, key=lambda e: (-_weight(e), e.fatalities, e.event_id))
            assert top.fatalities is not None
            picks.append((top.fatalities, _weight(top)))
    if not picks:
        return None
    picks.sort()
    half, running = sum(w for _, w in picks) / 2, 0.0
    for figure, weight in picks:
        running += weight
        if running >= half - 1e-9:
            return figure
    return picks[-1][0]


def agreement(
    events: Sequence[Event], *, groups: Sequence[Sequence[str]], outlets: Mapping[str, str | None]
) -> Agreement:
    """Combine the reports ``events`` of one incident, whose origin groups are ``groups``."""
    members = sorted(events, key=lambda e: e.event_id)
    sub = _vote(members, lambda e: e.sub_event_type)
    assert sub is not None
    event_type = next(e.event_type for e in members if e.sub_event_type == sub)
    precise = [e for e in members if e.date and (e.date_precision or "day") == "day"]
    day = _vote(precise, lambda e: e.date[:10] if e.date else None)
    if day is None:
        day = min((e.date for e in members if e.date), default=None)
    located = [e for e in members if e.location is not None]
    location = min(located, key=lambda e: (e.geo_precision or 4, e.event_id)).location if located else None
    figures = sorted(e.fatalities for e in members if e.fatalities is not None)

    result = Agreement(
        event_type=event_type,
        sub_event_type=sub,
        date=day,
        location=location,
        fatalities_low=figures[0] if figures else None,
        fatalities_high=figures[-1] if figures else None,
        fatalities_best=best_figure(members, groups),
    )
    checks: list[tuple[str, Callable[[Event], str | None]]] = [
        ("fatalities", lambda e: None if e.fatalities is None else str(e.fatalities)),
        ("actor1", lambda e: _known_actor(e.actor1)),
        ("date", lambda e: e.date[:10] if e.date and (e.date_precision or "day") == "day" else None),
        ("sub_event_type", lambda e: e.sub_event_type),
    ]
    for label, value in checks:
        values: dict[str, list[Event]] = defaultdict(list)
        for e in members:
            v = value(e)
            if v is not None:
                values[v].append(e)
        if len(values) > 1:
            ordered = sorted(values, key=lambda v: (int(v), v) if label == "fatalities" else (0, v))
            result.contradictions.append(_listing(label, {v: values[v] for v in ordered}, outlets))
            result.disagree_on.append(label)
    disputes: dict[str, list[Event]] = defaultdict(list)
    for e in members:
        for party in dict.fromkeys(e.disputed_by):
            disputes[party].append(e)
    if disputes:
        result.contradictions.append(
            "disputed: "
            + "; ".join(
                f"{party} denies it ({'; '.join(who(e, outlets) for e in reports)})"
                for party, reports in sorted(disputes.items())
            )
        )
        result.disagree_on.append("disputed")
    if figures and figures[0] > 0:
        result.fatalities_spread = figures[-1] / figures[0]
    elif figures and figures[-1] > 0:
        result.fatalities_spread = float("inf")
    return result
