"""The subject of a clause: where the main clause starts, how far a capitalised subject runs, a passive agent.

"WASHINGTON (AFP) – While in Ohio, | Lind said", "Clinton campaign spokesman
Brian Fallon", "was criticized by | her rivals".
"""

from __future__ import annotations

from provenance.extract.lexicon import sources
from provenance.extract.segmentation import Token
from provenance.extract.sources.after_cue import phrase_after
from provenance.extract.sources.word_classes import is_title_stop
from provenance.extract.sources.words import (
    AGENT_ENDS,
    DASHES,
    GROUP_PLACE_PREPOSITIONS,
    INTRODUCTORY_CONJUNCTIONS,
    IRREGULAR_PARTICIPLES,
    NEGATIONS,
    NUMBERS,
    PASSIVE_ADVERBS,
    PASSIVE_AUXILIARIES,
    QUANTIFIERS,
    QUOTE_CLOSERS,
    TAIL_OPENERS,
    TIME_WORDS,
    lower_titles,
)

__all__ = ["main_clause_start", "name_tail", "passive_agent"]


def main_clause_start(tokens: list[Token], limit: int) -> int | None:
    """Find where a sentence's main clause (and so its subject) begins, or None when unsure.

    A dateline ("WASHINGTON (AFP) –", "Paris (AFP) –") and an introductory phrase ending in a
    comma ("While celebrating …,", "Speaking in Salem, Ohio, Trump …") are passed over.
    """
    first = 0
    if (
        tokens
        and tokens[0].is_word
        and (
            (tokens[0].text.isupper() and len(tokens[0].text) > 1)
            or (tokens[0].capitalised and len(tokens) > 1 and tokens[1].text == "(")
        )
    ):
        dash = next((index for index in range(1, min(limit, 12)) if tokens[index].text in DASHES), None)
        first = 0 if dash is None else dash + 1
    if first >= limit or not _introduces(tokens, first):
        return first
    comma = next(
        (index for index in range(first + 1, min(limit, first + 25)) if tokens[index].text == ","), None
    )
    if comma is None:
        return None
    while comma + 1 < limit and tokens[comma + 1].text in QUOTE_CLOSERS:
        comma += 1  # "After saying it was “so swollen,” she …": the clause starts after the closing mark
    place = comma + 1
    while place < limit and tokens[place].capitalised and tokens[place].is_word:
        place += 1
    if (
        tokens[comma - 1].capitalised
        and place + 1 < limit
        and place > comma + 1
        and tokens[place].text == ","
    ):
        return place + 1
    return comma + 1


def _introduces(tokens: list[Token], index: int) -> bool:
    """Tell whether a sentence's first word opens an introductory phrase rather than its subject.

    An adverb ("Separately,") or a participle ("Speaking in Ohio,") does; a
    first name ending like an adverb does not ("Kelly Ayotte said", "Holly Lind").
    """
    token = tokens[index]
    lower = token.lower
    if lower in sources().function_words or lower in INTRODUCTORY_CONJUNCTIONS:
        return True
    if not token.capitalised or lower in sources().pronouns:
        return False
    if lower.endswith("ly"):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        return following is None or not (following.capitalised and following.is_word)
    return lower.endswith("ing")


def passive_agent(tokens: list[Token], index: int) -> tuple[int, int] | None:
    """Find the agent of a passive cue verb at ``index`` ("was criticized by her rivals"), as a token range.

    The verb must be a past participle after a form of "be" ("has been criticized
    by") or open a phrase after a comma ("The bill, opposed by House Republicans,").
    """
    verb = tokens[index]
    if index + 2 >= len(tokens) or tokens[index + 1].lower != "by" or verb.quoted or verb.capitalised:
        return None
    if not verb.lower.endswith("ed") and verb.lower not in IRREGULAR_PARTICIPLES:
        return None
    before = index - 1
    while before >= 0 and (tokens[before].lower.endswith("ly") or tokens[before].lower in PASSIVE_ADVERBS):
        before -= 1
    if before < 0:
        return None
    if tokens[before].lower not in PASSIVE_AUXILIARIES and tokens[before].text != ",":
        return None
    if tokens[index + 2].lower.endswith("ing"):
        return None
    agent = phrase_after(tokens, index + 2, len(tokens))
    if agent is None:
        return None
    end = next((i for i in range(agent[0] + 1, agent[1]) if _ends_agent(tokens, i)), agent[1])
    return agent[0], end


