"""Within-article corroboration: two independent sources in one article stating the same claim.

"The terminal will open on April 1, its director said" … "The minister
confirmed the date": the second source supports the first, and neither claim
rests on one source any more. Two claims corroborate each other when their
sources are distinct (different resolved mentions and names, not relayed by
the same outlet) and their content says the same thing: most of the content
words of the shorter one recur in the other, with the same numbers; or the
later one confirms ("confirmed the date") the claim just before it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from provenance.models import Claim, SourceMention

__all__ = ["Stated", "corroborating"]

TOKEN = re.compile(r"[^\W_]+(?:[.,’'-][^\W_]+)*")
SHARED = 0.6
"""Share of the shorter statement's content words the other must repeat to state the same claim."""
SHARED_WHEN_CONFIRMING = 0.4
"""The same, when the later source is said to confirm ("confirmed that …")."""
LEAST_SHARED = 3
"""Fewer shared content words than this is never the same claim (unless it is a short confirmation)."""
SHORT_CONFIRMATION = 4
"""A confirmation with at most this many content words ("confirmed the date") points back."""
CONFIRMATION_REACH = 3
"""How many claims back a short confirmation may point."""
STEM = 6
"""Content words are compared by their first letters, so "closed" and "closure" can meet."""


@dataclass(frozen=True)
class Stated:
    """A sourced claim as corroboration sees it: who says it, what it says, and through which outlets."""

    claim: Claim
    sources: tuple[SourceMention, ...]
    relays: frozenset[str]
    confirms: bool
    words: frozenset[str]
    numbers: frozenset[str]

    @classmethod
    def of(cls, claim: Claim, sources: tuple[SourceMention, ...], relays: frozenset[str]) -> Stated:
        """Read a claim's content (its attributed spans, else the whole claim) once."""
        spans = [content.text for attribution in claim.attributions for content in attribution.content]
        text = " ".join(spans) or claim.text
        skip = _stopwords() | {word.casefold() for source in sources for word in source.name.split()}
        tokens = [token.casefold() for token in TOKEN.findall(text)]
        numbers = frozenset(token for token in tokens if any(char.isdigit() for char in token))
        words = frozenset(token[:STEM] for token in tokens if token not in skip and len(token) > 1)
        cues = {word for a in claim.attributions if a.cue is not None for word in a.cue.text.lower().split()}
        return cls(claim, sources, relays, bool(cues & _confirming()), words, numbers)


def corroborating(stated: Sequence[Stated]) -> dict[str, list[Stated]]:
    """Map each claim id to the other claims in the article, from independent sources, that state it too."""
    found: dict[str, list[Stated]] = {}
    for later_index, later in enumerate(stated):
        for earlier_index in range(later_index - 1, -1, -1):
            earlier = stated[earlier_index]
            if not _independent(earlier, later):
                continue
            reach = later_index - earlier_index
            if _same_claim(earlier, later, reach):
                found.setdefault(earlier.claim.id, []).append(later)
                found.setdefault(later.claim.id, []).append(earlier)
    return found


def _independent(first: Stated, second: Stated) -> bool:
    """Different sources, by mention and by name, and no outlet relaying both."""
    if not first.sources or not second.sources or first.relays & second.relays:
        return False
    ids = {source.id for source in first.sources}
    names = {source.name.casefold() for source in first.sources}
    return all(source.id not in ids and source.name.casefold() not in names for source in second.sources)


def _same_claim(earlier: Stated, later: Stated, reach: int) -> bool:
    if later.confirms and len(later.words) <= SHORT_CONFIRMATION and reach <= CONFIRMATION_REACH:
        return not later.numbers or bool(later.numbers & earlier.numbers)
    if earlier.numbers and later.numbers and not earlier.numbers & later.numbers:
        return False
    shared = len(earlier.words & later.words)
    shorter = min(len(earlier.words), len(later.words))
    if shared < LEAST_SHARED or not shorter:
        return False
    return shared / shorter >= (SHARED_WHEN_CONFIRMING if later.confirms else SHARED)


@cache
def _words() -> dict[str, frozenset[str]]:
    """Load the word lists of ``data/corroboration.toml`` once."""
    text = resources.files("provenance.scoring").joinpath("data", "corroboration.toml").read_text("utf-8")
    return {key: frozenset(values) for key, values in tomllib.loads(text).items()}


def _stopwords() -> frozenset[str]:
    return _words()["stopwords"]


def _confirming() -> frozenset[str]:
    return _words()["confirming_cues"]
