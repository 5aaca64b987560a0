"""Checking articles: analyse and score each file, place findings, apply suppressions and policy.

``check_article`` is the pure core for one article; ``check_file`` adds the
file read; ``run_check`` fans files out to worker processes and applies the
baseline, which spans files, once every report is in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from provenance.check.baseline import Baseline, fingerprint
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
from provenance.check.policy import fails
from provenance.check.positions import LineIndex
from provenance.check.suppress import Marker, find_markers
from provenance.errors import InputError, InternalError, ProvenanceError
from provenance.extract import analyze
from provenance.files import real_path
from provenance.models import AnalysisResult, Article, Claim, Finding, ScoreReport, Severity, Span
from provenance.pool import worker_pool

ArticleLoader = Callable[[Path | str, str], Article]
"""Reads one article given its path (or URL) and text encoding; raises ``InputError`` when it cannot."""

Scorer = Callable[[AnalysisResult], ScoreReport]
"""Scores one analysis; picklable (module-level function or ``functools.partial``) for ``jobs > 1``."""

INVALID_SUPPRESSION = RuleDescriptor(
    id="CHK001",
    name="invalid-suppression",
    summary="Suppression marker without a rule, with an unknown rule, or without a reason",
    rationale="Every silenced finding must record what was checked instead, so that a reader of the "
    "history can trust the suppression; a malformed marker silences nothing and always fails the check.",
    help="Write `<!-- provenance: ignore RULE -- reason -->` just before the claim, naming the rule by "
    "id or name and saying after `--` how the claim was confirmed.",
    severity=Severity.ERROR,
)
UNUSED_SUPPRESSION = RuleDescriptor(
    id="CHK002",
    name="unused-suppression",
    summary="Suppression marker that silences nothing",
    rationale="A stale marker (its claim was rewritten or moved) would silently hide a future finding "
    "on whatever claim comes next.",
    help="Remove the marker, or move it just before the claim it was written for.",
    severity=Severity.WARNING,
)
SCORE_BELOW_THRESHOLD = RuleDescriptor(
    id="CHK003",
    name="score-below-threshold",
    summary="Article sourcing score below the configured minimum (`fail-under`)",
    rationale="The newsroom set a floor for how well an article as a whole must be sourced.",
    help="Strengthen the sourcing of the lowest-scoring claims (name sources, add independent ones), "
    "or lower `fail-under` if the threshold is too strict for this kind of article.",
    severity=Severity.ERROR,
)
CHECK_RULES = (INVALID_SUPPRESSION, UNUSED_SUPPRESSION, SCORE_BELOW_THRESHOLD)
ALWAYS_FAILING = frozenset({INVALID_SUPPRESSION.id, SCORE_BELOW_THRESHOLD.id})


@dataclass(frozen=True)
class ArticleCheck:
    """Everything a worker needs to check one file; picklable so it can cross to worker processes."""

    scorer: Scorer
    loader: ArticleLoader
    policy: CheckPolicy
    root: Path
    known_rules: frozenset[str] | None = None
    encoding: str = "utf-8"


def display_path(path: Path | str, root: Path) -> str:
    """Show ``path`` as reported: POSIX, relative to the project root when it lies inside it; a URL as is."""
    if isinstance(path, str):
        return path
    try:
        return real_path(path).relative_to(real_path(root)).as_posix()
    except ValueError:
        return path.as_posix()


def check_file(path: Path | str, job: ArticleCheck) -> FileReport:
    """Check one file or URL; a failure yields a report carrying the error instead of raising.

    An unexpected exception (a bug) fails only this file, reported as an
    internal error, so one odd article never stops a run over thousands.
    """
    shown = display_path(path, job.root)
    try:
        article = job.loader(path, job.encoding)
        return check_article(shown, job.scorer(analyze(article)), job.policy, job.known_rules)
    except InputError as error:
        return FileReport(path=shown, error=error.one_line())
    except ProvenanceError:
        raise
    except Exception as exc:
        return FileReport(path=shown, error=InternalError.of(exc, shown).one_line())


def check_article(
    path: str, report: ScoreReport, policy: CheckPolicy, known_rules: Collection[str] | None = None
) -> FileReport:
    """Place the findings of a scored article, apply its inline markers and judge them against ``policy``."""
    analysis = report.analysis
    text = analysis.article.text
    lines = LineIndex(text)
    claims = {claim.id: claim for claim in analysis.claims}
    anchor_start, anchor_end = _anchor(analysis)
    anchor = lines.region(anchor_start, anchor_end)
    placed: list[tuple[Finding, Claim | None]] = [
        (finding, claims.get(claim_score.claim_id))
        for claim_score in report.claim_scores
        for finding in claim_score.findings
    ]
    placed += [(finding, claims.get(finding.claim_id or "")) for finding in report.article_findings]
    markers = find_markers(text, known_rules)
    governed = {marker: _claims_governed(text, analysis.claims, marker.span) for marker in markers.valid}
    used: set[tuple[Marker, str]] = set()
    findings: list[CheckFinding] = []
    for finding, claim in placed:
        suppression = None
        for marker, targets in governed.items():
            hit = _silenced_by(finding, marker.rules)
            if claim is not None and claim in targets and hit is not None:
                suppression = Suppression(kind=SuppressionKind.INLINE, reason=marker.reason)
                used.add((marker, hit))
                break
        failing = fails(finding, policy)
        if finding.severity is Severity.INFO and not failing:
            continue
        region = lines.region(claim.span.start, claim.span.end) if claim is not None else anchor
        findings.append(_placed(finding, claim, region, failing and suppression is None, suppression))
    for malformed in markers.malformed:
        findings.append(
            _own_finding(
                INVALID_SUPPRESSION, f"suppression marker {malformed.problem}", lines, malformed.span
            )
        )
    for marker, targets in governed.items():
        for rule in marker.rules:
            if (marker, rule.casefold()) not in used:
                problem = (
                    f"silences nothing: {_named(targets)} no {rule} finding"
                    if targets
                    else "silences nothing: no claim follows it"
                )
                findings.append(
                    _own_finding(
                        UNUSED_SUPPRESSION, f"suppression of {rule} {problem}", lines, marker.span, policy
                    )
                )
    if policy.fail_under is not None and report.score < policy.fail_under:
        message = (
            f"article score {report.score:.1f} ({report.grade}) is below the minimum {policy.fail_under:g}"
        )
        findings.append(
            _own_finding(SCORE_BELOW_THRESHOLD, message, lines, Span.of(text, anchor_start, anchor_end))
        )
    findings.sort(key=lambda item: (item.region.start_line, item.region.start_column, item.rule_id))
    return FileReport(
        path=path, score=report.score, grade=report.grade, claims=len(analysis.claims), findings=findings
    )


def _anchor(analysis: AnalysisResult) -> tuple[int, int]:
    """Where article-level findings point: the headline, else the first paragraph, else the start."""
    article = analysis.article
    headline = next((section.span for section in article.sections if section.name == "headline"), None)
    span = headline or (article.paragraphs[0] if article.paragraphs else None)
    return (span.start, span.end) if span is not None else (0, 0)


BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def _claims_governed(text: str, claims: Sequence[Claim], marker: Span) -> list[Claim]:
    """Return the claims a marker governs.

    A marker on a line of its own governs the paragraph after it: every claim
    starting there, up to the next blank line, in every input format (an HTML
    comment becomes a line of its own when the page is read). A marker inside a
    line governs the first claim that ends after it: the next claim, or the one
    it sits in.
    """
    line_start = text.rfind("\n", 0, marker.start) + 1
    line_end = text.find("\n", marker.end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start : marker.start].strip() or text[marker.end : line_end].strip():
        first = min((c for c in claims if c.span.end > marker.end), key=lambda c: c.span.start, default=None)
        return [] if first is None else [first]
    start = line_end
    while start < len(text) and text[start].isspace():
        start += 1
    blank = BLANK_LINE.search(text, start)
    end = blank.start() if blank is not None else len(text)
    return [claim for claim in claims if start <= claim.span.start < end]


def _named(claims: list[Claim]) -> str:
    """Say which claims a marker governs, for the unused-suppression message."""
    if len(claims) == 1:
        return f"the next claim ({claims[0].id}) has"
    return f"the claims of the next paragraph ({claims[0].id}–{claims[-1].id}) have"


def _silenced_by(finding: Finding, rules: Iterable[str]) -> str | None:
    """Return the marker entry (case-folded) naming this finding's rule by id or name, if any."""
    names = {finding.rule_id.casefold(), finding.rule_name.casefold()}
    return next((rule.casefold() for rule in rules if rule.casefold() in names), None)


