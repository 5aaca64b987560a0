"""A source phrase read leftwards from its cue ("Sen. Chuck Grassley (R-Iowa) | said").

Around the plain noun phrase (``noun_phrase``) stand what PolNeAR marks as part
of the source: a bracketed affiliation, an appositive between commas or dashes,
a relative clause ("officials who spoke on condition of anonymity"), a role
before a name; a time or adverbial between source and cue is passed over.
"""

from __future__ import annotations

from provenance.extract.lexicon import cues, sources
from provenance.extract.segmentation import Token
from provenance.extract.sources.after_cue import reports
from provenance.extract.sources.noun_phrase import core_before, is_time_phrase
from provenance.extract.sources.word_classes import abbreviation_stop, is_adverb, is_title_stop
from provenance.extract.sources.words import (
    ADVERBIAL_LEADS,
    APPOSITIVE_PARTICIPLES,
    ASIDE_PREPOSITIONS,
    CLAUSE_OPENERS,
    DASHES,
    DATE_LEADS,
    DETERMINERS,
    FINITE_VERBS,
    HOMETOWN_PREPOSITIONS,
    INVERTED_VERBS,
    LEADING_DETERMINERS,
    NOT_APPOSITIVE,
    PERSON_RELATIVES,
    QUANTIFIERS,
    QUOTE_CLOSERS,
    RELATIVE_OPENERS,
    RELATIVES,
    SUBJECT_COMPLEMENT_PREPOSITIONS,
    TIME_LEADS,
    TIME_WORDS,
    described,
    lower_titles,
)

__all__ = ["phrase_before"]

CLAUSE_MARKS = frozenset({",", ";", ":", "—", "–", "--"})
"""Marks after which a clause, and so its subject, may open."""

SUBJECT_WORDS = 24
"""The most tokens before a phrase that a subject running across a preposition holds (``_clause_subject``)."""

LIST_ITEM_WORDS = 5
"""The most tokens an item of a listed subject holds ("Friends, lobbyists and former foes")."""

TITLE_WORDS = 6
"""The most words a quoted title inside an appositive has ("host of “The Lead With Ada Lind,”")."""


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
    phrase = _clause_subject(tokens, phrase[0], floor), phrase[1]
    phrase = _listed_before(tokens, *phrase, floor), phrase[1]
    if (
        _comma_closes(tokens, end, floor)
        and _embedded(tokens, phrase[0], floor)
        and _source_follows(tokens, end)
    ):
        return None
    if phrase[1] != end:
        return phrase
    return phrase[0], end + _dated(tokens, end)


def _clause_subject(tokens: list[Token], start: int, floor: int) -> int:
    """Find where a subject read after a preposition starts: the clause start, if all before is a noun phrase.

    "Organizers of the push to | boycott the speech said", "After the vote, aides
    with ties to | the mayor said": what the phrase reader stopped at is a
    complement, the speaker the noun before it. The clause opens at the sentence
    start or after a comma, colon or dash. A verb or pronoun before it ("Trump
    has been direct in | his attacks"), or a clause opening with a preposition
    ("In | a letter"), keeps the phrase as read.
    """
    if (
        not floor + 2 <= start <= floor + SUBJECT_WORDS
        or tokens[start - 1].lower not in SUBJECT_COMPLEMENT_PREPOSITIONS
    ):
        return start
    if tokens[start].lower.endswith(("’s", "'s")):
        return start
    lexicon = sources()
    opening = start - 1
    while opening > floor and tokens[opening - 1].text not in CLAUSE_MARKS:
        opening -= 1
        token = tokens[opening]
        lower = token.lower
        if (
            not token.is_word
            or token.quoted
            or lower in FINITE_VERBS
            or lower in lexicon.pronouns
            or lower in cues().verbs
            or lower.endswith(("n't", "n’t"))
            or (lower in lexicon.function_words and not _joins_subject(lower) and lower not in CLAUSE_OPENERS)
        ):
            return start
    while opening < start - 1 and tokens[opening].lower in CLAUSE_OPENERS:
        opening += 1
    if opening >= start - 1 or tokens[opening].lower in SUBJECT_COMPLEMENT_PREPOSITIONS:
        return start
    return opening


