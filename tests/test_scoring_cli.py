"""``provenance score`` through typer's CliRunner: table, JSON, flags and exit statuses."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from provenance.cli import app
from provenance.models import ScoreReport

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_8dac13ad40c6afd4.txt"
runner = CliRunner()


def test_text_output_has_the_article_score_and_a_row_per_claim() -> None:
    result = runner.invoke(app, ["score", str(SEED)])
    assert result.exit_code == 0, result.output
    assert re.search(r"score \d+/100  grade D \(poorly sourced", result.output)
    assert "PRV005 second-hand-relay" in result.output
    rows = re.findall(r"^C\d+\s+\d+\s+[ABCD]\s", result.output, re.MULTILINE)
    assert len(rows) >= 10
    assert "skipped (no cross-check data given): PRV012, PRV013" in result.output


def test_json_output_round_trips_through_the_model() -> None:
    result = runner.invoke(app, ["score", str(SEED), "--format", "json"])
    assert result.exit_code == 0, result.output
    [report] = [ScoreReport.model_validate(item) for item in json.loads(result.output)]
    assert report.grade == "D"
    assert report.analysis.article.outlet == "European Pravda"


def test_several_targets_give_a_json_list(tmp_path: Path) -> None:
    other = tmp_path / "on-record.txt"
    other.write_text(
        "Harbour to close\n\nMayor Clara Voss said the harbour will close in June for dredging.\n\n"
        "The ministry said in a statement that ferries will use the fishing quay.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["score", str(SEED), str(other), "--format", "json"])
    assert result.exit_code == 0, result.output
    reports = [ScoreReport.model_validate(item) for item in json.loads(result.output)]
    assert len(reports) == 2
    assert reports[1].score > reports[0].score


def test_select_and_ignore_flags(tmp_path: Path) -> None:
    only = runner.invoke(app, ["score", str(SEED), "--select", "PRV003", "--format", "json"])
    [report] = [ScoreReport.model_validate(item) for item in json.loads(only.output)]
    assert {f.rule_id for c in report.claim_scores for f in c.findings} == {"PRV003"}
    ignored = runner.invoke(app, ["score", str(SEED), "--ignore", "PRV003,PRV005", "--format", "json"])
    [report] = [ScoreReport.model_validate(item) for item in json.loads(ignored.output)]
    found = {f.rule_id for c in report.claim_scores for f in c.findings} | {
        f.rule_id for f in report.article_findings
    }
    assert not found & {"PRV003", "PRV005"}


def test_fail_under_sets_exit_status_1_after_printing() -> None:
    result = runner.invoke(app, ["score", str(SEED), "--fail-under", "60"])
    assert result.exit_code == 1
    assert "grade D" in result.output


def test_unreadable_article_is_one_line_with_exit_3(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["score", str(empty)])
    assert result.exit_code == 3
    assert result.output.strip() == f"error[PRV-E100]: {empty}: file is empty"
