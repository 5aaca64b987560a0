"""Classify the content errors of the extractor on a PolNeAR split where the cue is found exactly.

    python bench/content_errors.py ../shared/polnear/train                     # counts per class
    python bench/content_errors.py ../shared/polnear/train --show "ends late"  # examples of one class

A content boundary can only be judged where the attribution was found, so each
gold attribution whose trimmed cue a predicted attribution has exactly is put in
one class by its content: exact, missing (the prediction has none), on the other
side (no overlap: before the cue against after it), fragments (a different number
of fragments, as "X, she said, Y" against "X"), or by how its edges differ
(starts early or late, ends early or late, or both). It also counts the cues
that lie inside another attribution's content, in gold and in the prediction:
PolNeAR marks only the outermost attribution of a nest. A diagnostic for rule
and model work, not a test; it reads the split and prints.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from provenance.brat import BratAttribution
from provenance.evaluation.gold import gold_documents
from provenance.evaluation.metrics import _trimmed

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT.parent / "shared" / "polnear" / "train"

Fragments = tuple[tuple[int, int], ...]


def content_class(gold: Fragments, predicted: Fragments) -> str:
    """Name how a predicted content differs from gold's (both trimmed, in text order)."""
    if not predicted:
        return "missing"
    if predicted == gold:
        return "exact"
    if predicted[-1][1] <= gold[0][0] or gold[-1][1] <= predicted[0][0]:
        return "other side"
    if len(predicted) != len(gold):
        return "fragments"
    edges = []
    if predicted[0][0] != gold[0][0]:
        edges.append("starts early" if predicted[0][0] < gold[0][0] else "starts late")
    if predicted[-1][1] != gold[-1][1]:
        edges.append("ends early" if predicted[-1][1] < gold[-1][1] else "ends late")
    return ", ".join(edges) or "inner edges"


def _roles(text: str, attribution: BratAttribution) -> tuple[Fragments, Fragments]:
    cue = _trimmed(text, attribution.cue) if attribution.cue else ()
    content = _trimmed(text, attribution.content) if attribution.content else ()
    return cue, content


def nested_cues(attributions: Sequence[tuple[Fragments, Fragments]]) -> int:
    """Count the cues that lie inside another attribution's content fragment."""
    return sum(
        1
        for cue, _ in attributions
        if cue
        and any(
            start <= cue[0][0] and cue[-1][1] <= end
            for other_cue, content in attributions
            if other_cue != cue
            for start, end in content
        )
    )


@dataclass(frozen=True)
class Case:
    """A gold attribution whose cue was found exactly: its class, text, cue, gold and predicted span."""

    name: str
    text: str
    cue: Fragments
    gold: Fragments
    predicted: Fragments


def classified(split: Path) -> Iterator[tuple[list[Case], int, int]]:
    """Yield, per text, its cue-matched cases with its nested cue counts (gold, predicted)."""
    for document in gold_documents(split):
        text = document.text
        gold = [_roles(text, attribution) for attribution in document.gold]
        predicted = [_roles(text, attribution) for attribution in document.predicted]
        by_cue: dict[Fragments, Fragments] = {}
        for cue, content in predicted:
            if cue:
                by_cue.setdefault(cue, content)
        cases = [
            Case(content_class(content, by_cue[cue]), text, cue, content, by_cue[cue])
            for cue, content in gold
            if cue and content and cue in by_cue
        ]
        yield cases, nested_cues(gold), nested_cues(predicted)


def _shown(text: str, fragments: Fragments) -> str:
    return " | ".join(text[start:end] for start, end in fragments) or "-"


def case_parser(description: str | None, show_help: str) -> argparse.ArgumentParser:
    """Build the options the error classifiers share: a split, a class to show, how many examples."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("split", type=Path, nargs="?", default=TRAIN)
    parser.add_argument("--show", help=show_help)
    parser.add_argument("--limit", type=int, default=20, help="examples printed (a seeded sample)")
    return parser


def split_missing(split: Path) -> bool:
    """Say so on stderr when ``split`` is no PolNeAR split."""
    if (split / "text").is_dir():
        return False
    print(f"{split}: no PolNeAR split there (text/ and attributions/ expected)", file=sys.stderr)
    return True


def print_examples(examples: list[Case], limit: int, *, labelled: bool = False) -> None:
    """Print a seeded sample of cases; ``labelled`` heads each with its class and paragraph."""
    random.Random(0).shuffle(examples)
    for case in examples[:limit]:
        if labelled:
            paragraph_start = case.text.rfind("\n", 0, case.cue[0][0]) + 1
            paragraph_end = case.text.find("\n", case.cue[-1][1])
            paragraph = case.text[paragraph_start : paragraph_end if paragraph_end > 0 else None]
            print(f"\n[{case.name}] {paragraph[:400]}")
        else:
            print()
        print(f"cue:  {_shown(case.text, case.cue)}")
        print(f"gold: {_shown(case.text, case.gold)}\npred: {_shown(case.text, case.predicted)}")


def main() -> int:
    options = case_parser(__doc__, "print examples of this class").parse_args()
    if split_missing(options.split):
        return 2
    counts: Counter[str] = Counter()
    nested = Counter[str]()
    examples: list[Case] = []
    for cases, gold_nested, predicted_nested in classified(options.split):
        nested.update(gold=gold_nested, predicted=predicted_nested)
        counts.update(case.name for case in cases)
        examples.extend(case for case in cases if case.name == options.show)
    total = sum(counts.values())
    print(f"{total} gold attributions whose cue is found exactly:")
    for name, count in counts.most_common():
        print(f"  {count:6d}  {count / total:6.1%}  {name}")
    inside = f"gold {nested['gold']}, predicted {nested['predicted']}"
    print(f"cues inside another attribution's content: {inside}")
    print_examples(examples, options.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
