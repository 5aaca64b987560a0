"""``provenance check`` end to end: the real pipeline and rule pack, exit codes, formats, files."""

from __future__ import annotations

import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from provenance.check import CheckPolicy, FileReport, check_article
from provenance.cli import _check_progress, _progress_wanted, app
from provenance.config import Config
from provenance.extract import analyze
from provenance.ingest import parse_article
from provenance.models import Severity
from provenance.scoring import load_rule_pack, score

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parent.parent
WELL_SOURCED = DATA / "well-sourced-harbour.md"
SARIF_SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text())
SINGLE_ANONYMOUS_ID = next(
    rule.id for rule in load_rule_pack().active(Config()) if rule.name == "single-anonymous-source"
)
runner = CliRunner()


@pytest.fixture
def newsroom(tmp_path: Path, seed_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make a working folder with the seed and the well-sourced article under ``drafts/``."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    shutil.copy(seed_path, drafts / "seed.txt")
    shutil.copy(WELL_SOURCED, drafts / "harbour.md")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def test_seed_fails_on_its_single_anonymous_sources_only(newsroom: Path) -> None:
    result = runner.invoke(app, ["check", "drafts/seed.txt"])
    assert result.exit_code == 1
    failing = re.findall(r"^drafts/seed\.txt:(\d+):(\d+): fail (\S+) ", result.stdout, re.MULTILINE)
    seed_lines = (newsroom / "drafts" / "seed.txt").read_text().splitlines()
    quoted = sorted(
        (rule, seed_lines[int(line) - 1][int(column) - 1 :][:28]) for line, column, rule in failing
    )
    assert quoted == [
        (SINGLE_ANONYMOUS_ID, "After the war, Europe will s"),
        (SINGLE_ANONYMOUS_ID, "Regarding the possibility of"),
        (SINGLE_ANONYMOUS_ID, "There is no consensus among "),
    ]
    assert result.stdout.rstrip().splitlines()[-1].startswith("provenance check failed: 1 input checked")


def test_well_sourced_article_passes(newsroom: Path) -> None:
    result = runner.invoke(app, ["check", "drafts/harbour.md"])
    assert result.exit_code == 0, result.stdout
    assert "provenance check passed" in result.stdout


def test_folder_with_an_unreadable_file_exits_3_and_reports_the_others(newsroom: Path) -> None:
    (newsroom / "drafts" / "broken.md").write_bytes(b"caf\xe9 \xff\xfe latin-1 bytes\n")
    result = runner.invoke(app, ["check", "drafts"])
    assert result.exit_code == 3
    assert "drafts/broken.md: not valid utf-8" in result.stdout
    assert f"drafts/seed.txt:9:1: fail {SINGLE_ANONYMOUS_ID}" in result.stdout
    assert "3 inputs checked" in result.stdout


def test_bad_config_exits_2_naming_the_file_and_line(newsroom: Path) -> None:
    (newsroom / "provenance.toml").write_text('fail-under = 50\n\n[check]\nincludes = ["*.md"]\n')
    result = runner.invoke(app, ["check", "drafts", "--format", "sarif", "--output", "out.sarif"])
    assert result.exit_code == 2
    assert "provenance.toml:4" in result.stderr
    assert "includes" in result.stderr
    assert not (newsroom / "out.sarif").exists()


def test_unknown_rule_in_fail_on_exits_2(newsroom: Path) -> None:
    result = runner.invoke(app, ["check", "drafts", "--fail-on", "PRV999"])
    assert result.exit_code == 2
    assert "unknown rule or severity 'PRV999'" in result.stderr


def test_config_policy_and_flags_override_the_default(newsroom: Path) -> None:
    (newsroom / "provenance.toml").write_text('[check]\nfail-on = ["info"]\n')
    assert runner.invoke(app, ["check", "drafts/harbour.md"]).exit_code == 1
    relaxed = runner.invoke(app, ["check", "drafts/seed.txt", "--fail-on", "PRV013"])
    assert relaxed.exit_code == 0
    strict = runner.invoke(app, ["check", "drafts/harbour.md", "--fail-on", "PRV013", "--fail-under", "99.5"])
    assert strict.exit_code == 1
    assert "CHK003 score-below-threshold" in strict.stdout


def test_include_and_exclude_flags_choose_the_files(newsroom: Path) -> None:
    only_markdown = runner.invoke(app, ["check", "drafts", "--include", "*.md"])
    assert only_markdown.exit_code == 0
    assert "1 input checked" in only_markdown.stdout
    excluded = runner.invoke(app, ["check", "drafts", "--exclude", "seed.txt"])
    assert excluded.exit_code == 0


def test_inline_marker_silences_a_reviewed_claim(newsroom: Path) -> None:
    seed = newsroom / "drafts" / "seed.txt"
    text = seed.read_text()
    for sentence in (
        "There is no consensus",
        "Regarding the possibility",
        "After the war",
        "Following negotiations",
    ):
        rules = f"{SINGLE_ANONYMOUS_ID}, single-anonymous-source"
        marker = f"<!-- provenance: ignore {rules} -- confirmed with the embassy -->\n"
        text = text.replace(sentence, marker + sentence, 1)
    seed.write_text(text)
    result = runner.invoke(app, ["check", "drafts/seed.txt"])
    assert f"fail {SINGLE_ANONYMOUS_ID}" not in result.stdout
    assert "suppressed" in result.stdout


def test_write_baseline_then_only_new_findings_fail(newsroom: Path) -> None:
    written = runner.invoke(app, ["check", "drafts", "--write-baseline", "--baseline", "known.json"])
    assert written.exit_code == 0
    assert "wrote" in written.stderr
    assert runner.invoke(app, ["check", "drafts", "--baseline", "known.json"]).exit_code == 0
    with (newsroom / "drafts" / "harbour.md").open("a") as article:
        article.write("\nThe quay will reopen in July, an official said.\n")
    grown = runner.invoke(app, ["check", "drafts", "--baseline", "known.json"])
    assert grown.exit_code == 1
    assert [line.split(":")[0] for line in grown.stdout.splitlines() if ": fail " in line] == [
        "drafts/harbour.md"
    ] * len([line for line in grown.stdout.splitlines() if ": fail " in line])


def test_missing_baseline_is_a_config_error(newsroom: Path) -> None:
    result = runner.invoke(app, ["check", "drafts", "--baseline", "nope.json"])
    assert result.exit_code == 2
    assert "nope.json" in result.stderr


def test_sarif_output_file_is_valid_and_written_atomically(newsroom: Path) -> None:
    (newsroom / "out").mkdir()
    result = runner.invoke(app, ["check", "drafts", "--format", "sarif", "--output", "out/provenance.sarif"])
    assert result.exit_code == 1
    assert result.stdout == ""
    log = json.loads((newsroom / "out" / "provenance.sarif").read_text())
    jsonschema.validate(log, SARIF_SCHEMA)
    run = log["runs"][0]
    assert SINGLE_ANONYMOUS_ID in {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    assert {
        entry["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for entry in run["results"]
    } == {"drafts/seed.txt"}
    assert [path.name for path in (newsroom / "out").iterdir()] == ["provenance.sarif"]


def test_json_and_junit_formats(newsroom: Path) -> None:
    payload = json.loads(runner.invoke(app, ["check", "drafts", "--format", "json"]).stdout)
    assert [report["path"] for report in payload["files"]] == ["drafts/harbour.md", "drafts/seed.txt"]
    assert payload["policy"]["fail_on"] == ["error"]
    suites = ET.fromstring(runner.invoke(app, ["check", "drafts", "--format", "junit"]).stdout)
    assert suites.get("tests") == "2"
    assert suites.get("failures") == "1"


def test_github_format_annotates_and_writes_the_job_summary(
    newsroom: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = newsroom / "summary.md"
    summary.write_text("# earlier step\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = runner.invoke(app, ["check", "drafts", "--format", "github"])
    assert result.exit_code == 1
    assert re.search(
        rf"^::error file=drafts/seed.txt,line=9,endLine=9,col=1,endColumn=\d+,title={SINGLE_ANONYMOUS_ID} ",
        result.stdout,
        re.MULTILINE,
    )
    written = summary.read_text()
    assert written.startswith("# earlier step\n## provenance check")
    assert "| drafts/seed.txt | 9 |" in written


def test_parallel_jobs_give_the_same_report(newsroom: Path) -> None:
    serial = runner.invoke(app, ["check", "drafts", "--format", "json"])
    parallel = runner.invoke(app, ["check", "drafts", "--format", "json", "--jobs", "2"])
    assert parallel.stdout == serial.stdout


def test_no_progress_output_when_stderr_is_not_a_terminal(newsroom: Path) -> None:
    result = runner.invoke(app, ["check", "drafts/harbour.md"])
    assert result.stderr == ""


def test_pre_commit_hook_runs_the_check_command() -> None:
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert {"id", "name", "entry", "language", "types_or"} <= hook.keys()
    assert hook["language"] == "python"
    assert hook["entry"] == "provenance check"
    assert set(hook["types_or"]) == {"markdown", "text", "html"}
    assert re.search(hook["files"], "drafts/story.md")
    assert not re.search(hook["files"], "tools/build.py")
    help_text = runner.invoke(app, ["check", "--help"])
    assert help_text.exit_code == 0


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_and_not_when_quiet() -> None:
    assert _progress_wanted(quiet=False, stream=_Terminal())
    assert not _progress_wanted(quiet=True, stream=_Terminal())
    assert not _progress_wanted(quiet=False, stream=io.StringIO())


def test_progress_display_takes_the_callbacks() -> None:
    with _check_progress(enabled=True) as (on_selected, on_report):
        assert on_selected is not None
        assert on_report is not None
        on_selected(2)
        on_report(FileReport(path="a.md"))
        on_report(FileReport(path="b.md"))
    with _check_progress(enabled=False) as callbacks:
        assert callbacks == (None, None)


def test_baseline_named_in_the_config_is_written_and_used(newsroom: Path) -> None:
    (newsroom / "ci").mkdir()
    (newsroom / "ci" / "provenance.toml").write_text('[check]\nbaseline = "known.json"\n')
    written = runner.invoke(app, ["check", "drafts", "--config", "ci/provenance.toml", "--write-baseline"])
    assert written.exit_code == 0
    assert (newsroom / "ci" / "known.json").is_file()
    assert runner.invoke(app, ["check", "drafts", "--config", "ci/provenance.toml"]).exit_code == 0
    assert runner.invoke(app, ["check", "drafts"]).exit_code == 1


def test_pyproject_table_configures_the_check(newsroom: Path) -> None:
    (newsroom / "pyproject.toml").write_text(
        '[project]\nname = "desk"\n\n[tool.provenance.check]\nexclude = ["seed.txt"]\n'
    )
    result = runner.invoke(app, ["check", "drafts"])
    assert result.exit_code == 0
    assert "1 input checked" in result.stdout


NEWSY = st.lists(
    st.sampled_from(
        ["The port closed", ", an official said", ". ", "\r\n", "\n\n", "Zürich 🚢", '"We agree,"',
         " Voss said", "<!-- provenance: ignore PRV002 -- checked -->", "according to two diplomats",
         "allegedly"]
    ),
    min_size=1,
    max_size=25,
).map("".join)  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(NEWSY)
def test_any_article_is_placed_inside_its_text(text: str) -> None:
    if not text.strip():
        return
    analysis = analyze(parse_article(text, "a.md"))
    report = check_article("a.md", score(analysis, Config()), CheckPolicy(fail_on=["warning"]))
    line_count = len(re.split(r"\r\n|\r|\n", text))
    for finding in report.findings:
        region = finding.region
        assert 1 <= region.start_line <= region.end_line <= line_count
        assert finding.failing == (finding.suppression is None and finding.severity is not Severity.INFO)


CONTRADICTED_ID = next(rule.id for rule in load_rule_pack().active(Config()) if rule.name == "contradicted")


def contradicted_lines(output: str) -> list[str]:
    return re.findall(rf"^drafts/seed\.txt:(\d+):\d+: fail {CONTRADICTED_ID} ", output, re.MULTILINE)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_corpus_brings_in_the_contradiction_rule(newsroom: Path, jobs: str) -> None:
    corpus = newsroom / "corpus"
    shutil.copytree(ROOT / "fixtures", corpus)
    drafts = ["drafts/seed.txt", "drafts/harbour.md"]
    alone = runner.invoke(app, ["check", *drafts])
    crosschecked = runner.invoke(app, ["check", *drafts, "--corpus", str(corpus), "--jobs", jobs, "-q"])
    assert contradicted_lines(alone.stdout) == []
    assert crosschecked.exit_code == 1, crosschecked.output
    seed_lines = (newsroom / "drafts" / "seed.txt").read_text().splitlines()
    flagged = [seed_lines[int(line) - 1] for line in contradicted_lines(crosschecked.stdout)]
    assert any("Tusk" in line for line in flagged)


def test_a_corpus_index_file_serves_worker_processes(newsroom: Path) -> None:
    index = newsroom / "corpus.sqlite"
    built = runner.invoke(app, ["index", str(ROOT / "fixtures"), "--output", str(index)])
    assert built.exit_code == 0, built.output
    result = runner.invoke(
        app, ["check", "drafts/seed.txt", "drafts/harbour.md", "--corpus", str(index), "-j", "2", "-q"]
    )
    assert result.exit_code == 1
    assert contradicted_lines(result.stdout)


def test_a_missing_corpus_is_one_line_and_exit_3(newsroom: Path) -> None:
    result = runner.invoke(app, ["check", "drafts/seed.txt", "--corpus", "nowhere"])
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert "nowhere" in result.stderr


PARAGRAPHS = (
    "The port will close on Friday, an official said.",
    "The ferry will stop on Monday, an official said. The bridge will shut on Tuesday, a source said.",
    "The dock will flood, an official said.",
)
OWN_LINE_MARKER = "<!-- provenance: ignore PRV003 -- confirmed by phone with the port authority -->"


def _plain(first: str, second: str, third: str) -> str:
    return f"{first}\n\n{OWN_LINE_MARKER}\n{second}\n\n{third}\n"


SUPPRESSED_FORMATS = {
    "plain.txt": _plain(*PARAGRAPHS),
    "markdown.md": "---\ntitle: Port news\noutlet: Harbour Gazette\n---\n" + _plain(*PARAGRAPHS),
    "spaced.md": _plain(*PARAGRAPHS).replace(OWN_LINE_MARKER + "\n", OWN_LINE_MARKER + "\n\n"),
    "seed.txt": " date 2024-12-12 Port news for the week\n\nSource: Harbour Gazette\n\nDetails: "
    + _plain(*PARAGRAPHS),
    "page.html": "<html><head><title>Port news for the week</title></head><body><article>"
    "<h1>Port news for the week</h1>"
    f"<p>{PARAGRAPHS[0]} The harbour has been busy all summer with visitors.</p>\n"
    f"{OWN_LINE_MARKER}\n<p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p></article></body></html>",
}


@pytest.mark.parametrize("name", sorted(SUPPRESSED_FORMATS))
def test_marker_on_its_own_line_silences_the_whole_next_paragraph_in_every_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(SUPPRESSED_FORMATS[name], encoding="utf-8")
    payload = json.loads(runner.invoke(app, ["check", name, "--format", "json"]).stdout)
    findings = [f for f in payload["files"][0]["findings"] if f["rule_id"] == "PRV003"]
    failing = sorted(f["claim_text"][:14] for f in findings if f["failing"])
    silenced = sorted(f["claim_text"][:14] for f in findings if f["suppression"])
    assert failing == ["The dock will ", "The port will "]
    assert silenced == ["The bridge wil", "The ferry will"]
    assert all(
        "provenance" not in f["claim_text"] for f in payload["files"][0]["findings"] if f["claim_text"]
    )
    assert not [f for f in payload["files"][0]["findings"] if f["rule_id"] == "CHK002"]
