"""The library's entry points: one function per job, each returning a pydantic model.

These functions are the edge between the pure core and the outside world: they
accept article targets (paths, and URLs once fetching lands) and leave rendering
and exit codes to the caller.
"""

from __future__ import annotations

from pathlib import Path

from provenance.config import Config, config_for
from provenance.errors import ConfigError
from provenance.evaluation import EvaluationReport, evaluate_gold_dir
from provenance.extract import analyze
from provenance.ingest import read_article
from provenance.models import AnalysisResult, Article, CrossCheckResult, ScoreReport
from provenance.scoring import Rule, load_rule_pack, score


def load_article(target: str | Path, encoding: str = "utf-8") -> Article:
    """Load an article from a file path (every command reads its inputs through here)."""
    return read_article(target, encoding=encoding)


def analyze_path(target: str | Path, encoding: str = "utf-8") -> AnalysisResult:
    """Load the article at ``target`` and extract its claims and attribution chains."""
    return analyze(load_article(target, encoding=encoding))


def evaluate_gold(gold_dir: str | Path, limit: int | None = None) -> EvaluationReport:
    """Measure extraction accuracy on a gold folder (``text/`` + brat ``attributions/``, PolNeAR's layout)."""
    return evaluate_gold_dir(gold_dir, limit=limit)


def score_path(
    target: str | Path,
    config: Config | None = None,
    crosscheck: CrossCheckResult | None = None,
    encoding: str = "utf-8",
) -> ScoreReport:
    """Analyse and score the article at ``target``; without ``config``, the nearest config file applies."""
    active = config if config is not None else config_for(target)
    return score(analyze_path(target, encoding=encoding), active, crosscheck)


def explain_rule(rule_id: str, config: Config | None = None) -> Rule:
    """Return the rule with this id from the default pack, the config's extra folders and plugins."""
    active = config if config is not None else Config()
    pack = load_rule_pack(active.rule_folders)
    try:
        return pack.get(rule_id.strip().upper())
    except KeyError:
        raise ConfigError(rule_id, f"no such rule; known rules: {', '.join(pack.ids)}") from None
