"""Measure source typing and back-reference resolution on the hand-labelled PolNeAR dev sources.

    python bench/source_types_eval.py             # print the dev figures
    python bench/source_types_eval.py --record    # ... in bench/source-types-dev.json and README.md

The recorded file is what ``tests/test_source_types_regression.py`` compares
against; ``--record`` also rewrites the figures table between the
``source-types-dev`` markers in README.md. Re-record whenever typing improves.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

from polnear_eval import commit, update_readme

from provenance.evaluation import evaluate_source_types
from provenance.outputs import write_atomic
from provenance.render.evaluation import render_source_types

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold" / "source-types-dev.jsonl"
TEXTS = ROOT.parent / "shared" / "polnear" / "dev" / "text"
RECORD = ROOT / "bench" / "source-types-dev.json"
TABLE = re.compile(r"(<!-- source-types-dev:begin -->\n).*?(<!-- source-types-dev:end -->)", re.DOTALL)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--record", action="store_true", help="write the figures to the record and README.md")
    options = parser.parse_args()
    if not GOLD.is_file():
        print(f"{GOLD}: no such file (the gold is expected at ../shared/gold)", file=sys.stderr)
        return 2
    report = evaluate_source_types(GOLD, TEXTS)
    print(render_source_types(report))
    if not options.record:
        return 0
    record = {
        "gold": "source-types-dev",
        "date": dt.datetime.now(dt.UTC).date().isoformat(),
        "commit": commit(),
        "figures": {name: round(value, 4) for name, value in report.headline().items()},
        "report": report.model_dump(mode="json", exclude={"cases"}),
    }
    write_atomic(RECORD, json.dumps(record, indent=2) + "\n")
    print(f"recorded in {RECORD}")
    return update_readme(TABLE, readme_table(record))


def readme_table(record: dict[str, Any]) -> str:
    """Render the README's source-type table for a record, with its date and commit."""
    report = record["report"]
    lines = [
        f"Figures on the hand-labelled dev sources ({report['coverage']['denominator']} spans in "
        f"{report['texts']} texts, `../shared/gold/source-types-dev.jsonl`),",
        f"measured on {record['date']} at commit {record['commit']} "
        "with `python bench/source_types_eval.py`:",
        "",
        "| figure | value | count |",
        "|---|---|---|",
    ]
    for title, key in (
        ("coverage (gold sources found)", "coverage"),
        ("type accuracy (after following back-references)", "type_accuracy"),
        ("on-record accuracy", "on_record_accuracy"),
        ("back-references resolved", "back_references"),
    ):
        ratio = report[key]
        lines.append(f"| {title} | {ratio['value']:.3f} | {ratio['numerator']}/{ratio['denominator']} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
