"""The matcher's features do not depend on the interpreter's hash seed.

A set of words is iterated in an order that follows the hash seed, and a plain
float sum over it can differ in its last bit from one process to the next: a
feature at a tree's threshold then went either way, and ``bench/fit_matcher.py``
could not reproduce the shipped model.
"""

from __future__ import annotations

import os
import subprocess
import sys

PAIRS = [
    (
        "The Vell harbour board dismissed its director after an audit found missing funds in March.",
        "After an audit of the Vell harbour accounts, the board fired its director over missing money.",
    ),
    (
        "Ada Quist, the Harrow coach, signed a three-year contract with the Vell Rovers on Monday.",
        "Former Harrow coach Ada Quist agreed a new contract to lead the Vell Rovers for three seasons.",
    ),
    (
        "A strong earthquake struck the Tarn region on Tuesday, damaging houses and injuring dozens.",
        "Dozens were injured and houses collapsed when a strong quake hit the Tarn valley early Tuesday.",
    ),
]
PROGRAM = f"""
from provenance.corpus.features import claim_text, pair_features
for a, b in {PAIRS!r}:
    print(repr(pair_features(claim_text(a), claim_text(b))))
"""


def _features_under(hash_seed: int) -> str:
    environment = {**os.environ, "PYTHONHASHSEED": str(hash_seed)}
    return subprocess.run(
        [sys.executable, "-c", PROGRAM], env=environment, capture_output=True, text=True, check=True
    ).stdout


def test_pair_features_are_the_same_under_every_hash_seed() -> None:
    first = _features_under(1)
    assert first
    assert all(_features_under(seed) == first for seed in range(2, 9))
