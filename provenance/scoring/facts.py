"""The shared work every rule reads: sourcing facts computed once per claim and per article.

Rules never walk the analysis themselves. Coreference is resolved, sources are
de-duplicated, relay hops and independence are worked out here, once, before
any rule runs; rules are then cheap predicates over these frozen facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from provenance.models import (
    AnalysisResult,
    Anonymity,
    Chain,
    ChainNode,
    Claim,
    ClaimCrossCheck,
    CrossCheckResult,
    CueKind,
    Hedge,
    HedgeKind,
    HopRole,
    SourceMention,
    SourceType,
    Span,
)

__all__ = ["ArticleFacts", "ClaimFacts", "gather_facts", "headcount"]

RELAY = HopRole.RELAY
RELAY_TYPES = frozenset({SourceType.OUTLET, SourceType.WIRE_AGENCY})
GROUP_TYPES = frozenset({SourceType.ANONYMOUS_GROUP})
MINIMUM_PLURAL = 2
"""A group of unstated size ("diplomats") is counted as the least it can be: two people."""


class ClaimFacts(NamedTuple):
    """What a claim rests on, resolved: distinct ultimate sources, cues, hedges and relays.

    ``hedges`` leaves out a hedge that is the attribution cue itself ("diplomats
    *believe*"): the cue is judged by the belief rule, not twice. ``anonymities``
    and ``all_anonymous`` concern people and organisations: a document ("the
    audit report") can be checked by anyone, so it is never an anonymous source. An immutable
    tuple because thousands are built per second.
    """

    claim: Claim
    sources: tuple[SourceMention, ...]
    source_spans: tuple[Span, ...]
    cue_kinds: frozenset[CueKind]
    cue_spans: tuple[Span, ...]
    hedges: tuple[Hedge, ...]
    hedge_kinds: frozenset[HedgeKind]
    relays: tuple[ChainNode, ...]
    own_relays: tuple[ChainNode, ...]
    headcount: int
    independent_sources: int
    crosscheck: ClaimCrossCheck | None
    sourced: bool
    inherited: bool
    headline: bool
    hedged: bool
    on_record: bool
    all_anonymous: bool
    source_count: int
    relay_depth: int
    own_relay_depth: int
    source_types: frozenset[SourceType]
    anonymities: frozenset[Anonymity]


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """What the whole article rests on: its publisher chain and the claims' facts."""

    analysis: AnalysisResult
    claims: tuple[ClaimFacts, ...]
    relays: tuple[ChainNode, ...]
    relay_evidence: tuple[Span, ...]
    relay_depth: int
    claim_count: int
    sourced_claims: tuple[ClaimFacts, ...]


def headcount(source: SourceMention) -> int:
    """How many people or bodies one mention stands for ("five diplomats" → 5, "diplomats" → 2)."""
    if source.count is not None and source.count > 0:
        return source.count
    return MINIMUM_PLURAL if source.type in GROUP_TYPES else 1


def gather_facts(analysis: AnalysisResult, crosscheck: CrossCheckResult | None = None) -> ArticleFacts:
    """Compute the facts of every claim and of the article, once, for all rules."""
    mentions = {mention.id: mention for mention in analysis.sources}
    resolved = {mention_id: _resolve(mention_id, mentions) for mention_id in mentions}
    checks = {entry.claim_id: entry for entry in crosscheck.claims} if crosscheck is not None else {}
    publisher_relays = _relay_hops(analysis.publisher_chain)
    publisher_names = tuple(node.name for node in publisher_relays)
    claims = tuple(
        [_claim_facts(claim, resolved, publisher_names, checks.get(claim.id)) for claim in analysis.claims]
    )
    relay_evidence = tuple(
        mentions[node.source_id].span for node in publisher_relays if node.source_id in mentions
    ) or tuple(section.span for section in analysis.article.sections if section.name == "source")
    return ArticleFacts(
        analysis=analysis,
        claims=claims,
        relays=publisher_relays,
        relay_evidence=relay_evidence,
        relay_depth=len(publisher_relays),
        claim_count=len(claims),
        sourced_claims=tuple(claim for claim in claims if claim.sourced),
    )


NOTHING: frozenset[Any] = frozenset()


def _claim_facts(
    claim: Claim,
    resolved: dict[str, SourceMention | None],
    publisher_relays: tuple[str, ...],
    crosscheck: ClaimCrossCheck | None,
) -> ClaimFacts:
    chain = claim.chain
    relays = _relay_hops(chain)
    own_relays = relays
    if publisher_relays and len(relays) >= len(publisher_relays):
        depth = len(publisher_relays)
        if all(node.name == name for node, name in zip(relays, publisher_relays, strict=False)):
            own_relays = relays[depth:]
    sources: dict[str, SourceMention] = {}
    cue_kinds: set[CueKind] = set()
    cue_spans: list[Span] = []
    if not chain.inherited:
        for attribution in claim.attributions:
            source_id = attribution.source_id
            mention = resolved.get(source_id) if source_id is not None else None
            if mention is None:
                continue
            sources.setdefault(mention.id, mention)
            cue_kinds.add(attribution.cue_kind)
            if attribution.cue is not None:
                cue_spans.append(attribution.cue)
        if not sources:
            for hop in chain.hops:
                if hop.role is HopRole.SOURCE:
                    for node in hop.nodes:
                        mention = resolved.get(node.source_id) if node.source_id is not None else None
                        if mention is not None:
                            sources.setdefault(mention.id, mention)
    hedges: tuple[Hedge, ...] = tuple(claim.hedges)
    if hedges and cue_spans:
        hedges = tuple(hedge for hedge in hedges if not any(_inside(hedge.span, cue) for cue in cue_spans))
    hedge_kinds = frozenset(hedge.kind for hedge in hedges) if hedges else NOTHING
    if not sources:
        return ClaimFacts(
            claim=claim,
            sources=(),
            source_spans=(),
            cue_kinds=NOTHING,
            cue_spans=(),
            hedges=hedges,
            hedge_kinds=hedge_kinds,
            relays=relays,
            own_relays=own_relays,
            headcount=0,
            independent_sources=0,
            crosscheck=crosscheck,
            sourced=False,
            inherited=chain.inherited,
            headline=claim.section == "headline",
            hedged=bool(hedges),
            on_record=False,
            all_anonymous=False,
            source_count=0,
            relay_depth=len(relays),
            own_relay_depth=len(own_relays),
            source_types=NOTHING,
            anonymities=NOTHING,
        )
    distinct = tuple(sources.values())
    source_spans: list[Span] = []
    source_types: set[SourceType] = set()
    anonymities: set[Anonymity] = set()
    people = heads = 0
    on_record = False
    for source in distinct:
        source_spans.append(source.span)
        source_types.add(source.type)
        heads += headcount(source)
        on_record = on_record or source.on_record
        if source.type is not SourceType.DOCUMENT:
            people += 1
            anonymities.add(source.anonymity)
    return ClaimFacts(
        claim=claim,
        sources=distinct,
        source_spans=tuple(source_spans),
        cue_kinds=frozenset(cue_kinds),
        cue_spans=tuple(cue_spans),
        hedges=hedges,
        hedge_kinds=hedge_kinds,
        relays=relays,
        own_relays=own_relays,
        headcount=heads,
        independent_sources=_independent(distinct, relays),
        crosscheck=crosscheck,
        sourced=True,
        inherited=chain.inherited,
        headline=claim.section == "headline",
        hedged=bool(hedges),
        on_record=on_record,
        all_anonymous=people == len(distinct) and Anonymity.NAMED not in anonymities,
        source_count=len(distinct),
        relay_depth=len(relays),
        own_relay_depth=len(own_relays),
        source_types=frozenset(source_types),
        anonymities=frozenset(anonymities),
    )


def _inside(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _resolve(source_id: str, mentions: dict[str, SourceMention]) -> SourceMention | None:
    """Follow coreference to the first mention; a mention that is not a source gives None."""
    mention = mentions[source_id]
    seen = {mention.id}
    while mention.refers_to is not None and mention.refers_to in mentions and mention.refers_to not in seen:
        mention = mentions[mention.refers_to]
        seen.add(mention.id)
    return None if mention.type is SourceType.UNATTRIBUTED else mention


def _relay_hops(chain: Chain) -> tuple[ChainNode, ...]:
    """Return the outlet or agency at each relay hop (one per hop: the first relaying party)."""
    relays: list[ChainNode] = []
    for hop in chain.hops:
        if hop.role is RELAY:
            for node in hop.nodes:
                if node.type in RELAY_TYPES:
                    relays.append(node)
                    break
    return tuple(relays)


def _independent(sources: tuple[SourceMention, ...], relays: tuple[ChainNode, ...]) -> int:
    """Count independent lines of sourcing: sources reached through one relay share it, so count once."""
    if not sources:
        return 0
    if relays:
        return 1
    return len({source.name.casefold() for source in sources})
