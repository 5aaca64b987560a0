"""Cues that are no verb: "according to", a possessed noun, "reportedly", "in her view", a poll.

("According to Lund, …", "his claim that …", "In a May poll, 60 percent …".)
"""

from __future__ import annotations

from provenance.extract.cues.clause import RawAttribution, char_span, in_verb_group
from provenance.extract.cues.content import content_span, content_stop, past_opening
from provenance.extract.cues.words import (
    DOCUMENT_HEADS,
    DOCUMENT_PHRASE_MODIFIERS,
    HEARSAY,
    NOMINAL_CUES,
    NOUN_CUE_LINKS,
    NOUN_CUE_MODIFIERS,
    NOUN_CUE_OPENERS,
    NOUN_MARKERS,
    POSSESSIVES,
    RECEIVED_STANCES,
    RECEIVING_VERBS,
    SUBJECT_STOPS,
    VIEW_WORDS,
)
from provenance.extract.lexicon import cues, sources
from provenance.extract.segmentation import Token, lower_words
from provenance.extract.sources import is_title_stop, opens_aside, phrase_after
from provenance.models import CueKind


def in_view(tokens: list[Token], quotes: list[tuple[int, int]]) -> RawAttribution | None:
    """Read "In their view, Democrats could…", "…, in Bolton's view": the possessor holds the view."""
    if VIEW_WORDS.isdisjoint(lower_words(tokens)):
        return None
    for index in range(len(tokens) - 2):
        owner, head = tokens[index + 1], tokens[index + 2]
        if tokens[index].lower != "in" or head.lower not in VIEW_WORDS or tokens[index].quoted:
            continue
        if owner.lower not in POSSESSIVES and not (owner.capitalised and owner.lower.endswith(("’s", "'s"))):
            continue
        parts = [content_span(tokens, 0, index, quotes), content_span(tokens, index + 3, len(tokens), quotes)]
        content = [part for part in parts if part is not None]
        if not content:
            return None
        return RawAttribution(
            CueKind.BELIEF,
            char_span(tokens, index + 2, index + 3),
            char_span(tokens, index + 1, index + 2),
            content,
            first_token=0,
            last_token=len(tokens) - 1,
        )
    return None


def hearsay(tokens: list[Token], quotes: list[tuple[int, int]]) -> RawAttribution | None:
    """Read "The FBI is reportedly making arrangements…": a report with no source named.

    The words before the adverb back to a clause boundary and the clause after it
    are the content; before a cue verb ("reportedly told") the verb is the cue.
    """
    if HEARSAY.isdisjoint(lower_words(tokens)):
        return None
    index = next(
        (position for position, token in enumerate(tokens) if token.lower in HEARSAY and not token.quoted),
        None,
    )
    if index is None or index == 0 or index + 1 >= len(tokens) or tokens[index + 1].lower in cues().verbs:
        return None
    start = index
    while (
        start > max(0, index - 10)
        and tokens[start - 1].is_word
        and tokens[start - 1].lower not in SUBJECT_STOPS | {"with", "as"}
    ):
        start -= 1
    end = content_stop(tokens, index + 1)
    before = content_span(tokens, start, index, quotes)
    after = content_span(tokens, index + 1, end, quotes)
    if before is None or after is None:
        return None
    return RawAttribution(
        CueKind.REPORT,
        char_span(tokens, index, index + 1),
        None,
        [before, after],
        first_token=start,
        last_token=end - 1,
    )


