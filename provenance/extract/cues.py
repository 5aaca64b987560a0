"""Attribution cues in a sentence, with the source and content each one ties together.

A cue is a reporting verb ("said", "believe"), a phrase ("according to") or a
citation ("citing"); it counts only when a source phrase stands beside it, and
its content follows PolNeAR's conventions: a "that" clause or quotation after
the cue, the text before a sentence-final "…, the official stated", or both
fragments around an inserted cue ("The plan, he said, is…"). Cues inside a
quotation or inside another attribution's content are not read again: only the
outermost attribution of a nest is kept.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache

from provenance.extract.lexicon import cues, sources
from provenance.extract.segmentation import Token
from provenance.extract.sources import (
    is_adverb,
    is_title_stop,
    main_clause_start,
    name_tail,
    opens_aside,
    passive_agent,
    phrase_after,
    phrase_before,
)
from provenance.models import CueKind

__all__ = ["RawAttribution", "find_attributions", "first_cue_words"]

CLAUSE_MARKERS = frozenset(
    {"that", "whether", "if", "how", "what", "why", "when", "who", "to", "“", '"', ":"}
)
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
NOUN_MARKERS = frozenset({"the", "a", "an", "this", "these", "those", "its", "his", "her", "their", "our"})
INVERTING = frozenset({CueKind.STATEMENT, CueKind.REPORT})
BE_FORMS = frozenset({"is", "are", "was", "were", "been", "be", "’s", "'s"})
TIME_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month", "year",
     "night", "morning", "afternoon", "evening", "weekend", "time", "day"}
)  # fmt: skip
TIME_LEADS = frozenset({"on", "last", "this", "that", "next", "earlier", "later", "late", "early", "friday"})
PLURAL_PRONOUNS = frozenset({"i", "we", "you", "they", "who", "which", "that"})
PLURAL_NOUNS = frozenset({"people", "men", "women", "children", "police", "republicans", "democrats"})
PARTICIPLE_LINKS = frozenset({",", "by", "while", "when", "after", "before", "—", "–", "-"})
SCENE_PARTICIPLES = frozenset(
    {"speaking", "talking", "pointing", "writing", "responding", "asking", "referring"}
)
"""Participles that open a sentence with its occasion ("Speaking in Ohio, Lund …"), not a statement."""
OPENING_LINKS = frozenset({"after", "while", "before", "by", "in"})
"""Words that open a sentence with a participle clause of its subject ("After saying …, Lund left")."""
PASSIVE_CUES = frozenset(
    {"expected", "believed", "thought", "said", "reported", "rumored", "alleged", "known"}
)
CLAUSE_WORDS = frozenset(
    {"is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could",
     "should", "may", "might", "must", "do", "does", "did", "it"}
)  # fmt: skip
FINITE_AUXILIARIES = frozenset(
    {"is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "should", "may",
     "might", "must", "does", "did", "do", "’s", "'s"}
)  # fmt: skip
CLAUSE_SUBJECTS = frozenset({"he", "she", "they", "we", "i", "it", "there", "you"})
"""Words that open a clause without "that" after a verb such as "hopes" ("hopes they will…")."""
CONTRAST_GOES_ON = frozenset({"that", "not", "only", "rather", "also", "no", "instead"})
"""Words after "but" that continue the same content ("…, but not before…", "…, but that…")."""
CONTRAST_LINKS = frozenset({"but", "although", "though", "while", "whereas"})
BACKING_STEMS = frozenset({"endors", "support", "back", "oppos"})
"""Stems of the verbs of taking sides whose object is the side taken ("endorsed Cruz", "opposing her")."""
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us"})
CALENDAR_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
     "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
)  # fmt: skip
OCCASION_WORDS = frozenset({"after", "when", "since", "until", "because", "yesterday"})
TIME_NOUNS = frozenset({"week", "month", "year", "night", "spring", "summer", "fall", "autumn", "winter"})
NAME_BOUNDARIES = frozenset(
    {"on", "in", "at", "for", "with", "by", "from", "over", "during", "after", "before", "last", "this",
     "and", "but", "as", "because", "when", "while", "since", "despite", "until", "earlier", "today",
     "yesterday"}
)  # fmt: skip
ADVERBIAL_STARTS = frozenset(
    {"on", "in", "at", "last", "this", "during", "early", "late", "earlier", "later", "after", "before",
     "from", "through", "via", "when", "while", "then", "twice", "yesterday", "today", "recently"}
)  # fmt: skip
SCENE_OPENERS = ADVERBIAL_STARTS | {"as", "instead", "because", "since", "speaking", "explaining", "of", "to"}
"""First words of what follows "…,” she said" when it is no content but the occasion of the quotation."""
INTRODUCTIONS = ADVERBIAL_STARTS | {"still", "even", "however", "meanwhile", "instead", "now", "yet", "asked"}
"""First words of a phrase that sets the scene before a source rather than starting its content."""
REQUEST_VERBS = frozenset({"ask", "asks", "asked", "asking", "urge", "urges", "urged", "urging"})
QUESTION_WORDS = frozenset(
    {"whether", "if", "about", "what", "how", "why", "when", "who", "whom", "specifically", "to"}
)
QUESTION_LEADS = frozenset({"when", "if", "after", "once", "while", "being"})
QUESTION_ENDS = frozenset({",", ".", ";", "?", ":", "—", "–"})
NOMINAL_CUES = frozenset(
    {"claim", "claims", "assertion", "belief", "view", "call", "calls", "argument", "suggestion", "promise",
     "pledge", "warning", "denial", "accusation", "insistence", "contention", "hope", "fear", "plan", "plans",
     "proposal", "decision", "vow", "demand", "threat", "prediction", "assurance", "hopes"}
)  # fmt: skip
POSSESSIVES = frozenset({"his", "her", "their", "its", "my", "our", "your"})
CLAUSE_PAUSES = frozenset({",", "—", "–", "-", "--", ";", "(", ")"})
GAP_PRONOUNS = frozenset({"which", "whom", "what", "who"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
CLAUSE_LINKS = frozenset({"and", "but", "although", "though", "while", "as", "because", "so", "yet"})
NEW_SUBJECTS = frozenset({"he", "she", "they", "i", "we"})
DOCUMENT_HEADS = frozenset({"poll", "polls", "survey", "surveys", "study", "analysis", "polling"})
DASHES = frozenset({"―", "—"})
PUNCTUATION_CUES = DASHES | {":"}
QUOTE_OPENERS = frozenset({"“", '"', "''", "‘", "'"})
CLOSERS = frozenset({"”", '"', "''"})
QUOTE_MARKS = frozenset({"“", "”", '"', "''"})
OPENERS = frozenset({",", "”", '"', "''", ":", "—", "–"})
LOOKAHEAD = 8
ADVERBIAL_REACH = 20
"""How far past an adverbial after a cue ("said in an interview taped on Monday that…") to seek a clause."""
NOT_PARTICIPLES = frozenset({"including", "during", "regarding", "concerning", "notwithstanding"})
"""Words in "-ing" that do not open a participle clause: the content goes on past them."""
VIEW_WORDS = frozenset({"view", "opinion"})
HEARSAY = frozenset({"reportedly"})
FINDING_VERBS = frozenset({"find", "finds", "found"})
FOUND_OBJECTS = frozenset(
    {
        "himself",
        "herself",
        "itself",
        "themselves",
        "myself",
        "ourselves",
        "yourself",
        "a",
        "an",
        "ways",
        "way",
    }
)
"""What follows "found" when it is an event ("found himself in…", "found a way"), not a finding."""
LOCATIVES = frozenset({"here", "there"})
SPEECH_VERBS = frozenset({"said", "says", "told", "tells", "added", "adds", "wrote", "writes"})
SUBJECT_STOPS = frozenset(
    {"that", "and", "but", "or", "because", "while", "if", "when", "although", "though", "since", "so", "as",
     "whether", "where", "yet"}
)  # fmt: skip
RAISING_VERBS = frozenset({"seem", "seems", "seemed", "appear", "appears", "appeared"})
NAMING_VERBS = frozenset({"called", "named", "dubbed", "titled"})
CLAUSE_BREAKS = frozenset({",", "-", "—", "–"})
PREPOSITIONS = frozenset({"on", "in", "at", "of", "for", "with", "from", "about", "into", "over", "under"})
PAST_FORMS = frozenset({"said", "told", "wrote", "found", "saw", "read", "spoke", "thought", "knew", "felt"})
LABEL_STOPS = frozenset({"is", "are", "was", "were", "in", "for", "to", "on", "with", "just", "how", "why"})
SUBORDINATORS = frozenset(
    {"when", "while", "though", "although", "if", "as", "after", "because", "since", "before", "once",
     "until", "whereas", "unless"}
)  # fmt: skip
MAIN_CLAUSE_SUBJECTS = frozenset(
    {"he", "she", "they", "we", "it", "there", "the", "a", "an", "his", "her", "their", "some", "many",
     "several", "neither", "multiple", "another", "this"}
)  # fmt: skip
DASH_BREAKS = frozenset({"—", "–", "-", "--"})
GAP_SUBJECTS = frozenset({"that", "what", "which", "who"})
OBJECT_PREPOSITIONS = frozenset({"about", "of", "upon"})
UNIT_WORDS = frozenset({"points", "dollars", "times", "years", "votes", "seats", "miles", "days", "months"})


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


def find_attributions(tokens: list[Token], quotes: list[tuple[int, int]]) -> list[RawAttribution]:
    """Find the outermost attributions among one sentence's tokens.

    A quotation that ends its own sentence (``… “ongoing.” He said the FBI…``)
    is read apart from the new statement after it.
    """
    split = _statement_after_quotation(tokens)
    if split is not None:
        return find_attributions(tokens[:split], quotes) + find_attributions(tokens[split:], quotes)
    question = _question(tokens, quotes)
    if question is None or question.cue is None:
        return _attributions(tokens, quotes)
    start, end = question.cue
    found = _attributions(tokens, quotes, (start, end))
    for attribution in found:
        kept = [part for part in attribution.content if not part[0] <= start < part[1]]
        attribution.content = kept or attribution.content
    return [question, *found]


def _statement_after_quotation(tokens: list[Token]) -> int | None:
    """Find where a new statement starts after a quotation closed with a full stop, if one does.

    (``“… ongoing.” He said the FBI had not commented``: the second sentence has a
    subject, a cue and content of its own; ``“… ready.” Lund said.`` does not.)
    """
    starters = first_cue_words()
    for index in range(2, len(tokens) - 4):
        if not (
            tokens[index].text in CLOSERS
            and tokens[index - 1].text in {".", "?", "!"}
            and tokens[index + 1].is_word
            and tokens[index + 1].capitalised
        ):
            continue
        cue = next(
            (
                position
                for position in range(index + 2, min(len(tokens), index + 8))
                if tokens[position].lower in starters and not tokens[position].quoted
            ),
            None,
        )
        if cue is None:
            continue
        words = sum(token.is_word for token in tokens[cue + 1 :])
        if words >= 3 and not _adverbial_only(tokens, cue + 1):
            return index + 1
    return None


def _question(tokens: list[Token], quotes: list[tuple[int, int]]) -> RawAttribution | None:
    """Read a question put to the subject: its source is the asker, if named.

    ("Asked whether he would run, …", "…, she said when asked about the merger",
    "Lund was asked by the host if …", "Asked by the host to respond, …".)
    """
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
        content = _content(tokens, max(question, cue_end), end, quotes)
        if content is None or sum(item.is_word for item in tokens[question:end]) < 2:
            continue
        first = asked - 1 if before in BE_FORMS else asked
        source = _span(tokens, *asker) if asker is not None else None
        return RawAttribution(
            CueKind.STATEMENT, _span(tokens, first, cue_end), source, [content], last_token=end
        )
    return None


def _attributions(
    tokens: list[Token], quotes: list[tuple[int, int]], asked: tuple[int, int] = (-1, -1)
) -> list[RawAttribution]:
    """Find the attributions of a sentence; a question's cue (``asked``, character range) is read already."""
    starters = first_cue_words()
    candidates = [
        index
        for index, token in enumerate(tokens)
        if token.lower in starters and not token.quoted and not asked[0] <= token.start < asked[1]
    ]
    found: list[RawAttribution] = []
    for index in candidates:
        if (
            0 < index < len(tokens) - 2
            and tokens[index].lower == "according"
            and tokens[index + 1].lower == "to"
        ):
            outermost = _according_to(tokens, index, index + 2, quotes)
            if outermost is not None:
                return [outermost]
    final = _speaker_line(tokens, quotes) or _document_intro(tokens, quotes)
    if final is not None:
        return [final]
    last_word = _final_cue(tokens, candidates, quotes)
    if last_word is not None:
        found.append(last_word)
        candidates = [
            index for index in candidates if index > last_word.last_token and _participle(tokens, index)
        ]
    headline: bool | None = None
    covered = -1
    for index in candidates:
        token = tokens[index]
        if index <= covered:
            continue
        if index > 0 and token.capitalised:
            if headline is None:
                headline = _title_case(tokens)
            if not headline:
                continue
        attribution = _attribution_at(tokens, index, quotes, found)
        if attribution is not None:
            found.append(attribution)
            covered = max(index, attribution.last_token)
    if not found and any(token.text in PUNCTUATION_CUES for token in tokens):
        punctuated = _punctuation_cue(tokens, quotes, _title_case(tokens) if headline is None else headline)
        if punctuated is not None:
            found.append(punctuated)
    if not found:
        nominal = _nominal_cue(tokens, quotes) or _hearsay(tokens, quotes) or _in_view(tokens, quotes)
        if nominal is not None:
            found.append(nominal)
    return found


