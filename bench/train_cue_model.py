"""Train the cue model from PolNeAR train and choose its threshold on dev.

    python bench/train_cue_model.py                      # ../shared/polnear/{train,dev}
    python bench/train_cue_model.py --train DIR --dev DIR

Writes ``provenance/extract/learned/data/cue_model.json`` (vocabulary, particles,
weights, threshold) and ``cue_model.meta.json`` (what it was trained on, the
features, the dev figures). The weights are fitted on train only; dev is used
to choose the decision threshold: the one whose smallest gain over the rules
alone, among the three headline document figures, is largest. The same inputs give the same files.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import sklearn
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from provenance.brat import BratAttribution, parse_ann
from provenance.extract.cues.learned import candidate_words
from provenance.extract.cues.sentence import rule_attributions
from provenance.extract.learned import cue_features, cue_head
from provenance.extract.segmentation import Token, quotations, sentences, tokenize
from provenance.ingest import read_article
from provenance.models import Article
from provenance.outputs import write_atomic

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "polnear"
MODEL = ROOT / "provenance" / "extract" / "learned" / "data" / "cue_model.json"
META = MODEL.with_suffix(".meta.json")
MIN_HEAD_COUNT = 2
"""A word must head a gold cue this often in train to be a candidate at all."""
PARTICLE_SHARE = 0.5
"""A word after a head joins the cue when the gold cues take it along at least this often."""
REGULARISATION = 0.5
THRESHOLDS = [round(0.30 + 0.05 * step, 2) for step in range(11)]
FEATURES = [
    "the word; its last three letters; its shape (capitalised, lower case, mark)",
    "its kind in the cue lexicon, if any",
    "the word before and its class; the class of the word two before",
    "the word after and its class; the class of the word two after",
    "the word with the word after; the word with the class of the word before",
    "whether it opens the sentence; a quotation mark within three words after; 'that' within five",
    "whether the sentence holds a quotation",
]


def documents(split: Path) -> Iterator[tuple[Article, list[BratAttribution]]]:
    """Yield each text of a PolNeAR split with its first annotator's attributions."""
    for path in sorted((split / "text").glob("*.txt")):
        article = read_article(path)
        ann = sorted((split / "attributions").glob(f"{path.stem}_*.ann"))[0]
        yield article, parse_ann(ann.read_text(encoding="utf-8"), article.text, str(ann))


def sentence_tokens(article: Article) -> Iterator[tuple[list[Token], list[tuple[int, int]]]]:
    """Yield the tokens and quotations of every sentence, read as the extractor reads them."""
    spans = [section.span for section in article.sections if section.name != "source"] or article.paragraphs
    for section in spans:
        quotes = quotations(article.text, section.start, section.end)
        for start, end in sentences(article.text, section.start, section.end):
            yield tokenize(article.text, start, end, quotes), quotes


