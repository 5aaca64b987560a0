"""Cross-checking measured on real multi-outlet news: the ECB+ claim pairs of the dev gold.

    .venv/bin/python bench/claim_pairs.py [--json FILE]

Reads ``../shared/gold/claim-pairs-dev.jsonl`` and its 228 articles (never
copied into the repository) and prints:

* the pair decisions of ``provenance.compare_claims``: match precision and
  recall of ``same_claim: yes`` pairs (``partial`` ones left out; in-sample,
  since the matcher was fitted on these pairs too: ``bench/fit_matcher.py``
  prints the figures cross-validated by event), and contradiction precision
  and recall over all pairs;
* the corpus cross-check: every dev article is checked against an index of
  the 228 articles; for each ``yes`` pair whose claim found the other article,
  whether it was put under the right heading (dependent when the gold names a
  shared upstream, independent otherwise); of all matches reported, the share
  linking articles about different events (ECB+ topic and sub-topic); and how
  many contradictions were reported (no gold says which are real: the dev
  pairs hold 13).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

from provenance.corpus import build_index, crosscheck
from provenance.corpus.pairs import evaluate_claim_pairs
from provenance.errors import InputError
from provenance.extract import analyze
from provenance.ingest import read_article
from provenance.models import CrossCheckResult

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "gold"
PAIRS = SHARED / "claim-pairs-dev.jsonl"
ARTICLES = SHARED / "claim-pairs-dev" / "articles"
EVENT = re.compile(r"^(\d+)_\d+(ecbplus|ecb)\.md$")


def event_of(name: str) -> str:
    match = EVENT.match(name)
    return f"{match.group(1)}-{match.group(2)}" if match else name


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _claim_for(result: CrossCheckResult, sentence: str) -> int | None:
    """Index of the article's claim that is the labelled sentence (best word overlap)."""
    wanted = _words(sentence)
    best, best_overlap = None, 0.0
    for position, check in enumerate(result.claims):
        words = _words(check.claim or "")
        overlap = len(wanted & words) / max(len(wanted | words), 1)
        if overlap > best_overlap:
            best, best_overlap = position, overlap
    return best if best_overlap >= 0.6 else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    arguments = parser.parse_args()
    if not PAIRS.is_file():
        print(f"needs {PAIRS}", file=sys.stderr)
        return 2
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    figures: dict[str, object] = {}
    decisions = evaluate_claim_pairs(PAIRS)
    figures["pair_decisions"] = decisions.model_dump()
    print(f"pairs: match {decisions.match}")
    print(f"pairs: contradiction {decisions.contradiction}")

    started = time.perf_counter()
    index = build_index(ARTICLES)
    built = time.perf_counter() - started
    print(f"index: {index.article_count} articles, {index.claim_count} claim units in {built:.1f} s")
    names = sorted({pair["a"] for pair in pairs} | {pair["b"] for pair in pairs})
    results: dict[str, CrossCheckResult] = {}
    started = time.perf_counter()
    unreadable = []
    for name in names:
        try:
            article = read_article(ARTICLES / name)
        except InputError as error:
            unreadable.append(error.one_line())
            continue
        results[name] = crosscheck(analyze(article), index)
    per_article = (time.perf_counter() - started) / len(names) * 1000
    for line in unreadable:
        print(f"skipped: {line}")
    print(f"cross-check: {len(names)} articles, {per_article:.0f} ms per article")

    reported = unrelated = contradicting = contradicting_unrelated = 0
    for name, result in results.items():
        for check in result.claims:
            for match in (*check.independent, *check.dependent, *check.contradictions):
                reported += 1
                unrelated += event_of(match.article_id) != event_of(name)
            contradicting += len(check.contradictions)
            contradicting_unrelated += sum(
                event_of(match.article_id) != event_of(name) for match in check.contradictions
            )
    figures["matches_reported"] = reported
    figures["matches_unrelated_event"] = unrelated
    figures["contradictions_reported"] = contradicting
    figures["contradictions_unrelated_event"] = contradicting_unrelated
    print(f"matches linking different events: {unrelated}/{reported} = {unrelated / max(reported, 1):.3f}")
    print(f"contradictions reported: {contradicting} ({contradicting_unrelated} across different events)")

    found = right = 0
    outcomes: dict[str, int] = defaultdict(int)
    for pair in pairs:
        if pair["same_claim"] != "yes":
            continue
        result = results.get(pair["a"])
        if result is None:
            outcomes["article unreadable"] += 1
            continue
        position = _claim_for(result, pair["a_sentence"])
        if position is None:
            outcomes["claim not extracted"] += 1
            continue
        check = result.claims[position]
        heading = next(
            (
                kind
                for kind in ("independent", "dependent", "contradictions")
                for match in getattr(check, kind)
                if match.article_id == pair["b"]
            ),
            None,
        )
        if heading is None:
            outcomes["other article not matched"] += 1
            continue
        found += 1
        expected = "dependent" if pair["shared_upstream"] else "independent"
        right += heading == expected
        outcomes[f"gold {expected}, reported {heading}"] += 1
    figures["independence_right"] = right
    figures["independence_matched_pairs"] = found
    figures["independence_outcomes"] = dict(outcomes)
    yes = sum(1 for pair in pairs if pair["same_claim"] == "yes")
    print(f"same-claim pairs found by the cross-check: {found}/{yes}")
    print(f"independence right on matched same-claim pairs: {right}/{found} = {right / max(found, 1):.3f}")
    for outcome, count in sorted(outcomes.items()):
        print(f"  {outcome}: {count}")
    if arguments.json:
        arguments.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
