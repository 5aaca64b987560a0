"""The public data contract: every stage reads and writes these pydantic models.

The JSON form of these models is the tool's machine-readable output, so the
schema is versioned (``SCHEMA_VERSION``) and every model forbids unknown fields:
a consumer can validate a saved result against the exact version that wrote it.
All character offsets are into ``Article.text``, the decoded input exactly as
read, so that spans can be checked, highlighted and exported (brat) verbatim.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, Self, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.1"
"""1.1: source entities (``AnalysisResult.entities``, ``SourceMention.entity_id``)."""


class Model(BaseModel):
    """Base for every contract model: immutable and strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    @classmethod
    def trusted(cls, fields: dict[str, Any]) -> Self:
        """Build an instance from values that are valid by construction, without validating them again.

        For the hot paths (a span per token range, a finding per rule hit), where
        every value comes from validated input and the model's rules hold by
        construction. ``model_construct`` does the same, more slowly. Every field
        must be given. The instances of a class share their set of set fields: a
        frozen model never changes it, and a copy gets its own.
        """
        instance = _new(cls)
        _set_dict(instance, fields)
        every = _EVERY_FIELD.get(cls)
        if every is None:
            every = _EVERY_FIELD[cls] = set(cls.model_fields)
        _set_fields_set(instance, every)
        _set_extra(instance, None)
        _set_private(instance, None)
        return instance


_new = object.__new__
_SLOTS = BaseModel.__dict__
_set_dict = _SLOTS["__dict__"].__set__
_set_fields_set = _SLOTS["__pydantic_fields_set__"].__set__
_set_extra = _SLOTS["__pydantic_extra__"].__set__
_set_private = _SLOTS["__pydantic_private__"].__set__
"""A model's slots, set through their descriptors: faster than ``object.__setattr__``, which looks each up."""
_EVERY_FIELD: dict[type[Model], set[str]] = {}


class Span(Model):
    """A half-open character range ``[start, end)`` into the article text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} precedes start {self.start}")
        return self

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Build a span whose ``text`` is guaranteed to match the offsets, checked here once.

        Extraction makes a span for every phrase it reads, so this is its fast path.
        """
        if not 0 <= start <= end:
            raise ValueError(f"span [{start}, {end}) is not an ordered range of offsets")
        return cls.trusted({"start": start, "end": end, "text": text[start:end]})


class Section(Model):
    """A labelled part of the article (headline, ``Source:`` line, ``Details:``, body…)."""

    name: str
    span: Span


class Article(Model):
    """An article as read, with metadata from its header, front matter or HTML."""

    text: str
    title: str | None = None
    outlet: str | None = None
    date: dt.date | None = None
    url: str | None = None
    author: str | None = None
    language: str = "en"
    path: str | None = None
    paragraphs: list[Span] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)


class SourceType(StrEnum):
    """What kind of thing a source is; rules weigh these differently."""

    NAMED_PERSON = "named_person"
    NAMED_ORGANISATION = "named_organisation"
    OUTLET = "outlet"
    WIRE_AGENCY = "wire_agency"
    DOCUMENT = "document"
    ANONYMOUS_INDIVIDUAL = "anonymous_individual"
    ANONYMOUS_GROUP = "anonymous_group"
    UNATTRIBUTED = "unattributed"


class Anonymity(StrEnum):
    """How identifiable a source is to the reader.

    ``specific`` anonymous sources say who they are ("five European diplomats");
    ``vague`` ones do not ("sources familiar with the issue").
    """

    NAMED = "named"
    SPECIFIC = "specific"
    VAGUE = "vague"


class SourceMention(Model):
    """One mention of a source in the text, typed and described."""

    id: str
    span: Span
    type: SourceType
    name: str
    count: int | None = None
    role: str | None = None
    affiliation: str | None = None
    anonymity: Anonymity
    on_record: bool
    refers_to: str | None = Field(
        default=None,
        description="id of the earlier mention this one corefers with "
        "('the official' → 'a European senior official')",
    )
    entity_id: str | None = Field(default=None, description="id of the source entity this mention names")


