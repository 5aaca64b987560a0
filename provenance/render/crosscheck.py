"""Terminal rendering of a cross-check: per claim, who corroborates it, through which chain."""

from __future__ import annotations

from provenance.corpus.pairs import BinaryScores, ClaimPairEvaluation
from provenance.models import ClaimCrossCheck, CorpusIndexSummary, CorpusMatch, CrossCheckResult, SkippedFile
from provenance.render.controls import show_controls, show_controls_in_line

__all__ = ["render_claim_pair_evaluation", "render_crosscheck", "render_index_summary"]

_EXCERPT = 160


def render_crosscheck(result: CrossCheckResult) -> str:
    """Render a cross-check as plain text: independent, dependent and contradicting matches per claim."""
    size = f"{result.articles} articles" if result.articles is not None else "corpus"
    threshold = f", similarity ≥ {result.threshold:g}" if result.threshold is not None else ""
    lines = [f"{result.article or 'article'} against {result.corpus} ({size}{threshold})"]
    if result.undated_score is not None:
        lines.append(
            f"no date on this article: a match needed similarity ≥ {result.undated_score:g} and no name"
            " the other sentence lacks; a date (front matter `date:` or a manifest column)"
            " lets paraphrases count"
        )
    lines.append("")
    for check in result.claims:
        lines.extend(_claim_lines(check))
    independent = sum(1 for check in result.claims if check.independent)
    dependent_only = sum(1 for check in result.claims if check.dependent and not check.independent)
    contradicted = sum(1 for check in result.claims if check.contradictions)
    unmatched = sum(
        1 for check in result.claims if not (check.independent or check.dependent or check.contradictions)
    )
    lines.append(
        f"{len(result.claims)} claims: {independent} independently corroborated,"
        f" {dependent_only} only through a shared upstream, {contradicted} contradicted,"
        f" {unmatched} none found"
    )
    return show_controls("\n".join(lines)) + "".join(f"\n{line}" for line in _skipped_lines(result.skipped))


def _claim_lines(check: ClaimCrossCheck) -> list[str]:
    lines = [f"{check.claim_id}  {_excerpt(check.claim or '')}"]
    if not (check.independent or check.dependent or check.contradictions):
        lines.extend(["    none found", ""])
        return lines
    for heading, matches in (
        ("independent", check.independent),
        ("dependent", check.dependent),
        ("contradicted by", check.contradictions),
    ):
        if matches:
            lines.append(f"    {heading} ({len(matches)}):")
            lines.extend(line for match in matches for line in _match_lines(match))
    lines.append("")
    return lines


def _match_lines(match: CorpusMatch) -> list[str]:
    lines = [
        f"      {match.similarity:5.1f}  {match.outlet or match.article_title or match.article_id}"
        f"  [{match.article_id}]",
        f"             {_excerpt(match.sentence)}",
        f"             chain: {match.chain}",
    ]
    if match.upstream:
        lines.append(f"             shares upstream: {match.upstream}")
    if match.reason:
        lines.append(f"             {match.reason}")
    return lines


def _excerpt(text: str) -> str:
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1].rstrip() + "…"


def render_index_summary(summary: CorpusIndexSummary) -> str:
    """Render what ``provenance index`` built, with one line per skipped file."""
    counts = f"{summary.articles} articles ({summary.claims} claims)"
    built = f"indexed {counts} from {summary.corpus} into {summary.index}"
    return "\n".join([show_controls_in_line(built), *_skipped_lines(summary.skipped)])


def _skipped_lines(skipped: list[SkippedFile]) -> list[str]:
    """One line per corpus file left out of the index, with the reason (each kept to one line)."""
    return [
        f"skipped {show_controls_in_line(item.path)}: {show_controls_in_line(item.problem)}"
        for item in skipped
    ]


def render_claim_pair_evaluation(report: ClaimPairEvaluation) -> str:
    """Render the matcher's figures on a pair file: accuracy, precision, recall and F1 per decision."""
    lines = [f"{report.path} ({report.format}, {report.match.pairs + report.partial} pairs)"]
    lines.append(_scores_line("same claim", report.match))
    if report.partial:
        lines.append(f"  ({report.partial} partial pairs left out of the match figures)")
    if report.contradiction is not None:
        lines.append(_scores_line("contradiction", report.contradiction))
    return show_controls("\n".join(lines))


def _scores_line(name: str, scores: BinaryScores) -> str:
    predicted = scores.true_positive + scores.false_positive
    labelled = scores.true_positive + scores.false_negative
    return (
        f"{name:14s} accuracy {scores.accuracy:.3f}"
        f"  precision {scores.precision:.3f} ({scores.true_positive}/{predicted})"
        f"  recall {scores.recall:.3f} ({scores.true_positive}/{labelled})  F1 {scores.f1:.3f}"
    )
