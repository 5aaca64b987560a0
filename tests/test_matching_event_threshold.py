"""The score that says two sentences report one event is fitted with the weights, not fixed by hand.

A fixed figure (30) let a real conflict ("mother of 13" / "mother of 12")
fall in and out of the contradictions from one fit to the next;
``bench/fit_matcher.py`` now chooses it by Youden's J on the claim pairs and
stores it with the model.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from provenance.corpus import match

ROOT = Path(__file__).resolve().parent.parent
CONFLICT = (
    "The Vell quake killed 31 people in the harbour town, the coast guard said.",
    "The Vell quake killed 24 people in the harbour town on Monday.",
)


def _fit_script() -> object:
    spec = importlib.util.spec_from_file_location("fit_matcher", ROOT / "bench" / "fit_matcher.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_event_score_is_where_one_event_is_best_told_from_other_claims(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scores = {
        "same 1": 60.0,
        "same 2": 24.0,
        "same 3": 22.0,
        "other 1": 40.0,
        "other 2": 10.0,
        "other 3": 5.0,
    }
    monkeypatch.setattr(match, "event_score", lambda left, right: scores[left])
    pairs = [
        {"same_claim": "yes" if name.startswith("same") else "no", "a_sentence": name, "b_sentence": ""}
        for name in scores
    ]
    assert _fit_script().event_threshold(pairs) == 22.0  # type: ignore[attr-defined]


def test_a_conflict_is_reported_only_at_the_fitted_event_score(monkeypatch: pytest.MonkeyPatch) -> None:
    assert 0 < match.event_threshold() < 100
    monkeypatch.setattr(match, "event_threshold", lambda: 0.0)
    assert match.compare_claims(*CONFLICT).contradiction is not None
    monkeypatch.setattr(match, "event_threshold", lambda: 100.0)
    assert match.compare_claims(*CONFLICT).contradiction is None
