"""Cues made of punctuation: a transcript line, a colon before a quotation, a signing dash.

(``NAME: …``, ``Kerry: “…”``, ``“…” ― Name``, ``Lund continued:`` before a paragraph.)
"""

from __future__ import annotations

from provenance.extract.cues.clause import RawAttribution, char_span, in_verb_group
from provenance.extract.cues.content import content_span
from provenance.extract.cues.words import CLOSERS, DASHES, LABEL_STOPS, QUOTE_OPENERS
from provenance.extract.lexicon import cues, sources
from provenance.extract.segmentation import Token
from provenance.extract.sources import is_title_stop, phrase_before
from provenance.extract.sources.words import CLAUSE_OPENERS
from provenance.models import CueKind


def _can_speak(tokens: list[Token], start: int, end: int) -> bool:
    """Tell whether a phrase before a colon can be a speaker: a name, a pronoun or a document.

    ("Kerry: “…”", "From the report: “…”"; not "a three-word proclamation: “…”".)
    """
    lexicon = sources()
    speakers = lexicon.pronouns | lexicon.document_words
    return any(
        (token.is_word and token.capitalised) or token.lower in speakers for token in tokens[start:end]
    )


def punctuation_cue(
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
                content = content_span(tokens, 0, index, quotes)
                if content is not None:
                    return RawAttribution(
                        CueKind.STATEMENT,
                        (token.start, token.end),
                        char_span(tokens, index + 1, end),
                        [content],
                        last_token=len(tokens) - 1,
                    )
        if token.text == ":" and index + 1 < len(tokens) and tokens[index + 1].text in QUOTE_OPENERS:
            content = content_span(tokens, index + 1, len(tokens), quotes)
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
                    CueKind.STATEMENT, cue, char_span(tokens, *source), [content], last_token=len(tokens) - 1
                )
    return None


def speaker_line(tokens: list[Token], quotes: list[tuple[int, int]]) -> RawAttribution | None:
    """Read a line opened by its speaker's name and a colon ("Rubio: I still believe…").

    What follows the colon must be a statement of two words or more, so a tally
    ("Sanders: 46") or a credit line ("Twitter: @handle") is not one.
    """
    colon = next((index for index, token in enumerate(tokens[:5]) if token.text == ":"), None)
    if colon is None or colon == 0 or not _speaker_label(tokens, colon):
        return None
    content = content_span(tokens, colon + 1, len(tokens), quotes)
    if content is None or sum(token.is_word for token in tokens[colon + 1 :]) < 2:
        return None
    cue = tokens[colon]
    return RawAttribution(
        CueKind.STATEMENT,
        (cue.start, cue.end),
        char_span(tokens, 0, colon),
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


def introduction(tokens: list[Token]) -> RawAttribution | None:
    """Read a sentence that introduces the paragraph after it ("Lund continued:", "The Ledger reports:").

    The sentence is its source, a speech verb and a closing colon, nothing
    else; the cue takes the colon along, as PolNeAR marks it. The content is
    the next paragraph, which only the caller knows, so it is left empty here.
    """
    if len(tokens) < 3 or tokens[-1].text != ":" or any(token.quoted for token in tokens):
        return None
    verb = tokens[-2]
    kind = cues().verbs.get(verb.lower)
    if kind is None or verb.capitalised:
        return None
    start = len(tokens) - 2
    while start > 1 and in_verb_group(tokens[start - 1]):
        start -= 1
    source = phrase_before(tokens, start, 0)
    if source is None or source[1] != start or not (source[0] == 0 or tokens[0].lower in CLAUSE_OPENERS):
        return None
    return RawAttribution(
        kind,
        char_span(tokens, start, len(tokens)),
        char_span(tokens, *source),
        first_token=source[0],
        last_token=len(tokens) - 1,
        source_tokens=source,
    )
