"""Source mentions: where a source noun phrase starts and ends (``describe`` says what it names).

A source phrase follows PolNeAR's conventions: determiners and titles are part of
it ("the official", "Mr. Trump", "five European diplomats"), a pronoun is a
source on its own ("he", "who"), and a comma ends it, so appositives stay out.
"""

from __future__ import annotations

import re
from functools import cache

from provenance.extract.lexicon import SourceLexicon, abbreviations, cues, sources
from provenance.extract.segmentation import Token

__all__ = [
    "DETERMINERS",
    "HEAD_END",
    "NUMBERS",
    "POSTMODIFIER",
    "QUANTIFIERS",
    "is_adverb",
    "is_title_stop",
    "lower_titles",
    "main_clause_start",
    "name_tail",
    "opens_after_comma",
    "opens_aside",
    "passive_agent",
    "phrase_after",
    "phrase_before",
    "phrase_head",
]

DETERMINERS = frozenset({"the", "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight"})
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "twenty": 20,
}  # fmt: skip
MAX_PHRASE = 16
ARTICLES = frozenset({"the", "a", "an"})
COMPARATIVES = frozenset({"more", "less", "fewer"})
"""Words before "than" and a number that belong to a share: "More than six in 10"."""
LEADING_DETERMINERS = frozenset(
    {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "whose", "no"}
)
COORDINATED_PRONOUNS = frozenset({"he", "she", "i", "we", "they"})
"""Pronouns that open a coordinated source: "she and another reporter said"."""
TENURE_WORDS = frozenset({"current", "past", "present", "future"})
"""Modifiers coordinated before "former": "current and former officials"."""
APPROXIMATORS = frozenset({"about", "nearly", "almost", "roughly", "only", "just", "over", "least"})
ORDINALS = frozenset({"first", "last", "next", "same", "other", "only"})
"""Adjectives listed as function words that sit inside a phrase after its determiner: "the first poll"."""
SUBJECT_QUANTIFIERS = frozenset({"many", "some", "several", "few", "most", "all", "both", "any"})
"""Quantifiers that open a subject after the noun it speaks of: "the unease | many women feel"."""
STANDALONE_QUANTIFIERS = frozenset({"another", "each", "most", "none", "others", "both", "neither"})
"""Quantifiers that stand alone as a subject: "another says there are 400"."""
FLOATING_QUANTIFIERS = frozenset({"both", "each"})
"""Quantifiers that also float after their subject ("Lund and Reyes both said"), alone only in an opening."""
OBJECT_PRONOUNS = frozenset({"that", "him", "her", "them", "us", "me"})
RIGHT_STOP = frozenset({"in", "on", "at", "that", "to", "after", "before", "during", "when", "while", "as"})
POSTMODIFIER = frozenset({"familiar", "involved", "close", "who", "with", "briefed", "knowledgeable"})
HEAD_END = POSTMODIFIER | {"of", "from", "at", "in", "on", "for", "by", "seen", "obtained", "reviewed",
                           "published", "released", "that", "which", "kept", "compiled", "maintained",
                           "conducted", "prepared", "issued", "filed", "commissioned", "to", "i", "we", "you",
                           "he", "she", "they", "surveyed", "polled", "interviewed", "questioned", "asked",
                           "contacted", "sampled"}  # fmt: skip
