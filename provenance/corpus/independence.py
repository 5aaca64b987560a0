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

Names are compared as upstreams, not as strings: agencies and outlets through
the alias table ``data/aliases.toml`` ("AP", "The Associated Press"), people
through the first mention coreference resolves them to ("Mr. Trump" → "Donald
Trump"), without titles. Wire copy (a "(AP) —" dateline, a credit line, a
manifest's ``wire`` column) rests on its agency throughout. An article whose
publisher is unknown is its own upstream: two unknown publishers are not one.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from provenance.corpus.units import dateline_agency
from provenance.extract.chains import UNKNOWN_PUBLISHER
from provenance.models import AnalysisResult, Chain, Claim, HopRole, SourceType

__all__ = [
    "Upstream",
    "agency_upstream",
    "article_publisher",
    "article_wire",
    "claim_chain",
    "claim_upstreams",
    "relayed_upstreams",
    "upstream_key",
]

REPORTING = frozenset({SourceType.OUTLET, SourceType.WIRE_AGENCY})
ON_RECORD = frozenset({SourceType.NAMED_PERSON, SourceType.NAMED_ORGANISATION, SourceType.DOCUMENT})
_NAME_NOISE = re.compile(r"^the\s+|\s+(news\s+)?agency$|[^\w\s]")
_TITLES = re.compile(
    r"^(mr|mrs|ms|dr|sen|senator|rep|gov|governor|president|gen|general|secretary|prime minister|minister"
    r"|judge|justice|mayor|chancellor)\.?\s+",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _aliases() -> tuple[dict[str, str], frozenset[str]]:
    text = resources.files("provenance.corpus").joinpath("data/aliases.toml").read_text("utf-8")
    data = tomllib.loads(text)
    folded: dict[str, str] = {}
    for canonical, names in data["upstreams"].items():
        for name in (canonical, *names):
            folded[_fold(name)] = canonical
    agencies = frozenset(_fold(name) for name in data["agencies"]["names"])
    return folded, agencies


def _fold(name: str) -> str:
    folded = " ".join(name.lower().split())
    previous = None
    while previous != folded:
        previous = folded
        folded = _NAME_NOISE.sub("", folded).strip()
    return folded


@dataclass(frozen=True, slots=True)
class Upstream:
    """A report or source that claims rest on: a comparison key and the name to show.

    ``statement`` marks a named on-record source: what rests on it is that
    source's statement, which several outlets can quote without confirming it.
    """

    key: str
    name: str
    statement: bool = False


def upstream_key(name: str) -> str:
    """Fold a name so "the Reuters news agency" and "Reuters", "AP" and "Associated Press" compare equal."""
    folded = _fold(_TITLES.sub("", name.strip()))
    aliases, _ = _aliases()
    return _fold(aliases[folded]) if folded in aliases else folded


def agency_upstream(name: str) -> Upstream | None:
    """Name the wire agency a name stands for ("AP", "The Associated Press"); ``None`` for any other."""
    aliases, agencies = _aliases()
    canonical = aliases.get(_fold(name))
    if canonical is None or _fold(canonical) not in agencies:
        return None
    return Upstream(_fold(canonical), canonical)


def claim_chain(analysis: AnalysisResult, claim: Claim) -> Chain:
    """Return the chain a claim is reported through (the publisher's when it has none of its own)."""
    return claim.chain if claim.chain.hops else analysis.publisher_chain


def claim_upstreams(analysis: AnalysisResult, wire: str | None = None) -> dict[str, Upstream]:
    """Name the report or source each claim of an article rests on, by claim id.

    In order: the furthest agency or outlet the claim's own chain relays; its
    named on-record source; the report the article relays elsewhere (an outlet
    that credits Reuters for half an article and leaves the rest unattributed or
    to "diplomats" is presumed to rest on Reuters throughout — the conservative
    reading, which can only merge sources, never invent independent ones); and
    last the publisher's own reporting. Wire copy (``wire`` from a manifest, or
    a dateline crediting an agency) rests on its agency wherever the claim names
    no source of its own.
    """
    agency = article_wire(analysis, wire)
    article_relay = agency or _article_relay(analysis)
    publisher = article_publisher(analysis)
    found: dict[str, Upstream] = {}
    for claim in analysis.claims:
        chain = claim_chain(analysis, claim)
        relayed = relayed_upstreams(chain)
        found[claim.id] = (
            relayed[-1] if relayed else _on_record_source(analysis, chain) or article_relay or publisher
        )
    return found


def article_wire(analysis: AnalysisResult, wire: str | None = None) -> Upstream | None:
    """Name the agency whose copy the article runs: the manifest's ``wire`` column, else its dateline."""
    if wire:
        return agency_upstream(wire) or Upstream(upstream_key(wire), wire)
    for paragraph in analysis.article.paragraphs[:3]:
        credited = dateline_agency(paragraph.text)
        if credited is not None:
            return agency_upstream(credited)
    return None


def article_publisher(analysis: AnalysisResult) -> Upstream:
    """Name the outlet that published the article (its front matter, else its chain's first hop)."""
    chain = analysis.publisher_chain
    first = chain.hops[0].nodes[0].name if chain.hops and chain.hops[0].nodes else None
    name = analysis.article.outlet or first or UNKNOWN_PUBLISHER
    if name == UNKNOWN_PUBLISHER:
        digest = hashlib.sha256(analysis.article.text.encode("utf-8")).hexdigest()[:16]
        return Upstream(f"unknown publisher {digest}", name)
    return Upstream(upstream_key(name), name)


def _on_record_source(analysis: AnalysisResult, chain: Chain) -> Upstream | None:
    """Return the claim's named source as an entity; a "named" one without a proper noun is not one.

    A later mention ("Trump", "Mr. Trump") stands for the first one coreference
    resolves it to ("Donald Trump"), so one person is one upstream.
    """
    for hop in reversed(chain.hops):
        if hop.role is HopRole.SOURCE:
            for node in hop.nodes:
                if node.type in ON_RECORD and any(word[:1].isupper() for word in node.name.split()):
                    name = _entity_name(analysis, node.source_id) or node.name
                    return Upstream(upstream_key(name), name, statement=True)
    return None


def _entity_name(analysis: AnalysisResult, source_id: str | None) -> str | None:
    if source_id is None:
        return None
    try:
        first = analysis.resolve(source_id)
    except KeyError:
        return None
    return first.name if any(word[:1].isupper() for word in first.name.split()) else None


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
