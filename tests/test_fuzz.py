"""The fuzzing target run for a bounded time, and every input it ever found kept as a regression case.

``bench/fuzz.py`` sends generated and mutated articles through reading, extraction, scoring and every
output format. CI runs it for ``PROVENANCE_FUZZ_SECONDS`` (20 by default) from a fixed seed, so a run is
reproducible; ``PROVENANCE_FUZZ_SEED`` varies it. Longer runs are recorded in the README.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_fuzz() -> ModuleType:
    spec = importlib.util.spec_from_file_location("provenance_fuzz", ROOT / "bench" / "fuzz.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


fuzz = _load_fuzz()

FOUND = [
    pytest.param(b"Lund was asked repeatedly", id="asked-without-question-at-sentence-end"),
]


@pytest.fixture(scope="module")
def pipeline() -> object:
    return fuzz.Pipeline()


@pytest.mark.parametrize("data", FOUND)
def test_an_input_the_fuzzer_found_goes_through_every_stage_and_format(pipeline: object, data: bytes) -> None:
    report = pipeline.run(data, render=True)  # type: ignore[attr-defined]
    assert report is not None


def test_a_bounded_fuzz_run_finds_no_crash_hang_or_stray_span(tmp_path: Path) -> None:
    seconds = float(os.environ.get("PROVENANCE_FUZZ_SECONDS", "20"))
    seed = int(os.environ.get("PROVENANCE_FUZZ_SEED", "0"))
    tally = fuzz.fuzz(seconds, seed=seed, formats_every=3, crashes=tmp_path)
    assert tally.inputs > 0
    assert tally.rendered > 0
    assert tally.failures == [], "\n".join(f"{f.kind}: {f.detail} ({f.saved})" for f in tally.failures)


def test_the_fuzzer_reports_a_crash_with_the_input_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: object, data: bytes, render: bool) -> None:
        raise ZeroDivisionError("planted")

    monkeypatch.setattr(fuzz.Pipeline, "run", broken)
    tally = fuzz.fuzz(60, max_inputs=3, crashes=tmp_path)
    assert tally.inputs == 3
    assert [failure.kind for failure in tally.failures] == ["ZeroDivisionError"] * 3
    assert all(Path(failure.saved).is_file() for failure in tally.failures)


def test_the_fuzzer_reports_a_hang(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def endless(self: object, data: bytes, render: bool) -> None:
        while True:
            pass

    monkeypatch.setattr(fuzz.Pipeline, "run", endless)
    tally = fuzz.fuzz(60, max_inputs=1, hang_seconds=0.2, crashes=tmp_path)
    assert [failure.kind for failure in tally.failures] == ["hang"]


def test_the_fuzzer_reports_a_span_outside_its_text() -> None:
    article = fuzz.parse_article("Lund said the plan works.", "x.txt")
    analysis = fuzz.analyze(article)
    claim = analysis.claims[0]
    stray = claim.span.model_copy(update={"end": len(article.text) + 5})
    broken = analysis.model_copy(update={"claims": [claim.model_copy(update={"span": stray})]})
    with pytest.raises(AssertionError, match="not its text's slice"):
        fuzz.check_spans(broken)


def test_the_tally_counts_inputs_through_scoring_apart_from_those_refused_at_reading() -> None:
    tally = fuzz.fuzz(120, seed=3, formats_every=1000, max_inputs=400)
    assert tally.failures == []
    assert tally.scored + tally.rejected == tally.inputs == 400
    assert tally.rejected > 0, "the hostile share should reach reading's refusal"
    assert tally.scored >= 0.85 * tally.inputs, "most generated inputs should reach extraction and scoring"


def test_a_run_stops_once_enough_inputs_went_through_scoring() -> None:
    tally = fuzz.fuzz(120, seed=4, formats_every=1000, max_scored=50)
    assert tally.scored == 50


def test_cutting_inputs_to_size_never_splits_a_character() -> None:
    data = "ab€😀c".encode()
    for size in range(len(data) + 2):
        cut = fuzz._cut(data, size)
        assert len(cut) <= size
        assert data.startswith(cut)
        cut.decode("utf-8")
