"""Cues the rules miss, found by the trained cue model and read with the rules' own grammar.

The model (``provenance.extract.learned``) judges each word it knows as a cue
head, in context, outside the attributions the rules found; a word it accepts is
then read as a verb cue by the rules' grammar (its verb group, source and
content), so a learned attribution is bounded like a rule's. It is marked with
the model's probability, and the rules keep the last word wherever they found
something.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from functools import cache

from provenance.extract.cues.clause import RawAttribution, after_quotation, char_span, in_verb_group
from provenance.extract.cues.content import content_span, content_stop
from provenance.extract.cues.verbs import verb_attribution
from provenance.extract.learned import CueModel, cue_feature_parts
from provenance.extract.lexicon import cues, sources
from provenance.extract.segmentation import Token, lower_words
from provenance.extract.sources import phrase_before
from provenance.models import CueKind

__all__ = ["candidate_words", "learned_attributions", "overlaps", "read_cue"]


def candidate_words(
    tokens: list[Token], found: list[RawAttribution], vocabulary: frozenset[str]
) -> list[int]:
    """List the words the model may judge: known cue heads outside quotations and the attributions found."""
    if vocabulary.isdisjoint(lower_words(tokens)):
        return []
    known = [
        index
        for index, token in enumerate(tokens)
        if token.lower in vocabulary and not token.quoted and not (token.capitalised and index > 0)
    ]
    if not known:
        return known
    starts, ends = _merged(_spans(found))
    return [index for index in known if not _inside(tokens[index].start, starts, ends)]


def _merged(ranges: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Merge character ranges into sorted disjoint ones, as parallel start and end lists."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(ranges):
        if starts and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _inside(position: int, starts: list[int], ends: list[int]) -> bool:
    """Tell whether ``position`` falls in one of the merged ranges (a binary search, not a scan)."""
    slot = bisect_right(starts, position) - 1
    return slot >= 0 and position < ends[slot]


def learned_attributions(
    tokens: list[Token], quotes: list[tuple[int, int]], found: list[RawAttribution], model: CueModel
) -> list[RawAttribution]:
    """Read the attributions whose cue the model finds among the words the rules left.

    A reading that would share a word with an attribution already found (its
    source, cue, content or cited party) is dropped: PolNeAR gives every word
    one role at most, and the rules' reading comes first.
    """
    added: list[RawAttribution] = []
    candidates = candidate_words(tokens, found, model.vocabulary)
    if not candidates:
        return added
    quoting = any(token.quoted for token in tokens)
    bar = model.threshold_score
    for index in candidates:
        score = model.score_parts(cue_feature_parts(tokens, index, sentence_quotes=quoting))
        if score < bar:
            continue
        reading = read_cue(tokens, index, quotes, model)
        if reading is None or overlaps(reading, found + added):
            continue
        reading.learned = round(1.0 / (1.0 + math.exp(-score)), 3)
        added.append(reading)
    return added


def read_cue(
    tokens: list[Token], index: int, quotes: list[tuple[int, int]], model: CueModel
) -> RawAttribution | None:
    """Read the cue headed by the word at ``index`` with the rules' grammar.

    The verb grammar reads it first (its verb group, source and content), as the
    cue lexicon's kind or a belief; a word right after a closing quotation is
    read as a statement, so it may precede its source and take the quotation as
    content ("…,” beamed Lund), as "said" does. A word the rules know and the grammar turns
    down stays turned down (the rules decided it: "Lund proposed the toll in
    May" reports an event); a word the rules do not know is then read plainly
    (``_plain_reading``). The model judges whether such a reading is an
    attribution; the grammar only says what its parts would be.
    """
    last = index + 2 if model.particle(tokens, index) else index + 1
    word = tokens[index].lower
    kind = cues().verbs.get(word) or (CueKind.STATEMENT if after_quotation(tokens, index) else CueKind.BELIEF)
    reading = verb_attribution(tokens, index, last, kind, quotes, [])
    if reading is None and word not in _rule_words():
        return _plain_reading(tokens, index, last, CueKind.BELIEF, quotes)
    return reading


def overlaps(reading: RawAttribution, attributions: list[RawAttribution]) -> bool:
    """Tell whether a reading gives a role to a word that one of ``attributions`` already gives one."""
    taken = _spans(attributions)
    return any(
        start < other_end and other_start < end
        for start, end in _spans([reading])
        for other_start, other_end in taken
    )


def _spans(attributions: list[RawAttribution]) -> list[tuple[int, int]]:
    """Every character range that attributions give a role: source, cue, content, cited party."""
    return [
        part
        for attribution in attributions
        for part in (
            attribution.cue,
            attribution.source,
            attribution.cited,
            attribution.citing,
            *attribution.content,
        )
        if part is not None
    ]


@cache
def _rule_words() -> frozenset[str]:
    """Words whose use as a cue the rules decide: the cue lexicon's verbs and the verbs it restricts."""
    lexicon = cues()
    return (
        frozenset(lexicon.verbs)
        | lexicon.clause_only
        | lexicon.object_verbs
        | lexicon.new_object_verbs
        | lexicon.noun_like
        | sources().clause_only_verbs
    )


def _plain_reading(
    tokens: list[Token], first: int, last: int, kind: CueKind, quotes: list[tuple[int, int]]
) -> RawAttribution | None:
    """Read a cue the verb grammar turned down plainly: its verb group, the phrase before, what follows.

    ("…, urging voters to stay home", "Clinton, touting her plan, …": the content
    runs from the cue to where the next clause or attribution starts; the source
    is the phrase right before the verb group, or none.)
    """
    cue_start = first
    while cue_start > 0 and in_verb_group(tokens[cue_start - 1]):
        cue_start -= 1
    end = content_stop(tokens, last)
    content = content_span(tokens, last, end, quotes)
    if content is None:
        return None
    source = phrase_before(tokens, cue_start, 0) if cue_start > 0 else None
    attribution = RawAttribution(
        kind,
        char_span(tokens, cue_start, last),
        char_span(tokens, *source) if source is not None else None,
        [content],
        first_token=source[0] if source is not None else cue_start,
        last_token=end - 1,
        source_tokens=source,
    )
    return attribution
