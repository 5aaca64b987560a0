"""The report's content, computed once from a ``ScoreReport`` and shared by every report format.

The text, Markdown and HTML reports show the same things (header, score and the
rules that moved it, claims, sources, the highlighted article text); this
module decides *what* they show, so the formats only decide *how*.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from enum import StrEnum
from itertools import pairwise
from urllib.parse import urlsplit

from provenance.models import (
    AnalysisResult,
    Anonymity,
    Chain,
    Claim,
    ClaimCrossCheck,
    ClaimScore,
    CorpusMatch,
    Finding,
    HopRole,
    ScoreReport,
    SkippedFile,
    SourceType,
)
from provenance.render.graph import AttributionGraph, build_graph
from provenance.scoring import BASE_SCORE, GRADES, moves_score

_FLOORS = {letter: floor for floor, letter, _ in GRADES}
STRONG_AT = _FLOORS["B"]
"""Grades A and B ("well sourced", "sourced, with exceptions") are drawn as strong."""
WEAK_AT = _FLOORS["C"]
"""Grade C ("weakly sourced: proceed with caution") is weak; D is poor."""
TOP_RULES = 5
NO_SOURCE = "no source named"


class Strength(StrEnum):
    """A score band, used to colour claims: strong, weak, poor (or unscored)."""

    STRONG = "strong"
    WEAK = "weak"
    POOR = "poor"
    UNSCORED = "unscored"

    @classmethod
    def of(cls, score: float | None) -> Strength:
        """Band a 0–100 score (``None`` when no rule scored the claim)."""
        if score is None:
            return cls.UNSCORED
        if score >= STRONG_AT:
            return cls.STRONG
        if score >= WEAK_AT:
            return cls.WEAK
        return cls.POOR


def _strength(claim: ClaimScore | None) -> Strength:
    """Band a claim's score; one no finding moved from the base (the reporter's narration) is unscored."""
    if claim is None or (claim.score == BASE_SCORE and not moves_score(claim)):
        return Strength.UNSCORED
    return Strength.of(claim.score)


@dataclass(frozen=True)
class RuleImpact:
    """One rule's effect on the article's score (signed points) and how many findings it made."""

    rule_id: str
    rule_name: str
    points: float
    findings: int


@dataclass(frozen=True)
class Corroboration:
    """How a claim fared against the corpus."""

    independent: int
    dependent: int
    contradictions: int
    outlets: tuple[str, ...]
    matches: tuple[CorpusMatch, ...] = ()

    def summary(self) -> str:
        """Say it in a few words: ``1 independent, 2 dependent, 1 contradiction``."""
        parts = []
        if self.independent:
            parts.append(f"{self.independent} independent")
        if self.dependent:
            parts.append(f"{self.dependent} dependent")
        if self.contradictions:
            plural = "s" if self.contradictions > 1 else ""
            parts.append(f"{self.contradictions} contradiction{plural}")
        return ", ".join(parts) or "no match"


@dataclass(frozen=True)
class ClaimRow:
    """One line of the claims table."""

    id: str
    text: str
    source: str
    source_type: SourceType
    anonymity: Anonymity | None
    chain: str
    inherited: bool
    score: float | None
    grade: str | None
    strength: Strength
    findings: tuple[Finding, ...]
    corroboration: Corroboration | None


@dataclass(frozen=True)
class SourceRow:
    """One distinct source (coreferent mentions merged) and the claims resting on it."""

    id: str
    name: str
    type: SourceType
    anonymity: Anonymity
    on_record: bool
    mentions: int
    claims: tuple[str, ...]


@dataclass(frozen=True)
class TextSegment:
    """A run of article text with uniform marking: inside a claim or not, a cue or not."""

    text: str
    claim_id: str | None = None
    strength: Strength | None = None
    cue: bool = False


@dataclass(frozen=True)
class ReportView:
    """Everything a report shows, in display order."""

    title: str
    outlet: str | None
    date: str | None
    url: str | None
    link: str | None
    path: str | None
    score: float
    grade: str
    meaning: str | None
    strength: Strength
    top_rules: tuple[RuleImpact, ...]
    article_findings: tuple[Finding, ...]
    claims: tuple[ClaimRow, ...]
    sources: tuple[SourceRow, ...]
    segments: tuple[TextSegment, ...]
    graph: AttributionGraph
    corpus: str | None
    corpus_skipped: tuple[SkippedFile, ...]
    skipped_rules: tuple[str, ...]


def safe_link(url: str | None) -> str | None:
    """Return ``url`` if it may be a hyperlink (http/https only), else ``None``.

    Article metadata is untrusted: a ``javascript:`` or ``data:`` URL is shown
    as text, never made clickable.
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in {"http", "https"} and parts.netloc:
        return url.strip()
    return None