class SourceEntity(Model):
    """One party that speaks in an article, however many times and however it is named.

    "Mayor Ada Lind", "Lind", "the mayor" and "she" are four mentions of one
    entity. ``name`` is the fullest name the article uses (a description for
    an unnamed source); the type, role, affiliation and on-record status are
    the entity's, which every mention of it shares.
    """

    id: str
    name: str
    type: SourceType
    role: str | None = None
    affiliation: str | None = None
    anonymity: Anonymity
    on_record: bool
    mention_ids: list[str] = Field(default_factory=list)


class CueKind(StrEnum):
    """The verb or phrase type that ties content to a source."""

    STATEMENT = "statement"
    BELIEF = "belief"
    ACCORDING_TO = "according_to"
    CITING = "citing"
    REPORT = "report"


class Attribution(Model):
    """A source, a cue and the content they attribute (the unit PolNeAR annotates)."""

    id: str
    cue: Span | None
    cue_kind: CueKind
    source_id: str | None
    content: list[Span] = Field(default_factory=list)
    model_probability: float | None = None
    """Set when the trained cue model, not a hand-written rule, found the cue: the model's probability."""


class HopRole(StrEnum):
    """Where a hop sits in a chain: the publisher, a relayed outlet, or the origin."""

    PUBLISHER = "publisher"
    RELAY = "relay"
    SOURCE = "source"


class ChainNode(Model):
    """One party at one hop of a chain."""

    name: str
    type: SourceType
    source_id: str | None = None


class Hop(Model):
    """One level of a chain; several nodes mean sources cited side by side."""

    role: HopRole
    nodes: list[ChainNode]


class Chain(Model):
    """Ordered hops from the publisher to the ultimate source.

    ``inherited`` marks a claim with no source in its own sentence: its chain is
    the outlet-level one (the publisher's own voice), which rules treat as
    unattributed rather than attributed.
    """

    hops: list[Hop]
    inherited: bool = False

    def render(self) -> str:
        """Draw the chain as ``European Pravda → Reuters → five European diplomats``."""
        return " → ".join(" / ".join(node.name for node in hop.nodes) for hop in self.hops)


class HedgeKind(StrEnum):
    """Why a claim is less than a flat assertion of fact."""

    MODAL = "modal"
    TENTATIVE = "tentative"
    NEGATED_CERTAINTY = "negated_certainty"
    SPECULATIVE = "speculative"


class Hedge(Model):
    """A hedge or uncertainty marker inside a claim ("may", "considering")."""

    span: Span
    kind: HedgeKind


class Claim(Model):
    """A sentence-level (or clause-level) claim with its attribution and chain."""

    id: str
    span: Span
    text: str = Field(description="normalised claim text: whitespace folded, quotes straightened")
    section: str | None = None
    attributions: list[Attribution] = Field(default_factory=list)
    chain: Chain
    hedges: list[Hedge] = Field(default_factory=list)


class AnalysisResult(Model):
    """The extraction stage's output for one article."""

    schema_version: str = SCHEMA_VERSION
    article: Article
    publisher_chain: Chain
    sources: list[SourceMention] = Field(default_factory=list)
    entities: list[SourceEntity] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)

    def entity_of(self, source_id: str) -> SourceEntity | None:
        """Return the entity a mention belongs to (None for a result written without entities)."""
        entity_id = self.source(source_id).entity_id
        return None if entity_id is None else _numbered(self.entities, entity_id)

    def source(self, source_id: str) -> SourceMention:
        """Look up a mention by id (ids are unique within one result)."""
        mention = _numbered(self.sources, source_id)
        if mention is None:
            raise KeyError(source_id)
        return mention

    def resolve(self, source_id: str) -> SourceMention:
        """Follow coreference links to the first mention of the same source."""
        mention = self.source(source_id)
        seen = {mention.id}
        while mention.refers_to is not None and mention.refers_to not in seen:
            mention = self.source(mention.refers_to)
            seen.add(mention.id)
        return mention


_Identified = TypeVar("_Identified", SourceMention, SourceEntity)


def _numbered(items: list[_Identified], item_id: str) -> _Identified | None:
    """Find the item with ``item_id``: at once when ids number the items in order ("S12" is the twelfth).

    Extraction numbers mentions and entities so; a result built otherwise is searched, never misread.
    """
    number = item_id[1:]
    if number.isascii() and number.isdigit() and 0 < int(number) <= len(items):
        item = items[int(number) - 1]
        if item.id == item_id:
            return item
    return next((item for item in items if item.id == item_id), None)


