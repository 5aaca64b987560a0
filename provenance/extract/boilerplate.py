"""Boilerplate and markup: the parts of an article that are no claim.

Bylines and credits, section labels ("ABSTRACT.", "FULL TEXT."), transcript
stage directions ("(CROSSTALK)"), embed markup (``<tweet …>``,
``pic.twitter.com/…``), image captions and a chart's "Source: NATO." assert
nothing a reader is asked to accept, so they never become claims and never cost
points. HTML comments (the check's suppression markers among them) and embed
tags are cut out of a paragraph before its sentences are read; every other kind
is a whole sentence matched by the patterns of ``data/boilerplate.toml``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from provenance.extract.pattern_shape import anchored, folds, needed_texts
from provenance.extract.segmentation import sentences

__all__ = ["boilerplate_kind", "claim_sentences"]

WORD = re.compile(r"[^\W_]+")
FOLDING_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")
"""The non-ASCII letters an ignore-case pattern matches to ASCII letters ("ſ" to "s")."""


@dataclass(frozen=True)
class BoilerplateKind:
    """One kind of boilerplate sentence: its name, its patterns as two alternations, its longest fit.

    Every sentence of every article takes this path, so each kind costs at most
    one match at the sentence's start (the patterns anchored there with ``^``),
    one search (the others) and one bounded word count (``too_long`` stops
    reading at the word past ``max_words``), the cheaper first. A kind that
    ignores case searches an ASCII sentence lower-cased, with ``folded``
    (its floating patterns matching case), which is the same test done faster,
    and only when the sentence holds one of the texts they need (``needs``).
    """

    name: str
    anchored: re.Pattern[str] | None
    floating: re.Pattern[str] | None
    folded: re.Pattern[str] | None
    needs: tuple[str, ...] | None
    too_long: re.Pattern[str] | None

    def fits(self, sentence: str, lowered: str | None, searchable: str | None) -> bool:
        """Tell whether ``sentence`` is of this kind.

        ``lowered`` is it in lower case when it is ASCII; ``searchable`` when no
        letter of it matches an ASCII letter but its own (see ``searchable``).
        """
        if self.floating is None:
            return (
                self.anchored is not None
                and self.anchored.match(sentence) is not None
                and not (self.too_long is not None and self.too_long.match(sentence))
            )
        floating = searchable is None or self.needs is None or holds_any(searchable, self.needs)
        if not floating and self.anchored is None:
            return False
        if self.too_long is not None and self.too_long.match(sentence):
            return False
        if self.anchored is not None and self.anchored.match(sentence):
            return True
        if not floating:
            return False
        if lowered is not None and self.folded is not None:
            return self.folded.search(lowered) is not None
        return self.floating.search(sentence) is not None


@dataclass(frozen=True)
class BoilerplateLexicon:
    """The markup to cut out, the kinds of boilerplate sentence, and what any kind needs.

    ``opening`` (every kind's anchored patterns) and ``needs`` (every text a
    floating pattern needs) tell at once that no kind fits most sentences;
    ``needs`` is None when some floating pattern needs no known text.
    """

    markup: re.Pattern[str]
    kinds: tuple[BoilerplateKind, ...]
    opening: re.Pattern[str] | None
    needs: tuple[str, ...] | None

    def may_fit(self, sentence: str, searchable: str | None) -> bool:
        """Tell whether some kind may fit ``sentence``: False only when none can."""
        if searchable is None or self.needs is None:
            return True
        return (self.opening is not None and self.opening.match(sentence) is not None) or holds_any(
            searchable, self.needs
        )


@cache
def boilerplate() -> BoilerplateLexicon:
    """Load and compile ``data/boilerplate.toml`` once."""
    text = resources.files("provenance.extract").joinpath("data", "boilerplate.toml").read_text("utf-8")
    data = tomllib.loads(text)
    markup = re.compile("|".join(f"(?:{pattern})" for pattern in data.pop("markup")), re.DOTALL)
    kinds = []
    openings: list[str] = []
    every_need: list[str] | None = []
    for name, table in data.items():
        floating = [pattern for pattern in table["patterns"] if not anchored(pattern)]
        folding = bool(floating) and not table.get("case") and all(map(folds, floating))
        needs = [needed_texts(pattern) for pattern in floating] if folding else [None]
        texts = [text for found in needs for text in found or ()] if all(needs) else None
        opening = _alternation([pattern for pattern in table["patterns"] if anchored(pattern)], table)
        if opening is not None:
            openings.append(f"(?{'i' if opening.flags & re.I else '-i'}:{opening.pattern})")
        if every_need is not None and floating:
            every_need = None if texts is None else every_need + texts
        kinds.append(
            BoilerplateKind(
                name,
                opening,
                _alternation(floating, table),
                _alternation(floating, {"case": True}) if folding else None,
                _fewest(texts) if texts is not None else None,
                _more_words_than(table["max_words"]) if "max_words" in table else None,
            )
        )
    return BoilerplateLexicon(
        markup,
        tuple(kinds),
        re.compile("|".join(openings)) if openings else None,
        _fewest(every_need) if every_need is not None else None,
    )


def _fewest(texts: list[str]) -> tuple[str, ...]:
    """Keep the texts that hold no other, shortest first: a sentence holding any text holds one of these."""
    ordered = sorted(set(texts), key=lambda text: (len(text), text))
    return tuple(text for text in ordered if not any(other != text and other in text for other in ordered))


def holds_any(searchable: str, texts: tuple[str, ...]) -> bool:
    """Tell whether a lower-cased sentence holds one of ``texts``.

    A substring test per text, each run in C over the sentence, in a plain loop
    (``any`` over a generator costs more) takes three quarters of the time of one
    regular expression alternating all the texts.
    """
    for text in texts:  # noqa: SIM110
        if text in searchable:
            return True
    return False


def searchable(sentence: str) -> str | None:
    """Lower-case a sentence for finding the texts ignore-case patterns need, or None where that is unsafe.

    An ignore-case pattern's ASCII letter matches only itself in either case,
    except for four letters ("İ", "ı", "ſ" and the Kelvin sign): in a sentence
    without them, every match of such a pattern is a match of its needed texts
    in the lower-cased sentence.
    """
    if sentence.isascii() or FOLDING_TO_ASCII.isdisjoint(sentence):
        return sentence.lower()
    return None


def _alternation(patterns: list[str], table: dict[str, object]) -> re.Pattern[str] | None:
    """Compile patterns into one; they ignore case unless their table says ``case = true``."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), 0 if table.get("case") else re.I)


