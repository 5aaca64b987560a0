"""Terminal rendering of an analysis: the claims, their chains and source types."""

from __future__ import annotations

from provenance.models import AnalysisResult


def render_analysis(result: AnalysisResult) -> str:
    """Render an analysis as plain text for a terminal or a log."""
    article = result.article
    lines = [
        article.title or article.path or "(untitled article)",
        f"  outlet: {article.outlet or 'unknown'}   date: {article.date or 'unknown'}",
        f"  publisher chain: {result.publisher_chain.render()}",
        "",
    ]
    for claim in result.claims:
        marker = "inherits" if claim.chain.inherited else "attributed"
        lines.append(f"{claim.id}  [{marker}] {claim.text}")
        lines.append(f"     chain: {claim.chain.render()}")
        for attribution in claim.attributions:
            if attribution.source_id is None:
                continue
            source = result.resolve(attribution.source_id)
            cue = attribution.cue.text if attribution.cue else "quote"
            lines.append(f"     source: {source.name} ({source.type.value}), cue: {cue!r}")
    return "\n".join(lines)