"""Words that end a phrase's head and open its post-modifier ("Data | from the survey")."""
RELATIVES = frozenset({"who", "that"})
CLAUSE_SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they"})
"""Subjects of a relative clause without "that" inside a source phrase ("the experts I interviewed")."""
PERSON_PREPOSITIONS = frozenset(
    {"to", "on", "in", "at", "for", "with", "close", "like", "within", "around", "near"}
)
CIRCLE_HEADS = frozenset({"those", "others", "people"})
"""Heads of a circle of people named by whom they surround ("those around him", "people near her")."""
INITIAL = re.compile(r"[A-Z]|(?:[A-Za-z]\.)+[A-Za-z]")
QUANTIFIERS = frozenset(
    {"one", "two", "three", "four", "five", "all", "many", "most", "some", "both", "each", "several", "few",
     "none", "half", "majority", "any", "those", "other", "another"}
)  # fmt: skip
NOT_APPOSITIVE = frozenset(
    {"in", "for", "on", "at", "to", "citing", "as", "too", "however", "meanwhile", "after", "when", "while",
     "but", "though", "although", "because", "once", "before", "during", "since", "if", "through", "more",
     "less", "fewer", "twice", "than"}
)  # fmt: skip
"""Words opening a parenthetical that is no appositive: ", after the vote," or ", more than twice what it
projected," stays out of the source."""
APPOSITIVE_PARTICIPLES = frozenset(
    {"including", "acting", "leading", "managing", "ranking", "presiding", "outgoing", "incoming", "founding",
     "governing", "reigning", "visiting", "longstanding", "sitting", "retiring", "supervising"}
)  # fmt: skip
"""Words in "-ing" that open an appositive ("Jo Lee, acting director of …"), not a participle clause."""
INNER_MARKS = frozenset({"-", "’", "'", "&", "/", "$", "%"})
"""Marks that a phrase read rightwards runs through ("CNN/ORC", "$1,200", "O'Malley")."""
IRREGULAR_PARTICIPLES = frozenset({"told", "said", "known", "thought", "written", "shown", "seen", "heard"})
SPOKEN_OF = frozenset({"reason", "reasons", "everything", "anything", "something", "nothing", "message"})
"""Nouns a name after them speaks of, in a relative clause without "that" ("the reason | Lind gave")."""
TIME_NOUNS = frozenset({"time", "times", "day", "moment", "year", "week"})
"""Nouns a name after them cannot be the role of ("the third time | AROS said")."""
POSSESSIVES = frozenset({"his", "her", "their"})
PASSIVE_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "being"})
TIME_WORDS = frozenset(
    {"week", "month", "year", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     "night", "morning", "afternoon", "evening", "weekend"}
)  # fmt: skip
TIME_HEADS = TIME_WORDS | {"ago", "days", "weeks", "months", "years", "hours", "minutes", "past"}
"""Heads of time phrases, which are never sources ("two weeks ago", "Thursday evening")."""
ASIDE_PREPOSITIONS = frozenset({"in", "at", "from", "against", "with"})
"""Prepositions before a place inside an aside (", facing a challenge in Iowa, a swing state,")."""
COMPLEMENT_PREPOSITIONS = frozenset({"to", "at", "in", "on"})
ADVERBIAL_LEADS = frozenset({"in", "on", "at", "during", "through", "throughout"})
TIME_LEADS = frozenset({"on", "in", "over", "during", "at", "than", "less", "more"})
TIME_MODIFIERS = (
    DETERMINERS | frozenset(NUMBERS) | {"few", "several", "last", "this", "next", "early", "late"}
)
LY_NOUNS = frozenset(
    {"rally", "ally", "family", "assembly", "supply", "reply", "anomaly", "monopoly", "bully", "belly",
     "tally", "folly", "homily", "lily", "fly", "jelly"}
)  # fmt: skip
"""Words ending in "-ly" that are nouns, so never part of a verb group ("a pro-Trump rally said")."""
DASHES = frozenset({"-", "–", "—", "--"})
QUOTE_CLOSERS = frozenset({"”", '"', "''"})
"""Closing marks, which may stand between a comma and the main clause ("…, “the race is on,” she …")."""
CLAUSE_OPENERS = frozenset({"and", "but", "so", "yet", "or", "then", "meanwhile", "however", "still"})
"""Words after which a phrase opens its own clause ("But Jo Lee, a lawyer, said")."""
INVERTED_VERBS = frozenset({"said", "says", "added", "adds", "wrote", "writes", "explained", "noted"})
"""Speech verbs that stand before their source after a clause ("…, the race will be tight, said Jo Lee.")."""
RELATIVE_OPENERS = frozenset({"who", "whose", "which"})
FINITE_VERBS = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might",
     "must", "should", "does", "did", "do"}
)  # fmt: skip
INNER_PREPOSITIONS = frozenset({"for", "of", "at", "from"})


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
        partitive = word in {"in", "of"} and counted
        if (word in HEAD_END or tokens[index].text == ",") and not partitive and tokens[index - 1].is_word:
            return index - 1
    return end - 1


