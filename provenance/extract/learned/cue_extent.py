"""Where a cue ends: the cue-extent model, learned from PolNeAR train.

PolNeAR's cues often run past the words the readers take: over a time or a
manner ("announced Tuesday", "complained bitterly"), up to a preposition
("brags about", "spoke out Tuesday about"). The model scores every place a cue may end,
from the reader's end to a word or two past it, and the cue ends at the
likeliest; the reader's own end is one of the places and a feature, so it
stands unless another is likelier. ``data/cue_extent.json`` holds the weights,
``data/cue_extent.meta.json`` how they were made (``bench/train_cue_extent.py``
reproduces both).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import repeat

from provenance.extract.learned.features import word_class
from provenance.extract.learned.shipped import shipped_weights
from provenance.extract.lexicon import cue_grammar
from provenance.extract.segmentation import Token

__all__ = ["CueExtentModel", "cue_extent_model", "extent_features"]


def _time_words() -> frozenset[str]:
    grammar = cue_grammar()
    return grammar["time_words"] | grammar["calendar_words"] | grammar["time_nouns"]


_TIME_WORDS = _time_words()


def _class(token: Token) -> str:
    """Name a word's class for the extent features: a time word, else its class for the cue features."""
    return "time" if token.lower in _TIME_WORDS else word_class(token)


def extent_features(
    tokens: list[Token],
    head: int,
    end: int,
    place: int,
    content_start: int | None,
    learned: bool = False,
) -> list[str]:
    """List the features of ending at ``place`` (exclusive) a cue headed at ``head``, read up to ``end``.

    ``content_start`` is the token a content opens at right after the reader's cue, if one does;
    ``learned`` says the cue model found the cue, not the rules.
    They are the place's own (``_place_features``) and two for each word an
    extension adds (``_word_features``).
    """
    classes = _classes(tokens, head, place)
    features = _place_features(tokens, head, end, place, content_start, classes, learned)
    for index in range(end, place):
        features += _word_features(tokens[index].lower, classes[index])
    return features


def _classes(tokens: list[Token], head: int, top: int) -> dict[int, str]:
    """Name the extent class of every token from the head to the one at ``top`` (the word after a cue)."""
    return {index: _class(tokens[index]) for index in range(head, min(len(tokens), top + 1))}


def _word_features(word: str, word_class: str) -> list[str]:
    """List the features of one word an extension adds: the word and its class."""
    return [f"add={word}", f"add_class={word_class}"]


def _place_features(
    tokens: list[Token],
    head: int,
    end: int,
    place: int,
    content_start: int | None,
    classes: dict[int, str],
    learned: bool,
) -> list[str]:
    """List the features of a place itself: whether it moves the cue's end, its last word, the next.

    A cue the cue model found has features of its own: the rules read their
    cues' particles and the model reads only the tails it learned, so a
    preposition after a learned cue ("clashed over") is more often the cue's.
    """
    move = "keep" if place == end else "extend"
    word = tokens[head].lower
    last = tokens[place - 1].lower
    last_class = classes[place - 1]
    next_word = tokens[place].lower if place < len(tokens) else "</s>"
    next_class = classes[place] if place < len(tokens) else "</s>"
    features = [
        f"move={move}",
        f"length={place - end}",
        f"head={word}|{move}",
        f"last={last}",
        f"last_class={last_class}",
        f"head_last={word}|{last}",
        f"next={next_word}",
        f"next_class={next_class}",
        f"head_next={word}|{next_word}",
        f"last_next={last_class}|{next_class}",
    ]
    if learned:
        features += [f"learned|{move}", f"learned_last={last}", f"learned_last_class={last_class}"]
    if content_start is not None:
        if content_start < place:
            features.append("into_content")
        if content_start == place:
            features.append("content_next")
    return features


@dataclass(frozen=True)
class CueExtentModel:
    """Weights over ``extent_features``, how far past a reader's end a cue may run, and over which words.

    ``openers`` are the words the model ran a cue on over in training: a cue
    followed by any other word keeps its end unjudged, so most cues cost nothing.
    """

    weights: dict[str, float]
    reach: int
    openers: frozenset[str]

    def score(self, features: list[str]) -> float:
        """Sum the weights of a place's features: the log-odds that the cue ends there."""
        return sum(map(self.weights.get, features, repeat(0.0)))

    def end(
        self,
        tokens: list[Token],
        head: int,
        end: int,
        limit: int,
        content_start: int | None,
        learned: bool = False,
    ) -> int:
        """Choose where a cue headed at ``head`` and read up to ``end`` ends: never past ``limit``.

        Each place scores as ``extent_features`` says; the added words' features are
        summed as the places move on, so no place lists them again.
        """
        top = min(limit, end + self.reach)
        classes = _classes(tokens, head, top)
        best = end
        best_score = self.score(_place_features(tokens, head, end, end, content_start, classes, learned))
        words = 0.0
        for place in range(end + 1, top + 1):
            words += self.score(_word_features(tokens[place - 1].lower, classes[place - 1]))
            place_features = _place_features(tokens, head, end, place, content_start, classes, learned)
            score = words + self.score(place_features)
            if score > best_score:
                best, best_score = place, score
        return best


@cache
def cue_extent_model() -> CueExtentModel | None:
    """Load the shipped cue-extent model (``data/cue_extent.json``), or None when none is shipped."""
    data = shipped_weights("cue_extent.json")
    if data is None:
        return None
    return CueExtentModel(
        {name: float(weight) for name, weight in data["weights"].items()},
        int(data["reach"]),
        frozenset(data["openers"]),
    )
