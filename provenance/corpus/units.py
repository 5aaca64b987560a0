"""Claim units: the part of a claim that two reports of it share, ready for matching.

Relays of one claim frame it differently ("Reuters reported", "the diplomats
told Reuters"), open with datelines ("WASHINGTON (AP) —"), wrap it in markup,
and join several facts in one sentence. What gets matched is the claim's
*content*: the attribution frame cut out but its negation and modality kept
("Comey did not recommend charges" stays negated when "Comey … recommend" is
cut), markup and dateline removed, and the sentence split where it joins
facts (a semicolon, ", while"). Boilerplate ("did not immediately respond to
requests for comment") and captions ("(AP Photo/…)") are no claim at all: they
recur across unrelated stories and would match each other. Templates the
patterns do not know are found by document frequency across the corpus
(``skeleton`` and the index's boilerplate pass).
"""

from __future__ import annotations

import contextlib
import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

from provenance.corpus.contradiction import strip_noise
from provenance.corpus.lexicon import common_words
from provenance.corpus.normalize import MONTHS, STOP_WORDS, normalise, stem
from provenance.models import AnalysisResult, Claim

__all__ = [
    "claim_core",
    "claim_units",
    "dateline_agency",
    "event_names",
    "is_boilerplate",
    "rival_names",
    "skeleton",
    "unit_texts",
]

KEEP_FROM_FRAME = frozenset(
    {"not", "n't", "never", "no", "may", "might", "could", "would", "should", "must", "cannot", "can't"}
)
"""Words of a cut attribution frame that belong to the claim: its negation and modality."""

MIN_UNIT_TOKENS = 3
"""A split part with fewer content words stays joined to its neighbour."""

_FRAME_WORD = re.compile(r"[\w']+|n't|’t")
_NAME = re.compile(r"(?<!^)(?<![.!?] )\b[A-Z][\w'’.-]*")
_OPENING_NAME = re.compile(r"^[A-Z][\w'’-]*(?= [A-Z])")
"""A sentence's first word is a name when a capitalised word follows it ("Mira Sand was …")."""
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_CAPITALISED_WORD = re.compile(r"\b[A-Z][^\W\d_]*(?:['’][^\W\d_]+)*")
"""A capitalised word, an apostrophe inside it allowed ("O'Neill"), no digits: a name unless a common word."""


@lru_cache(maxsize=1)
def _patterns() -> dict[str, Any]:
    data = tomllib.loads(resources.files("provenance.corpus").joinpath("data/units.toml").read_text("utf-8"))
    return {
        "boilerplate": re.compile("|".join(f"(?:{p})" for p in data["boilerplate"]), re.IGNORECASE),
        "caption": re.compile("|".join(f"(?:{p})" for p in data["caption"]), re.IGNORECASE),
        "dateline": re.compile(data["dateline"]),
        "joints": re.compile("|".join(f"(?:{p})" for p in data["joints"])),
        "timestamp": frozenset(stem(word) for word in data["timestamp"]) | {stem(m) for m in MONTHS},
    }


@lru_cache(maxsize=1 << 14)
def event_names(unit: str) -> frozenset[str]:
    """Collect the names a unit gives: capitalised words, wherever they stand, that are no common word.

    A headline's capitals ("Hawks' Ivo Marsh Arrested On Suspicion") and a
    sentence's first word mark no name unless the word is one; the list of
    common words (printed lower case in news at least as often as not) is
    data counted over PolNeAR train by ``bench/fit_matcher.py``.
    """
    common = common_words()
    return frozenset(
        named
        for word in _CAPITALISED_WORD.findall(unit)
        if word.lower() not in STOP_WORDS and (named := stem(word.lower().rstrip("'’"))) not in common
    )


def rival_names(ours: str, theirs: str) -> bool:
    """Tell two units that each name someone or somewhere the other does not ("Marsh" / "Renn").

    Worded alike, they tell of two events of one kind: one player's arrest
    and a team-mate's. A unit about "he" or "she" that names no one the other
    names cannot show it is about the person the other names either.
    """
    left, right = event_names(ours), event_names(theirs)
    only_left, only_right = left - right, right - left
    if only_left and only_right:
        return True
    return bool(only_left and _PRONOUN.search(theirs)) or bool(only_right and _PRONOUN.search(ours))