def nominal_cue(
    tokens: list[Token], quotes: list[tuple[int, int]], found: list[RawAttribution] | None = None
) -> RawAttribution | None:
    """Read "his claim that…", "Mrs. Lund's plan is to…", "By Lund's own admission, …": the possessor speaks.

    The possessor is a pronoun, a name ("Mrs. Lund's") or a described party
    ("the campaign's"); the noun names something said or intended, with at
    most two modifiers before it ("own", "best"). Its content follows a link
    ("that", "to", "for", "of", "on", "about"), a copula ("plan is to…"), or,
    when the phrase opens the sentence ("Under Lund's plan, …"), the clause
    after the comma. Words another attribution of the sentence (``found``)
    already gives a role are not read again.
    """
    if NOMINAL_CUES.isdisjoint(lower_words(tokens)):
        return None
    taken = [
        part
        for raw in found or []
        for part in (raw.cue, raw.source, raw.cited, *raw.content)
        if part is not None
    ]
    for index in range(1, len(tokens) - 1):
        token = tokens[index]
        if token.quoted or token.lower not in NOMINAL_CUES or token.capitalised:
            continue
        owner = index - 1
        while owner > 0 and index - owner <= 2 and tokens[owner].lower in NOUN_CUE_MODIFIERS:
            owner -= 1
        source = possessor(tokens, owner)
        if source is None or any(raw.first_token <= index <= raw.last_token for raw in found or []):
            continue
        bound = next(
            (position for position in range(index, len(tokens)) if any(
                start <= tokens[position].start < end for start, end in taken)),
            len(tokens),
        )  # fmt: skip
        reading = _nominal_content(tokens[:bound], index, source[0], quotes)
        if reading is None:
            continue
        cue_end, content, last = reading
        attribution = RawAttribution(
            CueKind.STATEMENT,
            char_span(tokens, owner + 1, cue_end),
            char_span(tokens, *source),
            [content],
            first_token=source[0],
            last_token=last,
            source_tokens=source,
        )
        first = tokens[source[0]].start
        if any(start < content[1] and first < end for start, end in taken):
            continue
        return attribution
    return None


def received_stance(
    tokens: list[Token], quotes: list[tuple[int, int]], found: list[RawAttribution]
) -> RawAttribution | None:
    """Read "The plan has drawn sharp criticism from the unions": the party after "from" takes the stance.

    The noun follows a verb of receiving, with at most two modifiers between them
    ("won overwhelming support from"); the content is what the stance is about,
    the subject of that verb. Words another attribution (``found``) covers are not read again.
    """
    if RECEIVED_STANCES.isdisjoint(lower_words(tokens)):
        return None
    for index in range(1, len(tokens) - 2):
        token = tokens[index]
        if token.quoted or token.lower not in RECEIVED_STANCES or tokens[index + 1].lower != "from":
            continue
        verb = next(
            (position for position in range(index - 1, max(-1, index - 4), -1)
             if tokens[position].lower in RECEIVING_VERBS),
            None,
        )  # fmt: skip
        if verb is None or any(raw.first_token <= index <= raw.last_token for raw in found):
            continue
        source = phrase_after(tokens, index + 2, len(tokens))
        group = verb
        while group > 0 and in_verb_group(tokens[group - 1]):
            group -= 1
        subject = group
        while (
            subject > max(0, group - 12)
            and tokens[subject - 1].is_word
            and tokens[subject - 1].lower not in SUBJECT_STOPS | {"with"}
        ):
            subject -= 1
        content = content_span(tokens, subject, group, quotes)
        if source is None or content is None:
            continue
        return RawAttribution(
            CueKind.STATEMENT,
            char_span(tokens, group, index + 1),
            char_span(tokens, *source),
            [content],
            first_token=subject,
            last_token=source[1] - 1,
            source_tokens=source,
        )
    return None


def possessor(tokens: list[Token], owner: int) -> tuple[int, int] | None:
    """Find the possessor phrase ending at token ``owner`` ("his", "Mrs. Lund's", "the firm's"), if any."""
    token = tokens[owner]
    if token.lower in POSSESSIVES:
        return owner, owner + 1
    if not token.lower.endswith(("’s", "'s")):
        return None
    if not token.capitalised:
        head = token.lower[:-2]
        described = head in sources().person_words or head in sources().organisation_words
        if not described or owner == 0 or tokens[owner - 1].lower not in {"the", "a", "an"}:
            return None
        return owner - 1, owner + 1
    start = owner
    while (
        start > 0
        and owner - start < 4
        and not tokens[start - 1].quoted
        and (
            (tokens[start - 1].is_word and tokens[start - 1].capitalised and start - 1 > 0)
            or is_title_stop(tokens, start - 1)
            or tokens[start - 1].text + "." in sources().titles
        )
    ):
        start -= 1
    if start < owner and tokens[start].text == ".":
        start += 1
    return start, owner + 1


