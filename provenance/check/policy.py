"""The failing policy: which findings fail a CI run.

By default (``DEFAULT_FAIL_ON``) a run fails on any error-severity finding: in
the default pack, a claim whose only support is one unnamed individual or vague
unnamed sources (the newsroom rule on anonymous sourcing), and a claim other
reporting contradicts. ``fail_on`` entries name rules (by id or name) or severities; a
severity means that level or worse, so ``warning`` also fails on errors.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from provenance.check.models import CheckPolicy
from provenance.errors import ConfigError
from provenance.models import Finding, Severity

DEFAULT_FAIL_ON = ("error",)
"""The policy when neither the config nor ``--fail-on`` sets one."""

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
    return rule_fails(finding.rule_id, finding.rule_name, finding.severity, policy.fail_on)


def rule_fails(
    rule_id: str, rule_name: str, severity: Severity, fail_on: Sequence[str] = DEFAULT_FAIL_ON
) -> bool:
    """Whether a rule's findings fail a check whose policy is ``fail_on`` (the default one unless given)."""
    rank = SEVERITY_RANK[severity]
    for entry in fail_on:
        wanted = entry.casefold()
        if wanted in {rule_id.casefold(), rule_name.casefold()}:
            return True
        if wanted in SEVERITY_RANK and rank >= SEVERITY_RANK[Severity(wanted)]:
            return True
    return False
