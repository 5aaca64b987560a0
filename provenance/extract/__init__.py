"""Extraction: from an ``Article`` to claims, sources, attributions and chains.

Pure functions of the article text: no file, network or terminal access, and
deterministic output for the same input. The stages live in their own modules
(segmentation, cues, sources, coreference, hedges, chains, claims) and their
word lists in ``data/``.
"""

from __future__ import annotations

from provenance.collector import paused_collector
from provenance.extract.claims import build_analysis
from provenance.models import AnalysisResult, Article

__all__ = ["analyze"]


def analyze(article: Article) -> AnalysisResult:
    """Extract the claims of ``article`` with their sources, attributions and chains."""
    with paused_collector():
        return build_analysis(article)
