"""Benchmark incident linking on synthetic reports: time, memory, and linking quality.

    python bench/bench_link.py                      # 100,000 events, 2 years, 50 countries, +1,000
    python bench/bench_link.py --events 20000 --increment 500 --db /tmp/b.db --check

Synthetic world: each country has towns (with a province each) scattered over a few degrees; each
incident happens in one town on one day and is reported by 1-6 outlets. Reports vary as real ones
do: a day late (15%), a sibling sub-event type (10%), only the province known (10%), a week- or
month-precision date (7%), a different toll (40%), an unnamed or a different perpetrator, and
syndicated copies of another outlet's text (15% of the extra reports). The evidence sentence of a
report names the place, the weapon and the toll in one of several wordings.

The increment is every n-th report of the stream, held back and stored after the first link: most
of those are further reports of incidents already stored, as in a real feed.

Prints: store build time (not part of the target), linking from scratch (seconds, peak RSS), the
incremental link after adding ``--increment`` new events (seconds), and pairwise / B-cubed F1 of
the linking against the synthetic truth — the data the ``[link]`` thresholds were checked on.
With ``--check``, re-links from scratch after the increment and fails unless the result is the same.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

from warlog.link import link_incidents
from warlog.settings import load_settings
from warlog.store import open_store
from warlog.types import EVENT_TYPE_OF, Analysis, Article, Event, Place, PlaceMention, SourceRef, Span

SUB_TYPES = [
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Suicide bomb",
    "Armed clash",
    "Attack",
    "Remote explosive/landmine/IED",
    "Abduction/forced disappearance",
    "Peaceful protest",
    "Arrests",
]
SIBLING = {
    "Air/drone strike": "Shelling/artillery/missile attack",
    "Shelling/artillery/missile attack": "Air/drone strike",
    "Armed clash": "Attack",
    "Attack": "Armed clash",
    "Suicide bomb": "Remote explosive/landmine/IED",
    "Remote explosive/landmine/IED": "Suicide bomb",
}
ACTORS = ["Islamic State (ISIS)", "Military Forces of {c}", "Rebels ({c})", "Police Forces of {c}", None]
WORDINGS = [
    "{weapon} hit {place} on {day}, killing {n} people and wounding {w}, {src} said.",
    "At least {n} were killed when {weapon} struck a market in {place}, according to {src}.",
    "{src} reported that {n} civilians died in {place} after {weapon}; {w} others were hurt.",
    "The death toll from {weapon} in {place} rose to {n}, {src} told reporters on {day}.",
]
WEAPON = {
    "Air/drone strike": "an air strike",
    "Shelling/artillery/missile attack": "shelling",
    "Suicide bomb": "a suicide bomber",
    "Armed clash": "fighting",
    "Attack": "gunmen",
    "Remote explosive/landmine/IED": "a roadside bomb",
    "Abduction/forced disappearance": "kidnappers",
    "Peaceful protest": "a protest",
    "Arrests": "a police raid",
}
SOURCES = [
    "the health ministry",
    "a local official",
    "Syrian Observatory for Human Rights",
    "residents",
    "a hospital doctor",
    "the civil defence",
    "a military spokesman",
    "activists",
]
START = date(2019, 1, 1)


def world(countries: int, towns: int, rng: random.Random) -> dict[str, list[Place]]:
    places: dict[str, list[Place]] = {}
    for c in range(countries):
        code = f"{chr(65 + c // 26)}{chr(65 + c % 26)}"
        lat0, lon0 = rng.uniform(-40, 50), rng.uniform(-100, 120)
        places[code] = [
            Place(
                f"Town {code}-{t}",
                lat0 + rng.uniform(0, 4),
                lon0 + rng.uniform(0, 4),
                code,
                geonames_id=10_000_000 + c * 1000 + t,
                admin1=f"Province {code}-{t % 8}",
                feature_class="P",
                feature_code="PPL",
            )
            for t in range(towns)
        ]
    return places


def province(town: Place) -> Place:
    return Place(
        town.admin1 or "",
        town.lat + 0.3,
        town.lon + 0.3,
        town.country_code,
        admin1=town.admin1,
        feature_class="A",
        feature_code="ADM1",
    )


def reports(
    n_events: int, *, countries: int, days: int, rng: random.Random, truth: dict[str, str], prefix: str = "s"
) -> Iterator[tuple[Article, Event]]:
    """About ``n_events`` (article, event) pairs, one event per article; ``truth`` gets event → incident."""
    places = world(countries, 40, rng)
    codes = sorted(places)
    made = 0
    k = 0
    while made < n_events:
        k += 1
        code = rng.choice(codes)
        town = rng.choice(places[code])
        sub = rng.choice(SUB_TYPES)
        day = START + timedelta(days=rng.randrange(days))
        toll = rng.choice([0, 1, 2, 3, 5, 8, 12, 20, 35])
        actor = rng.choice(ACTORS)
        n_reports = rng.choices([1, 2, 3, 4, 6], weights=[50, 22, 14, 9, 5])[0]
        copied: str | None = None
        for r in range(min(n_reports, n_events - made)):
            made += 1
            article_id = f"{prefix}{k}-{r}"
            outlet = f"Outlet {rng.randrange(200)}"
            place = town if rng.random() > 0.1 else province(town)
            sub_r = SIBLING.get(sub, sub) if rng.random() < 0.1 else sub
            day_r = day + timedelta(days=1) if rng.random() < 0.15 else day
            precision = rng.choices(["day", "week", "month"], weights=[93, 5, 2])[0]
            n = toll if rng.random() > 0.4 else toll + rng.randrange(1, 6)
            a1 = actor if rng.random() > 0.2 else None
            src = rng.choice(SOURCES)
            if copied is not None and rng.random() < 0.15:
                text = f"{outlet} wire. " + copied
            else:
                text = rng.choice(WORDINGS).format(
                    weapon=WEAPON[sub_r].capitalize(),
                    place=place.name,
                    day=day_r.strftime("%A"),
                    n=n,
                    w=rng.randrange(30),
                    src=src,
                )
                mood = rng.choice(["tense", "calm", "grim"])
                text += f" Residents of {place.name} said the situation was {mood}."
            copied = copied or text
            start = text.find(place.name)
            event = Event(
                event_id=f"{article_id}:e1",
                article_id=article_id,
                event_type=EVENT_TYPE_OF[sub_r],
                sub_event_type=sub_r,
                evidence=Span(0, len(text)),
                trigger=Span(0, 3),
                actor1=a1.format(c=code) if a1 else None,
                location=PlaceMention(start, start + len(place.name), place.name, place),
                geo_precision=1 if place is town else 3,
                date=day_r.isoformat(),
                date_precision=precision,
                fatalities=n,
                sources=[SourceRef(src, "official")],
                certainty="attributed",
            )
            truth[event.event_id] = f"{prefix}{k}"
            digest = hashlib.sha1(text.lower().encode()).hexdigest()
            yield (
                Article(
                    article_id=article_id,
                    text=text,
                    content_hash=digest,
                    outlet=outlet,
                    published=day_r.isoformat(),
                ),
                event,
            )


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def f1_scores(truth: dict[str, str], predicted: dict[str, str]) -> tuple[float, float]:
    """Pairwise and B-cubed F1 of ``predicted`` (event → incident) against ``truth``."""
    gold, pred = defaultdict(set), defaultdict(set)
    for e, g in truth.items():
        gold[g].add(e)
        pred[predicted[e]].add(e)
    tp = sum(
        len(list(combinations(sorted(gold[truth[a]] & pred[predicted[a]]), 2)))
        for a in {min(gold[truth[e]] & pred[predicted[e]]) for e in truth}
    )
    gold_pairs = sum(len(s) * (len(s) - 1) // 2 for s in gold.values())
    pred_pairs = sum(len(s) * (len(s) - 1) // 2 for s in pred.values())
    p, r = tp / pred_pairs if pred_pairs else 0.0, tp / gold_pairs if gold_pairs else 0.0
    pairwise = 2 * p * r / (p + r) if p + r else 0.0
    bp = sum(len(gold[truth[e]] & pred[predicted[e]]) / len(pred[predicted[e]]) for e in truth) / len(truth)
    br = sum(len(gold[truth[e]] & pred[predicted[e]]) / len(gold[truth[e]]) for e in truth) / len(truth)
    return pairwise, 2 * bp * br / (bp + br)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--increment", type=int, default=1_000)
    ap.add_argument("--countries", type=int, default=50)
    ap.add_argument("--days", type=int, default=730)
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--db", default="bench-out/bench_link.db")
    ap.add_argument("--check", action="store_true", help="re-link from scratch and compare")
    args = ap.parse_args(argv)
    settings = load_settings()
    rng = random.Random(args.seed)
    Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(args.db + suffix).unlink(missing_ok=True)
    truth: dict[str, str] = {}
    held: list[tuple[Article, Event]] = []
    every = (args.events + args.increment) // max(args.increment, 1)
    with open_store(args.db, settings=settings) as store:
        t = time.perf_counter()
        stream = reports(
            args.events + args.increment, countries=args.countries, days=args.days, rng=rng, truth=truth
        )
        for n, (article, event) in enumerate(stream):
            if args.increment and n % every == every - 1 and len(held) < args.increment:
                held.append((article, event))  # arrives later, often a report of a stored incident
            else:
                store.save_article(article, Analysis(article_id=article.article_id, events=[event]))
        stored = len(truth) - len(held)
        print(f"store built: {stored:,} events in {time.perf_counter() - t:.1f} s", flush=True)

        t = time.perf_counter()
        n = link_incidents(store, settings=settings, relink=True)
        took = time.perf_counter() - t
        print(
            f"link from scratch: {stored:,} events -> {n:,} incidents in {took:.1f} s, "
            f"peak RSS {rss_mb():,.0f} MB",
            flush=True,
        )

        for article, event in held:
            store.save_article(article, Analysis(article_id=article.article_id, events=[event]))
        t = time.perf_counter()
        n = link_incidents(store, settings=settings)
        took = time.perf_counter() - t
        print(
            f"incremental link: +{len(held):,} events -> {n:,} incidents rewritten in {took:.2f} s, "
            f"peak RSS {rss_mb():,.0f} MB",
            flush=True,
        )

        predicted = {e.event_id: e.incident_id or e.event_id for e in store.iter_events()}
        pairwise, bcubed = f1_scores(truth, predicted)
        print(f"synthetic truth: pairwise F1 {pairwise:.3f}, B-cubed F1 {bcubed:.3f}", flush=True)
        if args.check:
            link_incidents(store, settings=settings, relink=True)
            again = {e.event_id: e.incident_id or e.event_id for e in store.iter_events()}
            print("re-link from scratch after the increment:", "same" if again == predicted else "DIFFERENT")
            if again != predicted:
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
