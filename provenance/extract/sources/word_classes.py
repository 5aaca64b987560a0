"""What a single token is to a source phrase: a title's full stop, an adverb, a number, a join, an acronym."""

from __future__ import annotations

import re

from provenance.extract.lexicon import sources
from provenance.extract.segmentation import Token
from provenance.extract.sources.words import (
    LY_NOUNS,
    NUMBERS,
    abbreviations_before_stop,
)

__all__ = ["abbreviation_stop", "acronym", "is_adverb", "is_number", "is_title_stop", "joined"]

INITIAL = re.compile(r"[A-Z]|(?:[A-Za-z]\.)+[A-Za-z]")
"""An initial or a dotted abbreviation, whose full stop ends no sentence ("J. Lee", "U.S.")."""


def is_title_stop(tokens: list[Token], index: int) -> bool:
    """Tell whether a full stop belongs to the abbreviation before it ("Mr." "Sen.")."""
    token = tokens[index]
    if token.text != "." or index == 0 or tokens[index - 1].end != token.start:
        return False
    word = tokens[index - 1].text
    return (
        word + "." in sources().titles
        or word in abbreviations_before_stop()
        or INITIAL.fullmatch(word) is not None
    )


def is_adverb(token: Token) -> bool:
    """Tell whether a word is an "-ly" adverb ("repeatedly"), not a noun such as "rally" or "family"."""
    return token.lower.endswith("ly") and not token.capitalised and token.lower not in LY_NOUNS


def is_number(token: Token) -> bool:
    """Tell whether a word is a count ("five", "half", "40")."""
    return token.lower in NUMBERS or token.lower == "half" or token.text[:1].isdigit()


def joined(tokens: list[Token], index: int, floor: int) -> bool:
    """Tell whether token ``index`` joins two words without spaces ("CNN/ORC", "Jean-Marie", "voters’").

    A number's thousands comma ("1,409") and its percent sign ("a 54% majority") join it too.
    """
    token = tokens[index]
    if index - 1 < floor or tokens[index - 1].end != token.start:
        return False
    if token.text in {"’", "'"}:
        return tokens[index - 1].lower.endswith("s")
    if token.text == "%":
        return tokens[index - 1].text[-1:].isdigit()
    following = (
        tokens[index + 1] if index + 1 < len(tokens) and token.end == tokens[index + 1].start else None
    )
    if token.text == ",":
        return (
            following is not None and tokens[index - 1].text[-1:].isdigit() and following.text[:1].isdigit()
        )
    return token.text in {"-", "/"} and following is not None


def acronym(token: Token, before: Token | None, following: Token) -> bool:
    """Tell whether a word in capitals is part of a name ("USA TODAY/Suffolk poll", "a USA TODAY analysis").

    A headline in capitals ("TEN KILLED IN BLAST") is no name: its words stay function words.
    """
    if len(token.text) < 2 or not token.text.isupper():
        return False
    if following.text == "/":
        return True
    return before is not None and before.text.isupper() and not following.text.isupper()


def abbreviation_stop(tokens: list[Token], index: int, ceiling: int) -> bool:
    """Tell whether a full stop closes an abbreviation inside a phrase ("Tampa, Fla., who…", "(D-Conn.)")."""
    return (
        tokens[index].text == "."
        and index > 0
        and tokens[index - 1].end == tokens[index].start
        and index + 1 < ceiling
        and tokens[index + 1].text in {",", ")"}
    )
