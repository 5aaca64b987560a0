"""Fit the cue model's gate: the WordNet words too unlikely as cues to be worth judging, from PolNeAR train.

    python bench/fit_cue_gate.py                 # ../shared/polnear/train
    python bench/fit_cue_gate.py --train DIR

The cue model judges every verb of speech, thought and feeling WordNet knows
(about 10,900 forms), yet most of them ("tax", "debate", "out") never head a cue:
each makes the sentence holding it worth tokenising and costs a judgement. A
word's *prior* is what the model gives it wherever it stands: the weights of the
features of the word alone (its form, suffixes, kind and WordNet senses, and
the bias) plus, for each feature pairing it with a neighbour, the best such
pairing's weight when positive. The gate's floor is the lowest prior of a
WordNet word the model rightly accepts in train (where it judges words: outside
quotations and the attributions the rules read; rightly: the reading's cue is a
gold cue, for gating a word the model only ever accepts wrongly loses nothing),
less ``MARGIN``; the words of the
model's WordNet classes below it, other than the words it was trained on, are
listed in ``provenance/extract/learned/data/cue_gate.json`` and never judged.
The file records the digest of the cue model it was fitted for; a test fails
when the model changes without the gate being fitted again. The same inputs
give the same file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

from train_cue_model import documents, gold_cues, sentence_tokens, trimmed_cue

from provenance.extract.cues.learned import candidate_words, read_cue
from provenance.extract.cues.sentence import rule_attributions
from provenance.extract.learned import cue_feature_parts
from provenance.extract.learned.features import PAIR_FAMILIES, Feature, own_features
from provenance.extract.learned.model import CueModel, cue_model
from provenance.extract.learned.word_senses import verb_forms
from provenance.extract.segmentation import Token
from provenance.outputs import write_atomic

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "polnear"
DATA = ROOT / "provenance" / "extract" / "learned" / "data"
MODEL = DATA / "cue_model.json"
GATE = DATA / "cue_gate.json"
MARGIN = 0.5
"""How far below the lowest prior accepted in train the floor lies, in log-odds: room for unseen text."""


def priors(model: CueModel, words: frozenset[str]) -> dict[str, float]:
    """Give each word its prior: its own features' weights and its best positive pairing per pair family."""
    best: dict[Feature, float] = defaultdict(float)
    for parts, weight in model.weights_by_parts.items():
        if parts[0] in PAIR_FAMILIES:
            best[parts[:2]] = max(best[parts[:2]], weight)
    found = {}
    for word in sorted(words):
        features, first_class = own_features(word)
        pairings = [
            best.get((family, first_class if family.startswith("wn1_") else word), 0.0)
            for family in sorted(PAIR_FAMILIES)
        ]
        found[word] = model.score_parts(list(features)) + sum(pairings)
    return found


def lowest_accepted(model: CueModel, train: Path, prior: dict[str, float]) -> float:
    """Find the lowest prior of a word of ``prior`` that the model rightly accepts in ``train``."""
    lowest = float("inf")
    bar = model.threshold_score
    vocabulary = frozenset(prior)
    for article, gold in documents(train):
        cues = gold_cues(article.text, gold)
        for tokens, quotes in sentence_tokens(article):
            quoting = any(token.quoted for token in tokens)
            for index in candidate_words(tokens, rule_attributions(tokens, quotes), vocabulary):
                if (
                    prior[tokens[index].lower] < lowest
                    and model.score_parts(cue_feature_parts(tokens, index, quoting)) >= bar
                    and _rightly_read(tokens, index, quotes, model, cues)
                ):
                    lowest = prior[tokens[index].lower]
    return lowest


def _rightly_read(
    tokens: list[Token],
    index: int,
    quotes: list[tuple[int, int]],
    model: CueModel,
    cues: frozenset[tuple[int, int]],
) -> bool:
    """Tell whether the reading of the word at ``index`` has a gold cue as its cue."""
    reading = read_cue(tokens, index, quotes, model)
    return reading is not None and reading.cue is not None and trimmed_cue(tokens, *reading.cue) in cues


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--train", type=Path, default=POLNEAR / "train")
    options = parser.parse_args()
    if not (options.train / "text").is_dir():
        print(f"{options.train}: no PolNeAR split there (text/ expected)", file=sys.stderr)
        return 2
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    model = cue_model(gated=False)
    gated = verb_forms(frozenset(data["lexicon_classes"])) - frozenset(data["vocabulary"])
    prior = priors(model, gated & model.vocabulary)
    floor = round(lowest_accepted(model, options.train, prior) - MARGIN, 4)
    unlikely = sorted(word for word, value in prior.items() if value < floor)
    gate = {
        "cue_model_sha256": hashlib.sha256(MODEL.read_bytes()).hexdigest(),
        "margin": MARGIN,
        "floor": floor,
        "fitted_on": "PolNeAR v1.0.0 train split: the words the model judges",
        "unlikely": unlikely,
    }
    write_atomic(GATE, json.dumps(gate, indent=0, sort_keys=True) + "\n")
    print(f"floor {floor}: {len(unlikely)} of {len(prior)} WordNet words are never judged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
