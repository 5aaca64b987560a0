"""Cross-checking claims against a corpus: matching, independence, contradiction, the index.

Layered above extraction (corpus articles are analysed with the same pipeline
as the article under check) and below scoring, which reads the result.
"""

from provenance.corpus.crosscheck import UNDATED_SCORE, build_index, crosscheck, crosscheck_many, load_corpus
from provenance.corpus.index import DEFAULT_INDEX_NAME, CorpusIndex
from provenance.corpus.match import MATCH_THRESHOLD, ClaimComparison, compare_claims

__all__ = [
    "DEFAULT_INDEX_NAME",
    "MATCH_THRESHOLD",
    "UNDATED_SCORE",
    "ClaimComparison",
    "CorpusIndex",
    "build_index",
    "compare_claims",
    "crosscheck",
    "crosscheck_many",
    "load_corpus",
]
