"""Attribution cues in a sentence, with the source and content each one ties together.

A cue is a reporting verb ("said", "believe"), a phrase ("according to") or a
citation ("citing"); it counts only when a source phrase stands beside it, and
its content follows PolNeAR's conventions: a "that" clause or quotation after
the cue, the text before a sentence-final "…, the official stated", or both
fragments around an inserted cue ("The plan, he said, is…"). Cues inside a
quotation or inside another attribution's content are not read again: only the
outermost attribution of a nest is kept.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache
from itertools import islice, takewhile
from operator import attrgetter

from provenance.extract.cues.clause import (
    RawAttribution,
    adverbial_only,
    first_cue_words,
    opens_participle,
    title_case,
)
from provenance.extract.cues.content import learned_ends
from provenance.extract.cues.learned import learned_attributions, learned_cue_ends
from provenance.extract.cues.nominal import (
    according_to,
    document_intro,
    hearsay,
    in_view,
    nominal_cue,
    received_stance,
)
from provenance.extract.cues.passives import by_agent, impression, passive_belief, question_put, raises_a_cue
from provenance.extract.cues.punctuation import punctuation_cue, speaker_line
from provenance.extract.cues.verbs import characterisation, final_cue, stance_attribution, verb_attribution
from provenance.extract.cues.words import (
    BE_FORMS,
    CLOSERS,
    DOCUMENT_HEADS,
    HEARSAY,
    NAMING_PARTICIPLES,
    NAMING_PASSIVES,
    NOMINAL_CUES,
    PASSIVE_CUES,
    PUNCTUATION_CUES,
    QUOTE_OPENERS,
    RAISING_VERBS,
    RECEIVED_STANCES,
    VIEW_WORDS,
)
from provenance.extract.learned import content_end_model, cue_extent_model, cue_model
from provenance.extract.lexicon import cues
from provenance.extract.segmentation import Token, lower_words
from provenance.models import CueKind

RULE_MARKS = frozenset(":―—")
"""The marks that let a rule read a cue without a trigger word: a speaker's colon, a dash before a credit."""


def find_attributions(
    tokens: list[Token], quotes: list[tuple[int, int]], headline: bool = False
) -> list[RawAttribution]:
    """Find the outermost attributions among one sentence's tokens: the rules', then the cue model's.

    A ``headline`` reads the verbs only headlines use as cues too ("Lawmakers rip…"). The
    cues end where the cue-extent model places their ends, and the contents after
    them where the content-end model places theirs.
    """
    found = rule_attributions(tokens, quotes, headline) if headline or rules_may_read(tokens) else []
    found += learned_attributions(tokens, quotes, found, cue_model())
    found = learned_cue_ends(tokens, found, quotes, cue_extent_model())
    for attribution in found:
        if attribution.source is not None and naming_passive(tokens, attribution):
            attribution.source = attribution.source_tokens = None
    return learned_ends(tokens, found, quotes, content_end_model())


def naming_passive(tokens: list[Token], attribution: RawAttribution) -> bool:
    """Tell whether a cue names, ranks or binds what it follows ("titled", "is seen as"): no one speaks.

    The subject before such a cue is what is named (or required, or ascribed),
    not a source; a participle after "have" ("had dubbed") is active and keeps its subject.
    """
    if attribution.cue is None:
        return False
    start, end = attribution.cue
    first = bisect_left(tokens, start, key=attrgetter("start"))
    words = [token.lower for token in takewhile(lambda token: token.start < end, islice(tokens, first, None))]
    if words and words[0] in NAMING_PARTICIPLES:
        return True
    return any(word in NAMING_PASSIVES for word in words) and any(word in BE_FORMS for word in words)


@cache
def trigger_words() -> frozenset[str]:
    """Every word without which no rule reads a cue: cue starts, cue nouns, "reportedly", "view", poll words.

    A sentence holding none of them, no colon or dash and no "as" before a quotation
    (``rules_may_read``) has no rule attribution.
    """
    return first_cue_words() | NOMINAL_CUES | RECEIVED_STANCES | HEARSAY | VIEW_WORDS | DOCUMENT_HEADS


