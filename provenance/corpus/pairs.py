"""Measuring the claim matcher on labelled sentence pairs: MRPC files and claim-pair gold files.

Two formats are read, told apart by content:

* **MRPC** (tab-separated, header ``Quality  #1 ID  #2 ID  #1 String  #2 String``):
  ``Quality`` 1 is a paraphrase (the same claim), 0 is not;
* **claim pairs** (JSON lines with ``a_sentence``, ``b_sentence``,
  ``same_claim`` yes/partial/no and ``contradiction`` true/false, the project's
  gold format): ``yes`` is the same claim, ``no`` is not, ``partial`` pairs
  (one side adds or drops a substantive claim) are left out of the match
  figures and counted apart; contradiction figures use every pair.

Each pair goes through ``match.compare_claims``; the report gives accuracy,
precision, recall and F1 of the match decision and, for claim pairs, of the
contradiction decision.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import Field

from provenance.corpus.match import compare_claims
from provenance.errors import InputError
from provenance.files import parse_json, read_text_file
from provenance.models import SCHEMA_VERSION, Model

__all__ = ["BinaryScores", "ClaimPair", "ClaimPairEvaluation", "evaluate_claim_pairs", "read_claim_pairs"]

MRPC_HEADER = "Quality"
NOT_PAIRS = (
    "not a folder of gold annotations, nor a claim-pair file "
    "(MRPC's tab-separated pairs with a Quality header, or JSON lines with a_sentence and b_sentence)"
)


class ClaimPair(Model):
    """Two sentences with their labels; ``same_claim`` is ``None`` for a partial pair."""

    a: str
    b: str
    same_claim: bool | None
    contradiction: bool | None = None


class BinaryScores(Model):
    """Accuracy, precision, recall and F1 of one yes/no decision, with the counts behind them."""

    pairs: int = Field(ge=0)
    true_positive: int = Field(ge=0)
    false_positive: int = Field(ge=0)
    false_negative: int = Field(ge=0)
    accuracy: float
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, outcomes: list[tuple[bool, bool]]) -> BinaryScores:
        """Score (predicted, gold) outcomes; precision is 1 when nothing was predicted."""
        tp = sum(1 for predicted, gold in outcomes if predicted and gold)
        fp = sum(1 for predicted, gold in outcomes if predicted and not gold)
        fn = sum(1 for predicted, gold in outcomes if not predicted and gold)
        correct = sum(1 for predicted, gold in outcomes if predicted == gold)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(
            pairs=len(outcomes),
            true_positive=tp,
            false_positive=fp,
            false_negative=fn,
            accuracy=round(correct / len(outcomes), 4) if outcomes else 0.0,
            precision=round(precision, 4),
            recall=round(recall, 4),
            f1=round(f1, 4),
        )


class ClaimPairEvaluation(Model):
    """The matcher's figures on one file of labelled pairs."""

    schema_version: str = SCHEMA_VERSION
    path: str
    format: str = Field(description="mrpc or claim-pairs")
    match: BinaryScores
    partial: int = Field(default=0, ge=0, description="partial pairs, left out of the match figures")
    contradiction: BinaryScores | None = None


def read_claim_pairs(path: str | Path) -> tuple[str, list[ClaimPair]]:
    """Read a pair file, naming its format; a bad line is one error naming the file and line."""
    where = str(path)
    text = read_text_file(path, "claim-pair file")
    if text.startswith(MRPC_HEADER):
        return "mrpc", _mrpc(text, where)
    return "claim-pairs", _claim_pairs(text, where)


def evaluate_claim_pairs(path: str | Path) -> ClaimPairEvaluation:
    """Run the matcher over a pair file and score its decisions."""
    kind, pairs = read_claim_pairs(path)
    if not pairs:
        raise InputError(str(path), "no labelled pairs in the file")
    verdicts = [compare_claims(pair.a, pair.b) for pair in pairs]
    matched = [
        (verdict.same_claim, pair.same_claim)
        for pair, verdict in zip(pairs, verdicts, strict=True)
        if pair.same_claim is not None
    ]
    contradicted = [
        (verdict.contradiction is not None, pair.contradiction)
        for pair, verdict in zip(pairs, verdicts, strict=True)
        if pair.contradiction is not None
    ]
    return ClaimPairEvaluation(
        path=str(path),
        format=kind,
        match=BinaryScores.of(matched),
        partial=sum(1 for pair in pairs if pair.same_claim is None),
        contradiction=BinaryScores.of(contradicted) if contradicted else None,
    )


def _mrpc(text: str, where: str) -> list[ClaimPair]:
    pairs: list[ClaimPair] = []
    for number, line in enumerate(text.splitlines()[1:], start=2):
        if not line:
            continue
        row = line.split("\t")  # MRPC quotes nothing, and a sentence may be longer than csv's field limit
        if len(row) != 5 or row[0] not in {"0", "1"}:
            raise InputError(f"{where}:{number}", "expected Quality (0 or 1), two ids and two sentences")
        pairs.append(ClaimPair(a=row[3], b=row[4], same_claim=row[0] == "1"))
    return pairs


def _claim_pairs(text: str, where: str) -> list[ClaimPair]:
    pairs: list[ClaimPair] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record: Any = parse_json(line)
        except json.JSONDecodeError as exc:
            if not pairs:
                raise InputError(where, NOT_PAIRS) from None
            raise InputError(f"{where}:{number}", f"invalid JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise InputError(f"{where}:{number}", "expected a JSON object per line")
        a, b = record.get("a_sentence"), record.get("b_sentence")
        label = record.get("same_claim")
        if not isinstance(a, str) or not isinstance(b, str) or label not in {"yes", "partial", "no"}:
            raise InputError(
                f"{where}:{number}", "expected a_sentence, b_sentence and same_claim (yes, partial or no)"
            )
        contradiction = record.get("contradiction")
        if contradiction is not None and not isinstance(contradiction, bool):
            raise InputError(f"{where}:{number}", "contradiction must be true, false or null")
        pairs.append(
            ClaimPair(
                a=a,
                b=b,
                same_claim=None if label == "partial" else label == "yes",
                contradiction=contradiction,
            )
        )
    return pairs
