"""The command line as a new user types it.

Usage errors are one line and a hint, global options work after the command,
``score`` has one JSON shape, and ``--fail-under`` says which articles fell below.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.api import fetch_settings
from provenance.cli import app, hoist_global_options
from provenance.models import ScoreReport

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_8dac13ad40c6afd4.txt"
WELL_SOURCED = ROOT / "fixtures" / "well-sourced-water-utility.md"
runner = CliRunner()


@pytest.mark.parametrize(
    ("args", "problem", "hint"),
    [
        (["analyze"], "missing argument 'paths'", "provenance analyze --help"),
        (["frobnicate"], "no such command 'frobnicate'", "provenance --help"),
        (["score", "--nope", str(SEED)], "no such option: --nope", "provenance score --help"),
        (["score", "-f", "yaml", str(SEED)], "'yaml' is not one of", "provenance score --help"),
        (["check", str(SEED), "--jobs", "0"], "greater than or equal to 1", "provenance check --help"),
        (["fetch"], "give a URL or --from FILE", "provenance fetch --help"),
        (["rules", "explain"], "missing argument 'rule_id'", "provenance rules explain --help"),
        (["check", ""], "an empty argument ('')", "provenance check --help"),
        (["check", str(SEED), "--fail-on", ""], "an empty argument ('')", "provenance check --help"),
        (["batch", "", "-o", "out"], "an empty argument ('')", "provenance batch --help"),
        (["--timeout", "5", "index", "", "-o", "x"], "an empty argument ('')", "provenance index --help"),
        (["crosscheck", str(SEED), "--corpus", ""], "an empty argument ('')", "provenance crosscheck --help"),
    ],
)
def test_a_usage_error_is_one_line_and_a_hint(
    args: list[str], problem: str, hint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # an empty path read as the current folder writes nothing here
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 2, result.stderr
    assert lines[0].startswith("error[PRV-E001]: ")
    assert problem.lower() in lines[0].lower()
    assert lines[1] == f"hint: see '{hint}'"


def test_help_still_prints_the_full_help() -> None:
    result = runner.invoke(app, ["score", "--help"])
    assert result.exit_code == 0
    assert "--fail-under" in result.stdout
    bare = runner.invoke(app, [])
    assert "Usage: provenance [OPTIONS] COMMAND" in bare.stdout + bare.stderr


@pytest.mark.parametrize(
    ("argv", "hoisted"),
    [
        (["analyze", "--allow-private", "u"], ["--allow-private", "analyze", "u"]),
        (["analyze", "u", "--no-cache", "-j"], ["--no-cache", "analyze", "u", "-j"]),
        (["fetch", "u", "--timeout", "5", "-o", "x"], ["--timeout", "5", "fetch", "u", "-o", "x"]),
        (["fetch", "u", "--timeout=5"], ["--timeout=5", "fetch", "u"]),
        (["--allow-private", "analyze", "u"], ["--allow-private", "analyze", "u"]),
        (["analyze", "--", "--allow-private"], ["analyze", "--", "--allow-private"]),
    ],
)
def test_global_options_after_the_command_are_moved_before_it(argv: list[str], hoisted: list[str]) -> None:
    assert hoist_global_options(argv) == hoisted


def test_allow_private_after_the_command_applies_to_it(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = []

    def spy(options: object) -> object:
        seen.append(options)
        return fetch_settings(options)  # type: ignore[arg-type]

    monkeypatch.setattr("provenance.cli.fetch_settings", spy)
    result = runner.invoke(app, ["analyze", str(SEED), "--allow-private", "--timeout", "7"])
    assert result.exit_code == 0, result.stderr
    assert [(o.allow_private, o.limits.total_timeout) for o in seen] == [(True, 7.0)]  # type: ignore[attr-defined]


@pytest.mark.parametrize("targets", [[SEED], [SEED, WELL_SOURCED]])
def test_score_json_is_an_array_for_one_article_as_for_several(targets: list[Path]) -> None:
    result = runner.invoke(app, ["score", *map(str, targets), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    reports = [ScoreReport.model_validate(item) for item in json.loads(result.stdout)]
    assert [report.analysis.article.path for report in reports] == [str(target) for target in targets]


def test_fail_under_says_which_articles_fell_below() -> None:
    result = runner.invoke(app, ["score", str(SEED), str(WELL_SOURCED), "--fail-under", "60"])
    assert result.exit_code == 1
    below = [line for line in result.stderr.splitlines() if line]
    assert len(below) == 1, result.stderr
    assert below[0].startswith(f"{SEED}: score ")
    assert below[0].endswith("below the minimum 60 (--fail-under)")


def test_fail_under_from_a_config_file_names_the_file(tmp_path: Path) -> None:
    article = tmp_path / "draft.txt"
    article.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "provenance.toml").write_text("fail-under = 50\n", encoding="utf-8")
    result = runner.invoke(app, ["score", str(article)])
    assert result.exit_code == 1
    assert result.stderr.strip().endswith(f"below the minimum 50 ({tmp_path / 'provenance.toml'}:1)")
