"""The rule engine and the score: facts once, every active rule over them, points summed.

The formula (documented in the README, "Sourcing score"): every claim starts at
``BASE_SCORE`` and each finding adds its signed points (penalties negative,
credits positive); the sum is clamped to 0–100. The reporter's own narration
gets no points, so it is neutral: the article score is the mean of the scores
of the claims that findings moved (what rests on anonymous, vague, single or
relayed sources against named, documentary or corroborated ones), with
``PRIOR_CLAIMS`` neutral claims at the base added so that one claim does not
decide an article alone, less ``FAILED_CLAIM_COST`` for every claim with an
error finding (one the newsroom rule fails: an article that has one is not
"well sourced" however many named quotes surround it), plus the points of
article-level findings (a second-hand relay), clamped again. Grades follow the credibility bands readers
know from NewsGuard. Every point is therefore traceable to one finding.
"""

from __future__ import annotations

import string
from collections import ChainMap
from collections.abc import Callable, Iterator, Mapping
from typing import Any, NamedTuple, cast

from provenance.config import Config
from provenance.models import (
    AnalysisResult,
    ClaimScore,
    CrossCheckResult,
    Finding,
    ScoreReport,
    Severity,
)
from provenance.scoring.facts import ArticleFacts, ClaimFacts, gather_facts
from provenance.scoring.loader import load_rule_pack, resolve_check
from provenance.scoring.rules import UNSOURCED, ClaimConditions, Hit, Rule, RulePack, conjunction_source

__all__ = [
    "BASE_SCORE",
    "FAILED_CLAIM_COST",
    "GRADES",
    "PRIOR_CLAIMS",
    "grade",
    "grade_label",
    "moves_score",
    "score",
]

BASE_SCORE = 70.0
"""Where a claim starts: the floor of "credible with exceptions", before any finding."""

GRADES: tuple[tuple[float, str, str], ...] = (
    (75.0, "A", "well sourced"),
    (60.0, "B", "sourced, with exceptions"),
    (40.0, "C", "weakly sourced: proceed with caution"),
    (0.0, "D", "poorly sourced: proceed with maximum caution"),
)
"""(lowest score, grade, meaning), from the NewsGuard bands: 75+, 60–74, 40–59, under 40."""

FAILED_CLAIM_COST = 5.0
"""What each claim with an error finding costs the article beyond its own share of the mean."""

PRIOR_CLAIMS = 1
"""Neutral claims at ``BASE_SCORE`` mixed into every article's mean: an article with one attributed
claim is judged on it, but less surely than one with twenty."""

SHORT_CLAIM = 60


def grade(score: float) -> str:
    """Return the letter grade of a 0–100 score."""
    for floor, letter, _ in GRADES:
        if score >= floor:
            return letter
    return GRADES[-1][1]


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
    selection = _selection(
        pack if pack is not None else load_rule_pack(config.rule_folders), config, crosscheck is not None
    )
    facts = gather_facts(analysis, crosscheck)
    messages = _MessageValues(facts)
    article_findings, claim_extras = _other_findings(selection.other_rules, facts, messages)
    claim_scores = selection.score_claims(facts.claims, messages.article, claim_extras)
    if claim_extras:
        claim_scores.extend(_scores_of_unknown_claims(facts, claim_extras))
    article_score = _clamp(_sourcing_mean(claim_scores) + sum(finding.points for finding in article_findings))
    return ScoreReport(
        analysis=analysis,
        crosscheck=crosscheck,
        claim_scores=claim_scores,
        article_findings=article_findings,
        score=article_score,
        grade=grade(article_score),
        skipped_rules=list(selection.skipped),
    )


def moves_score(claim: ClaimScore) -> bool:
    """Whether a claim's findings moved its score; the reporter's narration is neutral and does not."""
    return any(finding.points for finding in claim.findings)


def _sourcing_mean(claim_scores: list[ClaimScore]) -> float:
    """Average the claims whose sourcing moved their score, narration left out, shrunk towards the base.

    Every claim with an error finding then costs ``FAILED_CLAIM_COST`` more.
    """
    moved = [claim.score for claim in claim_scores if moves_score(claim)]
    failed = sum(1 for claim in claim_scores if any(f.severity is Severity.ERROR for f in claim.findings))
    return (sum(moved) + PRIOR_CLAIMS * BASE_SCORE) / (len(moved) + PRIOR_CLAIMS) - FAILED_CLAIM_COST * failed


