"""Measuring extraction accuracy against gold attributions (PolNeAR's brat layout).

``score_documents`` is the pure scoring core (its module docstring defines
exact and soft matching); ``evaluate_gold_dir`` reads a gold folder, runs the
extractor on every text and scores it.
"""

from provenance.evaluation.gold import evaluate_gold_dir, gold_documents
from provenance.evaluation.metrics import (
    DocumentAttributions,
    EvaluationReport,
    ExactScores,
    Frequency,
    RoleScores,
    SoftScores,
    score_documents,
    source_head,
)

__all__ = [
    "DocumentAttributions",
    "EvaluationReport",
    "ExactScores",
    "Frequency",
    "RoleScores",
    "SoftScores",
    "evaluate_gold_dir",
    "gold_documents",
    "score_documents",
    "source_head",
]
