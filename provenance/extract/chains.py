"""Chains of attribution: publisher → relayed outlets and agencies → the claim's source.

The outlet-level chain comes from a ``Source:`` line ("European Pravda, citing
Reuters and sources familiar with the issue"): the publisher is the first hop
and the parties it cites form the next. A claim with a source in its own
sentence ends with that source; the outlets and agencies of the ``Source:`` line
stay in between as relays. A claim without one inherits the outlet-level chain.
"""

from __future__ import annotations

import re

from provenance.models import Article, Chain, ChainNode, Hop, HopRole, SourceType

__all__ = ["UNCOVERED_SECTIONS", "ChainBuilder", "cited_parties"]

CITING = re.compile(r"\b(?:citing|via|according to|based on)\s+", re.IGNORECASE)
CITED_PARTY = re.compile(r"[^,;]+?(?=\s*(?:,\s*and\s+|,|;|\s+and\s+|$))")
UNCOVERED_SECTIONS = frozenset({"background", "context", "source"})
"""Sections in the publisher's own voice, not covered by the ``Source:`` line."""
RELAY_TYPES = frozenset({SourceType.OUTLET, SourceType.WIRE_AGENCY})
UNKNOWN_PUBLISHER = "(unknown publisher)"


def cited_parties(article: Article) -> list[tuple[int, int]]:
    """Character ranges of the parties a ``Source:`` line cites, in order."""
    line = next((section.span for section in article.sections if section.name == "source"), None)
    if line is None:
        return []
    citing = CITING.search(article.text, line.start, line.end)
    if citing is None:
        return []
    parties = []
    for match in CITED_PARTY.finditer(article.text, citing.end(), line.end):
        start, end = match.start(), match.end()
        while start < end and (article.text[start].isspace() or article.text[start] in ",;"):
            start += 1
        if article.text.startswith("and ", start):
            start += 4
        text = article.text[start:end].strip()
        if text:
            parties.append((start, start + len(text)))
    return parties


class ChainBuilder:
    """Build the chains of one article from hops made once and shared (chains are immutable)."""

    def __init__(self, article: Article, cited: list[ChainNode]) -> None:
        self._publisher = Hop(
            role=HopRole.PUBLISHER,
            nodes=[ChainNode(name=article.outlet or UNKNOWN_PUBLISHER, type=SourceType.OUTLET)],
        )
        self._relays = [node for node in cited if node.type in RELAY_TYPES]
        self.outlet = Chain(
            hops=[self._publisher, Hop(role=HopRole.RELAY, nodes=cited)] if cited else [self._publisher]
        )
        """The outlet-level chain: the publisher, then the parties its ``Source:`` line cites."""
        self._inherited = {
            True: self.outlet.model_copy(update={"inherited": True}),
            False: Chain(hops=[self._publisher], inherited=True),
        }

    def inherited(self, covered: bool) -> Chain:
        """Return the chain of a claim without a source of its own: the outlet's, or the publisher alone."""
        return self._inherited[covered]

    def attributed(self, path: list[list[ChainNode]], covered: bool) -> Chain:
        """Build a claim's chain: publisher, ``Source:``-line relays (when they cover it), then ``path``.

        ``path`` runs from the in-sentence source to the party it cites, if any
        ("Reuters reported, citing a senior official": Reuters, then the official);
        each step holds the parties speaking together ("Lund and Moreau said").
        """
        hops = [self._publisher]
        names = {node.name for step in path for node in step}
        relays = [node for node in self._relays if node.name not in names] if covered else []
        if relays:
            hops.append(_hop(HopRole.RELAY, relays))
        hops.extend(_hop(HopRole.RELAY, step) for step in path[:-1])
        hops.append(_hop(HopRole.SOURCE, path[-1]))
        return Chain.trusted({"hops": hops, "inherited": False})


def _hop(role: HopRole, nodes: list[ChainNode]) -> Hop:
    """Build a hop of parties already built (valid by construction, so not validated again)."""
    return Hop.trusted({"role": role, "nodes": nodes})