def _ends_agent(tokens: list[Token], index: int) -> bool:
    """Tell whether a word ends a passive agent: a complement or time phrase ("for failing", "last week")."""
    lower = tokens[index].lower
    if lower in AGENT_ENDS:
        return True
    return (
        lower == "for"
        and index + 1 < len(tokens)
        and (tokens[index + 1].lower.endswith("ing") or tokens[index + 1].lower in NEGATIONS)
    )


def name_tail(tokens: list[Token], end: int, limit: int) -> int:
    """Extend a capitalised subject over the descriptor and name after it, returning the new end.

    "Clinton campaign spokesman Brian Fallon", "Band member Flea", "Black voters",
    "Anti-Trump forces": the capitalised words alone are a modifier, not the source.
    """
    lexicon = sources()
    index = end
    while (
        index < limit
        and tokens[index].is_word
        and not tokens[index].quoted
        and (
            tokens[index].lower in lexicon.person_words
            or tokens[index].lower in lexicon.organisation_words
            or tokens[index].lower in lower_titles()
        )
    ):
        index += 1
    if index == end:
        return _coordinated_tail(tokens, _group_place(tokens, _home_state(tokens, end, limit), limit), limit)
    named = index
    while named < limit and tokens[named].is_word and tokens[named].capitalised and named - index < 4:
        named += 1
    return _coordinated_tail(tokens, _group_place(tokens, _home_state(tokens, named, limit), limit), limit)


def _group_place(tokens: list[Token], end: int, limit: int) -> int:
    """Extend a group over where it sits ("Republicans on Capitol Hill", "Democrats in the Senate")."""
    group = tokens[end - 1].lower
    if (
        end + 1 >= limit
        or tokens[end].lower not in GROUP_PLACE_PREPOSITIONS
        or not group.endswith("s")
        or group.endswith("’s")
    ):
        return end
    place = end + 2 if tokens[end + 1].lower == "the" else end + 1
    start = place
    while (
        place < limit
        and tokens[place].is_word
        and tokens[place].capitalised
        and tokens[place].lower not in TIME_WORDS
        and not tokens[place].lower.endswith(("’s", "'s"))
        and place - start < 3
    ):
        place += 1
    if place < limit and (is_title_stop(tokens, place) or tokens[place].lower in {"’s", "'s"}):
        return end
    return place if place > start else end


def _coordinated_tail(tokens: list[Token], end: int, limit: int) -> int:
    """Extend a subject over "and" and another name or group ("Lind and Jo Brandt", "Lind and her aides")."""
    if end + 1 >= limit or tokens[end].lower != "and" or tokens[end + 1].quoted:
        return end
    index = end + 1
    while index < min(limit, end + 6) and (
        (tokens[index].is_word and tokens[index].capitalised) or is_title_stop(tokens, index)
    ):
        index += 1
    if index > end + 1:
        return index if index < limit and not tokens[index].capitalised else end
    if tokens[index].lower not in TAIL_OPENERS:
        return end
    lexicon = sources()
    for word in range(index + 1, min(limit, index + 6)):
        if not tokens[word].is_word or tokens[word].quoted:
            return end
        if tokens[word].lower in lexicon.person_words:
            return word + 1
    return end


def _home_state(tokens: list[Token], end: int, limit: int) -> int:
    """Extend a name over "of" and the place it is from ("Senator Ada Lind of Ohio"), giving the new end."""
    if end + 1 >= limit or tokens[end].lower != "of" or not tokens[end - 1].capitalised:
        return end
    if tokens[end - 1].lower in QUANTIFIERS or tokens[end - 1].lower in NUMBERS:
        return end
    place = end + 1
    while (
        place < limit
        and tokens[place].is_word
        and tokens[place].capitalised
        and not tokens[place].lower.endswith(("’s", "'s"))
        and place - end < 4
    ):
        place += 1
    return place if place > end + 1 else end