def _in_view(tokens: list[Token], quotes: list[tuple[int, int]]) -> RawAttribution | None:
    """Read "In their view, Democrats could…", "…, in Bolton's view": the possessor holds the view."""
    for index in range(len(tokens) - 2):
        owner, head = tokens[index + 1], tokens[index + 2]
        if tokens[index].lower != "in" or head.lower not in VIEW_WORDS or tokens[index].quoted:
            continue
        if owner.lower not in POSSESSIVES and not (owner.capitalised and owner.lower.endswith(("’s", "'s"))):
            continue
        parts = [_content(tokens, 0, index, quotes), _content(tokens, index + 3, len(tokens), quotes)]
        content = [part for part in parts if part is not None]
        if not content:
            return None
        return RawAttribution(
            CueKind.BELIEF,
            _span(tokens, index + 2, index + 3),
            _span(tokens, index + 1, index + 2),
            content,
            first_token=0,
            last_token=len(tokens) - 1,
        )
    return None


def _hearsay(tokens: list[Token], quotes: list[tuple[int, int]]) -> RawAttribution | None:
    """Read "The FBI is reportedly making arrangements…": a report with no source named.

    The words before the adverb back to a clause boundary and the clause after it
    are the content; before a cue verb ("reportedly told") the verb is the cue.
    """
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
    end = _content_end(tokens, index + 1)
    before = _content(tokens, start, index, quotes)
    after = _content(tokens, index + 1, end, quotes)
    if before is None or after is None:
        return None
    return RawAttribution(
        CueKind.REPORT,
        _span(tokens, index, index + 1),
        None,
        [before, after],
        first_token=start,
        last_token=end - 1,
    )