def gold_heads(tokens: list[Token], gold: list[BratAttribution]) -> dict[int, int]:
    """Map each gold cue's head token in a sentence to the number of words the cue runs past it."""
    heads: dict[int, int] = {}
    for attribution in gold:
        if not attribution.cue:
            continue
        first = attribution.cue[0]
        inside = [index for index, token in enumerate(tokens) if first.start <= token.start < first.end]
        if not inside:
            continue
        head = cue_head(tokens, inside[0], inside[-1] + 1)
        if head is not None:
            heads[head] = inside[-1] - head
    return heads


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--train", type=Path, default=POLNEAR / "train")
    parser.add_argument("--dev", type=Path, default=POLNEAR / "dev")
    options = parser.parse_args()
    for split in (options.train, options.dev):
        if not (split / "text").is_dir():
            print(f"{split}: no PolNeAR split there (text/ and attributions/ expected)", file=sys.stderr)
            return 2
    corpus = [
        (tokens, quotes, gold_heads(tokens, gold))
        for article, gold in documents(options.train)
        for tokens, quotes in sentence_tokens(article)
    ]
    head_counts: Counter[str] = Counter()
    taken: Counter[tuple[str, str]] = Counter()
    followed: Counter[tuple[str, str]] = Counter()
    for tokens, _, heads in corpus:
        for head, extent in heads.items():
            head_counts[tokens[head].lower] += 1
            if head + 1 < len(tokens) and tokens[head + 1].is_word:
                pair = (tokens[head].lower, tokens[head + 1].lower)
                followed[pair] += 1
                taken[pair] += extent == 1
    vocabulary = frozenset(word for word, count in head_counts.items() if count >= MIN_HEAD_COUNT)
    particles = sorted(
        pair for pair, count in taken.items() if count >= 2 and count >= PARTICLE_SHARE * followed[pair]
    )
    rows: list[dict[str, int]] = []
    labels: list[int] = []
    words: list[str] = []
    for tokens, quotes, heads in corpus:
        for index in candidate_words(tokens, rule_attributions(tokens, quotes), vocabulary):
            rows.append(dict.fromkeys(cue_features(tokens, index), 1))
            labels.append(int(index in heads))
            words.append(tokens[index].lower)
    vectoriser = DictVectorizer()
    matrix = vectoriser.fit_transform(rows)
    classifier = LogisticRegression(C=REGULARISATION, fit_intercept=False, max_iter=2000)
    classifier.fit(matrix, labels)
    weights = {
        name: round(float(weight), 4)
        for name, weight in zip(vectoriser.get_feature_names_out(), classifier.coef_[0], strict=True)
        if abs(weight) >= 0.001
    }
    best_in_train: dict[str, float] = {}
    for word, probability in zip(words, classifier.predict_proba(matrix)[:, 1], strict=True):
        best_in_train[word] = max(best_in_train.get(word, 0.0), float(probability))
    model: dict[str, object] = {
        "vocabulary": [],
        "particles": [list(pair) for pair in particles],
        "weights": dict(sorted(weights.items())),
        "threshold": 1.0,
    }
    rules_only = _figures(model, options.dev)
    print(f"dev, rules only: {rules_only}")
    best_threshold, best = 1.0, rules_only
    for threshold in THRESHOLDS:
        kept = sorted(word for word, probability in best_in_train.items() if probability >= threshold)
        figures = _figures({**model, "vocabulary": kept, "threshold": threshold}, options.dev)
        print(f"dev, threshold {threshold} ({len(kept)} words): {figures}")
        if _worth(figures, rules_only) > _worth(best, rules_only):
            best_threshold, best = threshold, figures
    model["vocabulary"] = sorted(
        word for word, probability in best_in_train.items() if probability >= best_threshold
    )
    model["threshold"] = best_threshold
    write_atomic(MODEL, json.dumps(model, indent=0, sort_keys=True) + "\n")
    meta = {
        "model": "logistic regression (scikit-learn, L2, no intercept: a 'bias' feature instead)",
        "scikit_learn": sklearn.__version__,
        "regularisation_C": REGULARISATION,
        "trained_on": {
            "corpus": "PolNeAR v1.0.0 train split (first annotator per text)",
            "documents": sum(1 for _ in (options.train / "text").glob("*.txt")),
            "candidates": len(labels),
            "cue_heads_among_candidates": sum(labels),
        },
        "candidates": (
            f"words heading a gold cue at least {MIN_HEAD_COUNT} times in train, lower case, outside "
            "quotations and outside the attributions the rules found; kept in the shipped vocabulary "
            "only when the model accepts the word somewhere in train at the chosen threshold"
        ),
        "features": FEATURES,
        "vocabulary": len(model["vocabulary"]),
        "particles": len(particles),
        "weights": len(weights),
        "threshold": best_threshold,
        "threshold_chosen_on": (
            "PolNeAR dev: the largest smallest gain over the rules alone among document-level source exact, "
            "cue exact and content soft F1, then the largest sum"
        ),
        "dev_rules_only": rules_only,
        "dev_with_model": best,
    }
    write_atomic(META, json.dumps(meta, indent=2) + "\n")
    print(f"threshold {best_threshold}; wrote {MODEL.relative_to(ROOT)} and {META.relative_to(ROOT)}")
    return 0


def _worth(figures: dict[str, float], rules_only: dict[str, float]) -> tuple[float, float]:
    """Rank dev figures: by the smallest gain over the rules alone (no role may fall), then by the sum."""
    gains = [figures[name] - rules_only[name] for name in rules_only]
    return min(gains), sum(gains)


def _figures(model: dict[str, object], dev: Path) -> dict[str, float]:
    """Write a candidate model and score the extractor with it on dev (document-level headline figures).

    The scoring runs in a fresh process, so nothing loaded from an earlier candidate lingers.
    """
    write_atomic(MODEL, json.dumps(model, sort_keys=True) + "\n")
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "figures.json"
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "polnear_eval.py"), str(dev), "--output", str(output)],
            check=True,
            capture_output=True,
        )
        figures: dict[str, float] = json.loads(output.read_text(encoding="utf-8"))["figures"]
    return figures


if __name__ == "__main__":
    sys.exit(main())
