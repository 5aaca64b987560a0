"""provenance: verify where the claims in a news article come from.

The public API is the names in ``__all__``; everything else is private to the
package and may change between releases. Each name is imported on first use,
so a command that analyses one file does not pay for fetching, HTML
extraction, cross-checking, rendering or Parquet.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from provenance.api import (
        analyze,
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
        score,
        score_path,
    )
    from provenance.batch import BatchSummary, batch_records, read_dataset, run_batch
    from provenance.check.models import CheckResult
    from provenance.config import Config, load_config
    from provenance.corpus import ClaimComparison, build_index, compare_claims, crosscheck, load_corpus
    from provenance.errors import ExitStatus, ProvenanceError
    from provenance.evaluation import EvaluationReport
    from provenance.ingest import parse_article, read_article
    from provenance.ingest.fetch import FetchOptions
    from provenance.models import (
        SCHEMA_VERSION,
        AnalysisResult,
        Article,
        CrossCheckResult,
        Finding,
        ScoreReport,
    )
    from provenance.render.report import ReportFormat, render_report
    from provenance.scoring import Rule, RulePack, load_rule_pack

__version__ = "0.1.0"

_HOMES = {
    "provenance.api": (
        "analyze analyze_path check_paths crosscheck_path evaluate_gold explain_rule fetch_batch "
        "fetch_markdown fetch_settings index_corpus load_article report_batch report_sources score score_path"
    ),
    "provenance.batch": "BatchSummary batch_records read_dataset run_batch",
    "provenance.check.models": "CheckResult",
    "provenance.config": "Config load_config",
    "provenance.corpus": "ClaimComparison build_index compare_claims crosscheck load_corpus",
    "provenance.errors": "ExitStatus ProvenanceError",
    "provenance.evaluation": "EvaluationReport",
    "provenance.ingest": "parse_article read_article",
    "provenance.ingest.fetch": "FetchOptions",
    "provenance.models": "SCHEMA_VERSION AnalysisResult Article CrossCheckResult Finding ScoreReport",
    "provenance.render.report": "ReportFormat render_report",
    "provenance.scoring": "Rule RulePack load_rule_pack",
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names.split()}


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is asked for (PEP 562)."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'provenance' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "SCHEMA_VERSION",
    "AnalysisResult",
    "Article",
    "BatchSummary",
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
    "batch_records",
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
    "read_dataset",
    "render_report",
    "report_batch",
    "report_sources",
    "run_batch",
    "score",
    "score_path",
]
