"""The cue model: logistic regression weights over the features of ``features.py``, read from JSON.

``data/cue_model.json`` holds the candidate words (those seen as a cue's head in
training), the WordNet verb classes whose verbs are candidates too (so a verb
never seen in training is judged by what it means), the words of those classes
that training showed the model misjudges, the learned particles that a cue takes
along ("focused on"), the weights and the decision threshold;
``data/cue_model.meta.json`` says how they were made.
"""

from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass, field
from functools import cache
from itertools import repeat

from provenance.extract.learned.features import Feature, feature_parts
from provenance.extract.learned.shipped import shipped_text
from provenance.extract.learned.word_senses import verb_forms
from provenance.extract.segmentation import Token

__all__ = ["CueModel", "cue_model"]


@dataclass(frozen=True)
class CueModel:
    """A trained cue classifier: which words it considers, their weights and its threshold."""

    vocabulary: frozenset[str]
    particles: frozenset[tuple[str, str]]
    weights: dict[str, float]
    threshold: float
    weights_by_parts: dict[Feature, float] = field(default_factory=dict, compare=False, repr=False)
    """The weights keyed by their features' parts, filled from ``weights`` when the model is made.

    The parts are interned, as the family names a feature is built with are, so a
    lookup compares them by identity, not character by character (a tenth of scoring)."""

    def __post_init__(self) -> None:
        self.weights_by_parts.update(
            (tuple(map(sys.intern, feature_parts(name))), weight) for name, weight in self.weights.items()
        )

    def score(self, features: list[str]) -> float:
        """Sum the weights of a word's features: the log-odds that it heads a cue."""
        return sum(map(self.weights.get, features, repeat(0.0)))

    def score_parts(self, features: list[Feature]) -> float:
        """Sum the weights of features given as parts (``cue_feature_parts``), as ``score`` sums their names.

        The terms are the same and in the same order, so the sum is too; no feature's name is spelt.
        """
        return sum(map(self.weights_by_parts.get, features, repeat(0.0)))

    def probability(self, features: list[str]) -> float:
        """Give the model's probability that a word with these features heads a cue."""
        return 1.0 / (1.0 + math.exp(-self.score(features)))

    @property
    def threshold_score(self) -> float:
        """The score at which the probability reaches the threshold (so most words need no exponential)."""
        return _logit(self.threshold)

    def particle(self, tokens: list[Token], index: int) -> bool:
        """Tell whether the cue headed at ``index`` takes the next word along ("pointing to", "split on")."""
        return index + 1 < len(tokens) and (tokens[index].lower, tokens[index + 1].lower) in self.particles


def _logit(probability: float) -> float:
    if probability <= 0.0:
        return -math.inf
    if probability >= 1.0:
        return math.inf
    return math.log(probability / (1.0 - probability))


@cache
def cue_model(gated: bool = True) -> CueModel:
    """Load the shipped cue model (``data/cue_model.json``).

    ``gated`` leaves out of its words the WordNet words too unlikely as cues to be
    worth judging (``data/cue_gate.json``, fitted by ``bench/fit_cue_gate.py``).
    """
    data = json.loads(shipped_text("cue_model.json"))
    meaning = verb_forms(frozenset(data["lexicon_classes"])) - frozenset(data["refused"])
    if gated:
        meaning -= frozenset(json.loads(shipped_text("cue_gate.json"))["unlikely"])
    return CueModel(
        frozenset(data["vocabulary"]) | meaning,
        frozenset((first, second) for first, second in data["particles"]),
        {feature: float(weight) for feature, weight in data["weights"].items()},
        float(data["threshold"]),
    )