def rule_impacts(report: ScoreReport, limit: int = TOP_RULES) -> tuple[RuleImpact, ...]:
    """Rank the rules by how many points they moved the article's score.

    The article score is the mean of the claim scores plus the article-level
    findings, so a claim finding moves it by its points divided by the number
    of claims, and an article finding by its full points (before clamping).
    """
    points: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    names: dict[str, str] = {}
    share = 1 / max(len(report.claim_scores), 1)
    weighted = [(finding, share) for claim in report.claim_scores for finding in claim.findings]
    weighted += [(finding, 1.0) for finding in report.article_findings]
    for finding, weight in weighted:
        points[finding.rule_id] += finding.points * weight
        counts[finding.rule_id] += 1
        names.setdefault(finding.rule_id, finding.rule_name)
    ranked = sorted(points, key=lambda rule_id: (-abs(points[rule_id]), rule_id))
    return tuple(
        RuleImpact(rule_id, names[rule_id], round(points[rule_id], 2), counts[rule_id])
        for rule_id in ranked[:limit]
        if points[rule_id] != 0
    )


def _ultimate(analysis: AnalysisResult, chain: Chain) -> tuple[str, SourceType, Anonymity | None]:
    if chain.inherited or not chain.hops or chain.hops[-1].role is HopRole.PUBLISHER:
        return NO_SOURCE, SourceType.UNATTRIBUTED, None
    nodes = chain.hops[-1].nodes
    names = " / ".join(node.name for node in nodes)
    first = nodes[0]
    if first.source_id is not None:
        mention = analysis.resolve(first.source_id)
        described = analysis.entity_of(mention.id) or mention
        return names, described.type, described.anonymity
    return names, first.type, None


def _corroboration(check: ClaimCrossCheck | None) -> Corroboration:
    if check is None:
        return Corroboration(0, 0, 0, ())
    matches = (*check.independent, *check.dependent, *check.contradictions)
    outlets = tuple(dict.fromkeys(match.outlet or match.article_id for match in matches))
    return Corroboration(
        len(check.independent), len(check.dependent), len(check.contradictions), outlets, matches
    )


def claim_source_ids(analysis: AnalysisResult, claim: Claim) -> list[str]:
    """List the resolved ids of the sources a claim rests on: attributed sources, relays, origins."""
    by_name = {mention.name.casefold(): mention.id for mention in analysis.sources}
    ids = [attribution.source_id for attribution in claim.attributions]
    for hop in claim.chain.hops[1:]:
        ids += [node.source_id or by_name.get(node.name.casefold()) for node in hop.nodes]
    resolved: dict[str, None] = {}
    for source_id in ids:
        if source_id is None:
            continue
        try:
            resolved[analysis.resolve(source_id).id] = None
        except KeyError:
            continue
    return list(resolved)


def _claim_rows(report: ScoreReport) -> tuple[ClaimRow, ...]:
    analysis = report.analysis
    scores = {claim_score.claim_id: claim_score for claim_score in report.claim_scores}
    checks = {check.claim_id: check for check in report.crosscheck.claims} if report.crosscheck else {}
    rows = []
    for claim in sorted(analysis.claims, key=lambda claim: claim.span.start):
        name, source_type, anonymity = _ultimate(analysis, claim.chain)
        claim_score = scores.get(claim.id)
        rows.append(
            ClaimRow(
                id=claim.id,
                text=claim.text,
                source=name,
                source_type=source_type,
                anonymity=anonymity,
                chain=claim.chain.render(),
                inherited=claim.chain.inherited,
                score=claim_score.score if claim_score else None,
                grade=claim_score.grade if claim_score else None,
                strength=_strength(claim_score),
                findings=tuple(claim_score.findings) if claim_score else (),
                corroboration=_corroboration(checks.get(claim.id)) if report.crosscheck else None,
            )
        )
    return tuple(rows)


