"""A source phrase read rightwards from where it starts, and where an appositive after it ends.

"sources familiar with the issue", "said Josh Earnest, the White House press
secretary": post-modifiers and appositives run on to a comma, a participle
clause or the sentence end.
"""

from __future__ import annotations

from provenance.extract.lexicon import sources
from provenance.extract.segmentation import Token
from provenance.extract.sources.word_classes import abbreviation_stop, is_title_stop
from provenance.extract.sources.words import (
    APPOSITIVE_PARTICIPLES,
    COMPLEMENT_PREPOSITIONS,
    FINITE_VERBS,
    INNER_MARKS,
    LEADING_DETERMINERS,
    NOT_APPOSITIVE,
    POSSESSIVES,
    POSTMODIFIER,
    QUOTE_CLOSERS,
    RELATIVE_OPENERS,
    RELATIVES,
    RIGHT_STOP,
    TIME_WORDS,
    described,
)

__all__ = ["opens_after_comma", "opens_aside", "phrase_after", "reports"]


def phrase_after(
    tokens: list[Token], start: int, ceiling: int, appositive: bool = False, open_ended: bool = False
) -> tuple[int, int] | None:
    """Find the source phrase starting at token ``start`` (read rightwards), as a token range.

    Rightwards phrases keep post-modifiers ("sources familiar with the issue",
    "a person involved with the conversations") up to a comma or the sentence end.
    With ``appositive`` (a source after its cue: "said Josh Earnest, the White
    House press secretary"), the phrase runs on through commas and brackets
    until a participle clause (", noting that…") or the sentence end.
    ``open_ended`` phrases (a sentence-final "according to a lawsuit filed in
    Manhattan by…") also run on past prepositions.
    """
    if start >= ceiling:
        return None
    first = tokens[start]
    if not first.is_word or first.quoted:
        return None
    lexicon = sources()
    if (first.lower in lexicon.pronouns_singular or first.lower in lexicon.pronouns_plural) and not (
        first.lower in POSSESSIVES and _noun_follows(tokens, start + 1, ceiling)
    ):
        return start, start + 1
    if first.lower in lexicon.function_words and first.lower not in LEADING_DETERMINERS:
        return None
    end = start
    postmodified = False
    while end < ceiling:
        token = tokens[end]
        if appositive and end > start and _continues_appositive(tokens, end, ceiling):
            end += 1
            open_ended = True
            continue
        if token.quoted or (
            not token.is_word
            and not is_title_stop(tokens, end)
            and token.text not in INNER_MARKS
            and not abbreviation_stop(tokens, end, ceiling)
        ):
            break
        if token.lower in POSTMODIFIER:
            postmodified = True
        if (
            not (postmodified or open_ended)
            and end > start
            and token.lower in RIGHT_STOP
            and not _complement(tokens, end, ceiling)
        ):
            break
        end += 1
    while end > start and not tokens[end - 1].is_word and not is_title_stop(tokens, end - 1):
        end -= 1
    return (start, end) if end > start else None


def _noun_follows(tokens: list[Token], index: int, ceiling: int) -> bool:
    """Tell whether a word that "her" determines follows ("according to her account"), not a clause."""
    if index >= ceiling:
        return False
    token = tokens[index]
    lexicon = sources()
    return (
        token.is_word
        and not token.quoted
        and token.lower not in lexicon.function_words
        and token.lower not in lexicon.pronouns
        and token.lower not in FINITE_VERBS
    )


def _complement(tokens: list[Token], index: int, ceiling: int) -> bool:
    """Tell whether a preposition after a person or document completes it ("an adviser | to Lind").

    A time ("the aide | on Tuesday") does not.
    """
    following = index + 1
    if tokens[index].lower not in COMPLEMENT_PREPOSITIONS or following >= ceiling:
        return False
    if tokens[following].lower in TIME_WORDS or tokens[index - 1].lower not in described():
        return False
    return tokens[following].is_word and not tokens[following].quoted


def _continues_appositive(tokens: list[Token], index: int, ceiling: int) -> bool:
    """Tell whether punctuation at ``index`` sits inside an appositive rather than ending it."""
    token = tokens[index]
    if token.text in {"(", ")"}:
        return True
    if token.text != "," or index + 1 >= ceiling:
        return False
    following = tokens[index + 1]
    lower = following.lower
    if not following.is_word or following.quoted or lower in NOT_APPOSITIVE or lower == "and":
        return False
    if lower.endswith("ing") and lower not in APPOSITIVE_PARTICIPLES:
        return False
    if lower in sources().pronouns_singular or lower in sources().pronouns_plural or lower == "it":
        return False
    end = next((i for i in range(index + 1, ceiling) if tokens[i].text in {",", "(", ")"}), ceiling)
    if lower in RELATIVE_OPENERS:
        return lower == "who" and not reports(tokens, index + 2, end)
    relative = next(
        (i for i in range(index + 1, end) if tokens[i].lower in RELATIVES | RELATIVE_OPENERS), end
    )
    return not any(tokens[i].lower in FINITE_VERBS for i in range(index + 1, relative))


def opens_after_comma(tokens: list[Token], index: int) -> bool:
    """Tell whether a comma, perhaps inside a closing quotation (",”"), stands just before token ``index``."""
    while index > 0 and tokens[index - 1].text in QUOTE_CLOSERS:
        index -= 1
    return index > 0 and tokens[index - 1].text == ","


def opens_aside(tokens: list[Token], index: int) -> bool:
    """Tell whether a comma at ``index`` opens a clause about the source rather than more content.

    After an inverted source ("…,” said Ada Moreau, who has led the union since May.")
    a relative clause or a parenthetical (", though she added…") is no part of the quotation.
    After a phrase that opens the sentence ("According to her account, after…") the
    comma ends that phrase, and a parenthetical after it is the content.
    """
    if index + 1 >= len(tokens) or tokens[index].text != ",":
        return False
    following = tokens[index + 1]
    if following.quoted:
        return False
    if following.lower in RELATIVE_OPENERS:
        return True
    opening = all(token.is_word and not token.quoted for token in tokens[:index])
    return following.lower in NOT_APPOSITIVE and not opening


def reports(tokens: list[Token], start: int, end: int) -> bool:
    """Tell whether a clause holds an attribution cue of its own ("who said last week that…").

    PolNeAR keeps such a relative clause out of the source: it is a separate attribution.
    """
    verbs = sources().relative_cues
    return any(tokens[i].lower in verbs and not tokens[i].quoted for i in range(start, end))
