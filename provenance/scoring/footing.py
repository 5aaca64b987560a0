"""What a claim stands on, in the terms of the newsroom rule on anonymous sourcing.

The AP, the New York Times and the BBC fail a factual claim whose only support
is one unnamed individual ("a senior official said"), or unnamed sources of
unstated number described by nothing beyond closeness or familiarity
("officials said", "people familiar with the matter", agentless "is said to").
Counted or described anonymous sources ("three Pentagon officials", "F.B.I.
officials") are weaker than named ones but acceptable. This module reads each
resolved source mention into one ``Footing``; the words it reads by are data
(``data/footing.toml``). Sources are typed by extraction; this only judges them.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from itertools import pairwise

from provenance.extract.lexicon import sources
from provenance.models import Attribution, Claim, SourceMention, SourceType

__all__ = ["ANONYMOUS_FOOTINGS", "Footing", "agentless", "footing", "opinion", "opinion_cue"]


class Footing(StrEnum):
    """The kind of support one source gives a claim, from strongest to weakest."""

    NAMED = "named"
    """A named person or organisation, directly or through a back-reference (a pronoun, a surname)."""
    DOCUMENT = "document"
    """A document, record, poll or data set anyone can check."""
    OUTLET = "outlet"
    """Another outlet's or an agency's report: relayed, not first-hand."""
    SPECIFIC_ANONYMOUS = "specific_anonymous"
    """Unnamed but counted or described: "three Pentagon officials", "Republican strategists"."""
    LONE_ANONYMOUS = "lone_anonymous"
    """One unnamed individual: "a senior official", "a person familiar with the talks"."""
    VAGUE_ANONYMOUS = "vague_anonymous"
    """Unnamed, of unstated number, described only by closeness: "officials", "people close to …"."""
    AGENTLESS = "agentless"
    """No source at all behind an attribution: "is said to", "was reported to"."""


ANONYMOUS_FOOTINGS = frozenset(
    {Footing.SPECIFIC_ANONYMOUS, Footing.LONE_ANONYMOUS, Footing.VAGUE_ANONYMOUS, Footing.AGENTLESS}
)

WORD = re.compile(r"[\w’'.-]+")


@dataclass(frozen=True)
class FootingWords:
    """The word lists of ``data/footing.toml``."""

    indefinite: frozenset[str]
    individual_heads: frozenset[str]
    collective: frozenset[str]
    vague_heads: frozenset[str]
    vague_with_closeness: frozenset[str]
    empty_modifiers: frozenset[str]
    closeness: tuple[str, ...]
    pronouns: frozenset[str]
    agentless_cues: frozenset[str]
    opinion_cues: frozenset[str]


@cache
def footing_words() -> FootingWords:
    """Load the word lists once."""
    text = resources.files("provenance.scoring").joinpath("data", "footing.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    return FootingWords(
        indefinite=frozenset(data["indefinite"]),
        individual_heads=frozenset(data["individual_heads"]),
        collective=frozenset(data["collective"]),
        vague_heads=frozenset(data["vague_heads"]),
        vague_with_closeness=frozenset(data["vague_with_closeness"]),
        empty_modifiers=frozenset(data["empty_modifiers"]),
        closeness=tuple(data["closeness"]),
        pronouns=frozenset(data["pronouns"]),
        agentless_cues=frozenset(data["agentless_cues"]),
        opinion_cues=frozenset(data["opinion_cues"]),
    )


DIRECT = {
    SourceType.NAMED_PERSON: Footing.NAMED,
    SourceType.NAMED_ORGANISATION: Footing.NAMED,
    SourceType.DOCUMENT: Footing.DOCUMENT,
    SourceType.OUTLET: Footing.OUTLET,
    SourceType.WIRE_AGENCY: Footing.OUTLET,
}


@cache
def _footing_of(source_type: SourceType, text: str, count: int | None, affiliation: str | None) -> Footing:
    direct = DIRECT.get(source_type)
    if direct is not None:
        return direct
    words = [word.lower().strip(".,;:’'") for word in WORD.findall(text)]
    lexicon = footing_words()
    if not words or (len(words) == 1 and words[0] in lexicon.pronouns) or _named_in_apposition(text):
        return Footing.NAMED  # a pronoun points back at a source the reader already has
    if source_type is SourceType.ANONYMOUS_INDIVIDUAL:
        return Footing.LONE_ANONYMOUS if _lone(words, lexicon) else Footing.SPECIFIC_ANONYMOUS
    if count is None and affiliation is None and _vague_group(words, lexicon):
        return Footing.VAGUE_ANONYMOUS
    return Footing.SPECIFIC_ANONYMOUS


def footing(source: SourceMention) -> Footing:
    """Judge one resolved source mention."""
    return _footing_of(source.type, source.span.text, source.count, source.affiliation)


HEAD_WINDOW = 6
"""How far into a phrase its head noun is looked for ("a senior European Commission official")."""


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


NAME_PART = re.compile(r"^(?:[A-Z][\w’'.-]*|[A-Z]\.)$")


def _named_in_apposition(text: str) -> bool:
    """Whether a described source is named after a comma: "a lawyer for the outlets, David Schulz"."""
    for part in text.split(",")[1:]:
        words = part.split()
        if len(words) >= 2 and all(NAME_PART.match(word) for word in words):
            return True
    return False


def _lone(words: list[str], lexicon: FootingWords) -> bool:
    """Whether an individual is introduced as one unnamed person: "a senior official", "one of his aides"."""
    if words[0] not in lexicon.indefinite or any(word in lexicon.collective for word in words[1:3]):
        return False  # "a number of experts", "a growing number of senators"
    documents = sources().document_words
    for word in words[1:HEAD_WINDOW]:
        if word in documents:
            return False  # "a fact sheet lawmakers released" is a document
        if _singular(word) in lexicon.individual_heads:
            return True
    return False


def _vague_group(words: list[str], lexicon: FootingWords) -> bool:
    """Whether a group says nothing of who its members are beyond closeness ("people close to …")."""
    heads = lexicon.vague_heads | lexicon.vague_with_closeness
    head = next((index for index, word in enumerate(words) if word in heads), None)
    if head is None or any(word not in lexicon.empty_modifiers for word in words[:head]):
        return False
    rest = " ".join(words[head + 1 :])
    if words[head] in lexicon.vague_with_closeness:
        return rest.startswith(lexicon.closeness)
    return not rest or rest.startswith(lexicon.closeness)


def agentless(attribution: Attribution) -> bool:
    """Whether an attribution has no source and an agentless cue: "is said to", "was reported to"."""
    if attribution.source_id is not None or attribution.cue is None:
        return False
    return " ".join(attribution.cue.text.lower().split()) in footing_words().agentless_cues


QUOTE_MARKS = ("“", '"', "''", "‘")
CLOSING_QUOTES = ("”", '"', "''")
CONTENT_OPENING = 3
"""How many words into the content a belief verb still makes it a view ("they think that …")."""


def opinion_cue(attribution: Attribution) -> bool:
    """Whether an attribution reports a view rather than information.

    A belief or characterisation cue ("believe", "called") reports a view; so
    does a direct quotation, the speaker's own words: from an anonymous source
    it is an assessment ("there won't be a path for him") far more often than
    a fact, and AP and the New York Times keep anonymity for information.
    """
    if attribution.cue is None:
        return False
    opinions = footing_words().opinion_cues
    if any(word in opinions for word in attribution.cue.text.lower().split()):
        return True
    for content in attribution.content:
        if content.text.lstrip().startswith(QUOTE_MARKS):
            return True
        opening = content.text.lower().split()[:CONTENT_OPENING]
        if any(
            first in footing_words().pronouns and second in opinions for first, second in pairwise(opening)
        ):
            return True  # "the officials said they think that …"
    return False


def opinion(claim: Claim) -> bool:
    """Whether a claim reports its sources' view rather than information.

    A view is given by its cue or a direct quotation (``opinion_cue``): neither
    is the statement of fact that the newsroom rule on anonymous sources is about.
    """
    text = claim.text.strip()
    if text.startswith(QUOTE_MARKS) or text.rstrip(".").endswith(CLOSING_QUOTES):
        return True  # the speaker's own words, or the close of a quotation begun before
    return any(opinion_cue(attribution) for attribution in claim.attributions)