def _other_findings(
    rules: tuple[Rule, ...], facts: ArticleFacts, messages: _MessageValues
) -> tuple[list[Finding], dict[str, list[Finding]]]:
    """Run the Python rules and article rules: findings on the article, and findings by claim id."""
    article_findings: list[Finding] = []
    claim_findings: dict[str, list[Finding]] = {}
    for rule in rules:
        for hit in _hits(rule, facts):
            values = messages.of(hit.claim_id)
            finding = Finding(
                rule_id=rule.id,
                rule_name=rule.name,
                severity=rule.severity,
                message=rule.message.format_map(
                    values if hit.values is None else ChainMap(dict(hit.values), values)
                ),
                claim_id=hit.claim_id,
                evidence=hit.evidence,
                points=rule.points * hit.scale,
            )
            if hit.claim_id is None or rule.scope == "article":
                article_findings.append(finding)
            else:
                claim_findings.setdefault(hit.claim_id, []).append(finding)
    return article_findings, claim_findings


def _scores_of_unknown_claims(
    facts: ArticleFacts, claim_findings: dict[str, list[Finding]]
) -> list[ClaimScore]:
    """Score the claims a Python rule named that the analysis does not have, from its findings alone."""
    known = {claim.claim.id for claim in facts.claims}
    scores = []
    for claim_id, findings in claim_findings.items():
        if claim_id not in known:
            value = _clamp(BASE_SCORE + sum(finding.points for finding in findings))
            scores.append(
                ClaimScore.trusted(
                    {"claim_id": claim_id, "score": value, "grade": grade(value), "findings": findings}
                )
            )
    return scores


ClaimScorer = Callable[
    [tuple[ClaimFacts, ...], Mapping[str, str], dict[str, list[Finding]]], list[ClaimScore]
]
"""Compiled claim rules: from every claim's facts, the article's message values and the findings other
rules made on each claim, a score per claim."""


class _Selection(NamedTuple):
    """What one rule pack and config make of every article: the rules that run, split and compiled."""

    pack: RulePack
    config: Config
    skipped: tuple[str, ...]
    other_rules: tuple[Rule, ...]
    score_claims: ClaimScorer


_SELECTIONS: dict[tuple[int, int, bool], _Selection] = {}
SELECTION_CACHE_SIZE = 64
"""Rule pack and config pairs whose compiled rules are kept; a run uses one, a test suite a few dozen."""


def _selection(pack: RulePack, config: Config, crosschecked: bool) -> _Selection:
    """Return the rules a pack and config run, compiling them the first time the pair is seen.

    Both are immutable, so the pair is keyed by identity; the cached entry holds
    them, so their identities cannot be reused while it lives. Rules that need
    cross-check data are skipped, not run, for an article checked against no corpus.
    """
    key = (id(pack), id(config), crosschecked)
    cached = _SELECTIONS.get(key)
    if cached is None:
        rules = pack.active(config)
        skipped = tuple(rule.id for rule in rules if "crosscheck" in rule.needs and not crosschecked)
        runnable = [rule for rule in rules if rule.id not in skipped]
        claim_rules = [rule for rule in runnable if isinstance(rule.when, ClaimConditions)]
        if len(_SELECTIONS) >= SELECTION_CACHE_SIZE:
            _SELECTIONS.clear()
        cached = _SELECTIONS[key] = _Selection(
            pack,
            config,
            skipped,
            tuple(rule for rule in runnable if not isinstance(rule.when, ClaimConditions)),
            _compile_claim_scorer(claim_rules),
        )
    return cached


