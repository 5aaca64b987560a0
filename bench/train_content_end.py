"""Train the content-end model from PolNeAR train.

    python bench/train_content_end.py                    # ../shared/polnear/train
    python bench/train_content_end.py --train DIR --folds 5

Writes ``provenance/extract/learned/data/content_end.json`` (the weights) and
``content_end.meta.json`` (what it was trained on, the features, the figures on
held-out folds of train). Examples come from the extractor's own attributions on
train: for every content after its cue whose cue and start match a gold
attribution's, each place the content may end (``end_candidates``) up to the gold
end is an example, labelled "ends here" at the gold end and "runs on" before it.
``--folds`` first measures, on held-out folds of train's texts, how often the
model's end is the gold one against the rules' end. The same inputs give the same files.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import sklearn
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from train_cue_model import POLNEAR, ROOT, _trim, documents, sentence_tokens

from provenance.brat import BratAttribution
from provenance.extract.cues.content import following_contents
from provenance.extract.cues.learned import learned_attributions
from provenance.extract.cues.sentence import rule_attributions
from provenance.extract.learned import cue_model
from provenance.extract.learned.content_end import ContentEndModel, cuttable, end_places, word_end
from provenance.extract.segmentation import Token
from provenance.outputs import write_atomic

MODEL = ROOT / "provenance" / "extract" / "learned" / "data" / "content_end.json"
META = MODEL.with_suffix(".meta.json")
REGULARISATION = 0.1
MIN_WEIGHT = 0.01
"""Weights smaller than this change no decision worth keeping and are left out of the shipped file."""
FEATURES = [
    "the token at the place (a mark or a joining word)",
    "the word after and its class; the token with the word after, and with its class",
    "where the rules end the content (at, before or after the place), alone and with the token",
    "how many words the content holds so far, how many words are left before the limit",
    "the cue's last word; how the content opens ('that', 'to', a word class)",
    "the words up to the next place: how many and whether a verb, alone and with the token",
    "whether the content so far is a 'that' or 'to' clause, a quotation, a clause or a noun phrase, alone, "
    "with the token, and with the token and where the rules end it",
]


@dataclass
class Content:
    """A content of the extractor's that matches a gold one at its cue and start: its places and ends."""

    document: int
    places: list[tuple[list[str], int]]
    """Each place's features with the character where the content would end there."""
    gold_end: int
    rule_end: int
    cuttable: bool
    """Whether the model may end it before the rules' end too (an infinitive)."""

    def examples(self) -> Iterator[tuple[list[str], int]]:
        """Label the places up to the gold end: 1 at the gold end, 0 before it."""
        for features, end in self.places:
            if end > self.gold_end:
                return
            yield features, int(end == self.gold_end)
            if end == self.gold_end:
                return


def gold_ends(text: str, gold: list[BratAttribution]) -> dict[tuple[int, int], dict[int, int]]:
    """Map each gold cue (trimmed) to its content fragments' trimmed starts and ends."""
    ends: dict[tuple[int, int], dict[int, int]] = {}
    for attribution in gold:
        if len(attribution.cue) != 1 or not attribution.content:
            continue
        cue = _trim(text, attribution.cue[0].start, attribution.cue[0].end)
        fragments = [_trim(text, span.start, span.end) for span in attribution.content]
        ends.setdefault(cue, {}).update({start: end for start, end in fragments if end > start})
    return ends


