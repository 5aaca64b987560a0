"""CI checking: walk article files, score them, place findings by line, decide pass or fail.

The package sits between scoring and rendering: it reads files (the walk and
the baseline are its edges) and returns a ``CheckResult``; the renderers in
``provenance.render`` turn that into text, SARIF, GitHub annotations or JUnit.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from pathlib import Path

from pydantic import Field

from provenance.check.baseline import Baseline, read_baseline, write_baseline
from provenance.check.models import (
    CheckFinding,
    CheckPolicy,
    CheckResult,
    FileReport,
    Position,
    Region,
    RuleDescriptor,
    Suppression,
    SuppressionKind,
)
from provenance.check.policy import build_policy
from provenance.check.runner import CHECK_RULES, ArticleCheck, Scorer, baseline_of, check_article, run_check
from provenance.check.walk import DEFAULT_INCLUDE, select_articles
from provenance.models import Model

__all__ = [
    "CHECK_RULES",
    "DEFAULT_INCLUDE",
    "Baseline",
    "CheckFinding",
    "CheckPolicy",
    "CheckResult",
    "CheckSettings",
    "FileReport",
    "Position",
    "Region",
    "RuleDescriptor",
    "Scorer",
    "Suppression",
    "SuppressionKind",
    "baseline_of",
    "check_article",
    "check_files",
    "known_names",
    "read_baseline",
    "write_baseline",
]


class CheckSettings(Model):
    """How ``provenance check`` selects files and what fails it (config, overridden by flags)."""

    include: list[str] = Field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = Field(default_factory=list)
    respect_gitignore: bool = True
    fail_on: list[str] | None = Field(
        default=None, description="rule ids, rule names or severities; None means the default policy"
    )
    fail_under: float | None = Field(default=None, ge=0, le=100)
    baseline: str | None = None


def check_files(
    targets: Sequence[Path],
    scorer: Scorer,
    rules: Sequence[RuleDescriptor],
    default_fail_on: Sequence[str],
    settings: CheckSettings | None = None,
    root: Path | None = None,
    baseline: Baseline | None = None,
    jobs: int = 1,
    encoding: str = "utf-8",
    on_report: Callable[[FileReport], None] | None = None,
    on_selected: Callable[[int], None] | None = None,
) -> CheckResult:
    """Check every article under ``targets`` against the policy in ``settings``.

    ``rules`` describes the active rule pack (for SARIF and to validate rule
    names in the policy and in suppression markers); ``default_fail_on`` is the
    policy when ``settings.fail_on`` is unset. ``on_selected`` receives the
    number of files once the walk is done, ``on_report`` each file's report.
    """
    settings = settings or CheckSettings()
    root = (root or Path.cwd()).resolve()
    known = known_names(rules)
    policy = build_policy(
        settings.fail_on if settings.fail_on is not None else default_fail_on, settings.fail_under, known
    )
    selection = select_articles(targets, root, settings.include, settings.exclude, settings.respect_gitignore)
    if on_selected is not None:
        on_selected(len(selection.files))
    job = ArticleCheck(scorer=scorer, policy=policy, root=root, known_rules=known, encoding=encoding)
    return run_check(selection.files, job, rules, selection.missing, baseline, jobs, on_report)


def known_names(rules: Collection[RuleDescriptor]) -> frozenset[str]:
    """Ids and names by which a rule can be named in a policy or a marker."""
    return frozenset(name for rule in (*rules, *CHECK_RULES) for name in (rule.id, rule.name))