@cache
def _rule_signals() -> frozenset[str]:
    """Join the tokens any of which lets a rule read a cue: the trigger words, a colon or a dash."""
    return trigger_words() | RULE_MARKS


def rules_may_read(tokens: list[Token]) -> bool:
    """Tell whether the rules may find an attribution in a sentence, which spares the rest reading them.

    Every rule needs a trigger word, a colon or a dash, except a quotation cast with
    "as" ("has gone after Trump as a “leech”", ``characterisation``); a sentence read
    only for the cue model's words or for hedges has none of them.
    """
    words = lower_words(tokens)
    return not _rule_signals().isdisjoint(words) or ("as" in words and not QUOTE_OPENERS.isdisjoint(words))


def rule_attributions(
    tokens: list[Token], quotes: list[tuple[int, int]], headline: bool = False
) -> list[RawAttribution]:
    """Find the outermost attributions that the hand-written rules read in one sentence.

    A quotation that ends its own sentence (``… “ongoing.” He said the FBI…``)
    is read apart from the new statement after it.
    """
    split = _statement_after_quotation(tokens)
    if split is not None:
        return rule_attributions(tokens[:split], quotes) + rule_attributions(tokens[split:], quotes)
    question = question_put(tokens, quotes)
    if question is None or question.cue is None:
        return _attributions(tokens, quotes, headline=headline)
    start, end = question.cue
    found = _attributions(tokens, quotes, (start, end), headline)
    for attribution in found:
        kept = [part for part in attribution.content if not part[0] <= start < part[1]]
        attribution.content = kept or attribution.content
    return [question, *found]


def _statement_after_quotation(tokens: list[Token]) -> int | None:
    """Find where a new statement starts after a quotation closed with a full stop, if one does.

    (``“… ongoing.” He said the FBI had not commented``: the second sentence has a
    subject, a cue and content of its own; ``“… ready.” Lund said.`` does not.) A
    question or exclamation closing a quotation is followed by its speaker
    (``“Who are they?” Lund said to a crowd``), so only a full stop ends one.
    """
    if CLOSERS.isdisjoint(lower_words(tokens)):
        return None
    starters = first_cue_words()
    for index in range(2, len(tokens) - 4):
        if not (
            tokens[index].text in CLOSERS
            and tokens[index - 1].text == "."
            and tokens[index + 1].is_word
            and tokens[index + 1].capitalised
        ):
            continue
        cue = next(
            (
                position
                for position in range(index + 2, min(len(tokens), index + 8))
                if tokens[position].lower in starters and not tokens[position].quoted
            ),
            None,
        )
        if cue is None:
            continue
        words = sum(token.is_word for token in tokens[cue + 1 :])
        if words >= 3 and not adverbial_only(tokens, cue + 1):
            return index + 1
    return None


