"""Candidate retrieval for the corpus index: which stored units can match a claim, without scanning them all.

Every stored unit's distinct normal-form terms go into posting lists (sorted
arrays of unit row ids, ``uint32``), and its total term weight into one
array. A query claim probes them with a bound on shared *IDF weight*
(``features.idf``: rare words weigh most, names and common words little): a
candidate must share ``MIN_SHARED_WEIGHT`` of the weight of the heavier side,
the query or the stored unit. So:

1. the query's terms are probed cheapest first (shortest posting list) until
   the weight left unprobed is under the bound: a unit sharing none of the
   probed terms cannot reach it (pigeonhole on weights), so the union of the
   probed lists holds every unit that can;
2. an id of that union whose probed terms, with all the unprobed ones, weigh
   under the bound is dropped (count filtering: one sort of the probed
   lists sums each id's probed weight); each remaining candidate's shared
   weight is summed over the query's terms by binary search into their
   posting lists (a list longer than ``VERIFY_POSTINGS`` is not read: its
   weight is counted as possibly shared, which keeps the bound safe);
3. candidates under the bound are dropped; the rest, the largest share of
   the heavier side's weight first, go to the fuzzy pre-filter and the
   matcher (at most ``MAX_CANDIDATES``, a ceiling on latency).

Pure functions over numpy arrays; where the lists are stored is ``index``'s concern.
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources

import numpy as np
import numpy.typing as npt

from provenance.corpus.features import idf

__all__ = [
    "MAX_CANDIDATES",
    "MIN_SHARED_WEIGHT",
    "POSTING_DTYPE",
    "VERIFY_POSTINGS",
    "WEIGHT_DTYPE",
    "PendingPostings",
    "Probe",
    "plan_probe",
    "rank_candidates",
    "reachable_candidates",
    "shared_weight",
    "term_weight",
    "weights_version",
]

MIN_SHARED_WEIGHT = 0.2
"""Least share of the heavier side's IDF-weighted terms that a match is assumed to share.

Over the pairs the fitted matcher reports as one claim in its fitting data
(MRPC train, ECB+ dev pairs), the lowest share is 0.217 and 99% share 0.30
or more; relays in ``bench/crosscheck.py`` share 0.75 or more. Contradictions
the matcher reports go lower (0.128: two market reports with different
indices); ``tests/test_retrieval.py`` re-measures this against the shipped
matcher, so a refit that matches looser pairs fails there.
"""

VERIFY_POSTINGS = 250_000
"""Posting lists longer than this (the commonest words of a large corpus) are not read to verify the bound."""

MAX_CANDIDATES = 20_000
"""Most candidates one claim unit sends to the fuzzy pre-filter: a latency ceiling for common-word claims."""

POSTING_DTYPE = np.dtype("<u4")
"""Unit row ids in posting lists: little-endian unsigned 32-bit (4 billion units)."""

WEIGHT_DTYPE = np.dtype("<f4")
"""Each stored unit's total term weight, by row id: little-endian 32-bit floats."""

IdArray = npt.NDArray[np.uint32]

_MARGIN = 1e-9
"""Relative slack of the count filter, so float rounding never drops a unit the exact sums would keep."""


@dataclass(frozen=True, slots=True)
class Probe:
    """The query side of retrieval: each term's weight, and the terms whose lists must be read."""

    weights: dict[str, float]
    probed: tuple[str, ...]
    needed: float
    """Shared weight a stored unit needs to be a candidate (before its own weight is known)."""
    bound: float


def term_weight(terms: Iterable[str]) -> float:
    """Sum the IDF weights of a unit's distinct terms."""
    return sum(idf(term) for term in set(terms))


def weights_version() -> str:
    """Identify the IDF table the stored unit weights were computed with (an index records it)."""
    table = resources.files("provenance.corpus").joinpath("data/idf.json").read_bytes()
    return hashlib.sha256(table).hexdigest()[:16]


def plan_probe(terms: Iterable[str], frequency: dict[str, int], bound: float = MIN_SHARED_WEIGHT) -> Probe:
    """Choose the posting lists to union: cheapest first, until the unprobed weight cannot reach the bound.

    ``frequency`` gives each term's posting-list length in the corpus (terms
    absent from it are shared with no stored unit and cost nothing).
    """
    weights = {term: idf(term) for term in set(terms)}
    needed = bound * sum(weights.values())
    if not needed:
        return Probe(weights, (), 0.0, bound)
    present = sorted((term for term in weights if frequency.get(term)), key=lambda t: (frequency[t], t))
    left = sum(weights[term] for term in present)
    probed: list[str] = []
    for term in present:
        if left < needed:
            break
        probed.append(term)
        left -= weights[term]
    return Probe(weights, tuple(probed), needed, bound)


def shared_weight(candidates: IdArray, postings: IdArray) -> npt.NDArray[np.bool_]:
    """Mark the candidates (sorted ids) that a posting list (sorted ids) holds, by binary search."""
    if not len(postings):
        return np.zeros(len(candidates), dtype=bool)
    found = np.searchsorted(postings, candidates)
    found[found == len(postings)] = 0
    hit: npt.NDArray[np.bool_] = postings[found] == candidates
    return hit


