"""Which words of two claims mean the same: WordNet synonyms and derivations, by stem.

Outlets word one fact apart ("fired" / "dismissed", "bought" / "purchased",
"convicted" / "conviction"). ``data/wordnet.json``, built from WordNet 3.0 by
``bench/build_wordnet_table.py``, gives each normaliser stem its commonest
senses and the senses derived from them; two words align when those meet.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

__all__ = ["senses"]


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