def is_title_stop(tokens: list[Token], index: int) -> bool:
    """Tell whether a full stop belongs to the abbreviation before it ("Mr." "Sen.")."""
    token = tokens[index]
    if token.text != "." or index == 0 or tokens[index - 1].end != token.start:
        return False
    word = tokens[index - 1].text
    return word + "." in sources().titles or word in _abbreviations() or INITIAL.fullmatch(word) is not None


def is_adverb(token: Token) -> bool:
    """Tell whether a word is an "-ly" adverb ("repeatedly"), not a noun such as "rally" or "family"."""
    return token.lower.endswith("ly") and not token.capitalised and token.lower not in LY_NOUNS


def phrase_before(tokens: list[Token], end: int, floor: int) -> tuple[int, int] | None:
    """Find the source phrase ending at token ``end - 1`` (read leftwards), as a token range.

    A bracketed affiliation ("Sen. Chuck Grassley (R-Iowa) said") and an
    appositive between commas ("Lopez-Cantera, a former legislator, said")
    belong to the phrase, as PolNeAR marks them. So does the time of a
    document's participle, though it stands after ``end`` ("a poll conducted
    last week found").
    """
    phrase = _phrase_ending(tokens, end, floor)
    if phrase is None or _lone_participle(tokens, *phrase):
        return None
    if _adverbial(tokens, *phrase, floor):
        outer = _before_time(tokens, phrase[0], floor)
        if outer is not None and _modified_noun(tokens, phrase[0] - 2, floor):
            outer = outer[0], phrase[1]
        phrase = outer or phrase
    phrase = _role_before_name(tokens, *phrase, floor)
    if tokens[end - 1].text == "," and _embedded(tokens, phrase[0], floor) and _source_follows(tokens, end):
        return None
    if phrase[1] != end:
        return phrase
    return phrase[0], end + _dated(tokens, end)


def _lone_participle(tokens: list[Token], start: int, end: int) -> bool:
    """Tell whether a phrase is one lower-case "-ing" word, a verb no one speaks as ("…, answering them").

    A document so named ("the filing", "a ruling") takes its determiner along, so is never alone.
    """
    token = tokens[start]
    return end - start == 1 and token.lower.endswith("ing") and not token.capitalised


def _embedded(tokens: list[Token], start: int, floor: int) -> bool:
    """Tell whether a phrase sits inside a clause (after "by", "to", a verb) rather than opening one.

    Before ", said Jo Lee" such a phrase ("… carry by a large margin, the race
    will be tight,") is content, and the source stands after the cue.
    """
    if start <= floor:
        return False
    previous = tokens[start - 1]
    return previous.is_word and not previous.quoted and previous.lower not in CLAUSE_OPENERS


def _source_follows(tokens: list[Token], cue: int) -> bool:
    """Tell whether a name closed by a comma or full stop stands after a speech verb ("…, said Jo Lee.")."""
    if tokens[cue].lower not in INVERTED_VERBS:
        return False
    end = cue + 1
    while end < len(tokens) and (
        (tokens[end].is_word and tokens[end].capitalised and not tokens[end].quoted)
        or is_title_stop(tokens, end)
    ):
        end += 1
    names = tokens[cue + 1 : end]
    return (
        bool(names)
        and all(token.lower not in TIME_WORDS and not token.lower.endswith(("’s", "'s")) for token in names)
        and (end == len(tokens) or tokens[end].text in {",", ".", "("})
    )


