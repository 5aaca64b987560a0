"""The seed article scored through the real pipeline: the expected findings, and a golden file.

Regenerate the golden file with ``PROVENANCE_UPDATE_GOLDEN=1 pytest tests/test_scoring_seed.py``
and review the diff: every changed point must be explained by a changed rule or extraction.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from provenance.api import score_path
from provenance.config import Config
from provenance.models import ClaimScore, ScoreReport

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_8dac13ad40c6afd4.txt"
GOLDEN = Path(__file__).parent / "golden" / "seed_scores.json"


@pytest.fixture(scope="module")
def report() -> ScoreReport:
    return score_path(SEED, Config())


def _claim(report: ScoreReport, begins: str) -> ClaimScore:
    texts = {claim.id: claim.text for claim in report.analysis.claims}
    matches = [score for score in report.claim_scores if texts[score.claim_id].startswith(begins)]
    assert len(matches) == 1, f"expected one claim beginning {begins!r}"
    return matches[0]


def _rules(claim: ClaimScore) -> set[str]:
    return {finding.rule_id for finding in claim.findings}


@pytest.mark.parametrize(
    "begins",
    [
        "There is no consensus",
        "Regarding the possibility of sending troops, a European senior official stated",
    ],
)
def test_single_anonymous_source_claims(report: ScoreReport, begins: str) -> None:
    assert "PRV003" in _rules(_claim(report, begins))


def test_the_official_is_the_same_single_anonymous_source(report: ScoreReport) -> None:
    finding = next(f for f in _claim(report, "After the war").findings if f.rule_id == "PRV003")
    assert '"a European senior official"' in finding.message


def test_five_diplomats_are_anonymous_but_several(report: ScoreReport) -> None:
    rules = _rules(_claim(report, "According to five European diplomats"))
    assert "PRV001" in rules
    assert not rules & {"PRV002", "PRV003"}


def test_tusk_scores_highest_of_all_claims(report: ScoreReport) -> None:
    tusk = _claim(report, "Following negotiations with Macron, Tusk stated")
    others = [claim.score for claim in report.claim_scores if claim.claim_id != tusk.claim_id]
    assert tusk.score > max(others)
    assert "PRV009" in _rules(tusk)


@pytest.mark.parametrize(
    "begins",
    [
        "One of the topics on the agenda",
        "There are currently no definite preparations",
        "Macron proposed the idea in February",
        "Then, preparations were made",
        "The finance and foreign ministers",
    ],
)
def test_unattributed_claims_are_publisher_voice(report: ScoreReport, begins: str) -> None:
    assert "PRV006" in _rules(_claim(report, begins))


def test_attributed_claims_are_not_publisher_voice(report: ScoreReport) -> None:
    for begins in ("According to five European diplomats", "diplomats believe", "According to two diplomats"):
        assert "PRV006" not in _rules(_claim(report, begins))


def test_belief_cue_is_flagged_once_not_also_as_a_hedge(report: ScoreReport) -> None:
    rules = _rules(_claim(report, "diplomats believe"))
    assert "PRV007" in rules
    assert "PRV008" not in rules


def test_whole_article_is_a_second_hand_relay_of_reuters(report: ScoreReport) -> None:
    (relay,) = (finding for finding in report.article_findings if finding.rule_id == "PRV005")
    assert relay.claim_id is None
    assert "Reuters" in relay.message
    assert [span.text for span in relay.evidence] == ["Reuters"]


def test_anonymous_heavy_seed_is_graded_maximum_caution(report: ScoreReport) -> None:
    assert report.score < 40
    assert report.grade == "D"
    assert report.skipped_rules == ["PRV012", "PRV013"]


def test_golden_file(report: ScoreReport) -> None:
    produced = json.loads(report.model_dump_json(exclude={"analysis"}))
    if os.environ.get("PROVENANCE_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(json.dumps(produced, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert produced == expected


def test_an_unsourced_headline_is_judged_as_publisher_voice(report: ScoreReport) -> None:
    headline = next(claim for claim in report.analysis.claims if claim.section == "headline")
    rules = {f.rule_id for s in report.claim_scores if s.claim_id == headline.id for f in s.findings}
    assert "PRV006" in rules


ON_RECORD = """date 2024-05-02 Harbour to close for summer dredging

Source: Northholm Gazette

Details: The harbour will close for dredging from 2 June to 30 June, Mayor Clara Voss said on Tuesday.

Ferries will sail from the fishing quay during the works, the transport ministry said in a statement.

The dredging will cost 4.2 million euros, according to the city's audit report.
"""


def test_an_on_record_article_lands_clearly_above_the_seed(report: ScoreReport, tmp_path: Path) -> None:
    article = tmp_path / "harbour.txt"
    article.write_text(ON_RECORD, encoding="utf-8")
    on_record = score_path(article, Config())
    assert on_record.score - report.score >= 30
    assert on_record.grade in {"A", "B"}
    document = _claim(on_record, "The dredging will cost")
    assert "PRV011" in _rules(document)
    assert not _rules(document) & {"PRV001", "PRV003"}
