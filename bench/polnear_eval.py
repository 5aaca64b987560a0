"""Measure extraction accuracy on a PolNeAR split and record the figures.

    python bench/polnear_eval.py                  # print the dev figures
    python bench/polnear_eval.py --record         # ... and record them in bench/polnear-dev.json
    python bench/polnear_eval.py ../shared/polnear/train --output /tmp/train.json

The recorded file is what ``tests/test_polnear_regression.py`` compares against:
re-record it (and update the README table) whenever extraction improves.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from provenance.evaluation import evaluate_gold_dir
from provenance.outputs import write_atomic
from provenance.render.evaluation import render_evaluation

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "polnear" / "dev"
RECORD = ROOT / "bench" / "polnear-dev.json"


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
        "--record", action="store_true", help=f"write the figures to {RECORD.relative_to(ROOT)}"
    )
    options = parser.parse_args()
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
    record = {
        "split": options.split.name,
        "date": dt.datetime.now(dt.UTC).date().isoformat(),
        "commit": commit(),
        "figures": {name: round(value, 4) for name, value in report.headline().items()},
        "report": report.model_dump(mode="json"),
    }
    for target in targets:
        write_atomic(target, json.dumps(record, indent=2) + "\n")
        print(f"recorded in {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
