"""Fictional, reproducible stores for the API's tests and its load benchmark.

``fill(store, incidents=N)`` writes N incidents, each reported by one to three fictional articles,
through the :class:`~warlog.store.base.Store` protocol's write methods only (``save_article`` and
``replace_incidents``), as the pipeline would. Every name, place and sentence is made up; the
coordinates scatter around a few fictional towns placed in real countries so that the bundled
basemap has something under them.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from ..store import Store
from ..types import Analysis, Article, Event, Incident, Place, PlaceMention, SourceKind, SourceRef, Span

#: (town, country code, admin1, lat, lon)
TOWNS: tuple[tuple[str, str, str, float, float], ...] = (
    ("Kessra", "IQ", "Nineveh", 36.34, 43.13),
    ("Marun", "IQ", "Anbar", 33.42, 43.30),
    ("Dalvik", "UA", "Kharkiv", 49.99, 36.23),
    ("Ostrova", "UA", "Donetsk", 48.01, 37.80),
    ("Tamsar", "ML", "Mopti", 14.49, -4.19),
    ("Bekoro", "NG", "Borno", 11.85, 13.16),
    ("Hadra", "YE", "Taizz", 13.58, 44.02),
    ("Sulan", "SD", "North Darfur", 13.63, 25.35),
    ("Pavra", "SY", "Aleppo", 36.20, 37.16),
    ("Kivoro", "CD", "North Kivu", -1.68, 29.22),
)
ACTORS = ("Northern Brigade", "Coastal Front", "National Army", "Valley Militia", "Police", "Protesters")
OUTLETS = ("The Daily Ledger", "Frontline Wire", "Radio Meridian", "Harbor Post")
SOURCES: tuple[tuple[str, SourceKind], ...] = (
    ("Frontline Wire", "media"),
    ("the army", "military"),
    ("a local official", "official"),
    ("witnesses", "witness"),
    ("Relief Watch", "ngo"),
)
KINDS = (
    ("Battles", "Armed clash", "clashed with"),
    ("Explosions/Remote violence", "Air/drone strike", "struck"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "shelled"),
    ("Violence against civilians", "Attack", "attacked"),
    ("Protests", "Peaceful protest", "marched against"),
    ("Riots", "Mob violence", "rioted against"),
)


def fill(
    store: Store,
    *,
    incidents: int,
    seed: int = 7,
    start: date = date(2024, 1, 1),
    days: int = 365,
    jitter: float = 1.5,
    main_events: bool = True,
) -> int:
    """Write ``incidents`` fictional incidents (and their articles and events); return the events.

    ``main_events=False`` stores no article's main event: much faster for large stores (the check
    of the deferred ``articles.main_event_id`` foreign key scans every article per event inserted).
    """
    rng = random.Random(seed)
    made: list[Incident] = []
    n_events = 0
    for i in range(incidents):
        town, cc, admin1, lat, lon = rng.choice(TOWNS)
        place = Place(
            name=town,
            lat=round(lat + rng.uniform(-jitter, jitter), 4),
            lon=round(lon + rng.uniform(-jitter, jitter), 4),
            country_code=cc,
            geonames_id=900000 + i,
            admin1=admin1,
            feature_class="P",
            feature_code="PPL",
        )
        event_type, sub, verb = rng.choice(KINDS)
        day = (start + timedelta(days=rng.randrange(days))).isoformat()
        actor1, actor2 = rng.sample(ACTORS, 2)
        reports = rng.choice((1, 1, 1, 2, 3))
        deaths = [
            max(0, rng.choice((0, 0, 1, 2, 3, 5, 8, 12, 20)) + rng.randrange(3)) for _ in range(reports)
        ]
        event_ids, article_ids = [], []
        for r in range(reports):
            article_id = f"syn-{i}-{r}"
            source, kind = rng.choice(SOURCES)
            lead = f"{town.upper()}, {day} - "
            sentence = (
                f"{actor1} {verb} {actor2} in {town} on Monday, killing {deaths[r]} people, {source} said."
            )
            text = lead + sentence + f" The {admin1} region has seen fighting for weeks."
            start_at = len(lead)
            town_at = start_at + sentence.index(f" in {town}") + 4
            mention = PlaceMention(town_at, town_at + len(town), town, place, how="gazetteer")
            verb_at = start_at + len(actor1) + 1
            fat_at = start_at + sentence.index(str(deaths[r]) + " people")
            src_at = start_at + sentence.rindex(source)
            event = Event(
                event_id=f"{article_id}-e1",
                article_id=article_id,
                event_type=event_type,
                sub_event_type=sub,
                evidence=Span(start_at, start_at + len(sentence)),
                trigger=Span(verb_at, verb_at + len(verb)),
                actor1=actor1,
                actor2=actor2,
                location=mention,
                geo_precision=1,
                date=day,
                date_precision="day",
                fatalities=deaths[r],
                sources=[
                    SourceRef(rng.choice(OUTLETS), "media"),
                    SourceRef(source, kind, Span(src_at, src_at + len(source))),
                ],
                certainty="attributed",
                field_spans={
                    "actor1": Span(start_at, start_at + len(actor1)),
                    "fatalities": Span(fat_at, fat_at + len(str(deaths[r]))),
                },
            )
            article = Article(
                article_id=article_id,
                text=text,
                content_hash=f"hash-{article_id}",
                title=f"{actor1} and {actor2} in {town}",
                published=day,
                published_from="input",
                outlet=rng.choice(OUTLETS),
                url=f"https://example.org/{article_id}",
                language="en",
            )
            store.save_article(
                article,
                Analysis(
                    article_id,
                    places=[mention],
                    events=[event],
                    main_event_id=event.event_id if main_events else None,
                ),
            )
            event_ids.append(event.event_id)
            article_ids.append(article_id)
            n_events += 1
        made.append(
            Incident(
                incident_id=f"inc-{i}",
                event_ids=event_ids,
                article_ids=article_ids,
                event_type=event_type,
                sub_event_type=sub,
                date=day,
                location=PlaceMention(0, len(town), town, place, how="gazetteer"),
                fatalities_low=min(deaths),
                fatalities_high=max(deaths),
                fatalities_best=sorted(deaths)[len(deaths) // 2],
                sources_count=reports,
                independent_sources=reports,
                confidence=round(min(1.0, 0.35 + 0.2 * reports + rng.uniform(0, 0.15)), 2),
                contradictions=[f"fatalities differ: {sorted(set(deaths))}"] if len(set(deaths)) > 1 else [],
                reasons=[f"{reports} report(s) of the same sub-event type, day and place"],
            )
        )
        if len(made) >= 500:
            store.replace_incidents(made, event_ids=[])
            made = []
    if made:
        store.replace_incidents(made, event_ids=[])
    return n_events


#: An article whose title and text carry markup, for checking that every page shows it as text.
HOSTILE_TITLE = "<script>window.__xss = 1</script>Hostile <b>title</b>"
HOSTILE_TEXT = (
    "KESSRA - <script>window.__xss = 1</script> Gunmen attacked a market in Kessra, killing 4 people, "
    'police said. <img src=x onerror="window.__xss = 1"> "quoted" & done.'
)


def add_hostile(store: Store, *, article_id: str = "hostile-1") -> str:
    """Store :data:`HOSTILE_TEXT` as one analysed article with one event and incident; return its id."""
    text = HOSTILE_TEXT
    ev_at = text.index("Gunmen")
    ev_end = text.index("said.") + len("said.")
    town_at = text.index("Kessra,")
    place = Place(
        name="Kessra <i>town</i>", lat=36.3, lon=43.1, country_code="IQ", geonames_id=1, admin1="Nineveh"
    )
    mention = PlaceMention(town_at, town_at + 6, "Kessra", place, how="gazetteer")
    event = Event(
        event_id=f"{article_id}-e1",
        article_id=article_id,
        event_type="Violence against civilians",
        sub_event_type="Attack",
        evidence=Span(ev_at, ev_end),
        trigger=Span(text.index("attacked"), text.index("attacked") + 8),
        actor1="<b>Gunmen</b>",
        location=mention,
        geo_precision=1,
        date="2024-06-01",
        date_precision="day",
        fatalities=4,
        sources=[SourceRef("<script>src</script>", "media"), SourceRef("police", "official")],
    )
    article = Article(
        article_id=article_id,
        text=text,
        content_hash=f"hash-{article_id}",
        title=HOSTILE_TITLE,
        published="2024-06-01",
        outlet="<em>Outlet</em>",
        url="javascript:alert(1)",
        language="en",
    )
    store.save_article(
        article, Analysis(article_id, places=[mention], events=[event], main_event_id=event.event_id)
    )
    store.replace_incidents(
        [
            Incident(
                incident_id=f"inc-{article_id}",
                event_ids=[event.event_id],
                article_ids=[article_id],
                event_type=event.event_type,
                sub_event_type=event.sub_event_type,
                date="2024-06-01",
                location=mention,
                fatalities_low=4,
                fatalities_high=4,
                fatalities_best=4,
                confidence=0.5,
                contradictions=["<script>window.__xss = 1</script>"],
                reasons=["<img src=x onerror=alert(1)>"],
            )
        ],
        event_ids=[],
    )
    return article_id
