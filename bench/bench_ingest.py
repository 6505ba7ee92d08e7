"""Benchmark: `warlog ingest` against the bare spaCy pipeline on the same texts, in the same run.

    python bench/bench_ingest.py [--corpus FILE.jsonl] [--min-words 200000] [--workers 1]

Default corpus: the bundled demo corpus (articles.jsonl) repeated until it holds at least
--min-words words; each copy gets its own id and a first line naming the copy, so that warlog's
duplicate-text detection does not skip it (every copy is analysed, as a new article would be).

Each side runs as its own process, timed wall-clock from start to exit (model loading included
for both), with its peak resident memory. Printed: words/s for both, their ratio (warlog ÷ spaCy;
above 1.0 means warlog's whole ingest is faster than spaCy alone), peak RSS, warlog's time per
stage, and the gazetteer's load time and memory. Results are also written to bench-out/ingest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent

BARE_SPACY = """
import json, sys, spacy
nlp = spacy.load(sys.argv[2])
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for _ in nlp.pipe(texts, batch_size=int(sys.argv[3])):
    pass
"""

GAZETTEER_LOAD = """
import resource, time
t = time.perf_counter()
from warlog.settings import load_settings
from warlog.geo import GeoParser
GeoParser(settings=load_settings())
print(round(time.perf_counter() - t, 3), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def measured(cmd: list[str]) -> tuple[float, int, str]:
    """Run ``cmd`` in a fresh wrapper process: (wall seconds, peak RSS in MiB, stdout)."""
    wrapper = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.perf_counter()\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "dt = time.perf_counter() - t\n"
        "sys.stderr.write(r.stderr[-2000:])\n"
        "print(json.dumps([dt, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024, r.returncode,"
        " r.stdout]))\n"
    )
    res = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True, check=True)
    seconds, rss, code, stdout = json.loads(res.stdout.strip().splitlines()[-1])
    if code != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed ({code}):\n{res.stderr}")
    return seconds, rss, stdout


def build_corpus(dest: Path, min_words: int) -> tuple[int, int]:
    source = resources.files("warlog") / "demo" / "corpus" / "articles.jsonl"
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    words = n = copy = 0
    with dest.open("w", encoding="utf-8") as f:
        while words < min_words:
            copy += 1
            for rec in records:
                text = f"Copy {copy} of a sample report.\n{rec['text']}"
                f.write(json.dumps({**rec, "id": f"{rec['id']}-copy{copy}", "text": text}) + "\n")
                words += len(text.split())
                n += 1
    return n, words


def count(corpus: Path) -> tuple[int, int]:
    n = words = 0
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                n += 1
                words += len(json.loads(line).get("text", "").split())
    return n, words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, help="JSONL corpus (default: the demo corpus, repeated)")
    ap.add_argument("--min-words", type=int, default=200_000)
    ap.add_argument("--workers", type=int, default=1)
    a = ap.parse_args()
    from warlog.settings import load_settings

    settings = load_settings()
    work = Path(tempfile.mkdtemp(prefix="warlog-bench-"))
    corpus = a.corpus or work / "corpus.jsonl"
    n, words = count(corpus) if a.corpus else build_corpus(corpus, a.min_words)
    print(f"corpus: {corpus} — {n} articles, {words} words")

    bare_s, bare_rss, _ = measured(
        [
            sys.executable,
            "-c",
            BARE_SPACY,
            str(corpus),
            settings["nlp"]["model"],
            str(settings["ingest"]["batch_size"]),
        ]
    )
    db = work / "bench.db"
    warlog_s, warlog_rss, stdout = measured(
        [
            str(BIN / "warlog"),
            "ingest",
            str(corpus),
            "--db",
            str(db),
            "--quiet",
            "--timings",
            "--workers",
            str(a.workers),
        ]
    )
    timings = json.loads(stdout.strip().splitlines()[-1])
    gaz_s, gaz_rss = subprocess.run(
        [sys.executable, "-c", GAZETTEER_LOAD], capture_output=True, text=True, check=True
    ).stdout.split()

    results = {
        "articles": n,
        "words": words,
        "spacy_words_per_s": round(words / bare_s),
        "warlog_words_per_s": round(words / warlog_s),
        "ratio": round(bare_s / warlog_s, 3),
        "spacy_seconds": round(bare_s, 2),
        "warlog_seconds": round(warlog_s, 2),
        "spacy_peak_rss_mib": bare_rss,
        "warlog_peak_rss_mib": warlog_rss,
        "warlog_stage_seconds": timings,
        "geo_share_of_ingest": round(timings.get("geo", 0.0) / max(timings.get("total", 1.0), 1e-9), 3),
        "gazetteer_load_seconds": float(gaz_s),
        "gazetteer_process_rss_mib": int(gaz_rss),
        "workers": a.workers,
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        "cpus": os.cpu_count(),
    }
    width = max(map(len, results))
    for key, value in results.items():
        print(f"{key:<{width}}  {value}")
    out = HERE.parent / "bench-out"
    out.mkdir(exist_ok=True)
    (out / "ingest.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
