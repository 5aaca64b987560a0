"""The features the cue model reads around a candidate word, shared by training and inference.

Each feature is a string ("w=criticized", "next=that"); the model holds a weight
per string. Features look only at the sentence's tokens, so a word is judged by
its context, not by what the rules decided about it. The word classes they use
are data (``data/features.toml``).
"""

from __future__ import annotations

import tomllib
from functools import cache

from provenance.extract.learned.shipped import shipped_text
from provenance.extract.learned.word_senses import verb_senses
from provenance.extract.lexicon import cues, sources
from provenance.extract.segmentation import Token
from provenance.extract.sources import is_adverb

__all__ = [
    "Feature",
    "cue_feature_parts",
    "cue_features",
    "cue_head",
    "feature_name",
    "feature_parts",
    "own_features",
    "word_class",
]

_CLASSES = tomllib.loads(shipped_text("features.toml"))
NOT_HEADS = frozenset(_CLASSES["not_heads"])
QUOTE_MARKS = frozenset(_CLASSES["quote_marks"])
DETERMINERS = frozenset(_CLASSES["determiners"])
PRONOUN_KINDS = {word: kind for kind, words in _CLASSES["pronoun_kinds"].items() for word in words}


def cue_head(tokens: list[Token], start: int, end: int) -> int | None:
    """Find the word that carries a cue over tokens ``[start, end)``: the first past its verb group.

    ("has repeatedly criticized" → "criticized", "is expected to" → "expected".)
    An auxiliary, a form of "be", "to", a negation or an adverb is no head.
    """
    skipped = _not_head_words()
    for index in range(start, end):
        token = tokens[index]
        if token.is_word and token.lower not in skipped and not is_adverb(token):
            return index
    return None


@cache
def _not_head_words() -> frozenset[str]:
    """Auxiliaries, cue modifiers and the other words no cue's head is, joined once rather than per cue."""
    return cues().auxiliaries | sources().cue_modifiers | NOT_HEADS


@cache
def _pronouns() -> frozenset[str]:
    return sources().pronouns


def _shape(token: Token) -> str:
    if not token.is_word:
        return "mark" if token.text not in QUOTE_MARKS else "quote"
    if token.capitalised:
        return "cap"
    return "low"


def word_class(token: Token) -> str:
    """Name the coarse class of a neighbour: pronoun, name, determiner, auxiliary, mark, or a plain word."""
    lower = token.lower
    if token.text in QUOTE_MARKS:
        return "quote"
    if not token.is_word:
        return token.text
    if lower in _pronouns():
        return "pronoun"
    if lower in DETERMINERS:
        return "determiner"
    if lower in cues().auxiliaries:
        return "auxiliary"
    if token.capitalised:
        return "name"
    if is_adverb(token):
        return "adverb"
    return "word"


def _subject(tokens: list[Token], index: int) -> Token | None:
    """Find the nearest word before ``index`` that is no adverb or auxiliary (a subject), if any.

    ("Clinton has repeatedly praised" → "Clinton"; "she told" → "she"; a
    sentence-initial cue → None.) Only the four words before are read.
    """
    for position in range(index - 1, max(-1, index - 5), -1):
        if word_class(tokens[position]) not in {"adverb", "auxiliary"}:
            return tokens[position]
    return None


Feature = tuple[str, ...]
"""A feature as its parts: a flag ("bias",), a family and value ("prev", "he"), or a family and a pair
("w_next", "said", "that"). Its name (``feature_name``) is how the model's data file spells it."""


PAIR_FAMILIES = frozenset(
    ["w_next", "w_next_class", "w_prev_class", "w_subject", "wn1_next_class", "wn1_subject"]
)
"""The families whose value pairs the candidate word (or its sense class) with a neighbour's."""


def feature_parts(name: str) -> Feature:
    """Read a feature's name back into its parts (the inverse of ``feature_name``)."""
    family, equals, value = name.partition("=")
    if not equals:
        return (name,)
    if family in PAIR_FAMILIES:
        first, _, second = value.partition("|")
        return (family, first, second)
    return (family, value)


def feature_name(feature: Feature) -> str:
    """Spell a feature as the model's weights name it: "bias", "prev=he", "w_next=said|that"."""
    if len(feature) == 1:
        return feature[0]
    return f"{feature[0]}={'|'.join(feature[1:])}"


@cache
def sense_features(word: str) -> tuple[str, ...]:
    """List what WordNet says a word means as a verb: its commonest sense's class, its classes and frames.

    These are the features that carry over to a verb never seen in training
    ("lamented": a verb of emotion and communication taking an object).
    """
    return tuple(map(feature_name, _sense_parts(word)))


