"""The plain noun phrase at the core of a source, read leftwards from its last word, and its head.

"five European diplomats", "a spokesman for the mayor", "nine in 10 voters",
"the experts I interviewed": determiners, quantifiers, numbers, inner
prepositions and coordinated names belong to the phrase; a function word,
punctuation or a quotation ends it.
"""

from __future__ import annotations

from provenance.extract.lexicon import SourceLexicon, cues, sources
from provenance.extract.segmentation import Token
from provenance.extract.sources.word_classes import acronym, is_adverb, is_number, is_title_stop, joined
from provenance.extract.sources.words import (
    APPROXIMATORS,
    ARTICLES,
    CIRCLE_HEADS,
    CLAUSE_OPENERS,
    CLAUSE_SUBJECT_PRONOUNS,
    CLOCK_MARKS,
    COMPARATIVES,
    COORDINATED_PRONOUNS,
    FLOATING_QUANTIFIERS,
    HEAD_END,
    INNER_PREPOSITIONS,
    IRREGULAR_PARTICIPLES,
    LEADING_DETERMINERS,
    NAME_CONJUNCTIONS,
    NEGATED_SUBJECTS,
    NOT_PHRASE_STARTS,
    NUMBERS,
    OBJECT_PRONOUNS,
    ORDINALS,
    PARTITIVE_PREPOSITIONS,
    PERSON_PREPOSITIONS,
    POSSESSIVES,
    POSTMODIFIER,
    QUANTIFIERS,
    SPOKEN_OF,
    STANDALONE_QUANTIFIERS,
    SUBJECT_QUANTIFIERS,
    TENURE_WORDS,
    TIME_HEADS,
    TIME_LEADS,
    TIME_MODIFIERS,
    TIME_NOUNS,
    lower_titles,
)

__all__ = ["core_before", "is_time_phrase", "phrase_head"]

MAX_PHRASE = 16


def phrase_head(tokens: list[Token], start: int, end: int) -> int:
    """Find the head noun of the phrase over tokens ``[start, end)``: its last word before a post-modifier.

    "Data | from the 2014 survey" and "Records | compiled by the FEC" agree with
    their verb through "Data" and "Records"; a partitive is no post-modifier
    ("nine in 10 voters" has the head "voters").
    """
    for index in range(start + 1, end):
        word = tokens[index].lower
        previous = tokens[index - 1].lower
        counted = previous in NUMBERS or previous in QUANTIFIERS or previous.isdigit()
        partitive = word in PARTITIVE_PREPOSITIONS and counted
        comma = tokens[index].text == "," and not joined(tokens, index, start)
        if (word in HEAD_END or comma) and not partitive and tokens[index - 1].is_word:
            return index - 1
    return end - 1


