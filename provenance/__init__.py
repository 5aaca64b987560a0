"""provenance: verify where the claims in a news article come from.

The public API is the names in ``__all__``; everything else is private to the
package and may change between releases.
"""

from provenance.api import (
    analyze_path,
    check_paths,
    crosscheck_path,
    evaluate_gold,
    explain_rule,
    fetch_batch,
    fetch_markdown,
    fetch_settings,
    index_corpus,
    load_article,
    report_batch,
    report_sources,
    score_path,
)
from provenance.check.models import CheckResult
from provenance.config import Config, load_config
from provenance.corpus import ClaimComparison, build_index, compare_claims, crosscheck, load_corpus
from provenance.errors import ExitStatus, ProvenanceError
from provenance.evaluation import EvaluationReport
from provenance.extract import analyze
from provenance.ingest import parse_article, read_article
from provenance.ingest.fetch import FetchOptions
from provenance.models import SCHEMA_VERSION, AnalysisResult, Article, CrossCheckResult, Finding, ScoreReport
from provenance.render.report import ReportFormat, render_report
from provenance.scoring import Rule, RulePack, load_rule_pack, score

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "AnalysisResult",
    "Article",
    "CheckResult",
    "ClaimComparison",
    "Config",
    "CrossCheckResult",
    "EvaluationReport",
    "ExitStatus",
    "FetchOptions",
    "Finding",
    "ProvenanceError",
    "ReportFormat",
    "Rule",
    "RulePack",
    "ScoreReport",
    "__version__",
    "analyze",
    "analyze_path",
    "build_index",
    "check_paths",
    "compare_claims",
    "crosscheck",
    "crosscheck_path",
    "evaluate_gold",
    "explain_rule",
    "fetch_batch",
    "fetch_markdown",
    "fetch_settings",
    "index_corpus",
    "load_article",
    "load_config",
    "load_corpus",
    "load_rule_pack",
    "parse_article",
    "read_article",
    "render_report",
    "report_batch",
    "report_sources",
    "score",
    "score_path",
]
