"""provenance: verify where the claims in a news article come from.

The public API is the names in ``__all__``; everything else is private to the
package and may change between releases.
"""

from provenance.api import (
    analyze_path,
    evaluate_gold,
    fetch_batch,
    fetch_markdown,
    fetch_settings,
    load_article,
    report_batch,
    report_sources,
)
from provenance.errors import ExitStatus, ProvenanceError
from provenance.evaluation import EvaluationReport
from provenance.extract import analyze
from provenance.ingest import parse_article, read_article
from provenance.ingest.fetch import FetchOptions
from provenance.models import SCHEMA_VERSION, AnalysisResult, Article
from provenance.render.report import ReportFormat, render_report

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "AnalysisResult",
    "Article",
    "EvaluationReport",
    "ExitStatus",
    "FetchOptions",
    "ProvenanceError",
    "ReportFormat",
    "__version__",
    "analyze",
    "analyze_path",
    "evaluate_gold",
    "fetch_batch",
    "fetch_markdown",
    "fetch_settings",
    "load_article",
    "parse_article",
    "read_article",
    "render_report",
    "report_batch",
    "report_sources",
]