def _participle(tokens: list[Token], index: int) -> bool:
    """Tell whether a cue word opens a participle clause (", adding that…"), which shares the main source."""
    return tokens[index].lower.endswith("ing") and _participle_link(tokens, index)


def _participle_link(tokens: list[Token], index: int) -> bool:
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


def _can_speak(tokens: list[Token], start: int, end: int) -> bool:
    """Tell whether a phrase before a colon can be a speaker: a name, a pronoun or a document.

    ("Kerry: “…”", "From the report: “…”"; not "a three-word proclamation: “…”".)
    """
    lexicon = sources()
    speakers = lexicon.pronouns | lexicon.document_words
    return any(
        (token.is_word and token.capitalised) or token.lower in speakers for token in tokens[start:end]
    )


def _nominal_cue(tokens: list[Token], quotes: list[tuple[int, int]]) -> RawAttribution | None:
    """Read "his claim that…", "Trump's call for…": a noun cue whose possessor is the source."""
    for index in range(1, len(tokens) - 2):
        token = tokens[index]
        if token.quoted or token.lower not in NOMINAL_CUES:
            continue
        owner = tokens[index - 1]
        possessive = owner.lower in POSSESSIVES or (owner.capitalised and owner.lower.endswith(("’s", "'s")))
        following = tokens[index + 1].lower
        if not possessive or following not in {"that", "to", "for"}:
            continue
        last = index + 2 if following == "for" else index + 1
        content = _content(tokens, last, _content_end(tokens, last), quotes)
        if content is None:
            continue
        return RawAttribution(
            CueKind.STATEMENT,
            _span(tokens, index, last),
            _span(tokens, index - 1, index),
            [content],
            first_token=index - 1,
            last_token=_content_end(tokens, last) - 1,
        )
    return None


def _punctuation_cue(
    tokens: list[Token], quotes: list[tuple[int, int]], headline: bool
) -> RawAttribution | None:
    """Read a quotation signed with a dash (``“…” ― Name``) or opened by a colon (``Kerry: “…”``)."""
    for index, token in enumerate(tokens):
        if token.quoted or index == 0:
            continue
        if token.text in DASHES and tokens[index - 1].text in CLOSERS and index + 1 < len(tokens):
            end = len(tokens)
            while end > index + 1 and not tokens[end - 1].is_word:
                end -= 1
            signature = tokens[index + 1 : end]
            if signature and len(signature) <= 8 and signature[0].capitalised:
                content = _content(tokens, 0, index, quotes)
                if content is not None:
                    return RawAttribution(
                        CueKind.STATEMENT,
                        (token.start, token.end),
                        _span(tokens, index + 1, end),
                        [content],
                        last_token=len(tokens) - 1,
                    )
        if token.text == ":" and index + 1 < len(tokens) and tokens[index + 1].text in QUOTE_OPENERS:
            content = _content(tokens, index + 1, len(tokens), quotes)
            verb = tokens[index - 1]
            if not headline and verb.lower.endswith("ed") and not verb.capitalised:
                cue, source = (verb.start, verb.end), phrase_before(tokens, index - 1, 0)
            else:
                cue, source = (
                    (token.start, token.end),
                    (0, index) if headline else phrase_before(tokens, index, 0),
                )
            if source is not None and content is not None and _can_speak(tokens, *source):
                return RawAttribution(
                    CueKind.STATEMENT, cue, _span(tokens, *source), [content], last_token=len(tokens) - 1
                )
    return None


@cache
def first_cue_words() -> frozenset[str]:
    """Every word that can start a cue (a quick filter before any phrase is tried)."""
    return cues().first_words


def _document_intro(tokens: list[Token], quotes: list[tuple[int, int]]) -> RawAttribution | None:
    """Read "In a September poll (by X), 75 percent of voters…": "In" cues the poll opening the sentence."""
    if len(tokens) < 5 or tokens[0].lower != "in":
        return None
    comma = next((index for index in range(2, min(len(tokens), 16)) if tokens[index].text == ","), None)
    if comma is None or not _names_document(tokens, 1, comma):
        return None
    content = _content(tokens, comma + 1, len(tokens), quotes)
    if content is None:
        return None
    return RawAttribution(
        CueKind.ACCORDING_TO,
        _span(tokens, 0, 1),
        _span(tokens, 1, comma),
        [content],
        last_token=len(tokens) - 1,
    )


