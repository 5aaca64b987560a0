"""Extraction: from an ``Article`` to claims, sources, attributions and chains.

Pure functions of the article text: no file, network or terminal access, and
deterministic output for the same input.
"""

from __future__ import annotations

import re

from provenance.models import (
    AnalysisResult,
    Article,
    Chain,
    ChainNode,
    Claim,
    Hop,
    HopRole,
    SourceType,
    Span,
)

__all__ = ["analyze"]

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def analyze(article: Article) -> AnalysisResult:
    """Extract the claims of ``article`` with their attribution chains."""
    publisher = article.outlet or "(unknown publisher)"
    publisher_chain = Chain(
        hops=[Hop(role=HopRole.PUBLISHER, nodes=[ChainNode(name=publisher, type=SourceType.OUTLET)])]
    )
    claims: list[Claim] = []
    for section in article.sections:
        if section.name in {"source", "headline"}:
            continue
        start = section.span.start
        for part in SENTENCE_END.split(section.span.text):
            offset = article.text.index(part, start)
            span = Span.of(article.text, offset, offset + len(part))
            start = span.end
            claims.append(
                Claim(
                    id=f"C{len(claims) + 1}",
                    span=span,
                    text=" ".join(part.split()),
                    section=section.name,
                    chain=publisher_chain.model_copy(update={"inherited": True}),
                )
            )
    return AnalysisResult(article=article, publisher_chain=publisher_chain, claims=claims)
