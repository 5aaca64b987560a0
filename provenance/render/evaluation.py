"""Terminal rendering of an evaluation report: a figures table and the errors worth studying."""

from __future__ import annotations

from provenance.evaluation import EvaluationReport, Frequency, SourceTypeReport


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


def render_source_types(report: SourceTypeReport) -> str:
    """Render the four figures with their counts, the figures per gold label and the confusion table."""
    lines = [f"{report.gold}: {report.texts} texts, {report.coverage.denominator} gold sources", ""]
    for title, ratio in (
        ("coverage", report.coverage),
        ("type accuracy", report.type_accuracy),
        ("on-record accuracy", report.on_record_accuracy),
        ("back-references resolved", report.back_references),
    ):
        lines.append(f"{title:<26} {ratio.value:6.3f}  ({ratio.numerator}/{ratio.denominator})")
    lines.extend(["", f"{'gold label':<20} {'gold':>5} {'found':>6} {'typed right':>12}"])
    for figures in report.by_label:
        lines.append(f"{figures.label:<20} {figures.gold:>5} {figures.found:>6} {figures.type_correct:>12}")
    systems = sorted({count.system for count in report.confusion})
    counts = {(count.expected, count.system): count.count for count in report.confusion}
    expected = sorted({count.expected for count in report.confusion})
    lines.extend(["", "confusion (rows: expected label, after following back-references; columns: system)"])
    lines.append(f"{'':<20} " + " ".join(f"{_abbreviated(label):>9}" for label in systems))
    for row in expected:
        cells = " ".join(f"{counts.get((row, label), 0) or '.':>9}" for label in systems)
        lines.append(f"{row:<20} {cells}")
    return "\n".join(lines)


COLUMNS = {
    "person_named": "person",
    "person_anonymous": "anon.pers",
    "group_anonymous": "anon.grp",
    "organisation_named": "org",
    "outlet_or_agency": "outlet",
    "document_or_data": "document",
    "pronoun_or_backref": "backref",
    "unresolved": "unresolvd",
    "other": "other",
    "(not found)": "missed",
}
"""Short column headings of the confusion table."""


def _abbreviated(label: str) -> str:
    return COLUMNS.get(label, label[:9])
