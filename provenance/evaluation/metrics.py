r"""Scoring predicted attributions against gold ones, per role, exactly and softly.

The unit is a *role span*: the fragments one attribution gives to its source,
its cue or its content (a discontinuous content is one span of several
fragments). Within one document each role is a set: a span is counted once
however many attributions share it (a source quoted three times is one source
span), and attributions without a span for a role add nothing to that role.

Before comparing, every fragment is split at line breaks and trimmed of
whitespace and punctuation at its edges (quote marks, a trailing full stop or
comma), and fragments left empty are dropped; "trimmed" below means this. A
span made only of punctuation (a colon used as a cue) keeps its punctuation.

* **Exact match**: a predicted span matches a gold span of the same document
  and role when their trimmed fragments have exactly the same offsets.
  Precision = matched / predicted spans, recall = matched / gold spans.
* **Soft match**: spans become sets of word tokens (``\w+`` runs, by position
  in the text) of their trimmed fragments, or of their non-space characters
  when they hold no word (a colon cue); the overlap of two spans is the
  token F1 ``2·|A∩B| / (|A|+|B|)`` (0 when either has no token). Soft precision
  is the mean over predicted spans of the best overlap with any gold span of
  the same document and role; soft recall the mean over gold spans of the best
  overlap with any predicted span. A span with nothing to compare against
  scores 0.

Both are micro-averaged over all documents, and F1 is the harmonic mean of
precision and recall (0 when both are 0).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from provenance.brat import BratAttribution, line_fragments
from provenance.models import SCHEMA_VERSION, Model, Span

__all__ = [
    "ROLES",
    "DocumentAttributions",
    "EvaluationReport",
    "ExactScores",
    "Frequency",
    "RoleScores",
    "SoftScores",
    "score_documents",
    "source_head",
]

ROLES = ("source", "cue", "content")
TOKEN = re.compile(r"\w+")
MARK = re.compile(r"\S")
WORD = re.compile(r"\w+(?:['’]\w+)*")
HEAD_STOP = re.compile(
    r"[,(;:—–]|\s(?:of|for|with|from|at|in|on|to|who|which|that|whose|familiar|close|according)\s",
    re.IGNORECASE,
)
TOP = 20
"""How many of the most frequent missed and spurious cues and source heads a report lists."""

Fragments = tuple[tuple[int, int], ...]


class ExactScores(Model):
    """Exact-match counts and figures for one role."""

    matched: int
    precision: float
    recall: float
    f1: float


class SoftScores(Model):
    """Soft (token-overlap) figures for one role."""

    precision: float
    recall: float
    f1: float


class RoleScores(Model):
    """Exact and soft figures for one role (``source``, ``cue`` or ``content``)."""

    role: str
    gold: int
    predicted: int
    exact: ExactScores
    soft: SoftScores


class Frequency(Model):
    """A lower-cased text (cue or source head) and how often it was missed or spurious."""

    text: str
    count: int


class EvaluationReport(Model):
    """Per-role accuracy of the extractor on a gold corpus, with the errors worth studying."""

    schema_version: str = SCHEMA_VERSION
    corpus: str
    documents: int
    gold_attributions: int
    predicted_attributions: int
    roles: list[RoleScores]
    missed_cues: list[Frequency]
    spurious_cues: list[Frequency]
    missed_source_heads: list[Frequency]
    spurious_source_heads: list[Frequency]

    def headline(self) -> dict[str, float]:
        """Return the three figures the project tracks: source and cue exact F1, content soft F1."""
        return {
            "source_exact_f1": self.role("source").exact.f1,
            "cue_exact_f1": self.role("cue").exact.f1,
            "content_soft_f1": self.role("content").soft.f1,
        }

    def role(self, name: str) -> RoleScores:
        """Look up the figures of one role by name."""
        for scores in self.roles:
            if scores.role == name:
                return scores
        raise KeyError(name)


@dataclass(frozen=True)
class DocumentAttributions:
    """One document's text with its gold and predicted attributions."""

    name: str
    text: str
    gold: Sequence[BratAttribution]
    predicted: Sequence[BratAttribution]


@dataclass
class _RoleTally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    soft_precision: float = 0.0
    soft_recall: float = 0.0
    missed: Counter[str] = field(default_factory=Counter)
    spurious: Counter[str] = field(default_factory=Counter)


