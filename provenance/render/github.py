"""GitHub Actions output: workflow-command annotations and a job-summary table.

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step,
so the slots go to what matters most: unreadable inputs, then failing findings,
then the rest, the most severe first, taken in turn from every file so that the
first file alphabetically cannot use up the limit alone. Anything beyond the
limit is counted in a closing notice; the full table goes to the job summary
(the file named by ``$GITHUB_STEP_SUMMARY``), which has no such limit.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import zip_longest

from provenance.check.models import CheckFinding, CheckResult
from provenance.models import Severity
from provenance.render.check_text import summary_line
from provenance.render.controls import show_controls

ANNOTATIONS_PER_LEVEL = 10
SUMMARY_ROWS = 1000


def escape_data(text: str) -> str:
    """Escape a workflow-command message: ``%``, CR and LF, and show other control characters inert.

    (The Actions log renders escape sequences: a file name holding one would recolour or hide lines.)
    """
    return show_controls(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a workflow-command property value: as a message, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: str | int) -> str:
    """Format one workflow command, e.g. ``::error file=a.md,line=3::message``."""
    rendered = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return (
        f"::{level} {rendered}::{escape_data(message)}" if rendered else f"::{level}::{escape_data(message)}"
    )


def render_github(result: CheckResult) -> str:
    """Render the most important findings as annotations, within GitHub's per-level limits."""
    emitted = {"error": 0, "warning": 0}
    left_out = 0
    lines: list[str] = []
    for level, line in _annotations(result):
        if emitted[level] < ANNOTATIONS_PER_LEVEL:
            emitted[level] += 1
            lines.append(line)
        else:
            left_out += 1
    if left_out:
        lines.append(command("notice", f"{left_out} more findings are not annotated; see the job summary."))
    lines.append(summary_line(result))
    return "\n".join(lines)


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _annotations(result: CheckResult) -> Iterator[tuple[str, str]]:
    """Yield ``(level, command)`` pairs in the order they deserve a slot.

    Unreadable inputs come first, then failing findings, then the others; within
    each, files take turns (each file's most severe finding, then each file's
    next), so the annotations spread over every file with something to show.
    """
    for report in result.files:
        if report.error is not None:
            yield "error", command("error", report.error, file=report.path, title="unreadable input")
    for failing in (True, False):
        queues = [
            [
                (report.path, finding)
                for finding in sorted(report.findings, key=lambda finding: SEVERITY_ORDER[finding.severity])
                if finding.failing is failing and not finding.suppression
            ]
            for report in result.files
        ]
        for turn in zip_longest(*queues):
            for path, finding in (entry for entry in turn if entry is not None):
                level = "error" if failing else "warning"
                yield level, command(level, finding.message, **_location(path, finding))


def _location(path: str, finding: CheckFinding) -> dict[str, str | int]:
    """File and lines, with columns only on one-line regions (GitHub ignores them otherwise)."""
    region = finding.region
    location: dict[str, str | int] = {"file": path, "line": region.start_line, "endLine": region.end_line}
    if region.start_line == region.end_line:
        location["col"] = region.start_column
        location["endColumn"] = max(region.start_column, region.end_column - 1)
    location["title"] = f"{finding.rule_id} {finding.rule_name}"
    return location


def render_step_summary(result: CheckResult) -> str:
    """Render the job-summary Markdown: the verdict and a table of every unsuppressed finding."""
    lines = ["## provenance check", "", summary_line(result), ""]
    rows = [
        (report.path, finding)
        for report in result.files
        for finding in report.findings
        if not finding.suppression
    ]
    unreadable = [(report.path, report.error) for report in result.files if report.error is not None]
    if unreadable:
        lines += ["### Unreadable inputs", ""]
        lines += [f"- {_cell(path)}: {_cell(error)}" for path, error in unreadable]
        lines.append("")
    if rows:
        lines += ["| File | Line | Rule | Status | Message |", "|---|---|---|---|---|"]
        for path, finding in rows[:SUMMARY_ROWS]:
            status = "fails" if finding.failing else finding.severity.value
            lines.append(
                f"| {_cell(path)} | {finding.region.start_line} | {finding.rule_id} {finding.rule_name} "
                f"| {status} | {_cell(finding.message)} |"
            )
        if len(rows) > SUMMARY_ROWS:
            lines += ["", f"{len(rows) - SUMMARY_ROWS} more findings are left out of this table."]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Make untrusted text safe in a Markdown table cell: one line, no pipes, no HTML."""
    flat = " ".join(text.split())
    return flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
