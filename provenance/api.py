"""The library's entry points: one function per job, each returning a pydantic model.

These functions are the edge between the pure core and the outside world: they
accept article targets (paths, and URLs once fetching lands) and leave rendering
and exit codes to the caller.
"""

from __future__ import annotations

from pathlib import Path

from provenance.evaluation import EvaluationReport, evaluate_gold_dir
from provenance.extract import analyze
from provenance.ingest import read_article
from provenance.models import AnalysisResult, Article


def load_article(target: str | Path, encoding: str = "utf-8") -> Article:
    """Load an article from a file path (every command reads its inputs through here)."""
    return read_article(target, encoding=encoding)


def analyze_path(target: str | Path, encoding: str = "utf-8") -> AnalysisResult:
    """Load the article at ``target`` and extract its claims and attribution chains."""
    return analyze(load_article(target, encoding=encoding))


def evaluate_gold(gold_dir: str | Path, limit: int | None = None) -> EvaluationReport:
    """Measure extraction accuracy on a gold folder (``text/`` + brat ``attributions/``, PolNeAR's layout)."""
    return evaluate_gold_dir(gold_dir, limit=limit)