def _placed(
    finding: Finding, claim: Claim | None, region: Region, failing: bool, suppression: Suppression | None
) -> CheckFinding:
    return CheckFinding(
        rule_id=finding.rule_id,
        rule_name=finding.rule_name,
        severity=finding.severity,
        message=finding.message,
        claim_id=claim.id if claim is not None else None,
        claim_text=claim.text if claim is not None else None,
        region=region,
        fingerprint=fingerprint(finding.rule_id, claim.text if claim is not None else None),
        failing=failing,
        suppression=suppression,
    )


def _own_finding(
    rule: RuleDescriptor, message: str, lines: LineIndex, span: Span, policy: CheckPolicy | None = None
) -> CheckFinding:
    """Build a finding of the check itself (a marker problem, a score below the floor)."""
    finding = Finding(rule_id=rule.id, rule_name=rule.name, severity=rule.severity, message=message)
    failing = rule.id in ALWAYS_FAILING or (policy is not None and fails(finding, policy))
    return CheckFinding(
        rule_id=rule.id,
        rule_name=rule.name,
        severity=rule.severity,
        message=message,
        region=lines.region(span.start, span.end),
        fingerprint=fingerprint(rule.id, span.text),
        failing=failing,
    )


def apply_baseline(reports: Iterable[FileReport], baseline: Baseline) -> list[FileReport]:
    """Silence the findings the baseline already knows; each known finding silences one occurrence."""
    allowance = baseline.allowance()
    updated: list[FileReport] = []
    for report in reports:
        findings: list[CheckFinding] = []
        for finding in report.findings:
            key = (report.path, finding.rule_id, finding.fingerprint)
            if finding.suppression is None and allowance[key] > 0:
                allowance[key] -= 1
                finding = finding.model_copy(
                    update={"failing": False, "suppression": Suppression(kind=SuppressionKind.BASELINE)}
                )
            findings.append(finding)
        updated.append(report.model_copy(update={"findings": findings}))
    return updated


