"""Claim-pair evaluation (``provenance eval PAIRS``), manifests and several articles on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.corpus.pairs import BinaryScores, evaluate_claim_pairs
from provenance.errors import InputError

runner = CliRunner()
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CLAIM_PAIRS = SHARED / "gold" / "claim-pairs-dev.jsonl"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

MRPC_LINES = [
    "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String",
    "1\t1\t2\tThe Vell council approved the harbour budget on Monday.\t"
    "On Monday the Vell council approved its harbour budget.",
    "0\t3\t4\tThe Vell council approved the harbour budget on Monday.\t"
    "Norrland's ferry operator reported higher winter fares.",
]


def test_binary_scores_count_what_they_report() -> None:
    scores = BinaryScores.of([(True, True), (True, False), (False, True), (False, False)])
    assert (scores.true_positive, scores.false_positive, scores.false_negative) == (1, 1, 1)
    assert scores.accuracy == 0.5
    assert scores.precision == 0.5
    assert scores.recall == 0.5


def test_an_mrpc_file_is_read_and_scored(tmp_path: Path) -> None:
    path = tmp_path / "pairs.txt"
    path.write_text("\ufeff" + "\n".join(MRPC_LINES) + "\n", encoding="utf-8")
    report = evaluate_claim_pairs(path)
    assert report.format == "mrpc"
    assert report.match.pairs == 2
    assert report.match.accuracy == 1.0
    assert report.contradiction is None


def test_an_mrpc_sentence_longer_than_a_csv_field_is_read(tmp_path: Path) -> None:
    path = tmp_path / "pairs.txt"
    long_sentence = "The Vell council approved the harbour budget. " * 4_000
    row = f"0\t1\t2\t{long_sentence}\tThe ferry ran late.\n"
    path.write_text(MRPC_LINES[0] + "\n" + row, encoding="utf-8")
    result = runner.invoke(app, ["eval", str(path), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["match"]["pairs"] == 1


def test_claim_pair_gold_leaves_partial_pairs_out_and_scores_contradictions(tmp_path: Path) -> None:
    rows = [
        {"a_sentence": "A climber fell about 60 metres near Vell on Friday.",
         "b_sentence": "A climber fell 150 metres near Vell on Friday.", "same_claim": "partial",
         "contradiction": True},
        {"a_sentence": "The Vell council approved the harbour budget on Monday.",
         "b_sentence": "On Monday the Vell council approved its harbour budget.", "same_claim": "yes",
         "contradiction": False},
    ]  # fmt: skip
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    report = evaluate_claim_pairs(path)
    assert report.format == "claim-pairs"
    assert report.partial == 1
    assert report.match.pairs == 1
    assert report.contradiction is not None
    assert report.contradiction.true_positive == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n2\t1\t2\ta\tb\n", ":2: expected Quality"),
        ('{"a_sentence": "x"}\n', ":1: expected a_sentence, b_sentence and same_claim"),
        ("not json\n", "nor a claim-pair file"),
        ('{"a_sentence": "x", "b_sentence": "y", "same_claim": "no"}\nnot json\n', ":2: invalid JSON"),
        ("", "no labelled pairs"),
        (
            '{"a_sentence": "x", "b_sentence": "y", "same_claim": "no", "contradiction": "sure"}\n',
            ":1: contradiction must be true, false or null",
        ),
    ],
)
def test_a_bad_pair_file_is_one_error_naming_the_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        evaluate_claim_pairs(path)


def test_eval_prints_accuracy_precision_recall_and_f1_for_a_pair_file(tmp_path: Path) -> None:
    path = tmp_path / "pairs.txt"
    path.write_text("\n".join(MRPC_LINES) + "\n", encoding="utf-8")
    shown = runner.invoke(app, ["eval", str(path)])
    assert shown.exit_code == 0, shown.output
    assert "accuracy 1.000" in shown.stdout
    assert "precision" in shown.stdout
    assert "recall" in shown.stdout
    assert "F1" in shown.stdout
    as_json = runner.invoke(app, ["eval", str(path), "-f", "json"])
    assert json.loads(as_json.stdout)["match"]["pairs"] == 2
    missing = runner.invoke(app, ["eval", str(tmp_path / "absent.txt")])
    assert missing.exit_code != 0


def test_index_reads_a_manifest_and_crosscheck_takes_several_articles(tmp_path: Path) -> None:
    manifest = tmp_path / "corpus.jsonl"
    rows = [
        {"id": "a", "text": "The Vell council approved the harbour budget of 40 million euros on Monday.",
         "outlet": "Vell Gazette", "date": "2025-03-03"},
        {"id": "b", "text": "Norrland's ferry operator reported higher winter fares for the third year.",
         "outlet": "Norrland Post", "date": "2025-03-03"},
    ]  # fmt: skip
    manifest.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    built = runner.invoke(app, ["index", str(manifest), "-f", "json"])
    assert built.exit_code == 0, built.output
    summary = json.loads(built.stdout)
    assert summary["articles"] == 2
    assert Path(summary["index"]).is_file()
    first, second = tmp_path / "one.md", tmp_path / "two.md"
    first.write_text(
        "---\noutlet: Harbour Daily\ndate: 2025-03-04\n---\n\n"
        "On Monday the Vell council approved its harbour budget of 40 million euros.\n",
        encoding="utf-8",
    )
    second.write_text(
        "---\noutlet: Harbour Daily\n---\n\nThe lighthouse was painted red.\n", encoding="utf-8"
    )
    checked = runner.invoke(
        app, ["crosscheck", str(first), str(second), "--corpus", str(manifest), "-f", "json"]
    )
    assert checked.exit_code == 0, checked.output
    results = json.loads(checked.stdout)
    assert [Path(result["article"]).name for result in results] == ["one.md", "two.md"]
    assert results[0]["claims"][0]["independent"][0]["article_id"] == "a"


@pytest.mark.skipif(not CLAIM_PAIRS.is_file(), reason="the claim-pair gold is not beside the checkout")
def test_real_claim_pairs_keep_their_figures() -> None:
    """Regression guard on the ECB+ dev pairs (in-sample: the matcher was fitted on them and MRPC)."""
    report = evaluate_claim_pairs(CLAIM_PAIRS)
    assert report.match.precision >= 0.90
    assert report.match.recall >= 0.60
    assert report.contradiction is not None
    assert report.contradiction.precision >= 0.75
    assert report.contradiction.true_positive >= 7