def _attributions(
    tokens: list[Token],
    quotes: list[tuple[int, int]],
    asked: tuple[int, int] = (-1, -1),
    headline: bool = False,
) -> list[RawAttribution]:
    """Find the attributions of a sentence; a question's cue (``asked``, character range) is read already."""
    starters = first_cue_words() | cues().headline_verbs if headline else first_cue_words()
    candidates = [
        index
        for index, token in enumerate(tokens)
        if token.lower in starters and not token.quoted and not asked[0] <= token.start < asked[1]
    ]
    found: list[RawAttribution] = []
    for index in candidates:
        if (
            0 < index < len(tokens) - 2
            and tokens[index].lower == "according"
            and tokens[index + 1].lower == "to"
        ):
            outermost = according_to(tokens, index, index + 2, quotes)
            if outermost is not None:
                return [outermost]
    final = speaker_line(tokens, quotes) or document_intro(tokens, quotes)
    if final is not None:
        return [final]
    readings: dict[int, RawAttribution | None] = {}
    last_word = final_cue(tokens, candidates, quotes, readings)
    if last_word is not None:
        found.append(last_word)
        candidates = [
            index for index in candidates if index > last_word.last_token and opens_participle(tokens, index)
        ]
    titled: bool | None = True if headline else None
    covered = -1
    for index in candidates:
        token = tokens[index]
        if index <= covered:
            continue
        if index > 0 and token.capitalised:
            if titled is None:
                titled = title_case(tokens)
            if not titled:
                continue
        attribution = _attribution_at(tokens, index, quotes, found, readings, headline)
        if attribution is not None:
            found.append(attribution)
            covered = max(index, attribution.last_token)
    if not found and not PUNCTUATION_CUES.isdisjoint(lower_words(tokens)):
        punctuated = punctuation_cue(tokens, quotes, title_case(tokens) if titled is None else titled)
        if punctuated is not None:
            found.append(punctuated)
    if not found:
        nominal = hearsay(tokens, quotes) or in_view(tokens, quotes)
        if nominal is not None:
            found.append(nominal)
    possessed = nominal_cue(tokens, quotes, found)
    if possessed is not None:
        found.append(possessed)
    received = received_stance(tokens, quotes, found)
    if received is not None:
        found.append(received)
    cast = characterisation(tokens, quotes, found) if quotes else None
    if cast is not None:
        found.append(cast)
    return found


@cache
def _phrases_by_first_word() -> dict[str, list[tuple[tuple[str, ...], CueKind]]]:
    """Index the cue lexicon's phrases by first word, in the lexicon's order (the first that fits wins)."""
    index: dict[str, list[tuple[tuple[str, ...], CueKind]]] = {}
    for phrase, kind in cues().phrases.items():
        index.setdefault(phrase[0], []).append((phrase, kind))
    return index


def _attribution_at(
    tokens: list[Token],
    index: int,
    quotes: list[tuple[int, int]],
    found: list[RawAttribution],
    readings: dict[int, RawAttribution | None],
    headline: bool = False,
) -> RawAttribution | None:
    """Read the cue starting at token ``index``, by the construction its word or phrase calls for.

    A verb already read by ``final_cue`` (``readings``) with nothing found before
    it is taken from there rather than read again. In a ``headline`` a present-tense
    verb takes a plain object as its content ("Senator backs levy").
    """
    lexicon = cues()
    for phrase, kind in _phrases_by_first_word().get(tokens[index].lower, ()):
        if tuple(token.lower for token in tokens[index : index + len(phrase)]) == phrase:
            if kind is CueKind.ACCORDING_TO:
                return according_to(tokens, index, index + len(phrase), quotes)
            return verb_attribution(tokens, index, index + len(phrase), kind, quotes, found)
    if tokens[index].lower in lexicon.stance_adjectives:
        return stance_attribution(tokens, index, quotes, found)
    verb_kind = lexicon.verbs.get(tokens[index].lower)
    if verb_kind is None and headline and tokens[index].lower in lexicon.headline_verbs:
        verb_kind = CueKind.STATEMENT
    if verb_kind is None:
        return None
    if tokens[index].lower in PASSIVE_CUES:
        passive = passive_belief(tokens, index, quotes)
        if passive is not None:
            return passive
    if tokens[index].lower in RAISING_VERBS:
        if raises_a_cue(tokens, index):  # "he seemed to indicate …": the subject speaks, through both verbs
            return verb_attribution(
                tokens, index, index + 3, lexicon.verbs[tokens[index + 2].lower], quotes, found
            )
        return impression(tokens, index, quotes)
    agentive = by_agent(tokens, index, verb_kind, quotes)
    if agentive is not None:
        return agentive
    if not found and index in readings and not headline:
        return readings[index]
    return verb_attribution(tokens, index, index + 1, verb_kind, quotes, found, headline)