def core_before(tokens: list[Token], end: int, floor: int) -> tuple[int, int] | None:
    """Read a plain noun phrase leftwards: words up to a function word, punctuation or quotation.

    A time phrase ("two weeks ago") is read as any other; ``is_time_phrase`` tells it apart.
    """
    lexicon = sources()
    last = end - 1
    if last < floor:
        return None
    token = tokens[last]
    start = last
    if token.text == "%" and last > floor and tokens[last - 1].text[:1].isdigit():
        start = last - 1
    elif not token.is_word or token.quoted:
        return None
    elif (
        token.lower in OBJECT_PRONOUNS and last - 2 >= floor and _inner_preposition(tokens, last - 1, lexicon)
    ):
        start = last - 1
    elif token.lower == "that" and _relative_that(tokens, last, floor, lexicon):
        return last, end
    elif token.lower in lexicon.pronouns:
        if token.lower == "one" and last - 1 >= floor and tokens[last - 1].lower == "no":
            return last - 1, end
        return None if token.lower in OBJECT_PRONOUNS else (last, end)
    elif (
        token.lower in STANDALONE_QUANTIFIERS
        and not _coordinated_before(tokens, last, floor, lexicon)
        and not (token.lower in FLOATING_QUANTIFIERS and _floats(tokens, last, floor))
    ):
        return last, end
    elif token.lower in lexicon.function_words or token.lower.endswith(("’s", "'s")):
        return None
    while start - 1 >= floor and end - (start - 1) <= MAX_PHRASE:
        previous = tokens[start - 1]
        before = tokens[start - 2] if start - 2 >= floor else None
        if previous.quoted or (previous.lower in SPOKEN_OF | TIME_NOUNS and tokens[start].capitalised):
            break
        if previous.text == "." and before is not None and before.lower in CLOCK_MARKS:
            break  # "7:45 a.m. | Ada Lind said": a live report's time stamp opens the sentence
        if previous.lower in POSSESSIVES and _coordinated_before(tokens, start - 1, floor, lexicon):
            start -= 1
            continue
        if (
            is_title_stop(tokens, start - 1)
            or joined(tokens, start - 1, floor)
            or (previous.text == "US" and tokens[start].capitalised)
            or (previous.text == "@" and previous.end == tokens[start].start)
        ):
            start -= 1
            continue
        if previous.lower in NAME_CONJUNCTIONS and before is not None and not before.quoted:
            if before.lower in COORDINATED_PRONOUNS:
                start -= 2
                break
            if before.is_word and (
                before.capitalised
                or before.lower in lexicon.person_words
                or before.lower in lexicon.organisation_words
                or before.lower in lower_titles()
                or before.lower in TENURE_WORDS
            ):
                start -= 1
                continue
        if before is not None and not before.quoted and _inner_preposition(tokens, start - 1, lexicon):
            start -= 1
            continue
        if previous.lower in APPROXIMATORS and is_number(tokens[start]):
            start -= 2 if previous.lower == "least" and before is not None and before.lower == "at" else 1
            if start - 1 >= floor and tokens[start - 1].lower in ARTICLES:
                start -= 1
            break
        if (
            previous.lower == "than"
            and before is not None
            and before.lower in COMPARATIVES
            and is_number(tokens[start])
        ):
            start -= 2
            break
        if previous.lower in QUANTIFIERS:
            start -= 1
            if (
                previous.lower in SUBJECT_QUANTIFIERS
                and start - 1 >= floor
                and _object_noun(tokens[start - 1], lexicon)
            ):
                break
            continue
        if previous.lower in ORDINALS and before is not None and before.lower in LEADING_DETERMINERS:
            start -= 2
            if start - 2 >= floor and _inner_preposition(tokens, start - 1, lexicon):
                continue
            break
        if not previous.is_word or (
            previous.lower in lexicon.function_words and not acronym(previous, before, tokens[start])
        ):
            if previous.lower not in LEADING_DETERMINERS:
                break
            start -= 1
            if start - 2 >= floor and (
                _inner_preposition(tokens, start - 1, lexicon) or _coordinated_name(tokens, start - 1)
            ):
                continue
            break
        if previous.lower in ARTICLES and tokens[start].text != ".":
            start -= 1
            if start - 1 >= floor and _joins_article(tokens, start - 1, floor, lexicon):
                continue
            break
        if previous.lower in lexicon.pronouns and (
            start != last or not _contact_clause(tokens, start, floor, lexicon)
        ):
            break
        start -= 1
    while start < end and tokens[start].lower in NOT_PHRASE_STARTS:
        start += 1
    if (
        start - 1 >= floor
        and start < end
        and tokens[start - 1].lower == "not"
        and tokens[start].lower in NEGATED_SUBJECTS
    ):
        start -= 1  # "Not everyone | agrees": the negation belongs to the subject
    return (start, end) if start < end else None


def is_time_phrase(tokens: list[Token], start: int, end: int) -> bool:
    """Tell whether a phrase is a time ("two weeks ago", "on Thursday evening"), which is never a source."""
    return tokens[end - 1].lower in TIME_HEADS and all(
        token.lower in TIME_HEADS or token.lower in TIME_MODIFIERS or token.lower in TIME_LEADS
        for token in tokens[start:end]
    )


def _contact_clause(tokens: list[Token], verb: int, floor: int, lexicon: SourceLexicon) -> bool:
    """Tell whether a verb after a subject pronoun ends a noun phrase ("the experts I interviewed said").

    The verb is a past form, the pronoun a subject, and the word before it a
    person word or "everyone": the clause describes the people who speak.
    """
    if verb - 2 < floor or tokens[verb].capitalised:
        return False
    past = tokens[verb].lower.endswith("ed") or tokens[verb].lower in IRREGULAR_PARTICIPLES
    described = tokens[verb - 2].lower
    return past and tokens[verb - 1].lower in CLAUSE_SUBJECT_PRONOUNS and described in lexicon.person_words


def _coordinated_before(tokens: list[Token], index: int, floor: int, lexicon: SourceLexicon) -> bool:
    """Tell whether "and" after a name or person joins it to the word at ``index`` ("the mayor and | her")."""
    if index - 2 < floor or tokens[index - 1].lower != "and":
        return False
    person = tokens[index - 2]
    return (
        person.is_word
        and not person.quoted
        and person.lower not in lexicon.pronouns
        and (person.capitalised or person.lower in lexicon.person_words or person.lower in lower_titles())
    )


