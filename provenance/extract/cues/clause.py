"""What the cue readers share: the raw attribution, and the clause around a cue word.

Where a sentence's subject is, which words belong to a verb group, whether a
quotation closes before a word: small questions each construction asks.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache

from provenance.extract.cues.words import (
    ADVERBIAL_STARTS,
    BE_FORMS,
    CLAUSE_WORDS,
    CLOSERS,
    DEGREE_WORDS,
    FINITE_AUXILIARIES,
    LOCATIVES,
    NOUN_MARKERS,
    PARTICIPLE_LINKS,
    PAST_FORMS,
    PLURAL_NOUNS,
    PLURAL_PRONOUNS,
    POSSESSIVES,
    QUOTE_MARKS,
    SPEECH_VERBS,
    TIME_LEADS,
    TIME_WORDS,
)
from provenance.extract.lexicon import cues, sources
from provenance.extract.segmentation import Token
from provenance.extract.sources import is_adverb, is_title_stop, main_clause_start, name_tail, phrase_before
from provenance.models import CueKind


@dataclass
class RawAttribution:
    """An attribution found in one sentence, as character ranges."""

    kind: CueKind
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    content: list[tuple[int, int]] = field(default_factory=list)
    cited: tuple[int, int] | None = None
    """The party a "…, citing X, …" phrase names; ``citing`` is that word's span."""
    citing: tuple[int, int] | None = None
    first_token: int = 0
    last_token: int = 0
    source_tokens: tuple[int, int] | None = None
    learned: float | None = None
    """The cue model's probability when the model, not a rule, found the cue."""


def opens_participle(tokens: list[Token], index: int) -> bool:
    """Tell whether a cue word opens a participle clause (", adding that…"), which shares the main source."""
    return tokens[index].lower.endswith("ing") and participle_link(tokens, index)


def participle_link(tokens: list[Token], index: int) -> bool:
    """Tell whether the words before token ``index`` attach a participle clause to the main one.

    That is a comma or a linking word (", saying", "by saying"), or a quotation
    closed with a comma (``“a major breach,” adding``).
    """
    if index == 0:
        return False
    before = tokens[index - 1]
    if before.lower in PARTICIPLE_LINKS:
        return True
    return before.text in CLOSERS and index > 1 and tokens[index - 2].text == ","


@cache
def first_cue_words() -> frozenset[str]:
    """Every word that can start a cue (a quick filter before any phrase is tried)."""
    return cues().first_words


def title_case(tokens: list[Token]) -> bool:
    """Tell whether a sentence is a title-case headline ("Trump Says He Will Win")."""
    words = [token for token in tokens if token.is_word and len(token.text) > 3]
    return len(words) >= 3 and sum(token.capitalised for token in words) >= 0.8 * len(words)


def char_span(tokens: list[Token], first: int, last: int) -> tuple[int, int]:
    """Characters of tokens ``[first, last)``."""
    return tokens[first].start, tokens[last - 1].end


def inflected(word: str) -> bool:
    """Tell whether a cue verb is in a tense that can precede its source ("…, said Lund", "…, writes Ames").

    A base form ("…, not declare neutrality") or a participle never does.
    """
    return word.endswith(("s", "ed")) or word in PAST_FORMS


def function_words_only(tokens: list[Token]) -> bool:
    """Tell whether some words hold nothing that could be reported ("When", "And so")."""
    function_words = sources().function_words
    return all(not token.is_word or (token.lower in function_words and not token.quoted) for token in tokens)


def after_quotation(tokens: list[Token], index: int) -> bool:
    """Tell whether token ``index`` follows a closing quotation mark (``“…,” Trump said``)."""
    if index > 0 and tokens[index - 1].text in CLOSERS:
        return True
    return index > 1 and tokens[index - 1].text == "," and tokens[index - 2].text in CLOSERS


def opens_quotation(tokens: list[Token], index: int) -> bool:
    """Tell whether a quotation opens at token ``index``, past commas and dashes (``…, “We…``)."""
    while index < len(tokens) and tokens[index].text in {",", ":", "—", "–"}:
        index += 1
    return index < len(tokens) and tokens[index].text in QUOTE_MARKS and not tokens[index].quoted


def adverbial_only(tokens: list[Token], start: int) -> bool:
    """Tell whether all that follows a cue is a short adverbial ("…, the company said on Thursday.")."""
    words: list[Token] = []
    for index in range(start, len(tokens)):  # stops at the sixth word: never a scan of a long sentence
        if tokens[index].is_word:
            words.append(tokens[index])
            if len(words) > 5:
                return False
    return bool(words) and (words[0].lower in ADVERBIAL_STARTS or words[0].lower in TIME_WORDS)


