"""Whether two claims state the same thing: a calibrated decision over rapidfuzz and lexical features.

A single fuzzy score fails on real news in known ways: ``token_set_ratio``
rates 100 any long sentence that contains a short claim's words, templates
("… Wins South Dakota Primary" / "… Delaware Primary") and shared names score
high, and paraphrases with other words score low. The matcher combines the
features of ``features`` (rapidfuzz scorers, n-gram overlap, IDF-weighted
content overlap with names apart, numbers, dates, negation) in two models
fitted on real news pairs (MRPC train and the ECB+ claim pairs of the dev
gold) by ``bench/fit_matcher.py``: a logistic regression (one weighted sum)
and a small ensemble of gradient-boosted trees (which read the features
together). Both, with their provenance, are the data file
``data/matcher.json``, read here in pure Python. The score is the mean of
their probabilities that the two sentences state the same claim.

Contradictions are judged only between sentences about the same event: the
pair's score with the conflicting values masked out (numbers, months,
negations) must reach ``event_threshold()``; ``contradiction.value_conflict``
then names the asserted value they disagree on.
"""

from __future__ import annotations

import json
import math
import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from pydantic import Field

from provenance.corpus.contradiction import AGE_REASON, NEGATION_REASON, strip_noise, value_conflict
from provenance.corpus.features import (
    CHARACTER_FEATURE,
    FEATURE_NAMES,
    ClaimText,
    character_overlap,
    claim_text,
    pair_features,
    word_features,
)
from provenance.models import Model

__all__ = [
    "MATCH_THRESHOLD",
    "MIN_TOKENS",
    "PROPOSITION_THRESHOLD",
    "ClaimComparison",
    "compare_candidate",
    "compare_claims",
    "compare_texts",
    "event_threshold",
    "match_score",
    "prefilter_cutoff",
    "probability",
    "score_bound",
]

MATCH_THRESHOLD = 50.0
"""Score (0-100, the model's probability in percent) at and above which two claims state the same thing."""

PROPOSITION_THRESHOLD = 50.0
"""The masked score a negation conflict needs: the same proposition, not just the same event.

An age conflict needs none: the person named in full on both sides is what
makes the two reports one fact ("Ada Quist, 32," / "31-year-old Ada Quist").
"""

MIN_TOKENS = 3
"""Claims with fewer content words ("Germany rejected it") are too short to match reliably."""

_MASK = re.compile(
    r"\$?\d[\d,.:-]*%?|\b(?:january|february|march|april|june|july|august|september|october|november"
    r"|december|not|no|never|n't|won|lost|win|lose)\b",
    re.IGNORECASE,
)


class ClaimComparison(Model):
    """The matcher's verdict on two claims."""

    same_claim: bool = Field(description="whether the two state the same claim (score at or above threshold)")
    score: float = Field(ge=0, le=100, description="the calibrated match score: the probability, in percent")
    contradiction: str | None = Field(
        default=None, description="the asserted value they disagree on, when both report the same event"
    )


class _Tree(NamedTuple):
    """One regression tree as flat node lists: a leaf has feature -1 and holds the tree's output."""

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class _Model:
    weights: tuple[float, ...]
    intercept: float
    initial: float
    rate: float
    trees: tuple[_Tree, ...]
    prefilter: float
    event: float


@lru_cache(maxsize=1)
def _model() -> _Model:
    data = json.loads(resources.files("provenance.corpus").joinpath("data/matcher.json").read_text("utf-8"))
    if tuple(data["features"]) != FEATURE_NAMES:
        raise RuntimeError("data/matcher.json was fitted on other features: run bench/fit_matcher.py")
    trees = tuple(
        _Tree(
            tuple(int(node) for node in tree["feature"]),
            tuple(float(node) for node in tree["threshold"]),
            tuple(int(node) for node in tree["left"]),
            tuple(int(node) for node in tree["right"]),
            tuple(float(node) for node in tree["value"]),
        )
        for tree in data["trees"]
    )
    return _Model(
        tuple(float(weight) for weight in data["weights"]),
        float(data["intercept"]),
        float(data["initial"]),
        float(data["learning_rate"]),
        trees,
        float(data["prefilter_token_set"]),
        float(data["event_threshold"]),
    )


def probability(features: list[float]) -> float:
    """Give the model's probability (0-1) that a pair with these features states one claim.

    The mean of the logistic regression's and the trees' probabilities; the
    trees read the features rounded to 32-bit floats, as they were fitted on them.
    """
    return _probability(features, _tree_sum(None))


def _probability(features: list[float], trees: Callable[[list[float]], float]) -> float:
    model = _model()
    linear = model.intercept + sum(
        weight * value for weight, value in zip(model.weights, features, strict=True)
    )
    total = trees(array("f", features).tolist())
    return (_sigmoid(linear) + _sigmoid(model.initial + model.rate * total)) / 2