def _names_document(tokens: list[Token], start: int, end: int) -> bool:
    """Tell whether tokens ``[start, end)`` are a noun phrase headed by a poll or survey ("a poll by X").

    Words before the head are determiners, names, numbers or modifiers, never a
    preposition or verb; words after it ("conducted by…", "of likely voters") may follow.
    A bare plural ("In polls, …") counts; a bare singular ("In poll…") does not.
    """
    function_words = sources().function_words - NOUN_MARKERS - {"most", "more", "last", "next"}
    for index in range(start, end):
        token = tokens[index]
        if token.lower in DOCUMENT_HEADS:
            return index > start or token.lower.endswith("s")
        if token.quoted or (
            not token.capitalised and (token.lower in function_words or token.lower in cues().verbs)
        ):
            return False
    return False


def _speaker_line(tokens: list[Token], quotes: list[tuple[int, int]]) -> RawAttribution | None:
    """Read a line opened by its speaker's name and a colon ("Rubio: I still believe…").

    What follows the colon must be a statement of two words or more, so a tally
    ("Sanders: 46") or a credit line ("Twitter: @handle") is not one.
    """
    colon = next((index for index, token in enumerate(tokens[:5]) if token.text == ":"), None)
    if colon is None or colon == 0 or not _speaker_label(tokens, colon):
        return None
    content = _content(tokens, colon + 1, len(tokens), quotes)
    if content is None or sum(token.is_word for token in tokens[colon + 1 :]) < 2:
        return None
    cue = tokens[colon]
    return RawAttribution(
        CueKind.STATEMENT,
        (cue.start, cue.end),
        _span(tokens, 0, colon),
        [content],
        last_token=len(tokens) - 1,
    )


def _speaker_label(tokens: list[Token], colon: int) -> bool:
    """Tell whether the words before a colon name a speaker ("Rubio:", "JAKE TAPPER:").

    A section label ("The Latest:", "Q:", "Contributing:") or a headline
    fragment with a verb or preposition in it ("Fix Is In:") names no one.
    """
    label = " ".join(token.lower for token in tokens[:colon])
    if label in cues().non_speakers or any(token.lower in LABEL_STOPS for token in tokens[:colon]):
        return False
    return all((token.is_word and token.capitalised) or is_title_stop(tokens, index) for index, token in
               enumerate(tokens[:colon]))  # fmt: skip


def _final_cue(
    tokens: list[Token], candidates: list[int], quotes: list[tuple[int, int]]
) -> RawAttribution | None:
    """Find a sentence-final cue whose content is all that precedes it ("…, said James Henson, director…").

    Such a cue is the outermost attribution of the sentence even when verbs inside
    its content ("appears to be taking") would be read first.
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
        attribution = _verb(tokens, index, index + 1, verbs[token.lower], quotes, [])
        if attribution is None or attribution.first_token != 0 or attribution.source_tokens is None:
            return None
        if any(start >= tokens[index].start for start, _ in attribution.content):
            return None
        return attribution
    return None


def _title_case(tokens: list[Token]) -> bool:
    """Tell whether a sentence is a title-case headline ("Trump Says He Will Win")."""
    words = [token for token in tokens if token.is_word and len(token.text) > 3]
    return len(words) >= 3 and sum(token.capitalised for token in words) >= 0.8 * len(words)


def _attribution_at(
    tokens: list[Token], index: int, quotes: list[tuple[int, int]], found: list[RawAttribution]
) -> RawAttribution | None:
    lexicon = cues()
    first = tokens[index].lower
    for phrase, kind in lexicon.phrases.items():
        if (
            phrase[0] == first
            and tuple(token.lower for token in tokens[index : index + len(phrase)]) == phrase
        ):
            if kind is CueKind.ACCORDING_TO:
                return _according_to(tokens, index, index + len(phrase), quotes)
            return _verb(tokens, index, index + len(phrase), kind, quotes, found)
    verb_kind = lexicon.verbs.get(tokens[index].lower)
    if verb_kind is None:
        return None
    if tokens[index].lower in PASSIVE_CUES:
        passive = _passive(tokens, index, quotes)
        if passive is not None:
            return passive
    if tokens[index].lower in RAISING_VERBS:
        if _raises_a_cue(tokens, index):  # "he seemed to indicate …": the subject speaks, through both verbs
            return _verb(tokens, index, index + 3, lexicon.verbs[tokens[index + 2].lower], quotes, found)
        return _impression(tokens, index, quotes)
    agentive = _by_agent(tokens, index, verb_kind, quotes)
    if agentive is not None:
        return agentive
    return _verb(tokens, index, index + 1, verb_kind, quotes, found)


def _by_agent(
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
    while cue_start > 0 and _in_verb_group(tokens[cue_start - 1]):
        cue_start -= 1
    subject_end = cue_start - 1 if cue_start > 0 and tokens[cue_start - 1].text == "," else cue_start
    subject = phrase_before(tokens, subject_end, 0) if subject_end > 0 else None
    content_end = _content_end(tokens, agent[1])
    complement = None
    if agent[1] < len(tokens) and tokens[agent[1]].lower in QUESTION_WORDS | {"for", "to", "that", "as"}:
        complement = _content(tokens, agent[1], content_end, quotes)
    acted_on = None if tokens[index].lower in cues().addressee_verbs else subject
    content = [part for part in (_span(tokens, *acted_on) if acted_on else None, complement) if part]
    if not content:
        return None
    attribution = RawAttribution(kind, _span(tokens, cue_start, index + 1), _span(tokens, *agent), content)
    attribution.source_tokens = agent
    attribution.first_token = subject[0] if subject is not None else cue_start
    attribution.last_token = (content_end if complement is not None else agent[1]) - 1
    return attribution


def _passive(tokens: list[Token], index: int, quotes: list[tuple[int, int]]) -> RawAttribution | None:
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
    end = _impression_end(tokens, index + 1, _content_end(tokens, index + 1))
    following = _content(tokens, index + 1, end, quotes)
    if subject is None or following is None:
        return None
    return RawAttribution(
        CueKind.BELIEF,
        _span(tokens, cue_start, index + 1),
        None,
        [_span(tokens, *subject), following],
        first_token=subject[0],
        last_token=end - 1,
    )


def _raises_a_cue(tokens: list[Token], index: int) -> bool:
    """Whether "seem"/"appear" governs an attribution verb ("He appeared to suggest …")."""
    return (
        index + 2 < len(tokens)
        and tokens[index + 1].lower == "to"
        and tokens[index + 2].lower in cues().verbs
    )


def _impression(tokens: list[Token], index: int, quotes: list[tuple[int, int]]) -> RawAttribution | None:
    """Read "Lund seemed to suggest…", "It seems the plan failed": an impression with no source.

    As with "is expected to", the subject (the words back to a clause boundary)
    and the complement are the content; an empty "it" subject is left out.
    "appear" counts only before a clause ("appears to have won"), never in the
    sense of showing up ("appeared on TV").
    """
    word = tokens[index].lower
    if index + 1 >= len(tokens) or not tokens[index + 1].is_word:
        return None
    if word.startswith("appear") and tokens[index + 1].lower not in {"to", "that", "likely", "as", "like"}:
        return None
    end = _impression_end(tokens, index + 1, _content_end(tokens, index + 1))
    complement = _content(tokens, index + 1, end, quotes)
    subject_end = _skip_modifiers(tokens, index, progressive=False)
    if complement is None or subject_end == 0:
        return None
    cue_start = index
    while cue_start > subject_end and _in_verb_group(tokens[cue_start - 1]):
        cue_start -= 1
    cue = _span(tokens, cue_start, index + 1)
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
        [_span(tokens, start, subject_end), complement],
        first_token=start,
        last_token=end - 1,
    )


def _span(tokens: list[Token], first: int, last: int) -> tuple[int, int]:
    """Characters of tokens ``[first, last)``."""
    return tokens[first].start, tokens[last - 1].end


def _content(
    tokens: list[Token], first: int, last: int, quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """Content over tokens ``[first, last)``, edge commas and the final full stop dropped.

    A quotation that the content starts in or ends in is taken whole, so a
    quotation spanning several sentences is one content span.
    """
    while first < last and tokens[first].text in {",", ":", "—", "–", ";"}:
        first += 1
    while last > first and tokens[last - 1].text in {",", ".", ":", "—", "–", ";"}:
        last -= 1
    if last <= first:
        return None
    start, end = _span(tokens, first, last)
    for open_, close in quotes:
        if open_ <= start < close and open_ < start:
            start = open_
        if open_ <= end - 1 < close and end < close and tokens[last - 1].quoted:
            end = close
    return start, end


def _according_to(
    tokens: list[Token], first: int, last: int, quotes: list[tuple[int, int]]
) -> RawAttribution | None:
    source = phrase_after(tokens, last, len(tokens), appositive=first > 0, open_ended=first > 0)
    if source is None:
        return None
    attribution = RawAttribution(CueKind.ACCORDING_TO, _span(tokens, first, last), _span(tokens, *source))
    before = _content(tokens, _past_opening(tokens, first), first, quotes)
    after = None if opens_aside(tokens, source[1]) else _content(tokens, source[1], len(tokens), quotes)
    attribution.content = [part for part in (before, after) if part is not None]
    attribution.first_token = 0
    attribution.last_token = len(tokens) - 1
    return attribution if attribution.content else None


CLAUSE_LINKS = frozenset(
    {"though", "although", "because", "while", "whereas", "if", "unless", "since", "when", "until",
     "but", "and", "yet", "or"}
)  # fmt: skip
"""Words that join the source's clause to what comes before ("…, even though engineers warned of
cracks"): that earlier text is not what the source says."""