def _compile_claim_scorer(rules: list[Rule]) -> ClaimScorer:
    """Turn the declarative claim rules into one function that scores every claim of an article.

    This loop runs for every claim of every article, so it is written out once
    per rule selection as plain Python (the way ``compile_tests`` builds one
    rule's conditions): each rule becomes an ``if`` over the claim's facts, with
    its constants bound by name, its message written as a concatenation and its
    evidence as a list expression. A message value ("the claim's sources") is
    worked out once per claim, when a finding first needs it, and a total's
    clamped score and grade once per article. Sourced and unsourced claims
    take separate branches, each with only the tests whose outcome the branch
    does not already know: a rule an unsourced claim can never match is not
    in the unsourced branch at all.
    """
    bound: dict[str, Any] = {
        "__builtins__": {"bool": bool, "list": list},
        "BASE_SCORE": BASE_SCORE,
        "new_finding": Finding.trusted,
        "new_claim_score": ClaimScore.trusted,
        "grade": grade,
        "clamp": _clamp,
    }
    branches: dict[bool, list[str]] = {True: [], False: []}
    values: set[str] = set()
    for index, rule in enumerate(rules):
        conditions = rule.when
        assert isinstance(conditions, ClaimConditions)  # only claim-scoped declarative rules are compiled
        prefix = f"rule{index}_"
        bound.update(
            {
                f"{prefix}id": rule.id,
                f"{prefix}name": rule.name,
                f"{prefix}severity": rule.severity,
                f"{prefix}points": rule.points,
            }
        )
        message, needed = _message_source(rule.message, bound, prefix)
        values.update(needed)
        finding = [
            f"    points = {prefix}points" + (f" * facts.{rule.scale}" if rule.scale is not None else ""),
            "    total += points",
            *(
                line
                for name in needed
                for line in (f"    if value_{name} is None:", f"        value_{name} = compute_{name}(facts)")
            ),
            "    findings.append(new_finding({",
            f"        'rule_id': {prefix}id, 'rule_name': {prefix}name, 'severity': {prefix}severity,",
            f"        'message': {message}, 'claim_id': claim_id,",
            f"        'evidence': {_evidence_source(rule, conditions, bound, prefix)}, 'points': points}}))",
        ]
        for sourced, known in ((True, SOURCED), (False, UNSOURCED)):
            tests = conditions.residual_tests(known)
            if tests is not None:
                test = conjunction_source(tests, bound, f"{prefix}{'sourced' if sourced else 'unsourced'}_")
                branches[sourced].extend([f"if {test}:", *finding])
    bound.update({f"compute_{name}": CLAIM_VALUES[name] for name in values})
    source = "\n".join(
        [
            "def score_claims(claims, article, extras):",
            "    scores = []",
            "    grades = {}",
            "    for facts in claims:",
            "        claim_id = facts.claim.id",
            "        findings = []",
            "        total = BASE_SCORE",
            *(f"        value_{name} = None" for name in sorted(values)),
            "        if facts.sourced:",
            *(f"            {line}" for line in branches[True] or ["pass"]),
            "        else:",
            *(f"            {line}" for line in branches[False] or ["pass"]),
            "        if extras and claim_id in extras:",
            "            for finding in extras[claim_id]:",
            "                findings.append(finding)",
            "                total += finding.points",
            "        graded = grades.get(total)",
            "        if graded is None:",
            "            value = clamp(total)",
            "            graded = grades[total] = (value, grade(value))",
            "        scores.append(new_claim_score({",
            "            'claim_id': claim_id, 'score': graded[0], 'grade': graded[1],",
            "            'findings': findings}))",
            "    return scores",
        ]
    )
    exec(source, bound)
    return cast(ClaimScorer, bound["score_claims"])


def _message_source(template: str, bound: dict[str, Any], prefix: str) -> tuple[str, list[str]]:
    """Write a claim message template as an expression, and name the claim values it needs.

    Literal text is bound by name and claim values are the scorer's per-claim
    locals (``value_sources``); article values are looked up in the article's
    lazy mapping. A template with a format spec or conversion (``{depth:>2}``)
    keeps ``str.format_map``'s full rules.
    """
    fields = list(string.Formatter().parse(template))
    if any(spec or conversion for _, field, spec, conversion in fields if field is not None):
        bound[f"{prefix}template"] = template
        bound["ClaimPlaceholders"] = _ClaimPlaceholders
        return f"{prefix}template.format_map(ClaimPlaceholders(facts, article))", []
    pieces: list[str] = []
    needed: list[str] = []
    for index, (literal, field, _, _) in enumerate(fields):
        if literal:
            bound[f"{prefix}text{index}"] = literal
            pieces.append(f"{prefix}text{index}")
        if field is None:
            continue
        if field in CLAIM_VALUES:
            pieces.append(f"value_{field}")
            if field not in needed:
                needed.append(field)
        else:
            bound[f"{prefix}key{index}"] = field
            pieces.append(f"article[{prefix}key{index}]")
    return " + ".join(pieces) or repr(""), needed


def _evidence_source(rule: Rule, conditions: ClaimConditions, bound: dict[str, Any], prefix: str) -> str:
    """Write the spans that show why a rule matched a claim as a list expression.

    The claim itself is the evidence when nothing narrower exists.
    """
    if rule.evidence == "sources":
        selected = conditions.evidence_filter_source(bound, prefix)
        if selected is not None:
            return f"([source.span for source in facts.sources if {selected}] or [facts.claim.span])"
        return "(list(facts.source_spans) or [facts.claim.span])"
    if rule.evidence == "cues":
        return "(list(facts.cue_spans) or [facts.claim.span])"
    if rule.evidence == "hedges":
        return "([hedge.span for hedge in facts.hedges] or [facts.claim.span])"
    return "[facts.claim.span]"


SOURCED = {"sourced": True}
"""What the branch for sourced claims knows of every claim in it."""


