"""Every rule's own ``pass``/``fail`` examples, run through the real pipeline.

One parametrised test reads the examples from the rule files: adding a rule file
(or an example to one) adds test cases here with no test code. A ``fail``
example must be flagged by its rule on the claim it names (or anywhere, for an
article rule or an example without ``claim``); a ``pass`` example must not be.
An example marked ``xfail`` in its rule file documents a known extraction
limitation and is expected to fail, strictly.
"""

from __future__ import annotations

import pytest

from provenance.config import Config
from provenance.extract import analyze
from provenance.ingest import parse_article
from provenance.models import (
    AnalysisResult,
    ClaimCrossCheck,
    CorpusMatch,
    CrossCheckResult,
    Finding,
    MatchRelation,
)
from provenance.scoring import Example, Rule, load_rule_pack, score

PACK = load_rule_pack(plugins=False)
CASES = [
    pytest.param(
        rule,
        example,
        id=f"{rule.id}-{rule.name}-{example.kind}{index}",
        marks=[pytest.mark.xfail(reason=example.xfail, strict=True)] if example.xfail else [],
    )
    for rule in PACK.rules
    for index, example in enumerate(rule.examples)
]


def _crosscheck(analysis: AnalysisResult, example: Example) -> CrossCheckResult | None:
    """Synthesise the corpus matches an example asks for, on the claim it names."""
    if example.crosscheck is None:
        return None
    counts = example.crosscheck

    def matches(relation: MatchRelation, count: int, prefix: str) -> list[CorpusMatch]:
        return [
            CorpusMatch(
                article_id=f"{prefix}{index}",
                outlet=f"Outlet {prefix.upper()}{index}",
                sentence="(matched sentence)",
                similarity=90,
                relation=relation,
                chain=f"Outlet {prefix.upper()}{index}",
            )
            for index in range(count)
        ]

    entries = [
        ClaimCrossCheck(
            claim_id=claim.id,
            independent=matches(MatchRelation.CORROBORATES, counts.independent, "i"),
            dependent=matches(MatchRelation.CORROBORATES, counts.dependent, "d"),
            contradictions=matches(MatchRelation.CONTRADICTS, counts.contradictions, "c"),
        )
        for claim in analysis.claims
        if example.claim is None or example.claim in claim.text
    ]
    return CrossCheckResult(corpus="examples", claims=entries)


def _findings(rule: Rule, example: Example) -> list[Finding]:
    analysis = analyze(parse_article(example.text))
    report = score(analysis, Config(select=(rule.id,)), _crosscheck(analysis, example), pack=PACK)
    assert rule.id not in report.skipped_rules
    if rule.scope == "article" or example.claim is None:
        return [*report.article_findings, *(f for claim in report.claim_scores for f in claim.findings)]
    named = [claim.id for claim in analysis.claims if example.claim in claim.text]
    assert named, f"no claim contains {example.claim!r}: {[claim.text for claim in analysis.claims]}"
    return [f for claim in report.claim_scores if claim.claim_id in named for f in claim.findings]


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_rule_example(rule: Rule, example: Example) -> None:
    findings = [finding for finding in _findings(rule, example) if finding.rule_id == rule.id]
    if example.kind == "fail":
        assert findings, f"{rule.id} should flag: {example.text.strip()}"
        assert all(finding.evidence for finding in findings)
    else:
        assert not findings, f"{rule.id} should not flag: {[finding.message for finding in findings]}"


def test_every_rule_contributes_cases() -> None:
    covered = {case.values[0].id for case in CASES}
    assert covered == set(PACK.ids)
