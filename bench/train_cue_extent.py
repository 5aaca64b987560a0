"""Train the cue-extent model (where a found cue ends) from PolNeAR train; measure it on dev.

    python bench/train_cue_extent.py                      # ../shared/polnear/{train,dev}
    python bench/train_cue_extent.py --train DIR --dev DIR --sentences FILE

Writes ``provenance/extract/learned/data/cue_extent.json`` (reach and weights) and
``cue_extent.meta.json`` (what it was trained on, the features, the dev figures).
Every cue the rules and the cue model find in a train sentence whose first word
is a gold cue's first word gives one example per place it may end; the place
where the gold cue ends is the positive one. The weights are fitted on train
only; dev chooses the regularisation, by the largest smallest gain over no model
among the document-level and sentence-level figures, among the choices under which
no source-type figure (``bench/source_types_eval.py``) falls below its record.
The same inputs give the same files.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import sklearn
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from train_cue_model import (
    ROOT,
    _admissible,
    _source_types,
    _worth,
    dev_figures,
    documents,
    gold_cues,
    polnear_options,
    sentence_tokens,
)

from provenance.extract.cues.learned import CuePlaces, cue_places, learned_attributions
from provenance.extract.cues.sentence import rule_attributions
from provenance.extract.learned import cue_model
from provenance.extract.learned.cue_extent import CueExtentModel, extent_features
from provenance.extract.segmentation import Token
from provenance.outputs import write_atomic

MODEL = ROOT / "provenance" / "extract" / "learned" / "data" / "cue_extent.json"
META = MODEL.with_suffix(".meta.json")
REACH = 2
"""How many words past its reader's end a cue may run."""
REGULARISATIONS = [0.3, 1.0, 3.0, 10.0]
FEATURES = [
    "whether the place keeps or extends the reader's cue, with the head; by how many words",
    "the cue's last word at that place and its class (a time word, pronoun, name, ...), with the head",
    "the word after the place and its class, with the head and with the last word's class",
    "the words an extension adds and their classes",
    "whether a content opens right after the place, and whether an extension runs into the content",
    "for a cue the cue model found: whether the place keeps or extends it, its last word and its class",
]


Example = tuple[list[Token], CuePlaces]


def examples(split: Path) -> tuple[list[dict[str, int]], list[int], list[Example]]:
    """Collect the places every found cue of a split may end at, labelled by the gold cue it starts."""
    rows: list[dict[str, int]] = []
    labels: list[int] = []
    cues_seen: list[Example] = []
    model = cue_model()
    for article, gold in documents(split):
        cues = gold_cues(article.text, gold)
        starts = dict(cues)
        for tokens, quotes in sentence_tokens(article):
            found = rule_attributions(tokens, quotes)
            found += learned_attributions(tokens, quotes, found, model)
            for attribution in found:
                places = cue_places(tokens, attribution, found)
                if places is None or tokens[places.first].start not in starts:
                    continue
                gold_end = starts[tokens[places.first].start]
                candidates = range(places.end, min(places.limit, places.end + REACH) + 1)
                if not any(tokens[place - 1].end == gold_end for place in candidates):
                    continue
                cues_seen.append((tokens, places))
                for place in candidates:
                    features = extent_features(
                        tokens, places.head, places.end, place, places.content_start, places.learned
                    )
                    rows.append(dict.fromkeys(features, 1))
                    labels.append(int(tokens[place - 1].end == gold_end))
    return rows, labels, cues_seen


def main() -> int:
    options = polnear_options(__doc__)
    if options is None:
        return 2
    rows, labels, cues_seen = examples(options.train)
    vectoriser = DictVectorizer()
    matrix = vectoriser.fit_transform(rows)
    MODEL.unlink(missing_ok=True)
    without = _figures_with(None, frozenset(), options)
    print(f"dev, no cue-extent model: {without}", flush=True)
    best: tuple[float, dict[str, float], dict[str, float]] | None = None
    for regularisation in REGULARISATIONS:
        classifier = LogisticRegression(C=regularisation, max_iter=3000)
        classifier.fit(matrix, labels)
        weights = {
            name: round(float(weight), 4)
            for name, weight in zip(vectoriser.get_feature_names_out(), classifier.coef_[0], strict=True)
            if abs(weight) >= 0.001
        }
        figures = _figures_with(weights, _openers(weights, cues_seen), options)
        typing = _source_types()
        print(f"dev, C {regularisation} ({len(weights)} weights): {figures} {typing}", flush=True)
        if _admissible(typing) and (best is None or _worth(figures, without) > _worth(best[2], without)):
            best = (regularisation, weights, figures)
    if best is None or _worth(best[2], without)[0] < 0:
        MODEL.unlink(missing_ok=True)
        print("no choice keeps every figure: no cue-extent model written")
        return 1
    regularisation, weights, figures = best
    openers = _openers(weights, cues_seen)
    _write(weights, openers)
    meta = {
        "model": "logistic regression over the places a cue may end (scikit-learn, L2); the likeliest wins",
        "scikit_learn": sklearn.__version__,
        "regularisation_C": regularisation,
        "regularisation_chosen_from": REGULARISATIONS,
        "reach": REACH,
        "trained_on": {
            "corpus": "PolNeAR v1.0.0 train split (first annotator per text)",
            "documents": sum(1 for _ in (options.train / "text").glob("*.txt")),
            "cues": len(cues_seen),
            "places": len(labels),
        },
        "examples": (
            "every cue the rules and the cue model find in train whose first word is a gold cue's first word "
            "and whose gold end is among its places; the gold end is the positive place"
        ),
        "features": FEATURES,
        "weights": len(weights),
        "openers": len(openers),
        "openers_are": (
            "the words the fitted model runs a train cue on over first; a cue followed by any other word "
            "keeps its end unjudged (most cues, so the model costs little)"
        ),
        "chosen_on": (
            "PolNeAR dev: the largest smallest gain over no model among document-level source exact, cue "
            "exact and content soft F1 and sentence-level trimmed source, cue and content F1, then the "
            "largest sum, among the choices under which no source-type figure on the hand-labelled dev "
            "sources falls below bench/source-types-dev.json"
        ),
        "dev_without": without,
        "dev_with": figures,
    }
    write_atomic(META, json.dumps(meta, indent=2) + "\n")
    print(f"C {regularisation}; wrote {MODEL.relative_to(ROOT)} and {META.relative_to(ROOT)}")
    return 0


def _openers(weights: dict[str, float], cues: list[Example]) -> frozenset[str]:
    """List the words the model runs a train cue on over first (a cue before any other is not judged)."""
    model = CueExtentModel(weights, REACH, frozenset())
    return frozenset(
        tokens[places.end].lower
        for tokens, places in cues
        if model.end(tokens, places.head, places.end, places.limit, places.content_start, places.learned)
        > places.end
    )


def _write(weights: dict[str, float], openers: frozenset[str]) -> None:
    model = {"openers": sorted(openers), "reach": REACH, "weights": dict(sorted(weights.items()))}
    write_atomic(MODEL, json.dumps(model, indent=0) + "\n")


def _figures_with(
    weights: dict[str, float] | None, openers: frozenset[str], options: argparse.Namespace
) -> dict[str, float]:
    """Score the extractor on dev with these weights (None: without the model)."""
    if weights is None:
        MODEL.unlink(missing_ok=True)
    else:
        _write(weights, openers)
    return dev_figures(options.dev, options.sentences)


if __name__ == "__main__":
    sys.exit(main())