def _nominal_content(
    tokens: list[Token], index: int, opening: int, quotes: list[tuple[int, int]]
) -> tuple[int, tuple[int, int], int] | None:
    """Find a noun cue's end, its content and the content's last token, or ``None`` when it has none."""
    if index + 1 >= len(tokens):
        return None
    following = tokens[index + 1].lower
    cue_end = index + 1
    if following in NOUN_CUE_LINKS:
        first = index + 1 if following in {"that", "to"} else index + 2
        cue_end = first
    elif following in {"is", "was"} and index + 2 < len(tokens) and tokens[index + 2].lower in {"to", "that"}:
        first, cue_end = index + 2, index + 2
    elif opening == 1 and tokens[0].lower in NOUN_CUE_OPENERS:
        if tokens[index + 1].text != ",":
            return None
        first = index + 2
    else:
        return None
    last = content_stop(tokens, first)
    content = content_span(tokens, first, last, quotes)
    return None if content is None else (cue_end, content, last - 1)


def document_intro(tokens: list[Token], quotes: list[tuple[int, int]]) -> RawAttribution | None:
    """Read "In a September poll (by X), 75 percent of voters…": "In" cues the poll opening the sentence."""
    if len(tokens) < 5 or tokens[0].lower != "in":
        return None
    comma = next((index for index in range(2, min(len(tokens), 16)) if tokens[index].text == ","), None)
    if comma is None or not _names_document(tokens, 1, comma):
        return None
    content = content_span(tokens, comma + 1, len(tokens), quotes)
    if content is None:
        return None
    return RawAttribution(
        CueKind.ACCORDING_TO,
        char_span(tokens, 0, 1),
        char_span(tokens, 1, comma),
        [content],
        last_token=len(tokens) - 1,
    )


def _names_document(tokens: list[Token], start: int, end: int) -> bool:
    """Tell whether tokens ``[start, end)`` are a noun phrase headed by a poll or survey ("a poll by X").

    Words before the head are determiners, names, numbers or modifiers, never a
    preposition or verb; words after it ("conducted by…", "of likely voters") may follow.
    A bare plural ("In polls, …") counts; a bare singular ("In poll…") does not.
    """
    function_words = sources().function_words - NOUN_MARKERS - DOCUMENT_PHRASE_MODIFIERS
    for index in range(start, end):
        token = tokens[index]
        if token.lower in DOCUMENT_HEADS:
            return index > start or token.lower.endswith("s")
        if token.quoted or (
            not token.capitalised and (token.lower in function_words or token.lower in cues().verbs)
        ):
            return False
    return False


def according_to(
    tokens: list[Token], first: int, last: int, quotes: list[tuple[int, int]]
) -> RawAttribution | None:
    """Read "according to" over tokens ``[first, last)``: the phrase after it is the source.

    The content is the rest of the sentence on either side, up to an aside closing the source.
    """
    source = phrase_after(tokens, last, len(tokens), appositive=first > 0, open_ended=first > 0)
    if source is None:
        return None
    attribution = RawAttribution(
        CueKind.ACCORDING_TO, char_span(tokens, first, last), char_span(tokens, *source)
    )
    before = content_span(tokens, past_opening(tokens, first), first, quotes)
    after = None if opens_aside(tokens, source[1]) else content_span(tokens, source[1], len(tokens), quotes)
    attribution.content = [part for part in (before, after) if part is not None]
    attribution.first_token = 0
    attribution.last_token = len(tokens) - 1
    return attribution if attribution.content else None
