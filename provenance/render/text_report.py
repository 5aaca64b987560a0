"""The terminal report: an at-a-glance view of one scored article, in plain text.

Header, score and grade, the rules that moved the score most, then one block per
claim (score, ultimate source, chain, findings, corroboration) in article order.
Plain text so it reads the same in a terminal, a pager, a log or a CI job;
control and bidi formatting characters from the article (an ANSI escape that
would recolour or retitle the terminal) are shown escaped, never sent to it.
"""

from __future__ import annotations

import textwrap
from collections import Counter

from provenance.models import Anonymity, ScoreReport, SourceType
from provenance.render.controls import show_controls
from provenance.render.view import ClaimRow, ReportView, Strength, build_view

WIDTH = 100
INDENT = "        "


def _points(points: float) -> str:
    return f"{points:+.1f}"


def _score(row: ClaimRow) -> str:
    if row.score is None:
        return "  –   "
    return f"{row.score:>3.0f} {row.grade or '':<2}"


def _wrap(text: str, indent: str = INDENT) -> list[str]:
    return textwrap.wrap(
        text, WIDTH, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False
    ) or [indent]


def _header(view: ReportView) -> list[str]:
    lines = textwrap.wrap(view.title, WIDTH) or ["(untitled article)"]
    facts = [part for part in (view.outlet, view.date, view.url) if part]
    if facts:
        lines.append(" · ".join(facts))
    if view.path and view.path != view.title:
        lines.append(view.path)
    for item in view.corpus_skipped:
        lines += _wrap(f"corpus file skipped: {item.path}: {item.problem}", "")
    lines.append("")
    lines.append(f"Score {view.score:.1f}/100   grade {view.grade}   ({view.meaning or view.strength.value})")
    lines.append(_overview(view))
    if view.top_rules:
        lines.append("Rules that moved it most (points of the article score):")
        for rule in view.top_rules:
            plural = "s" if rule.findings > 1 else ""
            count = f"{rule.findings} finding{plural}"
            lines.append(f"  {_points(rule.points):>7}  {rule.rule_id} {rule.rule_name} ({count})")
    for finding in view.article_findings:
        lines += _wrap(
            f"{finding.severity.value} {finding.rule_id}: {finding.message} ({_points(finding.points)})", "  "
        )
    if view.skipped_rules:
        lines += _wrap("skipped (input missing): " + ", ".join(view.skipped_rules), "  ")
    return lines


def _overview(view: ReportView) -> str:
    """Count claims by strength and name the ones with no source, in one line."""
    bands = Counter(row.strength for row in view.claims)
    counts = ", ".join(f"{bands[band]} {band.value}" for band in Strength if bands[band])
    voice = sum(1 for row in view.claims if row.source_type is SourceType.UNATTRIBUTED)
    return f"{len(view.claims)} claims ({counts or 'none scored'}); {voice} name no source"


def _claim(row: ClaimRow) -> list[str]:
    kind = row.source_type.value.replace("_", " ")
    if row.source_type is SourceType.UNATTRIBUTED:
        source = f"{row.source} (the publisher's own voice)"
    elif row.anonymity is not None and row.anonymity is not Anonymity.NAMED:
        source = f"{row.source} ({kind}, {row.anonymity.value})"
    else:
        source = f"{row.source} ({kind})"
    lines = [f"{row.id:<4} {_score(row)} {row.strength.value:<8} {source}"]
    lines += _wrap(row.text)
    lines += _wrap(
        f"chain: {row.chain}" + ("  [inherited from the article's sourcing]" if row.inherited else "")
    )
    if row.findings:
        lines += _wrap(
            "findings: " + "; ".join(f"{f.rule_id} {f.rule_name} {_points(f.points)}" for f in row.findings)
        )
    if row.corroboration is not None:
        corpus = row.corroboration.summary()
        if row.corroboration.outlets:
            corpus += " (" + ", ".join(row.corroboration.outlets) + ")"
        lines += _wrap(f"corpus: {corpus}")
    return lines


def render_text_report(report: ScoreReport) -> str:
    """Render a scored article for a terminal."""
    view = build_view(report)
    lines = _header(view)
    lines += ["", f"Claims ({len(view.claims)}), in article order:"]
    for row in view.claims:
        lines.append("")
        lines += _claim(row)
    if view.sources:
        lines += ["", "Sources:"]
        for source in view.sources:
            rests = ", ".join(source.claims) if source.claims else "no claim"
            kind = f"{source.type.value.replace('_', ' ')}, {source.anonymity.value}"
            lines.append(f"  {source.name} ({kind}) — {rests}")
    return show_controls("\n".join(line.rstrip() for line in lines))