@cache
def _sense_parts(word: str) -> tuple[Feature, ...]:
    senses = verb_senses(word)
    if senses is None:
        return (("wn", "none"),)
    first_class, first_frames = senses.senses[0]
    return (
        ("wn1", first_class),
        *(("wn", sense_class) for sense_class in sorted(senses.classes)),
        *(("wn_frame", group) for group in sorted(senses.frames)),
        *(("wn1_frame", group) for group in sorted(first_frames)),
        ("wn_noun", str(senses.noun)),
    )


@cache
def _word_parts(word: str) -> tuple[Feature, Feature, Feature, Feature, str]:
    """Make once per word the features that depend on it alone: form, suffixes, kind, first sense's class."""
    lexicon = cues()
    meaning = verb_senses(word)
    return (
        ("w", word),
        ("suffix", word[-3:]),
        ("suffix2", word[-2:]),
        ("kind", lexicon.verbs[word].value if word in lexicon.verbs else "none"),
        meaning.senses[0][0] if meaning is not None else "none",
    )


def own_features(word: str) -> tuple[tuple[Feature, ...], str]:
    """List the features a candidate word has wherever it stands, and its first sense's class.

    The class is what the ``wn1_*`` pair features pair with a neighbour's class.
    """
    form, suffix, suffix2, kind, first_class = _word_parts(word)
    return (("bias",), form, suffix, suffix2, kind, *_sense_parts(word)), first_class


def cue_features(tokens: list[Token], index: int, sentence_quotes: bool | None = None) -> list[str]:
    """List the features of the word at ``index`` as a possible cue head, by name (``cue_feature_parts``)."""
    return list(map(feature_name, cue_feature_parts(tokens, index, sentence_quotes)))


def cue_feature_parts(tokens: list[Token], index: int, sentence_quotes: bool | None = None) -> list[Feature]:
    """List the features of the word at ``index`` as a possible cue head.

    ``sentence_quotes`` (whether any token of the sentence is quoted) is the one
    sentence-wide feature: a caller judging many words of one sentence passes it
    once, so a long sentence is not rescanned for each of its words. Features are
    tuples of strings the tokens already hold, so judging a word builds no text.
    """
    token = tokens[index]
    word = token.lower
    form, suffix, suffix2, kind, first_class = _word_parts(word)
    before = tokens[index - 1] if index > 0 else None
    before2 = tokens[index - 2] if index > 1 else None
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    after2 = tokens[index + 2] if index + 2 < len(tokens) else None
    before_class = word_class(before) if before else "<s>"
    subject_token = _subject(tokens, index)
    subject = word_class(subject_token) if subject_token is not None else "none"
    next_class = word_class(after) if after else "</s>"
    after_word = after.lower if after else "</s>"
    features: list[Feature] = [
        ("bias",),
        form,
        suffix,
        suffix2,
        ("shape", _shape(token)),
        kind,
        ("prev", before.lower if before else "<s>"),
        ("prev_class", before_class),
        ("prev2_class", word_class(before2) if before2 else "<s>"),
        ("prev2", before2.lower if before2 else "<s>"),
        ("next", after_word),
        ("next_class", next_class),
        ("next2", after2.lower if after2 else "</s>"),
        ("next2_class", word_class(after2) if after2 else "</s>"),
        ("w_next", word, after_word),
        ("w_next_class", word, next_class),
        ("w_prev_class", word, before_class),
        ("subject", subject),
        ("w_subject", word, subject),
        ("first", "True" if index == 0 else "False"),
        ("place", "start" if index < 3 else "end" if index >= len(tokens) - 3 else "middle"),
        *_sense_parts(word),
        ("wn1_next_class", first_class, next_class),
        ("wn1_subject", first_class, subject),
    ]
    if after_word == "that":
        features.append(("that_next",))
    if any(other.text == "," for other in tokens[max(0, index - 2) : index]):
        features.append(("comma_before",))
    if any(other.text in QUOTE_MARKS for other in tokens[index + 1 : index + 4]):
        features.append(("quote_follows",))
    if any(other.lower == "that" for other in tokens[index + 1 : index + 6]):
        features.append(("that_follows",))
    if sentence_quotes is None:
        sentence_quotes = any(other.quoted for other in tokens)
    if sentence_quotes:
        features.append(("sentence_quotes",))
    if subject_token is not None and subject == "pronoun":
        features.append(("subject_pronoun", PRONOUN_KINDS.get(subject_token.lower, "other")))
    return features
