"""The rule engine and the score: facts once, every active rule over them, points summed.

The formula (documented in the README, "Sourcing score"): every claim starts at
``BASE_SCORE`` and each finding adds its signed points (penalties negative,
credits positive); the sum is clamped to 0–100. The article score is the mean
of its claim scores plus the points of article-level findings (a second-hand
relay), clamped again. Grades follow the credibility bands readers know from
NewsGuard. Every point is therefore traceable to one finding.
"""

from __future__ import annotations

import string
from collections import ChainMap
from collections.abc import Callable, Hashable, Iterator, Mapping
from functools import lru_cache
from typing import Any, TypeVar, cast

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
from provenance.scoring.rules import ClaimConditions, Hit, Rule, RulePack, conjunction_source

__all__ = ["BASE_SCORE", "GRADES", "grade", "grade_label", "score"]

_Model = TypeVar("_Model", Finding, ClaimScore)

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
    rules = (pack if pack is not None else load_rule_pack(config.rule_folders)).active(config)
    facts = gather_facts(analysis, crosscheck)
    skipped = [rule.id for rule in rules if "crosscheck" in rule.needs and crosscheck is None]
    messages = _MessageValues(facts)
    runnable = [rule for rule in rules if rule.id not in skipped]
    claim_rules = [rule for rule in runnable if isinstance(rule.when, ClaimConditions)]
    other_rules = [rule for rule in runnable if not isinstance(rule.when, ClaimConditions)]
    article_findings, claim_extras = _other_findings(other_rules, facts, messages)
    claim_scores = _claim_scorer(claim_rules)(facts.claims, messages.article, claim_extras)
    if claim_extras:
        claim_scores.extend(_scores_of_unknown_claims(facts, claim_extras))
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


def _other_findings(
    rules: list[Rule], facts: ArticleFacts, messages: _MessageValues
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
                _trusted(
                    ClaimScore,
                    {"claim_id": claim_id, "score": value, "grade": grade(value), "findings": findings},
                )
            )
    return scores


ClaimScorer = Callable[
    [tuple[ClaimFacts, ...], Mapping[str, str], dict[str, list[Finding]]], list[ClaimScore]
]
"""Compiled claim rules: every claim's facts, the article's message values and other rules' findings by claim
in; a score per claim out."""

_SCORERS: dict[tuple[Hashable, ...], tuple[tuple[Rule, ...], ClaimScorer]] = {}
SCORER_CACHE_SIZE = 64
"""Distinct rule selections whose compiled scorers are kept; a config makes one, a test suite a few dozen."""


def _claim_scorer(rules: list[Rule]) -> ClaimScorer:
    """Return the compiled scorer of these claim rules, compiling it the first time they are seen.

    The key is everything the compiled code bakes in; a rule's conditions count
    by identity (they are immutable and compiled once), and the cached entry
    holds the rules so that identity cannot be reused while it lives.
    """
    key = tuple(
        (
            id(rule.when),
            rule.id,
            rule.name,
            rule.severity,
            rule.points,
            rule.message,
            rule.scale,
            rule.evidence,
        )
        for rule in rules
    )
    cached = _SCORERS.get(key)
    if cached is None:
        if len(_SCORERS) >= SCORER_CACHE_SIZE:
            _SCORERS.clear()
        cached = _SCORERS[key] = (tuple(rules), _compile_claim_scorer(rules))
    return cached[1]


def _compile_claim_scorer(rules: list[Rule]) -> ClaimScorer:
    """Turn the declarative claim rules into one function that scores every claim of an article.

    This loop runs for every claim of every article, so it is written out once
    per rule selection as plain Python (the way ``compile_tests`` builds one
    rule's conditions): each rule becomes an ``if`` over the claim's facts with
    its constants bound by name, and the rules an unsourced claim can never
    match are left out of the branch for unsourced claims.
    """
    bound: dict[str, Any] = {
        "__builtins__": {"bool": bool},
        "BASE_SCORE": BASE_SCORE,
        "Finding": Finding,
        "ClaimScore": ClaimScore,
        "trusted": _trusted,
        "claim_label": _claim_label,
        "grade": grade,
        "clamp": _clamp,
    }
    sourced: list[str] = []
    unsourced: list[str] = []
    for index, rule in enumerate(rules):
        conditions = rule.when
        assert isinstance(conditions, ClaimConditions)  # only claim-scoped declarative rules are compiled
        bound.update(
            {
                f"rule_id{index}": rule.id,
                f"rule_name{index}": rule.name,
                f"severity{index}": rule.severity,
                f"points{index}": rule.points,
                f"render{index}": _claim_message(rule.message),
                f"pick{index}": _evidence_picker(rule, conditions),
            }
        )
        block = [
            f"if {conjunction_source(conditions.tests, bound, f'rule{index}_')}:",
            f"    points = points{index}" + (f" * facts.{rule.scale}" if rule.scale is not None else ""),
            "    total += points",
            "    if label is None:",
            "        label = claim_label(facts)",
            f"    message = render{index}(facts, article, label)",
            "    findings.append(trusted(Finding, {",
            f"        'rule_id': rule_id{index}, 'rule_name': rule_name{index}, 'severity': severity{index},",
            "        'message': message, 'claim_id': claim_id,",
            f"        'evidence': pick{index}(facts), 'points': points}}))",
        ]
        sourced.extend(block)
        if not conditions.needs_sources:
            unsourced.extend(block)
    source = "\n".join(
        [
            "def score_claims(claims, article, extras):",
            "    scores = []",
            "    for facts in claims:",
            "        claim_id = facts.claim.id",
            "        findings = []",
            "        total = BASE_SCORE",
            "        label = None",
            "        if facts.sourced:",
            *(f"            {line}" for line in sourced or ["pass"]),
            "        else:",
            *(f"            {line}" for line in unsourced or ["pass"]),
            "        if extras and claim_id in extras:",
            "            for finding in extras[claim_id]:",
            "                findings.append(finding)",
            "                total += finding.points",
            "        value = clamp(total)",
            "        scores.append(trusted(ClaimScore, {",
            "            'claim_id': claim_id, 'score': value, 'grade': grade(value),",
            "            'findings': findings}))",
            "    return scores",
        ]
    )
    exec(source, bound)
    return cast(ClaimScorer, bound["score_claims"])


