"""Terminal rendering of a check: ``file:line:column`` lines an editor can jump to, then a summary."""

from __future__ import annotations

from provenance.check.models import CheckFinding, CheckResult, SuppressionKind
from provenance.errors import ExitStatus
from provenance.render.controls import show_controls


def render_check_text(result: CheckResult) -> str:
    """List unsuppressed findings (failing ones marked ``fail``) and unreadable inputs, then a summary."""
    lines: list[str] = []
    for report in result.files:
        if report.error is not None:
            lines.append(report.error)
            continue
        for finding in report.findings:
            if finding.suppression is None:
                lines.append(_finding_line(report.path, finding))
    if lines:
        lines.append("")
    lines.append(summary_line(result))
    return show_controls("\n".join(lines))


def _finding_line(path: str, finding: CheckFinding) -> str:
    """One ``path:line:column: fail RULE name: message`` line (rule messages name their claim)."""
    region = finding.region
    label = "fail" if finding.failing else finding.severity.value
    rule = f"{finding.rule_id} {finding.rule_name}"
    return f"{path}:{region.start_line}:{region.start_column}: {label} {rule}: {finding.message}"


def summary_line(result: CheckResult) -> str:
    """One sentence with the verdict and the counts behind it."""
    checked = len(result.files)
    failing = result.failing
    failing_files = sum(1 for report in result.files if report.failing)
    suppressed = [finding for report in result.files for finding in report.findings if finding.suppression]
    inline = sum(
        1
        for finding in suppressed
        if finding.suppression and finding.suppression.kind is SuppressionKind.INLINE
    )
    parts = [
        f"{_count(len(failing), 'failing finding')} in {_count(failing_files, 'file')}"
        if failing
        else "no failing findings",
    ]
    if result.unreadable:
        parts.append(f"{_count(len(result.unreadable), 'unreadable input')}")
    if suppressed:
        parts.append(
            f"{len(suppressed)} suppressed ({inline} inline, {len(suppressed) - inline} by baseline)"
        )
    verdict = "passed" if result.exit_status is ExitStatus.OK else "failed"
    return f"provenance check {verdict}: {_count(checked, 'input')} checked, " + ", ".join(parts) + "."


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
