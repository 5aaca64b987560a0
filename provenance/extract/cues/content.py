"""Content boundaries: where what a source says starts and ends around its cue.

PolNeAR's content is a "that" clause or quotation after the cue, the text
before a sentence-final "…, the official stated", or both fragments around an
inserted cue; these functions find those edges and the clauses that stop them
(a second cue, a closing remark, a fronted subordinate clause).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from operator import itemgetter

from provenance.extract.cues.clause import (
    RawAttribution,
    adverbial_start,
    char_span,
    clause_word,
    inflected,
    opens_quotation,
    quotation_then_participle,
    relative_speaker,
    shared_subject_verb,
    skip_modifiers_right,
    subject_then_cue,
    time_phrase,
)
from provenance.extract.cues.words import (
    ADVERBIAL_STARTS,
    BACKING_STEMS,
    CALENDAR_WORDS,
    CLAUSE_BREAKS,
    CLAUSE_LINKS,
    CLAUSE_MARKERS,
    CLAUSE_SUBJECTS,
    CLOSERS,
    CONTRAST_GOES_ON,
    CONTRAST_LINKS,
    DASH_BREAKS,
    FINITE_AUXILIARIES,
    INTRODUCTIONS,
    MAIN_CLAUSE_SUBJECTS,
    NAME_BOUNDARIES,
    NEW_SUBJECTS,
    NOT_PARTICIPLES,
    NOUN_MARKERS,
    OBJECT_PREPOSITIONS,
    OBJECT_PRONOUNS,
    OCCASION_WORDS,
    POSSESSIVES,
    QUOTE_MARKS,
    RELATIVE_PRONOUNS,
    REQUEST_VERBS,
    SCENE_OPENERS,
    SPEECH_VERBS,
    SUBORDINATORS,
    TIME_NOUNS,
    TIME_WORDS,
)
from provenance.extract.learned.content_end import ContentEndModel, cuttable, verb_like, word_end
from provenance.extract.lexicon import cues
from provenance.extract.segmentation import Token
from provenance.models import CueKind

ADVERBIAL_REACH = 20
"""How far past an adverbial after a cue ("said in an interview taped on Monday that…") to seek a clause."""
LOOKAHEAD = 8
LISTENER_CLAUSES = frozenset({"that", "how", "whether", "why"})
"""Words that open the clause told after a long listener ("told attendees at the gala on Friday how …")."""
TITLE_WORDS = 6
"""The most words of a title quoted after a possessive (``MSNBC’s “Morning Joe”``)."""
STOP_WORDS = frozenset({"and", "but", "who"})
CLAUSE_OPENINGS = frozenset({"that", "to"}) | CLAUSE_SUBJECTS
"""Words that open a clause or infinitive after a cue, not the cue's noun-phrase object."""
STOP_MARKS = CLOSERS | CLAUSE_BREAKS | {";", ",", "."}
"""The tokens ``content_stop`` can end the content at or after: every other token is passed over."""


