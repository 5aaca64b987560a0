"""Precision and recall of claim matching on the labelled pairs, per threshold and scorer.

    .venv/bin/python bench/claim_pairs.py

A pair labelled ``same`` or ``contradicts`` should match (contradictions are
flagged after matching); ``different`` should not. Prints the sweep for the
documented scorer combination and, for comparison, for single scorers.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz

from provenance.corpus.match import MATCH_THRESHOLD, contradiction, similarity
from provenance.corpus.normalize import normalise

PAIRS = Path(__file__).resolve().parent.parent / "tests" / "data" / "claim_pairs.jsonl"

Scorer = Callable[[str, str], float]
SCORERS: dict[str, Scorer] = {
    "mean(token_sort, token_set)": similarity,
    "token_sort_ratio": fuzz.token_sort_ratio,
    "token_set_ratio": fuzz.token_set_ratio,
    "WRatio": fuzz.WRatio,
    "ratio": fuzz.ratio,
}


def precision_recall(scored: list[tuple[float, bool]], threshold: float) -> tuple[float, float]:
    true_positive = sum(1 for score, positive in scored if positive and score >= threshold)
    false_positive = sum(1 for score, positive in scored if not positive and score >= threshold)
    false_negative = sum(1 for score, positive in scored if positive and score < threshold)
    predicted = true_positive + false_positive
    precision = true_positive / predicted if predicted else 1.0
    recall = true_positive / (true_positive + false_negative)
    return precision, recall


def main() -> None:
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    normal = [(normalise(pair["a"]), normalise(pair["b"]), pair["label"]) for pair in pairs]
    print(f"{len(pairs)} labelled pairs from {PAIRS.name}")
    for name, scorer in SCORERS.items():
        scored = [(scorer(a.text, b.text), label != "different") for a, b, label in normal]
        print(f"\n{name}")
        print("threshold  precision  recall   F1")
        for threshold in range(56, 92, 2):
            precision, recall = precision_recall(scored, threshold)
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            mark = "  <- MATCH_THRESHOLD" if name.startswith("mean") and threshold == MATCH_THRESHOLD else ""
            print(f"{threshold:9d}  {precision:9.3f}  {recall:6.3f}  {f1:5.3f}{mark}")
    matched_contradictions = [
        (a, b)
        for a, b, label in normal
        if label == "contradicts" and similarity(a.text, b.text) >= MATCH_THRESHOLD
    ]
    flagged = sum(1 for a, b in matched_contradictions if contradiction(a, b))
    matched_same = [
        (a, b) for a, b, label in normal if label == "same" and similarity(a.text, b.text) >= MATCH_THRESHOLD
    ]
    false_flags = sum(1 for a, b in matched_same if contradiction(a, b))
    print(
        f"\ncontradiction test at {MATCH_THRESHOLD:g}: flagged {flagged}/{len(matched_contradictions)}"
        f" matched contradictions, {false_flags}/{len(matched_same)} matched agreements"
    )


if __name__ == "__main__":
    main()
