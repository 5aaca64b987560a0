"""The content-end model: whether a content the rules stop mid-sentence runs on, learned from PolNeAR train.

The rules stop a content at a clause that seems to open another statement
(", while …", ", but …", ", like …", a participle); PolNeAR's annotators let
many of those run on ("…, while the fugitives were beyond American reach"). The
model walks the places a content can end (every punctuation mark outside a
quotation and a closed list of joining words, ``data/content_end.toml``),
judging at each the probability that the content ends there having run that
far; from the rules' end on, the content ends at the likeliest place (that
probability times the chance of running past every earlier place), so the rules'
end stands unless a later one is likelier; an infinitive content ("to …") may
also end at an earlier place. The rules' end is itself a feature.
``data/content_end.json`` holds the weights, ``data/content_end.meta.json`` how
they were made (``bench/train_content_end.py`` reproduces both).
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import repeat

from provenance.extract.learned.shipped import shipped_text, shipped_weights
from provenance.extract.lexicon import cues
from provenance.extract.segmentation import Token

__all__ = [
    "ContentEndModel",
    "content_end_model",
    "cuttable",
    "end_candidates",
    "end_places",
    "verb_like",
    "word_end",
]

_CLASSES = tomllib.loads(shipped_text("content_end.toml"))
END_WORDS = frozenset(_CLASSES["end_words"])
SUBJECTS = frozenset(_CLASSES["subjects"])
TIME_WORDS = frozenset(_CLASSES["time_words"])
QUOTE_MARKS = frozenset(_CLASSES["quote_marks"])
FINITE_VERBS = frozenset(_CLASSES["finite_verbs"])


@dataclass(frozen=True)
class ContentEndModel:
    """A trained classifier of "the content, having run this far, ends before this token"."""

    weights: dict[str, float]

    def probability(self, features: list[str]) -> float:
        """Give the model's probability that a content ends at a place with these features."""
        score = sum(map(self.weights.get, features, repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, score))))

    def end(self, tokens: list[Token], start: int, rule_end: int, limit: int, cue_word: str) -> int:
        """Choose where a content from ``start`` that the rules end at ``rule_end`` ends.

        ``limit`` is the furthest it may run (the sentence end or the next
        attribution), ``cue_word`` its cue's last word. Returns a token index (the
        content is ``tokens[start:end]``): ``rule_end`` unless a later place is
        likelier, or, for a content the model may cut (``cuttable``), an earlier one.
        """
        rule = word_end(tokens, rule_end)
        earliest = 0 if cuttable(tokens, start) else rule
        places = end_places(tokens, start, rule_end, limit, cue_word, earliest)
        chosen = self.likeliest((word_end(tokens, place), features) for place, features in places)
        if chosen == rule or chosen < earliest:
            return rule_end
        return _place_ending(tokens, start, chosen, limit)

    def likeliest(self, places: Iterable[tuple[int, list[str]]]) -> int:
        """Pick the likeliest end: its probability times that of running past the earlier places.

        ``places`` are ends (after their last word, in order) with their features;
        reading stops once no later place can be likelier. Returns -1 when there is none.
        """
        best, best_chance, running = -1, -1.0, 1.0
        for end, features in places:
            chance = running * self.probability(features)
            if chance > best_chance:
                best, best_chance = end, chance
            running -= chance
            if running < best_chance:
                break
        return best


def cuttable(tokens: list[Token], start: int) -> bool:
    """Tell whether the model may also end a content before the rules' end: an infinitive ("to …").

    What a source plans or pledges to do ends before how and when
    ("pledged to shut down private prisons, after he introduced a bill"); the
    rules cannot tell those adjuncts from the plan, the model judges them. On
    PolNeAR train's held-out folds, cutting other contents too gained nothing.
    """
    return tokens[start].lower == "to"


def _place_ending(tokens: list[Token], start: int, end: int, limit: int) -> int:
    """Find the first place from ``start`` whose content ends (after its last word) at ``end``."""
    return next(place for place in end_candidates(tokens, start, limit) if word_end(tokens, place) == end)


def word_end(tokens: list[Token], index: int) -> int:
    """Move an end left past punctuation to just after its last word (ends differing by marks are one)."""
    while index > 0 and not tokens[index - 1].is_word:
        index -= 1
    return index


def end_candidates(tokens: list[Token], start: int, limit: int) -> list[int]:
    """List the places a content from ``start`` may end before ``limit``: before a mark or a joining word.

    A place inside a quotation is none (a quotation is reported whole); one right
    after the start is none (a content holds a word).
    """
    places = [
        index
        for index in range(start + 1, limit)
        if not tokens[index].quoted
        and (not tokens[index].is_word or tokens[index].lower in END_WORDS)
        and word_end(tokens, index) > start
    ]
    return [*places, limit]


