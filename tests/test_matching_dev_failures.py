"""Contradiction failures seen on the ECB+ dev claim pairs, each written as a fictional equivalent.

Each failed before estimates were told from bounds: "about 20,000" refugees
against "over 24,000" passed as two compatible bounds.
"""

from __future__ import annotations

from provenance.corpus.contradiction import value_conflict


def test_an_estimate_below_a_lower_bound_is_a_contradiction() -> None:
    reason = value_conflict(
        "The Vell camp holds about 20,000 refugees from the northern hills.",
        "The Vell camp now holds over 24,000 refugees who fled the northern hills.",
    )
    assert reason is not None
    assert "20,000" in reason


def test_bounds_on_one_side_and_running_counts_are_no_contradiction() -> None:
    assert (
        value_conflict(
            "At least 24 people died in the Vell quake.", "At least 31 people died in the Vell quake."
        )
        is None
    )
    assert (
        value_conflict("At least 24 people died in the Vell quake.", "31 people died in the Vell quake.")
        is None
    )
    assert (
        value_conflict(
            "The Vell camp holds about 20,000 refugees.", "The Vell camp holds nearly 21,000 refugees."
        )
        is None
    )