def _verb(
    tokens: list[Token],
    first: int,
    last: int,
    kind: CueKind,
    quotes: list[tuple[int, int]],
    found: list[RawAttribution],
) -> RawAttribution | None:
    lexicon = sources()
    word = tokens[first].lower
    if first > 0 and (
        tokens[first - 1].lower in NOUN_MARKERS
        or (tokens[first - 1].lower == "of" and last == first + 1 and not word.endswith("ing"))
    ):
        return None  # "the plan", "a majority of pledged delegates": a noun or adjective, not a verb
    lead = _infinitive_lead(tokens, first)
    subject_end = _skip_modifiers(tokens, lead, progressive=word.endswith("ing"))
    cue_start = lead
    while cue_start > subject_end and _in_verb_group(tokens[cue_start - 1]):
        cue_start -= 1
    participle = word.endswith("ing") and (
        _participle_link(tokens, subject_end) or (first == 0 and word not in SCENE_PARTICIPLES)
    )
    absolute = None
    if word.endswith("ing") and not participle and subject_end == first:
        issued = _issued_document(tokens, first)
        absolute = _absolute_subject(tokens, first) if issued is None else None
        if issued is None and absolute is None:
            return None
        if issued is not None:
            subject_end = cue_start = _skip_modifiers(tokens, issued, progressive=False)
    opening = participle and (first == 0 or (subject_end == 1 and tokens[0].lower in OPENING_LINKS))
    if opening:
        source = _opening_participle_subject(tokens, last)
    else:
        source = (
            _main_subject(tokens, subject_end - 1, found)
            if participle
            else absolute or _subject(tokens, subject_end, found)
        )
    inverted = cut = False
    if (
        source is None
        and kind in INVERTING
        and _inflected(word)
        and (subject_end == 0 or tokens[subject_end - 1].text in OPENERS)
    ):
        source = phrase_after(tokens, last, len(tokens), appositive=True)
        inverted = source is not None
        if source is not None:
            whole, source = source, _before_relative_cue(tokens, *source)
            cut = source != whole
    if source is None or not _plausible_source(tokens, *source):
        return None
    if not inverted and not participle and _noun_phrase_cue(tokens, source[0], first, last):
        return None
    if word in NAMING_VERBS and not inverted and _names_a_thing(tokens, source, cue_start):
        return None
    if word in FINDING_VERBS and last < len(tokens) and tokens[last].lower in FOUND_OBJECTS:
        return None
    if (
        not inverted
        and word in cues().noun_like
        and not _plural_subject(tokens[source[1] - 1], source[1] == 1)
    ):
        return None
    if (
        not inverted
        and (word in lexicon.clause_only_verbs or word in cues().clause_only)
        and not _clause_follows(tokens, last, word)
        and not _stance_object(tokens, last, word)
        and not _after_quotation(tokens, source[0])
        and not (word in cues().clause_only and _after_clause(tokens, source[0], last))
    ):
        return None
    last = _extend_cue(tokens, last, word)
    after = source[1] if inverted else last
    if cut:
        after = len(tokens)
    if not inverted and word in cues().addressee_verbs:
        after = _skip_addressee(tokens, after, word)
    cited = None
    if after + 1 < len(tokens) and tokens[after].text == "," and tokens[after + 1].lower == "citing":
        cited = phrase_after(tokens, after + 2, len(tokens))
        if cited is not None:
            after = cited[1]
    after = _clause_start(tokens, after)
    if (
        not inverted
        and not participle
        and _after_quotation(tokens, source[0])
        and (not _opens_content(tokens, last) or _sets_scene(tokens, after))
    ):
        after = len(tokens)
    if not inverted and after == last:
        after = _past_object_preposition(tokens, after)
    attribution = RawAttribution(kind, _span(tokens, cue_start, last), _span(tokens, *source))
    if cited is not None:
        attribution.cited = _span(tokens, *cited)
        attribution.citing = _span(tokens, cited[0] - 1, cited[0])
    relative = source[1] - source[0] == 1 and tokens[source[0]].lower in RELATIVE_PRONOUNS
    gap = (
        not relative
        and not inverted
        and (_object_gap(tokens, source[0]) or _subject_gap(tokens, source[0], after))
    )
    content_end = (
        _relative_clause_end(tokens, after, restrictive=tokens[source[0] - 1].text != ",")
        if relative and source[0] > 0
        else _content_end(tokens, _past_inserting_comma(tokens, after) if after == last else after)
    )
    if opening and source[0] > after:
        content_end = min(content_end, source[0] - 1)
    if gap:
        content_end = next(
            (index for index in range(after + 1, content_end) if tokens[index].text in CLAUSE_PAUSES),
            content_end,
        )
    if not inverted and not relative and not gap:
        content_end = _before_final_relative(tokens, after, content_end)
        content_end = _fronted_clause_end(tokens, source[0], after, content_end)
    if not inverted and not gap:
        content_end = _backed_person_end(tokens, word, after, content_end)
    following = None
    if not inverted or _content_after_source(tokens, after):
        following = _content(tokens, after, content_end, quotes)
    if following is not None and source[0] > 0 and _adverbial_only(tokens, after):
        following = None
    if inverted and opens_aside(tokens, source[1]):
        following = None
    inserted = (last < len(tokens) and tokens[last].text == "," and source[0] > 0) or (
        _after_quotation(tokens, source[0]) and _opens_quotation(tokens, after)
    )
    preceding = None
    if inverted:
        preceding = _content(tokens, _quotation_lead(tokens, subject_end), subject_end, quotes)
    elif gap:
        preceding = _span(tokens, source[0] - 1, source[0])
        if following is not None and _ends_clause(tokens, after):
            following = None
    elif (
        not participle
        and (
            following is None
            or (
                inserted
                and tokens[source[0] - 1].text in OPENERS
                and not (_introductory(tokens, source[0]) and _opens_quotation(tokens, after))
            )
        )
        and not _function_words_only(tokens[: source[0]])
        and tokens[source[0] - 1].lower not in CLAUSE_LINKS
    ):
        end = source[0] - 1 if tokens[source[0] - 1].lower == "as" else source[0]
        preceding = _content(tokens, _quotation_lead(tokens, end), end, quotes)
    attribution.content = [part for part in (preceding, following) if part is not None]
    if not attribution.content:
        return None
    attribution.source_tokens = source
    attribution.first_token = min(source[0], cue_start)
    if preceding is not None:
        attribution.first_token = source[0] - 1 if gap else 0
    attribution.last_token = content_end - 1 if following is not None else max(last, source[1]) - 1
    return attribution


