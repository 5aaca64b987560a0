"""The features the cue model reads around a candidate word, shared by training and inference.

Each feature is a string ("w=criticized", "next=that"); the model holds a weight
per string. Features look only at the sentence's tokens, so a word is judged by
its context, not by what the rules decided about it. The word classes they use
are data (``data/features.toml``).
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from provenance.extract.learned.word_senses import verb_senses
from provenance.extract.lexicon import cues, sources
from provenance.extract.segmentation import Token
from provenance.extract.sources import is_adverb

__all__ = ["cue_features", "cue_head", "word_class"]

_CLASSES = tomllib.loads(
    resources.files("provenance.extract.learned").joinpath("data", "features.toml").read_text("utf-8")
)
NOT_HEADS = frozenset(_CLASSES["not_heads"])
QUOTE_MARKS = frozenset(_CLASSES["quote_marks"])
DETERMINERS = frozenset(_CLASSES["determiners"])
PRONOUN_KINDS = {word: kind for kind, words in _CLASSES["pronoun_kinds"].items() for word in words}


def cue_head(tokens: list[Token], start: int, end: int) -> int | None:
    """Find the word that carries a cue over tokens ``[start, end)``: the first past its verb group.

    ("has repeatedly criticized" → "criticized", "is expected to" → "expected".)
    An auxiliary, a form of "be", "to", a negation or an adverb is no head.
    """
    skipped = cues().auxiliaries | sources().cue_modifiers | NOT_HEADS
    for index in range(start, end):
        token = tokens[index]
        if token.is_word and token.lower not in skipped and not is_adverb(token):
            return index
    return None


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


@cache
def sense_features(word: str) -> tuple[str, ...]:
    """List what WordNet says a word means as a verb: its commonest sense's class, its classes and frames.

    These are the features that carry over to a verb never seen in training
    ("lamented": a verb of emotion and communication taking an object).
    """
    senses = verb_senses(word)
    if senses is None:
        return ("wn=none",)
    first_class, first_frames = senses.senses[0]
    return (
        f"wn1={first_class}",
        *(f"wn={sense_class}" for sense_class in sorted(senses.classes)),
        *(f"wn_frame={group}" for group in sorted(senses.frames)),
        *(f"wn1_frame={group}" for group in sorted(first_frames)),
        f"wn_noun={senses.noun}",
    )


def cue_features(tokens: list[Token], index: int, sentence_quotes: bool | None = None) -> list[str]:
    """List the features of the word at ``index`` as a possible cue head.

    ``sentence_quotes`` (whether any token of the sentence is quoted) is the one
    sentence-wide feature: a caller judging many words of one sentence passes it
    once, so a long sentence is not rescanned for each of its words.
    """
    token = tokens[index]
    word = token.lower
    lexicon = cues()
    before = tokens[index - 1] if index > 0 else None
    before2 = tokens[index - 2] if index > 1 else None
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    after2 = tokens[index + 2] if index + 2 < len(tokens) else None
    before_class = word_class(before) if before else "<s>"
    subject_token = _subject(tokens, index)
    subject = word_class(subject_token) if subject_token is not None else "none"
    next_class = word_class(after) if after else "</s>"
    features = [
        "bias",
        f"w={word}",
        f"suffix={word[-3:]}",
        f"suffix2={word[-2:]}",
        f"shape={_shape(token)}",
        f"kind={lexicon.verbs[word].value}" if word in lexicon.verbs else "kind=none",
        f"prev={before.lower if before else '<s>'}",
        f"prev_class={before_class}",
        f"prev2_class={word_class(before2) if before2 else '<s>'}",
        f"prev2={before2.lower if before2 else '<s>'}",
        f"next={after.lower if after else '</s>'}",
        f"next_class={next_class}",
        f"next2={after2.lower if after2 else '</s>'}",
        f"next2_class={word_class(after2) if after2 else '</s>'}",
        f"w_next={word}|{after.lower if after else '</s>'}",
        f"w_next_class={word}|{next_class}",
        f"w_prev_class={word}|{before_class}",
        f"subject={subject}",
        f"w_subject={word}|{subject}",
        f"first={index == 0}",
        f"place={'start' if index < 3 else 'end' if index >= len(tokens) - 3 else 'middle'}",
        *sense_features(word),
    ]
    meaning = verb_senses(word)
    first_class = meaning.senses[0][0] if meaning is not None else "none"
    features += [f"wn1_next_class={first_class}|{next_class}", f"wn1_subject={first_class}|{subject}"]
    if after is not None and after.lower == "that":
        features.append("that_next")
    if any(other.text == "," for other in tokens[max(0, index - 2) : index]):
        features.append("comma_before")
    if any(other.text in QUOTE_MARKS for other in tokens[index + 1 : index + 4]):
        features.append("quote_follows")
    if any(other.lower == "that" for other in tokens[index + 1 : index + 6]):
        features.append("that_follows")
    if sentence_quotes is None:
        sentence_quotes = any(other.quoted for other in tokens)
    if sentence_quotes:
        features.append("sentence_quotes")
    if subject_token is not None and subject == "pronoun":
        features.append(f"subject_pronoun={PRONOUN_KINDS.get(subject_token.lower, 'other')}")
    return features