def _role_before_name(tokens: list[Token], start: int, end: int, floor: int) -> tuple[int, int]:
    """Take a role that opens the sentence before a name into the source ("The mayor’s aide, Jo Lee, said").

    The name must stand between commas, as an appositive of the role, and the
    role be a person described in lower case ("another friend", "Harbor’s
    campaign manager"). "In a letter to the governor, Jo Lee said" and
    "An avid fan, Lee said" keep their opening phrase out.
    """
    if start - 2 < floor or tokens[start - 1].text != "," or not tokens[start].capitalised:
        return start, end
    if all(token.text != "," for token in tokens[start:end]):
        return start, end
    head = tokens[start - 2]
    if head.capitalised or not (head.lower in sources().person_words or head.lower in lower_titles()):
        return start, end
    role = _core_before(tokens, start - 1, floor)
    return (role[0], end) if role is not None and role[0] == floor else (start, end)


def _dated(tokens: list[Token], end: int) -> int:
    """Count the tokens of a time phrase after a participle ("released | this week"), or 0."""
    participle = tokens[end - 1].lower
    if not participle.endswith("ed") or tokens[end - 1].capitalised:
        return 0
    index = end + 1 if end < len(tokens) and tokens[end].lower == "earlier" else end
    if (
        index + 1 < len(tokens)
        and tokens[index].lower in {"last", "this", "on", "in"}
        and tokens[index + 1].lower in TIME_WORDS
    ):
        return index + 2 - end
    return 0


def _phrase_ending(tokens: list[Token], end: int, floor: int) -> tuple[int, int] | None:
    last = end - 1
    if last < floor:
        return None
    token = tokens[last]
    if token.text == ")":
        return _bracketed_before(tokens, end, floor)
    if token.text == ",":
        return _appositive_before(tokens, last, floor)
    if token.text in DASHES:
        return _dashed_before(tokens, last, floor)
    relative = _relative_before(tokens, end, floor)
    if relative is not None:
        return relative
    if (
        token.text == "."
        and last > floor
        and tokens[last - 1].end == token.start
        and tokens[last - 1].capitalised
    ):
        core = _core_before(tokens, last, floor)
        return (core[0], end) if core is not None else None
    return _core_before(tokens, end, floor)


def _bracketed_before(tokens: list[Token], end: int, floor: int) -> tuple[int, int] | None:
    """Read "Sen. Chuck Grassley (R-Iowa)" leftwards from its closing bracket."""
    last = end - 1
    opening = next((i for i in range(last - 1, max(floor, last - 10) - 1, -1) if tokens[i].text == "("), None)
    core = _core_before(tokens, opening, floor) if opening is not None else None
    return (core[0], end) if core is not None else None


def _dashed_before(tokens: list[Token], dash: int, floor: int) -> tuple[int, int] | None:
    """Read "Jane Roe — a teacher from Dover — says" leftwards: a name with its appositive in dashes.

    An aside in dashes that is no appositive ("which — as one critic noted — promises") stays out.
    """
    opening = next(
        (i for i in range(dash - 1, max(floor, dash - 30) - 1, -1) if tokens[i].text == tokens[dash].text),
        None,
    )
    if opening is None or any(token.quoted for token in tokens[opening:dash]):
        return None
    core = _core_before(tokens, opening, floor)
    if (
        core is not None
        and tokens[opening + 1].lower in NOT_APPOSITIVE
        and tokens[opening + 1].lower != "for"
    ):
        return core
    return (core[0], dash) if core is not None else None


def _relative_before(tokens: list[Token], end: int, floor: int) -> tuple[int, int] | None:
    """Read "officials who spoke on condition of anonymity" leftwards from its cue.

    A clause ending in an auxiliary ("a judge who has been | confirmed") is a
    passive: what it describes is acted on, no source.
    """
    if tokens[end - 1].lower in sources().pronouns or tokens[end - 1].lower in sources().function_words:
        return None
    for index in range(end - 2, max(floor, end - 14) - 1, -1):
        token = tokens[index]
        if not token.is_word or token.quoted:
            return None
        if token.lower in RELATIVES and index > floor:
            if _subject_of_clause(tokens, index + 1, end):
                return index + 1, end
            core = _core_before(tokens, index, floor)
            return (core[0], end) if core is not None else None
    return None


