"""Regression guard: source typing on the hand-labelled PolNeAR dev sources must not fall.

Runs only when the gold sits beside the repository (``../shared/gold``). The
recorded figures live in ``bench/source-types-dev.json``; re-record them with
``python bench/source_types_eval.py --record`` when typing improves.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance.evaluation import evaluate_source_types

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold" / "source-types-dev.jsonl"
TEXTS = ROOT.parent / "shared" / "polnear" / "dev" / "text"
RECORD = ROOT / "bench" / "source-types-dev.json"
TOLERANCE = 0.01
"""Three of the 300 spans: a figure may move by a span or two when extraction elsewhere changes."""


@pytest.mark.skipif(not GOLD.is_file(), reason="the source-type gold is not beside the repository")
def test_dev_source_type_figures_do_not_regress() -> None:
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))["figures"]
    measured = evaluate_source_types(GOLD, TEXTS).headline()
    assert set(measured) == set(recorded)
    drops = {
        name: f"{measured[name]:.3f} < recorded {recorded[name]:.3f}"
        for name in recorded
        if measured[name] < recorded[name] - TOLERANCE
    }
    assert not drops, f"source typing on the dev gold fell more than {TOLERANCE}: {drops}"
