"""provenance: verify where the claims in a news article come from.

The public API is the names in ``__all__``; everything else is private to the
package and may change between releases.
"""

from provenance.api import (
    analyze_path,
    check_paths,
    evaluate_gold,
    explain_rule,
    fetch_batch,
    fetch_markdown,
    fetch_settings,
    load_article,
    score_path,
)
from provenance.check.models import CheckResult
from provenance.config import Config, load_config
from provenance.errors import ExitStatus, ProvenanceError
from provenance.evaluation import EvaluationReport
from provenance.extract import analyze
from provenance.ingest import parse_article, read_article
from provenance.ingest.fetch import FetchOptions
from provenance.models import SCHEMA_VERSION, AnalysisResult, Article, Finding, ScoreReport
from provenance.scoring import Rule, RulePack, load_rule_pack, score

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "AnalysisResult",
    "Article",
    "CheckResult",
    "Config",
    "EvaluationReport",
    "ExitStatus",
    "FetchOptions",
    "Finding",
    "ProvenanceError",
    "Rule",
    "RulePack",
    "ScoreReport",
    "__version__",
    "analyze",
    "analyze_path",
    "check_paths",
    "evaluate_gold",
    "explain_rule",
    "fetch_batch",
    "fetch_markdown",
    "fetch_settings",
    "load_article",
    "load_config",
    "load_rule_pack",
    "parse_article",
    "read_article",
    "score",
    "score_path",
]
