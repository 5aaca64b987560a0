"""Terminal rendering of an analysis: the claims, their chains and source types."""

from __future__ import annotations

from provenance.models import AnalysisResult, Attribution, SourceMention
from provenance.render.controls import show_controls


def _describe(mention: SourceMention) -> str:
    """Describe a mention: "five European diplomats (anonymous group, 5, specific)"."""
    details = [mention.type.value.replace("_", " ")]
    if mention.count is not None and mention.count != 1:
        details.append(str(mention.count))
    if mention.anonymity.value != "named":
        details.append(mention.anonymity.value)
    if mention.role:
        details.append(f"role: {mention.role}")
    if mention.affiliation:
        details.append(f"affiliation: {mention.affiliation}")
    return f"{mention.name} ({', '.join(details)})"


def _attribution_line(result: AnalysisResult, attribution: Attribution) -> str:
    cue = f"{attribution.cue.text!r}" if attribution.cue else "quotation"
    if attribution.source_id is None:
        return f"     cue {cue} ({attribution.cue_kind.value}), no source named"
    mention = result.source(attribution.source_id)
    line = f"     source {mention.id}: {_describe(mention)}, cue {cue} ({attribution.cue_kind.value})"
    if mention.refers_to is not None:
        antecedent = result.resolve(mention.id)
        line += f"\n       = {antecedent.id} {antecedent.name!r}"
    return line


def render_analysis(result: AnalysisResult) -> str:
    """Render an analysis as plain text for a terminal or a log, the article's control characters escaped."""
    article = result.article
    attributed = sum(1 for claim in result.claims if not claim.chain.inherited)
    lines = [
        article.title or article.path or "(untitled article)",
        f"  outlet: {article.outlet or 'unknown'}   date: {article.date or 'unknown'}",
        f"  publisher chain: {result.publisher_chain.render()}",
        f"  {len(result.claims)} claims, {attributed} attributed in their own sentence, "
        f"{len(result.sources)} source mentions",
        "",
    ]
    for claim in result.claims:
        marker = "inherits" if claim.chain.inherited else "attributed"
        section = f" [{claim.section}]" if claim.section else ""
        lines.append(f"{claim.id}{section} [{marker}] {claim.text}")
        lines.append(f"     chain: {claim.chain.render()}")
        lines.extend(_attribution_line(result, attribution) for attribution in claim.attributions)
        if claim.hedges:
            lines.append(
                "     hedges: "
                + ", ".join(f"{hedge.span.text!r} ({hedge.kind.value})" for hedge in claim.hedges)
            )
    return show_controls("\n".join(lines))
