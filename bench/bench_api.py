"""Load benchmark of the web API: requests/s and p95 latency of the dashboard's main map queries.

    python bench/bench_api.py [--events 100000] [--seconds 20] [--concurrency 8] [--max-p95-ms 200]

Builds (once, cached in bench-out/) a fictional store of about ``--events`` events through the
Store protocol (warlog.api.synthetic), starts ``warlog.api.serve`` on loopback in a subprocess,
then replays, from ``--concurrency`` keep-alive client threads, the requests the dashboard sends
when it opens, pans, zooms, filters and brushes the timeline. Prints a table and writes
bench-out/bench-api.json; exits 1 if any query's p95 is over ``--max-p95-ms``.
The clients share the machine with the server, so the figures are a lower bound.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench-out"

#: name → (path, query): what the dashboard asks for, in the order a session does.
QUERIES: dict[str, str] = {
    "map: world, zoom 2": "/api/map?zoom=2&bbox=-180,-85,180,85",
    "map: region, zoom 5": "/api/map?zoom=5&bbox=30,44,42,53",
    "map: zoom 9, one type": "/api/map?zoom=9&bbox=36,49.2,37.6,50.6&event_type=Battles",
    "map: brushed dates": "/api/map?zoom=3&bbox=-30,-10,60,60&date_from=2024-03-01&date_to=2024-04-15",
    "map: actor + confidence": "/api/map?zoom=3&bbox=-30,-10,60,60&actor=brigade&min_confidence=0.7",
    "timeline": "/api/timeline",
    "timeline: filtered": "/api/timeline?event_type=Protests&event_type=Riots&country=UA",
    "in view: top 10": "/api/incidents?bbox=-30,-10,60,60&sort=-fatalities&limit=10",
    "incident page data": "/api/incidents/inc-{n}",
    "dashboard page (HTML)": "/",
}


def build_store(events: int) -> Path:
    """A cached database of at least ``events`` fictional events (1.6 events per incident on average)."""
    from warlog.api.synthetic import fill
    from warlog.settings import load_settings
    from warlog.store import open_store

    OUT.mkdir(exist_ok=True)
    path = OUT / f"bench-api-{events}.db"
    if path.exists():
        return path
    tmp = path.with_suffix(".building")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    with open_store(tmp, settings=load_settings()) as store:
        made = fill(store, incidents=int(events / 1.6) + 1, main_events=False)
        print(f"built {made} events in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    for suffix in ("-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    tmp.rename(path)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run(args: argparse.Namespace) -> dict[str, Any]:
    db = build_store(args.events)
    port = free_port()
    code = (
        "from warlog.api import serve; "
        f"serve(db={str(db)!r}, host='127.0.0.1', port={port}, log_level='warning')"
    )
    server = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        start = time.perf_counter()
        while True:
            try:
                if httpx.get(base + "/api/stats", timeout=60).status_code == 200:
                    break
            except httpx.TransportError as exc:
                if server.poll() is not None:
                    raise SystemExit(
                        f"server exited: {server.stderr.read().decode() if server.stderr else ''}"
                    ) from exc
                time.sleep(0.1)
        ready = time.perf_counter() - start
        stats = httpx.get(base + "/api/stats").json()
        n_incidents = stats["incidents"]
        names = list(QUERIES)
        latencies: dict[str, list[float]] = {name: [] for name in names}
        errors: list[str] = []
        lock = threading.Lock()
        stop_at = time.perf_counter() + args.seconds

        def client(seed: int) -> None:
            rng = random.Random(seed)
            with httpx.Client(base_url=base, timeout=30) as http:
                i = seed
                while time.perf_counter() < stop_at:
                    name = names[i % len(names)]
                    i += 1
                    url = QUERIES[name].format(n=rng.randrange(n_incidents))
                    t = time.perf_counter()
                    r = http.get(url)
                    took = time.perf_counter() - t
                    with lock:
                        if r.status_code != 200:
                            errors.append(f"{r.status_code} {url}")
                        latencies[name].append(took)

        for name in names:  # warm up: one of each
            httpx.get(base + QUERIES[name].format(n=0), timeout=60)
        began = time.perf_counter()
        threads = [threading.Thread(target=client, args=(k,)) for k in range(args.concurrency)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - began
    finally:
        server.terminate()
        server.wait(timeout=10)
    every = [x for xs in latencies.values() for x in xs]
    rows = {
        name: {
            "requests": len(xs),
            "p50_ms": round(1000 * statistics.median(xs), 1),
            "p95_ms": round(1000 * _p95(xs), 1),
        }
        for name, xs in latencies.items()
        if xs
    }
    return {
        "events": stats["events"],
        "incidents": n_incidents,
        "concurrency": args.concurrency,
        "seconds": round(elapsed, 1),
        "startup_s": round(ready, 1),
        "requests": len(every),
        "requests_per_s": round(len(every) / elapsed, 1),
        "p95_ms": round(1000 * _p95(every), 1),
        "errors": errors[:10],
        "queries": rows,
        "cpus": os.cpu_count(),
    }


def _p95(xs: list[float]) -> float:
    return sorted(xs)[max(0, int(round(0.95 * len(xs))) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--max-p95-ms", type=float, default=200.0)
    args = parser.parse_args()
    result = run(args)
    OUT.mkdir(exist_ok=True)
    (OUT / "bench-api.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(
        f"{result['events']} events, {result['incidents']} incidents; server ready (index built) in "
        f"{result['startup_s']} s; {result['concurrency']} clients for {result['seconds']} s"
    )
    print(f"{'query':28} {'requests':>9} {'p50 ms':>8} {'p95 ms':>8}")
    for name, row in result["queries"].items():
        print(f"{name:28} {row['requests']:>9} {row['p50_ms']:>8} {row['p95_ms']:>8}")
    print(
        f"overall: {result['requests']} requests, {result['requests_per_s']} req/s, p95 {result['p95_ms']} ms"
    )
    if result["errors"]:
        print("errors:", *result["errors"], sep="\n  ")
        raise SystemExit(1)
    worst = max(row["p95_ms"] for row in result["queries"].values())
    if worst > args.max_p95_ms:
        print(f"FAIL: a p95 of {worst} ms is over {args.max_p95_ms} ms")
        raise SystemExit(1)


if __name__ == "__main__":
    main()
