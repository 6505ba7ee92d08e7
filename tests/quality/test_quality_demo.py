"""Accuracy gate on the bundled demo corpus and its hand-coded gold (src/warlog/demo/gold/).

The figures are computed with the shared scorer (../shared/eval/score.py) and must stay at or above
the floors in ``floors.json``. A floor can be raised freely; lowering one needs a ``lowered_because``
note on its newest history entry (test_quality_floors_are_never_lowered_silently), so a drop in
accuracy is always a visible, reasoned decision.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from warlog.export import records
from warlog.ingest import prepare, read_inputs
from warlog.pipeline import ingest
from warlog.store import open_store
from warlog.types import Article

HERE = Path(__file__).resolve().parent
FLOORS = json.loads((HERE / "floors.json").read_text(encoding="utf-8"))
SCORER = HERE.parents[1] / ".." / "shared" / "eval"


def scorer():
    if not (SCORER / "score.py").exists():
        pytest.skip("../shared/eval/score.py is not beside the project")
    sys.path.insert(0, str(SCORER.resolve()))
    import score

    return score


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory, settings, analyser, demo_corpus):
    """The demo corpus ingested once: exported events, articles and incidents, and the gold keyed by id."""
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    with open_store(db, settings=settings) as store:
        ingest([str(demo_corpus)], store=store, settings=settings, analyser=analyser)
        events = list(records.events(store))
        articles = list(records.articles(store))
        incidents = list(records.incidents(store))
    gold_dir = demo_corpus.parent / "gold"
    by_file = _articles_by_file(demo_corpus, settings)
    gold_events = [_keyed(g, by_file) for g in _load(gold_dir / "events.gold.jsonl")]
    gold_articles = [_keyed(g, by_file) for g in _load(gold_dir / "articles.gold.jsonl")]
    return {
        "events": events,
        "articles": articles,
        "incidents": incidents,
        "gold_events": [g for g in gold_events if g],
        "gold_articles": [g for g in gold_articles if g],
    }


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _articles_by_file(corpus: Path, settings) -> dict[tuple[str, str | None], Article]:
    """Articles of the non-JSONL files, keyed as the gold keys them: (file, feed item URL or None)."""
    found: dict[tuple[str, str | None], Article] = {}
    for path in sorted(corpus.rglob("*")):
        sub = path.parent.name
        if path.is_file() and path.suffix != ".jsonl":
            for raw in read_inputs([str(path)], settings=settings):
                article = prepare(raw, settings=settings) if not hasattr(raw, "code") else None
                if isinstance(article, Article):
                    item = article.url if path.suffix == ".rss" else None
                    found[(f"{sub}/{path.name}", item)] = article
    return found


def _keyed(gold: dict, by_file) -> dict | None:
    """A gold record with its article_id, and evidence offsets located in the ingested text."""
    if "article_id" in gold:
        return gold
    article = by_file.get((gold["file"], gold.get("item")))
    if article is None:
        return None
    out = {**gold, "article_id": article.article_id}
    if "evidence_text" in gold:
        start = article.text.find(gold["evidence_text"])
        assert start >= 0, f"gold evidence not found in {gold['file']}"
        out["evidence"] = {"start": start, "end": start + len(gold["evidence_text"])}
    return out


def measure(run) -> dict[str, float]:
    score = scorer()
    figures = score.score_events(run["gold_events"], run["events"])
    silent = {a["article_id"] for a in run["gold_articles"] if a.get("expect_events") == 0}
    figures["events_in_non_event_articles"] = sum(e["article_id"] in silent for e in run["events"])
    figures.update(_linking(run))
    return figures


def _linking(run) -> dict[str, float]:
    """Multi-article gold incidents whose reports share one predicted incident, and over-merges."""
    incident_of = {eid: inc["incident_id"] for inc in run["incidents"] for eid in inc["event_ids"]}
    main = {a["article_id"]: a["main_event_id"] for a in run["articles"]}
    gold_members = defaultdict(set)
    for a in run["gold_articles"]:
        if a.get("main_incident"):
            gold_members[a["main_incident"]].add(a["article_id"])
    predicted = {aid: incident_of.get(main.get(aid)) for ids in gold_members.values() for aid in ids}
    multi = [ids for ids in gold_members.values() if len(ids) > 1]
    linked = sum(
        len({predicted[a] for a in ids}) == 1 and None not in {predicted[a] for a in ids} for ids in multi
    )
    gold_of = {aid: inc for inc, ids in gold_members.items() for aid in ids}
    merged = defaultdict(set)
    for aid, inc in predicted.items():
        if inc is not None:
            merged[inc].add(gold_of[aid])
    return {
        "multi_outlet_linked": round(linked / len(multi), 4) if multi else 1.0,
        "over_merged_incidents": sum(len(g) > 1 for g in merged.values()),
    }


def test_quality_demo_corpus_meets_the_floors(demo_run):
    figures = measure(demo_run)
    print(json.dumps(figures, indent=1))
    failures = []
    for name, spec in FLOORS["demo"].items():
        value = figures.get(name)
        bound = spec["history"][-1]["value"]
        ok = value is not None and (value <= bound if spec["direction"] == "max" else value >= bound)
        if not ok:
            failures.append(f"{name} = {value} (floor {bound}, direction {spec['direction']})")
    assert not failures, "below the floors: " + "; ".join(failures)


def test_quality_floors_are_never_lowered_silently():
    for name, spec in FLOORS["demo"].items():
        history = spec["history"]
        for before, after in zip(history, history[1:], strict=False):
            worse = (
                after["value"] > before["value"]
                if spec["direction"] == "max"
                else after["value"] < before["value"]
            )
            assert not worse or after.get("lowered_because"), f"floor {name} lowered without a reason"
