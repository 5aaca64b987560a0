"""Scoring against gold attributions: hand-computed figures, the gold-folder reader and `provenance eval`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.brat import BratAttribution, parse_ann
from provenance.cli import app
from provenance.evaluation import (
    DocumentAttributions,
    EvaluationReport,
    gold_documents,
    score_documents,
    source_head,
)
from provenance.models import Span

POLNEAR_DEV = Path(__file__).resolve().parents[2] / "shared" / "polnear" / "dev"

TEXT = "Smith said “taxes will rise.” Jones told reporters that rates fall. Aides added nothing."


def at(needle: str, text: str = TEXT) -> list[Span]:
    start = text.index(needle)
    return [Span.of(text, start, start + len(needle))]


def attribution(source: str, cue: str, content: str, text: str = TEXT) -> BratAttribution:
    return BratAttribution(source=at(source, text), cue=at(cue, text), content=at(content, text))


GOLD = [
    attribution("Smith", "said", "“taxes will rise.”"),
    attribution("Jones", "told reporters", "that rates fall"),
]
PREDICTED = [
    attribution("Smith", "said", "taxes will rise"),
    attribution("Jones", "told", "rates fall"),
    attribution("Aides", "added", "nothing"),
]


def report(
    gold: list[BratAttribution], predicted: list[BratAttribution], text: str = TEXT
) -> EvaluationReport:
    return score_documents("hand-made", [DocumentAttributions("doc", text, gold, predicted)])


def test_exact_figures_computed_by_hand() -> None:
    scores = report(GOLD, PREDICTED)
    source, cue, content = (scores.role(name) for name in ("source", "cue", "content"))
    assert (source.gold, source.predicted, source.exact.matched) == (2, 3, 2)
    assert source.exact.precision == pytest.approx(2 / 3)
    assert source.exact.recall == pytest.approx(1.0)
    assert source.exact.f1 == pytest.approx(0.8)
    assert (cue.exact.precision, cue.exact.recall) == (pytest.approx(1 / 3), pytest.approx(1 / 2))
    assert cue.exact.f1 == pytest.approx(0.4)
    assert content.exact.matched == 1, "quote marks and the full stop are trimmed; a leading 'that' is not"
    assert content.exact.f1 == pytest.approx(0.4)


def test_soft_figures_computed_by_hand() -> None:
    scores = report(GOLD, PREDICTED)
    cue, content = scores.role("cue"), scores.role("content")
    # predicted cues: said 1, told vs "told reporters" 2·1/(1+2) = 2/3, added 0
    # gold cues: said 1, told reporters 2/3
    assert cue.soft.precision == pytest.approx(5 / 9)
    assert cue.soft.recall == pytest.approx(5 / 6)
    assert cue.soft.f1 == pytest.approx(2 / 3)
    # predicted contents: 1, "rates fall" vs "that rates fall" 2·2/(2+3) = 0.8, "nothing" 0
    assert content.soft.precision == pytest.approx(0.6)
    assert content.soft.recall == pytest.approx(0.9)
    assert content.soft.f1 == pytest.approx(0.72)


def test_figures_are_micro_averaged_over_documents() -> None:
    other = "Lee says the bridge is safe."
    documents = [
        DocumentAttributions("one", TEXT, GOLD, PREDICTED),
        DocumentAttributions("two", other, [attribution("Lee", "says", "the bridge is safe", other)], []),
    ]
    source = score_documents("two documents", documents).role("source")
    assert (source.gold, source.predicted, source.exact.matched) == (3, 3, 2)
    assert source.exact.precision == source.exact.recall == pytest.approx(2 / 3)
    assert source.soft.recall == pytest.approx(2 / 3), "an unmatched gold span scores 0"


def test_errors_are_listed_by_cue_words_and_source_heads() -> None:
    scores = report(GOLD, PREDICTED)
    assert [(item.text, item.count) for item in scores.missed_cues] == [("told reporters", 1)]
    assert [item.text for item in scores.spurious_cues] == ["added", "told"]
    assert [item.text for item in scores.spurious_source_heads] == ["aides"]
    assert scores.missed_source_heads == []


def test_a_shared_source_counts_once_and_discontinuous_content_matches_after_trimming() -> None:
    text = "The plan, Smith said, is dead, and Smith said more."
    plan = [at("The plan", text)[0], at("is dead", text)[0]]
    with_commas = [at("The plan,", text)[0], at("is dead,", text)[0]]
    gold = [
        BratAttribution(source=at("Smith", text), cue=at("said", text), content=plan),
        BratAttribution(source=at("Smith", text), cue=at("said more", text)[:1], content=at("more", text)),
    ]
    predicted = [BratAttribution(source=at("Smith", text), cue=at("said", text), content=with_commas)]
    scores = report(gold, predicted, text)
    assert scores.role("source").gold == 1
    assert scores.role("source").exact.f1 == 1.0
    content = scores.role("content")
    assert (content.gold, content.predicted, content.exact.matched) == (2, 1, 1)


def test_a_punctuation_cue_is_kept_rather_than_trimmed_away() -> None:
    text = "Trump: we will win. Clinton: we will win."
    gold = [BratAttribution(source=at("Trump", text), cue=at(":", text))]
    predicted = [BratAttribution(source=at("Clinton", text), cue=[Span.of(text, 27, 28)])]
    scores = report(gold, predicted, text)
    assert scores.role("cue").exact.matched == 0, "two different colons are two different cues"
    assert [item.text for item in scores.missed_cues] == [":"]


@pytest.mark.parametrize(
    ("phrase", "head"),
    [
        ("a spokesman for the campaign", "spokesman"),
        ("Sen. Bernie Sanders, I-Vt.", "sanders"),
        ("people familiar with the matter", "people"),
        ("he", "he"),
        ("The New York Post", "post"),
        ("Trump’s campaign manager", "manager"),
        ("Trump’s", "trump’s"),
    ],
)
def test_source_head(phrase: str, head: str) -> None:
    assert source_head(phrase) == head


STORY = "The mayor said the road is closed. Residents said they were angry.\n"
FIRST_ANNOTATOR = """T1\tSource 0 9\tThe mayor
T2\tCue 10 14\tsaid
T3\tContent 15 33\tthe road is closed
T4\tAttribution 10 14\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
"""
SECOND_ANNOTATOR = (
    FIRST_ANNOTATOR
    + """T5\tSource 35 44\tResidents
