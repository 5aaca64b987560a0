"""Verb cues: a reporting verb with its subject, or an inverted one ("…, said Lund").

The verb counts only with a plausible source beside it and, for verbs that
need one, a clause or object after it.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import ParamSpec

from provenance.extract.cues.clause import (
    RawAttribution,
    adverbial_only,
    after_quotation,
    char_span,
    function_words_only,
    in_verb_group,
    inflected,
    main_subject,
    opens_quotation,
    participle_link,
    plural_subject,
    sentence_subject,
    skip_modifiers,
    skip_modifiers_right,
    subject_before,
)
from provenance.extract.cues.content import (
    backed_person_end,
    before_final_relative,
    clause_start,
    content_after_source,
    content_span,
    content_stop,
    ends_clause,
    fronted_clause_end,
    introductory,
    object_end,
    opens_content,
    past_inserting_comma,
    past_object_preposition,
    quotation_lead,
    relative_clause_end,
    sets_scene,
    skip_addressee,
)
from provenance.extract.cues.words import (
    BASE_FORM_AUXILIARIES,
    BE_FORMS,
    CASTING_PARTICLES,
    CLAUSE_LINKS,
    CLAUSE_MARKERS,
    CLAUSE_PAUSES,
    CLAUSE_SUBJECTS,
    DEFINITE_DETERMINERS,
    DEGREE_WORDS,
    FINDING_VERBS,
    FINITE_AUXILIARIES,
    FOUND_OBJECTS,
    GAP_PRONOUNS,
    GAP_SUBJECTS,
    GO_FORMS,
    ISSUED_NOUNS,
    NAMING_VERBS,
    NOUN_MARKERS,
    OCCASION_VERBS,
    OPENERS,
    OPENING_LINKS,
    PAST_FORMS,
    POSSESSIVES,
    PREPOSITIONS,
    QUOTE_OPENERS,
    RELATIVE_PRONOUNS,
    SCENE_PARTICIPLES,
    SUBJECT_STOPS,
    UNIT_WORDS,
)
from provenance.extract.lexicon import cues, sources
from provenance.extract.segmentation import Token
from provenance.extract.sources import joined, opens_after_comma, opens_aside, phrase_after, phrase_head
from provenance.models import CueKind

P = ParamSpec("P")

INVERTING = frozenset({CueKind.STATEMENT, CueKind.REPORT})


def final_cue(
    tokens: list[Token],
    candidates: list[int],
    quotes: list[tuple[int, int]],
    readings: dict[int, RawAttribution | None],
) -> RawAttribution | None:
    """Find a sentence-final cue whose content is all that precedes it ("…, said James Henson, director…").

    Such a cue is the outermost attribution of the sentence even when verbs inside
    its content ("appears to be taking") would be read first. The verb reading
    tried is left in ``readings`` by token index, so it is not read again.
    """
    verbs = cues().verbs
    for index in reversed(candidates):
        token = tokens[index]
        if index < 2:
            return None
        if token.capitalised or verbs.get(token.lower) not in INVERTING:
            continue
        if token.lower.endswith("ing"):
            return None
        if not any(tokens[position].text in OPENERS for position in range(max(0, index - 12), index)):
            return None
        attribution = verb_attribution(tokens, index, index + 1, verbs[token.lower], quotes, [])
        readings[index] = attribution
        if attribution is None or attribution.first_token != 0 or attribution.source_tokens is None:
            return None
        if any(start >= tokens[index].start for start, _ in attribution.content):
            return None
        return attribution
    return None


def stance_attribution(
    tokens: list[Token], index: int, quotes: list[tuple[int, int]], found: list[RawAttribution]
) -> RawAttribution | None:
    """Read a stance adjective after "be" as a belief cue ("she is convinced that…", "we're so sure it…").

    Only with a clause after it: "an angry crowd" or "is sure to win" holds no stance of anyone's.
    """
    before = index - 1
    while (
        before > 0
        and tokens[before].lower not in BE_FORMS
        and (tokens[before].lower in DEGREE_WORDS or tokens[before].lower in sources().cue_modifiers)
    ):
        before -= 1
    if before < 1 or tokens[before].lower not in BE_FORMS:
        return None
    following = index + 1
    if following >= len(tokens) or not (
        (tokens[following].lower == "that" and not tokens[following].quoted)
        or _bare_clause(tokens, following)
    ):
        return None
    return verb_attribution(tokens, index, following, CueKind.BELIEF, quotes, found)


def characterisation(
    tokens: list[Token], quotes: list[tuple[int, int]], found: list[RawAttribution]
) -> RawAttribution | None:
    """Read "Reid has been pounding Trump as a “con artist”": a verb that casts its object as quoted words.

    Whatever the verb ("painted", "pummeled", "went after"), casting someone as a
    quotation reports the subject's view of them (PolNeAR train marks 34 of 39 such
    places outside another content as cues); the object and the quotation are the content.
    """
    for index in range(2, len(tokens) - 1):
        if tokens[index].lower != "as" or tokens[index].quoted or not _quotation_cast(tokens, index + 1):
            continue
        verb = _casting_verb(tokens, index)
        if verb is None or any(raw.first_token <= verb[0] <= raw.last_token for raw in found):
            continue
        return verb_attribution(tokens, *verb, CueKind.STATEMENT, quotes, found)
    return None


def _quotation_cast(tokens: list[Token], index: int) -> bool:
    """Tell whether a quotation opens at ``index`` past an article and one word ("as a “con artist”")."""
    for position in range(index, min(index + 3, len(tokens))):
        if tokens[position].text in QUOTE_OPENERS and not tokens[position].quoted:
            return True
        if not tokens[position].is_word or tokens[position].quoted:
            return False
    return False


def _casting_verb(tokens: list[Token], cast: int) -> tuple[int, int] | None:
    """Find the verb (with its particle: "gone after") whose object of up to four words ends before "as"."""
    for index in range(cast - 2, max(0, cast - 7), -1):
        token = tokens[index]
        if not token.is_word or token.quoted:
            return None
        if token.capitalised:
            continue
        if _verb_form(token.lower):
            return index, index + 1
        if token.lower in CASTING_PARTICLES and index > 0 and _verb_form(tokens[index - 1].lower):
            return index - 1, index + 1
    return None


def _verb_form(word: str) -> bool:
    """Tell whether a lower-case word is a verb form before a cast object ("painted", "pounding", "gone")."""
    return (
        word.endswith(("ed", "ing")) or word in PAST_FORMS or word in OCCASION_VERBS or word in cues().verbs
    )


class Refusal(Enum):
    """Why the verb grammar reads no cue: the word's use there, or a part the sentence lacks.

    A refusal for the word's use ("proposed the toll", "a group called …") is
    the rules' decision; one for want of a source or a content says only that the
    grammar found none, so the cue model may still read the word.
    """

    USE = "use"
    NO_SOURCE = "no source"
    NO_CONTENT = "no content"


def verb_reading(
    tokens: list[Token],
    first: int,
    last: int,
    kind: CueKind,
    quotes: list[tuple[int, int]],
    found: list[RawAttribution],
    headline: bool = False,
) -> RawAttribution | Refusal:
    """Read the cue verb over tokens ``[first, last)`` with its source and content, or say why it is none.

    In a ``headline``, a present-tense verb needs no clause after it: headlines
    report a stance as verb and object ("Senator rejects levy").
    """
    lexicon = sources()
    word = tokens[first].lower
    if first > 0 and (
        tokens[first - 1].lower in NOUN_MARKERS
        or (tokens[first - 1].lower == "of" and last == first + 1 and not word.endswith("ing"))
    ):
        return Refusal.USE  # "the plan", "a majority of pledged delegates": a noun or adjective, not a verb
    lead = _infinitive_lead(tokens, first)
    subject_end = skip_modifiers(
        tokens, lead, progressive=word.endswith("ing") or word in cues().stance_adjectives
    )
    cue_start = lead
    while cue_start > subject_end and (
        in_verb_group(tokens[cue_start - 1]) or tokens[cue_start - 1].lower in DEGREE_WORDS
    ):
        cue_start -= 1
    participle = word.endswith("ing") and (
        participle_link(tokens, subject_end) or (first == 0 and word not in SCENE_PARTICIPLES)
    )
    absolute = None
    if word.endswith("ing") and not participle and subject_end == first:
        issued = _issued_document(tokens, first)
        absolute = _absolute_subject(tokens, first) if issued is None else None
        if issued is None and absolute is None:
            return Refusal.USE
        if issued is not None:
            subject_end = cue_start = skip_modifiers(tokens, issued, progressive=False)
    opening = participle and (first == 0 or (subject_end == 1 and tokens[0].lower in OPENING_LINKS))
    if opening:
        source = _opening_participle_subject(tokens, last)
    else:
        source = (
            _participle_subject(tokens, subject_end - 1, found)
            if participle
            else absolute or subject_before(tokens, subject_end, found)
        )
    inverted = cut = False
    if (
        source is None
        and kind in INVERTING
        and inflected(word)
        and (subject_end == 0 or tokens[subject_end - 1].text in OPENERS)
    ):
        source = phrase_after(tokens, last, len(tokens), appositive=True)
        inverted = source is not None
        if source is not None:
            whole, source = source, _before_relative_cue(tokens, *source)
            cut = source != whole
    if source is None or not _plausible_source(tokens, *source):
        return Refusal.NO_SOURCE
    if not inverted and not participle and _noun_phrase_cue(tokens, source[0], first, last):
        return Refusal.USE
    if word in NAMING_VERBS and not inverted and _names_a_thing(tokens, source, cue_start):
        return Refusal.USE
    if word in FINDING_VERBS and last < len(tokens) and tokens[last].lower in FOUND_OBJECTS:
        return Refusal.USE
    if (
        not inverted
        and word in cues().noun_like
        and not (
            any(token.lower in BASE_FORM_AUXILIARIES for token in tokens[cue_start:first])
            and _clause_follows(tokens, last, word)
        )
        and not plural_subject(tokens[head := phrase_head(tokens, *source)], head == 0)
        and not _coordinated(tokens, source[0], head)
    ):
        return Refusal.USE
    if (
        not inverted
        and not (headline and _headline_object(tokens, last, word))
        and (word in lexicon.clause_only_verbs or word in cues().clause_only)
        and not _clause_follows(tokens, last, word)
        and _topic_after_listener(tokens, last, word) is None
        and not _stance_object(tokens, last, word)
        and not after_quotation(tokens, source[0])
        and not (word in cues().clause_only and _after_clause(tokens, source[0], last))
        and not _closes_sentence(tokens, source[0], last)
    ):
        return Refusal.USE
    topic = None if inverted else _topic_after_listener(tokens, last, word)
    last = _extend_cue(tokens, last, word)
    after = source[1] if inverted else last
    if cut:
        after = len(tokens)
    if not inverted and word in cues().addressee_verbs:
        after = skip_addressee(tokens, after, word)
    if topic is not None:
        after = topic
    cited = None
    if after + 1 < len(tokens) and tokens[after].text == "," and tokens[after + 1].lower == "citing":
        cited = phrase_after(tokens, after + 2, len(tokens))
        if cited is not None:
            after = cited[1]
    after = clause_start(tokens, after)
    if (
        not inverted
        and not participle
        and after_quotation(tokens, source[0])
        and (
            not opens_content(tokens, last)
            or sets_scene(tokens, after)
            or (after == last and word in cues().addressee_verbs and not opens_quotation(tokens, after))
        )  # “…,” Lund told the hosts of “Today”: the listener, with no clause after it, is no content
    ):
        after = len(tokens)
    if not inverted and after == last:
        after = past_object_preposition(tokens, after)
    attribution = RawAttribution(kind, char_span(tokens, cue_start, last), char_span(tokens, *source))
    if cited is not None:
        attribution.cited = char_span(tokens, *cited)
        attribution.citing = char_span(tokens, cited[0] - 1, cited[0])
    relative = source[1] - source[0] == 1 and tokens[source[0]].lower in RELATIVE_PRONOUNS
    gap = (
        not relative
        and not inverted
        and (_object_gap(tokens, source[0]) or _subject_gap(tokens, source[0], after))
    )
    content_end = (
        relative_clause_end(tokens, after, restrictive=tokens[source[0] - 1].text != ",")
        if relative and source[0] > 0
        else content_stop(tokens, past_inserting_comma(tokens, after) if after == last else after)
    )
    if opening and source[0] > after:
        content_end = min(content_end, source[0] - 1)
    if gap:
        content_end = next(
            (index for index in range(after + 1, content_end) if tokens[index].text in CLAUSE_PAUSES),
            content_end,
        )
    if not inverted and not relative and not gap:
        content_end = before_final_relative(tokens, after, content_end)
        content_end = fronted_clause_end(tokens, source[0], after, content_end)
    if not inverted and not gap:
        content_end = backed_person_end(tokens, word, after, content_end)
        content_end = object_end(tokens, after, content_end)
    following = None
    if not inverted or content_after_source(tokens, after):
        following = content_span(tokens, after, content_end, quotes)
    if following is not None and source[0] > 0 and adverbial_only(tokens, after):
        following = None
    if inverted and opens_aside(tokens, source[1]):
        following = None
    inserted = (last < len(tokens) and tokens[last].text == "," and source[0] > 0) or (
        after_quotation(tokens, source[0]) and opens_quotation(tokens, after)
    )
    preceding = None
    if inverted:
        preceding = content_span(tokens, quotation_lead(tokens, subject_end), subject_end, quotes)
    elif gap:
        preceding = char_span(tokens, source[0] - 1, source[0])
        if following is not None and ends_clause(tokens, after):
            following = None
    elif (
        not participle
        and (
            following is None
            or (
                inserted
                and tokens[source[0] - 1].text in OPENERS
                and not (introductory(tokens, source[0]) and opens_quotation(tokens, after))
            )
        )
        and (
            not function_words_only(tokens[: source[0]])
            or (following is not None and _split_by_insertion(tokens, source[0], inserted))
        )
        and tokens[source[0] - 1].lower not in CLAUSE_LINKS
    ):
        end = source[0] - 1 if tokens[source[0] - 1].lower == "as" else source[0]
        preceding = content_span(tokens, quotation_lead(tokens, end), end, quotes)
    attribution.content = [part for part in (preceding, following) if part is not None]
    if not attribution.content:
        return Refusal.NO_CONTENT
    attribution.source_tokens = source
    attribution.first_token = min(source[0], cue_start)
    if preceding is not None:
        attribution.first_token = source[0] - 1 if gap else 0
    attribution.last_token = content_end - 1 if following is not None else max(last, source[1]) - 1
    return attribution


def _none_when_refused(reader: Callable[P, RawAttribution | Refusal]) -> Callable[P, RawAttribution | None]:
    """Make a reader that gives None where ``reader`` gives its reason for reading nothing."""

    def read(*arguments: P.args, **options: P.kwargs) -> RawAttribution | None:
        reading = reader(*arguments, **options)
        return reading if isinstance(reading, RawAttribution) else None

    return read


verb_attribution = _none_when_refused(verb_reading)
"""``verb_reading`` for the rules, which need no reason: the attribution, or None."""


def _split_by_insertion(tokens: list[Token], source_start: int, inserted: bool) -> bool:
    """Tell whether a source inserted between commas splits a content ("But, she said, …").

    PolNeAR keeps even a lone "But" or "Instead" there as the content's first fragment.
    """
    return inserted and tokens[source_start - 1].text == ","


def _opening_participle_subject(tokens: list[Token], last: int) -> tuple[int, int] | None:
    """Find the subject of a participle clause that opens the sentence ("After saying …, Lund left").

    It is the main clause's subject, after the comma that closes the clause.
    """
    subject = sentence_subject(tokens, len(tokens))
    if subject is None or subject[0] <= last or not opens_after_comma(tokens, subject[0]):
        return None
    return subject


def _participle_subject(
    tokens: list[Token], limit: int, found: list[RawAttribution]
) -> tuple[int, int] | None:
    """Find the subject a participle clause shares (", saying …"): the last speaker's, or the sentence's.

    A speaker that is a relative pronoun ("… an architect who said he was stiffed,
    saying …") speaks inside a relative clause; a participle after a comma goes with
    the main one (after "before" or "while" it stays in the relative clause).
    """
    last = found[-1].source_tokens if found else None
    if (
        last is not None
        and last[1] - last[0] == 1
        and tokens[last[0]].lower in RELATIVE_PRONOUNS
        and tokens[limit].text == ","
    ):
        return sentence_subject(tokens, limit) or last
    return main_subject(tokens, limit, found)


def _absolute_subject(tokens: list[Token], first: int) -> tuple[int, int] | None:
    """Find the subject of a participle cue in a "with" phrase ("with 50 percent of voters saying…")."""
    for index in range(first - 1, max(-1, first - 9), -1):
        token = tokens[index]
        if token.lower == "with":
            return (index + 1, first) if index + 1 < first else None
        if not token.is_word or token.quoted:
            return None
    return None


def _issued_document(tokens: list[Token], first: int) -> int | None:
    """Find the verb that issued the document a participle cue quotes ("released a statement saying").

    Returns the verb's index: the cue runs from it ("sent out a text message to
    supporters saying"), and its subject is the source. An addressee may stand
    between the document and the participle ("a letter to the county board urging").
    """
    documents = sources().document_words | ISSUED_NOUNS
    noun = _before_addressee(tokens, first) - 1
    if noun < 0 or tokens[noun].lower not in documents:
        return None
    for index in range(noun - 1, max(-1, noun - 9), -1):
        token = tokens[index]
        if token.lower in cues().issuing_verbs:
            return index
        if not token.is_word or token.capitalised:
            return None
    return None


def _before_addressee(tokens: list[Token], first: int) -> int:
    """Find where a "to" phrase naming an addressee ends before token ``first`` starts, or ``first``.

    The phrase is "to" and up to six words, none of them a verb or a mark ("to the county board").
    """
    for index in range(first - 1, max(-1, first - 8), -1):
        token = tokens[index]
        if token.lower == "to" and index < first - 1:
            return index
        if not token.is_word or token.quoted or token.lower in cues().verbs:
            return first
    return first


def _names_a_thing(tokens: list[Token], source: tuple[int, int], cue_start: int) -> bool:
    """Tell whether "called" names the noun before it ("paid a company called Acme"), not a speaker's words.

    The noun phrase is then an object: an indefinite one right after another word
    of the clause, where a subject ("A spokesman called…") opens its clause; or an
    opening indefinite thing, not a person, named right after ("A new group called Acme").
    """
    if source[1] != cue_start:
        return False
    head = tokens[source[1] - 1]
    if (
        tokens[source[0]].lower in {"a", "an"}
        and cue_start + 1 < len(tokens)
        and (tokens[cue_start + 1].capitalised or tokens[cue_start + 1].text in QUOTE_OPENERS)
        and not head.capitalised
        and head.lower not in sources().person_words
    ):
        return True  # "A new group called Black Votes Matter": no speaker calls anything
    return any(
        tokens[index].lower in {"a", "an", "one", "another"}
        and index > 0
        and tokens[index - 1].is_word
        and not tokens[index - 1].capitalised
        for index in range(*source)
    )


def _noun_phrase_cue(tokens: list[Token], source_start: int, cue: int, last: int) -> bool:
    """Tell whether a cue word that can be a noun is the head of a noun phrase here.

    The phrase is the object of a preposition ("on the Sunday shows, Lund said"),
    the subject of the finite cue verb right after it ("rights advocates said"),
    or a compound after a verb ("makes phone calls"); an auxiliary, adverb or
    "to" before the word makes it a verb ("do not want", "tended to support").
    """
    noun_like = cues().noun_like
    word = tokens[cue].lower
    if word not in noun_like and not (word.endswith("s") and word[:-1] in noun_like):
        return False
    if source_start > 0 and tokens[source_start - 1].lower in PREPOSITIONS:
        return True
    if cue >= 2:
        modifier, before = tokens[cue - 1], tokens[cue - 2]
        if (
            modifier.is_word
            and not modifier.capitalised
            and not modifier.lower.endswith("s")
            and not in_verb_group(modifier)
            and modifier.lower != "to"
            and modifier.lower not in sources().pronouns
            and modifier.lower not in sources().document_words
            and before.is_word
            and not before.capitalised
            and before.lower not in NOUN_MARKERS | POSSESSIVES
        ):
            return True
    if last >= len(tokens):
        return False
    following = tokens[last]
    return following.lower in cues().verbs and not following.lower.endswith("ing") and not following.quoted


def _before_relative_cue(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """Cut a source before a relative clause that is an attribution of its own ("said Weaver, who said…")."""
    verbs = cues().verbs
    for index in range(start + 1, end - 2):
        if tokens[index].text == "," and tokens[index + 1].lower in {"who", "which"}:
            verb = skip_modifiers_right(tokens, index + 2)
            if verb < end and tokens[verb].lower in verbs and inflected(tokens[verb].lower):
                return start, index
    return start, end


def _object_gap(tokens: list[Token], index: int) -> bool:
    """Tell whether a relative pronoun before the source is the cue's object ("a levy [which] critics said…").

    PolNeAR takes the pronoun as the first fragment of the content: what the
    critics said is that the levy does something.
    """
    return (
        index > 0
        and tokens[index - 1].lower in GAP_PRONOUNS
        and not tokens[index - 1].quoted
        and (index == 1 or tokens[index - 2].lower not in sources().function_words)
    )


def _closes_sentence(tokens: list[Token], source_start: int, last: int) -> bool:
    """Tell whether a source and cue after a comma end the sentence ("…, the paper reports.").

    A verb that otherwise needs a clause after it has its clause there, before
    the comma. The source opens like one (a name, "the", a pronoun), so a noun
    closing a list ("…, the terrorist attacks.") is no cue.
    """
    opening = tokens[source_start]
    return (
        source_start > 1
        and tokens[source_start - 1].text == ","
        and all(not token.is_word for token in tokens[last:])
        and (
            opening.capitalised
            or opening.lower in DEFINITE_DETERMINERS
            or opening.lower in sources().pronouns
        )
    )


def _after_clause(tokens: list[Token], source_start: int, last: int) -> bool:
    """Tell whether a comma joins a cue to its content ("…, he added", "Time, he added, was…")."""
    before = source_start > 1 and tokens[source_start - 1].text == ","
    return before or (last < len(tokens) and tokens[last].text == ",")


def _infinitive_lead(tokens: list[Token], first: int) -> int:
    """Find where a cue led by a verb and "to" starts ("went on to say", "went on CNN to defend").

    A past form in "-ed" or a form of "go" leads right before "to" ("interjected
    to say"); a verb of going or taking a platform leads from a few words before
    it (``_occasion_lead``). Returns ``first`` when the cue stands alone.
    """
    if first < 2 or tokens[first - 1].lower != "to":
        return first
    lead = first - 2
    if tokens[lead].lower == "on" and lead > 0:
        lead -= 1
    verb = tokens[lead].lower
    if not tokens[lead].capitalised and (verb in GO_FORMS or verb.endswith("ed")):
        return lead
    return _occasion_lead(tokens, first)


def _occasion_lead(tokens: list[Token], first: int) -> int:
    """Find a verb of going or taking a platform a few words before "to" and a cue, else ``first``.

    ("took to Twitter overnight to accuse": up to six words between, none a verb or a clause link.)
    """
    for index in range(first - 2, max(-1, first - 9), -1):
        token = tokens[index]
        if token.lower in OCCASION_VERBS and not token.capitalised:
            return index
        if not token.is_word or token.quoted or token.lower in cues().verbs or token.lower in SUBJECT_STOPS:
            return first
    return first


def _coordinated(tokens: list[Token], start: int, head: int) -> bool:
    """Tell whether a subject joins names or groups with "and" before its head, so is plural.

    ("Lind and Brandt | want"; in "the results in Iowa and New Hampshire show" the
    "and" joins words after the head, and the subject is one of them.)
    """
    return any(
        tokens[index].lower == "and" and not tokens[index].quoted and tokens[index - 1].is_word
        for index in range(start + 1, head)
    )


def _plausible_source(tokens: list[Token], start: int, end: int) -> bool:
    """Reject phrases no one can be quoted as: bare numbers and measures ("10", "seven points").

    A share of a poll's respondents ("nine in 10", "four out of 10") is a source.
    """
    comma = next(
        (
            index
            for index in range(start, end)
            if tokens[index].text == "," and not joined(tokens, index, start)
        ),
        end,
    )
    head = tokens[max(start, comma - 1)]
    if comma - start >= 3 and tokens[comma - 2].lower in {"in", "of"} and head.text.isdigit():
        return True
    return not head.text[0].isdigit() and (head.capitalised or head.lower not in UNIT_WORDS)


def _extend_cue(tokens: list[Token], last: int, word: str) -> int:
    """Take a particle ("called for", "wants to") or "in a statement" into the cue, as PolNeAR does.

    A verb with a cue as its "to" complement takes both ("continued to insist").
    """
    if last >= len(tokens):
        return last
    lexicon = cues()
    following = tokens[last].lower
    if (
        following == "to"
        and word not in lexicon.to_verbs
        and last + 1 < len(tokens)
        and tokens[last + 1].lower in lexicon.verbs
    ):
        return _extend_cue(tokens, last + 2, tokens[last + 1].lower)
    if word in lexicon.particles.get(following, ()):
        return last + 1
    for phrase in lexicon.extensions:
        if (
            phrase[0] == following
            and tuple(token.lower for token in tokens[last : last + len(phrase)]) == phrase
        ):
            return last + len(phrase)
    return last


def _clause_follows(tokens: list[Token], index: int, word: str) -> bool:
    """Tell whether a clause or quotation follows a verb that needs one ("proposed that…", "continued, “…”").

    A "to" clause counts after a verb that takes one ("declined to") or when it
    is itself a cue ("continued to insist"), not as an aspect ("continues to grow");
    a verb with the particle "to" takes its object ("referred to him as …").
    """
    if index >= len(tokens):
        return False
    following = tokens[index].lower
    lexicon = cues()
    if following == "to":
        return (
            word in lexicon.to_verbs
            or word in lexicon.particles["to"]
            or (index + 1 < len(tokens) and tokens[index + 1].lower in lexicon.verbs)
        )
    return (
        following in CLAUSE_MARKERS
        or word in lexicon.particles.get(following, ())
        or (following in {",", ":"} and index + 1 < len(tokens) and tokens[index + 1].text in QUOTE_OPENERS)
        or _bare_clause(tokens, index)
    )


def _bare_clause(tokens: list[Token], index: int) -> bool:
    """Tell whether a clause without "that" starts at token ``index`` ("hopes his campaign will win").

    It is a short subject (a pronoun, a name or a determined noun phrase) right
    before a finite auxiliary; a preposition, a relative word or a mark before
    one means the words are an object instead ("agreed with the plan that would…").
    """
    first = tokens[index]
    if first.quoted or not (
        first.lower in CLAUSE_SUBJECTS
        or first.lower in NOUN_MARKERS
        or first.lower in POSSESSIVES
        or first.capitalised
    ):
        return False
    for position in range(index + 1, min(index + 6, len(tokens))):
        token = tokens[position]
        if token.lower in FINITE_AUXILIARIES:
            return True
        if not token.is_word or token.quoted or token.lower in PREPOSITIONS or token.lower in SUBJECT_STOPS:
            return False
    return False


def _topic_after_listener(tokens: list[Token], index: int, word: str) -> int | None:
    """Find what a verb of talking is about past its listener ("talked to voters about health care").

    Returns the index of "about", where the content starts as PolNeAR's annotators
    mostly start it there, when "to" or "with" and at most six words lead to it, none
    a verb or a mark; ``None`` otherwise ("talked with aides" reports nothing).
    """
    if (
        index >= len(tokens)
        or tokens[index].lower not in {"to", "with"}
        or word not in cues().particles["about"]
    ):
        return None
    for position in range(index + 1, min(index + 8, len(tokens) - 1)):
        token = tokens[position]
        if token.lower == "about" and position > index + 1:
            return position
        if not token.is_word or token.quoted or token.lower in cues().verbs:
            return None
    return None


def _stance_object(tokens: list[Token], index: int, word: str) -> bool:
    """Tell whether a verb that takes a stance as its object has one ("rejected the idea", "offered praise").

    A pronoun object ("Germany rejected it") reports nothing, nor does a definite
    object of a verb that needs a new one ("proposed the idea").
    """
    lexicon = cues()
    if index >= len(tokens) or (word not in lexicon.object_verbs and word not in lexicon.new_object_verbs):
        return False
    following = tokens[index]
    if word in lexicon.new_object_verbs and following.lower in DEFINITE_DETERMINERS:
        return False
    return following.is_word and following.lower not in sources().pronouns and following.lower != "to"


def _headline_object(tokens: list[Token], index: int, word: str) -> bool:
    """Tell whether a headline's present-tense verb ("rejects", "rip") has an object or quotation after it.

    A past form or participle is no headline verb, and a final word is a noun ("…his tax claims.").
    """
    present = not word.endswith(("ed", "ing")) and word not in PAST_FORMS
    return present and index < len(tokens) and (tokens[index].is_word or tokens[index].text in QUOTE_OPENERS)


def _subject_gap(tokens: list[Token], source_start: int, after: int) -> bool:
    """Tell whether "that" or "what" before the source is the subject of what it reports.

    ("a law that critics said was broken", "what she says is the problem": the
    content has no subject of its own, so the pronoun is its first fragment.)
    """
    pronoun = tokens[source_start - 1] if source_start > 1 else None
    return (
        pronoun is not None
        and pronoun.lower in GAP_SUBJECTS
        and not pronoun.quoted
        and after < len(tokens)
        and tokens[after].lower in FINITE_AUXILIARIES
        and not tokens[after].quoted
    )
