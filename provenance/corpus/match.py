"""Similarity between two normalised claims, and the contradiction test on a matched pair.

The similarity is the mean of two rapidfuzz scorers on the normal form:

* ``token_sort_ratio`` compares the sorted token strings: word order does not
  matter, but extra or missing content lowers the score;
* ``token_set_ratio`` compares the shared tokens with each side's remainder: a
  relay that adds context around the claim ("…, as Kyiv prepares for talks")
  still scores high.

Either alone fails in a known way (sort penalises a relay's added clause, set
rates any sentence that contains a short claim's words at 100); their mean keeps
reordered and extended paraphrases above ``MATCH_THRESHOLD`` and same-topic
sentences below it. The threshold was chosen on the labelled pairs in
``tests/data/claim_pairs.jsonl`` (see the README for precision and recall).
"""

from __future__ import annotations

from rapidfuzz import fuzz

from provenance.corpus.normalize import NormalisedClaim

__all__ = ["MATCH_THRESHOLD", "MIN_TOKENS", "contradiction", "similarity"]

MATCH_THRESHOLD = 72.0
"""Similarity (0-100) at and above which two claims are taken to state the same thing."""

MIN_TOKENS = 3
"""Claims with fewer content words ("Germany rejected it") are too short to match reliably."""


def similarity(left: str, right: str) -> float:
    """Score two normal forms 0-100 with the documented scorer combination."""
    return (fuzz.token_sort_ratio(left, right) + fuzz.token_set_ratio(left, right)) / 2


def contradiction(claim: NormalisedClaim, other: NormalisedClaim) -> str | None:
    """Say why a matched pair contradicts itself, or ``None`` when it agrees.

    Two tests, both only meaningful on a pair that already matched:

    * a number mismatch: both state quantities and neither set contains the
      other ("5-8" against "12-15"; a relay that drops a number is no conflict);
    * a negation mismatch: one side negates words the other side asserts and
      the other side negates nothing ("Poland is not among the nations willing"
      against "Poland is among the nations willing"). When both sides negate
      something the pair is left alone: relays often keep one negation and drop
      another, and telling which negation governs what needs a parser.
    """
    if (
        claim.numbers
        and other.numbers
        and not claim.numbers <= other.numbers
        and not other.numbers <= claim.numbers
    ):
        ours = ", ".join(sorted(claim.numbers))
        theirs = ", ".join(sorted(other.numbers))
        return f"number mismatch: {ours} in the claim, {theirs} in the match"
    if bool(claim.negated) == bool(other.negated):
        return None
    negating, asserting = (claim, other) if claim.negated else (other, claim)
    flipped = sorted(negating.negated & set(asserting.tokens))
    if not flipped:
        return None
    words = ", ".join(repr(word) for word in flipped)
    if negating is claim:
        return f"negation mismatch: {words} negated in the claim, asserted in the match"
    return f"negation mismatch: {words} asserted in the claim, negated in the match"
