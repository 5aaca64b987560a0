"""Measure extraction accuracy on a PolNeAR split and record the figures.

    python bench/polnear_eval.py                  # print the dev figures
    python bench/polnear_eval.py --sentences      # ... and the sentence-level figures
    python bench/polnear_eval.py --record         # both, recorded in bench/polnear-dev.json and README.md
    python bench/polnear_eval.py ../shared/polnear/train --output /tmp/train.json

Document-level figures score each text as a whole (``provenance eval``); sentence-level
figures score the CofeNet form of dev (``../shared/polnear/sentences/dev.jsonl``), the
protocol of the published neural figures (``provenance.evaluation.sentences``).
The recorded file is what ``tests/test_polnear_regression.py`` compares against;
``--record`` also rewrites the figures table between the ``polnear-dev`` markers in
README.md. Re-record whenever extraction improves.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from provenance.evaluation import evaluate_gold_dir
from provenance.evaluation.sentences import evaluate_sentences
from provenance.outputs import write_atomic
from provenance.render.evaluation import render_evaluation

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "polnear" / "dev"
SENTENCES = ROOT.parent / "shared" / "polnear" / "sentences" / "dev.jsonl"
RECORD = ROOT / "bench" / "polnear-dev.json"
README = ROOT / "README.md"
TABLE = re.compile(r"(<!-- polnear-dev:begin -->\n).*?(<!-- polnear-dev:end -->)", re.DOTALL)


def commit() -> str:
    """Name the measured commit, marked ``+dirty`` when the tree has uncommitted changes."""
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True
    )
    return head.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("split", nargs="?", type=Path, default=DEV, help="gold folder (default: PolNeAR dev)")
    parser.add_argument("--output", type=Path, help="write the figures as JSON to this file")
    parser.add_argument(
        "--record", action="store_true", help="write the figures to bench/polnear-dev.json and README.md"
    )
    parser.add_argument(
        "--sentences",
        nargs="?",
        type=Path,
        const=SENTENCES,
        help="also score a sentence-level JSONL file (default: PolNeAR dev's; always with --record)",
    )
    options = parser.parse_args()
    if options.record and options.sentences is None:
        options.sentences = SENTENCES
    if not options.split.is_dir():
        print(f"{options.split}: no such folder (PolNeAR is expected at ../shared/polnear)", file=sys.stderr)
        return 2
    split = os.path.relpath(options.split.resolve(), ROOT)
    targets = [path.resolve() for path in filter(None, [options.output, RECORD if options.record else None])]
    os.chdir(ROOT)
    started = time.perf_counter()
    report = evaluate_gold_dir(split)
    elapsed = time.perf_counter() - started
    print(render_evaluation(report))
    print(f"\n{report.documents} documents in {elapsed:.1f} s")
    record: dict[str, Any] = {
        "split": options.split.name,
        "date": dt.datetime.now(dt.UTC).date().isoformat(),
        "commit": commit(),
        "figures": {name: round(value, 4) for name, value in report.headline().items()},
        "report": report.model_dump(mode="json"),
    }
    if options.sentences is not None:
        if not options.sentences.is_file():
            print(f"{options.sentences}: no such file (sentence-level PolNeAR)", file=sys.stderr)
            return 2
        started = time.perf_counter()
        sentences = evaluate_sentences(options.sentences)
        print(f"\n{sentence_table(sentences.model_dump(mode='json'))}")
        print(f"{sentences.instances} sentence instances in {time.perf_counter() - started:.1f} s")
        record["sentence_figures"] = {name: round(value, 4) for name, value in sentences.headline().items()}
        record["sentence_report"] = sentences.model_dump(mode="json")
    for target in targets:
        write_atomic(target, json.dumps(record, indent=2) + "\n")
        print(f"recorded in {target}")
    return update_readme(TABLE, readme_table(record)) if options.record else 0


def update_readme(markers: re.Pattern[str], table: str) -> int:
    """Replace the README text between a pair of markers with ``table``; 1 when the markers are missing."""
    readme = README.read_text(encoding="utf-8")
    if not markers.search(readme):
        print(f"README.md has no markers matching {markers.pattern!r}; table not updated", file=sys.stderr)
        return 1
    write_atomic(README, markers.sub(lambda match: match[1] + table + match[2], readme))
    print(f"table updated in {README}")
    return 0


def readme_table(record: dict[str, Any]) -> str:
    """Render the README's figures table for a record, with its date and commit."""
    report = record["report"]
    lines = [
        f"Figures on the dev split ({report['documents']} texts, {report['gold_attributions']} gold and "
        f"{report['predicted_attributions']} predicted attributions),",
        f"measured on {record['date']} at commit {record['commit']} with `python bench/polnear_eval.py`:",
        "",
        "| role | gold spans | exact P | exact R | exact F1 | soft P | soft R | soft F1 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for role in report["roles"]:
        exact, soft = role["exact"], role["soft"]
        lines.append(
            f"| {role['role']} | {role['gold']} | {exact['precision']:.3f} | {exact['recall']:.3f} | "
            f"{exact['f1']:.3f} | {soft['precision']:.3f} | {soft['recall']:.3f} | {soft['f1']:.3f} |"
        )
    if "sentence_report" in record:
        instances = record["sentence_report"]["instances"]
        lines += [
            "",
            f"Sentence level ({instances} instances of the CofeNet form of dev, exact span match, strict and "
            "trimmed of edge punctuation):",
            "",
            sentence_table(record["sentence_report"]),
        ]
    return "\n".join(lines) + "\n"


def sentence_table(report: dict[str, Any]) -> str:
    """Render sentence-level figures as a Markdown table: a row per role, strict and trimmed side by side."""
    by_key = {(score["role"], score["mode"]): score for score in report["scores"]}
    lines = [
        "| role | gold spans (trimmed) | strict P | strict R | strict F1 | trimmed P | trimmed R "
        "| trimmed F1 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for role in ("source", "cue", "content"):
        strict, trimmed = by_key[role, "strict"], by_key[role, "trimmed"]
        lines.append(
            f"| {role} | {trimmed['gold']} | {strict['precision']:.3f} | {strict['recall']:.3f} | "
            f"{strict['f1']:.3f} | {trimmed['precision']:.3f} | {trimmed['recall']:.3f} | "
            f"{trimmed['f1']:.3f} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
