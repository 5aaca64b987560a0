"""Cross-checking claims against a corpus: matching, independence, contradiction, the index.

Layered above extraction (corpus articles are analysed with the same pipeline
as the article under check) and below scoring, which reads the result.
"""

from provenance.corpus.crosscheck import build_index, crosscheck, load_corpus
from provenance.corpus.index import DEFAULT_INDEX_NAME, CorpusIndex
from provenance.corpus.match import MATCH_THRESHOLD

__all__ = ["DEFAULT_INDEX_NAME", "MATCH_THRESHOLD", "CorpusIndex", "build_index", "crosscheck", "load_corpus"]
