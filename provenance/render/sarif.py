"""SARIF 2.1.0 for GitHub code scanning and other static-analysis dashboards.

Beyond the schema, GitHub needs rule metadata (short and full description,
help), a repository-relative ``artifactLocation.uri`` and a full region on
every result, and uses ``partialFingerprints`` to recognise an alert it has
seen before. A result's level says whether it fails the check (``error``) or
not (``warning``/``note``), so the dashboard agrees with the exit code.
Suppressed findings are kept with a ``suppressions`` entry, as the format
intends, so dismissed alerts stay dismissed.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from provenance.check.models import CheckFinding, CheckResult, FileReport, RuleDescriptor, SuppressionKind
from provenance.check.policy import rule_fails
from provenance.ingest.fetch import is_url
from provenance.models import Severity

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render_sarif(result: CheckResult, tool_version: str) -> str:
    """Render a check as a SARIF 2.1.0 log with one run."""
    rule_index = {rule.id: index for index, rule in enumerate(result.rules)}
    results = []
    for report in result.files:
        occurrences: Counter[str] = Counter()
        for finding in report.findings:
            occurrences[finding.fingerprint] += 1
            results.append(_result(report, finding, rule_index, occurrences[finding.fingerprint]))
    notifications = [
        _notification(report.path, report.error) for report in result.files if report.error is not None
    ]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "provenance",
                        "version": tool_version,
                        "semanticVersion": tool_version,
                        "rules": [_rule(rule, result.policy.fail_on) for rule in result.rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "invocations": [
                    {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
                ],
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False)


def artifact_uri(path: str) -> str:
    """Turn a reported path into a URI reference: relative paths stay relative, characters are escaped.

    A checked URL is already a URI and is kept as it is.
    """
    if is_url(path):
        return path
    posix = PurePosixPath(path)
    if posix.is_absolute():
        return "file://" + quote(posix.as_posix())
    return quote(posix.as_posix())


def _rule(rule: RuleDescriptor, fail_on: Sequence[str]) -> dict[str, Any]:
    """Describe a rule for code scanning; its tags say whether it fails this run's policy."""
    fails = rule_fails(rule.id, rule.name, rule.severity, fail_on)
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": _flat(rule.summary)},
        "fullDescription": {"text": _flat(rule.rationale)},
        "help": {
            "text": f"{_flat(rule.help)}\n\nWhy: {_flat(rule.rationale)}",
            "markdown": f"**{rule.id} {rule.name}**: {_flat(rule.summary)}\n\n{_flat(rule.help)}\n\n"
            f"*Why:* {_flat(rule.rationale)}",
        },
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "tags": ["sourcing", rule.severity.value, "fails-check" if fails else "does-not-fail"]
        },
    }


def _result(
    report: FileReport, finding: CheckFinding, rule_index: dict[str, int], occurrence: int
) -> dict[str, Any]:
    """One SARIF result; the fingerprint counts repeats so identical claims stay distinct alerts."""
    region = finding.region
    level = "error" if finding.failing else "note" if finding.severity is Severity.INFO else "warning"
    entry: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "level": level,
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(report.path)},
                    "region": {
                        "startLine": region.start_line,
                        "startColumn": region.start_column,
                        "endLine": region.end_line,
                        "endColumn": region.end_column,
                    },
                }
            }
        ],
        "partialFingerprints": {"primaryLocationLineHash": f"{finding.fingerprint}:{occurrence}"},
    }
    if finding.rule_id in rule_index:
        entry["ruleIndex"] = rule_index[finding.rule_id]
    if finding.suppression is not None:
        inline = finding.suppression.kind is SuppressionKind.INLINE
        suppression: dict[str, Any] = {"kind": "inSource" if inline else "external", "status": "accepted"}
        if finding.suppression.reason:
            suppression["justification"] = finding.suppression.reason
        entry["suppressions"] = [suppression]
    return entry


def _notification(path: str, error: str) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": error},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)}}}],
    }


def _flat(text: str) -> str:
    """Fold the line breaks of a rule file's multi-line strings into one paragraph."""
    return " ".join(text.split())
