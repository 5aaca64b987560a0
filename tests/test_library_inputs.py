"""The library takes what a user naturally passes, and says clearly when it cannot.

``provenance.analyze`` reads a path, the text of an article or an ``Article``;
``provenance.score`` takes an analysis (or anything ``analyze`` takes) and
defaults its config; ``render_report`` takes a format by name in any case.
A value of the wrong kind is a ``TypeError`` or ``ValueError`` that says what
was expected, never an ``AttributeError`` or a bare ``KeyError`` from inside.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import provenance
from provenance import AnalysisResult, Config, ReportFormat, ScoreReport
from provenance.errors import InputError

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_8dac13ad40c6afd4.txt"
TEXT = "Harbour to close\n\nMayor Clara Voss said the harbour will close in June for dredging.\n"


def _claims(result: AnalysisResult) -> list[str]:
    return [claim.text for claim in result.claims]


def test_analyze_reads_a_path_given_as_a_string_or_a_path() -> None:
    expected = _claims(provenance.analyze(provenance.read_article(SEED)))
    assert _claims(provenance.analyze(str(SEED))) == expected
    assert _claims(provenance.analyze(SEED)) == expected
    assert provenance.analyze(str(SEED)).article.path == str(SEED)


def test_analyze_reads_the_text_of_an_article() -> None:
    result = provenance.analyze(TEXT)
    assert result.article.path is None
    assert _claims(result)[-1] == "Mayor Clara Voss said the harbour will close in June for dredging."


def test_a_string_naming_a_missing_article_file_is_an_input_error_not_text() -> None:
    with pytest.raises(InputError, match="no such file"):
        provenance.analyze("drafts/missing-article.txt")


@pytest.mark.parametrize("wrong", [42, None, b"bytes of an article", ["a.txt"]])
def test_analyze_says_what_it_takes(wrong: object) -> None:
    with pytest.raises(TypeError, match="an Article, a path or the text of an article"):
        provenance.analyze(wrong)  # type: ignore[arg-type]


def test_score_defaults_its_config() -> None:
    analysis = provenance.analyze(str(SEED))
    report = provenance.score(analysis)
    assert report == provenance.score(analysis, Config())
    assert report == provenance.score_path(SEED)


def test_score_takes_what_analyze_takes() -> None:
    assert provenance.score(str(SEED)) == provenance.score_path(SEED)
    assert provenance.score(TEXT).analysis.claims


def test_score_says_what_it_takes() -> None:
    with pytest.raises(TypeError, match="an AnalysisResult"):
        provenance.score(3.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="config must be a Config"):
        provenance.score(TEXT, {"select": ["PRV003"]})  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["HTML", "html", " Html ", ReportFormat.HTML])
def test_render_report_takes_a_format_by_name_in_any_case(name: str) -> None:
    page = provenance.render_report(provenance.score(TEXT), name)
    assert page.startswith("<!DOCTYPE html>")


def test_render_report_names_the_formats_it_knows() -> None:
    report = provenance.score(TEXT)
    with pytest.raises(ValueError, match="unknown report format 'pdf'; formats: text, md, html, json"):
        provenance.render_report(report, "pdf")
    with pytest.raises(TypeError, match="a ScoreReport"):
        provenance.render_report(provenance.analyze(TEXT), "md")  # type: ignore[arg-type]


def test_render_report_defaults_to_the_terminal_view() -> None:
    report: ScoreReport = provenance.score(TEXT)
    assert provenance.render_report(report) == provenance.render_report(report, ReportFormat.TEXT)