@lru_cache(maxsize=2)
def _tree_sum(unknown: int | None) -> Callable[[list[float]], float]:
    """Compile the trees into one Python expression that sums their outputs for a feature vector.

    Walking the node lists costs a few interpreter steps per node, the largest
    part of the model's time per pair; the expression makes the same
    comparisons and adds the leaves in the same order (so the same float), with
    no loop. It is built from the fitted numbers only (``repr`` of a float reads
    back exactly). With an ``unknown`` feature (any value in [0, 1]), a split on
    it takes the larger of the branches that value can reach: the sum is then
    the most the trees can give.
    """

    def node(tree: _Tree, at: int) -> str:
        feature, threshold = tree.feature[at], tree.threshold[at]
        if feature < 0:
            return repr(tree.value[at])
        below, above = node(tree, tree.left[at]), node(tree, tree.right[at])
        if feature != unknown:
            return f"({below} if x[{feature}] <= {threshold!r} else {above})"
        if threshold < 0:
            return above
        return below if threshold >= 1 else f"max({below}, {above})"

    source = " + ".join(["0.0", *(node(tree, 0) for tree in _model().trees)])
    compiled: Callable[[list[float]], float] = eval(f"lambda x: {source}")
    return compiled


def _sigmoid(logit: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, logit))))


def match_score(left: ClaimText, right: ClaimText) -> float:
    """Score (0-100) how likely two read claims state the same thing."""
    return 100.0 * probability(pair_features(left, right))


def score_bound(features: list[float]) -> float:
    """Bound from above the score of a pair whose features but the character overlap are known.

    ``features`` as ``features.word_features`` gives them. The overlap may be
    anything in [0, 1]: the weighted sum takes it at the end its weight favours,
    each tree the larger branch a split on it can reach. Each step (products,
    sums, the sigmoid, the mean) is monotone in floating point too, so no pair's
    ``match_score`` is above the bound, not even by a rounding.
    """
    model = _model()
    if model.rate <= 0:
        raise RuntimeError(
            "data/matcher.json has a learning rate that is not positive: run bench/fit_matcher.py"
        )
    favoured = list(features)
    favoured[CHARACTER_FEATURE] = 1.0 if model.weights[CHARACTER_FEATURE] > 0 else 0.0
    return 100.0 * _probability(favoured, _tree_sum(CHARACTER_FEATURE))


def compare_candidate(
    left: ClaimText, right: ClaimText, left_sentence: str, right_sentence: str, threshold: float, values: bool
) -> ClaimComparison | None:
    """Compare as ``compare_texts`` does, or return ``None`` for a pair that can neither match nor conflict.

    ``values=False`` says ``contradiction.may_conflict`` ruled a conflict out;
    a pair with no conflict whose ``score_bound`` rounds under ``threshold``
    scores under it too, and its character 4-grams are never read.
    """
    conflict = _conflict(left_sentence, right_sentence) if values else None
    features = word_features(left, right)
    if conflict is None and round(score_bound(features), 2) < threshold:
        return None
    features[CHARACTER_FEATURE] = character_overlap(left, right)
    return _verdict(100.0 * probability(features), conflict)


def compare_texts(
    left: ClaimText, right: ClaimText, left_sentence: str, right_sentence: str
) -> ClaimComparison:
    """Compare two claims already read with ``claim_text`` (the index reads each stored claim once)."""
    return _verdict(match_score(left, right), _conflict(left_sentence, right_sentence))


def _verdict(score: float, conflict: str | None) -> ClaimComparison:
    return ClaimComparison(same_claim=score >= MATCH_THRESHOLD, score=round(score, 2), contradiction=conflict)


def _conflict(left_sentence: str, right_sentence: str) -> str | None:
    """Name the value two sentences disagree on, when they report one event (``event_threshold``)."""
    conflict = value_conflict(left_sentence, right_sentence)
    if conflict is not None:
        if conflict.startswith(NEGATION_REASON):
            needed = PROPOSITION_THRESHOLD
        elif conflict.startswith(AGE_REASON):
            needed = 0.0
        else:
            needed = event_threshold()
        if needed and event_score(left_sentence, right_sentence) < needed:
            conflict = None
    return conflict


def compare_claims(a: str, b: str) -> ClaimComparison:
    """Decide whether two claims state the same thing, and whether they contradict each other.

    ``score`` is calibrated on real news pairs: about half the pairs scored 50
    state the same claim. ``contradiction`` names the asserted value two
    reports of one event disagree on ("figures differ: '60m' against '150
    meters'"); it is never set for a question, an id, a URL or markup.
    """
    return compare_texts(claim_text(a), claim_text(b), a, b)


def event_score(left: str, right: str) -> float:
    """Score two sentences with their numbers, months, outcomes and negations masked out.

    A high score says the two report one event, whatever values they give it.
    """
    return match_score(claim_text(_mask(left)), claim_text(_mask(right)))


def _mask(sentence: str) -> str:
    return _MASK.sub(" ", strip_noise(sentence))


def event_threshold() -> float:
    """Give the masked score at and above which two sentences report the same event.

    Chosen with the weights by ``bench/fit_matcher.py`` on the ECB+ claim
    pairs of the dev gold: the score that best tells pairs about one event
    (``yes`` or ``partial``) from pairs of different claims (``no``), by
    Youden's J (the share of the first that pass less the share of the
    second). Real conflicting reports of one event ("fell about 60 m" / "fell
    150 meters") score 20-65 with their figures masked, as outlets word them
    differently; a fixed figure fell in and out of that range from one fit to
    the next.
    """
    return _model().event


def prefilter_cutoff() -> float:
    """Give the ``token_set_ratio`` under which no fitting pair matched or contradicted (a safe pre-filter).

    Set by ``bench/fit_matcher.py`` and stored with the weights: the index
    skips the model for candidates under it.
    """
    return _model().prefilter
