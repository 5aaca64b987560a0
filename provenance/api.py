"""The library's entry points: one function per job, each returning a pydantic model.

These functions are the edge between the pure core and the outside world: they
accept paths (and later URLs) and leave rendering and exit codes to the caller.
"""

from __future__ import annotations

from pathlib import Path

from provenance.extract import analyze
from provenance.ingest import read_article
from provenance.models import AnalysisResult


def analyze_path(path: str | Path, encoding: str = "utf-8") -> AnalysisResult:
    """Read the article at ``path`` and extract its claims and attribution chains."""
    return analyze(read_article(path, encoding=encoding))
