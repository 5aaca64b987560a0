"""Cues the rules miss, found by the trained cue model and read with the rules' own grammar.

The model (``provenance.extract.learned``) judges each word it knows as a cue
head, in context, outside the attributions the rules found; a word it accepts is
then read as a verb cue by the rules' grammar (its verb group, source and
content), so a learned attribution is bounded like a rule's. It is marked with
the model's probability, and the rules keep the last word wherever they found
something.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache
from operator import attrgetter

from provenance.extract.cues.clause import RawAttribution, char_span, in_verb_group
from provenance.extract.cues.content import content_span, content_stop
from provenance.extract.cues.verbs import verb_attribution
from provenance.extract.learned import CueModel, cue_features
from provenance.extract.lexicon import cues, sources
from provenance.extract.segmentation import Token, lower_words
from provenance.extract.sources import phrase_before
from provenance.models import CueKind

__all__ = ["candidate_words", "learned_attributions"]


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
    quoting = any(map(attrgetter("quoted"), tokens))
    for index in candidate_words(tokens, found, model.vocabulary):
        probability = model.probability(cue_features(tokens, index, sentence_quotes=quoting))
        if probability < model.threshold:
            continue
        last = index + 2 if model.particle(tokens, index) else index + 1
        word = tokens[index].lower
        kind = cues().verbs.get(word)
        reading = verb_attribution(tokens, index, last, kind or CueKind.BELIEF, quotes, [])
        if reading is None and word not in _rule_words():  # otherwise the rules' verdict stands
            reading = _plain_reading(tokens, index, last, CueKind.BELIEF, quotes)
        if reading is None:
            continue
        taken = _spans(found + added)
        if any(start < other_end and other_start < end for start, end in _spans([reading])
               for other_start, other_end in taken):  # fmt: skip
            continue
        reading.learned = round(probability, 3)
        added.append(reading)
    return added


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
