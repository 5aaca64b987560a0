"""A bug never reaches a user as a traceback, and one odd article never stops ``provenance check``.

Also: ``check`` takes http(s) URLs like every other command that reads articles.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from test_fetch_server import ArticleServer, cache_dir, server
from typer.testing import CliRunner

import provenance.check.runner
import provenance.cli
from provenance.cli import app
from provenance.errors import ExitStatus, InternalError
from provenance.extract import analyze
from provenance.models import AnalysisResult, Article

__all__ = ["cache_dir", "server"]

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_8dac13ad40c6afd4.txt"
SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())
POISON = "The reactor exploded at dawn, officials said."


@pytest.fixture
def articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two good articles and one whose analysis trips a (simulated) bug in the extractor."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "articles"
    folder.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    (folder / "a.txt").write_text(seed, encoding="utf-8")
    (folder / "b-poison.txt").write_text(POISON + "\n", encoding="utf-8")
    (folder / "c.txt").write_text(seed, encoding="utf-8")
    return folder


def _buggy_analyze(article: Article) -> AnalysisResult:
    if POISON in article.text:
        raise ZeroDivisionError("division by zero")
    return analyze(article)


@pytest.fixture
def buggy_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(provenance.check.runner, "analyze", _buggy_analyze)


def test_an_unexpected_exception_is_one_line_with_its_own_status(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(target: str, encoding: str = "utf-8") -> AnalysisResult:
        raise ValueError("span out of\nrange")

    monkeypatch.setattr(provenance.cli, "analyze_path", crash)
    output = tmp_path / "out.json"
    result = CliRunner().invoke(app, ["analyze", str(SEED), "-f", "json", "-o", str(output)])
    assert result.exit_code == ExitStatus.INTERNAL == 70
    assert result.stderr == (
        "error[PRV-E900]: internal error: ValueError: span out of range (please report this)\n"
    )
    assert "Traceback" not in result.output
    assert not output.exists()


def test_usage_errors_still_pass_through_the_guard() -> None:
    result = CliRunner().invoke(app, ["fetch"])
    assert result.exit_code == ExitStatus.USAGE
    assert "PRV-E900" not in result.output


def test_internal_error_names_the_file_when_it_knows_it() -> None:
    line = InternalError.of(RecursionError("maximum recursion depth exceeded"), "a.txt").one_line()
    assert line == (
        "error[PRV-E900]: a.txt: internal error: RecursionError: maximum recursion depth exceeded "
        "(please report this)"
    )


@pytest.mark.usefixtures("buggy_extractor")
def test_check_reports_a_crash_for_that_file_and_checks_the_others(articles: Path) -> None:
    result = CliRunner().invoke(app, ["check", "articles", "-f", "json"])
    assert result.exit_code == ExitStatus.INPUT
    assert "Traceback" not in result.output
    files = {report["path"]: report for report in json.loads(result.stdout)["files"]}
    assert files["articles/b-poison.txt"]["error"] == (
        "error[PRV-E900]: articles/b-poison.txt: internal error: ZeroDivisionError: division by zero "
        "(please report this)"
    )
    for good in ("articles/a.txt", "articles/c.txt"):
        assert files[good]["error"] is None
        assert files[good]["claims"] > 0
    assert result.stderr.splitlines() == [files["articles/b-poison.txt"]["error"]]


def test_check_accepts_a_url(server: ArticleServer, cache_dir: Path, tmp_path: Path) -> None:
    url = server.url("/seed.txt")
    local = tmp_path / "seed.txt"
    local.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    runner = CliRunner()
    fetched = runner.invoke(app, ["--allow-private", "check", url, "-f", "json"])
    read = runner.invoke(app, ["--allow-private", "check", str(local), "-f", "json"])
    assert fetched.exit_code == read.exit_code
    [report] = json.loads(fetched.stdout)["files"]
    [expected] = json.loads(read.stdout)["files"]
    assert report["path"] == url
    assert report["error"] is None
    assert [finding["rule_id"] for finding in report["findings"]] == [
        finding["rule_id"] for finding in expected["findings"]
    ]
    assert report["score"] == expected["score"]


def test_a_checked_url_is_the_sarif_artifact_uri(server: ArticleServer, cache_dir: Path) -> None:
    url = server.url("/seed.txt")
    result = CliRunner().invoke(app, ["--allow-private", "check", url, "-f", "sarif"])
    log = json.loads(result.stdout)
    jsonschema.validate(log, SARIF_SCHEMA)
    uris = {
        location["physicalLocation"]["artifactLocation"]["uri"]
        for finding in log["runs"][0]["results"]
        for location in finding["locations"]
    }
    assert uris == {url}


def test_check_refuses_a_private_url_without_allow_private(server: ArticleServer, cache_dir: Path) -> None:
    url = server.url("/seed.txt")
    result = CliRunner().invoke(app, ["check", url, str(SEED), "-f", "sarif"])
    assert result.exit_code == ExitStatus.INPUT
    assert result.stderr.startswith(f"error[PRV-E201]: {url}: refused")
    assert server.paths == []
    sarif = json.loads(result.stdout)
    assert sarif["runs"][0]["results"], "the readable file was still checked"
