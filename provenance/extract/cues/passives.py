"""Passive and impersonal cues: "is expected to", "was criticized by", "seems", "asked whether".

Their source is an agent after "by", the asker of a question, or no one.
"""

from __future__ import annotations

from provenance.extract.cues.clause import RawAttribution, char_span, in_verb_group, skip_modifiers
from provenance.extract.cues.content import content_span, content_stop, impression_end
from provenance.extract.cues.words import (
    APPEAR_COMPLEMENTS,
    BE_FORMS,
    QUESTION_ENDS,
    QUESTION_LEADS,
    QUESTION_WORDS,
    SUBJECT_STOPS,
)
from provenance.extract.lexicon import cues
from provenance.extract.segmentation import Token, lower_words
from provenance.extract.sources import passive_agent, phrase_before
from provenance.models import CueKind


def question_put(tokens: list[Token], quotes: list[tuple[int, int]]) -> RawAttribution | None:
    """Read a question put to the subject: its source is the asker, if named.

    ("Asked whether he would run, …", "…, she said when asked about the merger",
    "Lund was asked by the host if …", "Asked by the host to respond, …".)
    """
    if "asked" not in lower_words(tokens):
        return None
    for asked, token in enumerate(tokens):
        if token.lower != "asked" or token.quoted:
            continue
        before = tokens[asked - 1].lower if asked else ""
        if asked and before not in QUESTION_LEADS and before not in BE_FORMS:
            continue
        end = next(
            (index for index in range(asked + 1, len(tokens)) if tokens[index].text in QUESTION_ENDS),
            len(tokens),
        )
        question = next(
            (
                index
                for index in range(asked + 1, min(end, asked + 12))
                if tokens[index].lower in QUESTION_WORDS
            ),
            end,
        )
        asker = None
        if asked + 1 < question and tokens[asked + 1].lower == "by":
            asker = (asked + 2, question) if question > asked + 2 else None
        elif asked + 1 < question < end and tokens[question].lower == "to":
            question = end
        about = question == asked + 1 < len(tokens) and tokens[question].lower == "about"
        cue_end = asked + 2 if about else asked + 1
        content = content_span(tokens, max(question, cue_end), end, quotes)
        if content is None or sum(item.is_word for item in tokens[question:end]) < 2:
            continue
        first = asked - 1 if before in BE_FORMS else asked
        source = char_span(tokens, *asker) if asker is not None else None
        return RawAttribution(
            CueKind.STATEMENT, char_span(tokens, first, cue_end), source, [content], last_token=end
        )
    return None


def by_agent(
    tokens: list[Token], index: int, kind: CueKind, quotes: list[tuple[int, int]]
) -> RawAttribution | None:
    """Read "Trump has been criticized by his rivals for …": the agent after "by" is the source.

    The cue is the verb group, the content what was acted on (the subject) and
    any complement after the agent ("for failing …", "whether he would run").
    """
    agent = passive_agent(tokens, index)
    if agent is None:
        return None
    cue_start = index
    while cue_start > 0 and in_verb_group(tokens[cue_start - 1]):
        cue_start -= 1
    subject_end = cue_start - 1 if cue_start > 0 and tokens[cue_start - 1].text == "," else cue_start
    subject = phrase_before(tokens, subject_end, 0) if subject_end > 0 else None
    content_end = content_stop(tokens, agent[1])
    complement = None
    if agent[1] < len(tokens) and tokens[agent[1]].lower in QUESTION_WORDS | {"for", "to", "that", "as"}:
        complement = content_span(tokens, agent[1], content_end, quotes)
    acted_on = None if tokens[index].lower in cues().addressee_verbs else subject
    content = [part for part in (char_span(tokens, *acted_on) if acted_on else None, complement) if part]
    if not content:
        return None
    attribution = RawAttribution(
        kind, char_span(tokens, cue_start, index + 1), char_span(tokens, *agent), content
    )
    attribution.source_tokens = agent
    attribution.first_token = subject[0] if subject is not None else cue_start
    attribution.last_token = (content_end if complement is not None else agent[1]) - 1
    return attribution


def passive_belief(tokens: list[Token], index: int, quotes: list[tuple[int, int]]) -> RawAttribution | None:
    """Read "The bank is expected to raise rates": a cue with no source, its content around it."""
    if index + 1 >= len(tokens) or tokens[index + 1].lower != "to":
        return None
    start = index
    while start > 0 and (
        tokens[start - 1].lower.endswith("ly") or tokens[start - 1].lower in {"also", "not"}
    ):
        start -= 1
    if start == 0 or tokens[start - 1].lower not in {"is", "are", "was", "were", "be", "been"}:
        return None
    cue_start = start - 1
    while cue_start > 0 and tokens[cue_start - 1].lower in cues().auxiliaries:
        cue_start -= 1
    subject = phrase_before(tokens, cue_start, 0)
    end = impression_end(tokens, index + 1, content_stop(tokens, index + 1))
    following = content_span(tokens, index + 1, end, quotes)
    if subject is None or following is None:
        return None
    return RawAttribution(
        CueKind.BELIEF,
        char_span(tokens, cue_start, index + 1),
        None,
        [char_span(tokens, *subject), following],
        first_token=subject[0],
        last_token=end - 1,
    )


def raises_a_cue(tokens: list[Token], index: int) -> bool:
    """Whether "seem"/"appear" governs an attribution verb ("He appeared to suggest …")."""
    return (
        index + 2 < len(tokens)
        and tokens[index + 1].lower == "to"
        and tokens[index + 2].lower in cues().verbs
    )


def impression(tokens: list[Token], index: int, quotes: list[tuple[int, int]]) -> RawAttribution | None:
    """Read "Lund seemed to suggest…", "It seems the plan failed": an impression with no source.

    As with "is expected to", the subject (the words back to a clause boundary)
    and the complement are the content; an empty "it" subject is left out.
    "appear" counts only before a clause ("appears to have won"), never in the
    sense of showing up ("appeared on TV").
    """
    word = tokens[index].lower
    if index + 1 >= len(tokens) or not tokens[index + 1].is_word:
        return None
    if word.startswith("appear") and tokens[index + 1].lower not in APPEAR_COMPLEMENTS:
        return None
    end = impression_end(tokens, index + 1, content_stop(tokens, index + 1))
    complement = content_span(tokens, index + 1, end, quotes)
    subject_end = skip_modifiers(tokens, index, progressive=False)
    if complement is None or subject_end == 0:
        return None
    cue_start = index
    while cue_start > subject_end and in_verb_group(tokens[cue_start - 1]):
        cue_start -= 1
    cue = char_span(tokens, cue_start, index + 1)
    if tokens[subject_end - 1].lower == "it":
        return RawAttribution(
            CueKind.BELIEF, cue, None, [complement], first_token=subject_end - 1, last_token=end - 1
        )
    start = subject_end
    while (
        start > max(0, subject_end - 8)
        and tokens[start - 1].is_word
        and tokens[start - 1].lower not in SUBJECT_STOPS
        and tokens[start - 1].lower not in cues().verbs
    ):
        start -= 1
    phrase = phrase_before(tokens, subject_end, 0)
    if start == subject_end:
        if phrase is None:
            return None
        start, subject_end = phrase
    elif phrase is not None and phrase[1] == subject_end:  # a title's full stop: "Mr. Lind seems …"
        start = min(start, phrase[0])
    return RawAttribution(
        CueKind.BELIEF,
        cue,
        None,
        [char_span(tokens, start, subject_end), complement],
        first_token=start,
        last_token=end - 1,
    )