def _floats(tokens: list[Token], quantifier: int, floor: int) -> bool:
    """Tell whether a quantifier follows its subject ("Lund and Reyes | both said"), not opening a clause."""
    if quantifier <= floor:
        return False
    previous = tokens[quantifier - 1]
    return previous.is_word and previous.lower not in CLAUSE_OPENERS and previous.lower not in ARTICLES


def _relative_that(tokens: list[Token], that: int, floor: int, lexicon: SourceLexicon) -> bool:
    """Tell whether "that" before a cue is a relative pronoun standing for a noun ("a group that | plans").

    It is the source, as "who" and "which" are. After a verb or adjective
    ("said that", "so sure that") it opens a clause instead.
    """
    if that - 1 < floor:
        return False
    noun = tokens[that - 1]
    word = noun.lower
    return (
        noun.is_word
        and not noun.quoted
        and word not in lexicon.function_words
        and word not in cues().verbs
        and not word.endswith(("ed", "ly"))
        and (
            noun.capitalised
            or word in lexicon.person_words
            or word in lexicon.organisation_words
            or word in lexicon.document_words
            or (word.endswith("s") and not word.endswith("ss"))
        )
    )


def _joins_article(tokens: list[Token], index: int, floor: int, lexicon: SourceLexicon) -> bool:
    """Tell whether the word before an article belongs to the same source ("all the", "at least a").

    So does a participle after a noun ("voters backing the bill"). Any other
    word ends the source: in "a probe the agency said" or "the kind
    of jurist many Republicans fear" the noun before is what the source speaks of.
    """
    word = tokens[index]
    if word.lower in QUANTIFIERS or word.lower in APPROXIMATORS or word.lower == "and":
        return True
    if word.lower in lexicon.person_words or word.lower in lower_titles():
        return True
    if index - 1 >= floor and word.lower.endswith("ing") and not word.capitalised:
        noun = tokens[index - 1]
        return noun.is_word and noun.lower not in lexicon.function_words and not is_adverb(noun)
    return index - 1 >= floor and (
        _inner_preposition(tokens, index, lexicon) or _coordinated_name(tokens, index)
    )


def _coordinated_name(tokens: list[Token], index: int) -> bool:
    """Tell whether "and" at ``index`` joins a name or pronoun to what follows ("Sanders and his aides")."""
    before = tokens[index - 1]
    return (
        tokens[index].lower == "and"
        and before.is_word
        and not before.quoted
        and (before.capitalised or before.lower in COORDINATED_PRONOUNS)
    )


def _inner_preposition(tokens: list[Token], index: int, lexicon: SourceLexicon) -> bool:
    """Tell whether the preposition at ``index`` sits inside a source phrase, read leftwards.

    That is a complement of a person or a quantity ("a spokesman for", "many of",
    "Nine in 10", "people familiar with"), or the author of a document ("a poll
    conducted by").
    """
    preposition, head = tokens[index].lower, tokens[index - 1]
    if not head.is_word or head.quoted:
        return False
    if preposition in INNER_PREPOSITIONS:
        return head.lower not in lexicon.function_words or head.lower in QUANTIFIERS
    if preposition in PERSON_PREPOSITIONS and (
        head.lower in CIRCLE_HEADS
        or head.lower in lexicon.person_words
        or head.lower in POSTMODIFIER
        or head.lower in lexicon.organisation_words
        or head.lower in lexicon.document_words
    ):
        return True
    if preposition == "in" and is_number(tokens[index + 1]) and is_number(head):
        return True
    if preposition == "by":
        window = tokens[max(0, index - 4) : index]
        return all(token.is_word for token in window) and any(
            token.lower in lexicon.document_words for token in window
        )
    return False


def _object_noun(token: Token, lexicon: SourceLexicon) -> bool:
    """Tell whether a word before a quantifier is a noun the source speaks of ("the unease | many feel")."""
    lower = token.lower
    return (
        token.is_word
        and not token.quoted
        and not token.capitalised
        and lower not in lexicon.function_words
        and lower not in ARTICLES
        and lower not in APPROXIMATORS
        and lower not in QUANTIFIERS
        and lower not in INNER_PREPOSITIONS
        and not is_number(token)
        and lower not in lexicon.cue_modifiers
        and not is_adverb(token)
    )
