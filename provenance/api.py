"""The library's entry points: one function per job, each returning a pydantic model.

These functions are the edge between the pure core and the outside world: they
accept article targets (paths, and URLs once fetching lands) and leave rendering
and exit codes to the caller.
"""

from __future__ import annotations

from pathlib import Path

from provenance.corpus import (
    DEFAULT_INDEX_NAME,
    MATCH_THRESHOLD,
    CorpusIndex,
    build_index,
    crosscheck,
    load_corpus,
)
from provenance.extract import analyze
from provenance.ingest import read_article
from provenance.models import AnalysisResult, Article, CorpusIndexSummary, CrossCheckResult, SkippedFile


def load_article(target: str | Path, encoding: str = "utf-8") -> Article:
    """Load an article from a file path (every command reads its inputs through here)."""
    return read_article(target, encoding=encoding)


def analyze_path(target: str | Path, encoding: str = "utf-8") -> AnalysisResult:
    """Load the article at ``target`` and extract its claims and attribution chains."""
    return analyze(load_article(target, encoding=encoding))


def index_corpus(folder: str | Path, output: str | Path | None = None) -> CorpusIndexSummary:
    """Analyse every article under ``folder`` and write the corpus index (default: inside the folder)."""
    destination = Path(output) if output is not None else Path(folder) / DEFAULT_INDEX_NAME
    with build_index(folder, destination) as index:
        return CorpusIndexSummary(
            corpus=str(folder),
            index=str(destination),
            articles=index.article_count,
            claims=index.claim_count,
            skipped=[SkippedFile(path=path, problem=problem) for path, problem in index.skipped],
        )


def crosscheck_path(
    target: str | Path,
    corpus: str | Path | CorpusIndex,
    encoding: str = "utf-8",
    threshold: float = MATCH_THRESHOLD,
) -> CrossCheckResult:
    """Cross-check the article at ``target`` against a corpus folder, index file or open index."""
    analysis = analyze_path(target, encoding=encoding)
    if isinstance(corpus, CorpusIndex):
        return crosscheck(analysis, corpus, threshold)
    with load_corpus(corpus) as index:
        return crosscheck(analysis, index, threshold)
