"""Config: discovery by walking up, strict validation with file and line, command-line overrides."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.config import Config, config_for, find_config, load_config
from provenance.errors import ConfigError
from provenance.scoring import load_rule_pack

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_8dac13ad40c6afd4.txt"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nearest_config_is_found_walking_up_from_the_article(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.provenance]\nselect = ["PRV003"]\n')
    article = write(tmp_path / "news" / "2024" / "story.txt", "Text.\n")
    assert find_config(article) == tmp_path / "pyproject.toml"
    assert config_for(article).select == ("PRV003",)


def test_provenance_toml_wins_and_pyproject_without_table_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path / "provenance.toml", 'ignore = ["PRV008"]\n')
    write(tmp_path / "news" / "pyproject.toml", '[project]\nname = "newsroom"\n')
    article = write(tmp_path / "news" / "story.txt", "Text.\n")
    assert find_config(article) == tmp_path / "provenance.toml"
    write(tmp_path / "news" / "provenance.toml", "fail-under = 60\n")
    assert config_for(article).fail_under == 60


def test_a_url_uses_the_working_directory_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "provenance.toml", "fail-under = 42\n")
    monkeypatch.chdir(tmp_path)
    assert config_for("https://news.example/story").fail_under == 42


def test_no_config_file_means_defaults(tmp_path: Path) -> None:
    article = write(tmp_path / "story.txt", "Text.\n")
    assert find_config(article) is None
    assert config_for(article) == Config()


def test_full_config_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "house-rules"
    folder.mkdir()
    config = load_config(
        write(
            tmp_path / "pyproject.toml",
            "[tool.provenance]\n"
            'select = ["PRV0"]\n'
            'ignore = ["PRV008"]\n'
            'rule-folders = ["house-rules"]\n'
            "fail-under = 55.5\n"
            "[tool.provenance.rules.PRV003]\n"
            'severity = "warning"\n'
            "weight = 30\n",
        )
    )
    assert config.select == ("PRV0",)
    assert config.ignore == ("PRV008",)
    assert config.rule_folders == (folder,)
    assert config.fail_under == 55.5
    assert config.rules["PRV003"].weight == 30
    assert config.rules["PRV003"].severity is not None
    assert config.rules["PRV003"].severity.value == "warning"


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ('[tool.provenance]\nselect = ["PRV003"]\nfail_below = 3\n', 3, "unknown key 'fail_below'"),
        ("[tool.provenance]\nfail-under = 130\n", 2, "fail-under"),
        ('[tool.provenance]\nfail-under = "60"\n', 2, "fail-under"),
        ('[tool.provenance]\n\n[tool.provenance.rules.PRV003]\nseverity = "fatal"\n', 4, "severity"),
        ('[tool.provenance]\n\n[tool.provenance.rules.PRV003]\ncolour = "red"\n', 4, "unknown key"),
        ('[tool.provenance]\nselect = ["prv-3"]\n', 2, "not a rule id"),
        ('[tool.provenance]\nrule-folders = ["missing"]\n', 2, "not a directory"),
    ],
)
def test_bad_config_names_file_line_and_problem(tmp_path: Path, text: str, line: int, problem: str) -> None:
    path = write(tmp_path / "pyproject.toml", text)
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert raised.value.where == f"{path}:{line}"
    assert problem in raised.value.problem


def test_malformed_toml_is_a_config_error(tmp_path: Path) -> None:
    path = write(tmp_path / "provenance.toml", 'ignore = ["PRV008"]\nselect = [\n')
    with pytest.raises(ConfigError, match="malformed TOML") as raised:
        load_config(path)
    assert raised.value.where == f"{path}:2"


def test_missing_config_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.toml")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('select = ["PRV003", "PRV999"]\n', 1),
        ('ignore = ["PRV008"]\n\n[rules.PRV777]\nweight = 1\n', 3),
    ],
)
def test_unknown_rule_ids_are_errors_naming_file_and_line(tmp_path: Path, text: str, line: int) -> None:
    path = write(tmp_path / "provenance.toml", text)
    config = load_config(path)
    with pytest.raises(ConfigError, match="unknown rule id") as raised:
        load_rule_pack().active(config)
    assert raised.value.where == f"{path}:{line}"


def test_command_line_flags_override_the_file(tmp_path: Path) -> None:
    config = load_config(write(tmp_path / "provenance.toml", 'select = ["PRV003"]\nfail-under = 50\n'))
    overridden = config.with_overrides(select=["prv001, PRV002"], ignore=None, fail_under=80)
    assert overridden.select == ("PRV001", "PRV002")
    assert overridden.fail_under == 80
    assert config.with_overrides().select == ("PRV003",)
    with pytest.raises(ConfigError, match="--fail-under"):
        config.with_overrides(fail_under=101)
    with pytest.raises(ConfigError, match="--ignore"):
        config.with_overrides(ignore=["PRV 3"])


runner = CliRunner()


def test_cli_fail_under_from_config_and_flag(tmp_path: Path) -> None:
    article = write(tmp_path / "story.txt", SEED.read_text(encoding="utf-8"))
    write(tmp_path / "provenance.toml", "fail-under = 99\n")
    failing = runner.invoke(app, ["score", str(article)])
    assert failing.exit_code == 1, failing.output
    passing = runner.invoke(app, ["score", str(article), "--fail-under", "1"])
    assert passing.exit_code == 0, passing.output


def test_cli_config_errors_are_one_line_with_exit_2(tmp_path: Path) -> None:
    article = write(tmp_path / "story.txt", SEED.read_text(encoding="utf-8"))
    config = write(tmp_path / "custom.toml", "colour = 1\n")
    result = runner.invoke(app, ["score", str(article), "--config", str(config)])
    assert result.exit_code == 2
    assert result.output.strip() == f"error[PRV-E300]: {config}:1: unknown key 'colour'"
    unknown = runner.invoke(app, ["score", str(article), "--select", "PRV404"])
    assert unknown.exit_code == 2
    assert unknown.output.strip() == "error[PRV-E300]: --select: unknown rule id 'PRV404'"
    assert "Traceback" not in unknown.output
