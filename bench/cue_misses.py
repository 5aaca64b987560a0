"""List the gold cues the extractor misses on a PolNeAR split, each with the rule that turned it down.

    python bench/cue_misses.py ../shared/polnear/train             # a summary by cause and word
    python bench/cue_misses.py ../shared/polnear/train --word said   # every miss of one word, in context

A missed gold cue is put in one class: a predicted cue overlaps it (a boundary
error), it lies in a predicted content or source (read as part of another
attribution), or nothing was read there. For the last, the cue stage is traced
while the text is analysed: the word is named with the line of the cue reader
(``verb_reading``, ``_attribution_at`` …) that returned nothing (or a refusal) for it, or with
why no reader was called (not a cue word, a sentence not read, a word skipped).
A diagnostic for rule work, not a test; it reads the split and prints.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from types import CodeType, FrameType
from typing import Any

from provenance.brat import attributions_of, parse_ann
from provenance.evaluation.metrics import _role_spans, _trimmed
from provenance.extract import analyze
from provenance.extract.cues import sentence as cue_sentence
from provenance.extract.cues import verbs as cue_verbs
from provenance.extract.lexicon import cues
from provenance.files import read_text_file
from provenance.ingest import read_article

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT.parent / "shared" / "polnear" / "train"

Fragments = tuple[tuple[int, int], ...]


class CueTrace:
    """Record, by the character offset of the word read, where each cue reader gave up on it."""

    def __init__(self) -> None:
        self.outcomes: dict[int, list[str]] = defaultdict(list)
        self.candidates: set[int] = set()
        watched: dict[CodeType, str] = {
            cue_sentence._attribution_at.__code__: "index",
            cue_verbs.verb_reading.__code__: "first",
        }
        self.watched = watched

    def tracer(self, frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        """Follow the watched readers' returns; everything else runs untraced."""
        if event != "call" or frame.f_code not in self.watched:
            return None
        return self._on_return

    def _on_return(self, frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        if event == "return":
            tokens = frame.f_locals.get("tokens")
            index = frame.f_locals.get(self.watched[frame.f_code])
            if tokens is not None and index is not None and index < len(tokens):
                caller = frame.f_back.f_code.co_name if frame.f_back else "?"
                read = arg is not None and not isinstance(arg, cue_verbs.Refusal)
                verdict = "read" if read else f"None@{frame.f_code.co_name}:{frame.f_lineno}"
                self.outcomes[tokens[index].start].append(f"{verdict}<{caller}")
        return self._on_return


def gold_pairs(split: Path) -> list[tuple[Path, Path]]:
    """Pair every text of a split with its first annotation file by name, as the evaluation does."""
    annotations: dict[str, list[Path]] = defaultdict(list)
    for path in (split / "attributions").glob("*.ann"):
        annotations[path.stem.rpartition("_")[0]].append(path)
    return [
        (path, sorted(annotations[path.stem])[0])
        for path in sorted((split / "text").glob("*.txt"))
        if annotations.get(path.stem)
    ]


def classify(split: Path, limit: int | None) -> list[dict[str, Any]]:
    """Analyse every text with the trace on and class each missed gold cue."""
    lexicon = cues()
    known = frozenset(lexicon.verbs) | lexicon.first_words
    misses: list[dict[str, Any]] = []
    for text_path, ann_path in gold_pairs(split)[:limit]:
        article = read_article(text_path)
        text = article.text
        gold = parse_ann(read_text_file(ann_path, "annotation file"), text, str(ann_path))
        trace = CueTrace()
        sys.settrace(trace.tracer)
        try:
            predicted = attributions_of(analyze(article))
        finally:
            sys.settrace(None)
        gold_cues = _role_spans(text, gold, "cue")
        sourced = {_trimmed(text, item.cue) for item in gold if item.cue and item.source}
        predicted_cues = _role_spans(text, predicted, "cue")
        taken = {role: _role_spans(text, predicted, role) for role in ("content", "source")}
        for span in sorted(gold_cues - predicted_cues):
            covered = " ".join(text[start:end] for start, end in span)
            words = covered.lower().split()
            cause = _cause(span, predicted_cues, taken, trace, text, known)
            line_start = text.rfind("\n", 0, span[0][0]) + 1
            line_end = text.find("\n", span[-1][1])
            context = text[max(line_start, span[0][0] - 160) : span[0][0]] + "[[" + covered + "]]"
            context += text[span[-1][1] : min(line_end if line_end >= 0 else len(text), span[-1][1] + 120)]
            if span not in sourced:
                cause += " [no gold source]"
            misses.append({"doc": text_path.stem, "cue": " ".join(words), "cause": cause, "context": context})
    return misses


def _cause(
    span: Fragments,
    predicted_cues: set[Fragments],
    taken: dict[str, set[Fragments]],
    trace: CueTrace,
    text: str,
    known: frozenset[str],
) -> str:
    start, end = span[0][0], span[-1][1]

    def overlapping(spans: set[Fragments]) -> Fragments | None:
        return next((other for other in spans if any(s < end and start < e for s, e in other)), None)

    other = overlapping(predicted_cues)
    if other is not None:
        return "boundary: predicted " + repr(" ".join(text[s:e] for s, e in other))
    for role, spans in taken.items():
        if overlapping(spans) is not None:
            return f"inside a predicted {role}"
    outcomes: list[str] = []
    for piece_start, piece_end in span:
        position = piece_start
        for word in text[piece_start:piece_end].split():
            outcomes.extend(f"{word.lower()}: {verdict}" for verdict in trace.outcomes.get(position, []))
            position = text.index(word, position) + len(word)
            position = next((p for p in range(position, piece_end) if not text[p].isspace()), position)
    if outcomes:
        return "; ".join(dict.fromkeys(outcomes))
    first = text[start:end].split()[0].lower().strip(".,\"'“”‘’")
    return "no reader called" + ("" if first in known else " (not a cue word)")


def _cause_class(cause: str) -> str:
    """Group a cause by its kind, and a refusal by the reader line that refused the first word."""
    cause = cause.removesuffix(" [no gold source]")
    if cause.startswith("boundary"):
        return "boundary"
    if cause.startswith(("inside", "no reader")):
        return cause
    return "refused at " + cause.split(": ", 1)[1].split(";")[0].split("<")[0]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("split", nargs="?", type=Path, default=TRAIN)
    parser.add_argument("--limit", type=int, help="the first LIMIT texts only")
    parser.add_argument("--word", help="print every miss whose cue holds this word")
    parser.add_argument("--cause", help="print every miss whose cause holds this text")
    parser.add_argument("--top", type=int, default=40, help="causes listed per summary")
    options = parser.parse_args()
    misses = classify(options.split, options.limit)
    if options.word or options.cause:
        for miss in misses:
            if (options.word is None or options.word in miss["cue"].split()) and (
                options.cause is None or options.cause in miss["cause"]
            ):
                print(f"{miss['doc']}\t{miss['cause']}\n    {miss['context']}\n")
        return 0
    print(f"{len(misses)} missed gold cues")
    classes = Counter(_cause_class(miss["cause"]) for miss in misses)
    for name, count in classes.most_common(options.top):
        print(f"{count:6d}  {name}")
    print("\nnot cue words:")
    strangers = Counter(miss["cue"] for miss in misses if miss["cause"].endswith("(not a cue word)"))
    for cue, count in strangers.most_common(options.top):
        print(f"{count:6d}  {cue!r}")
    print("\nby word and reader line:")
    refused = [miss for miss in misses if not miss["cause"].startswith(("boundary", "inside"))]
    causes = Counter((miss["cue"], miss["cause"]) for miss in refused)
    for (cue, cause), count in causes.most_common(options.top):
        print(f"{count:6d}  {cue!r}  {cause}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
