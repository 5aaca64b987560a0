"""The built-in Python rules: logic beyond declarative conditions, registered by rule file.

Each function is named by the ``check`` key of its rule file
(``provenance.scoring.checks:corroborated``), so its id, severity, weight,
rationale and examples live in ``rules/`` with every other rule. Checks are
pure: article facts in, hits out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from provenance.models import ClaimCrossCheck, CorpusMatch
from provenance.scoring.facts import ArticleFacts
from provenance.scoring.rules import Hit, Rule

__all__ = ["MAX_CORROBORATIONS", "contradicted", "corroborated"]

MAX_CORROBORATIONS = 3
"""Independent confirmations beyond three add no further credit."""


def corroborated(facts: ArticleFacts, rule: Rule) -> Iterator[Hit]:
    """Credit claims that independent articles (not relaying the same upstream) report too."""
    del rule
    return _claims_matched(facts, lambda check: check.independent, MAX_CORROBORATIONS)


def contradicted(facts: ArticleFacts, rule: Rule) -> Iterator[Hit]:
    """Flag claims that other articles contradict, once per claim whatever the number of matches."""
    del rule
    return _claims_matched(facts, lambda check: check.contradictions, 1)


def _claims_matched(
    facts: ArticleFacts, matches_of: Callable[[ClaimCrossCheck], list[CorpusMatch]], most: int
) -> Iterator[Hit]:
    """Hit every claim with matches of one kind; the weight counts each match, up to ``most``."""
    for claim in facts.claims:
        matches = matches_of(claim.crosscheck) if claim.crosscheck is not None else []
        if matches:
            yield Hit(
                claim_id=claim.claim.id,
                evidence=(claim.claim.span,),
                values={"matches": _describe(matches), "count": str(len(matches))},
                scale=float(min(len(matches), most)),
            )


def _describe(matches: list[CorpusMatch]) -> str:
    """Name the matching articles by outlet (or id), with a contradiction's reason when given."""
    names = []
    for match in matches:
        name = match.outlet or match.article_title or match.article_id
        names.append(f"{name} ({match.reason})" if match.reason else name)
    return ", ".join(names)