def _trusted(model: type[_Model], fields: dict[str, Any]) -> _Model:
    """Build a contract model from values the engine derived from validated input, without re-validating.

    Rule files, config and the analysis are validated where they are read; a
    finding or claim score built from them is valid by construction, and the
    engine builds thousands per second. This is what ``model_construct`` does,
    without its per-field Python loop (it is slower than validating small
    models): every field is given, so every field is set. The set of set
    fields is shared: a frozen model never changes it, and a copy gets its own.
    """
    instance = _new(model)
    _set(instance, "__dict__", fields)
    _set(instance, "__pydantic_fields_set__", _EVERY_FIELD[model])
    _set(instance, "__pydantic_extra__", None)
    _set(instance, "__pydantic_private__", None)
    return instance


_new = object.__new__
_set = object.__setattr__
_EVERY_FIELD = {model: set(model.model_fields) for model in (Finding, ClaimScore)}


def _clamp(value: float) -> float:
    if value <= 0.0:
        return 0.0
    return 100.0 if value >= 100.0 else round(value, 2)


def _hits(rule: Rule, facts: ArticleFacts) -> Iterator[Hit]:
    """Where a Python rule or an article rule matches (claim conditions run in the per-claim loop)."""
    if rule.check is not None:
        yield from resolve_check(rule.check)(facts, rule)
    elif rule.when is not None and rule.when.holds(facts):
        spans = facts.relay_evidence if rule.evidence == "relays" else ()
        yield Hit(claim_id=None, evidence=spans, scale=_scale(rule, facts))


def _scale(rule: Rule, facts: ArticleFacts) -> float:
    return float(getattr(facts, rule.scale)) if rule.scale is not None else 1.0


def _evidence_picker(rule: Rule, conditions: ClaimConditions) -> Callable[[ClaimFacts], list[Span]]:
    """Choose, once per rule, how to pick the spans that show why it matched a claim.

    The claim itself is the evidence when nothing narrower exists.
    """
    if rule.evidence == "sources":
        if conditions.filters_sources:
            selects = conditions.selects
            return lambda claim: (
                [source.span for source in claim.sources if selects(source)] or [claim.claim.span]
            )
        return lambda claim: list(claim.source_spans) or [claim.claim.span]
    if rule.evidence == "cues":
        return lambda claim: list(claim.cue_spans) or [claim.claim.span]
    if rule.evidence == "hedges":
        return lambda claim: [hedge.span for hedge in claim.hedges] or [claim.claim.span]
    return lambda claim: [claim.claim.span]


MessageRenderer = Callable[[ClaimFacts, Mapping[str, str], str], str]
"""A compiled claim message: the claim's facts, the article's values and its label in; the message out."""


@lru_cache(maxsize=256)
def _claim_message(template: str) -> MessageRenderer:
    """Compile a claim rule's message template into one function that concatenates its pieces.

    Every finding's message is built from its template, so the template is read
    once: literal text and value functions are bound by name (as in
    ``compile_tests``), claim values are worked out from the claim, article
    values looked up in the article's lazy mapping. A template with a format
    spec or conversion (``{depth:>2}``) keeps ``str.format_map``'s full rules.
    """
    fields = list(string.Formatter().parse(template))
    if any(spec or conversion for _, field, spec, conversion in fields if field is not None):
        return lambda claim, article, label: template.format_map(_ClaimPlaceholders(claim, article))
    bound: dict[str, Any] = {"__builtins__": {}}
    pieces: list[str] = []
    for index, (literal, field, _, _) in enumerate(fields):
        if literal:
            bound[f"text{index}"] = literal
            pieces.append(f"text{index}")
        if field is None:
            continue
        if field == "claim":
            pieces.append("label")
        elif field in CLAIM_VALUES:
            bound[f"value{index}"] = CLAIM_VALUES[field]
            pieces.append(f"value{index}(claim)")
        else:
            bound[f"key{index}"] = field
            pieces.append(f"article[key{index}]")
    return cast(
        MessageRenderer, eval(f"lambda claim, article, label: {' + '.join(pieces) or repr('')}", bound)
    )


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
}
"""How each claim placeholder is worked out; the others fall back to the article's values."""
