"""The whole flow on small corpora written for these tests: ingest, idempotency, bad input, resume."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from warlog.errors import IngestError
from warlog.pipeline import ingest
from warlog.store import open_store

pytestmark = pytest.mark.slow

REPORTS = [
    (
        "t-1",
        "Air strike hits market in Idlib",
        "IDLIB, Syria, May 4 - An air strike on a crowded market in Idlib killed 12 civilians and wounded "
        "30 on Saturday, a local rescue worker said.",
    ),
    (
        "t-2",
        "Clashes near Kirkuk",
        "Iraqi soldiers clashed with Islamic State fighters near Hawija on Friday. "
        "Three soldiers were killed "
        "and five were wounded in the fighting, a police officer said.",
    ),
    (
        "t-3",
        "Protest in Baghdad",
        "Hundreds of people protested peacefully in Baghdad on Sunday against power cuts.",
    ),
]


def write_jsonl(path: Path, rows) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for rid, title, text in rows:
            f.write(
                json.dumps(
                    {
                        "id": rid,
                        "title": title,
                        "text": text,
                        "published": "2024-05-05",
                        "outlet": "Test Wire",
                    }
                )
                + "\n"
            )
    return path


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_pipeline_ingest_is_idempotent(tmp_path, settings, analyser):
    src = write_jsonl(tmp_path / "a.jsonl", REPORTS)
    db = tmp_path / "w.db"
    with open_store(db, settings=settings) as store:
        first = ingest([str(src)], store=store, settings=settings, analyser=analyser)
        events = list(store.iter_events())
        second = ingest([str(src)], store=store, settings=settings, analyser=analyser)
        assert [e.event_id for e in store.iter_events()] == [e.event_id for e in events]
    assert (first.ingested, first.rejected) == (3, 0)
    assert (second.ingested, second.skipped) == (0, 3)
    assert first.events >= 2


def test_pipeline_same_text_other_id_is_stored_as_duplicate(tmp_path, settings, analyser):
    rid, title, text = REPORTS[0]
    src = write_jsonl(tmp_path / "a.jsonl", [REPORTS[0], ("t-copy", title, "  " + text.upper() + "\n")])
    with open_store(tmp_path / "w.db", settings=settings) as store:
        report = ingest([str(src)], store=store, settings=settings, analyser=analyser)
        copy = store.get_article("t-copy")
        assert copy is not None and copy.duplicate_of == rid
        assert list(store.events_of_article("t-copy")) == []
    assert report.duplicates == 1 and report.ingested == 2


def test_pipeline_bad_items_are_recorded_and_the_batch_goes_on(tmp_path, settings, analyser):
    src = tmp_path / "mixed.jsonl"
    good = [json.dumps({"id": rid, "title": t, "text": x}) for rid, t, x in REPORTS]
    src.write_text(
        "\n".join([good[0], "{not json", json.dumps({"id": "empty", "text": "  "}), good[1]]) + "\n",
        encoding="utf-8",
    )
    seen = []
    with open_store(tmp_path / "w.db", settings=settings) as store:
        report = ingest([str(src)], store=store, settings=settings, analyser=analyser, on_problem=seen.append)
        stored = [p for p in store.iter_problems()]
    assert (report.ingested, report.rejected) == (2, 2)
    assert [(p.line, p.code) for p in seen] == [(2, "W101"), (3, "W102")]
    assert str(seen[0]).startswith(f"{src}:2: ")
    assert len(stored) == 2


def test_pipeline_strict_stops_at_the_first_rejection_keeping_what_was_stored(tmp_path, settings, analyser):
    src = tmp_path / "mixed.jsonl"
    src.write_text(json.dumps({"id": "ok", "text": REPORTS[2][2]}) + "\n{broken\n", encoding="utf-8")
    with open_store(tmp_path / "w.db", settings=settings) as store:
        with pytest.raises(IngestError):
            ingest([str(src)], store=store, settings=settings, analyser=analyser, strict=True)
        assert len(list(store.iter_problems())) == 1


def test_pipeline_non_english_is_stored_marked_and_not_analysed(tmp_path, settings, analyser):
    french = (
        "Des affrontements ont éclaté dimanche près de la ville, selon des habitants qui ont "
        "décrit une nuit de tirs et de peur dans les quartiers du nord."
    )
    src = write_jsonl(tmp_path / "fr.jsonl", [("fr-1", "Affrontements", french)])
    with open_store(tmp_path / "w.db", settings=settings) as store:
        report = ingest([str(src)], store=store, settings=settings, analyser=analyser)
        article = store.get_article("fr-1")
        codes = [p.code for p in store.iter_problems()]
    assert report.other_language == 1 and report.ingested == 1 and report.rejected == 0
    assert article is not None and article.language == "fr"
    assert codes == ["W150"]


def test_pipeline_kill_and_resume_keeps_every_article_once_and_complete(tmp_path):
    """Kill `warlog ingest` half-way and run it again: every article once, analysed as in a clean run."""
    rows = [
        (f"k-{i}", title, f"Report {i}. {text}") for i in range(240) for (_, title, text) in [REPORTS[i % 3]]
    ]
    src = write_jsonl(tmp_path / "many.jsonl", rows)
    warlog = [sys.executable, "-m", "warlog"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    killed_db = tmp_path / "killed.db"
    proc = subprocess.Popen(
        [*warlog, "ingest", str(src), "--db", str(killed_db), "--quiet"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        if killed_db.exists():
            try:
                stored = count(killed_db, "articles")
            except sqlite3.OperationalError:
                stored = 0
            if stored >= 5:
                break
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed; make the corpus bigger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < count(killed_db, "articles") < len(rows)
    # its analysis workers end with it (they would otherwise linger, each holding a model)
    assert _processes_mentioning(str(killed_db), wait=10.0) == []
    subprocess.run(
        [*warlog, "ingest", str(src), "--db", str(killed_db), "--quiet"],
        env=env,
        check=True,
        capture_output=True,
    )
    clean_db = tmp_path / "clean.db"
    subprocess.run(
        [*warlog, "ingest", str(src), "--db", str(clean_db), "--quiet"],
        env=env,
        check=True,
        capture_output=True,
    )
    exports = {}
    for name, db in (("killed", killed_db), ("clean", clean_db)):
        for kind in ("articles", "events", "places", "incidents"):
            out = tmp_path / f"{name}.{kind}.jsonl"
            subprocess.run(
                [*warlog, "export", kind, "--db", str(db), "--out", str(out)],
                env=env,
                check=True,
                capture_output=True,
            )
            exports[name, kind] = sorted(out.read_text(encoding="utf-8").splitlines())
    assert count(killed_db, "articles") == len(rows)
    for kind in ("articles", "events", "places", "incidents"):
        assert exports["killed", kind] == exports["clean", kind], kind


def _processes_mentioning(text: str, *, wait: float) -> list[int]:
    """Pids whose command line contains ``text``, waiting up to ``wait`` seconds for none (Linux)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    deadline = time.time() + wait
    while True:
        found = []
        for entry in proc.iterdir():
            if entry.name.isdigit():
                try:
                    if text in (entry / "cmdline").read_bytes().decode(errors="replace"):
                        found.append(int(entry.name))
                except OSError:
                    continue
        if not found or time.time() > deadline:
            return found
        time.sleep(0.1)