def _clamp(value: float) -> float:
    """Keep a score within 0–100, to two decimals (most totals are whole: no rounding needed)."""
    if value <= 0.0:
        return 0.0
    if value >= 100.0:
        return 100.0
    return value if value.is_integer() else round(value, 2)


def _hits(rule: Rule, facts: ArticleFacts) -> Iterator[Hit]:
    """Where a Python rule or an article rule matches (claim conditions run in the per-claim loop)."""
    if rule.check is not None:
        yield from resolve_check(rule.check)(facts, rule)
    elif rule.when is not None and rule.when.holds(facts):
        spans = facts.relay_evidence if rule.evidence == "relays" else ()
        yield Hit(claim_id=None, evidence=spans, scale=_scale(rule, facts))


def _scale(rule: Rule, facts: ArticleFacts) -> float:
    return float(getattr(facts, rule.scale)) if rule.scale is not None else 1.0


class _MessageValues:
    """Message values for the findings of Python rules and article rules, which name their claim by id.

    Article values (the publisher, the relays) are worked out once per article,
    on first use, and shared by every message.
    """

    def __init__(self, facts: ArticleFacts) -> None:
        self.article = _ArticlePlaceholders(facts)
        self._facts = facts
        self._claims: dict[str, ClaimFacts] | None = None

    def of(self, claim_id: str | None) -> dict[str, str]:
        """Return the values for a hit on this claim (or on none: the article)."""
        if claim_id is None:
            return self.article
        if self._claims is None:
            self._claims = {claim.claim.id: claim for claim in self._facts.claims}
        claim = self._claims.get(claim_id)
        return self.article if claim is None else _ClaimPlaceholders(claim, self.article)


class _ArticlePlaceholders(dict[str, str]):
    """A lazy mapping for ``str.format_map`` of the article's values; an unknown key is a ``KeyError``."""

    def __init__(self, facts: ArticleFacts) -> None:
        super().__init__()
        self._facts = facts

    def __missing__(self, key: str) -> str:
        value = self[key] = ARTICLE_VALUES[key](self._facts)
        return value


class _ClaimPlaceholders(dict[str, str]):
    """A lazy mapping for ``str.format_map``: a claim's own values first, then the article's."""

    def __init__(self, claim: ClaimFacts, article: Mapping[str, str]) -> None:
        super().__init__()
        self._claim = claim
        self._article = article

    def __missing__(self, key: str) -> str:
        compute = CLAIM_VALUES.get(key)
        value = self[key] = compute(self._claim) if compute is not None else self._article[key]
        return value


def _publisher(article: ArticleFacts) -> str:
    hops = article.analysis.publisher_chain.hops
    return hops[0].nodes[0].name if hops and hops[0].nodes else "the publisher"


def _relay_names(facts: ArticleFacts | ClaimFacts) -> str:
    return " → ".join(node.name for node in facts.relays) or "no other outlet"


ARTICLE_VALUES: dict[str, Callable[[ArticleFacts], str]] = {
    "publisher": _publisher,
    "relays": _relay_names,
    "chain": lambda article: article.analysis.publisher_chain.render(),
    "depth": lambda article: str(article.relay_depth),
    "claims": lambda article: str(article.claim_count),
}
"""How each article placeholder of a message template is worked out."""


def _claim_label(claim: ClaimFacts) -> str:
    text = claim.claim.text
    short = text if len(text) <= SHORT_CLAIM else text[: SHORT_CLAIM - 1].rstrip() + "…"
    return f'{claim.claim.id} "{short}"'


def _cues(claim: ClaimFacts) -> str:
    quoted = ", ".join([f'"{span.text}"' for span in claim.cue_spans])
    return quoted or ", ".join(sorted(f"{kind.value} cue" for kind in claim.cue_kinds)) or "no cue"


CLAIM_VALUES: dict[str, Callable[[ClaimFacts], str]] = {
    "claim": _claim_label,
    "sources": lambda claim: ", ".join([f'"{source.name}"' for source in claim.sources]) or "no source",
    "cues": _cues,
    "hedges": lambda claim: ", ".join([f'"{hedge.span.text}"' for hedge in claim.hedges]) or "no hedge",
    "relays": _relay_names,
    "chain": lambda claim: claim.claim.chain.render(),
    "count": lambda claim: str(claim.headcount),
    "depth": lambda claim: str(claim.relay_depth),
    "own_depth": lambda claim: str(claim.own_relay_depth),
    "corroborators": lambda claim: (
        ", ".join([f'"{source.name}"' for source in claim.corroborators]) or "no other source"
    ),
}
"""How each claim placeholder is worked out; the others fall back to the article's values."""
