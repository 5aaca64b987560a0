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
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from operator import attrgetter

from provenance.extract.cues.clause import (
    RawAttribution,
    after_quotation,
    char_span,
    in_verb_group,
    sentence_subject,
)
from provenance.extract.cues.content import content_span, content_stop, sets_scene
from provenance.extract.cues.nominal import possessor
from provenance.extract.cues.passives import by_agent
from provenance.extract.cues.verbs import Refusal, verb_reading
from provenance.extract.cues.words import (
    COORDINATORS,
    NOUN_MARKERS,
    PARTICIPLE_LEADS,
    PAST_FORMS,
    POSSESSIVES,
    PREPOSITIONS,
)
from provenance.extract.learned import CueExtentModel, CueModel, cue_feature_parts, cue_head
from provenance.extract.lexicon import cues, sources
from provenance.extract.segmentation import Token, lower_words
from provenance.extract.sources import phrase_before, phrase_head
from provenance.extract.sources.words import PASSIVE_AUXILIARIES
from provenance.models import CueKind

__all__ = [
    "CuePlaces",
    "candidate_words",
    "cue_places",
    "learned_attributions",
    "learned_cue_ends",
    "overlaps",
    "read_cue",
]

EVEN_ODDS = 0.0
"""The score (log-odds) at which the model finds a word as likely a cue as not."""

_FINAL_MARKS = frozenset(".?!")
"""Marks that end a sentence: after a cue, nothing is left to report."""

_token_start = attrgetter("start")
_token_end = attrgetter("end")


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

    A word the rules know and passed over there is taken only when the model finds
    it likelier a cue than not (``EVEN_ODDS``), whatever its threshold: the
    model overrides the rules only when it is more sure than unsure.

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
        if score < bar or (score < EVEN_ODDS and tokens[index].lower in _rule_words()):
            continue
        reading = read_cue(tokens, index, quotes, model)
        if reading is None or overlaps(reading, found + added):
            continue
        reading.learned = round(1.0 / (1.0 + math.exp(-score)), 3)
        added.append(reading)
    return added


def read_cue(
    tokens: list[Token], index: int, quotes: list[tuple[int, int]], model: CueModel, training: bool = False
) -> RawAttribution | None:
    """Read the cue headed by the word at ``index`` with the rules' grammar.

    The verb grammar reads it first (its verb group, source and content), as the
    cue lexicon's kind or a belief; a word right after a closing quotation is
    read as a statement, so it may precede its source and take the quotation as
    content ("…,” beamed Lund), as "said" does. A word the rules do not know is
    read as a passive when it is one ("was faulted for": its agent after "by" is
    the source, what was acted on is content). A reading the grammar turns down
    is read plainly (``_plain_reading``), except where the rules decided the
    word's use (``Refusal.USE``: "Lund proposed the toll in May" reports an
    event) and it stands where that grammar decides (not ``_loose_use``: "his
    call for", "a poll showing"). A known verb the grammar found no source for
    has none in its plain reading, and a passive one is read as a passive: the
    grammar already judged the phrase before it; such a verb followed by nothing
    it could report (``_reports_without_source``) is read only in ``training``, so
    the model learns from those readings too. The model judges whether a
    reading is an attribution; the grammar only says what its parts would be.
    """
    last = index + 2 if model.particle(tokens, index) else index + 1
    word = tokens[index].lower
    kind = cues().verbs.get(word) or (CueKind.STATEMENT if after_quotation(tokens, index) else CueKind.BELIEF)
    known = word in _rule_words()
    if not known and _passive(tokens, index):
        return by_agent(tokens, index, kind, quotes) or _passive_reading(tokens, index, last, quotes)
    reading = verb_reading(tokens, index, last, kind, quotes, [])
    if isinstance(reading, RawAttribution):
        return reading
    if not known or _loose_use(tokens, index):
        return _plain_reading(tokens, index, last, CueKind.BELIEF, quotes)
    if reading is Refusal.NO_CONTENT:
        return _plain_reading(tokens, index, last, CueKind.BELIEF, quotes)
    if reading is Refusal.USE or not (training or _reports_without_source(tokens, index, last)):
        return None
    if _passive(tokens, index):
        return _passive_reading(tokens, index, last, quotes)
    return _plain_reading(tokens, index, last, CueKind.BELIEF, quotes, sourced=False)


def _loose_use(tokens: list[Token], index: int) -> bool:
    """Tell whether a word stands where the verb grammar does not decide: as a noun, or a loose participle.

    ("his call for", "the support of"; "a poll showing", "… and chanting slogans":
    the grammar reads a verb with its subject, and its refusal there says nothing.)
    A participle after a verb group ("is considering") or a preposition ("by
    thanking") is the grammar's to decide.
    """
    if index == 0:
        return False
    before = tokens[index - 1]
    if before.lower in NOUN_MARKERS or before.lower in POSSESSIVES or before.lower.endswith(("’s", "'s")):
        return True
    return (
        tokens[index].lower.endswith("ing")
        and before.is_word
        and not in_verb_group(before)
        and before.lower not in PARTICIPLE_LEADS
    )


