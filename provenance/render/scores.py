"""Terminal rendering of scores and rules: the per-claim table, the rule list, one rule explained."""

from __future__ import annotations

import textwrap

from provenance.check.policy import rule_fails
from provenance.models import Finding, ScoreReport
from provenance.render.controls import show_controls
from provenance.scoring import Rule, grade_label

__all__ = ["render_rule", "render_rules", "render_score"]

CLAIM_WIDTH = 70


def render_score(report: ScoreReport) -> str:
    """Render one article's score: the article line and findings, then a row per claim, controls shown."""
    article = report.analysis.article
    lines = [
        article.title or article.path or "(untitled article)",
        f"  score {report.score:.0f}/100  grade {report.grade} ({grade_label(report.grade)})",
    ]
    lines.extend(f"  {_finding(finding)}" for finding in report.article_findings)
    lines.append("")
    lines.append(f"{'claim':<6}{'score':>6}  grade  text")
    texts = {claim.id: claim.text for claim in report.analysis.claims}
    for claim_score in report.claim_scores:
        text = texts.get(claim_score.claim_id, "")
        short = text if len(text) <= CLAIM_WIDTH else text[: CLAIM_WIDTH - 1].rstrip() + "…"
        lines.append(f"{claim_score.claim_id:<6}{claim_score.score:>6.0f}  {claim_score.grade:<5}  {short}")
        lines.extend(f"{'':<15}{_finding(finding)}" for finding in claim_score.findings)
    if report.skipped_rules:
        lines.append("")
        lines.append(f"skipped (no cross-check data given): {', '.join(report.skipped_rules)}")
    return show_controls("\n".join(lines))


def _finding(finding: Finding) -> str:
    label = f"{finding.points:+.0f} {finding.rule_id} {finding.rule_name} [{finding.severity.value}]"
    return f"{label}: {finding.message}"


def render_rules(rules: tuple[Rule, ...]) -> str:
    """List rules one per line: id, name, severity, signed weight, summary."""
    lines = [f"{'id':<8}{'name':<32}{'severity':<10}{'points':>7}  summary"]
    for rule in rules:
        points = f"{rule.points:+g}" + ("/hop" if rule.scale else "")
        lines.append(f"{rule.id:<8}{rule.name:<32}{rule.severity.value:<10}{points:>7}  {rule.summary}")
    return "\n".join(lines)


def render_rule(rule: Rule) -> str:
    """Explain one rule: what it flags, why (with its citation), what to do, and its examples."""
    needs = f"  needs: {', '.join(rule.needs)}" if rule.needs else ""
    lines = [
        f"{rule.id} {rule.name}: {rule.summary}",
        f"  severity: {rule.severity.value}  points: {rule.points:+g}{' per relay hop' if rule.scale else ''}"
        f"  scope: {rule.scope}{needs}",
        "  provenance check: "
        + (
            "fails by default"
            if rule_fails(rule.id, rule.name, rule.severity)
            else f"does not fail by default (`--fail-on {rule.id}` makes it fail)"
        ),
        "",
        "Why",
        _paragraph(rule.rationale),
        "",
        "What to do",
        _paragraph(rule.help),
        "",
        f"Message: {rule.message}",
    ]
    for example in rule.examples:
        verdict = "flagged" if example.kind == "fail" else "not flagged"
        lines.extend(
            ["", f"Example ({example.kind}: {verdict})", textwrap.indent(example.text.strip(), "    ")]
        )
        if example.xfail:
            lines.append(f"    (not yet met: {example.xfail})")
    if rule.origin:
        lines.extend(["", f"Defined in {rule.origin}"])
    return "\n".join(lines)


def _paragraph(text: str) -> str:
    return textwrap.fill(" ".join(text.split()), width=88, initial_indent="  ", subsequent_indent="  ")
