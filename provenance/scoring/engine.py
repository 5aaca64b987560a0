"""The rule engine and the score: facts once, every active rule over them, points summed.

The formula (documented in the README, "Sourcing score"): every claim starts at
``BASE_SCORE`` and each finding adds its signed points (penalties negative,
credits positive); the sum is clamped to 0–100. The article score is the mean
of its claim scores plus the points of article-level findings (a second-hand
relay), clamped again. Grades follow the credibility bands readers know from
NewsGuard. Every point is therefore traceable to one finding.
"""

from __future__ import annotations

from collections.abc import Iterator

from provenance.config import Config
from provenance.models import (
    AnalysisResult,
    ClaimScore,
    CrossCheckResult,
    Finding,
    ScoreReport,
    Span,
)
from provenance.scoring.facts import ArticleFacts, ClaimFacts, gather_facts
from provenance.scoring.loader import load_rule_pack, resolve_check
from provenance.scoring.rules import ClaimConditions, Hit, Rule, RulePack

__all__ = ["BASE_SCORE", "GRADES", "grade", "grade_label", "score"]

BASE_SCORE = 70.0
"""Where a claim starts: the floor of "credible with exceptions", before any finding."""

GRADES: tuple[tuple[float, str, str], ...] = (
    (75.0, "A", "well sourced"),
    (60.0, "B", "sourced, with exceptions"),
    (40.0, "C", "weakly sourced: proceed with caution"),
    (0.0, "D", "poorly sourced: proceed with maximum caution"),
)
"""(lowest score, grade, meaning), from the NewsGuard bands: 75+, 60–74, 40–59, under 40."""

EMPTY_ARTICLE_SCORE = 100.0
"""An article with no claims asserts nothing that needs a source."""

SHORT_CLAIM = 60


def grade(score: float) -> str:
    """Return the letter grade of a 0–100 score."""
    return next(letter for floor, letter, _ in GRADES if score >= floor)


def grade_label(letter: str) -> str:
    """Say what a grade means, in words an editor uses."""
    return next(meaning for _, grade_letter, meaning in GRADES if grade_letter == letter)


def score(
    analysis: AnalysisResult,
    config: Config,
    crosscheck: CrossCheckResult | None = None,
    pack: RulePack | None = None,
) -> ScoreReport:
    """Score an analysed article with the config's rules (the default pack plus extra folders)."""
    rules = (pack if pack is not None else load_rule_pack(config.rule_folders)).active(config)
    facts = gather_facts(analysis, crosscheck)
    skipped = [rule.id for rule in rules if "crosscheck" in rule.needs and crosscheck is None]
    by_claim: dict[str, list[Finding]] = {claim.claim.id: [] for claim in facts.claims}
    article_findings: list[Finding] = []
    messages = _MessageValues(facts)
    for rule in rules:
        if rule.id in skipped:
            continue
        for hit in _hits(rule, facts):
            values = {**messages.of(hit.claim_id), **hit.values}
            finding = Finding(
                rule_id=rule.id,
                rule_name=rule.name,
                severity=rule.severity,
                message=rule.message.format_map(values),
                claim_id=hit.claim_id,
                evidence=list(hit.evidence),
                points=round(rule.points * hit.scale, 2),
            )
            if hit.claim_id is None or rule.scope == "article":
                article_findings.append(finding)
            else:
                by_claim.setdefault(hit.claim_id, []).append(finding)
    claim_scores = []
    for claim_id, findings in by_claim.items():
        value = _clamp(BASE_SCORE + sum(finding.points for finding in findings))
        claim_scores.append(ClaimScore(claim_id=claim_id, score=value, grade=grade(value), findings=findings))
    if claim_scores:
        mean = sum(claim.score for claim in claim_scores) / len(claim_scores)
    else:
        mean = EMPTY_ARTICLE_SCORE
    article_score = _clamp(mean + sum(finding.points for finding in article_findings))
    return ScoreReport(
        analysis=analysis,
        crosscheck=crosscheck,
        claim_scores=claim_scores,
        article_findings=article_findings,
        score=article_score,
        grade=grade(article_score),
        skipped_rules=skipped,
    )


