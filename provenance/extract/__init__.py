"""Extraction: from an ``Article`` to claims, sources, attributions and chains.

Pure functions of the article text: no file, network or terminal access, and
deterministic output for the same input. The stages live in their own modules
(segmentation, cues, sources, coreference, hedges, chains, claims) and their
word lists in ``data/``.
"""

from __future__ import annotations

from provenance.native import guard

guard()  # before any extraction module is imported: a compiled build that no longer matches its sources

from provenance.collector import paused_collector  # noqa: E402
from provenance.extract.claims import build_analysis  # noqa: E402
from provenance.models import AnalysisResult, Article  # noqa: E402

__all__ = ["analyze"]


def analyze(article: Article) -> AnalysisResult:
    """Extract the claims of ``article`` with their sources, attributions and chains."""
    with paused_collector():
        return build_analysis(article)