def _word_span(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """Give the characters of tokens ``[start, end)`` from the first word to the last (as gold is trimmed)."""
    end = word_end(tokens, end)
    while start < end and not tokens[start].is_word:
        start += 1
    return (tokens[start].start, tokens[end - 1].end) if start < end else (-1, -1)


def contents(split: Path) -> Iterator[Content]:
    """Yield every content of the extractor's on ``split`` that follows its cue and matches gold's start."""
    model = cue_model()
    for document, (article, gold) in enumerate(documents(split)):
        text = article.text
        by_cue = gold_ends(text, gold)
        for tokens, quotes in sentence_tokens(article):
            if not tokens:
                continue
            found = rule_attributions(tokens, quotes)
            found = found + learned_attributions(tokens, quotes, found, model)
            for content in following_contents(tokens, found):
                cue = content.attribution.cue
                assert cue is not None
                start_char, rule_char = _word_span(tokens, content.start, content.rule_end)
                gold_end = by_cue.get(_trim(text, *cue), {}).get(start_char)
                if gold_end is None:
                    continue
                places = [
                    (features, _word_span(tokens, content.start, index)[1])
                    for index, features in end_places(
                        tokens, content.start, content.rule_end, content.limit, content.cue_word
                    )
                ]
                yield Content(document, places, gold_end, rule_char, cuttable(tokens, content.start))


def fit(found: list[Content]) -> dict[str, float]:
    """Fit the logistic regression on the labelled places of ``found``; return its weights by feature name."""
    rows = [example for content in found for example in content.examples()]
    vectoriser = DictVectorizer()
    matrix = vectoriser.fit_transform([dict.fromkeys(features, 1) for features, _ in rows])
    classifier = LogisticRegression(C=REGULARISATION, fit_intercept=False, max_iter=3000)
    classifier.fit(matrix, [label for _, label in rows])
    names = vectoriser.get_feature_names_out()
    return {
        str(name): round(float(weight), 4)
        for name, weight in zip(names, classifier.coef_[0], strict=True)
        if abs(weight) >= MIN_WEIGHT
    }


def chosen_end(model: ContentEndModel, content: Content) -> int:
    """Give the character where the model ends a content: the rules' end or a likelier later place.

    An infinitive may end at a likelier earlier place too (``cuttable``).
    """
    if content.cuttable:
        return model.likeliest((end, features) for features, end in content.places)
    later = ((end, features) for features, end in content.places if end >= content.rule_end)
    return max(model.likeliest(later), content.rule_end)


def held_out(found: list[Content], folds: int) -> dict[str, int]:
    """Count the contents whose end is gold's, by the rules and by models trained on the other folds."""
    counts = {"contents": len(found), "rules": 0, "model": 0}
    for fold in range(folds):
        training = [content for content in found if content.document % folds != fold]
        model = ContentEndModel(fit(training))
        for content in found:
            if content.document % folds == fold:
                counts["rules"] += content.rule_end == content.gold_end
                counts["model"] += chosen_end(model, content) == content.gold_end
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--train", type=Path, default=POLNEAR / "train")
    parser.add_argument("--folds", type=int, default=5, help="held-out folds of train (1: none)")
    options = parser.parse_args()
    if not (options.train / "text").is_dir():
        print(f"{options.train}: no PolNeAR split there (text/ and attributions/ expected)", file=sys.stderr)
        return 2
    found = list(contents(options.train))
    checked = held_out(found, options.folds) if options.folds > 1 else None
    if checked is not None:
        print(f"held-out ends right: rules {checked['rules']}, model {checked['model']}", end="")
        print(f" of {checked['contents']}")
    weights = fit(found)
    places = sum(1 for content in found for _ in content.examples())
    model = {"weights": dict(sorted(weights.items()))}
    meta = {
        "model": "logistic regression (scikit-learn, L2, no intercept: a 'bias' feature instead)",
        "scikit_learn": sklearn.__version__,
        "regularisation_C": REGULARISATION,
        "trained_on": {
            "corpus": "PolNeAR v1.0.0 train split (first annotator per text)",
            "contents": len(found),
            "places": places,
        },
        "held_out_ends_right": checked,
        "features": FEATURES,
        "weights": len(weights),
        "decision": "from the rules' end on, the likeliest place: its probability of ending there times "
        "that of running past every earlier place (so the model only ever lets a content run on), except "
        "that an infinitive content ('to ...') may end at any place, before the rules' end too",
        "applies_to": "contents after their cue that the rules stop mid-sentence at a clause that seems to "
        "open another statement; not those ended by their own clause's grammar (a relative clause, a "
        "fronted clause, the person a backing verb names) or right where another attribution starts",
    }
    write_atomic(MODEL, json.dumps(model, indent=0, ensure_ascii=False) + "\n")
    write_atomic(META, json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    print(f"{len(found)} contents, {places} places; {len(weights)} weights written to {MODEL}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