T6\tCue 45 49\tsaid
T7\tContent 50 65\tthey were angry
T8\tAttribution 45 49\tsaid
E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5
"""
)


@pytest.fixture
def gold_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Write a two-annotator gold folder; predictions are replaced by the second attribution only."""
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "attributions" / "story_a1.ann").write_text(FIRST_ANNOTATOR, encoding="utf-8")
    (tmp_path / "attributions" / "story_b2.ann").write_text(SECOND_ANNOTATOR, encoding="utf-8")
    predicted = parse_ann(SECOND_ANNOTATOR, STORY, "predicted")[1:]
    monkeypatch.setattr("provenance.evaluation.gold.attributions_of", lambda result: predicted)
    return tmp_path


def test_eval_json_uses_the_first_annotator_per_text(gold_dir: Path) -> None:
    result = CliRunner().invoke(app, ["eval", str(gold_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = EvaluationReport.model_validate_json(result.output)
    assert (scores.documents, scores.gold_attributions, scores.predicted_attributions) == (1, 1, 1)
    assert scores.role("source").exact.f1 == 0.0
    assert [item.text for item in scores.spurious_source_heads] == ["residents"]
    assert json.loads(result.output)["roles"][0]["role"] == "source"


def test_eval_text_prints_a_table_and_the_errors(gold_dir: Path) -> None:
    result = CliRunner().invoke(app, ["eval", str(gold_dir)])
    assert result.exit_code == 0, result.output
    assert "exact F1" in result.output
    assert "missed cues: 'said' 1" in result.output


def test_eval_limit_counts_texts(gold_dir: Path) -> None:
    (gold_dir / "text" / "zzz.txt").write_text("Nobody said anything.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(gold_dir), "--format", "json", "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert EvaluationReport.model_validate_json(result.output).documents == 1
    assert CliRunner().invoke(app, ["eval", str(gold_dir), "--limit", "0"]).exit_code == 2


def test_eval_refuses_a_folder_without_attributions(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    result = CliRunner().invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 2
    assert "attributions" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_eval_names_the_malformed_line(gold_dir: Path) -> None:
    (gold_dir / "attributions" / "story_a1.ann").write_text("T1\tSource 0 9\tThe mayor\nE1 broken\n")
    result = CliRunner().invoke(app, ["eval", str(gold_dir)])
    assert result.exit_code == 3
    assert "story_a1.ann:2: malformed brat annotation line" in result.output


def test_eval_names_a_text_without_annotations(gold_dir: Path) -> None:
    (gold_dir / "text" / "lonely.txt").write_text("Nobody said anything.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(gold_dir)])
    assert result.exit_code == 3
    assert "lonely.txt" in result.output


@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason="PolNeAR is not beside the repository")
def test_polnear_gold_scored_against_itself_is_perfect(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("provenance.evaluation.gold.attributions_of", lambda result: [])
    documents = [
        DocumentAttributions(document.name, document.text, document.gold, document.gold)
        for document in gold_documents(POLNEAR_DEV)
    ]
    assert len(documents) == 84
    scores = score_documents("dev", documents)
    assert scores.gold_attributions > 2000
    for role in scores.roles:
        assert role.gold > 1500
        assert role.exact.f1 == role.soft.f1 == 1.0