def _word_class(token: Token | None) -> str:
    """Name the coarse class of a token: a mark, a quote, a subject, a time, a number, a name or a word."""
    if token is None:
        return "</s>"
    if token.text in QUOTE_MARKS:
        return "quote"
    if not token.is_word:
        return token.text
    lower = token.lower
    if lower in SUBJECTS:
        return "subject"
    if lower in TIME_WORDS:
        return "time"
    if lower[0].isdigit():
        return "number"
    if lower in cues().verbs:
        return "ing-cue" if lower.endswith("ing") else "cue"
    if lower in END_WORDS:
        return lower
    if token.capitalised:
        return "name"
    if lower.endswith("ing"):
        return "ing"
    if lower.endswith("ed"):
        return "ed"
    return "word"


def _segment(tokens: list[Token], start: int, limit: int) -> str:
    """Describe the words from ``start`` to the next place a content may end: how many, and whether a verb."""
    words = 0
    verb = "phrase"
    for index in range(start, limit):
        token = tokens[index]
        if index > start and not token.quoted and (not token.is_word or token.lower in END_WORDS):
            break
        if token.is_word:
            words += 1
            if verb_like(token):
                verb = "clause"
    return f"{_bucket(words)}|{verb}"


def verb_like(token: Token) -> bool:
    """Tell whether a word looks like a finite verb: an auxiliary, a cue verb or a lower-case "-ed" form."""
    lower = token.lower
    return lower in FINITE_VERBS or (not token.capitalised and lower.endswith("ed")) or lower in cues().verbs


def _content_kind(tokens: list[Token], start: int, checked: int, index: int, kind: str) -> tuple[str, int]:
    """Name how a content from ``start`` to ``index`` reads: "that", "to", quotation, clause or phrase.

    A content with a finite verb of its own is a clause ("he does not"); one
    without is the cue's object, a noun phrase ("his national data director").
    ``kind`` is the answer up to ``checked``; only the tokens after it are read.
    Returns the kind and ``index``.
    """
    opening = tokens[start].lower
    if opening in {"that", "to"}:
        return opening, index
    if tokens[start].text in QUOTE_MARKS:
        return "quote", index
    if kind == "clause":
        return kind, index
    clause = any(verb_like(token) for token in tokens[checked:index])
    return "clause" if clause else "phrase", index


def _bucket(count: int) -> str:
    if count <= 1:
        return str(count)
    return "2-3" if count <= 3 else "4-8" if count <= 8 else "9+"


def end_places(
    tokens: list[Token], start: int, rule_end: int, limit: int, cue_word: str, earliest: int = 0
) -> Iterator[tuple[int, list[str]]]:
    """Yield the places a content from ``start`` may end (``end_candidates``), each with its features.

    The features read the token at the place and the word after it (whether a verb
    follows before the next place), how far the content has run (in words),
    what is left before ``limit``, the cue's word, how the content opens and reads
    (a clause or a noun phrase), and where the rules end it (at, before or after
    the place). Places are made one at a time, so a caller that has decided stops
    reading them; places that end before ``earliest`` (a word end) are passed over.
    """
    words = [0]
    for token in tokens[start:limit]:
        words.append(words[-1] + token.is_word)
    rule = word_end(tokens, rule_end)
    opening = tokens[start].lower if tokens[start].lower in {"that", "to"} else _word_class(tokens[start])
    steady = ["bias", f"cue={cue_word}", f"opening={opening}"]
    kind = "phrase"
    checked = start
    for index in end_candidates(tokens, start, limit):
        if index >= limit:
            yield index, ["bias", "limit"]
            return
        if word_end(tokens, index) < earliest:
            continue
        kind, checked = _content_kind(tokens, start, checked, index, kind)
        here = tokens[index].lower
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        after_class = _word_class(after)
        after_word = after.lower if after is not None else "</s>"
        ends = word_end(tokens, index)
        rule_place = "at" if ends == rule else "before" if ends < rule else "after"
        following = _segment(tokens, index + 1, limit)
        yield (
            index,
            [
                *steady,
                f"here={here}",
                f"after={after_word}",
                f"after_class={after_class}",
                f"here_after={here}|{after_word}",
                f"here_after_class={here}|{after_class}",
                f"rule={rule_place}",
                f"rule_here={rule_place}|{here}",
                f"words={_bucket(words[index - start])}",
                f"left={_bucket(words[limit - start] - words[index - start])}",
                f"following={following}",
                f"here_following={here}|{following}",
                f"kind={kind}",
                f"kind_here={kind}|{here}",
                f"kind_rule={kind}|{rule_place}|{here}",
            ],
        )


@cache
def content_end_model() -> ContentEndModel | None:
    """Load the shipped content-end model (``data/content_end.json``); None when it is not there."""
    data = shipped_weights("content_end.json")
    if data is None:
        return None
    return ContentEndModel({feature: float(weight) for feature, weight in data["weights"].items()})