def _listed_before(tokens: list[Token], start: int, end: int, floor: int) -> int:
    """Find where a list of subjects ending in the phrase starts ("Friends, lobbyists and former foes | say").

    The phrase must hold the list's "and" (or follow ", and"), and every item
    before it be a plain noun phrase back to the sentence start or a clause
    mark other than a comma; an opening adverb ("Separately, Lind and Ames") or
    a time ("On Tuesday, …") is no item.
    """
    if start > floor + 1 and tokens[start - 1].lower == "and" and tokens[start - 2].text == ",":
        comma = start - 2
    elif any(token.lower == "and" for token in tokens[start:end]):
        comma = start - 1
    else:
        return start
    first = start
    while comma > floor and tokens[comma].text == ",":
        item = core_before(tokens, comma, floor)
        if (
            item is None
            or item[1] - item[0] > LIST_ITEM_WORDS
            or is_time_phrase(tokens, *item)
            or (item[1] - item[0] == 1 and tokens[item[0]].lower.endswith("ly"))
        ):
            return start
        first = item[0]
        if first == floor or tokens[first - 1].text in CLAUSE_MARKS - {","}:
            return first
        comma = first - 1
    return start


def _joins_subject(word: str) -> bool:
    """Tell whether a function word may stand inside a subject ("Some delegates at the convention")."""
    return word in SUBJECT_COMPLEMENT_PREPOSITIONS or word in QUANTIFIERS or word in LEADING_DETERMINERS


def _lone_participle(tokens: list[Token], start: int, end: int) -> bool:
    """Tell whether a phrase is one lower-case "-ing" word, a verb no one speaks as ("…, answering them").

    A document so named ("the filing", "a ruling") takes its determiner along, so is never alone.
    """
    token = tokens[start]
    return end - start == 1 and token.lower.endswith("ing") and not token.capitalised


def _comma_closes(tokens: list[Token], end: int, floor: int) -> bool:
    """Tell whether a comma ends the words before a cue, bare or inside a quotation ("…,” said")."""
    last = tokens[end - 1].text
    return last == "," or (last in QUOTE_CLOSERS and end - 2 >= floor and tokens[end - 2].text == ",")


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
        and tokens[index].lower in DATE_LEADS
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
    if token.text in QUOTE_CLOSERS and tokens[last - 1].text == "," and _title_opening(tokens, last, floor):
        return _titled_before(tokens, last, floor)
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


def _title_opening(tokens: list[Token], close: int, floor: int) -> int | None:
    """Find where a short quotation closing at ``close`` opens, when it is a title inside a phrase.

    ("star of radio’s “Harbor Nights,”", "who called it ''a quiet theft,''": a few
    quoted words after a word of the phrase, not a statement opening the sentence.)
    """
    opening = close - 1
    while opening > floor and tokens[opening].quoted:
        opening -= 1
    words = sum(token.is_word for token in tokens[opening + 1 : close])
    if opening <= floor or not 0 < words <= TITLE_WORDS or tokens[opening].quoted:
        return None
    before = tokens[opening - 1]
    return opening if before.is_word and not before.quoted else None


def _titled_before(tokens: list[Token], close: int, floor: int) -> tuple[int, int] | None:
    """Read "NAME, APPOSITIVE “TITLE,”" leftwards from the quotation mark closing its title.

    A relative clause that reports ("Lind, who called it “a theft,” said") is no
    part of the source, as elsewhere, nor is a parenthetical after a name opening
    the sentence ("Lind, citing “a theft,” said"); a parenthetical after words
    inside a clause ("However fair the aim, raising it “is wrong,” said Lind")
    is the content.
    """
    phrase = _appositive_before(tokens, close, floor)
    if phrase is None:
        return None
    if phrase[1] == close:
        return phrase[0], close + 1
    reporting = tokens[phrase[1]].text == "," and tokens[phrase[1] + 1].lower in RELATIVE_OPENERS
    return phrase if reporting or (phrase[0] == floor and tokens[floor].capitalised) else None


