"""CI checking: walk article files, score them, place findings by line, decide pass or fail.

The package sits between scoring and rendering but knows no rule engine: it
takes a scorer and rule descriptors (``provenance.api.check_paths`` passes the
rule pack's), reads files (the walk and the baseline are its edges) and returns
a ``CheckResult``; the renderers in ``provenance.render`` turn that into text,
SARIF, GitHub annotations or JUnit.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from pathlib import Path

from provenance.check.baseline import Baseline, read_baseline, write_baseline
from provenance.check.models import (
    CheckFinding,
    CheckPolicy,
    CheckResult,
    FileReport,
    Region,
    RuleDescriptor,
    Suppression,
    SuppressionKind,
)
from provenance.check.policy import DEFAULT_FAIL_ON, build_policy
from provenance.check.runner import (
    CHECK_RULES,
    ArticleCheck,
    ArticleLoader,
    Scorer,
    baseline_of,
    check_article,
    run_check,
)
from provenance.check.walk import DEFAULT_INCLUDE, select_articles
from provenance.config import CheckConfig, Config
from provenance.ingest import read_article
from provenance.ingest.fetch import is_url

__all__ = [
    "CHECK_RULES",
    "DEFAULT_FAIL_ON",
    "DEFAULT_INCLUDE",
    "ArticleLoader",
    "Baseline",
    "CheckFinding",
    "CheckPolicy",
    "CheckResult",
    "FileReport",
    "Region",
    "RuleDescriptor",
    "Scorer",
    "Suppression",
    "SuppressionKind",
    "baseline_of",
    "baseline_path",
    "check_article",
    "check_files",
    "known_names",
    "read_baseline",
    "with_flags",
    "write_baseline",
]


def check_files(
    targets: Sequence[Path | str],
    scorer: Scorer,
    rules: Sequence[RuleDescriptor],
    default_fail_on: Sequence[str],
    settings: CheckConfig | None = None,
    fail_under: float | None = None,
    root: Path | None = None,
    baseline: Baseline | None = None,
    jobs: int = 1,
    encoding: str = "utf-8",
    loader: ArticleLoader = read_article,
    on_report: Callable[[FileReport], None] | None = None,
    on_selected: Callable[[int], None] | None = None,
    policy_where: str = "--fail-on",
) -> CheckResult:
    """Check every article under ``targets`` with ``scorer`` against the policy in ``settings``.

    ``rules`` describes the active rules (for SARIF, and to validate the rule
    names in the policy and in suppression markers); ``default_fail_on`` is the
    policy when ``settings.fail_on`` is unset. ``on_selected`` receives the
    number of files once the walk is done, ``on_report`` each file's report;
    ``policy_where`` names where ``fail_on`` came from in an error about it.
    An http(s) URL target is checked as one article, read through ``loader``.
    """
    settings = settings or CheckConfig()
    root = (root or Path.cwd()).resolve()
    known = known_names(rules)
    fail_on = settings.fail_on if settings.fail_on is not None else default_fail_on
    policy = build_policy(fail_on, fail_under, known, policy_where)
    include = settings.include if settings.include is not None else DEFAULT_INCLUDE
    urls = [target for target in targets if isinstance(target, str) and is_url(target)]
    paths = [Path(target) for target in targets if target not in urls]
    selection = select_articles(paths, root, include, settings.exclude, settings.respect_gitignore)
    files: list[Path | str] = [*selection.files, *urls]
    if on_selected is not None:
        on_selected(len(files))
    job = ArticleCheck(scorer, loader, policy, root, known, encoding)
    result = run_check(files, job, rules, selection.unreadable, baseline, jobs, on_report)
    if not files and not selection.unreadable:
        shown = ", ".join(str(target) for target in targets)
        result = result.model_copy(update={"warnings": [f"no article files found in {shown}"]})
    return result


def baseline_path(config: Config, flag: Path | None) -> Path | None:
    """Return the baseline file to use: the flag's, else the config's (relative to the config file)."""
    if flag is not None:
        return flag
    configured = config.check.baseline
    if configured is None or configured.is_absolute() or config.path is None:
        return configured
    return config.path.parent / configured


def with_flags(
    settings: CheckConfig,
    include: Sequence[str] | None = None,
    exclude: Sequence[str] | None = None,
    fail_on: Sequence[str] | None = None,
    respect_gitignore: bool | None = None,
) -> CheckConfig:
    """Apply command-line flags: ``include`` and ``fail_on`` replace, ``exclude`` adds to the config."""
    update: dict[str, object] = {}
    if include:
        update["include"] = tuple(include)
    if exclude:
        update["exclude"] = (*settings.exclude, *exclude)
    if fail_on:
        update["fail_on"] = tuple(
            part.strip() for entry in fail_on for part in entry.split(",") if part.strip()
        )
    if respect_gitignore is not None:
        update["respect_gitignore"] = respect_gitignore
    return settings.model_copy(update=update)


def known_names(rules: Collection[RuleDescriptor]) -> frozenset[str]:
    """Ids and names by which a rule can be named in a policy or a marker."""
    return frozenset(name for rule in (*rules, *CHECK_RULES) for name in (rule.id, rule.name))