def _subject_of_clause(tokens: list[Token], start: int, end: int) -> bool:
    """Tell whether the words after "that" are a whole subject of the cue ("a burden that farmers | say").

    The relative (or "so narrow that …") is then the cue's object, and only
    the noun phrase after it is the source. A lone verb ("who | spoke") or a
    participle ("that Lind | appointed") is no subject.
    """
    core = _core_before(tokens, end, start)
    if core is None or core[0] != start:
        return False
    first, last = tokens[start], tokens[end - 1]
    opens = (
        first.capitalised
        or first.lower in DETERMINERS
        or first.lower in QUANTIFIERS
        or last.lower in sources().person_words
    )
    return opens and (last.capitalised or not last.lower.endswith("ed")) and not is_adverb(last)


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


def _appositive_before(tokens: list[Token], comma: int, floor: int) -> tuple[int, int] | None:
    """Read "NAME, APPOSITIVE[, APPOSITIVE]," leftwards from the comma before a cue.

    Appositives and relative clauses belong to the source ("Jason Furman, who
    leads the Council of Economic Advisers,"); a parenthetical that is not one
    (", in releasing the email,", ", for example,") stays out.
    """
    boundary = comma
    first: tuple[int, int] | None = None
    for index in range(comma - 1, max(floor, comma - 40) - 1, -1):
        token = tokens[index]
        if token.quoted or token.text in {"”", '"', "''", ";", ":"}:
            break
        if token.text != "," or index >= boundary - 1 or _place_with_state(tokens, index, boundary):
            continue
        bracketed = tokens[index - 1].text == ")"
        abbreviated = _abbreviation_stop(tokens, index - 1, index + 1)
        if bracketed:
            core = _bracketed_before(tokens, index, floor)
        elif abbreviated:
            stem = _core_before(tokens, index - 1, floor)
            core = (stem[0], index) if stem is not None else None
        else:
            core = _core_before(tokens, index, floor)
        if core is None:
            break
        inserted = tokens[index + 1]
        parenthetical = inserted.lower in NOT_APPOSITIVE or (
            inserted.lower.endswith("ing") and inserted.lower not in APPOSITIVE_PARTICIPLES
        )
        if parenthetical and not abbreviated:
            return core if boundary == comma or first is None else first
        if inserted.lower in RELATIVE_OPENERS and _reports(tokens, index + 2, boundary):
            return phrase_before(tokens, index, floor)
        if first is not None and core[0] > floor and tokens[core[0] - 1].lower in sources().function_words:
            return first
        named = not abbreviated and tokens[index - 1].capitalised and tokens[core[0]].capitalised
        if named and first is None and core[0] > floor and tokens[core[0] - 1].lower in ASIDE_PREPOSITIONS:
            boundary = index
            continue
        if bracketed or named or tokens[index - 1].lower in sources().pronouns:
            return core[0], comma
        first = first or (core[0], comma)
        boundary = index
    return first


def _place_with_state(tokens: list[Token], comma: int, boundary: int) -> bool:
    """Tell whether a comma joins a hometown to its abbreviated state ("of Dover, Del.,"): one place."""
    return (
        boundary - comma == 3
        and comma >= 2
        and tokens[comma - 2].lower in {"of", "from"}
        and tokens[comma - 1].capitalised
        and "-" not in tokens[comma + 1].text
        and tokens[comma + 1].capitalised
        and _abbreviation_stop(tokens, comma + 2, boundary + 1)
    )


