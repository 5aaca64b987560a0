"""Which words of two claims mean the same: WordNet synonyms and derivations, by stem; phrases of one thing.

Outlets word one fact apart ("fired" / "dismissed", "bought" / "purchased",
"convicted" / "conviction"). ``data/wordnet.json``, built from WordNet 3.0 by
``bench/build_wordnet_table.py``, gives each normaliser stem its commonest
senses and the senses derived from them; two words align when those meet.
``data/phrases.toml`` lists the names of one thing that share no word ("DUI" /
"drunken driving"), which the matcher reads as one.
"""

from __future__ import annotations

import json
import re
import tomllib
from functools import lru_cache
from importlib import resources

__all__ = ["common_words", "same_phrases", "senses"]


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    data = json.loads(resources.files("provenance.corpus").joinpath("data/wordnet.json").read_text("utf-8"))
    words: dict[str, str] = data["words"]
    return words


@lru_cache(maxsize=1 << 15)
def senses(word: str) -> frozenset[str]:
    """Give a stem's senses (opaque ids; empty for a word WordNet does not hold)."""
    entry = _table().get(word)
    return frozenset(entry.split()) if entry else frozenset()


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Give the stems news prints lower case at least as often as capitalised: no names, whatever their case.

    ``data/common_words.json`` is counted over PolNeAR train by ``bench/fit_matcher.py``.
    """
    text = resources.files("provenance.corpus").joinpath("data/common_words.json").read_text("utf-8")
    return frozenset(json.loads(text)["words"])


@lru_cache(maxsize=1)
def _phrases() -> tuple[re.Pattern[str], dict[str, str]]:
    data = tomllib.loads(
        resources.files("provenance.corpus").joinpath("data/phrases.toml").read_text("utf-8")
    )
    canonical = {phrase: group[0] for group in data["same"] for phrase in group}
    longest_first = sorted(canonical, key=len, reverse=True)
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(phrase) for phrase in longest_first) + r")\b", re.IGNORECASE
    )
    return pattern, canonical


def same_phrases(sentence: str) -> str:
    """Write each phrase of ``data/phrases.toml`` as its group's first ("drunken driving" → "dui")."""
    pattern, canonical = _phrases()
    return pattern.sub(lambda found: canonical[found.group(0).lower()], sentence)