def _reports_without_source(tokens: list[Token], index: int, last: int) -> bool:
    """Tell whether a known verb the grammar found no source for may report: an object or clause follows it.

    A verb after a preposition ("by thanking") is a gerund the grammar decides; one
    followed by nothing, a preposition or a scene ("was asked", "was confirmed since
    May", "was criticized for") reports nothing the plain reading could bound (on
    PolNeAR train, the model's acceptances before a preposition were wrong 13 times in 19).
    """
    if last >= len(tokens) or (index > 0 and tokens[index - 1].lower in PARTICIPLE_LEADS):
        return False
    following = tokens[last]
    return (
        following.text not in _FINAL_MARKS
        and following.lower not in PREPOSITIONS
        and not sets_scene(tokens, last)
    )


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


def _plain_reading(
    tokens: list[Token],
    first: int,
    last: int,
    kind: CueKind,
    quotes: list[tuple[int, int]],
    sourced: bool = True,
) -> RawAttribution | None:
    """Read a cue the verb grammar turned down plainly: its verb group, the phrase before, what follows.

    ("…, urging voters to stay home", "Clinton, touting her plan, …": the content
    runs from the cue to where the next clause or attribution starts; the source
    is ``_plain_source``, or none when not ``sourced``.)
    """
    cue_start = first
    while cue_start > 0 and in_verb_group(tokens[cue_start - 1]):
        cue_start -= 1
    end = content_stop(tokens, last)
    content = content_span(tokens, last, end, quotes)
    if content is None:
        return None
    source = _plain_source(tokens, cue_start) if sourced else None
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


def _passive(tokens: list[Token], index: int) -> bool:
    """Tell whether the word at ``index`` is a past participle after "be" ("has been harshly criticized")."""
    word = tokens[index].lower
    if not word.endswith(("ed", "en", "wn")) and word not in PAST_FORMS:
        return False
    before = index - 1
    while before >= 0 and in_verb_group(tokens[before]) and tokens[before].lower not in PASSIVE_AUXILIARIES:
        before -= 1
    return before >= 0 and tokens[before].lower in PASSIVE_AUXILIARIES


def _passive_reading(
    tokens: list[Token], index: int, last: int, quotes: list[tuple[int, int]]
) -> RawAttribution | None:
    """Read a passive cue with no agent ("Lund was accused of lying"): no source, the subject is content."""
    cue_start = index
    while cue_start > 0 and in_verb_group(tokens[cue_start - 1]):
        cue_start -= 1
    subject = phrase_before(tokens, cue_start, 0) if cue_start > 0 else None
    end = content_stop(tokens, last)
    following = content_span(tokens, last, end, quotes)
    content = [part for part in (char_span(tokens, *subject) if subject else None, following) if part]
    if not content:
        return None
    return RawAttribution(
        CueKind.BELIEF,
        char_span(tokens, cue_start, last),
        None,
        content,
        first_token=subject[0] if subject is not None else cue_start,
        last_token=(end if following is not None else last) - 1,
    )


def _plain_source(tokens: list[Token], cue_start: int) -> tuple[int, int] | None:
    """Find the party of a plainly read cue: a possessor, a linked clause's subject, or the phrase before.

    ("her remark that", "Romney’s comment"; "…, and emphasized", "…, saying":
    the sentence's subject.) A phrase whose head names no one (a pronoun, a name,
    a person or an organisation) is no source: a plain reading is a guess, and
    PolNeAR train gives a source to such a reading's wrong phrase more often
    than its right one.
    """
    if cue_start == 0:
        return None
    before = cue_start - 1
    owner = possessor(tokens, before)
    if owner is not None:
        return owner
    if tokens[before].text == "," or tokens[before].lower in COORDINATORS:
        source = sentence_subject(tokens, before)
    else:
        source = phrase_before(tokens, cue_start, 0)
    return source if source is not None and _names_someone(tokens[phrase_head(tokens, *source)]) else None


def _names_someone(head: Token) -> bool:
    """Tell whether a source phrase's head names a party: a name, a pronoun, a person or an organisation."""
    lexicon = sources()
    word = head.lower
    return (
        head.capitalised
        or word in lexicon.pronouns
        or word in lexicon.person_words
        or word in lexicon.organisation_words
        or word.removesuffix("s") in lexicon.person_words
    )


