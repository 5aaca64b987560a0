r"""What a regular expression's text tells before it runs, for choosing a cheaper way to run it.

Hand-written patterns (``data/boilerplate.toml``) are searched in every
sentence of every article, and Python's engine tries a search at every
position. Read off the pattern's text, conservatively (``None`` or ``False``
whenever a construct is not understood), three facts make that cheaper: a
pattern held to the start (``^`` without a top-level ``|``) needs one match
there; a pattern naming no capital letter finds the same in lower-cased ASCII
text; and the literal texts one of which every match holds (``\bcontributed
(?:…)`` needs "contributed ") let a sentence without any of them skip the
search.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["anchored", "folds", "needed_texts"]

QUANTIFIERS = frozenset("?*{")
ESCAPED_LITERALS = frozenset(".()[]{}?*+|^$\\/-")
PLAIN_LITERALS = frozenset(" ,:;/@'’&-!<>=#%\"")


def _top_level(pattern: str) -> Iterator[tuple[int, int]]:
    """Yield ``(index, depth)`` for each character of ``pattern`` outside escapes and character classes."""
    depth, index, in_class = 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += pattern.startswith("^", index + 1)
            index += pattern.startswith("]", index + 1)  # "[]…]" and "[^]…]" hold "]"
        else:
            if char == ")":
                depth -= 1
            yield index, depth
            if char == "(":
                depth += 1
        index += 1


def anchored(pattern: str) -> bool:
    """Tell whether a pattern can only match at the start: it opens with ``^`` and has no top-level ``|``."""
    return pattern.startswith("^") and not any(
        pattern[index] == "|" and depth == 0 for index, depth in _top_level(pattern)
    )


def folds(pattern: str) -> bool:
    r"""Tell whether an ignore-case pattern finds the same in lower-cased ASCII text when it matches case.

    It does when it names no capital letter (escapes aside: ``\W``, ``\S``) and
    sets no flags of its own.
    """
    if re.search(r"\(\?(?![:=!]|<[=!])", pattern):
        return False
    return not any(char.isupper() for char in re.sub(r"\\.", "", pattern))


def needed_texts(pattern: str) -> tuple[str, ...] | None:
    r"""Give texts, in lower case, one of which every match of a folding pattern holds, or None.

    They are read off the pattern's start, after any ``\b``: a literal
    ("pic\.twitter\.com/" needs "pic.twitter.com/") or a group of alternatives
    each opening with one ("(?:declined|would not) …" needs "declined" or
    "would not").
    """
    if any(pattern[index] == "|" and depth == 0 for index, depth in _top_level(pattern)):
        return None
    while pattern.startswith("\\b"):
        pattern = pattern[2:]
    if not pattern.startswith("(?:"):
        head = _literal_head(pattern)
        return (head.lower(),) if head else None
    closing = (index for index, depth in _top_level(pattern) if depth == 0 and pattern[index] == ")")
    close = next(closing, None)
    if close is None or pattern[close + 1 : close + 2] in QUANTIFIERS:
        return None
    inner = pattern[3:close]
    bars = [index + 3 for index, depth in _top_level(inner) if depth == 0 and inner[index] == "|"]
    cuts = [3, *(bar + 1 for bar in bars)]
    ends = [*bars, close]
    heads = [_literal_head(pattern[start:end]) for start, end in zip(cuts, ends, strict=True)]
    return tuple(head.lower() for head in heads) if all(heads) else None


def _literal_head(pattern: str) -> str:
    """Read the literal text a pattern opens with, short of any character a quantifier makes optional."""
    head: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and pattern[index + 1 : index + 2] in ESCAPED_LITERALS:
            head.append(pattern[index + 1])
            index += 2
        elif char.isalnum() or char in PLAIN_LITERALS:
            head.append(char)
            index += 1
        else:
            break
        if pattern[index : index + 1] in QUANTIFIERS:
            head.pop()
            break
    return "".join(head)