def clause_word(token: Token) -> bool:
    """Tell whether a word belongs to a clause (a pronoun, a verb form) rather than an adverbial."""
    lower = token.lower
    return (
        lower in CLAUSE_WORDS
        or lower in POSSESSIVES
        or lower in sources().pronouns_singular
        or lower in sources().pronouns_plural
        or (not token.capitalised and lower.endswith(("ed", "ing", "’s", "'s", "n't", "n’t")))
    )


def subject_before(tokens: list[Token], end: int, found: list[RawAttribution]) -> tuple[int, int] | None:
    """Find the subject before a cue; after "and"/"but" it is the subject of the first verb."""
    if end > 0 and tokens[end - 1].lower in {"and", "but"}:
        return main_subject(tokens, end - 1, found)
    return phrase_before(tokens, end, 0)


def main_subject(tokens: list[Token], limit: int, found: list[RawAttribution]) -> tuple[int, int] | None:
    """Find the sentence's subject for a second verb ("…, and said" / "…, saying")."""
    if found and found[-1].source_tokens is not None:
        return found[-1].source_tokens
    return sentence_subject(tokens, limit)


def subject_then_cue(tokens: list[Token], subject: int, verbs: Collection[str] | None = None) -> bool:
    """Tell whether a short subject and a finite cue verb start at ``subject`` ("…, and most said…").

    A base form is finite after a plural subject ("… and experts say"). ``verbs``
    narrows the cue verbs that count (default: every one).
    """
    verbs = cues().verbs if verbs is None else verbs
    for index in range(subject + 1, min(subject + 7, len(tokens))):
        token = tokens[index]
        if is_title_stop(tokens, index):
            continue
        if token.quoted or not token.is_word:
            return False
        if (
            token.lower in verbs
            and not token.capitalised
            and (inflected(token.lower) or plural_subject(tokens[index - 1], False))
        ):
            return tokens[index - 1].lower not in NOUN_MARKERS
    return False


def relative_speaker(tokens: list[Token], index: int) -> bool:
    """Tell whether "who" at ``index`` opens a statement of its own ("64 percent who say the same")."""
    verb = skip_modifiers_right(tokens, index + 1)
    return verb < len(tokens) and tokens[verb].lower in SPEECH_VERBS and not tokens[verb].quoted


def quotation_then_participle(tokens: list[Token], index: int) -> bool:
    """Tell whether a quotation closing at ``index`` with a comma is followed by a participle cue.

    (``… as a “major breach,” adding: “…”``: the content ends with the quotation.)
    """
    following = tokens[index + 1]
    return (
        tokens[index].text in CLOSERS
        and tokens[index - 1].text == ","
        and following.lower in cues().verbs
        and following.lower.endswith("ing")
        and not following.quoted
    )


def skip_modifiers_right(tokens: list[Token], index: int) -> int:
    """Move right past the adverbs a cue verb may follow ("and also said", "but later told")."""
    modifiers = sources().cue_modifiers
    while index < len(tokens) and tokens[index].lower in modifiers:
        index += 1
    return index


def in_verb_group(token: Token) -> bool:
    """Tell whether a word before a cue verb belongs to its verb group ("has long said", "is expected")."""
    lower = token.lower
    return (
        lower in cues().auxiliaries
        or lower in sources().cue_modifiers
        or lower in BE_FORMS
        or is_adverb(token)
    )


def skip_modifiers(tokens: list[Token], index: int, progressive: bool) -> int:
    """Move left from a cue past adverbs, auxiliaries and time phrases ("on Tuesday said", "here said").

    A progressive cue ("is saying") also passes its form of "be", and so does a
    stance adjective, with its words of degree ("is so sure").
    """
    lexicon = sources()
    while index > 0:
        token = tokens[index - 1]
        adverb = is_adverb(token)
        if (
            token.lower in lexicon.cue_modifiers
            or token.lower in cues().auxiliaries
            or token.lower in LOCATIVES
            or adverb
            or (progressive and (token.lower in BE_FORMS or token.lower in DEGREE_WORDS))
        ):
            index -= 1
        elif token.lower in TIME_WORDS and index > 1 and tokens[index - 2].lower in TIME_LEADS:
            index -= 2
        else:
            return index
    return index