@dataclass(frozen=True)
class CuePlaces:
    """Where a found cue may end: its first word, head, reader's end and furthest end, its content's start.

    ``learned`` says the cue model found the cue, not the rules.
    """

    first: int
    head: int
    end: int
    limit: int
    content_start: int | None
    learned: bool = False


@dataclass(frozen=True)
class _TakenRoles:
    """The words a sentence's attributions give a role, read once for all its cues.

    ``starts``/``ends`` merge every source, cue and cited party; ``contents``
    counts, for each token's start, the contents that cover it, so a cue may
    still run into its own content but into no other.
    """

    starts: list[int]
    ends: list[int]
    contents: dict[int, int]

    def holds(self, token: Token, attribution: RawAttribution) -> bool:
        """Tell whether another role than ``attribution``'s own content takes ``token``."""
        if _inside(token.start, self.starts, self.ends):
            return True
        own = sum(1 for start, end in attribution.content if start <= token.start < end)
        return self.contents.get(token.start, 0) > own


def _taken_roles(tokens: list[Token], found: list[RawAttribution]) -> _TakenRoles:
    """Read which words the attributions found in a sentence give a role (see ``_TakenRoles``)."""
    parts = [
        part
        for attribution in found
        for part in (attribution.cue, attribution.source, attribution.cited, attribution.citing)
        if part is not None
    ]
    starts, ends = _merged(parts)
    contents: dict[int, int] = {}
    for attribution in found:
        for start, end in attribution.content:
            for token in tokens[bisect_left(tokens, start, key=_token_start) :]:
                if token.start >= end:
                    break
                contents[token.start] = contents.get(token.start, 0) + 1
    return _TakenRoles(starts, ends, contents)


def cue_places(
    tokens: list[Token],
    attribution: RawAttribution,
    found: list[RawAttribution],
    openers: frozenset[str] | None = None,
    roles: _TakenRoles | None = None,
) -> CuePlaces | None:
    """Find the places a found cue may end, or None for a cue with one place only or no word to head it.

    A cue may run on over words only (no mark, no quotation) that no other role
    takes: not its own source or cited party, nor any part of another attribution.
    It may run into its own content when that opens right after it. With
    ``openers``, it may run on only over a word among them; ``roles`` are the
    sentence's taken words when already read.
    """
    if attribution.cue is None:
        return None
    start, stop = attribution.cue
    first = bisect_left(tokens, start, key=_token_start)
    end = bisect_right(tokens, stop, key=_token_end)
    while first < end and not tokens[first].is_word:
        first += 1
    while end > first and not tokens[end - 1].is_word:
        end -= 1
    head = cue_head(tokens, first, end) if first < end else None
    if head is None:
        return None
    if end == len(tokens) or not tokens[end].is_word or tokens[end].quoted:
        return None
    if openers is not None and tokens[end].lower not in openers:
        return None
    if roles is None:
        roles = _taken_roles(tokens, found)
    content_starts = {part[0] for part in attribution.content}
    limit = end
    content_start = None
    while limit < len(tokens):
        token = tokens[limit]
        if not token.is_word or token.quoted or roles.holds(token, attribution):
            break
        if token.start in content_starts and content_start is None:
            content_start = limit
        limit += 1
    if limit == end:
        return None
    return CuePlaces(first, head, end, limit, content_start, attribution.learned is not None)


def learned_cue_ends(
    tokens: list[Token],
    found: list[RawAttribution],
    quotes: list[tuple[int, int]],
    model: CueExtentModel | None,
) -> list[RawAttribution]:
    """Let each found cue end where the cue-extent model places its end.

    A cue that runs into its content moves the content's start past it; one that
    would leave no content keeps its reader's end.
    """
    if model is None:
        return found
    roles = _taken_roles(tokens, found)
    for attribution in found:
        places = cue_places(tokens, attribution, found, model.openers, roles)
        if places is None or attribution.cue is None:
            continue
        end = model.end(tokens, places.head, places.end, places.limit, places.content_start, places.learned)
        if end == places.end:
            continue
        content = attribution.content
        if end > places.end:
            content = _content_after(tokens, attribution.content, tokens[places.end].start, end, quotes)
            if not content:
                continue
        attribution.cue = (attribution.cue[0], tokens[end - 1].end)
        attribution.content = content
        attribution.last_token = max(attribution.last_token, end - 1)
        roles = _taken_roles(tokens, found)
    return found


def _content_after(
    tokens: list[Token], content: list[tuple[int, int]], start: int, end: int, quotes: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Move the start of a content fragment that opens at or after ``start`` to token ``end``, past a cue."""
    kept = []
    for fragment in content:
        if not start <= fragment[0] < tokens[end - 1].end:
            kept.append(fragment)
            continue
        last = bisect_right([token.end for token in tokens], fragment[1])
        moved = content_span(tokens, end, last, quotes)
        if moved is not None:
            kept.append(moved)
    return kept