def _appositive_before(tokens: list[Token], comma: int, floor: int) -> tuple[int, int] | None:
    """Read "NAME, APPOSITIVE[, APPOSITIVE]," leftwards from the comma before a cue.

    Appositives and relative clauses belong to the source ("Jason Furman, who
    leads the Council of Economic Advisers,"); a parenthetical that is not one
    (", in releasing the email,", ", for example,", ", released on Tuesday,") stays out. A short quoted
    title inside one ("star of radio’s “Harbor Nights,”") is passed over.
    """
    relative = _relative_appositive(tokens, comma, floor)
    if relative is not None:
        return relative
    boundary = comma
    first: tuple[int, int] | None = None
    title = _title_opening(tokens, comma, floor) if tokens[comma].text in QUOTE_CLOSERS else None
    for index in range(comma - 1, max(floor, comma - 40) - 1, -1):
        token = tokens[index]
        if title is not None and index >= title:
            continue
        if token.text in QUOTE_CLOSERS:
            title = _title_opening(tokens, index, floor)
            if title is not None:
                continue
        if token.quoted or token.text in {"”", '"', "''", ";", ":"}:
            break
        if token.text != "," or index >= boundary - 1 or _place_with_state(tokens, index, boundary):
            continue
        bracketed = tokens[index - 1].text == ")"
        abbreviated = abbreviation_stop(tokens, index - 1, index + 1)
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
        parenthetical = (
            inserted.lower in NOT_APPOSITIVE
            or (inserted.lower.endswith("ing") and inserted.lower not in APPOSITIVE_PARTICIPLES)
            or (inserted.lower.endswith("ed") and not inserted.capitalised)
        )
        if parenthetical and not abbreviated:
            return core if boundary == comma or first is None else first
        if inserted.lower in RELATIVE_OPENERS and reports(tokens, index + 2, boundary):
            return phrase_before(tokens, index, floor)
        if inserted.lower in PERSON_RELATIVES and _surname_only(tokens, *core, floor):
            return core
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


def _relative_appositive(tokens: list[Token], comma: int, floor: int) -> tuple[int, int] | None:
    """Read "NAME, who …, …, said" leftwards: a relative clause with commas of its own after a person.

    ("Ada Lind, who lost her seat in Dover, Delaware, in 2012, said": the inner
    commas belong to the clause.) A clause that reports ("who said …") stays out,
    as elsewhere; a clause without inner commas is read as any appositive.
    """
    inner = 0
    for index in range(comma - 1, max(floor, comma - 40) - 1, -1):
        token = tokens[index]
        if token.quoted or token.text in {"”", '"', "''", ";", ":", "(", ")"} or token.text in DASHES:
            return None
        if token.text != ",":
            continue
        if tokens[index + 1].lower not in PERSON_RELATIVES:
            inner += 1
            continue
        core = _core_before(tokens, index, floor)
        if (
            not inner
            or core is None
            or not tokens[core[0]].capitalised
            or not tokens[index - 1].capitalised
            or tokens[index + 2].text == ","  # "Lind, who, after the vote, said": "who" is the source
        ):
            return None
        if reports(tokens, index + 2, comma) or _surname_only(tokens, *core, floor):
            return core[0], index
        return core[0], comma
    return None


def _surname_only(tokens: list[Token], start: int, end: int, floor: int) -> bool:
    """Tell whether a phrase is one capitalised word opening a clause, a person named again ("Lind, who …").

    PolNeAR train leaves the relative clause after such a name out of the source
    40 times and keeps it 15; after a fuller name it keeps it more often than
    not. A place closing a longer phrase ("an actor in Dallas, who …") is no such name.
    """
    opens = start == floor or not tokens[start - 1].is_word or tokens[start - 1].lower in CLAUSE_OPENERS
    return end - start == 1 and tokens[start].capitalised and opens


def _place_with_state(tokens: list[Token], comma: int, boundary: int) -> bool:
    """Tell whether a comma joins a hometown to its abbreviated state ("of Dover, Del.,"): one place."""
    return (
        boundary - comma == 3
        and comma >= 2
        and tokens[comma - 2].lower in HOMETOWN_PREPOSITIONS
        and tokens[comma - 1].capitalised
        and "-" not in tokens[comma + 1].text
        and tokens[comma + 1].capitalised
        and abbreviation_stop(tokens, comma + 2, boundary + 1)
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
    if lower in described():
        return True
    plural = lower.endswith("s") and not lower.endswith(("ss", "’s", "'s"))
    return plural and (not token.capitalised or index == floor)


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


def _core_before(tokens: list[Token], end: int, floor: int) -> tuple[int, int] | None:
    """Read the plain noun phrase ending at ``end - 1``, passing a time phrase over for the source before."""
    core = core_before(tokens, end, floor)
    if core is not None and is_time_phrase(tokens, *core):
        return _before_time(tokens, core[0], floor)
    return core