def score_documents(corpus: str, documents: Iterable[DocumentAttributions]) -> EvaluationReport:
    """Score predicted against gold attributions over ``documents`` (see the module docstring)."""
    tallies = {role: _RoleTally() for role in ROLES}
    count = gold_attributions = predicted_attributions = 0
    for document in documents:
        count += 1
        gold_attributions += len(document.gold)
        predicted_attributions += len(document.predicted)
        for role, tally in tallies.items():
            gold = _role_spans(document.text, document.gold, role)
            predicted = _role_spans(document.text, document.predicted, role)
            _tally(tally, document.text, gold, predicted, role)
    return EvaluationReport(
        corpus=corpus,
        documents=count,
        gold_attributions=gold_attributions,
        predicted_attributions=predicted_attributions,
        roles=[_role_scores(role, tallies[role]) for role in ROLES],
        missed_cues=_top(tallies["cue"].missed),
        spurious_cues=_top(tallies["cue"].spurious),
        missed_source_heads=_top(tallies["source"].missed),
        spurious_source_heads=_top(tallies["source"].spurious),
    )


def _role_spans(text: str, attributions: Iterable[BratAttribution], role: str) -> set[Fragments]:
    spans: set[Fragments] = set()
    for attribution in attributions:
        fragments: list[Span] = getattr(attribution, role)
        if fragments:
            spans.add(_trimmed(text, fragments))
    return spans


def _trimmed(text: str, fragments: list[Span]) -> Fragments:
    pieces = line_fragments(fragments)
    trimmed = _trim(text, pieces, _is_edge) or _trim(text, pieces, str.isspace)
    return tuple(sorted(trimmed))


def _trim(text: str, pieces: list[Span], is_edge: Callable[[str], bool]) -> list[tuple[int, int]]:
    trimmed: list[tuple[int, int]] = []
    for piece in pieces:
        start, end = piece.start, piece.end
        while start < end and is_edge(text[start]):
            start += 1
        while end > start and is_edge(text[end - 1]):
            end -= 1
        if end > start:
            trimmed.append((start, end))
    return trimmed


def _is_edge(character: str) -> bool:
    return character.isspace() or unicodedata.category(character).startswith("P")


def _tokens(text: str, span: Fragments) -> frozenset[tuple[int, int]]:
    for pattern in (TOKEN, MARK):
        tokens = frozenset(
            match.span() for start, end in span for match in pattern.finditer(text, start, end)
        )
        if tokens:
            return tokens
    return frozenset()


def _overlap(first: frozenset[tuple[int, int]], second: frozenset[tuple[int, int]]) -> float:
    if not first or not second:
        return 0.0
    return 2 * len(first & second) / (len(first) + len(second))


def _tally(
    tally: _RoleTally,
    text: str,
    gold: set[Fragments],
    predicted: set[Fragments],
    role: str,
) -> None:
    tally.gold += len(gold)
    tally.predicted += len(predicted)
    tally.matched += len(gold & predicted)
    gold_tokens = [_tokens(text, span) for span in gold]
    predicted_tokens = [_tokens(text, span) for span in predicted]
    for tokens in predicted_tokens:
        tally.soft_precision += max((_overlap(tokens, other) for other in gold_tokens), default=0.0)
    for tokens in gold_tokens:
        tally.soft_recall += max((_overlap(tokens, other) for other in predicted_tokens), default=0.0)
    tally.missed.update(_label(role, text, span) for span in gold - predicted)
    tally.spurious.update(_label(role, text, span) for span in predicted - gold)


def _label(role: str, text: str, span: Fragments) -> str:
    """Name a span for error counts: a cue by its lower-cased words, a source by its head word."""
    covered = " ".join(text[start:end] for start, end in span)
    return source_head(covered) if role == "source" else " ".join(covered.lower().split())


def source_head(phrase: str) -> str:
    """Find the head word of a source noun phrase, lower-cased, for grouping errors.

    A heuristic, good enough to count error types: the last word before the
    first comma, bracket or post-modifier ("of", "for", "with", "who",
    "familiar"…), so "a spokesman for the campaign" → "spokesman" and
    "Sen. Bernie Sanders, I-Vt." → "sanders".
    """
    cut = HEAD_STOP.search(phrase)
    words = WORD.findall(phrase[: cut.start()] if cut else phrase) or WORD.findall(phrase)
    return words[-1].lower() if words else ""


def _ratio(numerator: float, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _role_scores(role: str, tally: _RoleTally) -> RoleScores:
    precision = _ratio(tally.matched, tally.predicted)
    recall = _ratio(tally.matched, tally.gold)
    soft_precision = _ratio(tally.soft_precision, tally.predicted)
    soft_recall = _ratio(tally.soft_recall, tally.gold)
    return RoleScores(
        role=role,
        gold=tally.gold,
        predicted=tally.predicted,
        exact=ExactScores(
            matched=tally.matched, precision=precision, recall=recall, f1=_f1(precision, recall)
        ),
        soft=SoftScores(precision=soft_precision, recall=soft_recall, f1=_f1(soft_precision, soft_recall)),
    )


def _top(counts: Counter[str]) -> list[Frequency]:
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [Frequency(text=text, count=count) for text, count in ranked[:TOP]]
