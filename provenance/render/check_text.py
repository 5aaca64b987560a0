"""Terminal rendering of a check: ``file:line:column`` lines an editor can jump to, then a summary."""

from __future__ import annotations

from provenance.check.models import CheckFinding, CheckResult, SuppressionKind
from provenance.errors import ExitStatus

EXCERPT_LENGTH = 100


def render_check_text(result: CheckResult) -> str:
    """List unsuppressed findings (failing ones marked ``fail``) and unreadable inputs, then a summary."""
    lines: list[str] = []
    for report in result.files:
        if report.error is not None:
            lines.append(report.error)
            continue
        for finding in report.findings:
            if finding.suppression is None:
                lines.extend(_finding_lines(report.path, finding))
    if lines:
        lines.append("")
    lines.append(summary_line(result))
    return "\n".join(lines)


def _finding_lines(path: str, finding: CheckFinding) -> list[str]:
    start = finding.region.start
    label = "fail" if finding.failing else finding.severity.value
    rule = f"{finding.rule_id} {finding.rule_name}"
    lines = [f"{path}:{start.line}:{start.column}: {label} {rule}: {finding.message}"]
    if finding.claim_text:
        lines.append(f"    {excerpt(finding.claim_text)}")
    return lines


def excerpt(text: str, length: int = EXCERPT_LENGTH) -> str:
    """Shorten a claim to one quoted line of at most ``length`` characters."""
    flat = " ".join(text.split())
    return f'"{flat}"' if len(flat) <= length else f'"{flat[: length - 1].rstrip()}…"'


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