def _opening_participle_subject(tokens: list[Token], last: int) -> tuple[int, int] | None:
    """Find the subject of a participle clause that opens the sentence ("After saying …, Lund left").

    It is the main clause's subject, after the comma that closes the clause.
    """
    subject = _sentence_subject(tokens, len(tokens))
    if subject is None or subject[0] <= last or tokens[subject[0] - 1].text != ",":
        return None
    return subject


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
    supporters saying"), and its subject is the source.
    """
    if not first or tokens[first - 1].lower not in sources().document_words | {"message", "signs", "note"}:
        return None
    for index in range(first - 2, max(-1, first - 10), -1):
        token = tokens[index]
        if token.lower in cues().issuing_verbs:
            return index
        if not token.is_word or token.capitalised:
            return None
    return None


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
    or a compound after a verb ("makes phone calls").
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
            verb = _skip_modifiers_right(tokens, index + 2)
            if verb < end and tokens[verb].lower in verbs and _inflected(tokens[verb].lower):
                return start, index
    return start, end


def _inflected(word: str) -> bool:
    """Tell whether a cue verb is in a tense that can precede its source ("…, said Lund", "…, writes Ames").

    A base form ("…, not declare neutrality") or a participle never does.
    """
    return word.endswith(("s", "ed")) or word in PAST_FORMS


def _function_words_only(tokens: list[Token]) -> bool:
    """Tell whether some words hold nothing that could be reported ("When", "And so")."""
    function_words = sources().function_words
    return all(not token.is_word or (token.lower in function_words and not token.quoted) for token in tokens)


def _before_final_relative(tokens: list[Token], start: int, end: int) -> int:
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


def _ends_clause(tokens: list[Token], index: int) -> bool:
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


def _past_opening(tokens: list[Token], end: int) -> int:
    """Find where what a sentence-final "according to" reports starts: past an opening "But" or "And"."""
    return 1 if end > 1 and tokens[0].lower in {"but", "and", "so", "yet"} else 0


def _quotation_lead(tokens: list[Token], end: int) -> int:
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


def _after_clause(tokens: list[Token], source_start: int, last: int) -> bool:
    """Tell whether a comma joins a cue to its content ("…, he added", "Time, he added, was…")."""
    before = source_start > 1 and tokens[source_start - 1].text == ","
    return before or (last < len(tokens) and tokens[last].text == ",")


def _after_quotation(tokens: list[Token], index: int) -> bool:
    """Tell whether token ``index`` follows a closing quotation mark (``“…,” Trump said``)."""
    if index > 0 and tokens[index - 1].text in CLOSERS:
        return True
    return index > 1 and tokens[index - 1].text == "," and tokens[index - 2].text in CLOSERS


def _content_after_source(tokens: list[Token], index: int) -> bool:
    """Tell whether content follows an inverted cue's source (``…,” said Lund, “and…``, ``said Lund that…``).

    Anything else after the source is the rest of its description, not content.
    """
    if index < len(tokens) and tokens[index].lower == "that":
        return True
    pause = index < len(tokens) and tokens[index].text in {",", ":"}
    return _opens_quotation(tokens, index) and (pause or tokens[index - 1].text in {",", ":"})


def _opens_quotation(tokens: list[Token], index: int) -> bool:
    """Tell whether a quotation opens at token ``index``, past commas and dashes (``…, “We…``)."""
    while index < len(tokens) and tokens[index].text in {",", ":", "—", "–"}:
        index += 1
    return index < len(tokens) and tokens[index].text in QUOTE_MARKS and not tokens[index].quoted


def _sets_scene(tokens: list[Token], index: int) -> bool:
    """Tell whether what follows a cue only sets its scene (``…,” he said, after the vote…``)."""
    while index < len(tokens) and tokens[index].text == ",":
        index += 1
    if index >= len(tokens) or tokens[index].quoted:
        return False
    if tokens[index].lower == "that":
        return index + 1 < len(tokens) and tokens[index + 1].lower in TIME_WORDS
    return tokens[index].lower in SCENE_OPENERS


def _opens_content(tokens: list[Token], index: int) -> bool:
    """Tell whether a quotation or a "that" clause follows token ``index``."""
    return any(token.text in QUOTE_MARKS or token.lower == "that" for token in tokens[index:])


def _introductory(tokens: list[Token], end: int) -> bool:
    """Tell whether the words before an inserted source set the scene ("In a statement, she said, “…")."""
    words = [token for token in tokens[:end] if token.is_word]
    return (
        bool(words)
        and words[0].lower in INTRODUCTIONS
        and not any(token.text in QUOTE_MARKS for token in tokens[:end])
    )


def _adverbial_only(tokens: list[Token], start: int) -> bool:
    """Tell whether all that follows a cue is a short adverbial ("…, the company said on Thursday.")."""
    words = [token for token in tokens[start:] if token.is_word]
    return (
        bool(words)
        and len(words) <= 5
        and (words[0].lower in ADVERBIAL_STARTS or words[0].lower in TIME_WORDS)
    )


def _clause_word(token: Token) -> bool:
    """Tell whether a word belongs to a clause (a pronoun, a verb form) rather than an adverbial."""
    lower = token.lower
    return (
        lower in CLAUSE_WORDS
        or lower in POSSESSIVES
        or lower in sources().pronouns_singular
        or lower in sources().pronouns_plural
        or (not token.capitalised and lower.endswith(("ed", "ing", "’s", "'s", "n't", "n’t")))
    )


def _subject(tokens: list[Token], end: int, found: list[RawAttribution]) -> tuple[int, int] | None:
    """Find the subject before a cue; after "and"/"but" it is the subject of the first verb."""
    if end > 0 and tokens[end - 1].lower in {"and", "but"}:
        return _main_subject(tokens, end - 1, found)
    return phrase_before(tokens, end, 0)


def _main_subject(tokens: list[Token], limit: int, found: list[RawAttribution]) -> tuple[int, int] | None:
    """Find the sentence's subject for a second verb ("…, and said" / "…, saying")."""
    if found and found[-1].source_tokens is not None:
        return found[-1].source_tokens
    return _sentence_subject(tokens, limit)


