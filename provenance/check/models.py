"""The result of ``provenance check``: per-file findings placed by line and column, and the verdict.

These models are the machine-readable output of ``check --format json`` and
the single input of every CI renderer (text, SARIF, GitHub annotations,
JUnit), so a renderer never needs the article or the rule pack again.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from provenance.errors import ExitStatus
from provenance.models import SCHEMA_VERSION, Model, Severity


class Region(Model):
    """Where a finding sits in its file, as SARIF counts: 1-based lines and code-point columns.

    ``end_column`` is the column just after the last character. Four plain
    numbers rather than two nested positions keep a large run cheap to pass
    between worker processes.
    """

    start_line: int = Field(ge=1)
    start_column: int = Field(ge=1)
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1)


class SuppressionKind(StrEnum):
    """How a finding was silenced: a reviewed marker in the article, or the adopted baseline."""

    INLINE = "inline"
    BASELINE = "baseline"


class Suppression(Model):
    """Why a finding does not fail the check."""

    kind: SuppressionKind
    reason: str | None = Field(default=None, description="the reviewer's reason given in the inline marker")


class RuleDescriptor(Model):
    """What a CI consumer needs to show a rule (SARIF ``tool.driver.rules``)."""

    id: str
    name: str
    summary: str = Field(description="one line: what the rule flags or credits")
    rationale: str = Field(description="why the rule exists, citing the editorial standard")
    help: str = Field(description="what an editor can do about it")
    severity: Severity


class CheckFinding(Model):
    """One finding of one file, placed in the file and judged against the failing policy."""

    rule_id: str
    rule_name: str
    severity: Severity
    message: str
    claim_id: str | None = None
    claim_text: str | None = None
    region: Region
    fingerprint: str = Field(
        description="stable across edits that move the claim: rule id and normalised claim text, hashed"
    )
    failing: bool = Field(description="at the failing level of the policy and not suppressed")
    suppression: Suppression | None = None


class FileReport(Model):
    """The check of one input: its findings and score, or why it could not be read."""

    path: str = Field(description="as shown to the user: relative to the working folder where possible")
    score: float | None = Field(default=None, ge=0, le=100)
    grade: str | None = None
    claims: int = 0
    findings: list[CheckFinding] = Field(default_factory=list)
    error: str | None = Field(default=None, description="one-line reason the input could not be read")

    @property
    def failing(self) -> list[CheckFinding]:
        """Findings that fail the check."""
        return [finding for finding in self.findings if finding.failing]


class CheckPolicy(Model):
    """What fails the check: rule ids, rule names or severities (that level or worse), and a score floor."""

    fail_on: list[str]
    fail_under: float | None = Field(default=None, ge=0, le=100)


class CheckResult(Model):
    """The whole run: every input's report, the rules that can appear, and the policy applied."""

    schema_version: str = SCHEMA_VERSION
    policy: CheckPolicy
    rules: list[RuleDescriptor] = Field(default_factory=list)
    files: list[FileReport] = Field(default_factory=list)
    warnings: list[str] = Field(
        default_factory=list,
        description="problems that did not stop the run, e.g. a rule pack that failed to load",
    )

    @property
    def unreadable(self) -> list[FileReport]:
        """Inputs that could not be read."""
        return [report for report in self.files if report.error is not None]

    @property
    def failing(self) -> list[CheckFinding]:
        """Every failing finding of the run, in file order."""
        return [finding for report in self.files for finding in report.failing]

    @property
    def exit_status(self) -> ExitStatus:
        """3 when an input could not be read, else 1 when a finding fails, else 0."""
        if self.unreadable:
            return ExitStatus.INPUT
        if self.failing:
            return ExitStatus.FINDINGS
        return ExitStatus.OK

    def rule(self, rule_id: str) -> RuleDescriptor | None:
        """Look up the descriptor of ``rule_id``."""
        return next((rule for rule in self.rules if rule.id == rule_id), None)
