"""The sentence-level PolNeAR protocol: detokenising, reading BIO labels, matching spans, bad lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance.errors import InputError
from provenance.evaluation.sentences import (
    detokenise,
    evaluate_sentences,
    gold_spans,
    score_sentence,
)


def test_ptb_tokens_become_the_text_as_published_with_each_tokens_offsets() -> None:
    text, offsets = detokenise(["``", "We", "won", ",", "''", "Lund", "said", "."])
    assert text == "“We won,” Lund said."
    assert [text[start:end] for start, end in offsets] == ["“", "We", "won", ",", "”", "Lund", "said", "."]


def test_bio_labels_are_read_as_token_spans_per_role() -> None:
    labels = ["B-content", "I-content", "O", "B-source", "B-cue", "I-content"]
    assert gold_spans(labels) == {"source": {(3, 3)}, "cue": {(4, 4)}, "content": {(0, 1), (5, 5)}}


def test_trimming_drops_edge_punctuation_from_gold_and_predicted_spans() -> None:
    tokens = ["“", "We", "won", "”", "Lund", "said"]
    gold = {"source": {(4, 4)}, "cue": {(5, 5)}, "content": {(0, 3)}}
    predicted = {"source": {(4, 4)}, "cue": {(5, 5)}, "content": {(1, 2)}}
    counts = score_sentence(tokens, gold, predicted)
    assert counts["content", "strict"] == (0, 1, 1)
    assert counts["content", "trimmed"] == (1, 1, 1)
    assert counts["source", "strict"] == (1, 1, 1)


def test_a_file_is_scored_by_running_the_extractor_on_each_instance(tmp_path: Path) -> None:
    row = {
        "tokens": ["Lund", "said", "the", "levy", "would", "pass", "."],
        "labels": ["B-source", "B-cue", "B-content", "I-content", "I-content", "I-content", "O"],
    }
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(row) + "\n\n", encoding="utf-8")
    report = evaluate_sentences(path)
    assert report.instances == 1
    assert report.headline() == {
        f"{role}_{mode}_f1": 1.0 for role in ("source", "cue", "content") for mode in ("strict", "trimmed")
    }


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{not json", "not a JSON object"),
        ("[1, 2]", "not a JSON object"),
        ('{"tokens": ["a"], "labels": []}', "same length"),
    ],
)
def test_a_bad_line_is_one_clear_error_naming_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "dev.jsonl"
    path.write_text('{"tokens": [], "labels": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=problem) as error:
        evaluate_sentences(path)
    assert f"{path}:2" in str(error.value)


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"absent\.jsonl: no such file"):
        evaluate_sentences(tmp_path / "absent.jsonl")
