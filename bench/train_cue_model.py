"""Train the cue model from PolNeAR train and choose its threshold on dev.

    python bench/train_cue_model.py                      # ../shared/polnear/{train,dev}
    python bench/train_cue_model.py --train DIR --dev DIR --sentences FILE

Writes ``provenance/extract/learned/data/cue_model.json`` (vocabulary, WordNet
classes, refused words, particles, weights, threshold) and ``cue_model.meta.json``
(what it was trained on, the features, the dev figures). The weights are fitted
on train only; dev is used to choose the decision threshold and the WordNet verb
classes whose verbs are judged even when unseen in train: the choice whose
smallest gain over the rules alone, among the three headline document figures
and the three sentence-level trimmed ones, is largest, among those under which
no source-type figure (``bench/source_types_eval.py``) falls below its record.
The features read ``data/speech_lexicon.json`` (``bench/build_speech_lexicon.py``).
The same inputs give the same files.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import sklearn
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from provenance.brat import BratAttribution, parse_ann
from provenance.extract.cues.learned import candidate_words, overlaps, read_cue
from provenance.extract.cues.sentence import rule_attributions
from provenance.extract.learned import CueModel, cue_features, cue_head
from provenance.extract.learned.features import NOT_HEADS
from provenance.extract.learned.word_senses import verb_forms
from provenance.extract.lexicon import cues as cue_lexicon
from provenance.extract.segmentation import Token, quotations, sentences, tokenize
from provenance.ingest import read_article
from provenance.models import Article
from provenance.outputs import write_atomic

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "polnear"
MODEL = ROOT / "provenance" / "extract" / "learned" / "data" / "cue_model.json"
META = MODEL.with_suffix(".meta.json")
SOURCE_TYPES = ROOT / "bench" / "source-types-dev.json"
PARTICLE_SHARE = 0.5
"""A word after a head joins the cue when the gold cues take it along at least this often."""
REGULARISATION = 0.3
RARE = 3
"""A word with fewer candidates than this in train is trained without the features naming it, as if unseen."""
MIN_YIELD = 0.01
"""A word is judged only when the model rightly accepts at least this share of its occurrences in train."""
WORD_FEATURES = {"w", "w_next", "w_next_class", "w_prev_class", "w_subject"}
"""Features tied to the candidate word: kept only for words the model accepts somewhere in train."""
THRESHOLDS = [round(0.2 + 0.05 * step, 2) for step in range(9)]
LEXICON_CHOICES = [(), ("cognition", "communication", "emotion")]
"""The WordNet verb classes whose verbs, seen in training or not, the model may judge (chosen on dev)."""
FEATURES = [
    "the word; its last three letters; its shape (capitalised, lower case, mark)",
    "its kind in the cue lexicon, if any",
    "the word; its last two letters",
    "the word before and its class; the word two before and its class",
    "the word after and its class; the word two after and its class",
    "the word with the word after, with the class of the word after, with the class of the word before",
    "the class of the nearest word before that is no adverb or auxiliary (the subject), alone and with it",
    "whether it opens the sentence; whether it stands in the first three, the last three or the middle words",
    "'that' right after; a comma within two words before",
    "a quotation mark within three words after; 'that' within five",
    "whether the sentence holds a quotation",
    "the kind of a pronoun subject: a person (of any gender or number), 'it' or a relative pronoun",
    "WordNet 3.0 (data/speech_lexicon.json): the class of the word's commonest verb sense, alone, with "
    "the class of the word after and with the subject's class; the classes and frame groups of its four "
    "commonest senses; the frame groups of the commonest; the class of its commonest noun sense",
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


def gold_cues(text: str, gold: list[BratAttribution]) -> frozenset[tuple[int, int]]:
    """Collect a text's gold cues of one fragment as character ranges trimmed of edge spaces and marks."""
    return frozenset(
        _trim(text, attribution.cue[0].start, attribution.cue[0].end)
        for attribution in gold
        if len(attribution.cue) == 1
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and _edge(text[start]):
        start += 1
    while end > start and _edge(text[end - 1]):
        end -= 1
    return start, end


def _edge(character: str) -> bool:
    return character.isspace() or unicodedata.category(character).startswith("P")


def trimmed_cue(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """Trim a reading's cue range of edge marks, as the gold cues are (a cue's tokens hold no spaces)."""
    inside = [token for token in tokens if start <= token.start and token.end <= end and token.is_word]
    return (inside[0].start, inside[-1].end) if inside else (start, start)


def _vocabulary(judged: list[tuple[str, float, int]], threshold: float) -> list[str]:
    """List the words worth judging at a threshold: those the model accepts in train, mostly rightly, often.

    A word whose acceptances in train are mostly wrong gains nothing, and one
    rightly accepted in fewer than ``MIN_YIELD`` of its occurrences ("in": once
    in thousands) costs a judgement at every occurrence for almost nothing.
    """
    right: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for word, probability, label in judged:
        seen[word] += 1
        if probability >= threshold:
            (right if label else wrong)[word] += 1
    return sorted(
        word for word, count in right.items() if count >= wrong[word] and count >= MIN_YIELD * seen[word]
    )


def _refused(
    judged: list[tuple[str, float, int]], vocabulary: list[str], classes: tuple[str, ...], threshold: float
) -> list[str]:
    """List the words of the WordNet ``classes`` outside ``vocabulary`` that the model misjudges in train.

    ``judged`` holds each train candidate's word, its probability under the shipped
    weights and its label; a word is refused when its acceptances at ``threshold``
    are more often wrong than right. Auxiliaries ("will") head no cue and are
    refused too. Words of the classes never seen in training stay candidates:
    they are judged by their meaning and context.
    """
    forms = verb_forms(frozenset(classes)) - set(vocabulary)
    right: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for word, probability, label in judged:
        if word in forms and probability >= threshold:
            (right if label else wrong)[word] += 1
    misjudged = {word for word, count in wrong.items() if count > right[word]}
    return sorted(misjudged | (forms & (cue_lexicon().auxiliaries | NOT_HEADS)))


def _word_of(feature: str) -> str | None:
    """Name the word a word-specific feature ("w_next=said|that") belongs to; None for the others."""
    name, _, value = feature.partition("=")
    return value.split("|")[0] if name in WORD_FEATURES else None


def polnear_options(description: str | None) -> argparse.Namespace | None:
    """Read --train, --dev and --sentences; None, after one line on stderr, when one is missing."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--train", type=Path, default=POLNEAR / "train")
    parser.add_argument("--dev", type=Path, default=POLNEAR / "dev")
    parser.add_argument("--sentences", type=Path, default=POLNEAR / "sentences" / "dev.jsonl")
    options = parser.parse_args()
    for split in (options.train, options.dev):
        if not (split / "text").is_dir():
            print(f"{split}: no PolNeAR split there (text/ and attributions/ expected)", file=sys.stderr)
            return None
    if not options.sentences.is_file():
        print(f"{options.sentences}: no such file (sentence-level PolNeAR dev)", file=sys.stderr)
        return None
    return options


def main() -> int:
    options = polnear_options(__doc__)
    if options is None:
        return 2
    corpus = [
        (tokens, quotes, gold_heads(tokens, gold), cues)
        for article, gold in documents(options.train)
        for cues in [gold_cues(article.text, gold)]
        for tokens, quotes in sentence_tokens(article)
    ]
    taken: Counter[tuple[str, str]] = Counter()
    followed: Counter[tuple[str, str]] = Counter()
    for tokens, _, heads, _ in corpus:
        for head, extent in heads.items():
            if head + 1 < len(tokens) and tokens[head + 1].is_word:
                pair = (tokens[head].lower, tokens[head + 1].lower)
                followed[pair] += 1
                taken[pair] += extent == 1
    vocabulary = frozenset(token.lower for tokens, *_ in corpus for token in tokens if token.is_word)
    particles = sorted(
        pair for pair, count in taken.items() if count >= 2 and count >= PARTICLE_SHARE * followed[pair]
    )
    reader = CueModel(frozenset(), frozenset(particles), {}, 1.0)
    rows: list[dict[str, int]] = []
    labels: list[int] = []
    words: list[str] = []
    for tokens, quotes, _, cues in corpus:
        found = rule_attributions(tokens, quotes)
        for index in candidate_words(tokens, found, vocabulary):
            if cue_head(tokens, index, index + 1) != index:  # an auxiliary, "to" or an adverb heads nothing
                continue
            reading = read_cue(tokens, index, quotes, reader, training=True)
            if reading is None or reading.cue is None or overlaps(reading, found):
                continue
            rows.append(dict.fromkeys(cue_features(tokens, index), 1))
            labels.append(int(trimmed_cue(tokens, *reading.cue) in cues))
            words.append(tokens[index].lower)
    seen = Counter(words)
    rows = [
        row if seen[word] >= RARE else {name: 1 for name in row if _word_of(name) is None}
        for word, row in zip(words, rows, strict=True)
    ]
    vectoriser = DictVectorizer()
    matrix = vectoriser.fit_transform(rows)
    classifier = LogisticRegression(C=REGULARISATION, fit_intercept=False, max_iter=2000)
    classifier.fit(matrix, labels)
    judged = list(zip(words, classifier.predict_proba(matrix)[:, 1].tolist(), labels, strict=True))
    accepted: set[str | None] = {None}  # None: a feature tied to no word
    accepted.update(_vocabulary(judged, min(THRESHOLDS)))
    weights = {
        name: round(float(weight), 4)
        for name, weight in zip(vectoriser.get_feature_names_out(), classifier.coef_[0], strict=True)
        if abs(weight) >= 0.001 and _word_of(name) in accepted
    }
    shipped = CueModel(frozenset(), frozenset(), weights, 1.0)
    as_shipped = [
        (word, shipped.probability(list(row)), label)
        for word, row, label in zip(words, rows, labels, strict=True)
    ]
    model: dict[str, object] = {
        "vocabulary": [],
        "lexicon_classes": [],
        "refused": [],
        "particles": [list(pair) for pair in particles],
        "weights": dict(sorted(weights.items())),
        "threshold": 1.0,
    }
    rules_only = _figures(model, options.dev, options.sentences)
    print(f"dev, rules only: {rules_only}")
    best_choice: tuple[float, tuple[str, ...]] = (1.0, ())
    best = rules_only
    for classes in LEXICON_CHOICES:
        for threshold in THRESHOLDS:
            kept = _vocabulary(judged, threshold)
            refused = _refused(as_shipped, kept, classes, threshold)
            candidate = {
                **model,
                "vocabulary": kept,
                "lexicon_classes": list(classes),
                "refused": refused,
                "threshold": threshold,
            }
            figures = _figures(candidate, options.dev, options.sentences)
            typing = _source_types()
            print(
                f"dev, classes {classes}, threshold {threshold} ({len(kept)} words): {figures} {typing}",
                flush=True,
            )
            if _admissible(typing) and _worth(figures, rules_only) > _worth(best, rules_only):
                best_choice, best = (threshold, classes), figures
    best_threshold, best_classes = best_choice
    model["vocabulary"] = _vocabulary(judged, best_threshold)
    model["lexicon_classes"] = list(best_classes)
    model["refused"] = _refused(as_shipped, model["vocabulary"], best_classes, best_threshold)  # type: ignore[arg-type]
    model["threshold"] = best_threshold
    write_atomic(MODEL, json.dumps(model, indent=0, sort_keys=True) + "\n")
    meta = {
        "model": "logistic regression (scikit-learn, L2, no intercept: a 'bias' feature instead)",
        "scikit_learn": sklearn.__version__,
        "regularisation_C": REGULARISATION,
        "rare_words": (
            f"a word with fewer than {RARE} candidates in train is trained without the features naming it, "
            "so the others (context, WordNet senses) learn to judge a word as they must judge one never seen"
        ),
        "trained_on": {
            "corpus": "PolNeAR v1.0.0 train split (first annotator per text)",
            "documents": sum(1 for _ in (options.train / "text").glob("*.txt")),
            "candidates": len(labels),
            "exact_cues_among_candidates": sum(labels),
        },
        "candidates": (
            "every lower-case word of train that can head a cue (no auxiliary, 'to' or adverb), outside "
            "quotations and the attributions the rules found, with the reading read_cue gives it (the "
            "rules' grammar; a passive; a plain reading where the grammar does not decide, or found no "
            "source or content for a verb it knows); a candidate is positive when that reading's cue is "
            "exactly a gold cue; a word is kept in the shipped vocabulary only when the model's "
            "acceptances of it in train at the chosen threshold "
            f"are right at least half the time and in at least {MIN_YIELD:.0%} of its occurrences"
        ),
        "features": FEATURES,
        "vocabulary": len(model["vocabulary"]),
        "lexicon_classes": best_classes,
        "lexicon_classes_chosen_from": LEXICON_CHOICES,
        "refused": len(model["refused"]),  # type: ignore[arg-type]
        "particles": len(particles),
        "weights": len(weights),
        "threshold": best_threshold,
        "threshold_chosen_on": (
            "PolNeAR dev, with the WordNet classes: the largest smallest gain over the rules alone among "
            "document-level source exact, cue exact and content soft F1 and sentence-level trimmed source, "
            "cue and content F1, then the largest sum, among the choices under which no source-type figure "
            "on the hand-labelled dev sources falls below bench/source-types-dev.json"
        ),
        "dev_rules_only": rules_only,
        "dev_with_model": best,
    }
    write_atomic(META, json.dumps(meta, indent=2) + "\n")
    print(f"threshold {best_threshold}; wrote {MODEL.relative_to(ROOT)} and {META.relative_to(ROOT)}")
    return 0


def _worth(figures: dict[str, float], rules_only: dict[str, float]) -> tuple[float, float]:
    """Rank dev figures by the smallest gain over the rules alone (no role may fall), then by the sum."""
    gains = [figures[name] - rules_only[name] for name in rules_only]
    return min(gains), sum(gains)


def _admissible(typing: dict[str, float]) -> bool:
    """Tell whether no source-type figure on the hand-labelled dev sources falls below the recorded one."""
    recorded = json.loads(SOURCE_TYPES.read_text(encoding="utf-8"))["report"]
    return all(value >= recorded[name]["value"] for name, value in typing.items())


def _source_types() -> dict[str, float]:
    """Score source typing on the hand-labelled dev sources with the model last written (a fresh process)."""
    script = (
        "import json, sys; sys.path.insert(0, 'bench'); import source_types_eval as bench; "
        "from provenance.evaluation import evaluate_source_types; "
        "print(json.dumps(evaluate_source_types(bench.GOLD, bench.TEXTS).headline()))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True, cwd=ROOT
    )
    figures: dict[str, float] = json.loads(done.stdout)
    return figures


def _figures(model: dict[str, object], dev: Path, sentences: Path) -> dict[str, float]:
    """Write a candidate model and score the extractor with it on dev (``dev_figures``).

    The scoring runs in a fresh process, so nothing loaded from an earlier
    candidate lingers.
    """
    write_atomic(MODEL, json.dumps(model, sort_keys=True) + "\n")
    return dev_figures(dev, sentences)


def dev_figures(dev: Path, sentences: Path) -> dict[str, float]:
    """Score the extractor as its data files now stand on dev, in a fresh process.

    The figures are the document-level headline ones and the sentence-level
    trimmed exact F1 of each role.
    """
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "figures.json"
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "polnear_eval.py"),
                str(dev),
                "--sentences",
                str(sentences),
                "--output",
                str(output),
            ],
            check=True,
            capture_output=True,
        )
        record = json.loads(output.read_text(encoding="utf-8"))
    trimmed = {name: value for name, value in record["sentence_figures"].items() if "trimmed" in name}
    figures: dict[str, float] = {**record["figures"], **trimmed}
    return figures


if __name__ == "__main__":
    sys.exit(main())
