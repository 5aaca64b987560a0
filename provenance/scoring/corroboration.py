"""Within-article corroboration: two independent sources in one article stating the same claim.

"The terminal will open on April 1, its director said" … "The minister
confirmed the date": the second source supports the first, and neither claim
rests on one source any more. Two claims corroborate each other when their
sources are distinct (different resolved mentions and names, not relayed by
the same outlet) and their content says the same thing: most of the content
words of each recur in the other, with the same numbers; or the
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
from provenance.scoring.footing import footing_words

__all__ = ["Stated", "corroborating"]

TOKEN = re.compile(r"[^\W_]+(?:[.,’'-][^\W_]+)*")
SHARED = 0.6
"""Share of the longer statement's content words the two must have in common to state the same claim."""
SHARED_WHEN_CONFIRMING = 0.5
"""The same, when the later source is said to confirm ("confirmed that …")."""
LEAST_SHARED = 2
"""Fewer shared content words than this is never the same claim (unless it is a short confirmation)."""
SHORT_CONFIRMATION = 3
"""A confirmation with at most this many content words ("confirmed the date") points back."""
CONFIRMATION_REACH = 3
"""How many claims back a short confirmation may point."""
NAME_FILLERS = frozenset({"the", "a", "an", "mr", "mrs", "ms", "mr.", "mrs.", "ms.", "dr", "dr."})
"""Words that do not tell two names apart."""
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
        tokens = TOKEN.findall(text)
        numbers = frozenset(token for token in tokens if any(char.isdigit() for char in token))
        words = frozenset(
            token[:STEM]
            for token in tokens
            if token in numbers or (token[0].islower() and len(token) > 1 and token not in skip)
        )
        cues = {word for a in claim.attributions if a.cue is not None for word in a.cue.text.lower().split()}
        return cls(claim, sources, relays, bool(cues & _confirming()), words, numbers)


def corroborating(stated: Sequence[Stated]) -> dict[str, list[Stated]]:
    """Map each claim id to the other claims in the article, from independent sources, that state it too.

    A headline restates the story in the publisher's words, so it neither gives nor gets corroboration.
    """
    found: dict[str, list[Stated]] = {}
    stated = [entry for entry in stated if entry.claim.section != "headline"]
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
    """Different sources, by mention and by name, none a bare pronoun, and no outlet relaying both.

    Names that contain one another ("the poll", "a Bloomberg poll"; "Clarke", "Mr. Clarke's
    company") may be one source, and a pronoun may stand for either: neither is independent.
    """
    if not first.sources or not second.sources or first.relays & second.relays:
        return False
    pronouns = footing_words().pronouns
    words = [_name_words(source) for source in (*first.sources, *second.sources)]
    if any(not name or name <= pronouns for name in words):
        return False
    ids = {source.id for source in first.sources}
    first_names = words[: len(first.sources)]
    for source, name in zip(second.sources, words[len(first.sources) :], strict=True):
        if source.id in ids or any(name <= other or other <= name for other in first_names):
            return False
    return True


def _name_words(source: SourceMention) -> frozenset[str]:
    """Read the words of a source's name that tell it apart: no articles, titles or possessive endings."""
    words = (word.casefold().removesuffix("’s").removesuffix("'s") for word in TOKEN.findall(source.name))
    return frozenset(word for word in words if word not in NAME_FILLERS)


def _same_claim(earlier: Stated, later: Stated, reach: int) -> bool:
    if later.confirms and len(later.words) <= SHORT_CONFIRMATION and reach <= CONFIRMATION_REACH:
        return not later.numbers or bool(later.numbers & earlier.numbers)
    if earlier.numbers and later.numbers and not earlier.numbers & later.numbers:
        return False
    shared = len(earlier.words & later.words)
    longer = max(len(earlier.words), len(later.words))
    if shared < LEAST_SHARED:
        return False
    return shared / longer >= (SHARED_WHEN_CONFIRMING if later.confirms else SHARED)


@cache
def _words() -> dict[str, frozenset[str]]:
    """Load the word lists of ``data/corroboration.toml`` once."""
    text = resources.files("provenance.scoring").joinpath("data", "corroboration.toml").read_text("utf-8")
    return {key: frozenset(values) for key, values in tomllib.loads(text).items()}


def _stopwords() -> frozenset[str]:
    return _words()["stopwords"]


def _confirming() -> frozenset[str]:
    return _words()["confirming_cues"]