def content_span(
    tokens: list[Token], first: int, last: int, quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """Content over tokens ``[first, last)``, edge commas, the final full stop and a closing rule dropped.

    A quotation that the content starts in or ends in is taken whole, so a
    quotation spanning several sentences is one content span. ``quotes`` are in
    text order and do not overlap, so the two that matter are found by bisection
    (a paragraph of many quotations costs no more per content than one).
    """
    while first < last and tokens[first].text in {",", ":", "—", "–", ";"}:
        first += 1
    while last > first and (
        tokens[last - 1].text in {",", ".", ":", "—", "–", ";"} or _rule(tokens[last - 1])
    ):
        last -= 1
    if last <= first:
        return None
    start, end = char_span(tokens, first, last)
    opening = bisect_right(quotes, start, key=itemgetter(0)) - 1
    if opening >= 0 and quotes[opening][0] < start < quotes[opening][1]:
        start = quotes[opening][0]
    if tokens[last - 1].quoted:
        closing = bisect_right(quotes, end - 1, key=itemgetter(0)) - 1
        if closing >= 0 and end < quotes[closing][1]:
            end = quotes[closing][1]
    return start, end


def _rule(token: Token) -> bool:
    """Tell whether a token is a rule of underscores ("___"), the break wire copy sets between items."""
    return token.text[0] == "_" and not token.text.strip("_")


@dataclass(frozen=True)
class FollowingContent:
    """A content fragment after its cue, in tokens: its start, the rules' end, how far it may run."""

    attribution: RawAttribution
    fragment: int
    """Its position in the attribution's ``content`` list."""
    start: int
    rule_end: int
    limit: int
    """The sentence end, or the first token of another attribution's part after it."""
    cue_word: str


def following_contents(
    tokens: list[Token], found: list[RawAttribution], cut_only: bool = False
) -> list[FollowingContent]:
    """List the content fragments after their cue whose end the content-end model may reconsider.

    Those are the fragments that end in the sentence where the rules' content stop
    ends them (at a clause opening another statement, or the sentence end); a
    fragment ended by its own clause's grammar (a relative clause, a fronted
    clause, the person a backing verb names) or right where another attribution
    starts keeps the rules' end. ``cut_only`` leaves out the fragments that run to
    their limit unless the model may cut them short (``cuttable``).
    """
    if not tokens or not found:
        return []
    starts = [token.start for token in tokens]
    ends = [token.end for token in tokens]
    parts = sorted(
        span[0]
        for attribution in found
        for span in (attribution.cue, attribution.source, *attribution.content)
        if span is not None
    )
    following: list[FollowingContent] = []
    for attribution in found:
        if attribution.cue is None:
            continue
        cue_end = attribution.cue[1]
        for position, (start, end) in enumerate(attribution.content):
            if start < cue_end or end > tokens[-1].end or start < tokens[0].start:
                continue
            first = bisect_right(starts, start - 1)
            last = bisect_right(ends, end)
            later = bisect_right(parts, end - 1)
            limit = bisect_right(starts, parts[later] - 1) if later < len(parts) else len(tokens)
            if (
                first >= last
                or last > limit
                or (
                    cut_only
                    and word_end(tokens, last) == word_end(tokens, limit)
                    and not cuttable(tokens, first)
                )
            ):
                continue
            if _in_relative_clause(tokens, attribution, starts) or _ended_by_grammar(tokens, first, last):
                continue
            if limit < len(tokens) and word_end(tokens, last) == word_end(tokens, limit):
                continue  # "…, compared with 64 percent who say …": ended where another attribution starts
            cue_last = bisect_right(ends, cue_end) - 1
            following.append(
                FollowingContent(attribution, position, first, last, limit, tokens[cue_last].lower)
            )
    return following


def _ended_by_grammar(tokens: list[Token], first: int, last: int) -> bool:
    """Tell whether the rules ended a content before where their content stop does (its clause's grammar did).

    A content running to the sentence end was not cut short, so the stop need not be read.
    """
    end = word_end(tokens, last)
    return end != word_end(tokens, len(tokens)) and end != word_end(tokens, content_stop(tokens, first))


def _in_relative_clause(tokens: list[Token], attribution: RawAttribution, starts: list[int]) -> bool:
    """Tell whether an attribution sits in a relative clause: its source or a content part is "which", "who"….

    ("the levy, which the mayor says will fund schools, …", "Lund, who said she …")
    """
    for span in (attribution.source, *attribution.content):
        if span is None:
            continue
        index = bisect_right(starts, span[0] - 1)
        if index < len(tokens) and tokens[index].end == span[1] and tokens[index].lower in RELATIVE_PRONOUNS:
            return True
    return False


def learned_ends(
    tokens: list[Token],
    found: list[RawAttribution],
    quotes: list[tuple[int, int]],
    model: ContentEndModel | None,
) -> list[RawAttribution]:
    """Let each content the rules stop before its limit run on where the content-end model places its end.

    An infinitive content ("to …") may also be cut short there. A fragment is
    replaced only when the model ends it at another word than the rules do.
    """
    if model is None:
        return found
    for content in following_contents(tokens, found, cut_only=True):
        end = model.end(tokens, content.start, content.rule_end, content.limit, content.cue_word)
        if word_end(tokens, end) == word_end(tokens, content.rule_end):
            continue
        span = content_span(tokens, content.start, end, quotes)
        if span is not None:
            content.attribution.content[content.fragment] = span
    return found


def before_final_relative(tokens: list[Token], start: int, end: int) -> int:
    """End a content before a closing ", which …"/", who …" clause or remark that runs to its end.

    ("Lund said she backed the levy, which passed in May.": the content is "she backed the levy".)
    """
    for index in range(end - 2, start, -1):
        token = tokens[index]
        if token.quoted:
            return end
        if token.text == "," or token.text in DASH_BREAKS:
            following = tokens[index + 1]
            if following.quoted:
                return end
            relative = token.text == "," and following.lower in {"which", "who"}
            return index if relative or _closing_appositive(tokens, index, end) else end
    return end


def _closing_appositive(tokens: list[Token], comma: int, end: int) -> bool:
    """Tell whether a noun phrase after the content's last comma or dash remarks on it ("…, a swipe at Lund").

    A phrase after a comma naming what comes right before it ("Ana Lund, the
    mayor") is part of the content; one after a lowercase word or a dash sums
    the clause up.
    """
    return (
        tokens[comma + 1].lower in {"a", "an", "the"}
        and (tokens[comma].text in DASH_BREAKS or not tokens[comma - 1].capitalised)
        and all(token.text not in {",", ";"} and token.lower != "and" for token in tokens[comma + 2 : end])
        and not _has_own_verb(tokens[comma + 2 : end])
    )


def _has_own_verb(phrase: list[Token]) -> bool:
    """Tell whether a phrase is a clause: an auxiliary before any relative pronoun ("the town was …")."""
    for token in phrase:
        if token.lower in {"that", "which", "who", "whom", "whose"}:
            return False
        if token.lower in FINITE_AUXILIARIES:
            return True
    return False


def ends_clause(tokens: list[Token], index: int) -> bool:
    """Tell whether nothing of a clause follows token ``index``: a comma, an adverbial or the sentence end.

    ("a law [which] Lund denounced on Monday, …": the pronoun is all the content.)
    """
    if index >= len(tokens):
        return True
    token = tokens[index]
    return (
        token.text in {",", ".", ";", ")", "—", "–"}
        or token.lower in ADVERBIAL_STARTS
        or token.lower in TIME_WORDS
    )


def past_opening(tokens: list[Token], end: int) -> int:
    """Find where what a sentence-final "according to" reports starts: past an opening "But" or "And"."""
    return 1 if end > 1 and tokens[0].lower in {"but", "and", "so", "yet"} else 0


def quotation_lead(tokens: list[Token], end: int) -> int:
    """Find where a quotation closing before token ``end`` starts when a colon introduces it.

    (``His verdict: “It works,” she said``: the content is the quotation, not the
    words that announce it.) Returns 0, the sentence start, otherwise.
    """
    close = end - 1
    while close > 0 and tokens[close].text in {",", "."}:
        close -= 1
    if close <= 0 or tokens[close].text not in CLOSERS:
        return 0
    opening = next((index for index in range(close - 1, 0, -1) if not tokens[index].quoted), 0)
    if opening > 1 and tokens[opening].text in QUOTE_MARKS and tokens[opening - 1].text == ":":
        return opening
    return 0


def content_after_source(tokens: list[Token], index: int) -> bool:
    """Tell whether content follows an inverted cue's source (``…,” said Lund, “and…``, ``said Lund that…``).

    Anything else after the source is the rest of its description, not content.
    """
    if index < len(tokens) and tokens[index].lower == "that":
        return True
    pause = index < len(tokens) and tokens[index].text in {",", ":"}
    return opens_quotation(tokens, index) and (pause or tokens[index - 1].text in {",", ":"})


def sets_scene(tokens: list[Token], index: int) -> bool:
    """Tell whether what follows a cue only sets its scene (``…,” he said, after the vote…``)."""
    while index < len(tokens) and tokens[index].text == ",":
        index += 1
    if index >= len(tokens) or tokens[index].quoted:
        return False
    if tokens[index].lower == "that":
        return index + 1 < len(tokens) and tokens[index + 1].lower in TIME_WORDS
    return tokens[index].lower in SCENE_OPENERS


def opens_content(tokens: list[Token], index: int) -> bool:
    """Tell whether a quotation or a "that" clause follows token ``index``."""
    return any(token.text in QUOTE_MARKS or token.lower == "that" for token in tokens[index:])


def introductory(tokens: list[Token], end: int) -> bool:
    """Tell whether the words before an inserted source set the scene ("In a statement, she said, “…")."""
    words = [token for token in tokens[:end] if token.is_word]
    return (
        bool(words)
        and words[0].lower in INTRODUCTIONS
        and not any(token.text in QUOTE_MARKS for token in tokens[:end])
    )


def content_stop(tokens: list[Token], start: int) -> int:
    """Find where the content after a cue ends: the sentence end or a comma opening another attribution.

    That is a participle cue (", adding that…"), a second verb of the same
    subject ("… and said"), the main verb after a relative clause ("Podesta, who
    said X, said Y") or a new subject with its own cue (", although he claimed…").
    """
    verbs = cues().verbs
    start = past_fronted_clause(tokens, start)
    for index in range(start, len(tokens) - 1):
        if tokens[index].lower not in STOP_WORDS and tokens[index].text not in STOP_MARKS:
            continue  # none of the checks below can stop at this token: most tokens are plain words
        following = tokens[index + 1]
        after = (
            skip_modifiers_right(tokens, index + 1) if tokens[index].lower in {"and", "but"} else len(tokens)
        )
        second = tokens[after] if after < len(tokens) else None
        if (
            second is not None
            and verbs.get(second.lower) is CueKind.STATEMENT
            and second.lower not in cues().noun_like
            and not second.quoted
            and not second.lower.endswith("ing")
            and not tokens[index].quoted
        ):
            return index
        if quotation_then_participle(tokens, index):
            return index + 1
        if tokens[index].lower == "who" and not tokens[index].quoted and relative_speaker(tokens, index):
            return index
        if (
            tokens[index].lower in {"and", "but"}
            and not tokens[index].quoted
            and subject_then_cue(tokens, index + 1, SPEECH_VERBS)
        ) or (tokens[index].text == ";" and not tokens[index].quoted and subject_then_cue(tokens, index + 1)):
            return index
        end, position = index, index + 1
        if tokens[index].quoted and tokens[index].text in {",", "."} and following.text in CLOSERS:
            end = position = index + 2
            if end >= len(tokens):
                break
            following = tokens[end]
        elif tokens[index].text not in CLAUSE_BREAKS or tokens[index].quoted:
            continue
        if following.quoted:
            continue
        if following.lower in verbs and not following.capitalised:
            return end
        if following.lower in CONTRAST_LINKS:
            if position + 1 < len(tokens) and tokens[position + 1].lower in CONTRAST_GOES_ON:
                continue
            if following.lower == "but" and shared_subject_verb(tokens, position + 1):
                continue
            return end
        if (
            following.lower.endswith("ing")
            and not following.capitalised
            and following.lower not in NOT_PARTICIPLES
        ):
            return end
        subject = position + 1 if following.lower in CLAUSE_LINKS else position
        if subject + 1 < len(tokens) and tokens[subject].lower in NEW_SUBJECTS:
            verb = skip_modifiers_right(tokens, subject + 1)
            if verb < len(tokens) and tokens[verb].lower in verbs and not tokens[verb].quoted:
                return end
        if subject > position and subject_then_cue(tokens, subject):
            return end
        if following.lower in {"the", "a", "an"} and subject_then_cue(tokens, subject, SPEECH_VERBS):
            return end
    return len(tokens)


def past_fronted_clause(tokens: list[Token], start: int) -> int:
    """Move past a clause fronted inside a "that" clause ("that, while the tax may pass, workers…").

    The comma right after "that" opens a subordinate clause; its closing comma,
    and a cue inside it ("that, because Comey testified, …"), are the content's
    own, so the content's end is looked for after that comma.
    """
    if start + 2 >= len(tokens) or tokens[start].lower != "that" or tokens[start + 1].text != ",":
        return start
    return next(
        (
            index + 1
            for index in range(start + 2, len(tokens))
            if tokens[index].text == "," and not tokens[index].quoted
        ),
        start,
    )


def relative_clause_end(tokens: list[Token], start: int, restrictive: bool) -> int:
    """Find where a relative clause's content ends: at a comma or the main clause's verb.

    ("A woman who has accused Clinton of rape said…": the content is "Clinton of rape".)
    A clause set off by commas ("Perez, who said he expects…, …") has no main
    verb inside it to stop at: it ends at its closing comma.
    """
    verbs = cues().verbs
    end = content_stop(tokens, start)
    for index in range(start + 1, end):
        token = tokens[index]
        if token.quoted:
            continue
        if token.text == "," or (
            restrictive
            and token.lower in verbs
            and not token.capitalised
            and inflected(token.lower)
            and tokens[index - 1].lower != "to"
        ):
            return index
    return end


def skip_addressee(tokens: list[Token], index: int, word: str) -> int:
    """Skip the listener after "told"/"asked" ("told reporters", "told The Associated Press").

    The content starts at the clause after the listener ("told Reuters he
    would run"), except that the one asked to do something is part of the
    request ("asked her to call").
    """
    for offset in _past_titles(tokens, index, min(index + LOOKAHEAD, len(tokens))):
        token = tokens[offset]
        if token.text in QUOTE_MARKS and offset > index and tokens[offset - 1].text not in {",", ":"}:
            return index
        if token.lower in CLAUSE_MARKERS or token.text in {",", ".", ";"} or token.quoted:
            return index if token.lower == "to" and word in REQUEST_VERBS else offset
        if offset > index and token.lower in NEW_SUBJECTS:
            return offset
    for offset in range(min(index + LOOKAHEAD, len(tokens)), min(index + ADVERBIAL_REACH, len(tokens))):
        token = tokens[offset]
        if token.lower in LISTENER_CLAUSES and not token.quoted:
            return offset
        if token.text in {".", ";", ":"} or token.quoted or clause_word(token):
            break
    return index


def clause_start(tokens: list[Token], index: int) -> int:
    """Move past adverbials ("on Tuesday", "in a statement") to a "that" clause or quotation close by.

    A quotation counts only when it opens the content (``said Tuesday, “We…``), not
    when it starts inside it (``said the campaign would “do daily requests…``); an
    object right after the verb keeps its clause (``rejected the idea that…``).
    """
    adverbial = index < len(tokens) and adverbial_start(tokens[index])
    reach = min(index + (ADVERBIAL_REACH if adverbial else LOOKAHEAD), len(tokens))
    for offset in _past_titles(tokens, index, reach):
        token = tokens[offset]
        if offset == index and token.lower in NOUN_MARKERS and not time_phrase(tokens, offset):
            return index
        if token.lower == "that" or token.text == ":":
            if offset > index and not adverbial:
                return index
            return offset + 1 if token.text == ":" else offset
        if adverbial and offset > index and _subject_after_time(tokens, offset):
            return offset
        if clause_word(token) and not (adverbial and (token.lower in POSSESSIVES or offset == index)):
            return index
        if token.text in {"“", '"', "''"}:
            opens_clause = offset == index or tokens[offset - 1].text in {",", ":", "—", "–"}
            return offset if opens_clause else index
        if token.text in {".", ";", "?", "!"} or token.quoted:
            break
    return index


def _past_titles(tokens: list[Token], start: int, stop: int) -> Iterator[int]:
    """Yield the token positions from ``start`` to ``stop``, passing over titles quoted after a possessive.

    (``told MSNBC’s “Morning Joe” that …``, ``said on ABC’s “This Week” that …``:
    the quotation names a programme, it is not the source's words, so the
    listener or adverbial it belongs to goes on after it.)
    """
    offset = start
    while offset < stop:
        title_end = _title_end(tokens, offset)
        if title_end is None:
            yield offset
            offset += 1
        else:
            offset = title_end


def _title_end(tokens: list[Token], offset: int) -> int | None:
    """Find where a title quoted right after a possessive ends (past its closing mark), if one opens here."""
    if offset == 0 or tokens[offset].text not in QUOTE_MARKS:
        return None
    if not tokens[offset - 1].lower.endswith(("’s", "'s")) or tokens[offset - 1].quoted:
        return None
    close = next(
        (
            index
            for index in range(offset + 1, min(offset + TITLE_WORDS + 2, len(tokens)))
            if not tokens[index].quoted
        ),
        None,
    )
    if close is None or close == offset + 1 or tokens[close].text not in CLOSERS:
        return None
    return close + 1


def _subject_after_time(tokens: list[Token], index: int) -> bool:
    """Tell whether a subject pronoun right after a time word opens the clause ("said on Friday she won")."""
    return tokens[index].lower in CLAUSE_SUBJECTS and tokens[index - 1].lower in TIME_WORDS


def past_object_preposition(tokens: list[Token], index: int) -> int:
    """Move past the preposition that joins a cue to its object ("boasted of his record", "railed at Lund").

    The preposition belongs to the cue's wording; what the source talks about
    starts after it. "at least …" and a number after it are the content's own.
    """
    if index + 1 >= len(tokens):
        return index
    token, following = tokens[index], tokens[index + 1]
    if (
        token.lower not in OBJECT_PREPOSITIONS
        or token.quoted
        or following.lower.split("-")[0] in {"least", "most", "one", "two", "three", "half", "first", "last"}
        or following.text[0].isdigit()
        or not following.is_word
    ):
        return index
    return index + 1


def past_inserting_comma(tokens: list[Token], index: int) -> int:
    """Step over the comma that closes an inserted source ("The council, Moreau said, voted …").

    What follows that comma is the rest of the content, even when it opens
    with a verb or a new subject; only a participle (", adding that …") starts
    another attribution there.
    """
    if index + 1 >= len(tokens) or tokens[index].text != "," or tokens[index].quoted:
        return index
    following = tokens[index + 1]
    if following.lower.endswith("ing") and following.lower in cues().verbs:
        return index
    return index + 1


def fronted_clause_end(tokens: list[Token], source_start: int, start: int, end: int) -> int:
    """End a content inside an opening subordinate clause at the comma before the main clause.

    ("While Moreau said the levy was fair, she voted against it.": the content
    is "the levy was fair".) The comma counts when a subject follows it: a
    pronoun, a determiner or a capitalised word; a comma inside the closing mark
    of a quotation counts too (``… as “a tax,” she voted``).
    """
    opener = 1 if tokens[0].lower in {"but", "and", "so", "yet"} else 0
    if tokens[opener].lower in {"even", "just"} and opener + 1 < source_start:
        opener += 1
    if source_start <= opener or tokens[opener].lower not in SUBORDINATORS:
        return end
    if any(token.text == "," for token in tokens[opener:source_start]):
        return end
    for index in range(start + 1, end - 1):
        token = tokens[index]
        closing = token.quoted and tokens[index + 1].text in CLOSERS
        if token.text != "," or (token.quoted and not closing):
            continue
        following = tokens[index + 2] if closing and index + 2 < end else tokens[index + 1]
        if following.quoted:
            return end
        cut = index + 2 if closing else index
        return cut if following.lower in MAIN_CLAUSE_SUBJECTS or following.capitalised else end
    return end


def impression_end(tokens: list[Token], start: int, end: int) -> int:
    """End an impression's complement at its first comma ("seemed to be winning, with polls showing …").

    What follows the comma comments on the impression rather than being part of it.
    """
    return next(
        (index for index in range(start + 1, end) if tokens[index].text == "," and not tokens[index].quoted),
        end,
    )


def backed_person_end(tokens: list[Token], word: str, start: int, end: int) -> int:
    """End the object of a verb of taking sides at the person it names ("endorsed Cruz on Wednesday").

    What follows the name or pronoun (when, how, by what margin, a second
    clause) tells of the backing, not whom it went to.
    """
    if word.rstrip("s").removesuffix("ing").removesuffix("ed").removesuffix("e") not in BACKING_STEMS:
        return end
    if start >= end or tokens[start].quoted:
        return end
    index = start
    if tokens[index].lower in OBJECT_PRONOUNS:
        index += 1
    else:
        while index < end and tokens[index].capitalised and tokens[index].lower not in CALENDAR_WORDS:
            index += 1
    if index == start or index >= end:
        return _backing_occasion(tokens, start, end)
    following = tokens[index]
    if following.quoted:
        return end
    if following.is_word:
        if following.lower in NAME_BOUNDARIES or _names_a_time(following):
            return index
        return _backing_occasion(tokens, start, end)
    return index if following.text in {",", "-", "--", "—", "–", ";", ":"} else end


def object_end(tokens: list[Token], start: int, end: int) -> int:
    """End a cue's noun-phrase object where its source's next act starts ("talked about X and made …").

    A content with no verb of its own is the cue's object; a verb joined after it
    by "and" or "but", or a clause after a semicolon, says something else.
    """
    if start >= end or tokens[start].quoted or tokens[start].lower in CLAUSE_OPENINGS:
        return end
    for index in range(start + 1, end):
        token = tokens[index]
        if token.quoted:
            return end
        if token.text == ";":
            return index
        if token.lower in {"and", "but"} and index + 1 < end and _finite(tokens[index + 1]):
            return index
        if verb_like(token):
            return end
    return end


def _finite(token: Token) -> bool:
    """Tell whether a word is a finite verb: an auxiliary or a lower-case past form ("had", "vowed")."""
    lower = token.lower
    past = not token.capitalised and lower.endswith("ed") and "-" not in lower
    return past or lower in FINITE_AUXILIARIES


def _backing_occasion(tokens: list[Token], start: int, end: int) -> int:
    """End the object of a verb of backing where the time or occasion of the backing starts.

    ("endorsed gay marriage after his son …", "supported the bill when it came …",
    "endorsed the mayor in 2015").
    """
    for index in range(start + 1, end):
        token = tokens[index]
        if token.quoted:
            return end
        if token.lower in OCCASION_WORDS or (token.capitalised and token.lower in CALENDAR_WORDS):
            return index
        if (
            token.lower in {"in", "on", "during", "last"}
            and index + 1 < end
            and _names_a_time(tokens[index + 1])
        ):
            return index
    return end


def _names_a_time(token: Token) -> bool:
    """Tell whether a word after "in"/"last" names a time ("in 2015", "last week", "on Monday")."""
    return (
        (token.capitalised and token.lower in CALENDAR_WORDS)
        or token.lower in TIME_NOUNS
        or (token.text.isdigit() and len(token.text) == 4)
    )
