"""The shared work every rule reads: sourcing facts computed once per claim and per article.

Rules never walk the analysis themselves. Coreference is resolved, sources are
de-duplicated, relay hops and independence are worked out here, once, before
any rule runs; rules are then cheap predicates over these frozen facts.
"""

from __future__ import annotations

from dataclasses import dataclass

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

RELAY_TYPES = frozenset({SourceType.OUTLET, SourceType.WIRE_AGENCY})
GROUP_TYPES = frozenset({SourceType.ANONYMOUS_GROUP})
MINIMUM_PLURAL = 2
"""A group of unstated size ("diplomats") is counted as the least it can be: two people."""


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    """What a claim rests on, resolved: distinct ultimate sources, cues, hedges and relays.

    ``hedges`` leaves out a hedge that is the attribution cue itself ("diplomats
    *believe*"): the cue is judged by the belief rule, not twice.
    """

    claim: Claim
    sources: tuple[SourceMention, ...]
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


def headcount(source: SourceMention) -> int:
    """How many people or bodies one mention stands for ("five diplomats" → 5, "diplomats" → 2)."""
    if source.count is not None and source.count > 0:
        return source.count
    return MINIMUM_PLURAL if source.type in GROUP_TYPES else 1


def gather_facts(analysis: AnalysisResult, crosscheck: CrossCheckResult | None = None) -> ArticleFacts:
    """Compute the facts of every claim and of the article, once, for all rules."""
    mentions = {mention.id: mention for mention in analysis.sources}
    checks = {entry.claim_id: entry for entry in crosscheck.claims} if crosscheck is not None else {}
    publisher_relays = _relay_hops(analysis.publisher_chain)
    claims = tuple(
        _claim_facts(claim, mentions, publisher_relays, checks.get(claim.id)) for claim in analysis.claims
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
    )


def _claim_facts(
    claim: Claim,
    mentions: dict[str, SourceMention],
    publisher_relays: tuple[ChainNode, ...],
    crosscheck: ClaimCrossCheck | None,
) -> ClaimFacts:
    sources: dict[str, SourceMention] = {}
    cue_kinds: set[CueKind] = set()
    cue_spans: list[Span] = []
    if not claim.chain.inherited:
        for attribution in claim.attributions:
            mention = _resolve(attribution.source_id, mentions)
            if mention is None:
                continue
            sources.setdefault(mention.id, mention)
            cue_kinds.add(attribution.cue_kind)
            if attribution.cue is not None:
                cue_spans.append(attribution.cue)
        if not sources:
            for hop in claim.chain.hops:
                if hop.role is HopRole.SOURCE:
                    for node in hop.nodes:
                        mention = _resolve(node.source_id, mentions)
                        if mention is not None:
                            sources.setdefault(mention.id, mention)
    hedges = tuple(hedge for hedge in claim.hedges if not any(_inside(hedge.span, cue) for cue in cue_spans))
    relays = _relay_hops(claim.chain)
    own_relays = (
        relays[len(publisher_relays) :] if relays[: len(publisher_relays)] == publisher_relays else relays
    )
    distinct = tuple(sources.values())
    return ClaimFacts(
        claim=claim,
        sources=distinct,
        cue_kinds=frozenset(cue_kinds),
        cue_spans=tuple(cue_spans),
        hedges=hedges,
        hedge_kinds=frozenset(hedge.kind for hedge in hedges),
        relays=relays,
        own_relays=own_relays,
        headcount=sum(headcount(source) for source in distinct),
        independent_sources=_independent(distinct, relays),
        crosscheck=crosscheck,
        sourced=bool(distinct),
        inherited=claim.chain.inherited,
        hedged=bool(hedges),
        on_record=any(source.on_record for source in distinct),
        all_anonymous=bool(distinct) and all(source.anonymity is not Anonymity.NAMED for source in distinct),
        source_count=len(distinct),
        relay_depth=len(relays),
        own_relay_depth=len(own_relays),
        source_types=frozenset(source.type for source in distinct),
        anonymities=frozenset(source.anonymity for source in distinct),
    )


def _inside(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _resolve(source_id: str | None, mentions: dict[str, SourceMention]) -> SourceMention | None:
    """Follow coreference to the first mention; ids missing from the analysis and non-sources give None."""
    if source_id is None or source_id not in mentions:
        return None
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
        if hop.role is not HopRole.RELAY:
            continue
        outlet = next((node for node in hop.nodes if node.type in RELAY_TYPES), None)
        if outlet is not None:
            relays.append(outlet)
    return tuple(relays)


def _independent(sources: tuple[SourceMention, ...], relays: tuple[ChainNode, ...]) -> int:
    """Count independent lines of sourcing: sources reached through one relay share it, so count once."""
    if not sources:
        return 0
    if relays:
        return 1
    return len({source.name.casefold() for source in sources})
