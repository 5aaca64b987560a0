"""The data contract's fast construction: the same models, with their rules kept."""

from __future__ import annotations

import pytest

from provenance.models import ClaimScore, Finding, Severity, Span

TEXT = "Five diplomats said the talks failed."


def test_a_span_of_offsets_carries_their_text_and_equals_a_validated_one() -> None:
    fast = Span.of(TEXT, 5, 14)
    assert fast == Span(start=5, end=14, text="diplomats")
    assert fast.model_dump_json() == Span(start=5, end=14, text="diplomats").model_dump_json()


@pytest.mark.parametrize(("start", "end"), [(9, 4), (-1, 3)])
def test_a_span_of_disordered_or_negative_offsets_is_refused(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="not an ordered range"):
        Span.of(TEXT, start, end)


def test_trusted_models_behave_like_validated_ones() -> None:
    fields = {
        "rule_id": "PRV003",
        "rule_name": "single-anonymous-source",
        "severity": Severity.WARNING,
        "message": "C1 rests on one anonymous source",
        "claim_id": "C1",
        "evidence": [Span.of(TEXT, 0, 14)],
        "points": -10.0,
    }
    trusted = Finding.trusted(dict(fields))
    assert trusted == Finding(**fields)
    assert trusted.model_fields_set == set(Finding.model_fields)
    score = ClaimScore.trusted({"claim_id": "C1", "score": 60.0, "grade": "B", "findings": [trusted]})
    assert (
        score.model_dump()
        == ClaimScore(claim_id="C1", score=60.0, grade="B", findings=[trusted]).model_dump()
    )
    copied = trusted.model_copy(update={"points": -5.0})
    assert (copied.points, trusted.points) == (-5.0, -10.0)
    with pytest.raises(ValueError, match="frozen"):
        trusted.points = 0.0  # type: ignore[misc]
