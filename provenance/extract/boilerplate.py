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

from provenance.extract.segmentation import sentences

__all__ = ["boilerplate_kind", "claim_sentences"]

WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class BoilerplateKind:
    """One kind of boilerplate sentence: its name, its patterns as one alternation, its longest fit.

    One compiled alternation per kind costs one search per sentence instead of
    one per pattern, on a path that every sentence of every article takes.
    """

    name: str
    pattern: re.Pattern[str]
    max_words: int | None


@dataclass(frozen=True)
class BoilerplateLexicon:
    """The markup to cut out and the kinds of boilerplate sentence."""

    markup: re.Pattern[str]
    kinds: tuple[BoilerplateKind, ...]


@cache
def boilerplate() -> BoilerplateLexicon:
    """Load and compile ``data/boilerplate.toml`` once."""
    text = resources.files("provenance.extract").joinpath("data", "boilerplate.toml").read_text("utf-8")
    data = tomllib.loads(text)
    markup = re.compile("|".join(f"(?:{pattern})" for pattern in data.pop("markup")), re.DOTALL)
    kinds = tuple(
        BoilerplateKind(
            name,
            re.compile("|".join(f"(?:{pattern})" for pattern in table["patterns"]), _flags(table)),
            table.get("max_words"),
        )
        for name, table in data.items()
    )
    return BoilerplateLexicon(markup, kinds)


def _flags(table: dict[str, object]) -> int:
    """Patterns ignore case unless their table says ``case = true``."""
    return 0 if table.get("case") else re.IGNORECASE


def boilerplate_kind(sentence: str) -> str | None:
    """Name the kind of boilerplate a sentence is ("byline", "caption", …), or None for a possible claim."""
    sentence = boilerplate().markup.sub("", sentence)
    words = len(WORD.findall(sentence))
    if not words:
        return "markup"
    for kind in boilerplate().kinds:
        if kind.max_words is not None and words > kind.max_words:
            continue
        if kind.pattern.search(sentence):
            return kind.name
    return None


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
