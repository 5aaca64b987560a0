"""The sentence-level PolNeAR protocol: the form behind the published neural figures (CofeNet, COLING 2022).

The CofeNet authors' form of PolNeAR is one JSON object per line with PTB
``tokens`` and BIO ``labels`` (``B-source``, ``I-cue``, ``B-content``…). Each
instance is detokenised (PTB quotes become curly ones) into a text of its own,
the extractor reads it, and every predicted span maps onto the tokens it
overlaps; a discontinuous span's fragments count apart, as BIO does. A span
matches when role, first and last token agree: "strict" as the tokens stand,
"trimmed" once punctuation tokens at either edge are dropped from gold and
predicted spans alike. This is the protocol of ``../shared/tools/sentence_score.py``,
run in process.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from provenance.brat import attributions_of, line_fragments
from provenance.errors import InputError
from provenance.extract import analyze
from provenance.files import parse_json, read_text_file
from provenance.ingest import parse_article
from provenance.models import Model

__all__ = ["SentenceReport", "SentenceScores", "evaluate_sentences", "score_sentence"]

ROLES = ("source", "cue", "content")
MODES = ("strict", "trimmed")
PTB_MARKS = {
    "``": "“", "''": "”", "`": "‘", "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{",
    "-RCB-": "}",
}  # fmt: skip
NO_SPACE_BEFORE = frozenset(
    {",", ".", ":", ";", "?", "!", "”", "’", ")", "]", "}", "'s", "'re", "'ve", "'ll", "'d", "'m", "n't", "%",
     "'S", "N'T"}
)  # fmt: skip
NO_SPACE_AFTER = frozenset({"“", "‘", "(", "[", "{", "$"})
PUNCTUATION = frozenset(",.:;?!“”‘’\"'`()[]{}-—–") | {"``", "''", "--"}

TokenSpan = tuple[int, int]


class SentenceScores(Model):
    """Exact span matches of one role under one mode, over all instances."""

    role: str
    mode: str
    gold: int
    predicted: int
    matched: int
    precision: float
    recall: float
    f1: float


class SentenceReport(Model):
    """The sentence-level figures of a corpus: each role, strict and trimmed."""

    corpus: str
    instances: int
    scores: list[SentenceScores]

    def headline(self) -> dict[str, float]:
        """Give the F1 of every role and mode by name (``source_trimmed_f1``…)."""
        return {f"{score.role}_{score.mode}_f1": score.f1 for score in self.scores}


def detokenise(tokens: list[str]) -> tuple[str, list[TokenSpan]]:
    """Join PTB tokens into text as published, with each token's character offsets."""
    text, offsets = "", []
    previous: str | None = None
    for token in tokens:
        surface = PTB_MARKS.get(token, token)
        if token == "'" and previous is not None:
            surface = "’"
        if text and surface not in NO_SPACE_BEFORE and previous not in NO_SPACE_AFTER:
            text += " "
        offsets.append((len(text), len(text) + len(surface)))
        text += surface
        previous = surface
    return text, offsets


def gold_spans(labels: list[str]) -> dict[str, set[TokenSpan]]:
    """Read the BIO labels of an instance as token spans per role (first and last token)."""
    spans: dict[str, set[TokenSpan]] = {role: set() for role in ROLES}
    start: int | None = None
    role = ""
    for index, label in enumerate([*labels, "O"]):
        tag, _, name = label.partition("-")
        if start is not None and (tag != "I" or name != role):
            spans[role].add((start, index - 1))
            start = None
        if tag == "B" or (tag == "I" and start is None and name in ROLES):
            start, role = index, name
    return spans


def predicted_spans(text: str, offsets: list[TokenSpan]) -> dict[str, set[TokenSpan]]:
    """Run the extractor on an instance's text and map its spans onto the instance's tokens."""
    spans: dict[str, set[TokenSpan]] = {role: set() for role in ROLES}
    for attribution in attributions_of(analyze(parse_article(text + "\n"))):
        for role in ROLES:
            for fragment in line_fragments(getattr(attribution, role)):
                covered = [
                    index
                    for index, (start, end) in enumerate(offsets)
                    if start < fragment.end and end > fragment.start
                ]
                if covered:
                    spans[role].add((covered[0], covered[-1]))
    return spans


def _trim(span: TokenSpan, tokens: list[str]) -> TokenSpan | None:
    first, last = span
    while first <= last and tokens[first] in PUNCTUATION:
        first += 1
    while last >= first and tokens[last] in PUNCTUATION:
        last -= 1
    return (first, last) if first <= last else None


def score_sentence(
    tokens: list[str], gold: dict[str, set[TokenSpan]], predicted: dict[str, set[TokenSpan]]
) -> dict[tuple[str, str], tuple[int, int, int]]:
    """Count (matched, predicted, gold) spans per role and mode for one instance."""
    counts: dict[tuple[str, str], tuple[int, int, int]] = {}
    for role in ROLES:
        for mode in MODES:
            expected, found = gold[role], predicted[role]
            if mode == "trimmed":
                expected = {span for span in (_trim(item, tokens) for item in expected) if span}
                found = {span for span in (_trim(item, tokens) for item in found) if span}
            counts[role, mode] = (len(expected & found), len(found), len(expected))
    return counts


def evaluate_sentences(path: str | Path) -> SentenceReport:
    """Score the extractor on a sentence-level JSONL file (``tokens`` and BIO ``labels`` per line).

    A missing or unreadable file, or a line that is not such an object, raises
    ``InputError`` naming the file and line.
    """
    lines = read_text_file(path, "sentence file").splitlines()
    totals = {(role, mode): [0, 0, 0] for role in ROLES for mode in MODES}
    instances = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        tokens, labels = _instance(line, f"{path}:{number}")
        text, offsets = detokenise(tokens)
        counts = score_sentence(tokens, gold_spans(labels), predicted_spans(text, offsets))
        for key, values in counts.items():
            totals[key] = [total + value for total, value in zip(totals[key], values, strict=True)]
        instances += 1
    return SentenceReport(corpus=str(path), instances=instances, scores=list(_scores(totals.items())))


def _instance(line: str, where: str) -> tuple[list[str], list[str]]:
    """Read one line's tokens and labels."""
    try:
        row = parse_json(line)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"not a JSON object ({exc.msg})") from None
    if not isinstance(row, dict):
        raise InputError(where, "not a JSON object")
    tokens, labels = row.get("tokens"), row.get("labels")
    if not isinstance(tokens, list) or not isinstance(labels, list) or len(tokens) != len(labels):
        raise InputError(where, "needs 'tokens' and 'labels' lists of the same length")
    return [str(token) for token in tokens], [str(label) for label in labels]


def _scores(totals: Iterable[tuple[tuple[str, str], list[int]]]) -> Iterable[SentenceScores]:
    for (role, mode), (matched, predicted, gold) in totals:
        precision = matched / predicted if predicted else 0.0
        recall = matched / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        yield SentenceScores(
            role=role,
            mode=mode,
            gold=gold,
            predicted=predicted,
            matched=matched,
            precision=precision,
            recall=recall,
            f1=f1,
        )
