"""Regression guard: extraction accuracy on PolNeAR dev must not fall below the recorded figures.

Both protocols are guarded: document level (each text scored whole) and sentence
level (the CofeNet form of dev, the protocol of the published neural figures).
Runs only when PolNeAR sits beside the repository (``../shared/polnear/dev``).
The recorded figures live in ``bench/polnear-dev.json``; re-record them with
``python bench/polnear_eval.py --record`` when extraction improves.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance.evaluation import evaluate_gold_dir
from provenance.evaluation.sentences import evaluate_sentences

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "polnear" / "dev"
SENTENCES = ROOT.parent / "shared" / "polnear" / "sentences" / "dev.jsonl"
RECORD = ROOT / "bench" / "polnear-dev.json"
TOLERANCE = 0.02


def _drops(measured: dict[str, float], record_key: str) -> dict[str, str]:
    """Name every recorded figure that the measured ones fall more than the tolerance below."""
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))[record_key]
    assert set(measured) == set(recorded)
    return {
        name: f"{measured[name]:.3f} < recorded {recorded[name]:.3f}"
        for name in recorded
        if measured[name] < recorded[name] - TOLERANCE
    }


@pytest.mark.skipif(not DEV.is_dir(), reason="PolNeAR dev split is not beside the repository")
def test_dev_figures_do_not_regress() -> None:
    drops = _drops(evaluate_gold_dir(DEV).headline(), "figures")
    assert not drops, f"PolNeAR dev accuracy fell more than {TOLERANCE}: {drops}"


@pytest.mark.skipif(not SENTENCES.is_file(), reason="sentence-level PolNeAR dev is not beside the repository")
def test_sentence_level_figures_do_not_regress() -> None:
    drops = _drops(evaluate_sentences(SENTENCES).headline(), "sentence_figures")
    assert not drops, f"PolNeAR sentence-level dev accuracy fell more than {TOLERANCE}: {drops}"