def rank_candidates(
    probe: Probe,
    frequency: dict[str, int],
    postings: Callable[[str], IdArray],
    unit_weights: npt.NDArray[np.float32],
) -> list[int]:
    """Return the row ids of the stored units that can share enough weight, largest share first.

    ``unit_weights`` holds each stored unit's own weight by row id: a long
    unit that contains the query's words is held to the bound on its own weight.
    """
    if not probe.probed:
        return []
    candidates = reachable_candidates(probe, frequency, postings, unit_weights)
    shared = np.zeros(len(candidates), dtype=np.float64)
    unread = 0.0
    for term, weight in probe.weights.items():
        length = frequency.get(term, 0)
        if not length:
            continue
        if length > VERIFY_POSTINGS and term not in probe.probed:
            unread += weight
            continue
        shared += weight * shared_weight(candidates, postings(term))
    heavier = np.maximum(sum(probe.weights.values()), unit_weights[candidates])
    keep = shared + unread >= probe.bound * heavier
    candidates, share = candidates[keep], shared[keep] / heavier[keep]
    order = np.lexsort((candidates, -share))[:MAX_CANDIDATES]
    return [int(rowid) for rowid in candidates[order]]


def reachable_candidates(
    probe: Probe,
    frequency: dict[str, int],
    postings: Callable[[str], IdArray],
    unit_weights: npt.NDArray[np.float32],
) -> IdArray:
    """Return the ids of the probed lists that can still reach the bound once every list is looked at.

    Most ids in the union share one middling term and little else. Their
    probed weight is summed in one sort of the probed lists; then the other
    lists are read rarest first, and after each an id goes when what it
    shares so far, with all the weight still unread, is under the bound on
    the heavier side (count filtering). What goes could not be kept by the
    exact sum (a margin absorbs float rounding), so fewer ids are looked up
    in every list.
    """
    weights = np.array([probe.weights[term] for term in probe.probed], dtype=np.float64)
    bits = np.uint64(len(probe.probed).bit_length())
    keys = np.concatenate(
        [postings(term).astype(np.uint64) << bits | np.uint64(slot) for slot, term in enumerate(probe.probed)]
    )
    keys.sort()  # by id, then by list: one id's entries are adjacent
    ids = keys >> bits
    starts = np.flatnonzero(np.concatenate(([True], ids[1:] != ids[:-1])))
    slots = (keys & ((np.uint64(1) << bits) - np.uint64(1))).astype(np.intp)
    shared = np.add.reduceat(weights[slots], starts)
    candidates: IdArray = ids[starts].astype(np.uint32)
    needed = probe.bound * np.maximum(sum(probe.weights.values()), unit_weights[candidates])
    needed = needed * (1 - _MARGIN) - _MARGIN
    rest = sorted(
        (term for term in probe.weights if frequency.get(term) and term not in probe.probed),
        key=lambda term: (frequency[term], term),
    )
    unread = sum(probe.weights[term] for term in rest)
    for term in rest:
        reachable = shared + unread >= needed
        candidates, shared, needed = candidates[reachable], shared[reachable], needed[reachable]
        if frequency[term] > VERIFY_POSTINGS:
            continue  # counted as possibly shared to the end
        unread -= probe.weights[term]
        shared += probe.weights[term] * shared_weight(candidates, postings(term))
    reachable = shared + unread >= needed
    found: IdArray = candidates[reachable]
    return found


class PendingPostings:
    """Posting lists gathered while articles are added, until the index writes them out."""

    def __init__(self) -> None:
        self.lists: dict[str, array[int]] = {}
        self.size = 0
        self.first = 0
        self.weights = array("f")

    def add(self, rowid: int, terms: Iterable[str]) -> None:
        """Record unit ``rowid``'s weight and that it holds each of ``terms`` (ids come in order)."""
        distinct = set(terms)
        if not self.weights:
            self.first = rowid
        self.weights.extend([0.0] * (rowid - self.first - len(self.weights)))
        self.weights.append(term_weight(distinct))
        for term in distinct:
            held = self.lists.get(term)
            if held is None:
                held = self.lists[term] = array("I")
            held.append(rowid)
            self.size += 1

    def drain_weights(self) -> tuple[int, bytes]:
        """Return the first row id and the weights of the units added since the last drain."""
        weights, self.weights = self.weights, array("f")
        return self.first, np.frombuffer(weights, dtype=np.float32).astype(WEIGHT_DTYPE).tobytes()

    def drain(self) -> Iterable[tuple[str, bytes]]:
        """Yield each term's new ids as little-endian bytes, and forget them."""
        lists, self.lists, self.size = self.lists, {}, 0
        for term in sorted(lists):
            yield term, np.frombuffer(lists[term], dtype=np.uint32).astype(POSTING_DTYPE).tobytes()
