"""Terminal rendering of an evaluation report: a figures table and the errors worth studying."""

from __future__ import annotations

from provenance.evaluation import EvaluationReport, Frequency


def render_evaluation(report: EvaluationReport) -> str:
    """Render per-role exact and soft figures, then the most frequent missed and spurious items."""
    lines = [
        f"{report.corpus}: {report.documents} documents, "
        f"{report.gold_attributions} gold and {report.predicted_attributions} predicted attributions",
        "",
        f"{'role':<8} {'gold':>6} {'pred':>6} {'exact P':>8} {'exact R':>8} {'exact F1':>9} "
        f"{'soft P':>7} {'soft R':>7} {'soft F1':>8}",
    ]
    for scores in report.roles:
        exact, soft = scores.exact, scores.soft
        lines.append(
            f"{scores.role:<8} {scores.gold:>6} {scores.predicted:>6} "
            f"{exact.precision:>8.3f} {exact.recall:>8.3f} {exact.f1:>9.3f} "
            f"{soft.precision:>7.3f} {soft.recall:>7.3f} {soft.f1:>8.3f}"
        )
    for title, items in (
        ("missed cues", report.missed_cues),
        ("spurious cues", report.spurious_cues),
        ("missed source heads", report.missed_source_heads),
        ("spurious source heads", report.spurious_source_heads),
    ):
        lines.extend(["", f"{title}: {_counts(items)}"])
    return "\n".join(lines)


def _counts(items: list[Frequency]) -> str:
    return ", ".join(f"{item.text!r} {item.count}" for item in items) or "none"