def _clamp(value: float) -> float:
    return round(min(100.0, max(0.0, value)), 2)


def _hits(rule: Rule, facts: ArticleFacts) -> Iterator[Hit]:
    """Where the rule matches: its Python check, or its conditions over claims or the article."""
    if rule.check is not None:
        yield from resolve_check(rule.check)(facts, rule)
        return
    conditions = rule.when
    assert conditions is not None  # a rule has exactly one of when/check (validated)
    if rule.scope == "article":
        if conditions.holds(facts):
            evidence = facts.relay_evidence if rule.evidence == "relays" else ()
            yield Hit(claim_id=None, evidence=evidence, scale=_scale(rule, facts))
        return
    for claim in facts.claims:
        if conditions.holds(claim):
            yield Hit(claim_id=claim.claim.id, evidence=_evidence(rule, claim), scale=_scale(rule, claim))


def _scale(rule: Rule, facts: ArticleFacts | ClaimFacts) -> float:
    return float(getattr(facts, rule.scale)) if rule.scale is not None else 1.0


def _evidence(rule: Rule, claim: ClaimFacts) -> tuple[Span, ...]:
    """Pick the spans that show why the rule matched; the claim itself when nothing narrower exists."""
    spans: tuple[Span, ...] = ()
    if rule.evidence == "sources":
        conditions = rule.when
        spans = tuple(
            source.span
            for source in claim.sources
            if not isinstance(conditions, ClaimConditions) or conditions.selects(source)
        )
    elif rule.evidence == "cues":
        spans = claim.cue_spans
    elif rule.evidence == "hedges":
        spans = tuple(hedge.span for hedge in claim.hedges)
    return spans or (claim.claim.span,)


class _MessageValues:
    """Message-template values per claim, built only for claims some rule flags, once each."""

    def __init__(self, facts: ArticleFacts) -> None:
        self._facts = facts
        self._claims = {claim.claim.id: claim for claim in facts.claims}
        self._cache: dict[str | None, dict[str, str]] = {}
        publisher = facts.analysis.publisher_chain.hops
        self._publisher = publisher[0].nodes[0].name if publisher and publisher[0].nodes else "the publisher"

    def of(self, claim_id: str | None) -> dict[str, str]:
        if claim_id not in self._cache:
            self._cache[claim_id] = self._build(claim_id)
        return self._cache[claim_id]

    def _build(self, claim_id: str | None) -> dict[str, str]:
        article = self._facts
        values = {
            "publisher": self._publisher,
            "relays": " → ".join(node.name for node in article.relays) or "no other outlet",
            "chain": article.analysis.publisher_chain.render(),
            "depth": str(article.relay_depth),
            "claims": str(article.claim_count),
        }
        claim = self._claims.get(claim_id) if claim_id is not None else None
        if claim is None:
            return values
        text = claim.claim.text
        short = text if len(text) <= SHORT_CLAIM else text[: SHORT_CLAIM - 1].rstrip() + "…"
        values.update(
            claim=f'{claim.claim.id} "{short}"',
            sources=", ".join(f'"{source.name}"' for source in claim.sources) or "no source",
            cues=", ".join(f'"{span.text}"' for span in claim.cue_spans)
            or ", ".join(sorted(f"{kind.value} cue" for kind in claim.cue_kinds))
            or "no cue",
            hedges=", ".join(f'"{hedge.span.text}"' for hedge in claim.hedges) or "no hedge",
            relays=" → ".join(node.name for node in claim.relays) or "no other outlet",
            chain=claim.claim.chain.render(),
            count=str(claim.headcount),
            depth=str(claim.relay_depth),
            own_depth=str(claim.own_relay_depth),
        )
        return values
