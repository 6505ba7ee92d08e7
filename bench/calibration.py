"""Calibration check: does an incident's confidence separate credible reports from fake ones?

    python3 ../shared/eval/run_eval.py fakes-dev --keep bench-out/eval
    .venv/bin/python bench/calibration.py --exports bench-out/eval --set fakes-dev

(``make calibration`` runs both.) FA-KES labels each article credible (1) or fake (0). Each
article's main event belongs to an incident whose ``confidence`` warlog computed from its reports
(warlog.assess.confidence); this prints the rank AUC of that confidence against the label (0.5 =
no relation, ties count half), the mean confidence per label, and how often each reason is given
per label. It reads the evaluation data only at run time, from ../shared, and writes nothing into
the project.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "eval" / "data"


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def rank_auc(scores: list[float], labels: list[int]) -> float:
    """P(score of a random positive > score of a random negative), ties counting half."""
    pos = [s for s, y in zip(scores, labels, strict=True) if y == 1]
    neg = [s for s, y in zip(scores, labels, strict=True) if y == 0]
    if not pos or not neg:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def reason_kinds(reason: str) -> list[str]:
    """A reason line reduced to what it says in general (no outlet or source names)."""
    m = re.match(r"\d+ report\(s\) .* from (\d+) independent origin", reason)
    if m:
        return [f"{m.group(1)} independent origin(s)"]
    m = re.match(r"origin .*?: (\w+), source kind ([\w ]+), chain of (\d+)", reason)
    if m:
        return [f"an origin {m.group(1)}", f"an origin of kind {m.group(2)}"]
    if reason.startswith("confidence "):
        return []
    return [" ".join(reason.split()[:3])]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--exports", type=Path, required=True, help="folder of run_eval --keep")
    ap.add_argument("--set", default="fakes-dev")
    ap.add_argument("--gold", type=Path, help="gold file (default: ../shared/eval/data/SET.gold.jsonl)")
    a = ap.parse_args()
    gold = {g["article_id"]: g for g in _jsonl(a.gold or DATA / f"{a.set}.gold.jsonl")}
    articles = _jsonl(a.exports / f"{a.set}.articles.jsonl")
    main_event = {r["article_id"]: r.get("main_event_id") for r in articles}
    incident_of: dict[str, dict] = {}
    for inc in _jsonl(a.exports / f"{a.set}.incidents.jsonl"):
        for event_id in inc["event_ids"]:
            incident_of[event_id] = inc
    scores, labels = [], []
    reasons: dict[int, Counter[str]] = {0: Counter(), 1: Counter()}
    for article_id, g in sorted(gold.items()):
        inc = incident_of.get(main_event.get(article_id) or "")
        if inc is None or "label_credible" not in g:
            continue
        label = int(g["label_credible"])
        scores.append(float(inc["confidence"]))
        labels.append(label)
        reasons[label].update({k for r in inc.get("reasons", []) for k in reason_kinds(r)})
    auc = rank_auc(scores, labels)
    print(f"articles scored: {len(scores)} (credible {sum(labels)}, fake {len(labels) - sum(labels)})")
    print(f"confidence vs credible, rank AUC: {auc:.3f}")
    for label, name in ((1, "credible"), (0, "fake")):
        values = [s for s, y in zip(scores, labels, strict=True) if y == label]
        if values:
            print(f"mean confidence, {name}: {sum(values) / len(values):.3f}")
    for label, name in ((1, "credible"), (0, "fake")):
        n = max(1, labels.count(label))
        top = ", ".join(f"{r} {c / n:.0%}" for r, c in reasons[label].most_common(8))
        print(f"reasons given, {name}: {top}")


if __name__ == "__main__":
    main()
