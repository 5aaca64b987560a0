"""The public API is pinned: adding or removing a name is a deliberate, reviewed change.

Users import ``provenance`` as a library (researchers scoring thousands of
articles, newsrooms wiring it into their tools); a name that silently
disappears breaks them, and results they store as JSON must read back.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

import provenance
from provenance import AnalysisResult, ScoreReport, analyze_path, score_path
from provenance.config import Config

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_8dac13ad40c6afd4.txt"

PUBLIC_API = [
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


def _isort_key(name: str) -> tuple[int, str]:
    """Constants, then classes, then functions and other names, each alphabetical (ruff's RUF022)."""
    kind = 0 if name.isupper() else 1 if name[0].isupper() else 2
    return kind, name


def test_all_is_sorted() -> None:
    assert provenance.__all__ == sorted(provenance.__all__, key=_isort_key)


def test_all_is_the_pinned_list() -> None:
    assert provenance.__all__ == PUBLIC_API


@pytest.mark.parametrize("name", PUBLIC_API)
def test_every_public_name_is_importable(name: str) -> None:
    module = importlib.import_module("provenance")
    assert getattr(module, name) is not None
    namespace: dict[str, object] = {}
    exec(f"from provenance import {name}", namespace)
    assert namespace[name] is getattr(module, name)


def test_star_import_gives_exactly_the_public_names() -> None:
    namespace: dict[str, object] = {}
    exec("from provenance import *", namespace)
    assert sorted(set(namespace) - {"__builtins__"}) == sorted(PUBLIC_API)


@pytest.fixture(scope="module")
def seed_score() -> ScoreReport:
    return score_path(SEED, Config())


def test_analysis_result_of_the_seed_round_trips_through_json() -> None:
    analysis = analyze_path(SEED)
    assert analysis.claims, "the seed has claims"
    restored = AnalysisResult.model_validate_json(analysis.model_dump_json())
    assert restored == analysis
    assert restored.model_dump_json() == analysis.model_dump_json()


def test_score_report_of_the_seed_round_trips_through_json(seed_score: ScoreReport) -> None:
    assert seed_score.claim_scores, "the seed has scored claims"
    restored = ScoreReport.model_validate_json(seed_score.model_dump_json())
    assert restored == seed_score
    assert restored.model_dump_json(indent=2) == seed_score.model_dump_json(indent=2)