def _more_words_than(limit: int) -> re.Pattern[str]:
    """Compile a pattern matching a sentence of more than ``limit`` words, read no further than the next."""
    return re.compile(rf"[\W_]*+[^\W_]++(?:[\W_]++[^\W_]++){{{limit}}}")


def boilerplate_kind(sentence: str) -> str | None:
    """Name the kind of boilerplate a sentence is ("byline", "caption", …), or None for a possible claim."""
    sentence = boilerplate().markup.sub("", sentence)
    if WORD.search(sentence) is None:
        return "markup"
    lexicon = boilerplate()
    lower = searchable(sentence)
    if not lexicon.may_fit(sentence, lower):
        return None
    lowered = lower if sentence.isascii() else None
    return next((kind.name for kind in lexicon.kinds if kind.fits(sentence, lowered, lower)), None)


def claim_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield the sentences of ``text[start:end]`` that can be claims: markup cut out, boilerplate left out."""
    position = start
    for match in boilerplate().markup.finditer(text, start, end):
        yield from _kept(text, position, match.start())
        position = match.end()
    yield from _kept(text, position, end)


def _kept(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    if start >= end:
        return
    for sentence_start, sentence_end in sentences(text, start, end):
        if boilerplate_kind(text[sentence_start:sentence_end]) is None:
            yield sentence_start, sentence_end
