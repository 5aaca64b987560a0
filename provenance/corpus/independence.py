"""Which report a claim ultimately rests on, read from its attribution chain.

Five outlets relaying one agency report are one source, not five. A claim's
*upstream* is the report or person it rests on:

* the furthest-upstream outlet or agency in its chain when the publisher relays
  one ("Kyiv Morning Post → Reuters → five European diplomats" rests on Reuters);
* otherwise its named on-record source ("Tallinn Courier → Mart Kivisild" rests on
  Kivisild, whoever else quotes him) — a name with a proper noun, not a generic
  "the agency" that a relay uses for the agency it credits elsewhere;
* otherwise the report the article relays for its other claims (see
  ``claim_upstreams``);
* otherwise the publisher's own reporting (anonymous sources of one outlet are
  that outlet's, and cannot be told apart from another outlet's).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from provenance.models import AnalysisResult, Chain, Claim, HopRole, SourceType

__all__ = [
    "Upstream",
    "article_publisher",
    "claim_chain",
    "claim_upstreams",
    "relayed_upstreams",
    "upstream_key",
]

REPORTING = frozenset({SourceType.OUTLET, SourceType.WIRE_AGENCY})
ON_RECORD = frozenset({SourceType.NAMED_PERSON, SourceType.NAMED_ORGANISATION, SourceType.DOCUMENT})
_NAME_NOISE = re.compile(r"^the\s+|\s+(news\s+)?agency$|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Upstream:
    """A report or source that claims rest on: a comparison key and the name to show."""

    key: str
    name: str


def upstream_key(name: str) -> str:
    """Fold a source or outlet name so "the Reuters news agency" and "Reuters" compare equal."""
    folded = " ".join(name.lower().split())
    previous = None
    while previous != folded:
        previous = folded
        folded = _NAME_NOISE.sub("", folded).strip()
    return folded


def claim_chain(analysis: AnalysisResult, claim: Claim) -> Chain:
    """Return the chain a claim is reported through (the publisher's when it has none of its own)."""
    return claim.chain if claim.chain.hops else analysis.publisher_chain


def claim_upstreams(analysis: AnalysisResult) -> dict[str, Upstream]:
    """Name the report or source each claim of an article rests on, by claim id.

    In order: the furthest agency or outlet the claim's own chain relays; its
    named on-record source; the report the article relays elsewhere (an outlet
    that credits Reuters for half an article and leaves the rest unattributed or
    to "diplomats" is presumed to rest on Reuters throughout — the conservative
    reading, which can only merge sources, never invent independent ones); and
    last the publisher's own reporting.
    """
    article_relay = _article_relay(analysis)
    publisher = article_publisher(analysis)
    found: dict[str, Upstream] = {}
    for claim in analysis.claims:
        chain = claim_chain(analysis, claim)
        relayed = relayed_upstreams(chain)
        found[claim.id] = relayed[-1] if relayed else _on_record_source(chain) or article_relay or publisher
    return found


def article_publisher(analysis: AnalysisResult) -> Upstream:
    """Name the outlet that published the article (its front matter, else its chain's first hop)."""
    chain = analysis.publisher_chain
    first = chain.hops[0].nodes[0].name if chain.hops and chain.hops[0].nodes else None
    name = analysis.article.outlet or first or "(unknown publisher)"
    return Upstream(upstream_key(name), name)


def _on_record_source(chain: Chain) -> Upstream | None:
    """Return the claim's named source; a "named" one without a proper noun ("the agency") is not one."""
    for hop in reversed(chain.hops):
        if hop.role is HopRole.SOURCE:
            for node in hop.nodes:
                if node.type in ON_RECORD and any(word[:1].isupper() for word in node.name.split()):
                    return Upstream(upstream_key(node.name), node.name)
    return None


def _article_relay(analysis: AnalysisResult) -> Upstream | None:
    """Return the report the article relays: the one its byline cites, else the one its claims cite most."""
    relayed = relayed_upstreams(analysis.publisher_chain)
    if relayed:
        return relayed[-1]
    counts: Counter[str] = Counter()
    names: dict[str, Upstream] = {}
    for claim in analysis.claims:
        for upstream in relayed_upstreams(claim.chain)[-1:]:
            counts[upstream.key] += 1
            names.setdefault(upstream.key, upstream)
    if not counts:
        return None
    key = min(counts, key=lambda name: (-counts[name], name))
    return names[key]


def relayed_upstreams(chain: Chain) -> list[Upstream]:
    """Outlets and agencies the publisher relays, nearest first."""
    found: list[Upstream] = []
    for hop in chain.hops:
        if hop.role is HopRole.PUBLISHER:
            continue
        for node in hop.nodes:
            key = upstream_key(node.name)
            if node.type in REPORTING and all(upstream.key != key for upstream in found):
                found.append(Upstream(key, node.name))
    return found
