"""Analysis in worker processes: the same result as one process, failures kept per article."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest

from warlog.export import export
from warlog.pipeline import Analyser, ingest
from warlog.settings import load_settings
from warlog.store import open_store
from warlog.workers import resolve_workers

pytestmark = pytest.mark.slow

needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="workers share the analyser by fork"
)


def _exports(db: Path, out: Path, settings) -> dict[str, str]:
    out.mkdir()
    with open_store(db, settings=settings) as store:
        for what in ("articles", "events", "incidents", "places"):
            export(store, what, out / f"{what}.jsonl", fmt="jsonl")
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())}


def test_workers_resolve_counts() -> None:
    settings = load_settings()
    small = int(settings["ingest"]["parallel_min_articles"]) - 1
    assert resolve_workers(3, articles=1, settings=settings) == 3  # asked for: given
    assert resolve_workers(0, articles=small, settings=settings) == 1  # too few to share out
    assert resolve_workers(0, articles=10_000, settings=settings) >= 1


@needs_fork
def test_workers_give_the_same_stores_as_one_process(tmp_path, settings, analyser, demo_corpus) -> None:
    results = []
    for n in (1, 2):
        db = tmp_path / f"w{n}.db"
        with open_store(db, settings=settings) as store:
            report = ingest([str(demo_corpus)], store=store, settings=settings, analyser=analyser, workers=n)
        assert report.workers == n
        counts = (report.analysed, report.rejected, report.events, report.incidents)
        results.append((counts, _exports(db, tmp_path / f"out{n}", settings)))
    assert results[0][0][0] > 40  # the demo corpus's articles (its deliberately bad items rejected)
    assert results[0] == results[1]


@needs_fork
def test_workers_one_failing_article_is_recorded_and_the_rest_stored(tmp_path, settings, monkeypatch) -> None:
    rows = [
        {"id": f"w-{i}", "text": f"Gunmen killed {i + 2} villagers near Gao on Tuesday, officials said."}
        for i in range(6)
    ]
    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    analyser = Analyser(settings=settings)  # its own: the broken analyse below must not leak
    real = analyser.analyse

    def broken(doc, *, article):
        if article.article_id == "w-3":
            raise ValueError("broken on purpose")
        return real(doc, article=article)

    monkeypatch.setattr(analyser, "analyse", broken)  # forked workers inherit the patched object
    with open_store(tmp_path / "w.db", settings=settings) as store:
        report = ingest([str(src)], store=store, settings=settings, analyser=analyser, workers=2)
        stored = sorted(a.article_id for a in store.iter_articles())
    assert report.workers == 2
    assert [(p.code, p.item_id) for p in report.problems] == [("W301", "w-3")]
    assert "broken on purpose" in report.problems[0].reason
    assert stored == ["w-0", "w-1", "w-2", "w-4", "w-5"]
