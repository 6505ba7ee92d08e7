"""Plain records that flow between warlog's stages.

Data flow: ``ingest`` yields :class:`RawArticle` (or :class:`IngestProblem`), which
becomes an :class:`Article`; the analysis stages (``nlp`` → ``geo`` → ``extract``)
produce an :class:`Analysis` holding :class:`PlaceMention` and :class:`Event`
records; ``link`` groups events into :class:`Incident` records; ``store`` keeps
them and ``export`` writes them out in the shapes of ``shared/contract``.

spaCy ``Doc`` objects never leave ``nlp``/``geo``/``extract``: everything here is
plain Python, cheap to pickle and to compare in tests.

Every offset is a Python ``str`` index into :attr:`Article.text` exactly as
ingested (``text[start:end]``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

DatePrecision = Literal["day", "week", "month", "year"]
Certainty = Literal["asserted", "attributed", "hedged"]
SourceKind = Literal[
    "media", "official", "military", "ngo", "activist", "witness", "anonymous", "social_media", "other"
]

#: ACLED event types and their sub-event types (shared/contract/acled_types.json).
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
#: sub-event type → event type
EVENT_TYPE_OF: dict[str, str] = {sub: main for main, subs in EVENT_TYPES.items() for sub in subs}


@dataclass(frozen=True)
class Span:
    """Character offsets ``[start, end)`` into an article's text."""

    start: int
    end: int


@dataclass
class RawArticle:
    """One article as read from an input, before validation.

    ``origin`` names where it came from (a path, a URL, ``<stdin>``) and ``line``
    the line or record number inside it, so that any problem can be reported as
    ``ORIGIN:LINE: reason``.
    """

    origin: str
    line: int | None
    text: str | None
    id: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    #: where ``published`` came from: "input", "page" (HTML metadata), "dateline" or None
    published_from: str | None = None


@dataclass
class IngestProblem:
    """An input item that could not become an article (or was stored but flagged)."""

    origin: str
    line: int | None
    code: str  # an error code from warlog.errors, e.g. "W102"
    reason: str
    item_id: str | None = None

    def __str__(self) -> str:
        where = self.origin if self.line is None else f"{self.origin}:{self.line}"
        return f"{where}: {self.reason} [{self.code}]"


@dataclass
class Article:
    """A validated article, ready for analysis and storage."""

    article_id: str
    text: str
    content_hash: str  # sha1 of the normalised text (whitespace folded, lower-cased)
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or datetime
    published_from: str | None = None
    outlet: str | None = None
    url: str | None = None
    origin: str | None = None
    language: str | None = None  # ISO 639-1, e.g. "en"
    #: article_id of an earlier article with the same normalised text, if any
    duplicate_of: str | None = None


@dataclass(frozen=True)
class Place:
    """A gazetteer entry (GeoNames where possible)."""

    name: str
    lat: float
    lon: float
    country_code: str | None
    geonames_id: int | None = None
    admin1: str | None = None
    feature_class: str | None = None  # GeoNames class: A (country, region), P (populated place), L, H, T, S
    feature_code: str | None = None  # e.g. PCLI (country), ADM1, PPLC (capital), PPL
    population: int = 0


@dataclass
class PlaceMention:
    """A toponym in the text and, when resolved, the place it refers to."""

    start: int
    end: int
    text: str
    place: Place | None = None  # None: recognised but not resolved
    #: how it was recognised: "ner", "gazetteer", "demonym", ...
    how: str | None = None


@dataclass
class SourceRef:
    """One link of an attribution chain."""

    name: str
    kind: SourceKind | None = None
    span: Span | None = None


@dataclass
class Quote:
    """A quotation: direct (between quotation marks) or indirect ("X said that ..."), and its speaker."""

    speaker: str | None
    speaker_span: Span | None
    span: Span  # the quoted words, without the quotation marks
    direct: bool = True


@dataclass
class Event:
    """One coded event (shared/contract/CODEBOOK.md)."""

    event_id: str
    article_id: str
    event_type: str
    sub_event_type: str
    evidence: Span  # the evidence sentence
    trigger: Span  # the word(s) that signalled the event
    actor1: str | None = None
    actor2: str | None = None
    location: PlaceMention | None = None
    geo_precision: int | None = None  # 1 town, 2 near/part of region, 3 region/country only
    date: str | None = None  # YYYY-MM-DD
    date_precision: DatePrecision | None = None
    fatalities: int | None = None
    injuries: int | None = None
    sources: list[SourceRef] = field(default_factory=list)
    certainty: Certainty = "asserted"
    #: parties in the article that deny the event or the account of it (issue 5)
    disputed_by: list[str] = field(default_factory=list)
    #: offsets backing each extracted field, e.g. {"fatalities": Span(..), "actor1": Span(..)}
    field_spans: dict[str, Span] = field(default_factory=dict)
    incident_id: str | None = None


@dataclass
class Analysis:
    """Everything the analysis stages found in one article."""

    article_id: str
    places: list[PlaceMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    main_event_id: str | None = None
    #: publication date found in the text (dateline) when the input had none
    published: str | None = None
    #: direct and indirect quotations with their speakers (``extract.sourcing.find_quotes``)
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class Incident:
    """One real-world incident: the events, from one or many articles, that report it."""

    incident_id: str
    event_ids: list[str]
    article_ids: list[str]
    event_type: str
    sub_event_type: str
    date: str | None
    location: PlaceMention | None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    fatalities_best: int | None = None
    sources_count: int = 1
    independent_sources: int = 1
    confidence: float = 0.0
    contradictions: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