def _content_end(tokens: list[Token], start: int) -> int:
    """Find where the content after a cue ends: the sentence end or a comma opening another attribution.

    That is a participle cue (", adding that…"), a second verb of the same
    subject ("… and said"), the main verb after a relative clause ("Podesta, who
    said X, said Y") or a new subject with its own cue (", although he claimed…").
    """
    verbs = cues().verbs
    for index in range(start, len(tokens) - 1):
        following = tokens[index + 1]
        after = (
            _skip_modifiers_right(tokens, index + 1) if tokens[index].lower in {"and", "but"} else len(tokens)
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
        if _quotation_then_participle(tokens, index):
            return index + 1
        if tokens[index].lower == "who" and not tokens[index].quoted and _relative_speaker(tokens, index):
            return index
        if (
            tokens[index].lower in {"and", "but"}
            and not tokens[index].quoted
            and _subject_then_cue(tokens, index + 1, SPEECH_VERBS)
        ) or (
            tokens[index].text == ";" and not tokens[index].quoted and _subject_then_cue(tokens, index + 1)
        ):
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
            if following.lower == "but" and _shared_subject_verb(tokens, position + 1):
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
            verb = _skip_modifiers_right(tokens, subject + 1)
            if verb < len(tokens) and tokens[verb].lower in verbs and not tokens[verb].quoted:
                return end
        if subject > position and _subject_then_cue(tokens, subject):
            return end
        if following.lower in {"the", "a", "an"} and _subject_then_cue(tokens, subject, SPEECH_VERBS):
            return end
    return len(tokens)


def _subject_then_cue(tokens: list[Token], subject: int, verbs: Collection[str] | None = None) -> bool:
    """Tell whether a short subject and a finite cue verb start at ``subject`` ("…, and most said…").

    ``verbs`` narrows the cue verbs that count (default: every one).
    """
    verbs = cues().verbs if verbs is None else verbs
    for index in range(subject + 1, min(subject + 7, len(tokens))):
        token = tokens[index]
        if is_title_stop(tokens, index):
            continue
        if token.quoted or not token.is_word:
            return False
        if token.lower in verbs and _inflected(token.lower) and not token.capitalised:
            return tokens[index - 1].lower not in NOUN_MARKERS
    return False


def _relative_speaker(tokens: list[Token], index: int) -> bool:
    """Tell whether "who" at ``index`` opens a statement of its own ("64 percent who say the same")."""
    verb = _skip_modifiers_right(tokens, index + 1)
    return verb < len(tokens) and tokens[verb].lower in SPEECH_VERBS | {"say"} and not tokens[verb].quoted


def _quotation_then_participle(tokens: list[Token], index: int) -> bool:
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


def _relative_clause_end(tokens: list[Token], start: int, restrictive: bool) -> int:
    """Find where a relative clause's content ends: at a comma or the main clause's verb.

    ("A woman who has accused Clinton of rape said…": the content is "Clinton of rape".)
    A clause set off by commas ("Perez, who said he expects…, …") has no main
    verb inside it to stop at: it ends at its closing comma.
    """
    verbs = cues().verbs
    end = _content_end(tokens, start)
    for index in range(start + 1, end):
        token = tokens[index]
        if token.quoted:
            continue
        if token.text == "," or (
            restrictive
            and token.lower in verbs
            and not token.capitalised
            and _inflected(token.lower)
            and tokens[index - 1].lower != "to"
        ):
            return index
    return end


def _infinitive_lead(tokens: list[Token], first: int) -> int:
    """Find where a cue led by a past verb and "to" starts ("went on to say", "interjected to say").

    Returns ``first`` when the cue stands alone.
    """
    if first < 2 or tokens[first - 1].lower != "to":
        return first
    lead = first - 2
    if tokens[lead].lower == "on" and lead > 0:
        lead -= 1
    verb = tokens[lead].lower
    if tokens[lead].capitalised or not (verb in {"went", "goes", "go"} or verb.endswith("ed")):
        return first
    return lead


def _skip_modifiers_right(tokens: list[Token], index: int) -> int:
    modifiers = sources().cue_modifiers
    while index < len(tokens) and tokens[index].lower in modifiers:
        index += 1
    return index


def _in_verb_group(token: Token) -> bool:
    """Tell whether a word before a cue verb belongs to its verb group ("has long said", "is expected")."""
    lower = token.lower
    return (
        lower in cues().auxiliaries
        or lower in sources().cue_modifiers
        or lower in BE_FORMS
        or is_adverb(token)
    )


def _skip_modifiers(tokens: list[Token], index: int, progressive: bool) -> int:
    """Move left from a cue past adverbs, auxiliaries and time phrases ("on Tuesday said", "here said").

    A progressive cue ("is saying") also passes its form of "be".
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
            or (progressive and token.lower in BE_FORMS)
        ):
            index -= 1
        elif token.lower in TIME_WORDS and index > 1 and tokens[index - 2].lower in TIME_LEADS:
            index -= 2
        else:
            return index
    return index


def _sentence_subject(tokens: list[Token], limit: int) -> tuple[int, int] | None:
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
        while (
            end < min(limit, first + 5)
            and tokens[end].is_word
            and tokens[end].lower not in lexicon.function_words
        ):
            if end > max(first + 1, possessor) and (
                tokens[end].lower in cues().verbs
                or tokens[end].lower.endswith("ed")
                or _takes_object(tokens, end, limit)
            ):
                return first, end
            end += 1
        if first + 1 < end < limit and (
            _in_verb_group(tokens[end]) or (tokens[end].lower in TIME_LEADS and _time_phrase(tokens, end))
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
    return first, name_tail(tokens, end, limit)


def _takes_object(tokens: list[Token], index: int, limit: int) -> bool:
    """Tell whether the word at ``index`` is a verb by what follows ("left no doubt", "began by…")."""
    if index + 1 >= limit or tokens[index + 1].quoted:
        return False
    following = tokens[index + 1].lower
    if following == "by":
        return index + 2 < limit and tokens[index + 2].lower.endswith("ing")
    return following in NOUN_MARKERS | {"no"}


def _plausible_source(tokens: list[Token], start: int, end: int) -> bool:
    """Reject phrases no one can be quoted as: bare numbers and measures ("10", "seven points").

    A share of a poll's respondents ("nine in 10", "four out of 10") is a source.
    """
    comma = next((index for index in range(start, end) if tokens[index].text == ","), end)
    head = tokens[max(start, comma - 1)]
    if comma - start >= 3 and tokens[comma - 2].lower in {"in", "of"} and head.text.isdigit():
        return True
    return not head.text[0].isdigit() and (head.capitalised or head.lower not in UNIT_WORDS)


def _plural_subject(head: Token, opens_sentence: bool) -> bool:
    """Tell whether a subject can go with a base-form verb ("they support", "Polls show")."""
    lower = head.lower
    if lower in PLURAL_PRONOUNS or lower in PLURAL_NOUNS:
        return True
    plural = lower.endswith("s") and not lower.endswith(("ss", "’s", "'s"))
    return plural and (opens_sentence or not head.capitalised)


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


def _skip_addressee(tokens: list[Token], index: int, word: str) -> int:
    """Skip the listener after "told"/"asked" ("told reporters", "told The Associated Press").

    The content starts at the clause after the listener ("told Reuters he
    would run"), except that the one asked to do something is part of the
    request ("asked her to call").
    """
    for offset in range(index, min(index + LOOKAHEAD, len(tokens))):
        token = tokens[offset]
        if token.text in QUOTE_MARKS and offset > index and tokens[offset - 1].text not in {",", ":"}:
            return index
        if token.lower in CLAUSE_MARKERS or token.text in {",", ".", ";"} or token.quoted:
            return index if token.lower == "to" and word in REQUEST_VERBS else offset
        if offset > index and token.lower in NEW_SUBJECTS:
            return offset
    for offset in range(min(index + LOOKAHEAD, len(tokens)), min(index + ADVERBIAL_REACH, len(tokens))):
        token = tokens[offset]
        if token.lower == "that" and not token.quoted:
            return offset
        if token.text in {".", ";", ":"} or token.quoted or _clause_word(token):
            break
    return index


def _adverbial_start(token: Token) -> bool:
    """Tell whether a word can open an adverbial between a cue and its clause ("on Tuesday", "Sunday")."""
    lower = token.lower
    return (
        lower in ADVERBIAL_STARTS
        or lower in TIME_WORDS
        or lower in {"for", "to", "by", "with", "over", "outside"}
        or token.text == ","
        or (lower.endswith("ly") and not token.capitalised)
    )


def _clause_start(tokens: list[Token], index: int) -> int:
    """Move past adverbials ("on Tuesday", "in a statement") to a "that" clause or quotation close by.

    A quotation counts only when it opens the content (``said Tuesday, “We…``), not
    when it starts inside it (``said the campaign would “do daily requests…``); an
    object right after the verb keeps its clause (``rejected the idea that…``).
    """
    adverbial = index < len(tokens) and _adverbial_start(tokens[index])
    for offset in range(index, min(index + (ADVERBIAL_REACH if adverbial else LOOKAHEAD), len(tokens))):
        token = tokens[offset]
        if offset == index and token.lower in NOUN_MARKERS and not _time_phrase(tokens, offset):
            return index
        if token.lower == "that" or token.text == ":":
            if offset > index and not adverbial:
                return index
            return offset + 1 if token.text == ":" else offset
        if _clause_word(token) and not (adverbial and token.lower in POSSESSIVES):
            return index
        if token.text in {"“", '"', "''"}:
            opens_clause = offset == index or tokens[offset - 1].text in {",", ":", "—", "–"}
            return offset if opens_clause else index
        if token.text in {".", ";", "?", "!"} or token.quoted:
            break
    return index


def _past_object_preposition(tokens: list[Token], index: int) -> int:
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


def _past_inserting_comma(tokens: list[Token], index: int) -> int:
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


def _fronted_clause_end(tokens: list[Token], source_start: int, start: int, end: int) -> int:
    """End a content inside an opening subordinate clause at the comma before the main clause.

    ("While Moreau said the levy was fair, she voted against it.": the content
    is "the levy was fair".) The comma counts when a subject follows it: a
    pronoun, a determiner or a capitalised word.
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
        if token.text != "," or token.quoted:
            continue
        following = tokens[index + 1]
        if following.quoted:
            return end
        return index if following.lower in MAIN_CLAUSE_SUBJECTS or following.capitalised else end
    return end


def _time_phrase(tokens: list[Token], index: int) -> bool:
    """Tell whether "this"/"that" at ``index`` opens a time adverbial ("said this week that …")."""
    return index + 1 < len(tokens) and tokens[index + 1].lower in TIME_WORDS


def _impression_end(tokens: list[Token], start: int, end: int) -> int:
    """End an impression's complement at its first comma ("seemed to be winning, with polls showing …").

    What follows the comma comments on the impression rather than being part of it.
    """
    return next(
        (index for index in range(start + 1, end) if tokens[index].text == "," and not tokens[index].quoted),
        end,
    )


def _backed_person_end(tokens: list[Token], word: str, start: int, end: int) -> int:
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


def _shared_subject_verb(tokens: list[Token], index: int) -> bool:
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
