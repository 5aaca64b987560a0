"""Measuring extraction accuracy against gold attributions (PolNeAR's brat layout).

``score_documents`` is the pure scoring core (its module docstring defines
exact and soft matching); ``evaluate_gold_dir`` reads a gold folder, runs the
extractor on every text and scores it. ``evaluate_source_types`` scores who the
sources are (type, on-record status, back-references) against hand-labelled spans.
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
from provenance.evaluation.source_types import (
    ConfusionCount,
    GoldSource,
    Ratio,
    SourceTypeCase,
    SourceTypeReport,
    TypeFigures,
    evaluate_source_types,
    read_source_gold,
    score_source_types,
)

__all__ = [
    "ConfusionCount",
    "DocumentAttributions",
    "EvaluationReport",
    "ExactScores",
    "Frequency",
    "GoldSource",
    "Ratio",
    "RoleScores",
    "SoftScores",
    "SourceTypeCase",
    "SourceTypeReport",
    "TypeFigures",
    "evaluate_gold_dir",
    "evaluate_source_types",
    "gold_documents",
    "read_source_gold",
    "score_documents",
    "score_source_types",
    "source_head",
]