def baseline_of(result: CheckResult) -> Baseline:
    """Build the baseline that silences every finding of ``result`` not already silenced inline."""
    return Baseline.of(
        [
            (report.path, finding.rule_id, finding.fingerprint)
            for report in result.files
            for finding in report.findings
            if finding.suppression is None or finding.suppression.kind is SuppressionKind.BASELINE
        ]
    )


def _check_file_json(path: Path | str, job: ArticleCheck) -> str:
    """Check one file in a worker process and return JSON, which crosses processes far faster than pickle."""
    return check_file(path, job).model_dump_json()


def _reported(
    reports: Iterable[FileReport], on_report: Callable[[FileReport], None] | None
) -> list[FileReport]:
    """Collect reports in order, telling ``on_report`` about each as it arrives."""
    collected = []
    for report in reports:
        collected.append(report)
        if on_report is not None:
            on_report(report)
    return collected


def run_check(
    files: Sequence[Path | str],
    job: ArticleCheck,
    rules: Sequence[RuleDescriptor] = (),
    unreadable: Sequence[tuple[Path, str]] = (),
    baseline: Baseline | None = None,
    jobs: int = 1,
    on_report: Callable[[FileReport], None] | None = None,
) -> CheckResult:
    """Check ``files`` and URLs (in ``jobs`` worker processes when above 1) and gather one ``CheckResult``.

    ``unreadable`` targets are reported with their problem; ``on_report`` is called as
    each file finishes, in file order, so a caller can show progress.
    """
    reports = [
        FileReport(
            path=display_path(path, job.root),
            error=InputError(str(path), problem).one_line(),
        )
        for path, problem in unreadable
    ]
    if jobs > 1 and len(files) > 1:
        workers = min(jobs, len(files))
        with worker_pool(workers) as pool:
            chunk = max(1, min(64, len(files) // (workers * 8)))
            done: Iterable[FileReport] = (
                FileReport.model_validate_json(report)
                for report in pool.map(partial(_check_file_json, job=job), files, chunksize=chunk)
            )
            reports += _reported(done, on_report)
    else:
        reports += _reported((check_file(path, job) for path in files), on_report)
    if baseline is not None:
        reports = apply_baseline(reports, baseline)
    return CheckResult(policy=job.policy, rules=[*rules, *CHECK_RULES], files=reports)
