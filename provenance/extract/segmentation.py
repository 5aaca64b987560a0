"""Sentence segmentation, tokens and quotations, as offsets into the article text.

Abbreviations ("Mr.", "U.S.", "Jan."), initials ("J. K. Rowling"), decimals and
closing quotation marks do not end a sentence early; a full stop after an
abbreviation that can also end a sentence ("in the U.S.") ends one only when a
typical sentence opener follows.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from provenance.extract.lexicon import Abbreviations, abbreviations

__all__ = ["Token", "quotations", "sentences", "tokenize"]

BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+(?:''|[\"“‘'(\[])?[A-Z0-9])")
WORD_BEFORE = re.compile(r"([\w.]+)\.$")
NEXT_WORD = re.compile(r"\s+[\"“‘'(\[]?([\w.]+)")
TOKEN = re.compile(r"''|\w+(?:(?:[’'&]|\.-?|-)\w+)*|[^\w\s]")
INITIAL = re.compile(r"[A-Z]")
DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
QUOTE_MARK = re.compile("''|[“”\"]")


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark with its offsets into the article text."""

    start: int
    end: int
    text: str
    lower: str
    quoted: bool

    @property
    def is_word(self) -> bool:
        """True for word tokens, False for punctuation."""
        return self.text[0].isalnum() or self.text[0] == "_"

    @property
    def capitalised(self) -> bool:
        """True when the token starts with a capital letter."""
        return self.text[0].isupper()


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences, returned as trimmed ``(start, end)`` pairs."""
    lexicon = abbreviations()
    bounds: list[tuple[int, int]] = []
    position = start
    for match in BOUNDARY.finditer(text, start, end):
        if match.group().startswith(".") and not _ends_sentence(text, match, end, lexicon):
            continue
        bounds.extend(_trim(text, position, match.end()))
        position = match.end()
    bounds.extend(_trim(text, position, end))
    return bounds


def _ends_sentence(text: str, match: re.Match[str], end: int, lexicon: Abbreviations) -> bool:
    if match.end() - match.start() > 1 and match.group()[1] == ".":
        return True
    before = WORD_BEFORE.search(text, max(0, match.start() - 20), match.start() + 1)
    if before is None:
        return True
    word = before.group(1)
    if word in lexicon.never_final or INITIAL.fullmatch(word):
        return False
    if word in lexicon.maybe_final or DOTTED.fullmatch(word):
        following = NEXT_WORD.match(text, match.end(), end)
        return following is not None and following.group(1) in lexicon.openers
    return True


def _trim(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if end > start else []


def quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Find quotations in ``text[start:end]`` as ``(open, close)`` pairs, marks included.

    Curly quotes pair by direction; straight quotes (and the doubled apostrophes
    some archives use for them) alternate. An unclosed quote
    runs to ``end`` (a quotation continued in the next paragraph).
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in QUOTE_MARK.finditer(text, start, end):
        index = mark.start()
        if opened is None:
            if mark.group() != "”":
                opened = index
        elif mark.group() != "“":
            spans.append((opened, mark.end()))
            opened = None
    if opened is not None:
        spans.append((opened, end))
    return spans


def tokenize(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[Token]:
    """Tokenise ``text[start:end]``; a token is ``quoted`` when it lies inside a quotation."""
    opens = [open_ for open_, _ in quotes]
    tokens: list[Token] = []
    for match in TOKEN.finditer(text, start, end):
        token_start = match.start()
        value = match.group()
        index = bisect.bisect_right(opens, token_start) - 1
        quoted = index >= 0 and quotes[index][0] < token_start and match.end() < quotes[index][1]
        tokens.append(Token(token_start, match.end(), value, value.lower(), quoted))
    return tokens