def _source_rows(analysis: AnalysisResult) -> tuple[SourceRow, ...]:
    """One row per source entity ("Ada Lind", "Lind", "the mayor" and "she" are one), by first mention."""
    mentions: dict[str, int] = defaultdict(int)
    for mention in analysis.sources:
        mentions[analysis.resolve(mention.id).id] += 1
    resting: dict[str, list[str]] = defaultdict(list)
    for claim in analysis.claims:
        for source_id in claim_source_ids(analysis, claim):
            resting[source_id].append(claim.id)
    rows = []
    for mention in analysis.sources:
        if analysis.resolve(mention.id).id != mention.id:
            continue
        described = analysis.entity_of(mention.id) or mention
        rows.append(
            SourceRow(
                id=mention.id,
                name=described.name,
                type=described.type,
                anonymity=described.anonymity,
                on_record=described.on_record,
                mentions=mentions[mention.id],
                claims=tuple(resting[mention.id]),
            )
        )
    return tuple(rows)


def _segments(report: ScoreReport, rows: tuple[ClaimRow, ...]) -> tuple[TextSegment, ...]:
    """Cut the article text at every claim and cue boundary, so each run has one marking.

    One sweep over the sorted boundaries keeps the claims and cues open at each
    point, so long articles cost ``n log n``; where claims overlap, the one
    listed first wins.
    """
    analysis = report.analysis
    text = analysis.article.text
    strengths = {row.id: row.strength for row in rows}
    opening: dict[int, list[tuple[int, str | None]]] = defaultdict(list)
    closing: dict[int, list[tuple[int, str | None]]] = defaultdict(list)
    marks: list[tuple[int, str | None, int, int]] = [
        (order, claim.id, claim.span.start, claim.span.end) for order, claim in enumerate(analysis.claims)
    ]
    marks += [
        (-1, None, attribution.cue.start, attribution.cue.end)
        for claim in analysis.claims
        for attribution in claim.attributions
        if attribution.cue is not None
    ]
    for order, claim_id, start, end in marks:
        if start < end <= len(text):
            opening[start].append((order, claim_id))
            closing[end].append((order, claim_id))
    open_claims: dict[str, int] = {}
    open_cues = 0
    segments: list[TextSegment] = []
    bounds = sorted({0, len(text), *opening, *closing})
    for start, end in pairwise(bounds):
        for _, claim_id in closing[start]:
            if claim_id is None:
                open_cues -= 1
            else:
                open_claims.pop(claim_id, None)
        for order, claim_id in opening[start]:
            if claim_id is None:
                open_cues += 1
            else:
                open_claims[claim_id] = order
        claim_id = min(open_claims, key=open_claims.__getitem__) if open_claims else None
        previous = segments[-1] if segments else None
        if previous and (previous.claim_id, previous.cue) == (claim_id, open_cues > 0):
            segments[-1] = replace(previous, text=previous.text + text[start:end])
        else:
            strength = strengths.get(claim_id) if claim_id else None
            segments.append(TextSegment(text[start:end], claim_id, strength, open_cues > 0))
    return tuple(segments)


def paragraphs(segments: tuple[TextSegment, ...]) -> list[list[TextSegment]]:
    """Split marked segments at blank lines, so each format can lay the text out in paragraphs."""
    result: list[list[TextSegment]] = [[]]
    for segment in segments:
        for index, piece in enumerate(re.split(r"\n\s*\n", segment.text)):
            if index:
                result.append([])
            if piece:
                result[-1].append(TextSegment(piece, segment.claim_id, segment.strength, segment.cue))
    return [paragraph for paragraph in result if "".join(s.text for s in paragraph).strip()]


def build_view(report: ScoreReport) -> ReportView:
    """Compute the content of a report from a scored article."""
    article = report.analysis.article
    rows = _claim_rows(report)
    return ReportView(
        title=article.title or article.path or "(untitled article)",
        outlet=article.outlet,
        date=article.date.isoformat() if article.date else None,
        url=article.url,
        link=safe_link(article.url),
        path=article.path,
        score=report.score,
        grade=report.grade,
        meaning=next((meaning for _, letter, meaning in GRADES if letter == report.grade), None),
        strength=Strength.of(report.score),
        top_rules=rule_impacts(report),
        article_findings=tuple(report.article_findings),
        claims=rows,
        sources=_source_rows(report.analysis),
        segments=_segments(report, rows),
        graph=build_graph(report.analysis, {row.id: row.strength.value for row in rows}),
        corpus=report.crosscheck.corpus if report.crosscheck else None,
        corpus_skipped=tuple(report.crosscheck.skipped) if report.crosscheck else (),
        skipped_rules=tuple(report.skipped_rules),
    )