class Severity(StrEnum):
    """How much a finding matters; CI fails on ``error`` by default."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Finding(Model):
    """One rule's verdict on one claim (or on the whole article when ``claim_id`` is None).

    ``points`` is the signed effect on the score (negative = penalty, positive =
    credit), so every point of a score can be traced to a finding.
    """

    rule_id: str
    rule_name: str
    severity: Severity
    message: str
    claim_id: str | None = None
    evidence: list[Span] = Field(default_factory=list)
    points: float = 0.0


class ClaimScore(Model):
    """A claim's sourcing-strength score with the findings that produced it."""

    claim_id: str
    score: float = Field(ge=0, le=100)
    grade: str
    findings: list[Finding] = Field(default_factory=list)


class MatchRelation(StrEnum):
    """How a matched sentence elsewhere bears on a claim."""

    CORROBORATES = "corroborates"
    CONTRADICTS = "contradicts"


class CorpusMatch(Model):
    """A sentence in another article that matches a claim."""

    article_id: str
    article_title: str | None = None
    outlet: str | None = None
    sentence: str
    similarity: float = Field(ge=0, le=100)
    relation: MatchRelation
    chain: str = Field(description="the other article's chain for the matched claim, rendered")
    upstream: str | None = Field(
        default=None, description="the shared upstream hop that makes this match dependent, if any"
    )
    reason: str | None = Field(default=None, description="why a contradiction was flagged")


class ClaimCrossCheck(Model):
    """Corroboration status of one claim against a corpus."""

    claim_id: str
    claim: str | None = Field(default=None, description="the claim's text, for readers of the result alone")
    independent: list[CorpusMatch] = Field(default_factory=list)
    dependent: list[CorpusMatch] = Field(default_factory=list)
    contradictions: list[CorpusMatch] = Field(default_factory=list)


class SkippedFile(Model):
    """A corpus file left out of an index, with the reason (unreadable, empty, binary…)."""

    path: str
    problem: str


class CrossCheckResult(Model):
    """The cross-check stage's output for one article against one corpus."""

    schema_version: str = SCHEMA_VERSION
    corpus: str
    article: str | None = Field(default=None, description="the article checked: its path or title")
    claims: list[ClaimCrossCheck] = Field(default_factory=list)
    articles: int | None = Field(default=None, ge=0, description="how many articles the corpus holds")
    threshold: float | None = Field(
        default=None, ge=0, le=100, description="the similarity at and above which a sentence matched"
    )
    undated_score: float | None = Field(
        default=None,
        ge=0,
        le=100,
        description="the article has no date, so no date window places it: the similarity every match needed",
    )
    skipped: list[SkippedFile] = Field(
        default_factory=list, description="corpus files left out of the index (bad front matter, unreadable…)"
    )


class ScoreReport(Model):
    """Analysis, cross-check (when a corpus was given) and scores for one article."""

    schema_version: str = SCHEMA_VERSION
    analysis: AnalysisResult
    crosscheck: CrossCheckResult | None = None
    claim_scores: list[ClaimScore] = Field(default_factory=list)
    article_findings: list[Finding] = Field(default_factory=list)
    score: float = Field(ge=0, le=100)
    grade: str
    skipped_rules: list[str] = Field(
        default_factory=list, description="rules not run because their input (e.g. a corpus) was missing"
    )


class FetchOutcome(Model):
    """What became of one URL in a ``provenance fetch`` batch: the file written, or why not."""

    url: str
    output: str | None = None
    title: str | None = None
    error: str | None = Field(default=None, description="the one-line error, when the fetch failed")
    code: str | None = Field(default=None, description="the error's stable code (PRV-E2xx)")


class FetchReport(Model):
    """A batch fetch's outcomes, in the order the URLs were given (duplicates fetched once)."""

    schema_version: str = SCHEMA_VERSION
    outcomes: list[FetchOutcome] = Field(default_factory=list)

    @property
    def failures(self) -> list[FetchOutcome]:
        """The outcomes that have an error."""
        return [outcome for outcome in self.outcomes if outcome.error is not None]


class CorpusIndexSummary(Model):
    """What ``provenance index`` built: where, how many articles and claims, what it skipped."""

    schema_version: str = SCHEMA_VERSION
    corpus: str
    index: str
    articles: int = Field(ge=0)
    claims: int = Field(ge=0)
    skipped: list[SkippedFile] = Field(default_factory=list)
