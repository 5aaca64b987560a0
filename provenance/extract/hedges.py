"""Hedges: words that make a claim less than a flat statement of fact ("may", "considering")."""

from __future__ import annotations

from functools import cache
from operator import attrgetter

from provenance.extract.lexicon import hedges
from provenance.extract.segmentation import Token, span
from provenance.models import Hedge, HedgeKind

__all__ = ["find_hedges", "hedge_words"]

_LOWER = attrgetter("lower")


@cache
def _phrases() -> dict[str, list[tuple[tuple[str, ...], HedgeKind]]]:
    """Hedge phrases indexed by their first word, longest first."""
    index: dict[str, list[tuple[tuple[str, ...], HedgeKind]]] = {}
    for kind, phrases in hedges().items():
        for phrase in phrases:
            words = tuple(phrase.lower().split())
            index.setdefault(words[0], []).append((words, kind))
    for entries in index.values():
        entries.sort(key=lambda entry: len(entry[0]), reverse=True)
    return index


def hedge_words() -> frozenset[str]:
    """Every word that can start a hedge."""
    return frozenset(_phrases())


def find_hedges(text: str, tokens: list[Token], start: int, end: int) -> list[Hedge]:
    """Every hedge among the ``tokens`` of ``text[start:end]``, in order, typed by kind."""
    index = _phrases()
    found: list[Hedge] = []
    if index.keys().isdisjoint(map(_LOWER, tokens)):  # read once per claim: a pass in C, not a set
        return found
    resume = 0
    for position in [position for position, token in enumerate(tokens) if token.lower in index]:
        token = tokens[position]
        if position < resume or not start <= token.start or token.end > end:
            continue
        if _is_month(tokens, position, start):
            continue
        for words, kind in index[token.lower]:
            candidate = tokens[position : position + len(words)]
            if tuple(item.lower for item in candidate) == words and candidate[-1].end <= end:
                hedge = span(text, token.start, candidate[-1].end)
                found.append(Hedge.trusted({"span": hedge, "kind": kind}))
                resume = position + len(words)
                break
    return found


def _is_month(tokens: list[Token], position: int, start: int) -> bool:
    """Tell the month "May" from the modal "may".

    The month is capitalised after a word ("in May", "since May", "early May")
    or comes before a day number ("May 5"); the modal is lower case or opens
    the sentence.
    """
    token = tokens[position]
    if token.text != "May":
        return False
    following = tokens[position + 1] if position + 1 < len(tokens) else None
    if following is not None and following.text.isdigit():
        return True
    previous = tokens[position - 1] if position > 0 and tokens[position - 1].start >= start else None
    return previous is not None and previous.is_word
