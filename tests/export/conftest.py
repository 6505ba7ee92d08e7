"""A small hand-built store to export: located, unlocated and unresolved events, incidents, problems."""

from __future__ import annotations

import hashlib
import json

import pytest
from jsonschema.validators import validator_for

from warlog.store import open_store
from warlog.types import (
    Analysis,
    Article,
    Event,
    Incident,
    IngestProblem,
    Place,
    PlaceMention,
    SourceRef,
    Span,
)

MOSUL = Place("Mosul", 36.335, 43.119, "IQ", geonames_id=99072, admin1="Nineveh", feature_class="P")

TEXT_1 = (
    "MOSUL - A foreign jihadi leader opened fire on his own troops, sparking a gun battle that killed two "
    "and wounded 20 more, the Daily Mail reported, citing ARA News and activist Ali al-Hussein. "
    "Separately, a drone strike was reported somewhere in the province."
)
TEXT_2 = "Two people died in clashes near Mosul on Tuesday, Reuters said."
TEXT_3 = "Des affrontements ont eu lieu près de Mossoul."


def _article(article_id: str, text: str, **fields: object) -> Article:
    digest = hashlib.sha1(" ".join(text.lower().split()).encode()).hexdigest()
    return Article(article_id=article_id, text=text, content_hash=digest, **fields)  # type: ignore[arg-type]


def _span(text: str, word: str) -> Span:
    start = text.index(word)
    return Span(start, start + len(word))


def _mention(text: str, word: str, place: Place | None) -> PlaceMention:
    span = _span(text, word)
    return PlaceMention(span.start, span.end, word, place, how="ner")


def _sentence(text: str, n: int) -> Span:
    """The n-th sentence (0-based), split on '. '."""
    starts = [0] + [i + 2 for i in range(len(text)) if text.startswith(". ", i)]
    start = starts[n]
    end = text.find(". ", start)
    return Span(start, len(text) if end < 0 else end + 1)


def _fill(store) -> None:
    a1 = _article(
        "a1",
        TEXT_1,
        title="Jihadi leader fires on own troops",
        published="2017-03-07T10:00:00Z",
        outlet="Daily Mail",
        url="https://example.org/a1",
        language="en",
    )
    clash = Event(
        "a1:e1",
        "a1",
        "Battles",
        "Armed clash",
        evidence=_sentence(TEXT_1, 0),
        trigger=_span(TEXT_1, "opened fire"),
        actor1="Islamic State (ISIS)",
        actor2="Islamic State (ISIS)",
        location=_mention(TEXT_1, "MOSUL", MOSUL),
        geo_precision=2,
        date="2017-03-05",
        date_precision="week",
        fatalities=2,
        injuries=20,
        sources=[
            SourceRef("Daily Mail", "media"),
            SourceRef("ARA News", "media"),
            SourceRef("Ali al-Hussein", "activist", _span(TEXT_1, "Ali al-Hussein")),
        ],
        certainty="hedged",
        field_spans={"fatalities": _span(TEXT_1, "two"), "injuries": _span(TEXT_1, "20")},
    )
    drone = Event(
        "a1:e2",
        "a1",
        "Explosions/Remote violence",
        "Air/drone strike",
        evidence=_sentence(TEXT_1, 1),
        trigger=_span(TEXT_1, "drone strike"),
        certainty="hedged",
    )
    places_1 = [_mention(TEXT_1, "MOSUL", MOSUL), _mention(TEXT_1, "province", None)]
    store.save_article(a1, Analysis("a1", places=places_1, events=[clash, drone], main_event_id="a1:e1"))

    a2 = _article("a2", TEXT_2, title=None, published="March 7, 2017", outlet="Reuters", language="en")
    near = Event(
        "a2:e1",
        "a2",
        "Battles",
        "Armed clash",
        evidence=Span(0, len(TEXT_2)),
        trigger=_span(TEXT_2, "clashes"),
        location=_mention(TEXT_2, "Mosul", None),
        geo_precision=2,
        date="2017-01-01",
        date_precision="year",
        fatalities=2,
        sources=[SourceRef("Reuters", "media")],
        certainty="attributed",
    )
    store.save_article(a2, Analysis("a2", places=[_mention(TEXT_2, "Mosul", None)], events=[near]))

    store.save_article(_article("a3", TEXT_3, language="fr"), None)

    store.replace_incidents(
        [
            Incident(
                "i1",
                ["a1:e1", "a2:e1"],
                ["a1", "a2"],
                "Battles",
                "Armed clash",
                "2017-03-05",
                _mention(TEXT_1, "MOSUL", MOSUL),
                fatalities_low=2,
                fatalities_high=2,
                fatalities_best=2,
                sources_count=2,
                independent_sources=2,
                confidence=0.8,
                reasons=["same day and place"],
            ),
            Incident(
                "i2",
                ["a1:e2"],
                ["a1"],
                "Explosions/Remote violence",
                "Air/drone strike",
                None,
                None,
                confidence=0.25,
                contradictions=["none really"],
            ),
        ],
        event_ids=["a1:e1", "a2:e1", "a1:e2"],
    )
    store.record_problem(IngestProblem("in.jsonl", 4, "W102", "missing or empty text", item_id="x4"))


@pytest.fixture
def store(tmp_path, settings):
    with open_store(tmp_path / "warlog.db", settings=settings) as opened:
        _fill(opened)
        yield opened


@pytest.fixture
def schema_validator(contract_dir):
    """``schema_validator("event")`` → a validator for shared/contract/event.schema.json."""

    def load(name: str):
        schema = json.loads((contract_dir / f"{name}.schema.json").read_text(encoding="utf-8"))
        cls = validator_for(schema)
        cls.check_schema(schema)
        return cls(schema)

    return load


@pytest.fixture
def build_contradiction():
    """Adds a Reuters report of i1 with another toll (2 → 5), so Reuters contradicts the Daily Mail."""

    def add(store) -> None:
        text = "Five people died in clashes near Mosul on Sunday, Reuters said."
        event = Event(
            "a4:e1",
            "a4",
            "Battles",
            "Armed clash",
            evidence=Span(0, len(text)),
            trigger=_span(text, "clashes"),
            fatalities=5,
            certainty="attributed",
            sources=[SourceRef("Reuters", "media")],
        )
        store.save_article(_article("a4", text, outlet="Reuters"), Analysis("a4", events=[event]))
        incident = next(i for i in store.iter_incidents() if i.incident_id == "i1")
        incident.event_ids.append("a4:e1")
        store.replace_incidents([incident], event_ids=incident.event_ids)

    return add
