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
from provenance.scoring.corroboration import Stated, corroborating
from provenance.scoring.footing import Footing, agentless, footing, opinion

__all__ = ["ArticleFacts", "ClaimFacts", "gather_facts", "headcount"]

RELAY = HopRole.RELAY
RELAY_TYPES = frozenset({SourceType.OUTLET, SourceType.WIRE_AGENCY})
GROUP_TYPES = frozenset({SourceType.ANONYMOUS_GROUP})
MINIMUM_PLURAL = 2
"""A group of unstated size ("diplomats") is counted as the least it can be: two people."""


class ClaimFacts(NamedTuple):
    """What a claim rests on, resolved: distinct ultimate sources, cues, hedges and relays.

    ``footings`` say what kind of support each source gives (``provenance.scoring.footing``);
    ``opinion`` marks a belief or characterisation cue ("believe", "called"); ``relayed_hops``
    counts the outlets the claim's own sentence goes through, an outlet cited as the source
    included; ``corroborations`` counts the independent sources elsewhere in the article that
    state the same claim (``corroborators``). ``hedges`` leaves out a hedge that is the
    attribution cue itself ("diplomats *believe*"): the cue is judged as an opinion, not twice.
    ``anonymities`` and ``all_anonymous`` concern people and organisations: a document ("the
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
    footings: frozenset[Footing]
    opinion: bool
    relayed_hops: int
    corroborations: int = 0
    corroborators: tuple[SourceMention, ...] = ()


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
    publisher_relays = _relay_hops(analysis.publisher_chain)
    builder = _ClaimFactBuilder(mentions, publisher_relays)
    if crosscheck is None:
        claims = tuple([builder.facts(claim, None) for claim in analysis.claims])
    else:
        checks = {entry.claim_id: entry for entry in crosscheck.claims}
        claims = tuple([builder.facts(claim, checks.get(claim.id)) for claim in analysis.claims])
    claims = _with_corroborations(claims)
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


def _with_corroborations(claims: tuple[ClaimFacts, ...]) -> tuple[ClaimFacts, ...]:
    """Record, on each sourced claim, the independent sources elsewhere in the article that state it too."""
    stated = [
        Stated.of(facts.claim, facts.sources, frozenset(node.name for node in facts.own_relays))
        for facts in claims
        if facts.sources
    ]
    found = corroborating(stated) if len(stated) > 1 else {}
    if not found:
        return claims
    updated = []
    for facts in claims:
        others = found.get(facts.claim.id)
        if others:
            corroborators = tuple(
                {source.id: source for other in others for source in other.sources}.values()
            )
            facts = facts._replace(corroborations=len(corroborators), corroborators=corroborators)
        updated.append(facts)
    return tuple(updated)


NOTHING: frozenset[Any] = frozenset()
NO_SOURCES: tuple[tuple[SourceMention, ...], frozenset[CueKind], tuple[Span, ...]] = ((), NOTHING, ())
_tuple_new = tuple.__new__


class _ClaimFactBuilder:
    """Builds each claim's facts, working out what claims share only once per article.

    Coreference is followed once per mention. The facts of a claim with no source,
    hedge or cross-check depend only on its chain and whether it is the
    headline, so all but the claim itself is built once for each.
    """

    def __init__(self, mentions: dict[str, SourceMention], publisher_relays: tuple[ChainNode, ...]) -> None:
        self._mentions = mentions
        self._resolved: dict[str, SourceMention | None] = {}
        self._publisher_names = tuple(node.name for node in publisher_relays)
        self._plain: dict[tuple[int, bool], tuple[Any, ...]] = {}

    def facts(self, claim: Claim, crosscheck: ClaimCrossCheck | None) -> ClaimFacts:
        """Return one claim's facts."""
        chain = claim.chain
        headline = claim.section == "headline"
        sources, cue_kinds, cue_spans = NO_SOURCES if chain.inherited else self._sources(claim)
        unsourced_footings = _AGENTLESS if any(agentless(a) for a in claim.attributions) else NOTHING
        if not sources and not claim.hedges and crosscheck is None and not unsourced_footings:
            plain = self._plain.get((id(chain), headline))
            if plain is None:
                facts = self._unsourced(claim, headline, (), None)
                self._plain[id(chain), headline] = facts[1:]
                return facts
            return _tuple_new(ClaimFacts, (claim, *plain))
        hedges: tuple[Hedge, ...] = tuple(claim.hedges)
        if hedges and cue_spans:
            hedges = tuple(
                [
                    hedge
                    for hedge in hedges
                    if not any(
                        cue.start <= hedge.span.start and hedge.span.end <= cue.end for cue in cue_spans
                    )
                ]
            )
        if not sources:
            return self._unsourced(claim, headline, hedges, crosscheck, unsourced_footings)
        relays, own_relays = self._chain_relays(chain)
        footings = frozenset([footing(source) for source in sources]) | unsourced_footings
        outlet_cited = Footing.OUTLET in footings and not relays
        if len(sources) == 1:
            source_types, anonymities, heads, on_record, all_anonymous = _one_source(sources[0])
            independent = 1
        else:
            source_types, anonymities, heads, on_record, all_anonymous = _many_sources(sources)
            independent = 1 if relays else len({source.name.casefold() for source in sources})
        return _tuple_new(
            ClaimFacts,
            (
                claim,
                sources,
                tuple([source.span for source in sources]),
                cue_kinds,
                cue_spans,
                hedges,
                frozenset([hedge.kind for hedge in hedges]) if hedges else NOTHING,
                relays,
                own_relays,
                heads,
                independent,  # one relay carrying several sources is one line of sourcing
                crosscheck,
                True,  # sourced
                False,  # inherited
                headline,
                bool(hedges),
                on_record,
                all_anonymous,
                len(sources),
                len(relays),
                len(own_relays),
                source_types,
                anonymities,
                footings,
                opinion(claim),
                len(own_relays) + outlet_cited,
                0,  # corroborations, counted once every claim is known
                (),
            ),
        )

    def _unsourced(
        self,
        claim: Claim,
        headline: bool,
        hedges: tuple[Hedge, ...],
        crosscheck: ClaimCrossCheck | None,
        footings: frozenset[Footing] = NOTHING,
    ) -> ClaimFacts:
        """Build the facts of a claim without a source."""
        chain = claim.chain
        relays, own_relays = self._chain_relays(chain)
        return ClaimFacts(
            claim,
            (),
            (),
            NOTHING,
            (),
            hedges,
            frozenset([hedge.kind for hedge in hedges]) if hedges else NOTHING,
            relays,
            own_relays,
            0,  # headcount
            0,  # independent_sources
            crosscheck,
            False,  # sourced
            chain.inherited,
            headline,
            bool(hedges),
            False,  # on_record
            False,  # all_anonymous
            0,  # source_count
            len(relays),
            len(own_relays),
            NOTHING,
            NOTHING,
            footings,
            False,  # opinion: only a source holds one
            len(own_relays),
        )

    def _sources(
        self, claim: Claim
    ) -> tuple[tuple[SourceMention, ...], frozenset[CueKind], tuple[Span, ...]]:
        """Return the distinct ultimate sources a claim cites, its cue kinds and cue spans.

        A claim whose attributions name no source falls back on the sources of its chain.
        """
        attributions = claim.attributions
        resolved = self._resolved
        if len(attributions) == 1:  # the commonest case, without building sets
            attribution = attributions[0]
            source_id = attribution.source_id
            if source_id is not None:
                mention = resolved[source_id] if source_id in resolved else self._resolve(source_id)
                if mention is not None:
                    cue = attribution.cue
                    return (mention,), _ONE_CUE_KIND[attribution.cue_kind], () if cue is None else (cue,)
        sources: dict[str, SourceMention] = {}
        cue_kinds: set[CueKind] = set()
        cue_spans: list[Span] = []
        for attribution in attributions:
            source_id = attribution.source_id
            if source_id is None:
                continue
            mention = resolved[source_id] if source_id in resolved else self._resolve(source_id)
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
                        mention = self._resolve(node.source_id) if node.source_id is not None else None
                        if mention is not None:
                            sources.setdefault(mention.id, mention)
            if not sources:
                return NO_SOURCES
        return tuple(sources.values()), frozenset(cue_kinds), tuple(cue_spans)

    def _chain_relays(self, chain: Chain) -> tuple[tuple[ChainNode, ...], tuple[ChainNode, ...]]:
        """Return a chain's relay hops, and those beyond the publisher's own relays."""
        relays = _relay_hops(chain)
        publisher = self._publisher_names
        if (
            publisher
            and len(relays) >= len(publisher)
            and all(node.name == name for node, name in zip(relays, publisher, strict=False))
        ):
            return relays, relays[len(publisher) :]
        return relays, relays

    def _resolve(self, source_id: str) -> SourceMention | None:
        """Follow coreference to the first mention; not a source gives None. Kept in ``_resolved``."""
        mentions = self._mentions
        mention = mentions.get(source_id)
        if mention is not None:
            seen = {mention.id}
            while (
                mention.refers_to is not None
                and mention.refers_to in mentions
                and mention.refers_to not in seen
            ):
                mention = mentions[mention.refers_to]
                seen.add(mention.id)
        resolved = self._resolved[source_id] = (
            None if mention is None or mention.type is SourceType.UNATTRIBUTED else mention
        )
        return resolved


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


