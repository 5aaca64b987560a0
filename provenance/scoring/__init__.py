"""Sourcing-strength scoring: a declarative rule pack over extracted claims, explained point by point.

``score(analysis, config, crosscheck)`` is the entry point; ``load_rule_pack``
returns the rules with all their metadata (ids, names, severities, rationale,
help, examples) for listing, explaining and exporting (SARIF).
"""

from provenance.scoring.engine import (
    BASE_SCORE,
    FAILED_CLAIM_COST,
    GRADES,
    PRIOR_CLAIMS,
    grade,
    grade_label,
    moves_score,
    score,
)
from provenance.scoring.loader import DEFAULT_RULES, ENTRY_POINT_GROUP, load_rule_file, load_rule_pack
from provenance.scoring.rules import Example, Hit, Rule, RulePack

__all__ = [
    "BASE_SCORE",
    "DEFAULT_RULES",
    "ENTRY_POINT_GROUP",
    "FAILED_CLAIM_COST",
    "GRADES",
    "PRIOR_CLAIMS",
    "Example",
    "Hit",
    "Rule",
    "RulePack",
    "grade",
    "grade_label",
    "load_rule_file",
    "load_rule_pack",
    "moves_score",
    "score",
]
