"""The failing policy: which findings fail a CI run.

By default a run fails on any single-source claim and on any error-severity
finding. ``fail_on`` entries name rules (by id or name) or severities; a
severity means that level or worse, so ``warning`` also fails on errors.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from provenance.check.models import CheckPolicy
from provenance.errors import ConfigError
from provenance.models import Finding, Severity

SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def build_policy(
    fail_on: Sequence[str],
    fail_under: float | None,
    known_rules: Collection[str] | None,
    where: str = "--fail-on",
) -> CheckPolicy:
    """Validate the policy entries: each must be a severity or a known rule id or name."""
    severities = {severity.value for severity in Severity}
    known = {rule.casefold() for rule in known_rules} if known_rules is not None else None
    for entry in fail_on:
        if entry.casefold() in severities:
            continue
        if known is not None and entry.casefold() not in known:
            raise ConfigError(
                where,
                f"unknown rule or severity {entry!r} (severities: error, warning, info; "
                "`provenance rules` lists the rules)",
            )
    if fail_under is not None and not 0 <= fail_under <= 100:
        raise ConfigError(where, f"score threshold {fail_under} is outside 0–100")
    return CheckPolicy(fail_on=list(fail_on), fail_under=fail_under)


def fails(finding: Finding, policy: CheckPolicy) -> bool:
    """Whether ``finding`` is at the failing level of ``policy`` (suppression is decided elsewhere)."""
    rank = SEVERITY_RANK[finding.severity]
    for entry in policy.fail_on:
        wanted = entry.casefold()
        if wanted in {finding.rule_id.casefold(), finding.rule_name.casefold()}:
            return True
        if wanted in SEVERITY_RANK and rank >= SEVERITY_RANK[Severity(wanted)]:
            return True
    return False
