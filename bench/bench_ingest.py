"""Benchmark: `warlog ingest` against the bare spaCy pipeline on the same texts, in the same run.

    python bench/bench_ingest.py [--corpus FILE.jsonl] [--min-words 200000] [--workers N]

Default corpus: the bundled demo corpus (articles.jsonl) repeated until it holds at least
--min-words words; each copy gets its own id and a first line naming the copy, so that warlog's
duplicate-text detection does not skip it (every copy is analysed, as a new article would be).

Each side runs as its own process, timed wall-clock from start to exit (model loading included
for both), with its peak memory: the largest resident set of one process, and the peak of the
proportional set size summed over the process and its workers (shared pages counted once).

warlog runs twice: as a user runs it (``ingest.workers``, by default one analysis process per CPU
core; or --workers N) and in one process. Bare spaCy runs as ``nlp.pipe`` is run by default, in one
process. Printed: words/s, the ratio warlog ÷ spaCy for both warlog runs (above 1.0: warlog's whole
ingest is faster than spaCy alone), memory, warlog's time per stage, and the gazetteer's load time
and memory. Results are also written to bench-out/ingest.json.
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


#: Runs a command and samples, every 0.1 s, the proportional set size (PSS) summed over it and its
#: descendants (Linux /proc; elsewhere the sum stays 0).
WRAPPER = """
import json, os, resource, subprocess, sys, threading, time

def tree(root):
    kids = {}
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            kids.setdefault(ppid, []).append(int(pid))
    todo, seen = [root], []
    while todo:
        pid = todo.pop()
        seen.append(pid)
        todo.extend(kids.get(pid, []))
    return seen

def pss_kib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

peak = 0
t = time.perf_counter()
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
def sample():
    global peak
    while p.poll() is None:
        if os.path.isdir("/proc"):
            peak = max(peak, sum(pss_kib(pid) for pid in tree(p.pid)))
        time.sleep(0.1)
threading.Thread(target=sample, daemon=True).start()
stdout, stderr = p.communicate()
dt = time.perf_counter() - t
sys.stderr.write(stderr[-2000:])
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
print(json.dumps([dt, rss, peak // 1024, p.returncode, stdout]))
"""


def measured(cmd: list[str]) -> tuple[float, int, int, str]:
    """Run ``cmd`` in a fresh wrapper process: (wall seconds, largest RSS of one process in MiB,
    peak PSS summed over the process tree in MiB, stdout)."""
    res = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True, check=True)
    seconds, rss, pss, code, stdout = json.loads(res.stdout.strip().splitlines()[-1])
    if code != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed ({code}):\n{res.stderr}")
    return seconds, rss, pss, stdout


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
    ap.add_argument("--workers", type=int, help="analysis processes (default: ingest.workers)")
    a = ap.parse_args()
    from warlog.settings import load_settings

    settings = load_settings()
    work = Path(tempfile.mkdtemp(prefix="warlog-bench-"))
    corpus = a.corpus or work / "corpus.jsonl"
    n, words = count(corpus) if a.corpus else build_corpus(corpus, a.min_words)
    print(f"corpus: {corpus} — {n} articles, {words} words")

    bare_s, bare_rss, bare_pss, _ = measured(
        [
            sys.executable,
            "-c",
            BARE_SPACY,
            str(corpus),
            settings["nlp"]["model"],
            str(settings["ingest"]["batch_size"]),
        ]
    )

    def run_warlog(workers: int | None, name: str) -> tuple[float, int, int, dict[str, float]]:
        cmd = [
            str(BIN / "warlog"),
            "ingest",
            str(corpus),
            "--db",
            str(work / f"{name}.db"),
            "--quiet",
            "--timings",
        ]
        seconds, rss, pss, stdout = measured(cmd + ([] if workers is None else ["--workers", str(workers)]))
        return seconds, rss, pss, json.loads(stdout.strip().splitlines()[-1])

    warlog_s, warlog_rss, warlog_pss, timings = run_warlog(a.workers, "bench")
    one_s, one_rss, _, one_timings = run_warlog(1, "bench-one")
    gaz_s, gaz_rss = subprocess.run(
        [sys.executable, "-c", GAZETTEER_LOAD], capture_output=True, text=True, check=True
    ).stdout.split()

    results = {
        "articles": n,
        "words": words,
        "spacy_words_per_s": round(words / bare_s),
        "warlog_words_per_s": round(words / warlog_s),
        "ratio": round(bare_s / warlog_s, 3),
        "warlog_workers": timings.get("workers"),
        "warlog_one_process_words_per_s": round(words / one_s),
        "ratio_one_process": round(bare_s / one_s, 3),
        "spacy_seconds": round(bare_s, 2),
        "warlog_seconds": round(warlog_s, 2),
        "warlog_one_process_seconds": round(one_s, 2),
        "spacy_peak_rss_mib": bare_rss,
        "spacy_peak_pss_mib": bare_pss,
        "warlog_peak_rss_mib_largest_process": warlog_rss,
        "warlog_peak_pss_mib_all_processes": warlog_pss,
        "warlog_one_process_peak_rss_mib": one_rss,
        "warlog_stage_seconds": timings,
        "warlog_one_process_stage_seconds": one_timings,
        "geo_share_of_ingest": round(
            one_timings.get("geo", 0.0) / max(one_timings.get("total", 1.0), 1e-9), 3
        ),
        "gazetteer_load_seconds": float(gaz_s),
        "gazetteer_process_rss_mib": int(gaz_rss),
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