def claim_core(analysis: AnalysisResult, claim: Claim) -> str:
    """Cut the attribution frame ("…, five diplomats said") out of a claim's sentence, keeping its negation.

    The cue and the source mentions are cut; a negation or modal inside the cut
    cue ("did not *recommend*", "may have *said*") is put back where it stood,
    so the content keeps its polarity.
    """
    cuts: list[tuple[int, int]] = []
    for attribution in claim.attributions:
        if attribution.cue is not None:
            cuts.append((attribution.cue.start, attribution.cue.end))
        if attribution.source_id is not None:
            with contextlib.suppress(KeyError):
                span = analysis.source(attribution.source_id).span
                cuts.append((span.start, span.end))
    start, end = claim.span.start, claim.span.end
    text = analysis.article.text
    inside = sorted((max(a, start), min(b, end)) for a, b in cuts if a < end and b > start)
    if not inside or claim.span.text != text[start:end]:
        return claim.text
    pieces: list[str] = []
    position = start
    for cut_start, cut_end in inside:
        if cut_start > position:
            pieces.append(text[position:cut_start])
        kept = [word for word in _FRAME_WORD.findall(text[max(position, cut_start) : cut_end]) if _kept(word)]
        pieces.extend(kept)
        position = max(position, cut_end)
    pieces.append(text[position:end])
    core = " ".join(" ".join(pieces).split())
    return core or claim.text


def _kept(word: str) -> bool:
    folded = word.lower().replace("’", "'")
    return folded in KEEP_FROM_FRAME or folded.endswith("n't")


def is_boilerplate(sentence: str) -> bool:
    """Tell boilerplate, captions and timestamp lines (no claim to match) from reporting."""
    patterns = _patterns()
    if patterns["boilerplate"].search(sentence) or patterns["caption"].search(sentence):
        return True
    stamp: frozenset[str] = patterns["timestamp"]
    return all(token[:1].isdigit() or token in stamp for token in normalise(sentence).tokens)


def dateline_agency(sentence: str) -> str | None:
    """Name the agency a dateline credits ("WASHINGTON (AP) —" → "AP"), if the sentence opens with one."""
    match = _patterns()["dateline"].match(sentence)
    return match.group("agency").strip() if match and match.group("agency") else None


def unit_texts(core: str) -> list[str]:
    """Clean a claim's core and split it into the units matched one by one (none for boilerplate).

    A split claim keeps its whole as the first unit too: a report may state all
    of its facts, or only one of them.
    """
    if is_boilerplate(core):
        return []
    cleaned = _patterns()["dateline"].sub("", strip_noise(core), count=1)
    cleaned = " ".join(cleaned.split())
    parts = [part.strip() for part in _patterns()["joints"].split(cleaned) if part and part.strip()]
    units: list[str] = []
    for part in parts:
        if (units and len(normalise(part).tokens) < MIN_UNIT_TOKENS) or (
            units and len(normalise(units[-1]).tokens) < MIN_UNIT_TOKENS
        ):
            units[-1] = f"{units[-1]}; {part}"
        else:
            units.append(part)
    if len(units) > 1:
        units.insert(0, cleaned)
    return [unit for unit in units if normalise(unit).tokens]


def claim_units(analysis: AnalysisResult, claim: Claim) -> list[str]:
    """List the units of one claim of an analysed article."""
    return unit_texts(claim_core(analysis, claim))


def skeleton(sentence: str) -> str:
    """Reduce a sentence to its template: its normal form without names and numbers.

    "Hillary Clinton wins the Delaware primary" and "… South Dakota primary"
    share the skeleton "win primary"; a skeleton printed across many stories on
    many dates is a template, not a claim.
    """
    names = {word.lower() for word in [*_NAME.findall(sentence), *_OPENING_NAME.findall(sentence)]}
    name_prefixes = {name[:end] for name in names for end in range(1, len(name) + 1)}
    tokens = normalise(sentence).tokens
    return " ".join(token for token in tokens if not token[:1].isdigit() and token not in name_prefixes)