def sentence_subject(tokens: list[Token], limit: int) -> tuple[int, int] | None:
    """Read the main clause's subject: a pronoun, a capitalised name or "the …" noun phrase.

    An introductory phrase ending in a comma ("While celebrating …, Trump
    mocked …") is passed over first.
    """
    lexicon = sources()
    first = main_clause_start(tokens, limit)
    if first is None or first >= limit:
        return None
    if tokens[first].lower in lexicon.pronouns_singular | lexicon.pronouns_plural:
        return first, first + 1
    possessor = first
    while possessor < min(limit, first + 4) and tokens[possessor].capitalised and tokens[possessor].is_word:
        possessor += 1
    possessive = possessor > first and tokens[possessor - 1].lower.endswith(("’s", "'s"))
    if tokens[first].lower in {"the", "a", "an"} or tokens[first].lower in POSSESSIVES or possessive:
        end = possessor if possessive else first + 1
        verb_from = max(first + 2, possessor + 1 if possessive else possessor)  # past a noun and any name
        while (
            end < min(limit, first + 5)
            and tokens[end].is_word
            and tokens[end].lower not in lexicon.function_words
        ):
            if end >= verb_from and (
                tokens[end].lower in cues().verbs
                or tokens[end].lower.endswith("ed")
                or _takes_object(tokens, end, limit)
            ):
                return first, end
            end += 1
        if first + 1 < end < limit and (
            in_verb_group(tokens[end]) or (tokens[end].lower in TIME_LEADS and time_phrase(tokens, end))
        ):
            return first, end  # "The campaign has …", "The campaign on Monday doubled down …"
        return None
    if tokens[first].lower in lexicon.function_words:
        return None
    end = first
    while end < min(limit, first + 6) and (
        (tokens[end].is_word and tokens[end].capitalised) or is_title_stop(tokens, end)
    ):
        end += 1
    if end == first or end >= limit or tokens[end].capitalised:
        return None
    return _with_appositive(tokens, first, name_tail(tokens, end, limit), limit)


def _with_appositive(tokens: list[Token], first: int, end: int, limit: int) -> tuple[int, int]:
    """Take an appositive between commas after a subject's name into it ("Dean, a medical doctor, then …").

    It is read leftwards from its closing comma as any source before a cue, so
    what that reading leaves out (a parenthetical, a relative clause that
    reports) stays out here too.
    """
    if end >= limit or tokens[end].text != ",":
        return first, end
    closing = next((index for index in range(end + 1, limit) if tokens[index].text == ","), None)
    if closing is None:
        return first, end
    phrase = phrase_before(tokens, closing + 1, first)
    return phrase if phrase is not None and phrase[0] == first and phrase[1] > end else (first, end)


def _takes_object(tokens: list[Token], index: int, limit: int) -> bool:
    """Tell whether the word at ``index`` is a verb by what follows ("left no doubt", "began by…")."""
    if index + 1 >= limit or tokens[index + 1].quoted:
        return False
    following = tokens[index + 1].lower
    if following == "by":
        return index + 2 < limit and tokens[index + 2].lower.endswith("ing")
    return following in NOUN_MARKERS | {"no"}


def plural_subject(head: Token, opens_sentence: bool) -> bool:
    """Tell whether a subject can go with a base-form verb ("they support", "Polls show")."""
    lower = head.lower
    if lower in PLURAL_PRONOUNS or lower in PLURAL_NOUNS:
        return True
    plural = lower.endswith("s") and not lower.endswith(("ss", "’s", "'s"))
    return plural and (opens_sentence or not head.capitalised)


def adverbial_start(token: Token) -> bool:
    """Tell whether a word can open an adverbial between a cue and its clause ("on Tuesday", "Sunday")."""
    lower = token.lower
    return (
        lower in ADVERBIAL_STARTS
        or lower in TIME_WORDS
        or lower in {"for", "to", "by", "with", "over", "outside"}
        or token.text == ","
        or (lower.endswith("ly") and not token.capitalised)
    )


def time_phrase(tokens: list[Token], index: int) -> bool:
    """Tell whether "this"/"that" at ``index`` opens a time adverbial ("said this week that …")."""
    return index + 1 < len(tokens) and tokens[index + 1].lower in TIME_WORDS


def shared_subject_verb(tokens: list[Token], index: int) -> bool:
    """Tell whether a verb without its own subject starts at ``index`` (", but planned to …").

    After "but", such a verb continues the content's own subject, so the
    content goes on past the comma.
    """
    while index < len(tokens) and is_adverb(tokens[index]) and not tokens[index].quoted:
        index += 1
    if index >= len(tokens):
        return False
    token = tokens[index]
    if token.quoted or token.capitalised or not token.is_word:
        return False
    return (
        token.lower in FINITE_AUXILIARIES
        or token.lower.endswith(("n't", "n’t"))
        or token.lower.endswith("ed")
    )
