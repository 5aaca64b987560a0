"""Hedges: words that make a claim less than a flat statement of fact ("may", "considering")."""

from __future__ import annotations

import re
from functools import cache

from provenance.extract.lexicon import hedges
from provenance.models import Hedge, HedgeKind, Span

__all__ = ["find_hedges"]


@cache
def _pattern() -> re.Pattern[str]:
    groups = []
    for kind, phrases in hedges().items():
        words = sorted(
            (r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases), key=len, reverse=True
        )
        groups.append(f"(?P<{kind.value}>{'|'.join(words)})")
    return re.compile(rf"\b(?:{'|'.join(groups)})\b", re.IGNORECASE)


def find_hedges(text: str, start: int, end: int) -> list[Hedge]:
    """Every hedge in ``text[start:end]``, in order, typed by kind."""
    found = []
    for match in _pattern().finditer(text, start, end):
        kind = HedgeKind(match.lastgroup or "")
        found.append(Hedge(span=Span.of(text, match.start(), match.end()), kind=kind))
    return found
