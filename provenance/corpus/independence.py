"""Which report a claim ultimately rests on, read from its attribution chain.

Five outlets relaying one agency report are one source, not five. A claim's
*upstream* is the report or person it rests on:

* the furthest-upstream outlet or agency in its chain when the publisher relays
  one ("Kyiv Morning Post → Reuters → five European diplomats" rests on Reuters);
* otherwise its named on-record source ("Tallinn Courier → Mart Kivisild" rests on
  Kivisild, whoever else quotes him);
* otherwise the publisher's own reporting (anonymous sources of one outlet are
  that outlet's, and cannot be told apart from another outlet's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from provenance.models import AnalysisResult, Chain, Claim, HopRole, SourceType

__all__ = ["Upstream", "claim_chain", "claim_upstream", "relayed_upstreams", "upstream_key"]

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


def claim_upstream(analysis: AnalysisResult, claim: Claim) -> Upstream:
    """Name the report or source the claim rests on (see the module docstring)."""
    chain = claim_chain(analysis, claim)
    relayed = relayed_upstreams(chain)
    if relayed:
        return relayed[-1]
    for hop in reversed(chain.hops):
        if hop.role is HopRole.SOURCE:
            for node in hop.nodes:
                if node.type in ON_RECORD:
                    return Upstream(upstream_key(node.name), node.name)
    publisher = analysis.article.outlet or (
        chain.hops[0].nodes[0].name if chain.hops and chain.hops[0].nodes else "(unknown publisher)"
    )
    return Upstream(upstream_key(publisher), publisher)


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
