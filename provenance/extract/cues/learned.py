"""Cues the rules miss, found by the trained cue model and read with the rules' own grammar.

The model (``provenance.extract.learned``) judges each word it knows as a cue
head, in context, outside the attributions the rules found; a word it accepts is
then read as a verb cue by the rules' grammar (its verb group, source and
content), so a learned attribution is bounded like a rule's. It is marked with
the model's probability, and the rules keep the last word wherever they found
something.
"""

from __future__ import annotations

from provenance.extract.cues.clause import RawAttribution, char_span, in_verb_group
from provenance.extract.cues.content import content_span, content_stop
from provenance.extract.cues.verbs import verb_attribution
from provenance.extract.learned import CueModel, cue_features
from provenance.extract.lexicon import cues
from provenance.extract.segmentation import Token
from provenance.extract.sources import phrase_before
from provenance.models import CueKind

__all__ = ["candidate_words", "learned_attributions"]


def candidate_words(
    tokens: list[Token], found: list[RawAttribution], vocabulary: frozenset[str]
) -> list[int]:
    """List the words the model may judge: known cue heads outside quotations and the attributions found."""
    known = [
        index
        for index, token in enumerate(tokens)
        if token.lower in vocabulary and not token.quoted and not (token.capitalised and index > 0)
    ]
    if not known:
        return known
    taken = [
        (start, end)
        for attribution in found
        for start, end in [
            *(part for part in (attribution.cue, attribution.source) if part is not None),
            *attribution.content,
        ]
    ]
    return [index for index in known if not any(start <= tokens[index].start < end for start, end in taken)]


def learned_attributions(
    tokens: list[Token], quotes: list[tuple[int, int]], found: list[RawAttribution], model: CueModel
) -> list[RawAttribution]:
    """Read the attributions whose cue the model finds among the words the rules left."""
    added: list[RawAttribution] = []
    for index in candidate_words(tokens, found, model.vocabulary):
        if added and candidate_words(tokens[index : index + 1], added, model.vocabulary) == []:
            continue  # inside an attribution the model found just before
        probability = model.probability(cue_features(tokens, index))
        if probability < model.threshold:
            continue
        last = index + 2 if model.particle(tokens, index) else index + 1
        kind = cues().verbs.get(tokens[index].lower)
        reading = verb_attribution(tokens, index, last, kind or CueKind.BELIEF, quotes, [])
        if reading is None and kind is None:  # a word of the cue lexicon: the verb grammar's verdict stands
            reading = _plain_reading(tokens, index, last, CueKind.BELIEF, quotes)
        if reading is not None:
            reading.learned = round(probability, 3)
            added.append(reading)
    return added


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
