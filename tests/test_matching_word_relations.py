"""Paraphrases with other words: the matcher counts words WordNet relates as shared.

Outlets word one fact apart ("fired" / "dismissed"); before the WordNet table,
such a pair shared no more than a pair whose verbs disagree.
"""

from __future__ import annotations

from provenance.corpus.features import FEATURE_NAMES, claim_text, pair_features
from provenance.corpus.lexicon import senses
from provenance.corpus.normalize import stem

OVERLAP = FEATURE_NAMES.index("idf_overlap_words")


def _overlap(a: str, b: str) -> float:
    return pair_features(claim_text(a), claim_text(b))[OVERLAP]


def test_synonyms_and_derivations_share_a_sense_and_other_words_do_not() -> None:
    assert senses(stem("fired")) & senses(stem("dismissed"))
    assert senses(stem("convicted")) & senses(stem("conviction"))
    assert not senses(stem("monday")) & senses(stem("tuesday"))
    assert senses("qzxv") == frozenset()


def test_a_synonym_counts_as_a_shared_word_and_a_different_verb_does_not() -> None:
    claim = "The harbour board fired its director after the audit."
    synonym = _overlap(claim, "The harbour board dismissed its director after the audit.")
    other_verb = _overlap(claim, "The harbour board praised its director after the audit.")
    assert synonym > other_verb
    assert synonym == _overlap(claim, claim)