def _core_before(tokens: list[Token], end: int, floor: int) -> tuple[int, int] | None:
    """Read a plain noun phrase leftwards: words up to a function word, punctuation or quotation."""
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
        if previous.lower in POSSESSIVES and _coordinated_before(tokens, start - 1, floor, lexicon):
            start -= 1
            continue
        if (
            is_title_stop(tokens, start - 1)
            or _joined(tokens, start - 1, floor)
            or (previous.text == "US" and tokens[start].capitalised)
            or (previous.text == "@" and previous.end == tokens[start].start)
        ):
            start -= 1
            continue
        if previous.lower == "and" and before is not None and not before.quoted:
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
        if previous.lower in APPROXIMATORS and _is_number(tokens[start]):
            start -= 2 if previous.lower == "least" and before is not None and before.lower == "at" else 1
            if start - 1 >= floor and tokens[start - 1].lower in ARTICLES:
                start -= 1
            break
        if (
            previous.lower == "than"
            and before is not None
            and before.lower in COMPARATIVES
            and _is_number(tokens[start])
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
            previous.lower in lexicon.function_words and not _acronym(previous, before, tokens[start])
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
    while start < end and tokens[start].lower in {"of", "-"}:
        start += 1
    if start >= end:
        return None
    if tokens[end - 1].lower in TIME_HEADS and all(
        token.lower in TIME_HEADS or token.lower in TIME_MODIFIERS or token.lower in TIME_LEADS
        for token in tokens[start:end]
    ):
        return _before_time(tokens, start, floor)
    return start, end


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


def _adverbial(tokens: list[Token], start: int, end: int, floor: int) -> bool:
    """Tell whether a phrase is the object of an adverbial between a source and its cue.

    "Lind in an interview said", "Britain and France in particular feared":
    a thing, not a person, after "in", "on", "at" or "during" that follows a noun.
    After a plural noun the phrase rather modifies it ("Democrats on the stage").
    """
    if start - 2 < floor or tokens[start - 1].lower not in ADVERBIAL_LEADS or end - start > 5:
        return False
    head = tokens[end - 1].lower
    lexicon = sources()
    return head not in lexicon.person_words and head not in lexicon.pronouns and not tokens[start].capitalised


def _modified_noun(tokens: list[Token], index: int, floor: int) -> bool:
    """Tell whether a word is a noun that a place phrase modifies ("a column | in the Times").

    That is a plural noun or a word for a person or a document; a name ("Lind
    in an interview") is not modified.
    """
    token = tokens[index]
    lower = token.lower
    lexicon = sources()
    if not token.is_word or lower in lexicon.function_words or lower in lexicon.cue_modifiers:
        return False
    if lower in _described():
        return True
    plural = lower.endswith("s") and not lower.endswith(("ss", "’s", "'s"))
    return plural and (not token.capitalised or index == floor)


@cache
def _described() -> frozenset[str]:
    """Words for persons and documents, in lower case."""
    lexicon = sources()
    return frozenset(word.lower() for word in lexicon.person_words | lexicon.document_words)


def _before_time(tokens: list[Token], start: int, floor: int) -> tuple[int, int] | None:
    """Pass over a time phrase between a source and its cue ("Spicer on Thursday evening said").

    A relative pronoun before it is the source ("who in the past has voiced").
    """
    lexicon = sources()
    while start > floor and (
        tokens[start - 1].lower in TIME_LEADS or tokens[start - 1].lower in ADVERBIAL_LEADS
    ):
        start -= 1
    while start > floor and tokens[start - 1].lower in lexicon.cue_modifiers:
        start -= 1
    if start > floor and tokens[start - 1].lower in lexicon.pronouns_relative:
        return start - 1, start
    if start <= floor or tokens[start - 1].lower in lexicon.function_words:
        return None
    return phrase_before(tokens, start, floor)


def _joined(tokens: list[Token], index: int, floor: int) -> bool:
    """Tell whether token ``index`` joins two words without spaces ("CNN/ORC", "Jean-Marie", "voters’")."""
    token = tokens[index]
    if index - 1 < floor or tokens[index - 1].end != token.start:
        return False
    if token.text in {"’", "'"}:
        return tokens[index - 1].lower.endswith("s")
    return token.text in {"-", "/"} and index + 1 < len(tokens) and token.end == tokens[index + 1].start


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
    if preposition == "in" and _is_number(tokens[index + 1]) and _is_number(head):
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
        and not _is_number(token)
        and lower not in lexicon.cue_modifiers
        and not is_adverb(token)
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


def _acronym(token: Token, before: Token | None, following: Token) -> bool:
    """Tell whether a word in capitals is part of a name ("USA TODAY/Suffolk poll", "a USA TODAY analysis").

    A headline in capitals ("TEN KILLED IN BLAST") is no name: its words stay function words.
    """
    if len(token.text) < 2 or not token.text.isupper():
        return False
    if following.text == "/":
        return True
    return before is not None and before.text.isupper() and not following.text.isupper()


def _is_number(token: Token) -> bool:
    return token.lower in NUMBERS or token.lower == "half" or token.text[:1].isdigit()


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
    if first.lower in lexicon.pronouns_singular or first.lower in lexicon.pronouns_plural:
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
            and not _abbreviation_stop(tokens, end, ceiling)
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


def _complement(tokens: list[Token], index: int, ceiling: int) -> bool:
    """Tell whether a preposition after a person or document completes it ("an adviser | to Lind").

    A time ("the aide | on Tuesday") does not.
    """
    following = index + 1
    if tokens[index].lower not in COMPLEMENT_PREPOSITIONS or following >= ceiling:
        return False
    if tokens[following].lower in TIME_WORDS or tokens[index - 1].lower not in _described():
        return False
    return tokens[following].is_word and not tokens[following].quoted


def _abbreviation_stop(tokens: list[Token], index: int, ceiling: int) -> bool:
    """Tell whether a full stop closes an abbreviation inside a phrase ("Tampa, Fla., who…", "(D-Conn.)")."""
    return (
        tokens[index].text == "."
        and index > 0
        and tokens[index - 1].end == tokens[index].start
        and index + 1 < ceiling
        and tokens[index + 1].text in {",", ")"}
    )


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
        return lower == "who" and not _reports(tokens, index + 2, end)
    relative = next(
        (i for i in range(index + 1, end) if tokens[i].lower in RELATIVES | RELATIVE_OPENERS), end
    )
    return not any(tokens[i].lower in FINITE_VERBS for i in range(index + 1, relative))


def opens_after_comma(tokens: list[Token], index: int) -> bool:
    """Tell whether a comma, perhaps inside a closing quotation (",”"), stands just before token ``index``."""
    while index > 0 and tokens[index - 1].text in QUOTE_CLOSERS:
        index -= 1
    return index > 0 and tokens[index - 1].text == ","


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
    if lower in sources().function_words or lower in {"while", "after", "before", "despite", "amid"}:
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
    while before >= 0 and (
        tokens[before].lower.endswith("ly") or tokens[before].lower in {"not", "never", "also"}
    ):
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
    if lower in {"whether", "last", "because", "over", "this", "after", "before"}:
        return True
    return (
        lower == "for"
        and index + 1 < len(tokens)
        and (tokens[index + 1].lower.endswith("ing") or tokens[index + 1].lower in {"not", "never"})
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
        or tokens[end].lower not in {"in", "on"}
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
    if tokens[index].lower not in {"other"} | POSSESSIVES:
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


def opens_aside(tokens: list[Token], index: int) -> bool:
    """Tell whether a comma at ``index`` opens a clause about the source rather than more content.

    After an inverted source ("…,” said Ada Moreau, who has led the union since May.")
    a relative clause or a parenthetical (", though she added…") is no part of the quotation.
    """
    if index + 1 >= len(tokens) or tokens[index].text != ",":
        return False
    following = tokens[index + 1]
    return not following.quoted and (following.lower in RELATIVE_OPENERS or following.lower in NOT_APPOSITIVE)


def _reports(tokens: list[Token], start: int, end: int) -> bool:
    """Tell whether a clause holds an attribution cue of its own ("who said last week that…").

    PolNeAR keeps such a relative clause out of the source: it is a separate attribution.
    """
    verbs = sources().relative_cues
    return any(tokens[i].lower in verbs and not tokens[i].quoted for i in range(start, end))


@cache
def _abbreviations() -> frozenset[str]:
    lexicon = abbreviations()
    return lexicon.never_final | lexicon.maybe_final


@cache
def lower_titles() -> frozenset[str]:
    """Titles in lower case without their full stop ("sen", "mayor"), for matching words as read."""
    return frozenset(title.lower().rstrip(".") for title in sources().titles)