SourcesSummary = tuple[frozenset[SourceType], frozenset[Anonymity], int, bool, bool]
"""Source types, anonymities (of people and organisations), headcount, on record, all anonymous."""


def _many_sources(sources: tuple[SourceMention, ...]) -> SourcesSummary:
    """Sum up what several distinct sources amount to."""
    source_types: set[SourceType] = set()
    anonymities: set[Anonymity] = set()
    people = heads = 0
    on_record = False
    for source in sources:
        source_types.add(source.type)
        heads += headcount(source)
        on_record = on_record or source.on_record
        if source.type is not SourceType.DOCUMENT:
            people += 1
            anonymities.add(source.anonymity)
    all_anonymous = people == len(sources) and Anonymity.NAMED not in anonymities
    return frozenset(source_types), frozenset(anonymities), heads, on_record, all_anonymous


def _one_source(source: SourceMention) -> SourcesSummary:
    """Sum up one source: ``_many_sources`` for the commonest case, without building sets."""
    person = source.type is not SourceType.DOCUMENT
    return (
        _ONE_TYPE[source.type],
        _ONE_ANONYMITY[source.anonymity] if person else NOTHING,
        headcount(source),
        source.on_record,
        person and source.anonymity is not Anonymity.NAMED,
    )


_AGENTLESS = frozenset([Footing.AGENTLESS])
_ONE_TYPE = {source_type: frozenset([source_type]) for source_type in SourceType}
_ONE_ANONYMITY = {anonymity: frozenset([anonymity]) for anonymity in Anonymity}
_ONE_CUE_KIND = {kind: frozenset([kind]) for kind in CueKind}
"""Every source type, anonymity and cue kind as a one-member set, built once."""
