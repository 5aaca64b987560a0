"""Classify the source errors of the extractor on a PolNeAR split where the cue is found exactly.

    python bench/source_errors.py ../shared/polnear/train                    # counts per class
    python bench/source_errors.py ../shared/polnear/train --show "too long"  # examples of one class

A source boundary can only be judged where the attribution was found, so each
gold attribution whose trimmed cue a predicted attribution has exactly is put in
one class by its source: exact; missing (gold has one, the prediction none);
spurious (the prediction has one, gold none); too long or too short (one holds
the other), with the side that differs and the first word past the shorter
span's edge ("too long, ends late: for"), the boundary a rule would have to
draw; crossing (they overlap, neither holds the other); pronoun against
antecedent (no overlap, one of them a pronoun); other phrase (no overlap). A
diagnostic for rule work, not a test; it reads the split and prints.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from content_errors import Case, Fragments, case_parser, print_examples, split_missing

from provenance.brat import BratAttribution
from provenance.evaluation.gold import gold_documents
from provenance.evaluation.metrics import _trimmed
from provenance.extract.lexicon import sources

WORD = re.compile(r"[\w’']+|[^\w\s]")


def _extent(fragments: Fragments) -> tuple[int, int]:
    return fragments[0][0], fragments[-1][1]


def _word_after(text: str, end: int) -> str:
    match = WORD.search(text, end)
    return match.group().lower() if match else "-"


def _word_before(text: str, start: int) -> str:
    words = WORD.findall(text[max(0, start - 40) : start])
    return words[-1].lower() if words else "-"


def _pronoun(text: str, span: tuple[int, int]) -> bool:
    return text[span[0] : span[1]].strip().lower() in sources().pronouns


def source_class(text: str, gold: Fragments, predicted: Fragments) -> str:
    """Name how a predicted source differs from gold's (both trimmed, in text order)."""
    if not gold and not predicted:
        return "none, none"
    if not predicted:
        return "missing"
    if not gold:
        return "spurious"
    if predicted == gold:
        return "exact"
    (gold_start, gold_end), (start, end) = _extent(gold), _extent(predicted)
    if end <= gold_start or gold_end <= start:
        pronoun = _pronoun(text, (gold_start, gold_end)) or _pronoun(text, (start, end))
        return "pronoun against antecedent" if pronoun else "other phrase"
    if start <= gold_start and gold_end <= end:
        if start < gold_start and gold_end < end:
            return "too long, both sides"
        if gold_end < end:
            return f"too long, ends late: {_word_after(text, gold_end)}"
        return f"too long, starts early: {_word_before(text, gold_start)}"
    if gold_start <= start and end <= gold_end:
        if gold_start < start and end < gold_end:
            return "too short, both sides"
        if end < gold_end:
            return f"too short, ends early: {_word_after(text, end)}"
        return f"too short, starts late: {_word_before(text, start)}"
    return "crossing"


def _roles(text: str, attribution: BratAttribution) -> tuple[Fragments, Fragments]:
    cue = _trimmed(text, attribution.cue) if attribution.cue else ()
    source = _trimmed(text, attribution.source) if attribution.source else ()
    return cue, source


def classified(split: Path) -> Iterator[Case]:
    """Yield every gold attribution of ``split`` whose cue a prediction has exactly, classified."""
    for document in gold_documents(split):
        text = document.text
        by_cue: dict[Fragments, Fragments] = {}
        for cue, source in (_roles(text, attribution) for attribution in document.predicted):
            if cue:
                by_cue.setdefault(cue, source)
        for cue, source in (_roles(text, attribution) for attribution in document.gold):
            if cue and cue in by_cue:
                yield Case(source_class(text, source, by_cue[cue]), text, cue, source, by_cue[cue])


def main() -> int:
    parser = case_parser(__doc__, "print examples of the classes starting with this")
    parser.add_argument("--top", type=int, default=40, help="classes listed")
    options = parser.parse_args()
    if split_missing(options.split):
        return 2
    counts: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    examples: list[Case] = []
    for case in classified(options.split):
        counts[case.name] += 1
        kinds[case.name.split(":")[0]] += 1
        if options.show and case.name.startswith(options.show):
            examples.append(case)
    total = sum(counts.values())
    print(f"{total} gold attributions whose cue is found exactly, by kind:")
    for name, count in kinds.most_common():
        print(f"  {count:6d}  {count / total:6.1%}  {name}")
    print("by kind and boundary word:")
    for name, count in counts.most_common(options.top):
        print(f"  {count:6d}  {name}")
    print_examples(examples, options.limit, labelled=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
